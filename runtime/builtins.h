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

/* sys.stdout-like output used by print() and tracebacks: buffered stdout,
 * flushed at exit and before a traceback is printed. */
void rt_stdout_write(const char *s, size_t n);
void rt_stdout_flush(void);
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

/* ---- keyword-argument parsing for NativeFuncs ----
 * Describes a function's parameters the way CPython's Argument Clinic does,
 * so that rt_parse_args raises the same messages CPython 3.11 does:
 *   "round() missing required argument 'number' (pos 1)",
 *   "'foo' is an invalid keyword argument for sum()", ...
 * names[0..nparams): every parameter, positional ones first; the first
 * `posonly` cannot be passed by keyword, the first `minpos` are required,
 * at most `maxpos` may be passed by position (the rest are keyword-only).
 * varargs: the function also takes *args (print): extra positionals are the
 * caller's, not an error. */
typedef struct ArgSpec {
    const char *fname;
    const char *const *names;
    int nparams, posonly, minpos, maxpos;
    bool varargs;
} ArgSpec;
/* Fill out[0..nparams) from a call's args/kwnames; absent ones are VAL_NULL.
 * false + TypeError on a bad call. */
bool rt_parse_args(const ArgSpec *spec, const Value *args, size_t nargs,
                   Value kwnames, Value *out);
/* CPython's _PyArg_CheckPositional message: "isinstance expected 2
 * arguments, got 1", "iter expected at least 1 argument, got 0". */
bool rt_check_positional(const char *fname, size_t nargs, size_t min, size_t max);

#endif
