/*
 * exceptions.c — Python's error model: the current exception, raising and
 * matching, and the builtin exception classes.
 *
 * The error state.  "The exception being raised" is one global Value,
 * `rt_err_current`: the running thread's (the interpreter lock swaps it with
 * the other per-thread globals, vm/thread.h).  A C function that fails
 * stores an exception there and returns VAL_NULL (or -1); every caller
 * either handles it (rt_err_fetch / rt_err_clear) or fails in turn, until
 * the eval loop's error label consults the exception table (see error.h).
 *
 * The classes.  error.h lists the builtin hierarchy once, as X(name, base);
 * this file expands that list into one static ObjType per class.  Only
 * BaseException carries slots (repr, str, new_): rt_type_ready copies them
 * down to every subclass, because the list is in parents-first order.  The
 * few classes that behave differently (KeyError's str, StopIteration.value,
 * SystemExit.code, OSError's errno fields) get their own slot, attribute
 * table or a branch in the shared per-class set-up below.
 *
 * Every exception instance is an ObjException: its args tuple, the traceback
 * (tracebacks are built by traceback.c as the exception unwinds), the two
 * chaining links __context__ / __cause__, a dict of the fields CPython
 * keeps in C members (OSError's errno, ImportError's name: `fields`, not in
 * vars(e)) and an instance dict for the program's own attributes.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"
#include "runtime/code.h"
#include "runtime/codecs.h"

/* ---- The error state ---------------------------------------------------- */

Value rt_err_current = VAL_NULL;   /* the exception being raised, or VAL_NULL */

bool rt_err_occurred(void) { return rt_err_current != VAL_NULL; }
Value rt_err_peek(void) { return rt_err_current; }
void rt_err_clear(void) { rt_err_current = VAL_NULL; }

Value rt_err_fetch(void)
{
    Value exc = rt_err_current;
    rt_err_current = VAL_NULL;
    return exc;
}

bool rt_err_matches(ObjType *type)
{
    return rt_err_current != VAL_NULL && rt_isinstance_of(rt_err_current, type);
}

/* ---- Raising ------------------------------------------------------------- */

static bool is_exception_class(Value v)
{
    return !val_is_small(v) && rt_isinstance_of(v, &rt_type_type) &&
           (AS_TYPE(v)->flags & TF_EXCEPTION) != 0;
}

static bool is_exception_instance(Value v)
{
    return (val_type(v)->flags & TF_EXCEPTION) != 0;
}

Value rt_raisef(ObjType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Value msg = rt_str_vformat_c(fmt, ap);
    va_end(ap);
    if (msg == VAL_NULL)            /* formatting itself raised (%R failed) */
        return VAL_NULL;
    return rt_raise_args(type, rt_tuple_pack(1, msg));
}

Value rt_raise_args(ObjType *type, Value args_tuple)
{
    Value exc = rt_exc_new(type, args_tuple);
    if (exc != VAL_NULL)
        rt_err_current = exc;
    return VAL_NULL;
}

/* `raise X`: X is an instance, or a class called with no arguments (which
 * runs a user-defined __init__ through the type's call slot). */
Value rt_raise(Value exc_or_type)
{
    Value exc = exc_or_type;
    if (is_exception_class(exc_or_type)) {
        exc = rt_call0(exc_or_type);
        if (exc == VAL_NULL)
            return VAL_NULL;
        if (!is_exception_instance(exc))
            return rt_raisef(&rt_TypeError, "calling %R should have returned an "
                             "instance of BaseException, not %s",
                             exc_or_type, val_type(exc)->name);
    } else if (!is_exception_instance(exc)) {
        return rt_raisef(&rt_TypeError, "exceptions must derive from BaseException");
    }
    rt_err_current = exc;
    return VAL_NULL;
}

Value rt_raise_os_error(int errnum)
{
    Value exc = rt_call2(obj_val(&rt_OSError), small_new(errnum),
                         rt_str_from_cstr(strerror(errnum)));
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

/* MemoryError must be raisable when the heap is exhausted, so one instance is
 * made at start-up and reused (CPython keeps a small free list for the same
 * reason).  Its traceback and links are reset on each use. */
static Value the_memory_error = VAL_NULL;

Value rt_raise_nomemory(void)
{
    if (the_memory_error == VAL_NULL)   /* before rt_exceptions_init */
        return VAL_NULL;
    ObjException *e = AS_EXC(the_memory_error);
    e->traceback = e->context = e->cause = rt_None;
    e->suppress_context = false;
    rt_err_current = the_memory_error;
    return VAL_NULL;
}

/* ---- Matching: `except match:` -------------------------------------------- */

/* Is exc (an instance or a class) matched by `match`, a class or a tuple of
 * classes (tuples may nest, as in CPython)?  Entries that are not exception
 * classes simply do not match; the VM reports them before calling this. */
bool rt_exc_matches(Value exc, Value match)
{
    if (exc == VAL_NULL)
        return false;
    if (!val_is_small(match) && rt_isinstance_of(match, &rt_tuple_type)) {
        for (size_t i = 0; i < rt_tuple_len(match); i++)
            if (rt_exc_matches(exc, rt_tuple_get(match, i)))
                return true;
        return false;
    }
    if (!is_exception_class(match))
        return false;
    ObjType *t = is_exception_class(exc) ? AS_TYPE(exc) : val_type(exc);
    return rt_is_subtype(t, AS_TYPE(match));
}

/* ---- Chaining ------------------------------------------------------------- */

/* Setting exc.__context__ = handled could close a loop if exc already sits
 * somewhere on handled's context chain (`except E as e: raise e` inside a
 * handler of a later exception).  CPython breaks such a loop by cutting the
 * chain just before exc; Floyd's tortoise-and-hare guards against chains that
 * already loop. */
void rt_exc_set_context(Value exc, Value handled)
{
    if (handled == VAL_NULL || handled == rt_None || handled == exc)
        return;
    Value o = handled, slow = handled;
    bool move_slow = false;
    for (;;) {
        Value ctx = AS_EXC(o)->context;
        if (ctx == rt_None || ctx == VAL_NULL)
            break;
        if (ctx == exc) {               /* cut the loop */
            AS_EXC(o)->context = rt_None;
            break;
        }
        o = ctx;
        if (o == slow)                  /* a pre-existing cycle: stop */
            break;
        if (move_slow)
            slow = AS_EXC(slow)->context;
        move_slow = !move_slow;
    }
    AS_EXC(exc)->context = handled;
}

/* ---- Instances: construction ---------------------------------------------- */

static Value exc_dict(ObjException *e)
{
    if (e->dict == VAL_NULL)
        e->dict = rt_dict_new();
    return e->dict;
}

Value rt_exc_fields(ObjException *e)
{
    if (e->fields == VAL_NULL)
        e->fields = rt_dict_new();
    return e->fields;
}

Value rt_exc_field(Value exc, const char *name)
{
    Value d = AS_EXC(exc)->fields;
    return d == VAL_NULL ? VAL_NULL : rt_dict_get_cstr(d, name);
}

static void set_field(ObjException *e, const char *name, Value v)
{
    rt_dict_set_cstr(rt_exc_fields(e), name, v);
}

void rt_err_set_name(ObjType *type, Value name, Value obj)
{
    Value e = rt_err_current;
    if (e == VAL_NULL || val_is_small(e) || !rt_isinstance_of(e, type))
        return;
    /* Already augmented (an AttributeError raised inside a __getattr__ or
     * property and passing through): it keeps the name it was raised for,
     * as CPython's set_attribute_error_context does. */
    Value d = AS_EXC(e)->fields, old;
    if (d != VAL_NULL && (((old = rt_dict_get_cstr(d, "name")) != VAL_NULL && old != rt_None) ||
                          ((old = rt_dict_get_cstr(d, "obj")) != VAL_NULL && old != rt_None)))
        return;
    set_field(AS_EXC(e), "name", name);
    if (obj != VAL_NULL)
        set_field(AS_EXC(e), "obj", obj);
}

Value rt_raise_name_error(Value name)
{
    rt_raisef(&rt_NameError, "name '%S' is not defined", name);
    rt_err_set_name(&rt_NameError, name, VAL_NULL);
    return VAL_NULL;
}

/* OSError's characters_written (BlockingIOError's, but every OSError has
 * the attribute, as in CPython): an int kept in e->extra, None while unset.
 * v made an index-sized int; false + TypeError or ValueError. */
static bool written_value(Value v, Value *out)
{
    Value i = rt_index(v);
    int64_t x;
    if (i == VAL_NULL)
        return false;
    if (!val_is_small(i) && !rt_int_as_i64(i, &x)) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    *out = i;
    return true;
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to 5
 * arguments the fields are filled in, and when a filename is given, args
 * keeps only (errno, strerror) — CPython's rule.  An exact BlockingIOError
 * takes a number there as characters_written instead, args kept whole.
 * false + TypeError or ValueError for a number that is no index. */
static bool oserror_fields(ObjException *e)
{
    size_t n = rt_tuple_len(e->args);
    if (n < 2 || n > 5)
        return true;
    set_field(e, "errno", rt_tuple_get(e->args, 0));
    set_field(e, "strerror", rt_tuple_get(e->args, 1));
    Value file = n >= 3 ? rt_tuple_get(e->args, 2) : rt_None;
    if (file == rt_None)
        return true;
    if (e->ob.type == &rt_BlockingIOError && rt_number_check(file))
        return written_value(file, &e->extra);
    set_field(e, "filename", file);
    if (n == 5 && rt_tuple_get(e->args, 4) != rt_None)
        set_field(e, "filename2", rt_tuple_get(e->args, 4));
    e->args = rt_tuple_from(AS_TUPLE(e->args)->items, 2);
    return true;
}

/* The fields some classes derive from args (at construction and __init__);
 * false with the exception set. */
static bool derive_fields(ObjException *e)
{
    ObjType *t = e->ob.type;
    size_t n = rt_tuple_len(e->args);
    if (rt_is_subtype(t, &rt_StopIteration))
        e->extra = n >= 1 ? rt_tuple_get(e->args, 0) : rt_None;
    else if (rt_is_subtype(t, &rt_SystemExit))
        e->extra = n == 0 ? rt_None : n == 1 ? rt_tuple_get(e->args, 0) : e->args;
    else if (rt_is_subtype(t, &rt_OSError))
        return oserror_fields(e);
    else if (rt_is_subtype(t, &rt_SyntaxError))
        rt_syntaxerror_fields(e);
    else if (rt_is_subtype(t, &rt_UnicodeError))
        rt_unicode_error_fields(e);
    return true;
}

Value rt_exc_new(ObjType *type, Value args_tuple)
{
    ObjException *e = rt_alloc_instance(type, sizeof *e);
    e->args = args_tuple != VAL_NULL ? args_tuple : rt_empty_tuple;
    e->traceback = e->context = e->cause = rt_None;
    e->extra = rt_None;
    return derive_fields(e) ? obj_val(e) : VAL_NULL;
}

/* OSError(2, ...) builds the subclass that errno names, as CPython does. */
static ObjType *oserror_subclass(ObjType *type, Value *args, size_t npos)
{
    if (type != &rt_OSError || npos < 2 || npos > 5 || !val_is_small(args[0]))
        return type;
    switch (small_value(args[0])) {
    case ENOENT: return &rt_FileNotFoundError;
    case EEXIST: return &rt_FileExistsError;
    case EACCES: case EPERM: return &rt_PermissionError;
    case EISDIR: return &rt_IsADirectoryError;
    case ENOTDIR: return &rt_NotADirectoryError;
    case ETIMEDOUT: return &rt_TimeoutError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &rt_BlockingIOError;
    case ECHILD: return &rt_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &rt_BrokenPipeError;
    case ECONNABORTED: return &rt_ConnectionAbortedError;
    case ECONNREFUSED: return &rt_ConnectionRefusedError;
    case ECONNRESET: return &rt_ConnectionResetError;
    case EINTR: return &rt_InterruptedError;
    case ESRCH: return &rt_ProcessLookupError;
    default: return type;
    }
}

/* The keyword arguments a class accepts: ImportError(msg, name=, path=),
 * AttributeError(msg, name=, obj=), NameError(msg, name=). */
static bool keyword_allowed(ObjType *t, const char *kw)
{
    if (rt_is_subtype(t, &rt_ImportError))
        return strcmp(kw, "name") == 0 || strcmp(kw, "path") == 0 ||
               (rt_py_minor >= 12 && strcmp(kw, "name_from") == 0);
    if (rt_is_subtype(t, &rt_AttributeError))
        return strcmp(kw, "name") == 0 || strcmp(kw, "obj") == 0;
    if (rt_is_subtype(t, &rt_NameError))
        return strcmp(kw, "name") == 0;
    return false;
}

static bool takes_keywords(ObjType *t)
{
    return rt_is_subtype(t, &rt_ImportError) || rt_is_subtype(t, &rt_AttributeError) ||
           rt_is_subtype(t, &rt_NameError);
}

/* Store keyword arguments as attributes; false + TypeError on a bad one. */
static bool apply_keywords(ObjException *e, Value *kwvalues, Value kwnames)
{
    ObjType *t = e->ob.type;
    size_t nkw = rt_nkwargs(kwnames);
    if (nkw == 0)
        return true;
    if (!takes_keywords(t)) {
        rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", t->name);
        return false;
    }
    for (size_t i = 0; i < nkw; i++) {
        Value name = rt_tuple_get(kwnames, i);
        if (!keyword_allowed(t, rt_str_cstr(name))) {
            rt_invalid_keyword(t->name, name);
            return false;
        }
        set_field(e, rt_str_cstr(name), kwvalues[i]);
    }
    return true;
}

/* SyntaxError(msg, info): info must be a sequence of 4 to 6 items (7: 3.14)
 * (CPython's SyntaxError_init parses it); false + TypeError otherwise. */
static bool check_syntaxerror_info(ObjType *type, Value *args, size_t npos)
{
    if (!rt_is_subtype(type, &rt_SyntaxError) || npos != 2)
        return true;
    Value info = rt_sequence_to_tuple(args[1]);
    if (info == VAL_NULL)
        return false;
    size_t n = rt_tuple_len(info);
    if (n == 5) {
        rt_raisef(&rt_TypeError, "end_offset must be provided when end_lineno is provided");
        return false;
    }
    size_t most = rt_py_minor >= 14 ? 7 : 6;    /* 3.14 adds a _metadata item */
    if (n >= 4 && n <= most)
        return true;
    if (n < 4)
        rt_raisef(&rt_TypeError, "function takes at least 4 arguments (%zu given)", n);
    else
        rt_raisef(&rt_TypeError, "function takes at most %zu arguments (%zu given)", most, n);
    return false;
}

/* Does a class written in Python, before any builtin one in t's MRO,
 * define `name`? */
static bool python_defines(ObjType *t, const char *name)
{
    Value key = rt_str_intern_cstr(name);
    for (size_t i = 0; i < rt_tuple_len(t->mro); i++) {
        ObjType *c = AS_TYPE(rt_tuple_get(t->mro, i));
        if (!rt_is_heaptype(c))
            return false;
        if (rt_dict_get_str(rt_type_dict(c), key) != VAL_NULL)
            return true;
    }
    return false;
}

/* CPython's oserror_use_init: an OSError subclass with its own __init__
 * but OSError's __new__ parses its arguments in __init__ (extra ones to
 * __new__ are ignored); otherwise __new__ did it all and OSError.__init__
 * does nothing (so an overridden __new__ decides args, bpo-12555). */
static bool oserror_use_init(ObjType *t)
{
    return python_defines(t, "__init__") && !python_defines(t, "__new__");
}

/* type(*args): the new_ slot every exception class shares.  Classes created
 * by Python code receive their keyword arguments in __init__ instead. */
static Value exc_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (!check_syntaxerror_info(type, args, npos))
        return VAL_NULL;
    bool oserror = rt_is_subtype(type, &rt_OSError), use_init = oserror && oserror_use_init(type);
    if (oserror && !use_init && nkw > 0)    /* named as called, before the errno picks a class */
        return rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", type->name);
    type = oserror_subclass(type, args, npos);
    Value exc = rt_exc_new(type, use_init ? rt_empty_tuple : rt_tuple_from(args, npos));
    /* A class written in Python gets its keywords in __init__ (but OSError's
     * does nothing, see oserror_use_init). */
    if (exc == VAL_NULL || ((type->flags & TF_HEAPTYPE) && (!oserror || use_init)))
        return exc;
    if (nkw > 0 && !apply_keywords(AS_EXC(exc), args + npos, kwnames))
        return VAL_NULL;
    return exc;
}

/* The methods live in BaseException's dict, so `self` may be anything when
 * called as BaseException.add_note(x, ...): check it first. */
static bool check_self(Value self, const char *method)
{
    if (is_exception_instance(self))
        return true;
    rt_raisef(&rt_TypeError, "descriptor '%s' requires a 'BaseException' object "
              "but received '%s'", method, val_type(self)->name);
    return false;
}

/* BaseException.__init__(self, *args): reached from subclasses written in
 * Python (super().__init__(msg)); it resets args. */
static Value exc_init_method(Value *args, size_t nargs, Value kwnames)
{
    if (!check_self(args[0], "__init__"))
        return VAL_NULL;
    ObjException *e = AS_EXC(args[0]);
    if (rt_is_subtype(e->ob.type, &rt_OSError) && !oserror_use_init(e->ob.type))
        return rt_None;
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (!check_syntaxerror_info(e->ob.type, args + 1, npos - 1))
        return VAL_NULL;
    e->args = rt_tuple_from(args + 1, npos - 1);
    if (!derive_fields(e))
        return VAL_NULL;
    if (rt_is_subtype(e->ob.type, &rt_ImportError))
        e->fields = VAL_NULL;           /* msg, name, path: those not passed again are reset */
    if (!apply_keywords(e, args + npos, kwnames))
        return VAL_NULL;
    return rt_None;
}

/* ---- Instances: str and repr ---------------------------------------------- */

/* str(e): '' without args, str(arg) with one, str(args) with several. */
static Value exc_str(Value self)
{
    Value args = AS_EXC(self)->args;
    switch (rt_tuple_len(args)) {
    case 0: return rt_str_from_cstr("");
    case 1: return rt_str(rt_tuple_get(args, 0));
    default: return rt_str(args);
    }
}

/* KeyError shows its key the way it appears in a dict display: KeyError: 'k'. */
static Value keyerror_str(Value self)
{
    Value args = AS_EXC(self)->args;
    if (rt_tuple_len(args) == 1)
        return rt_repr(rt_tuple_get(args, 0));
    return exc_str(self);
}

static Value dict_field(Value self, const char *name)
{
    return rt_exc_field(self, name);
}

/* "[Errno 2] No such file or directory: 'x.txt'" */
static Value oserror_str(Value self)
{
    Value err = dict_field(self, "errno"), msg = dict_field(self, "strerror");
    Value file = dict_field(self, "filename"), file2 = dict_field(self, "filename2");
    if (file != VAL_NULL && file2 != VAL_NULL)
        return rt_str_format_c("[Errno %S] %S: %R -> %R", err, msg, file, file2);
    if (file != VAL_NULL)
        return rt_str_format_c("[Errno %S] %S: %R", err, msg, file);
    if (err != VAL_NULL && msg != VAL_NULL)
        return rt_str_format_c("[Errno %S] %S", err, msg);
    return exc_str(self);
}

/* repr(e): ValueError(), KeyError('k'), Exception(1, 2). */
static Value exc_repr(Value self)
{
    Value args = AS_EXC(self)->args;
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;                     /* json.decoder.JSONDecodeError */
    if (rt_tuple_len(args) == 1)
        return rt_str_format_c("%s(%R)", name, rt_tuple_get(args, 0));
    return rt_str_format_c("%s%R", name, args);
}

Value rt_exc_str(Value exc)
{
    return rt_str(exc);
}

Value rt_stopiteration_value(Value exc)
{
    return AS_EXC(exc)->extra;
}

/* ---- Instances: attributes ------------------------------------------------- */

/* BaseException's own attributes: args, __traceback__ and the two chaining
 * links are checked when set (getsets); __suppress_context__ is a plain
 * bool field (a member). */
static Value exc_get_args(Value self) { return AS_EXC(self)->args; }
static Value exc_get_traceback(Value self) { return AS_EXC(self)->traceback; }
static Value exc_get_context(Value self) { return AS_EXC(self)->context; }
static Value exc_get_cause(Value self) { return AS_EXC(self)->cause; }

static int may_not_delete(Value v, const char *attr)
{
    if (v != VAL_NULL)
        return 0;
    rt_raisef(&rt_TypeError, "%s may not be deleted", attr);
    return -1;
}

static int exc_set_args(Value self, Value v)
{
    if (may_not_delete(v, "args") < 0)
        return -1;
    Value t = rt_sequence_to_tuple(v);
    if (t == VAL_NULL)
        return -1;
    AS_EXC(self)->args = t;
    return 0;
}

static int exc_set_traceback(Value self, Value v)
{
    if (may_not_delete(v, "__traceback__") < 0)
        return -1;
    if (v != rt_None && val_type(v) != &rt_traceback_type) {
        rt_raisef(&rt_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    AS_EXC(self)->traceback = v;
    return 0;
}

static int check_link(Value v, const char *attr, const char *what)
{
    if (may_not_delete(v, attr) < 0)
        return -1;
    if (v == rt_None || is_exception_instance(v))
        return 0;
    rt_raisef(&rt_TypeError, "exception %s must be None or derive from BaseException", what);
    return -1;
}

static int exc_set_context(Value self, Value v)
{
    if (check_link(v, "__context__", "context") < 0)
        return -1;
    AS_EXC(self)->context = v;
    return 0;
}

/* Setting __cause__ also sets __suppress_context__ (`raise ... from ...`). */
static int exc_set_cause(Value self, Value v)
{
    if (check_link(v, "__cause__", "cause") < 0)
        return -1;
    AS_EXC(self)->cause = v;
    AS_EXC(self)->suppress_context = true;
    return 0;
}

static const MemberDef exc_members[] = {
    {"__suppress_context__", offsetof(ObjException, suppress_context), RT_MEMBER_BOOL,
     RT_WRITABLE},
    {NULL},
};

static const GetSetDef exc_getsets[] = {
    {"__dict__", rt_generic_dict_get, rt_generic_dict_set},
    {"args", exc_get_args, exc_set_args},
    {"__traceback__", exc_get_traceback, exc_set_traceback},
    {"__context__", exc_get_context, exc_set_context,
     "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause"},
    {NULL},
};

/* StopIteration.value and SystemExit.code live in the per-class field. */
static const MemberDef stopiteration_members[] = {
    {"value", offsetof(ObjException, extra), RT_MEMBER_VALUE, RT_WRITABLE,
     "generator return value"},
    {NULL},
};
static const MemberDef systemexit_members[] = {
    {"code", offsetof(ObjException, extra), RT_MEMBER_VALUE, RT_WRITABLE, "exception code"},
    {NULL},
};

/* The fields of OSError, ImportError, AttributeError and NameError are kept
 * in e->fields; reading one never set gives None, as CPython's members
 * do. */
static Value field_or_none(Value self, const char *name)
{
    Value v = dict_field(self, name);
    return v != VAL_NULL ? v : rt_None;
}

static int set_dict_field(Value self, const char *name, Value v)
{
    if (v != VAL_NULL) {
        set_field(AS_EXC(self), name, v);
        return 0;
    }
    return rt_dict_del(rt_exc_fields(AS_EXC(self)), rt_str_intern_cstr(name)) < 0 ? -1 : 0;
}

#define DICT_FIELD(field)                                                       \
    static Value get_##field(Value self) { return field_or_none(self, #field); } \
    static int set_##field(Value self, Value v) { return set_dict_field(self, #field, v); }
#define DICT_FIELD_GETSET(field) {#field, get_##field, set_##field}

DICT_FIELD(errno)
DICT_FIELD(strerror)
DICT_FIELD(filename)
DICT_FIELD(filename2)
DICT_FIELD(name)
DICT_FIELD(path)
DICT_FIELD(name_from)
DICT_FIELD(obj)
DICT_FIELD(lineno)
DICT_FIELD(offset)
DICT_FIELD(text)
DICT_FIELD(end_lineno)
DICT_FIELD(end_offset)
DICT_FIELD(print_file_and_line)

/* ImportError.msg: set by the constructor's single argument. */
static Value get_msg(Value self)
{
    Value m = dict_field(self, "msg");
    if (m != VAL_NULL)
        return m;
    Value args = AS_EXC(self)->args;
    return rt_tuple_len(args) == 1 ? rt_tuple_get(args, 0) : rt_None;
}

static int set_msg(Value self, Value v)
{
    return set_dict_field(self, "msg", v);
}

static Value get_written(Value self)
{
    Value w = AS_EXC(self)->extra;
    return w != rt_None ? w : rt_raisef(&rt_AttributeError, "characters_written");
}

static int set_written(Value self, Value v)
{
    ObjException *e = AS_EXC(self);
    if (v != VAL_NULL)
        return written_value(v, &e->extra) ? 0 : -1;
    if (e->extra == rt_None) {
        rt_raisef(&rt_AttributeError, "characters_written");
        return -1;
    }
    e->extra = rt_None;
    return 0;
}

static const GetSetDef oserror_getsets[] = {
    {"characters_written", get_written, set_written},
    DICT_FIELD_GETSET(errno), DICT_FIELD_GETSET(strerror),
    DICT_FIELD_GETSET(filename), DICT_FIELD_GETSET(filename2),
    {NULL},
};
static const GetSetDef importerror_getsets[] = {
    DICT_FIELD_GETSET(msg), DICT_FIELD_GETSET(name),
    DICT_FIELD_GETSET(path),
    {NULL},
};
/* 3.12 adds name_from: the name `from module import name` did not find. */
static const GetSetDef importerror_getsets_312[] = {
    DICT_FIELD_GETSET(msg), DICT_FIELD_GETSET(name),
    DICT_FIELD_GETSET(path), DICT_FIELD_GETSET(name_from),
    {NULL},
};
static const GetSetDef attributeerror_getsets[] = {
    DICT_FIELD_GETSET(name), DICT_FIELD_GETSET(obj),
    {NULL},
};
/* SyntaxError's location (runtime/syntaxerror.c fills it from the
 * constructor's arguments). */
static const GetSetDef syntaxerror_getsets[] = {
    DICT_FIELD_GETSET(msg), DICT_FIELD_GETSET(filename),
    DICT_FIELD_GETSET(lineno), DICT_FIELD_GETSET(offset),
    DICT_FIELD_GETSET(text), DICT_FIELD_GETSET(end_lineno),
    DICT_FIELD_GETSET(end_offset), DICT_FIELD_GETSET(print_file_and_line),
    {NULL},
};
static const GetSetDef nameerror_getsets[] = {
    DICT_FIELD_GETSET(name),
    {NULL},
};

/* ---- Methods --------------------------------------------------------------- */

/* e.with_traceback(tb): set __traceback__ and return e. */
static Value exc_with_traceback(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("BaseException.with_traceback", nargs - 1, kwnames) ||
        !check_self(args[0], "with_traceback"))
        return VAL_NULL;
    if (exc_set_traceback(args[0], args[1]) < 0)
        return VAL_NULL;
    return args[0];
}

/* e.add_note(note): append to e.__notes__, printed after the message. */
static Value exc_add_note(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("BaseException.add_note", nargs - 1, kwnames) ||
        !check_self(args[0], "add_note"))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_str_type))        /* 3.14: argument clinic's words */
        return rt_raisef(&rt_TypeError, rt_py_minor >= 14 ? "add_note() argument must be str, not %s"
                                                          : "note must be a str, not '%s'",
                         val_type(args[1])->name);
    ObjException *e = AS_EXC(args[0]);
    Value notes = rt_dict_get_cstr(exc_dict(e), "__notes__");
    if (notes == VAL_NULL) {
        notes = rt_list_new(1);
        rt_dict_set_cstr(exc_dict(e), "__notes__", notes);
    } else if (!rt_isinstance_of(notes, &rt_list_type)) {
        return rt_raisef(&rt_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (!rt_list_append(notes, args[1]))
        return VAL_NULL;
    return rt_None;
}

bool rt_exc_add_note(Value exc, Value note)
{
    Value args[2] = { exc, note };
    return exc_add_note(args, 2, VAL_NULL) != VAL_NULL;
}

/* ---- Pickling ---------------------------------------------------------------- */

/* The pickled state: a copy of the instance dict, ImportError's name and
 * path after it, as CPython's ImportError_getstate adds them.  VAL_NULL
 * when the exception has no dict of its own. */
static Value visible_dict(ObjException *e)
{
    bool import = rt_is_subtype(e->ob.type, &rt_ImportError);
    if (e->dict == VAL_NULL && (!import || e->fields == VAL_NULL))
        return VAL_NULL;
    Value out = e->dict != VAL_NULL ? rt_dict_copy(e->dict) : rt_dict_new(), k, v;
    if (import && e->fields != VAL_NULL)
        for (size_t pos = 0; rt_dict_next(e->fields, &pos, &k, &v);)
            if (strcmp(rt_str_cstr(k), "msg") != 0)
                rt_dict_set(out, k, v);
    return e->dict != VAL_NULL || rt_dict_len(out) > 0 ? out : VAL_NULL;
}

/* OSError(2, 'msg', 'file') keeps only (2, 'msg') as args: pickling puts
 * the file names back, (errno, strerror, filename[, None, filename2]). */
static Value reduce_args(ObjException *e)
{
    Value file = dict_field(obj_val(e), "filename");
    if (!rt_is_subtype(e->ob.type, &rt_OSError) || rt_tuple_len(e->args) != 2 ||
        file == VAL_NULL)
        return e->args;
    Value file2 = dict_field(obj_val(e), "filename2");
    Value a0 = rt_tuple_get(e->args, 0), a1 = rt_tuple_get(e->args, 1);
    if (file2 == VAL_NULL)
        return rt_tuple_pack(3, a0, a1, file);
    return rt_tuple_pack(5, a0, a1, file, rt_None, file2);
}

/* e.__reduce__(): (type(e), args[, dict]). */
static Value exc_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames) || !check_self(args[0], "__reduce__"))
        return VAL_NULL;
    ObjException *e = AS_EXC(args[0]);
    Value dict = visible_dict(e);
    if (dict == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (rt_py_minor >= 12 && rt_is_subtype(e->ob.type, &rt_AttributeError)) {
        /* 3.12's AttributeError state: its dict, name and args */
        Value state = dict == VAL_NULL ? rt_dict_new() : rt_dict_copy(dict);
        Value name = dict_field(args[0], "name");
        if (name != VAL_NULL && name != rt_None)
            rt_dict_set_cstr(state, "name", name);
        rt_dict_set_cstr(state, "args", e->args);
        dict = state;
    }
    return rt_reduce_value(obj_val(e->ob.type), reduce_args(e), dict);
}

/* e.__setstate__(dict): each item set as an attribute. */
static Value exc_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames) || !check_self(args[0], "__setstate__"))
        return VAL_NULL;
    Value state = args[1], k, v;
    if (state == rt_None)
        return rt_None;
    if (!rt_isinstance_of(state, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "state is not a dictionary");
    for (size_t pos = 0; rt_dict_next(state, &pos, &k, &v);)
        if (rt_setattr(args[0], k, v) < 0)
            return VAL_NULL;
    return rt_None;
}

/* The nearest class written in C: super().__str__() in a Python subclass
 * must reach the builtin behaviour, not the subclass's own __str__ again. */
static ObjType *builtin_class_of(Value self)
{
    ObjType *t = val_type(self);
    while (t->flags & TF_HEAPTYPE)
        t = t->base;
    return t;
}

static Value exc_str_method(Value *args, size_t nargs, Value kwnames)
{
    if (!check_self(args[0], "__str__"))
        return VAL_NULL;
    return builtin_class_of(args[0])->str(args[0]);
}

static Value exc_repr_method(Value *args, size_t nargs, Value kwnames)
{
    if (!check_self(args[0], "__repr__"))
        return VAL_NULL;
    return exc_repr(args[0]);
}

static const MethodDef exc_methods[] = {
    {"__init__", exc_init_method},
    {"__str__", exc_str_method},
    {"__repr__", exc_repr_method},
    {"with_traceback", exc_with_traceback},
    {"add_note", exc_add_note},
    {"__reduce__", exc_reduce},
    {"__setstate__", exc_setstate},
    {NULL, NULL},
};

/* ---- The classes ------------------------------------------------------------ */

/* Which of __init__, __new__, __str__ and __reduce__ a builtin class has in
 * its own dict: CPython's static exception types get a wrapper for every
 * slot they set themselves (SimpleExtendsException: tp_init and tp_new;
 * MiddlingExtendsException: tp_init; the others their own), and 3.14 sets
 * fewer.  `'__init__' in vars(OSError)` answers as python3.11's does. */
enum { OWN_INIT = 1, OWN_NEW = 2, OWN_STR = 4, OWN_REDUCE = 8 };

static int own_entries(const ObjType *t)
{
    bool v314 = rt_py_minor >= 14;
    if (t == &rt_BaseException || rt_is_subtype((ObjType *)t, &rt_UnicodeError) ||
        t == &rt_ExceptionGroup)
        return t == &rt_UnicodeError ? (v314 ? 0 : OWN_INIT) | OWN_NEW : 0;
    if (t == &rt_OSError)
        return OWN_INIT | OWN_NEW | OWN_STR | OWN_REDUCE;
    if (t == &rt_BaseExceptionGroup)
        return OWN_INIT | OWN_NEW | OWN_STR;
    if (t == &rt_ImportError)
        return OWN_INIT | OWN_STR | OWN_REDUCE;
    if (t == &rt_SyntaxError)
        return OWN_INIT | OWN_STR;
    if (t == &rt_AttributeError)
        return OWN_INIT | (v314 ? 0 : OWN_STR) | (rt_py_minor >= 12 ? OWN_REDUCE : 0);
    if (t == &rt_NameError)
        return OWN_INIT | (v314 ? 0 : OWN_STR);
    if (t == &rt_KeyError)
        return (v314 ? 0 : OWN_INIT) | OWN_STR;
    if (t == &rt_StopIteration || t == &rt_SystemExit)
        return OWN_INIT;
    if (rt_is_subtype((ObjType *)t, &rt_OSError) || t == &rt_IndentationError ||
        t == &rt_TabError || t == &rt_UnboundLocalError || t == &rt_ModuleNotFoundError)
        return v314 ? 0 : OWN_INIT;
    return (v314 ? 0 : OWN_INIT) | OWN_NEW;
}

static const MethodDef own_init[] = {{"__init__", exc_init_method}, {NULL, NULL}};
static const MethodDef own_reduce[] = {{"__reduce__", exc_reduce}, {NULL, NULL}};
static const MethodDef own_init_reduce[] = {
    {"__init__", exc_init_method}, {"__reduce__", exc_reduce}, {NULL, NULL},
};

/* Ready a subclass of BaseException (its base is ready): a slot it sets
 * itself is one it inherits, set before rt_type_ready so that its wrapper
 * goes in its dict. */
static void ready_exception(ObjType *t)
{
    int own = own_entries(t);
    if ((own & OWN_NEW) && t->new_ == NULL)
        t->new_ = t->base->new_;
    if ((own & OWN_STR) && t->str == NULL)
        t->str = t->base->str;
    int methods = own & (OWN_INIT | OWN_REDUCE);
    rt_type_ready(t, methods == (OWN_INIT | OWN_REDUCE) ? own_init_reduce
                     : methods == OWN_INIT ? own_init : methods == OWN_REDUCE ? own_reduce : NULL);
}

/* One static type per RT_EXCEPTIONS entry.  `rt_##base` names the base's
 * type object; BaseException's base is `object`, so for that one entry the
 * pasted token rt_object is a macro standing for rt_object_type. */
#define rt_object rt_object_type
#define DEFINE_EXC(NAME, BASE)                                          \
    ObjType rt_##NAME = {                                               \
        .ob.type = &rt_type_type,                                       \
        .name = #NAME,                                                  \
        .base = &rt_##BASE,                                             \
        .flags = TF_BASETYPE | TF_EXCEPTION,                            \
        .dict_offset = offsetof(ObjException, dict),                    \
    };
RT_EXCEPTIONS(DEFINE_EXC)
#undef DEFINE_EXC
#undef rt_object

void rt_exceptions_init(void)
{
    /* The shared behaviour, inherited by every subclass ... */
    rt_BaseException.repr = exc_repr;
    rt_BaseException.str = exc_str;
    rt_BaseException.new_ = exc_new;
    rt_BaseException.members = exc_members;
    rt_BaseException.getsets = exc_getsets;
    rt_StopIteration.members = stopiteration_members;
    rt_SystemExit.members = systemexit_members;
    rt_OSError.getsets = oserror_getsets;
    rt_ImportError.getsets = rt_py_minor >= 12 ? importerror_getsets_312 : importerror_getsets;
    rt_AttributeError.getsets = attributeerror_getsets;
    rt_NameError.getsets = nameerror_getsets;
    rt_SyntaxError.getsets = syntaxerror_getsets;
    /* ... and the classes that print differently. */
    rt_KeyError.str = keyerror_str;
    rt_OSError.str = oserror_str;
    rt_unicode_errors_prepare();        /* codecs.c: the Unicode*Error classes */
    rt_SyntaxError.str = rt_syntaxerror_str;
    rt_excgroup_prepare();

    /* Parents first: the list is in that order, so each type inherits the
     * slots its base has already received. */
    rt_type_ready(&rt_BaseException, exc_methods);
#define READY_EXC(NAME, BASE) \
    if (&rt_##NAME != &rt_BaseException) ready_exception(&rt_##NAME);
    RT_EXCEPTIONS(READY_EXC)
#undef READY_EXC
    rt_excgroup_init();

    the_memory_error = rt_exc_new(&rt_MemoryError, rt_empty_tuple);
    rt_traceback_init();
    rt_code_type_init();
}
