/*
 * args.h — checking the arguments a C function receives from Python.
 *
 * Every function written in C (a NativeFunc, a type's new_ or call slot)
 * is called with CPython 3.11's "vectorcall" convention: args[0..nargs)
 * holds the positional values and then the keyword values, and kwnames is
 * VAL_NULL or a tuple naming the last len(kwnames) of them.  For a method,
 * args[0] is self; pass the count without it.
 *
 * CPython declares each C function in one of a few styles, and a wrong call
 * gets a different message in each; these helpers raise exactly those
 * messages and return false, so a function starts with one line:
 *
 *   rt_arg_nokw    "f() takes no keyword arguments"
 *   rt_arg_none    "f() takes no arguments (2 given)"          METH_NOARGS
 *   rt_arg_one     "f() takes exactly one argument (0 given)"  METH_O
 *   rt_arg_range   "f expected at most 2 arguments, got 3"     positional-only
 *                                                              Argument Clinic
 *   rt_arg_count   "f() takes at least 1 argument (0 given)"   PyArg_ParseTuple
 *   rt_parse_args  "f() missing required argument 'x' (pos 1)",
 *                  "'y' is an invalid keyword argument for f()" Argument Clinic
 *                                                              with keywords
 */
#ifndef PVM_ARGS_H
#define PVM_ARGS_H

#include "object.h"

/* The number of keyword arguments (len(kwnames), or 0). */
static inline size_t rt_nkwargs(Value kwnames)
{
    return kwnames == VAL_NULL ? 0 : AS_TUPLE(kwnames)->length;
}
/* The number passed positionally: nargs minus the keyword values. */
size_t rt_npos(size_t nargs, Value kwnames);

/* The style checks above; n is the positional count (without self). */
bool rt_arg_nokw(const char *fname, Value kwnames);
bool rt_arg_none(const char *fname, size_t n, Value kwnames);
bool rt_arg_one(const char *fname, size_t n, Value kwnames);
bool rt_arg_range(const char *fname, size_t n, size_t min, size_t max);
bool rt_arg_count(const char *fname, size_t n, size_t min, size_t max);
/* The first three for a function CPython's messages name "owner.fname"
 * (`_operator.index`, `Match.start`): the name is put together only when
 * the call is refused, not at every call. */
bool rt_arg_nokw_in(const char *owner, const char *fname, Value kwnames);
bool rt_arg_none_in(const char *owner, const char *fname, size_t n, Value kwnames);
bool rt_arg_one_in(const char *owner, const char *fname, size_t n, Value kwnames);
/* The __new__ of a C type that takes no keywords: a subclass with an
 * __init__ of its own may still be called with them (they are that
 * __init__'s), as CPython checks `type->tp_init == base->tp_init`. */
bool rt_arg_nokw_new(ObjType *type, const char *fname, Value kwnames);

/* A function's parameters described the way Argument Clinic does.
 * names[0..nparams): every parameter, positional ones first; the first
 * `posonly` cannot be passed by keyword, the first `minpos` are required,
 * at most `maxpos` may be passed by position (the rest are keyword-only).
 * varargs: the function also takes *args (print): extra positionals are the
 * caller's, not an error.  fname NULL: messages say "function" and "this
 * function", as CPython's for a format without ":name" (datetime's
 * constructors). */
typedef struct ArgSpec {
    const char *fname;
    const char *const *names;
    int nparams, posonly, minpos, maxpos;
    bool varargs;
} ArgSpec;
/* Fill out[0..nparams) from a call's args/kwnames; absent ones are VAL_NULL.
 * false + TypeError on a bad call. */
/* Raise the TypeError for a keyword argument `name` that fname() does not
 * take, in the words of this process's Python version; VAL_NULL. */
Value rt_invalid_keyword(const char *fname, Value name);

bool rt_parse_args(const ArgSpec *spec, const Value *args, size_t nargs,
                   Value kwnames, Value *out);

/* For functions that read their keywords by hand: the value passed for
 * keyword `name`, or VAL_NULL. */
Value rt_kwarg(const Value *args, size_t nargs, Value kwnames, const char *name);
/* Reject keywords other than the listed ones (NULL-terminated): TypeError
 * "f() got an unexpected keyword argument 'x'". */
bool rt_arg_kwnames(const char *fname, Value kwnames, const char *const *allowed);

/* A flag parameter (sorted's reverse, splitlines' keepends, open's
 * closefd ...) as Argument Clinic reads it: in 3.11 `bool(accept={int})`,
 * an int ("'X' object cannot be interpreted as an integer", OverflowError
 * past a C int); from 3.12 any object's truth.  v VAL_NULL (not passed):
 * dflt.  false with the exception set. */
bool rt_arg_flag(Value v, bool dflt, bool *out);

#endif
