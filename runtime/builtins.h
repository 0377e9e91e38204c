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
/* A builtin function defined outside this file (compile, exec, eval,
 * __import__, open) put into builtins, its __self__ and __module__ the
 * builtins module as the others'. */
void rt_builtins_add_function(const char *name, NativeFunc fn);
/* How input() reads a line when sys.stdin and sys.stdout are the
 * process's terminal (CPython's PyOS_ReadlineFunctionPointer): NULL, the
 * default, reads sys.stdin.readline(); the readline module sets it to
 * read with line editing and history.  It gets the prompt and returns
 * the line without its newline, or VAL_NULL with KeyboardInterrupt or
 * EOFError set. */
extern Value (*rt_input_readline)(Value prompt);

/* sys.stdout-like output used by print() and tracebacks: buffered stdout,
 * flushed at exit and before a traceback is printed, with CPython's two
 * buffers: rt_stdout_write_text is sys.stdout.write (the TextIOWrapper's
 * pending text), rt_stdout_write sys.stdout.buffer.write (the
 * BufferedWriter); rt_stdout_flush_checked is sys.stdout.flush() (both),
 * rt_stdout_flush_buffer_checked sys.stdout.buffer.flush().  A write error
 * is the program's, as with CPython's BufferedWriter: they return false
 * with OSError (BrokenPipeError...) set when the bytes cannot be written.
 * rt_stdout_flush is for pvm's own ordering flushes (both buffers): what
 * it could not write stays in the buffer, and the next checked call (or
 * the exit) meets the error again. */
bool rt_stdout_write_text(const char *s, size_t n);
bool rt_stdout_write(const char *s, size_t n);
void rt_stdout_flush(void);
bool rt_stdout_flush_checked(void);
bool rt_stdout_flush_buffer_checked(void);
/* sys.stdout.reconfigure(line_buffering=, write_through=). */
void rt_stdout_set_text_mode(bool line_buffering, bool write_through);
/* -u / PYTHONUNBUFFERED (io's start-up sys.stdout): no buffering at all. */
void rt_stdout_set_unbuffered(void);
/* At exit: flush, and report a write that failed there as CPython's
 * finalisation does; returns the exit status, 120 after such a failure
 * whatever it was (CPython's Py_RunMain). */
int rt_stdout_exit(int status);
/* In the child of fork(): the threads that were flushing, or waiting to,
 * are not there (only the calling thread's own flush goes on). */
void rt_stdout_after_fork(void);
/* Where print() and input() find sys.stdout and sys.stdin: sys's
 * namespace (modules/sys.c sets it when it makes sys).  While sys.stdout
 * is still rt_stdout_stream — the start-up stream, io's TextIOWrapper over
 * the buffer above (modules/io_module.c) — print() writes into the buffer
 * itself instead of calling sys.stdout.write; io clears rt_stdout_stream
 * when the stream is reconfigured away from plain UTF-8 or detached. */
extern Value rt_sys_namespace;
extern Value rt_stdout_stream;
/* The locale's codeset when the start-up standard streams do not encode
 * UTF-8 (not in UTF-8 mode nor a UTF-8 locale; modules/sys.c sets it),
 * VAL_NULL when they do.  Then print() writes only ASCII into the stdout
 * buffer itself, anything else through sys.stdout's encoder, and a
 * traceback's last line is encoded as sys.stderr would. */
extern Value rt_stdio_codeset;
/* Choose line or block buffering and register the flush at exit (called by
 * rt_builtins_init; rt_stdout_write also does it on first use). */
void rt_stdout_init(void);

/* object.__dir__(obj): the sorted names of obj's namespace and of its
 * class's MRO (a type's: its own MRO's; a module's: its namespace's). */
Value rt_object_dir(Value obj);

/* What type.__instancecheck__ and type.__subclasscheck__ answer (the
 * MRO, or __class__ / __bases__ for objects standing for classes): 1/0,
 * -1 on error. */
int rt_object_isinstance(Value inst, Value cls);
int rt_recursive_issubclass(Value derived, Value cls);

/* ---- the iterator types behind enumerate, zip, map, filter, reversed and
 * iter(callable, sentinel) (iterobjects.c) ---- */
extern ObjType rt_enumerate_type, rt_zip_type, rt_map_type, rt_filter_type,
    rt_reversed_type, rt_callable_iterator_type;
/* iter(callable, sentinel): call callable() until it returns sentinel. */
Value rt_callable_iter_new(Value callable, Value sentinel);
/* Ready the iterator types (rt_builtins_init calls it first). */
void rt_iterobjects_init(void);

#endif
