/*
 * error.h — how failures travel through pvm.
 *
 * One convention everywhere (CPython's): a function that fails *sets the
 * current exception* and returns a failure value — VAL_NULL for functions
 * returning a Value, -1 for functions returning an int or size.  The caller
 * either handles it or returns failure in turn; the eval loop jumps to its
 * error label and consults the exception table.
 *
 * Messages are built with rt_raisef's small format language:
 *   %s C string   %d int   %zd ssize_t   %zu size_t   %ld long   %c char
 *   %x unsigned in hex   %p pointer as repr() shows addresses (0x7f3a...)
 *   %R repr(Value)   %S str(Value)   %T type name of a Value   %% percent
 */
#ifndef PVM_ERROR_H
#define PVM_ERROR_H

#include <stdio.h>
#include "object.h"

/* The builtin exception hierarchy, declared once: X(name, base). */
#define RT_EXCEPTIONS(X)                                    \
    X(BaseException, object)                                \
    X(SystemExit, BaseException)                            \
    X(KeyboardInterrupt, BaseException)                     \
    X(GeneratorExit, BaseException)                         \
    X(BaseExceptionGroup, BaseException)                    \
    X(Exception, BaseException)                             \
    X(ExceptionGroup, BaseExceptionGroup) /* and Exception */ \
    X(StopIteration, Exception)                             \
    X(StopAsyncIteration, Exception)                        \
    X(ArithmeticError, Exception)                           \
    X(FloatingPointError, ArithmeticError)                  \
    X(OverflowError, ArithmeticError)                       \
    X(ZeroDivisionError, ArithmeticError)                   \
    X(AssertionError, Exception)                            \
    X(AttributeError, Exception)                            \
    X(BufferError, Exception)                               \
    X(EOFError, Exception)                                  \
    X(ImportError, Exception)                               \
    X(ModuleNotFoundError, ImportError)                     \
    X(LookupError, Exception)                               \
    X(IndexError, LookupError)                              \
    X(KeyError, LookupError)                                \
    X(MemoryError, Exception)                               \
    X(NameError, Exception)                                 \
    X(UnboundLocalError, NameError)                         \
    X(OSError, Exception)                                   \
    X(BlockingIOError, OSError)                             \
    X(ChildProcessError, OSError)                           \
    X(ConnectionError, OSError)                             \
    X(BrokenPipeError, ConnectionError)                     \
    X(ConnectionAbortedError, ConnectionError)              \
    X(ConnectionRefusedError, ConnectionError)              \
    X(ConnectionResetError, ConnectionError)                \
    X(FileExistsError, OSError)                             \
    X(FileNotFoundError, OSError)                           \
    X(InterruptedError, OSError)                            \
    X(IsADirectoryError, OSError)                           \
    X(NotADirectoryError, OSError)                          \
    X(PermissionError, OSError)                             \
    X(ProcessLookupError, OSError)                          \
    X(TimeoutError, OSError)                                \
    X(ReferenceError, Exception)                            \
    X(RuntimeError, Exception)                              \
    X(NotImplementedError, RuntimeError)                    \
    X(RecursionError, RuntimeError)                         \
    X(SyntaxError, Exception)                               \
    X(IndentationError, SyntaxError)                        \
    X(TabError, IndentationError)                           \
    X(SystemError, Exception)                               \
    X(TypeError, Exception)                                 \
    X(ValueError, Exception)                                \
    X(UnicodeError, ValueError)                             \
    X(UnicodeDecodeError, UnicodeError)                     \
    X(UnicodeEncodeError, UnicodeError)                     \
    X(UnicodeTranslateError, UnicodeError)                  \
    X(Warning, Exception)                                   \
    X(DeprecationWarning, Warning)                          \
    X(PendingDeprecationWarning, Warning)                   \
    X(RuntimeWarning, Warning)                              \
    X(SyntaxWarning, Warning)                               \
    X(UserWarning, Warning)                                 \
    X(FutureWarning, Warning)                               \
    X(ImportWarning, Warning)                               \
    X(UnicodeWarning, Warning)                              \
    X(BytesWarning, Warning)                                \
    X(ResourceWarning, Warning)                             \
    X(EncodingWarning, Warning)

/* rt_TypeError, rt_ValueError, ...: the exception type objects. */
#define RT_DECLARE_EXC(name, base) extern ObjType rt_##name;
RT_EXCEPTIONS(RT_DECLARE_EXC)
#undef RT_DECLARE_EXC

/* Raise: build an instance of `type` with the formatted message as its one
 * argument and make it the current exception.  Always returns VAL_NULL so
 * callers can write `return rt_raisef(...)`. */
Value rt_raisef(ObjType *type, const char *fmt, ...);
/* Raise an existing exception instance, or an exception class (instantiated
 * with no arguments).  Returns VAL_NULL. */
Value rt_raise(Value exc_or_type);
/* Raise type(*args). */
Value rt_raise_args(ObjType *type, Value args_tuple);
Value rt_raise_nomemory(void);
/* OSError(errnum, strerror(errnum)), or the subclass errnum names
 * (BrokenPipeError for EPIPE...); returns VAL_NULL. */
Value rt_raise_os_error(int errnum);

/* The exception being raised, or VAL_NULL (the running thread's: see
 * vm/thread.h).  Use the functions below, not the variable. */
extern Value rt_err_current;

bool rt_err_occurred(void);
/* The current exception (VAL_NULL if none), without clearing it. */
Value rt_err_peek(void);
/* Take the current exception, clearing it. */
Value rt_err_fetch(void);
void rt_err_clear(void);
/* When the current exception is a `type` (AttributeError, NameError), set
 * its name, and its obj unless obj is VAL_NULL: CPython's getattr and name
 * lookups do, and the "Did you mean" suggestions read them. */
void rt_err_set_name(ObjType *type, Value name, Value obj);
/* NameError "name 'x' is not defined", with its name set. */
Value rt_raise_name_error(Value name);
/* The name an uncaught AttributeError or NameError suggests ("Did you
 * mean: 'x'?", suggestions.c), or VAL_NULL; it never raises. */
Value rt_exc_suggestion(Value exc);
/* The str in the list `names` closest to name (the same measure), or
 * VAL_NULL. */
Value rt_closest_name(Value names, Value name);
/* Is the current exception an instance of type (or a subclass)? */
bool rt_err_matches(ObjType *type);
/* Is exc (an exception instance or class) a match for `match` — a class or
 * tuple of classes, as in `except match:`. */
bool rt_exc_matches(Value exc, Value match);

/* Exception objects. */
Value rt_exc_new(ObjType *type, Value args_tuple);   /* VAL_NULL on error */
/* exc.add_note(note) (CPython's _PyException_AddNote): false on error. */
bool rt_exc_add_note(Value exc, Value note);
Value rt_exc_str(Value exc);     /* str(exc) as CPython prints it */
/* Print "Traceback (most recent call last):" ... "KeyError: 'k'" to stderr,
 * following __cause__/__context__ chains as CPython does. */
void rt_print_exception(Value exc);
/* The same report written to any stream (tests capture it this way). */
void rt_print_exception_to(FILE *out, Value exc);
/* The report as PyErr_Display's C fallback writes it when the traceback
 * module fails (3.13 on: a group without its members). */
void rt_print_exception_fallback(FILE *out, Value exc);
/* The report of an unraisable exception to stderr, as CPython's default
 * unraisable hook writes it: no "Did you mean" after the message. */
void rt_print_unraisable(Value exc);
/* warnings.warn(message, category, stacklevel) from C (CPython's
 * PyErr_WarnEx; warnings.c): stacklevel 1 is the Python frame running the
 * C code.  0, or -1 with the exception set (a filter turned the warning
 * into an error). */
int rt_warn(ObjType *category, const char *message, int stacklevel);
/* A ResourceWarning about `source` (CPython's PyErr_ResourceWarning): an
 * unclosed file finalised.  0, or -1 with the exception set. */
int rt_warn_resource(Value source, Value message);
/* The same for a warning about filename:lineno (PyErr_WarnExplicitObject):
 * the compiler's warnings, replayed by loader/compile.c. */
int rt_warn_explicit(ObjType *category, Value message, Value filename, int lineno);
/* "coroutine '...' was never awaited" for a coroutine collected unstarted,
 * as CPython words and reports it (warnings.c). */
void rt_warn_unawaited_coroutine(Value coro, Value qualname);
/* CPython's PyErr_WriteUnraisable: report the current exception, which
 * nobody can catch (raised by a weakref callback, a generator closed by the
 * collector), as "Exception ignored in: <repr of obj>" and its traceback,
 * and clear it. */
void rt_write_unraisable(Value obj);
/* CPython's _PyErr_WriteUnraisableMsg: "Exception ignored <what>: <repr of
 * obj>" (obj None: "Exception ignored <what>:"). */
void rt_write_unraisable_msg(Value what, Value obj);
/* The same as 3.14 reports it: "Exception ignored while <doing> <repr of
 * obj>", with no object (CPython 3.14's PyErr_FormatUnraisable calls);
 * before 3.14 as rt_write_unraisable(obj). */
void rt_write_unraisable_while(const char *doing, Value obj);
/* Who reports it: sys.unraisablehook once the sys module is made
 * (modules/sys_hooks.c sets this), else the plain report above. */
extern void (*rt_unraisable_handler)(Value exc, const char *what, Value obj);

/* Chaining: `raise` inside an `except` block makes the exception being
 * handled the new one's __context__.  Sets exc.__context__ = handled (unless
 * they are the same object) and, as CPython does, cuts any cycle this would
 * create in the context chain. */
void rt_exc_set_context(Value exc, Value handled);
/* The dict of an exception's C-level fields (made when first asked for),
 * and one field's value (VAL_NULL when never set). */
Value rt_exc_fields(ObjException *e);
Value rt_exc_field(Value exc, const char *name);
/* StopIteration.value (rt_None when raised without arguments). */
Value rt_stopiteration_value(Value exc);

/* ---- SyntaxError (syntaxerror.c) -------------------------------------------
 * Its attributes come from its arguments (exceptions.c calls
 * rt_syntaxerror_fields when they are set) and are None until then
 * (getsets in exceptions.c); its str() is
 * "msg (file, line N)".  A traceback shows where the error is before the
 * exception line: rt_syntaxerror_print_location prints "  File ..., line
 * N", the text and the carets, and returns what follows "SyntaxError: "
 * (msg), or exc itself when there is no location to show. */
void rt_syntaxerror_fields(ObjException *e);
Value rt_syntaxerror_str(Value self);
Value rt_syntaxerror_print_location(FILE *out, Value exc);

/* ---- except* (excgroup.c) ------------------------------------------------
 * CHECK_EG_MATCH:    rt_eg_check_type(type), then rt_eg_match(exc, type,
 *                    &match, &rest): match is rt_None when the clause does
 *                    not apply; otherwise the stack's exc becomes rest and
 *                    match is pushed (and is the exception being handled).
 * PREP_RERAISE_STAR: rt_prep_reraise_star(orig, list of what the clauses
 *                    raised or re-raised) — the exception to re-raise, or
 *                    rt_None.  Each returns -1 / VAL_NULL on error. */
int rt_eg_check_type(Value match_type);
int rt_eg_match(Value exc_value, Value match_type, Value *match, Value *rest);
Value rt_prep_reraise_star(Value orig, Value excs);
void rt_excgroup_prepare(void);         /* called by rt_exceptions_init */
void rt_excgroup_init(void);

/* ---- Tracebacks (traceback.c) --------------------------------------------
 * A traceback is a linked list of ObjTraceback entries, one per frame the
 * exception passed through, running from the OUTERMOST frame (the module) to
 * the INNERMOST (where it was raised) — the order it is printed in.  The
 * exception is raised in the innermost frame first, so as it unwinds, each
 * frame PREPENDS itself:  exc.__traceback__ = tb(next = exc.__traceback__). */
Value rt_traceback_here(Value tb_next, Value frame, ObjCode *code, int lasti);
/* Prepend (code, lasti) to exc's traceback: call once per frame as the
 * exception leaves (or is caught in) that frame, like PyTraceBack_Here. */
void rt_exc_add_traceback(Value exc, Value frame, ObjCode *code, int lasti);
/* Ready the traceback type (called by rt_exceptions_init). */
void rt_traceback_init(void);

void rt_exceptions_init(void);

#endif
