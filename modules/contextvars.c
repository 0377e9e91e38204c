/*
 * contextvars.c — the _contextvars module (CPython's Python/context.c, PEP
 * 567), under Lib/contextvars.py: ContextVar, Token, Context, copy_context.
 *
 * A Context maps ContextVars to values.  Each thread has a current context
 * (vm_context, one of the per-thread globals of vm/thread.h: a new thread
 * starts with an empty one, made on first use); ContextVar.get/set read and
 * write the current context, and Context.run(f) makes a context current
 * while f runs.  decimal keeps its per-thread settings in a ContextVar,
 * asyncio runs each task's steps inside the task's context.
 *
 * CPython stores a context's mapping in a HAMT, an immutable map that
 * copy_context shares in O(1).  Here a context owns a dict and copying
 * copies it: the same semantics (a copy never sees later changes of the
 * original, nor the original of the copy), O(n) copies.  One visible
 * difference: iterating a context follows the order variables were set,
 * where CPython's HAMT follows their hashes.
 */
#include <stddef.h>
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"
#include "vm/thread.h"

typedef struct ObjContext {
    Object ob;
    Value vars;                 /* dict: ContextVar -> value */
    Value prev;                 /* the context current before run() entered it */
    bool entered;
} ObjContext;

typedef struct ObjContextVar {
    Object ob;
    Value name;                 /* str */
    Value default_;             /* VAL_NULL: no default */
} ObjContextVar;

typedef struct ObjToken {
    Object ob;
    Value ctx, var;
    Value old_value;            /* the var's value before set(), or MISSING */
    bool used;
} ObjToken;

static ObjType context_type, contextvar_type, token_type, missing_type;
static Object missing_obj = { &missing_type };
#define MISSING obj_val(&missing_obj)

static Value context_new_empty(void)
{
    ObjContext *c = gc_alloc(sizeof *c);
    c->ob.type = &context_type;
    c->vars = rt_dict_new();
    c->prev = VAL_NULL;
    return obj_val(c);
}

/* The running thread's context, made on first use. */
static ObjContext *current(void)
{
    if (vm_context == VAL_NULL)
        vm_context = context_new_empty();
    return VAL_AS(ObjContext, vm_context);
}

static bool is_var(Value v)
{
    return !val_is_small(v) && val_type(v) == &contextvar_type;
}

/* ---- Context ----------------------------------------------------------------- */

static Value context_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (nargs > 0)
        return rt_raisef(&rt_TypeError, "Context() does not accept any arguments");
    return context_new_empty();
}

static Value context_copy_of(ObjContext *c)
{
    Value copy = context_new_empty();
    VAL_AS(ObjContext, copy)->vars = rt_dict_copy(c->vars);
    return copy;
}

/* The value of `key` in c, VAL_NULL if unset; false + TypeError for a key
 * that is not a ContextVar. */
static bool context_lookup(ObjContext *c, Value key, Value *out)
{
    if (!is_var(key)) {
        rt_raisef(&rt_TypeError, "a ContextVar key was expected, got %R", key);
        return false;
    }
    bool error = false;
    *out = rt_dict_get(c->vars, key, &error);
    return !error;
}

static Value context_getitem(Value self, Value key)
{
    Value v;
    if (!context_lookup(VAL_AS(ObjContext, self), key, &v))
        return VAL_NULL;
    if (v == VAL_NULL)
        return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
    return v;
}

static int context_contains(Value self, Value key)
{
    Value v;
    if (!context_lookup(VAL_AS(ObjContext, self), key, &v))
        return -1;
    return v != VAL_NULL;
}

static ssize_t context_len(Value self)
{
    return (ssize_t)rt_dict_len(VAL_AS(ObjContext, self)->vars);
}

/* Iteration and the views run over a snapshot, as CPython's immutable
 * mapping: setting a variable meanwhile does not disturb them. */
static Value context_iter(Value self)
{
    return rt_iter(rt_dict_copy(VAL_AS(ObjContext, self)->vars));
}

static Value context_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || val_is_small(b) || val_type(b) != &context_type)
        return rt_NotImplemented;
    return rt_richcompare(VAL_AS(ObjContext, a)->vars, VAL_AS(ObjContext, b)->vars, op);
}

static Value context_get(Value *args, size_t nargs, Value kw)
{
    Value v;
    if (!rt_arg_nokw("Context.get", kw) || !rt_arg_range("get", nargs - 1, 1, 2) ||
        !context_lookup(VAL_AS(ObjContext, args[0]), args[1], &v))
        return VAL_NULL;
    if (v != VAL_NULL)
        return v;
    return nargs > 2 ? args[2] : rt_None;
}

/* keys(), values(), items(): a dict's views of the snapshot. */
static Value context_view(const char *fname, const char *method, Value *args, size_t nargs,
                          Value kw)
{
    if (!rt_arg_none(fname, nargs - 1, kw))
        return VAL_NULL;
    return mod_call_method(rt_dict_copy(VAL_AS(ObjContext, args[0])->vars), method, NULL, 0);
}
static Value context_keys(Value *a, size_t n, Value kw)
{ return context_view("Context.keys", "keys", a, n, kw); }
static Value context_values(Value *a, size_t n, Value kw)
{ return context_view("Context.values", "values", a, n, kw); }
static Value context_items(Value *a, size_t n, Value kw)
{ return context_view("Context.items", "items", a, n, kw); }

static Value context_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("Context.copy", nargs - 1, kw))
        return VAL_NULL;
    return context_copy_of(VAL_AS(ObjContext, args[0]));
}

/* run(callable, *args, **kwargs): callable's result, with the context
 * current while it runs; a context runs in one place at a time. */
static Value context_run(Value *args, size_t nargs, Value kw)
{
    ObjContext *c = VAL_AS(ObjContext, args[0]);
    if (rt_npos(nargs - 1, kw) < 1)
        return rt_raisef(&rt_TypeError, "run() missing 1 required positional argument");
    if (c->entered)
        return rt_raisef(&rt_RuntimeError, "cannot enter context: %R is already entered",
                         args[0]);
    current();
    c->prev = vm_context;
    c->entered = true;
    vm_context = args[0];
    Value result = rt_call(args[1], args + 2, nargs - 2, kw);
    vm_context = c->prev;
    c->prev = VAL_NULL;
    c->entered = false;
    return result;
}

static const MethodDef context_methods[] = {
    {"get", context_get}, {"keys", context_keys}, {"values", context_values},
    {"items", context_items}, {"copy", context_copy}, {"run", context_run},
    {NULL, NULL}
};

static ObjType context_type = {
    .ob.type = &rt_type_type, .name = "_contextvars.Context",
    .new_ = context_new, .getitem = context_getitem, .contains = context_contains,
    .len = context_len, .iter = context_iter, .richcompare = context_richcompare,
};

static Value cv_copy_context(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_contextvars.copy_context", nargs, kw))
        return VAL_NULL;
    return context_copy_of(current());
}

/* ---- ContextVar ------------------------------------------------------------------ */

/* ContextVar(name, *, default=<none>) */
static Value contextvar_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    if (npos != 1)
        return rt_raisef(&rt_TypeError, "ContextVar() takes %s 1 positional argument (%zu given)",
                         npos == 0 ? "exactly" : "at most", npos);
    for (size_t i = 0; i < rt_nkwargs(kw); i++) {
        Value k = rt_tuple_get(kw, i);
        if (strcmp(rt_str_cstr(k), "default") != 0)
            return rt_invalid_keyword("ContextVar", k);
    }
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "context variable name must be a str");
    ObjContextVar *v = gc_alloc(sizeof *v);
    v->ob.type = &contextvar_type;
    v->name = args[0];
    v->default_ = rt_kwarg(args, nargs, kw, "default");
    return obj_val(v);
}

static Value contextvar_repr(Value self)
{
    ObjContextVar *v = VAL_AS(ObjContextVar, self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "<ContextVar name=");
    if (!sb_add_value_repr(&sb, v->name))
        return VAL_NULL;
    if (v->default_ != VAL_NULL) {
        sb_adds(&sb, " default=");
        if (!sb_add_value_repr(&sb, v->default_))
            return VAL_NULL;
    }
    Value tail = rt_str_format_c(" at %p>", (void *)self);
    sb_add(&sb, rt_str_cstr(tail), rt_str_nbytes(tail));
    return sb_finish(&sb);
}

/* get([default]): the value in the current context, else default, else
 * the variable's default, else LookupError(var). */
static Value contextvar_get(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("ContextVar.get", kw) || !rt_arg_range("get", nargs - 1, 0, 1))
        return VAL_NULL;
    ObjContextVar *v = VAL_AS(ObjContextVar, args[0]);
    bool error = false;
    Value value = rt_dict_get(current()->vars, args[0], &error);
    if (error)
        return VAL_NULL;
    if (value != VAL_NULL)
        return value;
    if (nargs > 1)
        return args[1];
    if (v->default_ != VAL_NULL)
        return v->default_;
    return rt_raise_args(&rt_LookupError, rt_tuple_pack(1, args[0]));
}

static Value contextvar_set(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("ContextVar.set", nargs - 1, kw))
        return VAL_NULL;
    ObjContext *c = current();
    bool error = false;
    Value old = rt_dict_get(c->vars, args[0], &error);
    if (error || !rt_dict_set(c->vars, args[0], args[1]))
        return VAL_NULL;
    ObjToken *t = gc_alloc(sizeof *t);
    t->ob.type = &token_type;
    t->ctx = obj_val(c);
    t->var = args[0];
    t->old_value = old != VAL_NULL ? old : MISSING;
    return obj_val(t);
}

/* reset(token): the variable back to its value before the set() that
 * made token, in the context where it was made. */
static Value contextvar_reset(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("ContextVar.reset", nargs - 1, kw))
        return VAL_NULL;
    Value tv = args[1];
    if (val_is_small(tv) || val_type(tv) != &token_type)
        return rt_raisef(&rt_TypeError, "expected an instance of Token, got %R", tv);
    ObjToken *t = VAL_AS(ObjToken, tv);
    if (t->used)
        return rt_raisef(&rt_RuntimeError, "%R has already been used once", tv);
    if (t->var != args[0])
        return rt_raisef(&rt_ValueError, "%R was created by a different ContextVar", tv);
    ObjContext *c = current();
    if (t->ctx != obj_val(c))
        return rt_raisef(&rt_ValueError, "%R was created in a different Context", tv);
    t->used = true;
    if (t->old_value != MISSING)
        return rt_dict_set(c->vars, t->var, t->old_value) ? rt_None : VAL_NULL;
    return rt_dict_del(c->vars, t->var) < 0 ? VAL_NULL : rt_None;
}

static const MethodDef contextvar_methods[] = {
    {"get", contextvar_get}, {"set", contextvar_set}, {"reset", contextvar_reset},
    {NULL, NULL}
};

static const MemberDef contextvar_members[] = {
    {"name", offsetof(ObjContextVar, name), RT_MEMBER_VALUE, RT_READONLY, 0},
    {NULL, 0, 0, 0, 0}
};

static ObjType contextvar_type = {
    .ob.type = &rt_type_type, .name = "_contextvars.ContextVar",
    .new_ = contextvar_new, .repr = contextvar_repr, .members = contextvar_members,
};

/* ---- Token ----------------------------------------------------------------------- */

static Value token_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    return rt_raisef(&rt_RuntimeError, "Tokens can only be created by ContextVars");
}

static Value token_repr(Value self)
{
    ObjToken *t = VAL_AS(ObjToken, self);
    Value var = rt_repr(t->var);
    if (var == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c("<Token%s var=%s at %p>", t->used ? " used" : "",
                           rt_str_cstr(var), (void *)self);
}

static const MemberDef token_members[] = {
    {"var", offsetof(ObjToken, var), RT_MEMBER_VALUE, RT_READONLY, 0},
    {"old_value", offsetof(ObjToken, old_value), RT_MEMBER_VALUE, RT_READONLY, 0},
    {NULL, 0, 0, 0, 0}
};

static ObjType token_type = {
    .ob.type = &rt_type_type, .name = "_contextvars.Token",
    .new_ = token_new, .repr = token_repr, .members = token_members,
};

static Value missing_repr(Value self)
{
    return rt_str_from_cstr("<Token.MISSING>");
}

static ObjType missing_type = {
    .ob.type = &rt_type_type, .name = "Token.MISSING",
    .new_ = mod_no_new, .repr = missing_repr,
};

/* ---- the module ------------------------------------------------------------------ */

static const MethodDef contextvars_functions[] = {
    {"copy_context", cv_copy_context},
    {NULL, NULL}
};

Value mod_contextvars_init(void)
{
    Value m = mod_module_new("_contextvars", contextvars_functions);
    mod_add_type(m, "Context", &context_type, context_methods);
    mod_add_type(m, "ContextVar", &contextvar_type, contextvar_methods);
    mod_add_type(m, "Token", &token_type, NULL);
    if (missing_type.mro == VAL_NULL) {
        rt_type_ready(&missing_type, NULL);
        rt_type_set(&token_type, "MISSING", MISSING);
        rt_type_add_class_getitem(&contextvar_type);
        rt_type_add_class_getitem(&token_type);
    }
    return m;
}
