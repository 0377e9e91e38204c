/*
 * decimal_number.c — decimal.Decimal of _decimal (CPython 3.11's
 * Modules/_decimal/_decimal.c), over modules/decimal/dec.h.
 *
 * A Decimal is immutable: every operation makes a new one.  An operation
 * runs under a context (the `context` argument, or the current one),
 * collects dec.h's condition bits in a status word and hands them to
 * dm_add_status, which records them in the context's flags and raises the
 * trapped ones.
 *
 * Operands.  The operators take a Decimal or an int (anything else is
 * NotImplemented, so Decimal + float is a TypeError); the methods raise
 * TypeError "conversion from float to Decimal is not supported" instead;
 * comparisons also take floats (signalling FloatOperation, which ordering
 * comparisons may trap), complex numbers with no imaginary part (== and
 * != only) and numbers.Rational (Fraction), compared exactly.
 *
 * The operations come in families — unary (x, context), binary (x, y,
 * context), predicates — so each family is one function taking dec.h's
 * operation, and the methods of Decimal and of Context are one line each
 * in the X-macro lists below.
 */
#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "modules/decimal_module.h"
#include "modules/mpz.h"
#include "runtime/int.h"
#include "runtime/float.h"
#include "runtime/builtins.h"
#include "runtime/version.h"

static Value rational_type;     /* numbers.Rational */
static Value operand(Value v, bool raise);

/* ---- making Decimals -------------------------------------------------------- */

Value dm_decimal_alloc(ObjType *type)
{
    DecObject *d = rt_alloc_instance(type, sizeof *d);
    d->hash = -1;
    dec_init(&d->num);
    return obj_val(d);
}

char *dm_coef_digits(const dec_t *a)
{
    char *buf = gc_alloc_atomic(mpz_sizeinbase(a->coef, 10) + 2);
    return mpz_get_str(buf, 10, a->coef);
}

static Value new_dec(void)
{
    return dm_decimal_alloc(&dm_decimal_type);
}

static const char *type_name(Value v)
{
    return val_type(v)->name;
}

static void dec_from_int(dec_t *r, Value v)
{
    int64_t n;
    if (val_is_small(v) && rt_int_as_i64(v, &n)) {
        dec_from_int64(r, n);
        return;
    }
    mpz_t z;
    mpz_init(z);
    mod_int_to_mpz(v, z);
    dec_from_mpz(r, z);
    mpz_clear(z);
}

/* A string converted exactly: under the largest context, an inexact
 * result (an exponent beyond its limits) being InvalidOperation, as
 * CPython's exact conversions do; only the error conditions are kept. */
static void exact_from_string(dec_t *r, const char *text, uint32_t *status)
{
    dec_context max;
    dec_context_max(&max);
    uint32_t st = 0;
    dec_from_string(r, text, &max, &st);
    if (st & (DEC_Inexact | DEC_Rounded | DEC_Clamped)) {
        dec_set_qnan(r);
        st |= DEC_InvalidOperation;
    }
    *status |= st & (DEC_IEEE_InvalidOperation | DEC_DivisionByZero);
}

/* The text of a str argument as dec_from_string reads it: Unicode digits
 * as ASCII; for the constructor, surrounding whitespace and every
 * underscore dropped.  NULL when it cannot be a number (a non-ASCII
 * character left). */
static char *numeric_text(Value s, bool lenient)
{
    size_t n;
    const char *p = rt_numeric_ascii(s, &n);
    if (p == NULL) {
        rt_err_clear();
        return NULL;
    }
    if (lenient) {
        while (n > 0 && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) {
            p++;
            n--;
        }
        while (n > 0 && (p[n - 1] == ' ' || (p[n - 1] >= '\t' && p[n - 1] <= '\r')))
            n--;
    }
    char *out = gc_alloc_atomic(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)p[i] >= 0x80 || p[i] == '\0')
            return NULL;
        if (lenient && p[i] == '_')
            continue;
        out[k++] = p[i];
    }
    out[k] = '\0';
    return out;
}

/* A string converted rounded to ctx, or exactly when ctx is NULL. */
static void dec_from_text(dec_t *r, const char *text, const dec_context *ctx, uint32_t *status)
{
    if (text == NULL) {
        dec_set_qnan(r);
        *status |= DEC_ConversionSyntax;
    } else if (ctx == NULL) {
        exact_from_string(r, text, status);
    } else {
        dec_from_string(r, text, ctx, status);
    }
}

/* The string a (sign, digits, exponent) tuple spells (dectuple_as_str). */
static char *tuple_text(Value t)
{
    if (rt_isinstance_of(t, &rt_list_type))
        t = rt_tuple_from(AS_LIST(t)->items, AS_LIST(t)->length);
    if (!rt_isinstance_of(t, &rt_tuple_type) || AS_TUPLE(t)->length != 3) {
        rt_raisef(&rt_ValueError, "argument must be a sequence of length 3");
        return NULL;
    }
    Value sign = AS_TUPLE(t)->items[0], digits = AS_TUPLE(t)->items[1],
          exp = AS_TUPLE(t)->items[2];
    int64_t s;
    if (!rt_isinstance_of(sign, &rt_int_type) || !rt_int_as_i64(sign, &s) || (s != 0 && s != 1)) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "sign must be an integer with the value 0 or 1");
        return NULL;
    }
    const char *special = NULL;
    int64_t e = 0;
    if (rt_isinstance_of(exp, &rt_str_type)) {
        const char *x = rt_str_cstr(exp);
        if (strcmp(x, "F") == 0)
            special = "Inf";
        else if (strcmp(x, "n") == 0)
            special = "NaN";
        else if (strcmp(x, "N") == 0)
            special = "sNaN";
        else {
            rt_raisef(&rt_ValueError,
                      "string argument in the third position must be 'F', 'n' or 'N'");
            return NULL;
        }
    } else if (!rt_isinstance_of(exp, &rt_int_type)) {
        rt_raisef(&rt_ValueError, "exponent must be an integer");
        return NULL;
    } else {
        ssize_t n;
        if (!mod_int_as_ssize(exp, &n))
            return NULL;
        /* (INT64_MIN is as far below every limit as INT64_MIN + 1.) */
        e = n == INT64_MIN ? INT64_MIN + 1 : n;
    }
    if (rt_isinstance_of(digits, &rt_list_type))
        digits = rt_tuple_from(AS_LIST(digits)->items, AS_LIST(digits)->length);
    if (!rt_isinstance_of(digits, &rt_tuple_type)) {
        rt_raisef(&rt_ValueError, "coefficient must be a tuple of digits");
        return NULL;
    }
    ObjTuple *dt = AS_TUPLE(digits);
    StrBuf sb;
    sb_init(&sb);
    if (s)
        sb_addc(&sb, '-');
    if (special)
        sb_adds(&sb, special);
    bool any = false;
    for (size_t i = 0; i < dt->length; i++) {
        int64_t d;
        if (!rt_isinstance_of(dt->items[i], &rt_int_type) || !rt_int_as_i64(dt->items[i], &d) ||
            d < 0 || d > 9) {
            rt_err_clear();
            rt_raisef(&rt_ValueError, "coefficient must be a tuple of digits");
            return NULL;
        }
        /* An infinity's digits are ignored; a NaN's are its payload. */
        if (special && strcmp(special, "Inf") == 0)
            continue;
        if (special && !any && d == 0)
            continue;
        sb_addc(&sb, (char)('0' + d));
        any = true;
    }
    if (!special) {
        if (!any)
            sb_addc(&sb, '0');
        char buf[32];
        snprintf(buf, sizeof buf, "E%lld", (long long)e);
        sb_adds(&sb, buf);
    }
    Value str = sb_finish(&sb);
    return (char *)rt_str_cstr(str);
}

/* Decimal(v) exactly, or rounded to ctx (create_decimal) when `round`. */
static Value decimal_from_object(ObjType *type, Value v, Value context, bool round)
{
    uint32_t status = 0;
    const dec_context *c = &CTX(context)->ctx;
    if (v == VAL_NULL)
        return dm_decimal_alloc(type);
    if (dm_is_decimal(v)) {
        if (!round && type == &dm_decimal_type && val_type(v) == &dm_decimal_type)
            return v;
        Value r = dm_decimal_alloc(type);
        dec_copy(DEC(r), DEC(v));
        if (round) {
            if (dec_is_nan(DEC(r)) && dec_digits(DEC(r)) > c->prec - c->clamp &&
                mpz_sgn(DEC(r)->coef) != 0) {
                dec_set_qnan(DEC(r));
                status |= DEC_ConversionSyntax;
            } else {
                dec_finalize(DEC(r), c, &status);
            }
        }
        return dm_add_status(context, status) ? r : VAL_NULL;
    }
    Value r = VAL_NULL;
    if (rt_isinstance_of(v, &rt_str_type)) {
        r = dm_decimal_alloc(type);
        dec_from_text(DEC(r), numeric_text(v, !round), round ? c : NULL, &status);
    } else if (rt_isinstance_of(v, &rt_int_type)) {
        r = dm_decimal_alloc(type);
        dec_from_int(DEC(r), v);
        if (round)
            dec_finalize(DEC(r), c, &status);
    } else if (rt_isinstance_of(v, &rt_tuple_type) || rt_isinstance_of(v, &rt_list_type)) {
        char *text = tuple_text(v);
        if (text == NULL)
            return VAL_NULL;
        r = dm_decimal_alloc(type);
        dec_from_text(DEC(r), text, round ? c : NULL, &status);
    } else if (rt_isinstance_of(v, &rt_float_type)) {
        if (!dm_add_status(context, DEC_NotImplemented))
            return VAL_NULL;
        r = dm_decimal_alloc(type);
        dec_from_double(DEC(r), AS_FLOAT(v)->value);
        if (round)
            dec_finalize(DEC(r), c, &status);
    } else {
        return rt_raisef(&rt_TypeError, "conversion from %s to Decimal is not supported",
                         type_name(v));
    }
    return dm_add_status(context, status) ? r : VAL_NULL;
}

/* Decimal(value="0", context=None) */
static Value decimal_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "value", "context" };
    ArgSpec spec = { NULL, names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value ctx = dm_context_arg(a[1]);
    if (ctx == VAL_NULL)
        return VAL_NULL;
    return decimal_from_object(type, a[0], ctx, false);
}

/* A float or int as a Decimal, exactly; no FloatOperation (from_float). */
static Value from_float(ObjType *type, Value v, Value ctx, bool round)
{
    Value r;
    if (rt_isinstance_of(v, &rt_int_type)) {
        r = dm_decimal_alloc(type);
        dec_from_int(DEC(r), v);
    } else if (rt_isinstance_of(v, &rt_float_type)) {
        r = dm_decimal_alloc(type);
        dec_from_double(DEC(r), AS_FLOAT(v)->value);
    } else {
        return rt_raisef(&rt_TypeError, "argument must be int or float");
    }
    if (round) {
        uint32_t status = 0;
        dec_finalize(DEC(r), &CTX(ctx)->ctx, &status);
        if (!dm_add_status(ctx, status))
            return VAL_NULL;
    }
    return r;
}

/* Decimal.from_float(f): a classmethod; a subclass is called with the
 * Decimal. */
static Value decimal_from_float(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("from_float", nargs - 1, kw))
        return VAL_NULL;
    ObjType *type = VAL_AS(ObjType, args[0]);
    Value ctx = dm_current_context();
    if (ctx == VAL_NULL)
        return VAL_NULL;
    Value r = from_float(&dm_decimal_type, args[1], ctx, false);
    if (r == VAL_NULL || type == &dm_decimal_type)
        return r;
    return rt_call1(obj_val(type), r);
}

/* Decimal.from_number(number) (3.14): an int, float or Decimal exactly,
 * no strings; a subclass is called with the Decimal. */
static Value decimal_from_number(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("from_number", nargs - 1, kw))
        return VAL_NULL;
    ObjType *type = VAL_AS(ObjType, args[0]);
    Value v = args[1], r;
    if (rt_isinstance_of(v, &rt_float_type)) {
        r = new_dec();
        dec_from_double(DEC(r), AS_FLOAT(v)->value);
    } else if (dm_is_decimal(v) || rt_isinstance_of(v, &rt_int_type)) {
        r = operand(v, true);
    } else {
        return rt_raisef(&rt_TypeError, "conversion from %s to Decimal is not supported",
                         type_name(v));
    }
    if (r == VAL_NULL || type == &dm_decimal_type)
        return r;
    return rt_call1(obj_val(type), r);
}

static const MethodDef decimal_methods_314[] = {
    {"from_number", decimal_from_number, RT_METH_CLASS},
    {NULL, NULL}
};

Value dm_context_create_decimal(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("create_decimal", nargs - 1, 0, 1) || !rt_arg_nokw("create_decimal", kw))
        return VAL_NULL;
    return decimal_from_object(&dm_decimal_type, nargs > 1 ? args[1] : VAL_NULL, args[0], true);
}

Value dm_context_create_decimal_from_float(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("create_decimal_from_float", nargs - 1, kw))
        return VAL_NULL;
    return from_float(&dm_decimal_type, args[1], args[0], true);
}

/* ---- operands ------------------------------------------------------------------ */

/* An operand as a Decimal: a Decimal, an int exactly; otherwise
 * rt_NotImplemented (`raise` false) or TypeError. */
static Value operand(Value v, bool raise)
{
    if (dm_is_decimal(v))
        return v;
    if (rt_isinstance_of(v, &rt_int_type)) {
        Value r = new_dec();
        dec_from_int(DEC(r), v);
        return r;
    }
    if (!raise)
        return rt_NotImplemented;
    return rt_raisef(&rt_TypeError, "conversion from %s to Decimal is not supported",
                     type_name(v));
}

/* ---- the operation families ---------------------------------------------------- */

static Value finish(Value r, Value ctx, uint32_t status)
{
    return dm_add_status(ctx, status) ? r : VAL_NULL;
}

static Value do_unary(dec_unary_fn *fn, Value a, Value ctx)
{
    Value r = new_dec();
    uint32_t status = 0;
    fn(DEC(r), DEC(a), &CTX(ctx)->ctx, &status);
    return finish(r, ctx, status);
}

static Value do_binary(dec_binary_fn *fn, Value a, Value b, Value ctx)
{
    Value r = new_dec();
    uint32_t status = 0;
    fn(DEC(r), DEC(a), DEC(b), &CTX(ctx)->ctx, &status);
    return finish(r, ctx, status);
}

/* Parse (other..., context=None) of a Decimal method: out[] gets the
 * operands as Decimals (self first) and *ctx the context. */
static bool method_args(const char *fname, Value *args, size_t nargs, Value kw,
                        int noperands, Value *ops, Value *ctx)
{
    static const char *const names2[] = { "other", "context" };
    static const char *const names3[] = { "other", "third", "context" };
    static const char *const names1[] = { "context" };
    const char *const *names = noperands == 1 ? names1 : noperands == 2 ? names2 : names3;
    ArgSpec spec = { fname, names, noperands, 0, noperands - 1, noperands, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    if ((*ctx = dm_context_arg(a[noperands - 1])) == VAL_NULL)
        return false;
    ops[0] = args[0];
    for (int i = 1; i < noperands; i++)
        if ((ops[i] = operand(a[i - 1], true)) == VAL_NULL)
            return false;
    return true;
}

static Value unary_method(const char *fname, dec_unary_fn *fn, Value *args, size_t nargs,
                          Value kw)
{
    Value ops[1], ctx;
    if (!method_args(fname, args, nargs, kw, 1, ops, &ctx))
        return VAL_NULL;
    return do_unary(fn, ops[0], ctx);
}

static Value binary_method(const char *fname, dec_binary_fn *fn, Value *args, size_t nargs,
                           Value kw)
{
    Value ops[2], ctx;
    if (!method_args(fname, args, nargs, kw, 2, ops, &ctx))
        return VAL_NULL;
    return do_binary(fn, ops[0], ops[1], ctx);
}

/* Context methods: ctx.f(x) and ctx.f(x, y), positional only. */
static Value ctx_unary(const char *fname, dec_unary_fn *fn, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one(fname, nargs - 1, kw))
        return VAL_NULL;
    Value a = operand(args[1], true);
    return a == VAL_NULL ? VAL_NULL : do_unary(fn, a, args[0]);
}

static bool ctx_two(const char *fname, Value *args, size_t nargs, Value kw, Value *a, Value *b)
{
    if (!rt_arg_nokw(fname, kw))
        return false;
    if (nargs - 1 != 2) {
        rt_raisef(&rt_TypeError, "%s expected 2 arguments, got %zu", fname, nargs - 1);
        return false;
    }
    return (*a = operand(args[1], true)) != VAL_NULL && (*b = operand(args[2], true)) != VAL_NULL;
}

static Value ctx_binary(const char *fname, dec_binary_fn *fn, Value *args, size_t nargs,
                        Value kw)
{
    Value a, b;
    if (!ctx_two(fname, args, nargs, kw, &a, &b))
        return VAL_NULL;
    return do_binary(fn, a, b, args[0]);
}

/* The operations that need more than dec.h gives under one name. */

static void op_compare_total(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *c,
                             uint32_t *status)
{
    dec_compare_total(r, a, b);
}

static void op_compare_total_mag(dec_t *r, const dec_t *a, const dec_t *b,
                                 const dec_context *c, uint32_t *status)
{
    dec_compare_total_mag(r, a, b);
}

static void op_copy_sign(dec_t *r, const dec_t *a, const dec_t *b, const dec_context *c,
                         uint32_t *status)
{
    dec_copy_sign(r, a, b);
}

static void op_copy_abs(dec_t *r, const dec_t *a, const dec_context *c, uint32_t *status)
{
    dec_copy_abs(r, a);
}

static void op_copy_negate(dec_t *r, const dec_t *a, const dec_context *c, uint32_t *status)
{
    dec_copy_negate(r, a);
}

static void op_copy(dec_t *r, const dec_t *a, const dec_context *c, uint32_t *status)
{
    dec_copy(r, a);
}

/* The methods of both Decimal and Context that are one dec.h operation:
 * X(python name, dec.h function). */
#define DM_UNARY_OPS(X) \
    X(exp, dec_exp) X(ln, dec_ln) X(log10, dec_log10) X(logb, dec_logb) \
    X(next_minus, dec_next_minus) X(next_plus, dec_next_plus) X(normalize, dec_reduce) \
    X(sqrt, dec_sqrt) X(logical_invert, dec_invert)
#define DM_BINARY_OPS(X) \
    X(compare, dec_compare) X(compare_signal, dec_compare_signal) X(max, dec_max) \
    X(max_mag, dec_max_mag) X(min, dec_min) X(min_mag, dec_min_mag) \
    X(next_toward, dec_next_toward) X(remainder_near, dec_rem_near) X(rotate, dec_rotate) \
    X(scaleb, dec_scaleb) X(shift, dec_shift) X(logical_and, dec_and) X(logical_or, dec_or) \
    X(logical_xor, dec_xor)
/* Context only. */
#define DM_CTX_UNARY_OPS(X) \
    X(abs, dec_abs) X(minus, dec_minus) X(plus, dec_plus) X(copy_abs, op_copy_abs) \
    X(copy_negate, op_copy_negate) X(copy_decimal, op_copy) \
    X(to_integral, dec_round_to_int) X(to_integral_value, dec_round_to_int) \
    X(to_integral_exact, dec_round_to_intx)
#define DM_CTX_BINARY_OPS(X) \
    X(add, dec_add) X(subtract, dec_sub) X(multiply, dec_mul) X(divide, dec_div) \
    X(divide_int, dec_divint) X(remainder, dec_rem) X(quantize, dec_quantize) \
    X(compare_total, op_compare_total) X(compare_total_mag, op_compare_total_mag) \
    X(copy_sign, op_copy_sign)
/* Decimal only (exact: the context only converts the operand). */
#define DM_EXACT_BINARY_OPS(X) \
    X(compare_total, op_compare_total) X(compare_total_mag, op_compare_total_mag) \
    X(copy_sign, op_copy_sign)

#define DEC_UNARY_METHOD(name, fn) \
    static Value dec_m_##name(Value *args, size_t nargs, Value kw) \
    { return unary_method(#name, fn, args, nargs, kw); }
#define DEC_BINARY_METHOD(name, fn) \
    static Value dec_m_##name(Value *args, size_t nargs, Value kw) \
    { return binary_method(#name, fn, args, nargs, kw); }
#define CTX_UNARY_METHOD(name, fn) \
    static Value ctx_m_##name(Value *args, size_t nargs, Value kw) \
    { return ctx_unary(#name, fn, args, nargs, kw); }
#define CTX_BINARY_METHOD(name, fn) \
    static Value ctx_m_##name(Value *args, size_t nargs, Value kw) \
    { return ctx_binary(#name, fn, args, nargs, kw); }
DM_UNARY_OPS(DEC_UNARY_METHOD)
DM_BINARY_OPS(DEC_BINARY_METHOD)
DM_EXACT_BINARY_OPS(DEC_BINARY_METHOD)
DM_UNARY_OPS(CTX_UNARY_METHOD)
DM_BINARY_OPS(CTX_BINARY_METHOD)
DM_CTX_UNARY_OPS(CTX_UNARY_METHOD)
DM_CTX_BINARY_OPS(CTX_BINARY_METHOD)

/* ---- predicates ------------------------------------------------------------------ */

#define DM_PREDICATES(X) \
    X(is_canonical) X(is_finite) X(is_infinite) X(is_nan) X(is_qnan) X(is_signed) \
    X(is_snan) X(is_zero)
#define DM_CTX_PREDICATES(X) X(is_normal) X(is_subnormal)

#define DEC_PREDICATE(name) \
    static Value dec_m_##name(Value *args, size_t nargs, Value kw) \
    { \
        if (!rt_arg_none(#name, nargs - 1, kw)) \
            return VAL_NULL; \
        return rt_bool(dec_##name(DEC(args[0]))); \
    } \
    static Value ctx_m_##name(Value *args, size_t nargs, Value kw) \
    { \
        if (!rt_arg_one(#name, nargs - 1, kw)) \
            return VAL_NULL; \
        Value a = strcmp(#name, "is_canonical") == 0 && !dm_is_decimal(args[1]) \
            ? rt_raisef(&rt_TypeError, "argument must be a Decimal") : operand(args[1], true); \
        return a == VAL_NULL ? VAL_NULL : rt_bool(dec_##name(DEC(a))); \
    }
#define DEC_CTX_PREDICATE(name) \
    static Value dec_m_##name(Value *args, size_t nargs, Value kw) \
    { \
        Value ops[1], ctx; \
        if (!method_args(#name, args, nargs, kw, 1, ops, &ctx)) \
            return VAL_NULL; \
        return rt_bool(dec_##name(DEC(ops[0]), &CTX(ctx)->ctx)); \
    } \
    static Value ctx_m_##name(Value *args, size_t nargs, Value kw) \
    { \
        if (!rt_arg_one(#name, nargs - 1, kw)) \
            return VAL_NULL; \
        Value a = operand(args[1], true); \
        return a == VAL_NULL ? VAL_NULL : rt_bool(dec_##name(DEC(a), &CTX(args[0])->ctx)); \
    }
DM_PREDICATES(DEC_PREDICATE)
DM_CTX_PREDICATES(DEC_CTX_PREDICATE)

/* ---- strings ------------------------------------------------------------------------- */

static Value sci_string(Value d, Value ctx, bool eng)
{
    char *s = eng ? dec_to_eng(DEC(d), CTX(ctx)->capitals) : dec_to_sci(DEC(d), CTX(ctx)->capitals);
    Value r = rt_str_from_cstr(s);
    free(s);
    return r;
}

static Value decimal_str(Value self)
{
    Value ctx = dm_current_context();
    return ctx == VAL_NULL ? VAL_NULL : sci_string(self, ctx, false);
}

static Value decimal_repr(Value self)
{
    Value s = decimal_str(self);
    if (s == VAL_NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "Decimal('");
    sb_adds(&sb, rt_str_cstr(s));
    sb_adds(&sb, "')");
    return sb_finish(&sb);
}

static Value dec_m_to_eng_string(Value *args, size_t nargs, Value kw)
{
    Value ops[1], ctx;
    if (!method_args("to_eng_string", args, nargs, kw, 1, ops, &ctx))
        return VAL_NULL;
    return sci_string(args[0], ctx, true);
}

static Value ctx_string(const char *fname, Value *args, size_t nargs, Value kw, bool eng)
{
    if (!rt_arg_one(fname, nargs - 1, kw))
        return VAL_NULL;
    Value a = operand(args[1], true);
    return a == VAL_NULL ? VAL_NULL : sci_string(a, args[0], eng);
}

static Value ctx_m_to_sci_string(Value *args, size_t nargs, Value kw)
{
    return ctx_string("to_sci_string", args, nargs, kw, false);
}

static Value ctx_m_to_eng_string(Value *args, size_t nargs, Value kw)
{
    return ctx_string("to_eng_string", args, nargs, kw, true);
}

static Value dec_m_number_class(Value *args, size_t nargs, Value kw)
{
    Value ops[1], ctx;
    if (!method_args("number_class", args, nargs, kw, 1, ops, &ctx))
        return VAL_NULL;
    return rt_str_from_cstr(dec_class(DEC(args[0]), &CTX(ctx)->ctx));
}

static Value ctx_m_number_class(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("number_class", nargs - 1, kw))
        return VAL_NULL;
    Value a = operand(args[1], true);
    return a == VAL_NULL ? VAL_NULL : rt_str_from_cstr(dec_class(DEC(a), &CTX(args[0])->ctx));
}

/* ---- the rest of Decimal's methods -------------------------------------------- */

static Value dec_m_canonical(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("canonical", nargs - 1, kw) ? args[0] : VAL_NULL;
}

static Value dec_m_conjugate(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("conjugate", nargs - 1, kw) ? args[0] : VAL_NULL;
}

static Value dec_m_copy(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("__copy__", nargs - 1, kw) ? args[0] : VAL_NULL;
}

static Value dec_m_deepcopy(Value *args, size_t nargs, Value kw)
{
    return rt_arg_one("__deepcopy__", nargs - 1, kw) ? args[0] : VAL_NULL;
}

static Value dec_m_copy_abs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("copy_abs", nargs - 1, kw))
        return VAL_NULL;
    Value r = new_dec();
    dec_copy_abs(DEC(r), DEC(args[0]));
    return r;
}

static Value dec_m_copy_negate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("copy_negate", nargs - 1, kw))
        return VAL_NULL;
    Value r = new_dec();
    dec_copy_negate(DEC(r), DEC(args[0]));
    return r;
}

static Value dec_m_adjusted(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("adjusted", nargs - 1, kw))
        return VAL_NULL;
    return rt_int_from_i64(dec_is_special(DEC(args[0])) ? 0 : dec_adjexp(DEC(args[0])));
}

static Value ten(void)
{
    Value r = new_dec();
    dec_from_int64(DEC(r), 10);
    return r;
}

static Value dec_m_radix(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("radix", nargs - 1, kw) ? ten() : VAL_NULL;
}

static Value ctx_m_radix(Value *args, size_t nargs, Value kw)
{
    return rt_arg_none("radix", nargs - 1, kw) ? ten() : VAL_NULL;
}

static Value dec_get_imag(Value self)
{
    return new_dec();
}

static Value dec_get_real(Value self)
{
    return self;
}

static Value dec_m_same_quantum(Value *args, size_t nargs, Value kw)
{
    Value ops[2], ctx;
    if (!method_args("same_quantum", args, nargs, kw, 2, ops, &ctx))
        return VAL_NULL;
    return rt_bool(dec_same_quantum(DEC(ops[0]), DEC(ops[1])));
}

static Value ctx_m_same_quantum(Value *args, size_t nargs, Value kw)
{
    Value a, b;
    if (!ctx_two("same_quantum", args, nargs, kw, &a, &b))
        return VAL_NULL;
    return rt_bool(dec_same_quantum(DEC(a), DEC(b)));
}

static Value ctx_m_canonical(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("canonical", nargs - 1, kw))
        return VAL_NULL;
    if (!dm_is_decimal(args[1]))
        return rt_raisef(&rt_TypeError, "argument must be a Decimal");
    return args[1];
}

/* The rounding argument of quantize/to_integral: None, or a ROUND_* str. */
static bool rounding_arg(Value v, dec_context *c)
{
    if (v == VAL_NULL || v == rt_None)
        return true;
    if (rt_isinstance_of(v, &rt_str_type))
        for (int i = 0; i < DEC_ROUND_COUNT; i++)
            if (strcmp(rt_str_cstr(v), dm_round_names[i]) == 0) {
                c->round = i;
                return true;
            }
    rt_raisef(&rt_TypeError,
              "valid values for rounding are:\n"
              "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
              "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
              "   ROUND_05UP]");
    return false;
}

/* quantize(exp, rounding=None, context=None) */
static Value dec_m_quantize(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "exp", "rounding", "context" };
    ArgSpec spec = { "quantize", names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value ctx = dm_context_arg(a[2]);
    if (ctx == VAL_NULL)
        return VAL_NULL;
    dec_context work = CTX(ctx)->ctx;
    if (!rounding_arg(a[1], &work))
        return VAL_NULL;
    Value b = operand(a[0], true);
    if (b == VAL_NULL)
        return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    dec_quantize(DEC(r), DEC(args[0]), DEC(b), &work, &status);
    return finish(r, ctx, status);
}

/* to_integral*(rounding=None, context=None) */
static Value to_integral(const char *fname, dec_unary_fn *fn, Value *args, size_t nargs,
                         Value kw)
{
    static const char *const names[] = { "rounding", "context" };
    ArgSpec spec = { fname, names, 2, 0, 0, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value ctx = dm_context_arg(a[1]);
    if (ctx == VAL_NULL)
        return VAL_NULL;
    dec_context work = CTX(ctx)->ctx;
    if (!rounding_arg(a[0], &work))
        return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    fn(DEC(r), DEC(args[0]), &work, &status);
    return finish(r, ctx, status);
}

static Value dec_m_to_integral(Value *args, size_t nargs, Value kw)
{
    return to_integral("to_integral", dec_round_to_int, args, nargs, kw);
}

static Value dec_m_to_integral_value(Value *args, size_t nargs, Value kw)
{
    return to_integral("to_integral_value", dec_round_to_int, args, nargs, kw);
}

static Value dec_m_to_integral_exact(Value *args, size_t nargs, Value kw)
{
    return to_integral("to_integral_exact", dec_round_to_intx, args, nargs, kw);
}

static Value dec_m_fma(Value *args, size_t nargs, Value kw)
{
    Value ops[3], ctx;
    if (!method_args("fma", args, nargs, kw, 3, ops, &ctx))
        return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    dec_fma(DEC(r), DEC(ops[0]), DEC(ops[1]), DEC(ops[2]), &CTX(ctx)->ctx, &status);
    return finish(r, ctx, status);
}

static Value ctx_m_fma(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("fma", kw))
        return VAL_NULL;
    if (nargs - 1 != 3)
        return rt_raisef(&rt_TypeError, "fma expected 3 arguments, got %zu", nargs - 1);
    Value ops[3];
    for (int i = 0; i < 3; i++)
        if ((ops[i] = operand(args[1 + i], true)) == VAL_NULL)
            return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    dec_fma(DEC(r), DEC(ops[0]), DEC(ops[1]), DEC(ops[2]), &CTX(args[0])->ctx, &status);
    return finish(r, args[0], status);
}

static Value divmod_result(Value a, Value b, Value ctx)
{
    Value q = new_dec(), rm = new_dec();
    uint32_t status = 0;
    dec_divmod(DEC(q), DEC(rm), DEC(a), DEC(b), &CTX(ctx)->ctx, &status);
    return dm_add_status(ctx, status) ? rt_tuple_pack(2, q, rm) : VAL_NULL;
}

static Value ctx_m_divmod(Value *args, size_t nargs, Value kw)
{
    Value a, b;
    if (!ctx_two("divmod", args, nargs, kw, &a, &b))
        return VAL_NULL;
    return divmod_result(a, b, args[0]);
}

static Value pow_result(Value a, Value b, Value m, Value ctx)
{
    Value r = new_dec();
    uint32_t status = 0;
    if (m == VAL_NULL)
        dec_power(DEC(r), DEC(a), DEC(b), &CTX(ctx)->ctx, &status);
    else
        dec_powmod(DEC(r), DEC(a), DEC(b), DEC(m), &CTX(ctx)->ctx, &status);
    return finish(r, ctx, status);
}

/* Context.power(a, b, modulo=None) */
static Value ctx_m_power(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "a", "b", "modulo" };
    ArgSpec spec = { "power", names, 3, 0, 2, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value x = operand(a[0], true), y = x ? operand(a[1], true) : VAL_NULL;
    if (y == VAL_NULL)
        return VAL_NULL;
    Value m = VAL_NULL;
    if (a[2] != VAL_NULL && a[2] != rt_None && (m = operand(a[2], true)) == VAL_NULL)
        return VAL_NULL;
    return pow_result(x, y, m, args[0]);
}

static Value ctx_m_apply(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_apply", nargs - 1, kw))
        return VAL_NULL;
    Value a = operand(args[1], true);
    if (a == VAL_NULL)
        return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    dec_copy(DEC(r), DEC(a));
    dec_finalize(DEC(r), &CTX(args[0])->ctx, &status);
    return finish(r, args[0], status);
}

/* ---- conversions to Python numbers ------------------------------------------- */

/* The integer nearest by `round` (int(), round(), math.floor ...). */
static Value to_int(Value self, int round)
{
    const dec_t *a = DEC(self);
    if (dec_is_nan(a))
        return rt_raisef(&rt_ValueError, "cannot convert NaN to integer");
    if (dec_is_infinite(a))
        return rt_raisef(&rt_OverflowError, "cannot convert Infinity to integer");
    dec_context work;
    dec_context_max(&work);
    work.round = round;
    dec_t t;
    dec_init(&t);
    uint32_t status = 0;
    dec_round_to_int(&t, a, &work, &status);
    mpz_t z;
    mpz_init(z);
    if (status & DEC_MallocError || dec_to_mpz(z, &t) == -2)
        return rt_raise_nomemory();
    Value r = mod_int_from_mpz(z);
    mpz_clear(z);
    dec_clear(&t);
    return r;
}

static Value dec_m_floor(Value *args, size_t nargs, Value kw)
{
    return to_int(args[0], DEC_ROUND_FLOOR);
}

static Value dec_m_ceil(Value *args, size_t nargs, Value kw)
{
    return to_int(args[0], DEC_ROUND_CEILING);
}

static Value dec_m_trunc(Value *args, size_t nargs, Value kw)
{
    return to_int(args[0], DEC_ROUND_DOWN);
}

/* __round__(ndigits=None) */
static Value dec_m_round(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("__round__", nargs - 1, 0, 1) || !rt_arg_nokw("__round__", kw))
        return VAL_NULL;
    if (nargs == 1)
        return to_int(args[0], DEC_ROUND_HALF_EVEN);
    Value ctx = dm_current_context();
    if (ctx == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_int_type))
        return rt_raisef(&rt_TypeError, "optional arg must be an integer");
    ssize_t n;
    if (!mod_int_as_ssize(args[1], &n))
        return VAL_NULL;
    Value r = new_dec();
    uint32_t status = 0;
    dec_rescale(DEC(r), DEC(args[0]), n == INT64_MIN ? INT64_MAX : -n, &CTX(ctx)->ctx, &status);
    return finish(r, ctx, status);
}

static double to_double(Value self, bool *ok)
{
    *ok = false;
    const dec_t *a = DEC(self);
    if (dec_is_snan(a)) {
        rt_raisef(&rt_ValueError, "cannot convert signaling NaN to float");
        return 0;
    }
    if (dec_is_nan(a)) {
        *ok = true;
        return a->sign ? -NAN : NAN;
    }
    char *s = dec_to_sci(a, 1);
    double d = strtod(s, NULL);
    free(s);
    *ok = true;
    return d;
}

static Value dec_m_complex(Value *args, size_t nargs, Value kw)
{
    bool ok;
    double d = to_double(args[0], &ok);
    return ok ? rt_complex_new(d, 0.0) : VAL_NULL;
}

static Value decimal_unary(Value self, int op)
{
    dec_unary_fn *fn;
    switch (op) {
    case UN_NEG: fn = dec_minus; break;
    case UN_POS: fn = dec_plus; break;
    case UN_ABS: fn = dec_abs; break;
    case UN_INT: return to_int(self, DEC_ROUND_DOWN);
    case UN_FLOAT: {
        bool ok;
        double d = to_double(self, &ok);
        return ok ? rt_float_new(d) : VAL_NULL;
    }
    default: return rt_NotImplemented;
    }
    Value ctx = dm_current_context();
    return ctx == VAL_NULL ? VAL_NULL : do_unary(fn, self, ctx);
}

static int decimal_truth(Value self)
{
    return !dec_is_zero(DEC(self));
}

/* as_integer_ratio(): (n, d) in lowest terms, d > 0. */
static Value dec_m_as_integer_ratio(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("as_integer_ratio", nargs - 1, kw))
        return VAL_NULL;
    const dec_t *a = DEC(args[0]);
    if (dec_is_nan(a))
        return rt_raisef(&rt_ValueError, "cannot convert NaN to integer ratio");
    if (dec_is_infinite(a))
        return rt_raisef(&rt_OverflowError, "cannot convert Infinity to integer ratio");
    mpz_t n, d, g;
    mpz_init_set(n, a->coef);
    mpz_init_set_ui(d, 1);
    mpz_init(g);
    if (a->exp >= 0) {
        mpz_ui_pow_ui(g, 10, (unsigned long)a->exp);
        mpz_mul(n, n, g);
    } else {
        mpz_ui_pow_ui(d, 10, (unsigned long)-a->exp);
        mpz_gcd(g, n, d);
        if (mpz_sgn(g) != 0) {
            mpz_divexact(n, n, g);
            mpz_divexact(d, d, g);
        }
    }
    if (a->sign)
        mpz_neg(n, n);
    Value r = rt_tuple_pack(2, mod_int_from_mpz(n), mod_int_from_mpz(d));
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(g);
    return r;
}

/* as_tuple(): DecimalTuple(sign, digits, exponent). */
static Value dec_m_as_tuple(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("as_tuple", nargs - 1, kw))
        return VAL_NULL;
    const dec_t *a = DEC(args[0]);
    Value exp;
    Value digits;
    if (a->kind == DEC_INF) {
        exp = rt_str_from_cstr("F");
        digits = rt_tuple_pack(1, small_new(0));
    } else {
        if (a->kind == DEC_FINITE)
            exp = rt_int_from_i64(a->exp);
        else
            exp = rt_str_from_cstr(a->kind == DEC_QNAN ? "n" : "N");
        if (a->kind != DEC_FINITE && mpz_sgn(a->coef) == 0) {
            digits = rt_tuple_new(0);
        } else {
            char *s = dm_coef_digits(a);
            size_t n = strlen(s);
            digits = rt_tuple_new(n);
            for (size_t i = 0; i < n; i++)
                AS_TUPLE(digits)->items[i] = small_new(s[i] - '0');
        }
    }
    Value targs[3] = { small_new(a->sign), digits, exp };
    return rt_call(dm_decimal_tuple, targs, 3, VAL_NULL);
}

static Value dec_m_reduce(Value *args, size_t nargs, Value kw)
{
    Value s = decimal_str(args[0]);
    if (s == VAL_NULL)
        return VAL_NULL;
    return rt_tuple_pack(2, obj_val(val_type(args[0])), rt_tuple_pack(1, s));
}

static Value dec_m_sizeof(Value *args, size_t nargs, Value kw)
{
    size_t limbs = mpz_size(DEC(args[0])->coef);
    return small_new((intptr_t)(104 + 8 * (limbs > 1 ? limbs : 0)));
}

/* ---- hash -------------------------------------------------------------------------- */

/* CPython's numeric hash: the value modulo 2**61 - 1, so that
 * hash(Decimal(n)) == hash(n) and hash(Decimal(0.5)) == hash(0.5). */
static intptr_t decimal_hash(Value self)
{
    DecObject *o = VAL_AS(DecObject, self);
    if (o->hash != -1)
        return o->hash;
    const dec_t *a = &o->num;
    intptr_t h;
    if (dec_is_snan(a)) {
        rt_raisef(&rt_TypeError, "Cannot hash a signaling NaN value");
        return -1;
    } else if (dec_is_nan(a)) {
        uintptr_t y = (uintptr_t)self;
        h = (intptr_t)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    } else if (dec_is_infinite(a)) {
        h = a->sign ? -314159 : 314159;
    } else {
        mpz_t p, t, c;
        mpz_init_set_ui(p, 1);
        mpz_mul_2exp(p, p, 61);
        mpz_sub_ui(p, p, 1);
        mpz_init(t);
        mpz_init(c);
        mpz_set_ui(t, 10);
        if (a->exp >= 0) {
            mpz_set_si(c, a->exp);
            mpz_powm(t, t, c, p);
        } else {
            /* 10**-k = (10**-1)**k, 10**-1 being 10**(p-2) mod p. */
            mpz_sub_ui(c, p, 2);
            mpz_powm(t, t, c, p);
            mpz_set_si(c, -a->exp);
            mpz_powm(t, t, c, p);
        }
        mpz_mul(t, t, a->coef);
        mpz_mod(t, t, p);
        h = (intptr_t)mpz_get_ui(t);
        if (a->sign)
            h = -h;
        if (h == -1)
            h = -2;
        mpz_clear(p);
        mpz_clear(t);
        mpz_clear(c);
    }
    o->hash = h;
    return h;
}

/* ---- comparisons -------------------------------------------------------------------- */

/* b for comparing with a: a Decimal, or rt_NotImplemented; *a may become
 * a * denominator for a Rational b.  VAL_NULL + exception. */
static Value compare_operand(Value *a, Value b, int op, Value ctx)
{
    if (dm_is_decimal(b) || rt_isinstance_of(b, &rt_int_type))
        return operand(b, false);
    bool eq = op == CMP_EQ || op == CMP_NE;
    double d;
    if (rt_isinstance_of(b, &rt_float_type)) {
        d = AS_FLOAT(b)->value;
    } else if (rt_isinstance_of(b, &rt_complex_type) && eq) {
        ObjComplex *c = VAL_AS(ObjComplex, b);
        if (c->imag != 0.0)
            return rt_NotImplemented;
        d = c->real;
    } else if (rational_type != VAL_NULL && rt_object_isinstance(b, rational_type) == 1) {
        Value num = rt_getattr_cstr(b, "numerator"), den = VAL_NULL;
        if (num == VAL_NULL || (den = rt_getattr_cstr(b, "denominator")) == VAL_NULL)
            return VAL_NULL;
        Value r = operand(num, true);
        if (r == VAL_NULL || dec_is_special(DEC(*a)))
            return r;
        Value dd = operand(den, true);
        if (dd == VAL_NULL)
            return VAL_NULL;
        dec_context max;
        dec_context_max(&max);
        Value m = new_dec();
        uint32_t status = 0;
        dec_mul(DEC(m), DEC(*a), DEC(dd), &max, &status);
        *a = m;
        return r;
    } else {
        return rt_NotImplemented;
    }
    if (eq)
        CTX(ctx)->status |= DEC_NotImplemented;
    else if (!dm_add_status(ctx, DEC_NotImplemented))
        return VAL_NULL;
    Value r = new_dec();
    dec_from_double(DEC(r), d);
    return r;
}

static Value decimal_richcompare(Value a, Value b, int op)
{
    Value ctx = dm_current_context();
    if (ctx == VAL_NULL)
        return VAL_NULL;
    Value w = compare_operand(&a, b, op, ctx);
    if (w == VAL_NULL || w == rt_NotImplemented)
        return w;
    const dec_t *x = DEC(a), *y = DEC(w);
    if (dec_is_nan(x) || dec_is_nan(y)) {
        if ((dec_is_snan(x) || dec_is_snan(y) || (op != CMP_EQ && op != CMP_NE)) &&
            !dm_add_status(ctx, DEC_InvalidOperation))
            return VAL_NULL;
        return rt_bool(op == CMP_NE);
    }
    return rt_bool(rt_cmp_holds(dec_cmp(x, y), op));
}

/* ---- operators ------------------------------------------------------------------------ */

static Value decimal_binop(Value a, Value b, int op)
{
    Value x = operand(a, false), y;
    if (x == rt_NotImplemented || (y = operand(b, false)) == rt_NotImplemented)
        return rt_NotImplemented;
    Value ctx = dm_current_context();
    if (ctx == VAL_NULL)
        return VAL_NULL;
    dec_binary_fn *fn;
    switch (op) {
    case NB_ADD: fn = dec_add; break;
    case NB_SUBTRACT: fn = dec_sub; break;
    case NB_MULTIPLY: fn = dec_mul; break;
    case NB_TRUE_DIVIDE: fn = dec_div; break;
    case NB_FLOOR_DIVIDE: fn = dec_divint; break;
    case NB_REMAINDER: fn = dec_rem; break;
    case NB_POWER: return pow_result(x, y, VAL_NULL, ctx);
    case NB_DIVMOD: return divmod_result(x, y, ctx);
    default: return rt_NotImplemented;
    }
    return do_binary(fn, x, y, ctx);
}

static Value decimal_pow3(Value base, Value exp, Value mod)
{
    Value a = operand(base, false), b, m;
    if (a == rt_NotImplemented || (b = operand(exp, false)) == rt_NotImplemented ||
        (m = operand(mod, false)) == rt_NotImplemented)
        return rt_NotImplemented;
    Value ctx = dm_current_context();
    return ctx == VAL_NULL ? VAL_NULL : pow_result(a, b, m, ctx);
}

/* ---- the tables ------------------------------------------------------------------------ */

#define DEC_ENTRY(name, fn) {#name, dec_m_##name},
#define CTX_ENTRY(name, fn) {#name, ctx_m_##name},
#define DEC_PRED_ENTRY(name) {#name, dec_m_##name},
#define CTX_PRED_ENTRY(name) {#name, ctx_m_##name},

const MethodDef dm_decimal_methods[] = {
    DM_UNARY_OPS(DEC_ENTRY)
    DM_BINARY_OPS(DEC_ENTRY)
    DM_EXACT_BINARY_OPS(DEC_ENTRY)
    DM_PREDICATES(DEC_PRED_ENTRY)
    DM_CTX_PREDICATES(DEC_PRED_ENTRY)
    {"to_eng_string", dec_m_to_eng_string},
    {"number_class", dec_m_number_class},
    {"copy_abs", dec_m_copy_abs},
    {"copy_negate", dec_m_copy_negate},
    {"adjusted", dec_m_adjusted},
    {"radix", dec_m_radix},
    {"canonical", dec_m_canonical},
    {"conjugate", dec_m_conjugate},
    {"same_quantum", dec_m_same_quantum},
    {"quantize", dec_m_quantize},
    {"to_integral", dec_m_to_integral},
    {"to_integral_value", dec_m_to_integral_value},
    {"to_integral_exact", dec_m_to_integral_exact},
    {"fma", dec_m_fma},
    {"as_integer_ratio", dec_m_as_integer_ratio},
    {"as_tuple", dec_m_as_tuple},
    {"from_float", decimal_from_float, RT_METH_CLASS},
    {"__floor__", dec_m_floor},
    {"__ceil__", dec_m_ceil},
    {"__trunc__", dec_m_trunc},
    {"__round__", dec_m_round},
    {"__complex__", dec_m_complex},
    {"__reduce__", dec_m_reduce},
    {"__copy__", dec_m_copy},
    {"__deepcopy__", dec_m_deepcopy},
    {"__sizeof__", dec_m_sizeof},
    {"__format__", dm_decimal_format},
    {NULL, NULL}
};

const MethodDef dm_context_number_methods[] = {
    DM_UNARY_OPS(CTX_ENTRY)
    DM_BINARY_OPS(CTX_ENTRY)
    DM_CTX_UNARY_OPS(CTX_ENTRY)
    DM_CTX_BINARY_OPS(CTX_ENTRY)
    DM_PREDICATES(CTX_PRED_ENTRY)
    DM_CTX_PREDICATES(CTX_PRED_ENTRY)
    {"to_sci_string", ctx_m_to_sci_string},
    {"to_eng_string", ctx_m_to_eng_string},
    {"number_class", ctx_m_number_class},
    {"same_quantum", ctx_m_same_quantum},
    {"canonical", ctx_m_canonical},
    {"radix", ctx_m_radix},
    {"fma", ctx_m_fma},
    {"divmod", ctx_m_divmod},
    {"power", ctx_m_power},
    {"_apply", ctx_m_apply},
    {NULL, NULL}
};

static const GetSetDef decimal_getsets[] = {
    {"real", dec_get_real, 0},
    {"imag", dec_get_imag, 0},
    {NULL}
};

ObjType dm_decimal_type = {
    .ob.type = &rt_type_type, .name = "decimal.Decimal", .flags = TF_BASETYPE,
    .instance_size = sizeof(DecObject), .new_ = decimal_new,
    .repr = decimal_repr, .str = decimal_str, .hash = decimal_hash,
    .richcompare = decimal_richcompare, .binop = decimal_binop, .pow3 = decimal_pow3,
    .unary = decimal_unary, .truth = decimal_truth, .getsets = decimal_getsets,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_MULTIPLY) |
                 RT_OP_BIT(NB_TRUE_DIVIDE) | RT_OP_BIT(NB_FLOOR_DIVIDE) |
                 RT_OP_BIT(NB_REMAINDER) | RT_OP_BIT(NB_DIVMOD) | RT_OP_BIT(NB_POWER),
    .unary_ops = RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_ABS) |
                 RT_OP_BIT(UN_INT) | RT_OP_BIT(UN_FLOAT),
};

void dm_number_init(Value module)
{
    bool first = dm_decimal_type.mro == VAL_NULL;
    mod_add_type(module, "Decimal", &dm_decimal_type, dm_decimal_methods);
    if (!first)
        return;
    if (rt_py_minor >= 14)
        rt_type_add_methods(&dm_decimal_type, decimal_methods_314);
    /* numbers.Number.register(Decimal); Rational for comparisons. */
    Value numbers = mod_import("numbers");
    if (numbers == VAL_NULL) {
        rt_err_clear();
        return;
    }
    rational_type = rt_getattr_cstr(numbers, "Rational");
    Value number = rt_getattr_cstr(numbers, "Number");
    if (number == VAL_NULL || rational_type == VAL_NULL ||
        mod_call_method(number, "register", (Value[]){ obj_val(&dm_decimal_type) }, 1) == VAL_NULL)
        rt_err_clear();
}
