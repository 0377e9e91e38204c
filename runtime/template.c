/*
 * template.c — the t-strings of Python 3.14 (PEP 750): string.templatelib's
 * Template and Interpolation.
 *
 * t"a{x!r:>5}b" evaluates to a Template: its literal parts (strings, always
 * one more than the interpolations: ('a', 'b')) and its interpolations, each
 * holding the value, the source text of the expression ('x'), the
 * conversion (None, 's', 'r' or 'a') and the format spec, already built
 * ('>5').  Nothing is formatted: that is the consumer's business.  The
 * compiler makes them with BUILD_INTERPOLATION and BUILD_TEMPLATE, which
 * pvm runs as TEMPLATE_STRING (vm/opcodes_internal.h); 3.14's
 * string/templatelib.py takes the two types from a t-string literal.
 * Messages and reprs are CPython 3.14's (Objects/templateobject.c,
 * Objects/interpolationobject.c).
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"

typedef struct ObjInterpolation {
    Object ob;
    Value value, expression, conversion, format_spec;
} ObjInterpolation;

typedef struct ObjTemplate {
    Object ob;
    Value strings, interpolations;      /* tuples, len(strings) == len(interpolations) + 1 */
} ObjTemplate;

ObjType rt_template_type, rt_interpolation_type;

/* ---- Interpolation ------------------------------------------------------------- */

static Value interpolation_make(ObjType *type, Value value, Value expression,
                                Value conversion, Value format_spec)
{
    ObjInterpolation *in = rt_alloc_instance(type, sizeof *in);
    in->value = value;
    in->expression = expression;
    in->conversion = conversion;
    in->format_spec = format_spec;
    return obj_val(in);
}

/* BUILD_INTERPOLATION's: conversion 0 none, 1 str, 2 repr, 3 ascii. */
Value rt_interpolation_new(Value value, Value expression, int conversion, Value format_spec)
{
    static const char *const names[] = { NULL, "s", "r", "a" };
    Value conv = conversion > 0 && conversion < 4 ? rt_str_from_cstr(names[conversion]) : rt_None;
    return interpolation_make(&rt_interpolation_type, value, expression, conv,
                              format_spec != VAL_NULL ? format_spec : rt_str_from_cstr(""));
}

/* A str argument of Interpolation(), or a TypeError. */
static bool str_argument(const char *name, Value v)
{
    if (rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "Interpolation() argument '%s' must be str, not %T", name, v);
    return false;
}

/* Interpolation(value, expression='', conversion=None, format_spec='') */
static Value interpolation_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "value", "expression", "conversion", "format_spec" };
    static const ArgSpec spec = { "Interpolation", names, 4, 0, 1, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value empty = rt_str_from_cstr("");
    Value expression = a[1] != VAL_NULL ? a[1] : empty;
    Value conversion = a[2] != VAL_NULL ? a[2] : rt_None;
    Value format_spec = a[3] != VAL_NULL ? a[3] : empty;
    if (!str_argument("expression", expression))
        return VAL_NULL;
    if (conversion != rt_None) {
        const char *c = rt_is_str(conversion) ? rt_str_cstr(conversion) : "";
        if (rt_str_nbytes(conversion) != 1 || (*c != 's' && *c != 'r' && *c != 'a'))
            return rt_raisef(&rt_ValueError, "Interpolation() argument 'conversion' "
                             "must be one of 's', 'a' or 'r'");
    }
    if (!str_argument("format_spec", format_spec))
        return VAL_NULL;
    return interpolation_make(type, a[0], expression, conversion, format_spec);
}

static Value interpolation_repr(Value self)
{
    ObjInterpolation *in = VAL_AS(ObjInterpolation, self);
    return rt_str_format_c("%s(%R, %R, %R, %R)", val_type(self)->name + strlen("string.templatelib."),
                           in->value, in->expression, in->conversion, in->format_spec);
}

static Value interpolation_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjInterpolation *in = VAL_AS(ObjInterpolation, args[0]);
    return rt_reduce_value(obj_val(val_type(args[0])),
                           rt_tuple_pack(4, in->value, in->expression, in->conversion,
                                         in->format_spec), VAL_NULL);
}

static const MemberDef interpolation_members[] = {
    {"value", offsetof(ObjInterpolation, value), RT_MEMBER_VALUE, RT_READONLY},
    {"expression", offsetof(ObjInterpolation, expression), RT_MEMBER_VALUE, RT_READONLY},
    {"conversion", offsetof(ObjInterpolation, conversion), RT_MEMBER_VALUE, RT_READONLY},
    {"format_spec", offsetof(ObjInterpolation, format_spec), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const MethodDef interpolation_methods[] = {
    {"__reduce__", interpolation_reduce},
    {NULL, NULL},
};

ObjType rt_interpolation_type = {
    .ob.type = &rt_type_type,
    .name = "string.templatelib.Interpolation",
    .base = &rt_object_type,
    .repr = interpolation_repr,
    .new_ = interpolation_new,
    .members = interpolation_members,
};

/* ---- Template ------------------------------------------------------------------ */

static Value template_make(ObjType *type, Value strings, Value interpolations)
{
    ObjTemplate *t = rt_alloc_instance(type, sizeof *t);
    t->strings = strings;
    t->interpolations = interpolations;
    return obj_val(t);
}

/* BUILD_TEMPLATE's: the tuples the compiler built. */
Value rt_template_new(Value strings, Value interpolations)
{
    return template_make(&rt_template_type, strings, interpolations);
}

/* Template(*args): strings and interpolations in any order; adjacent
 * strings are joined, and an empty string goes between two adjacent
 * interpolations and at either end that is not a string. */
static Value template_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (rt_nkwargs(kwnames) > 0)
        return rt_raisef(&rt_TypeError, "Template.__new__ only accepts *args arguments");
    Value strings = rt_list_new(nargs + 1), interpolations = rt_list_new(nargs);
    Value last = VAL_NULL;              /* the string being joined */
    for (size_t i = 0; i < nargs; i++) {
        if (rt_is_str(args[i])) {
            last = last == VAL_NULL ? args[i] : rt_str_concat(last, args[i]);
        } else if (rt_isinstance_of(args[i], &rt_interpolation_type)) {
            rt_list_append(strings, last != VAL_NULL ? last : rt_str_from_cstr(""));
            rt_list_append(interpolations, args[i]);
            last = VAL_NULL;
        } else {
            return rt_raisef(&rt_TypeError, "Template.__new__ *args need to be of type "
                             "'str' or 'Interpolation', got %T", args[i]);
        }
    }
    rt_list_append(strings, last != VAL_NULL ? last : rt_str_from_cstr(""));
    return template_make(type, rt_list_as_tuple(strings), rt_list_as_tuple(interpolations));
}

static Value template_repr(Value self)
{
    ObjTemplate *t = VAL_AS(ObjTemplate, self);
    return rt_str_format_c("%s(strings=%R, interpolations=%R)",
                           val_type(self)->name + strlen("string.templatelib."),
                           t->strings, t->interpolations);
}

/* Its parts in order, the empty strings left out. */
static Value template_iter(Value self)
{
    ObjTemplate *t = VAL_AS(ObjTemplate, self);
    size_t n = rt_tuple_len(t->interpolations);
    Value parts = rt_list_new(2 * n + 1);
    for (size_t i = 0; i <= n; i++) {
        Value s = rt_tuple_get(t->strings, i);
        if (rt_str_nbytes(s) > 0)
            rt_list_append(parts, s);
        if (i < n)
            rt_list_append(parts, rt_tuple_get(t->interpolations, i));
    }
    return rt_iter(parts);
}

/* a + b: the last string of a joins the first of b. */
static Value template_concat(Value a, Value b)
{
    ObjTemplate *x = VAL_AS(ObjTemplate, a), *y = VAL_AS(ObjTemplate, b);
    size_t nx = rt_tuple_len(x->strings), ny = rt_tuple_len(y->strings);
    Value strings = rt_tuple_new(nx + ny - 1);
    for (size_t i = 0; i < nx - 1; i++)
        AS_TUPLE(strings)->items[i] = rt_tuple_get(x->strings, i);
    Value joined = rt_str_concat(rt_tuple_get(x->strings, nx - 1), rt_tuple_get(y->strings, 0));
    if (joined == VAL_NULL)
        return VAL_NULL;                                /* MemoryError */
    AS_TUPLE(strings)->items[nx - 1] = joined;
    for (size_t i = 1; i < ny; i++)
        AS_TUPLE(strings)->items[nx - 1 + i] = rt_tuple_get(y->strings, i);
    Value interpolations = rt_binary_op(x->interpolations, y->interpolations, NB_ADD);
    return interpolations == VAL_NULL ? VAL_NULL : rt_template_new(strings, interpolations);
}

/* Only Template + Template (no __radd__: str + Template is str's error). */
static Value template_binop(Value a, Value b, int op)
{
    if (rt_nb_plain(op) != NB_ADD || !rt_isinstance_of(a, &rt_template_type))
        return rt_NotImplemented;
    if (rt_isinstance_of(b, &rt_template_type))
        return template_concat(a, b);
    return rt_raisef(&rt_TypeError, "can only concatenate %s (not \"%T\") to %s",
                     rt_template_type.name, b, rt_template_type.name);
}

static Value template_values(Value self)
{
    Value interpolations = VAL_AS(ObjTemplate, self)->interpolations;
    size_t n = rt_tuple_len(interpolations);
    Value values = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++)
        AS_TUPLE(values)->items[i] = VAL_AS(ObjInterpolation, rt_tuple_get(interpolations, i))->value;
    return values;
}

/* string.templatelib._template_unpickle, (strings, interpolations) */
static Value template_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    Value imp = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (imp == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    Value fromlist = rt_tuple_pack(1, rt_str_from_cstr("_template_unpickle"));
    Value importargs[4] = { rt_str_from_cstr("string.templatelib"), rt_None, rt_None, fromlist };
    Value mod = rt_call(imp, importargs, 4, VAL_NULL);
    Value unpickle = mod != VAL_NULL ? rt_getattr_cstr(mod, "_template_unpickle") : VAL_NULL;
    if (unpickle == VAL_NULL)
        return VAL_NULL;
    ObjTemplate *t = VAL_AS(ObjTemplate, args[0]);
    return rt_reduce_value(unpickle, rt_tuple_pack(2, t->strings, t->interpolations), VAL_NULL);
}

static const MemberDef template_members[] = {
    {"strings", offsetof(ObjTemplate, strings), RT_MEMBER_VALUE, RT_READONLY},
    {"interpolations", offsetof(ObjTemplate, interpolations), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const GetSetDef template_getsets[] = {
    {"values", template_values, NULL},
    {NULL},
};

static const MethodDef template_methods[] = {
    {"__reduce__", template_reduce},
    {NULL, NULL},
};

ObjType rt_template_type = {
    .ob.type = &rt_type_type,
    .name = "string.templatelib.Template",
    .base = &rt_object_type,
    .flags = TF_SEQUENCE,               /* + is concatenation: no __radd__ */
    .repr = template_repr,
    .iter = template_iter,
    .binop = template_binop,
    .binop_ops = RT_OP_BIT(NB_ADD),
    .new_ = template_new,
    .members = template_members,
    .getsets = template_getsets,
};

void rt_template_init(void)
{
    rt_type_ready(&rt_interpolation_type, interpolation_methods);
    rt_type_ready(&rt_template_type, template_methods);
    rt_type_add_class_getitem(&rt_interpolation_type);
    rt_type_add_class_getitem(&rt_template_type);
    rt_type_set(&rt_interpolation_type, "__match_args__",
                rt_tuple_pack(4, rt_str_from_cstr("value"), rt_str_from_cstr("expression"),
                              rt_str_from_cstr("conversion"), rt_str_from_cstr("format_spec")));
}
