/*
 * builtins.h — the `builtins` module: print, len, range, ... and the
 * builtin types' names (int, str, list, ...) bound to their type objects.
 */
#ifndef PVM_BUILTINS_H
#define PVM_BUILTINS_H

#include "object.h"

/* Create the builtins module's dict (call once, after the types are ready). */
Value rt_builtins_init(void);
extern Value rt_builtins_dict;
/* The builtins module itself (its dict is rt_builtins_dict). */
extern Value rt_builtins_module;

/* sys.stdout-like output used by print() and tracebacks: buffered stdout,
 * flushed at exit and before a traceback is printed.  A write error is
 * the program's: false with OSError set (BrokenPipeError for a closed
 * pipe), as CPython's buffered stdout raises. */
bool rt_stdout_write(const char *s, size_t n);
bool rt_stdout_flush(void);
/* Choose line or block buffering and register the flush at exit (called by
 * rt_builtins_init; rt_stdout_write also does it on first use). */
void rt_stdout_init(void);

/* ---- the iterator types behind enumerate, zip, map, filter, reversed and
 * iter(callable, sentinel) (iterobjects.c) ---- */
extern ObjType rt_enumerate_type, rt_zip_type, rt_map_type, rt_filter_type,
    rt_reversed_type, rt_callable_iterator_type;
/* iter(callable, sentinel): call callable() until it returns sentinel. */
Value rt_callable_iter_new(Value callable, Value sentinel);
/* Ready the iterator types (rt_builtins_init calls it first). */
void rt_iterobjects_init(void);

#endif
