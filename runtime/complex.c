/*
 * complex.c — Python's complex numbers: a pair of doubles.
 *
 * The arithmetic follows CPython's complexobject.c so results agree bit for
 * bit: division uses Smith's method (scale by the larger part of the divisor
 * to avoid overflow), and small integer powers are computed by repeated
 * squaring (exact for (1+2j)**2), other powers in polar form.  complex only
 * supports == and != ; ordering returns NotImplemented and abstract.c raises
 * "'<' not supported between instances of 'complex' and 'complex'".
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "runtime.h"
#include "class.h"
#include "version.h"

typedef struct { double re, im; } Cx;

static inline Cx cx_of(Value v) { return (Cx){VAL_AS(ObjComplex, v)->real, VAL_AS(ObjComplex, v)->imag}; }

Value rt_complex_new(double real, double imag)
{
    ObjComplex *c = gc_alloc_atomic(sizeof *c);   /* no pointers but the static type */
    c->ob.type = &rt_complex_type;
    c->real = real;
    c->imag = imag;
    return obj_val(c);
}

static Value cx_new(Cx c) { return rt_complex_new(c.re, c.im); }

static bool is_complex(Value v)
{
    return !val_is_small(v) && rt_isinstance_of(v, &rt_complex_type);
}

/* 1: v as a complex in *out; 0: not a number; -1: error (int too large). */
static int to_complex(Value v, Cx *out)
{
    if (is_complex(v)) {
        *out = cx_of(v);
        return 1;
    }
    if (!val_is_small(v) && !rt_isinstance_of(v, &rt_float_type) && !rt_isinstance_of(v, &rt_int_type))
        return 0;
    double d;
    if (!rt_as_double(v, &d))
        return -1;
    *out = (Cx){d, 0.0};
    return 1;
}

/* Both operands as complex numbers: 1, or 0 when either is not a number
 * (the operation is NotImplemented), or -1 on error. */
static int to_complexes(Value a, Value b, Cx *x, Cx *y)
{
    int r = to_complex(a, x);
    return r <= 0 ? r : to_complex(b, y);
}

/* ---- repr ------------------------------------------------------------------- */

/* '1j', '(1+2j)', '(-0-1j)', '(nan+infj)': the parts use float repr without
 * the '.0'; the real part is left out only when it is +0. */
static Value complex_repr(Value v)
{
    Cx c = cx_of(v);
    char re[40], im[40], out[100];
    rt_double_repr_ex(c.im, im, sizeof im, false);
    if (c.re == 0 && !signbit(c.re)) {
        snprintf(out, sizeof out, "%sj", im);
    } else {
        rt_double_repr_ex(c.re, re, sizeof re, false);
        bool need_plus = im[0] != '-';
        snprintf(out, sizeof out, "(%s%s%sj)", re, need_plus ? "+" : "", im);
    }
    return rt_str_from_cstr(out);
}

/* ---- Arithmetic -------------------------------------------------------------- */

static Cx cx_prod(Cx a, Cx b)
{
    return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* a / b by Smith's method; errno = EDOM for a zero divisor. */
static Cx cx_quot(Cx a, Cx b)
{
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            errno = EDOM;
            return (Cx){0, 0};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_im >= abs_re) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (Cx){NAN, NAN};                  /* a NaN in the divisor */
}

/* a ** b in polar form (CPython's _Py_c_pow). */
static Cx cx_pow(Cx a, Cx b)
{
    if (b.re == 0 && b.im == 0)
        return (Cx){1, 0};
    if (a.re == 0 && a.im == 0) {
        if (b.im != 0 || b.re < 0)
            errno = EDOM;
        return (Cx){0, 0};
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (Cx){len * cos(phase), len * sin(phase)};
}

/* x ** n for a small non-negative integer n, by repeated squaring. */
static Cx cx_powu(Cx x, long n)
{
    Cx r = {1, 0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = cx_prod(r, p);
        p = cx_prod(p, p);
    }
    return r;
}

static Value complex_power(Cx a, Cx b)
{
    errno = 0;
    Cx r;
    if (b.im == 0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        r = n >= 0 ? cx_powu(a, n) : cx_quot((Cx){1, 0}, cx_powu(a, -n));
    } else {
        r = cx_pow(a, b);
    }
    if (isinf(r.re) || isinf(r.im)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM)
        return rt_raisef(&rt_ZeroDivisionError, "0.0 to a negative or complex power");
    if (errno == ERANGE)
        return rt_raisef(&rt_OverflowError, "complex exponentiation");
    return cx_new(r);
}

Value rt_complex_binop(Value a, Value b, int op)
{
    op = rt_nb_plain(op);
    Cx x, y;
    int r = to_complexes(a, b, &x, &y);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    switch (op) {
    case NB_ADD: return rt_complex_new(x.re + y.re, x.im + y.im);
    case NB_SUBTRACT: return rt_complex_new(x.re - y.re, x.im - y.im);
    case NB_MULTIPLY: return cx_new(cx_prod(x, y));
    case NB_TRUE_DIVIDE: {
        errno = 0;
        Cx q = cx_quot(x, y);
        if (errno == EDOM)
            return rt_raisef(&rt_ZeroDivisionError, rt_py_minor >= 14 ? "division by zero"
                                                                   : "complex division by zero");
        return cx_new(q);
    }
    case NB_POWER: return complex_power(x, y);
    default: return rt_NotImplemented;
    }
}

/* pow(x, y, mod) with a complex among x and y: never allowed. */
static Value complex_pow3(Value base, Value exp, Value mod)
{
    Cx x, y;
    int r = to_complexes(base, exp, &x, &y);
    if (r <= 0)
        return r < 0 ? VAL_NULL : rt_NotImplemented;
    return rt_raisef(&rt_ValueError, "complex modulo");
}

static Value complex_abs(Value v)
{
    Cx c = cx_of(v);
    double r = hypot(c.re, c.im);
    if (isinf(r) && isfinite(c.re) && isfinite(c.im))
        return rt_raisef(&rt_OverflowError, "absolute value too large");
    return rt_float_new(r);
}

static Value complex_unary(Value v, int op)
{
    Cx c = cx_of(v);
    switch (op) {
    case UN_NEG: return rt_complex_new(-c.re, -c.im);
    case UN_POS: return rt_complex_new(c.re, c.im);
    case UN_ABS: return complex_abs(v);
    default: return rt_NotImplemented;  /* ~z, int(z), float(z), operator.index(z) */
    }
}

static int complex_truth(Value v)
{
    Cx c = cx_of(v);
    return c.re != 0 || c.im != 0;
}

/* ---- Comparison and hash ---------------------------------------------------- */

/* Only == and != exist; comparing with an int is exact (via float's rules). */
static Value complex_richcompare(Value a, Value b, int op)
{
    if (op != CMP_EQ && op != CMP_NE)
        return rt_NotImplemented;
    if (!is_complex(a)) {                   /* put the complex operand first */
        Value t = a;
        a = b;
        b = t;
    }
    Cx x = cx_of(a);
    bool eq;
    if (is_complex(b)) {
        Cx y = cx_of(b);
        eq = x.re == y.re && x.im == y.im;
    } else if (val_is_small(b) || rt_isinstance_of(b, &rt_int_type) ||
               rt_isinstance_of(b, &rt_float_type)) {
        if (x.im != 0)
            eq = false;
        else {
            Value r = rt_float_richcompare(rt_float_new(x.re), b, CMP_EQ);
            if (!r)
                return r;
            eq = r == rt_True;
        }
    } else {
        return rt_NotImplemented;
    }
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

/* A NaN part hashes by the object's identity, as float's NaN does
 * (CPython's _Py_HashPointer: the address rotated by 4 bits). */
static uintptr_t part_hash(Value v, double d)
{
    if (!isnan(d))
        return (uintptr_t)rt_double_hash(d);
    uintptr_t y = (uintptr_t)v;
    return (y >> 4) | (y << (8 * sizeof(void *) - 4));
}

/* hash(re) + 1000003 * hash(im), so hash(complex(x, 0)) == hash(x). */
static intptr_t complex_hash(Value v)
{
    Cx c = cx_of(v);
    intptr_t h = (intptr_t)(part_hash(v, c.re) + 1000003u * part_hash(v, c.im));
    return h == -1 ? -2 : h;
}

/* ---- Attributes and methods --------------------------------------------------- */

/* c.real and c.imag: read-only (CPython's are member descriptors, whose
 * message on assignment is "readonly attribute"). */
/* z.real, z.imag: the fields themselves, read-only. */
static const MemberDef complex_members[] = {
    {"real", offsetof(ObjComplex, real), RT_MEMBER_DOUBLE, RT_READONLY,
     "the real part of a complex number"},
    {"imag", offsetof(ObjComplex, imag), RT_MEMBER_DOUBLE, RT_READONLY,
     "the imaginary part of a complex number"},
    {NULL},
};

static Value m_conjugate(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("complex.conjugate", nargs - 1, kw))
        return VAL_NULL;
    Cx c = cx_of(args[0]);
    return rt_complex_new(c.re, -c.im);
}

/* (real, imag): what pickle and copy pass back to complex.__new__. */
static Value m_getnewargs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("complex.__getnewargs__", nargs - 1, kw))
        return VAL_NULL;
    Cx c = cx_of(args[0]);
    return rt_tuple_pack(2, rt_float_new(c.re), rt_float_new(c.im));
}

static Value m_complex(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("complex.__complex__", nargs - 1, kw))
        return VAL_NULL;
    return cx_new(cx_of(args[0]));
}

/* ---- complex(real, imag) and complex('1+2j') ----------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Read a float (digits, '.', exponent, inf/nan) at *s; false if none. */
static bool read_float(const char **s, const char *end, double *out)
{
    const char *p = *s;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    const char *start = p;
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (int i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if ((size_t)(end - p) >= n && strncasecmp(p, words[i], n) == 0) {
            Value f = rt_float_from(rt_str_new(*s, (size_t)(p + n - *s)));
            if (!f)
                return false;
            *out = rt_float_value(f);
            *s = p + n;
            return true;
        }
    }
    while (p < end && (strchr("0123456789_.", *p) != NULL))
        p++;
    if (p > start && p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        while (p < end && (strchr("0123456789_", *p) != NULL))
            p++;
    }
    if (p == start)
        return false;
    Value f = rt_float_from(rt_str_new(*s, (size_t)(p - *s)));
    if (!f) {
        rt_err_clear();
        return false;
    }
    *out = rt_float_value(f);
    *s = p;
    return true;
}

/* The forms CPython accepts: "x", "yj", "x+yj", "x-j", "+j", each optionally
 * in parentheses, with whitespace around. */
static bool parse_complex(const char *s, size_t len, Cx *out)
{
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    if (s < end && *s == '(' && end[-1] == ')') {
        s++, end--;
        while (s < end && is_space(*s)) s++;
        while (end > s && is_space(end[-1])) end--;
    }
    double x = 0, y;
    const char *p = s;
    bool have_x = read_float(&p, end, &x);
    if (have_x && p == end) {
        *out = (Cx){x, 0};
        return true;
    }
    if (have_x && (*p == 'j' || *p == 'J') && p + 1 == end) {
        *out = (Cx){0, x};
        return true;
    }
    if (!have_x) {
        p = s;
        x = 0;
    }
    /* now an imaginary part: [+-] [number] j */
    if (p >= end)
        return false;
    double sign = 1;
    if (have_x && *p != '+' && *p != '-')
        return false;
    const char *q = p;
    if (!read_float(&q, end, &y)) {
        if (*p == '+' || *p == '-')
            sign = *p++ == '-' ? -1 : 1;
        y = 1;
        q = p;
    }
    if (q >= end || (*q != 'j' && *q != 'J') || q + 1 != end)
        return false;
    *out = (Cx){x, sign * y};
    return true;
}

static Value complex_from_string(Value s)
{
    Cx c;
    size_t len;                         /* Unicode digits and spaces count too */
    const char *text = rt_numeric_ascii(s, &len);
    if (!parse_complex(text, len, &c))
        return rt_raisef(&rt_ValueError, "complex() arg is a malformed string");
    return cx_new(c);
}

/* type(v).name bound to v, or VAL_NULL (no exception) when absent. */
static Value special_method(Value v, const char *name)
{
    Value m = rt_type_lookup(val_type(v), rt_str_intern_cstr(name));
    if (m == VAL_NULL || val_type(m)->descr_get == NULL)
        return m;
    return val_type(m)->descr_get(m, v, obj_val(val_type(v)));
}

/* __complex__ returned an instance of a subclass of complex: allowed, with
 * CPython's DeprecationWarning (issue 29894).  -1 if the warning raised. */
static int warn_complex_subclass(Value r)
{
    char msg[400];
    snprintf(msg, sizeof msg, "__complex__ returned non-complex (type %.200s).  The ability "
             "to return an instance of a strict subclass of complex is deprecated, and may "
             "be removed in a future version of Python.", val_type(r)->name);
    return rt_warn(&rt_DeprecationWarning, msg, 1);
}

/* x.__complex__() for complex(x): 1 with *out set, 0 when x has none. */
static int dunder_complex(Value v, Cx *out)
{
    Value m = special_method(v, "__complex__");
    if (m == VAL_NULL)
        return rt_err_occurred() ? -1 : 0;      /* its __get__ failed, or none */
    Value r = rt_call0(m);
    if (r == VAL_NULL)
        return -1;
    if (!is_complex(r)) {
        rt_raisef(&rt_TypeError, "__complex__ returned non-complex (type %T)", r);
        return -1;
    }
    if (!IS_EXACT(r, rt_complex_type) && warn_complex_subclass(r) < 0)
        return -1;
    *out = cx_of(r);
    return 1;
}

/* An argument of complex(): 2 when it is complex-valued (a complex, or the
 * first argument's __complex__), 1 when real (int, float, or a class with
 * __float__ or __index__), -1 on error with CPython's messages. */
static int complex_arg(Value v, Cx *out, bool first)
{
    int r = first ? dunder_complex(v, out) : 0;
    if (r != 0)
        return r < 0 ? -1 : 2;
    r = to_complex(v, out);
    if (r != 0)
        return r < 0 ? -1 : is_complex(v) ? 2 : 1;
    if (special_method(v, "__float__") != VAL_NULL || special_method(v, "__index__") != VAL_NULL) {
        Value f = rt_call1(obj_val(&rt_float_type), v);     /* float(v): its checks */
        if (f == VAL_NULL)
            return -1;
        *out = (Cx){rt_float_value(f), 0.0};
        return 1;
    }
    if (rt_py_minor >= 14 && first)
        rt_raisef(&rt_TypeError, "complex() argument must be a string or a number, not %T", v);
    else if (rt_py_minor >= 14)
        rt_raisef(&rt_TypeError, "complex() argument 'imag' must be a real number, not %T", v);
    else if (first)
        rt_raisef(&rt_TypeError, "complex() first argument must be a string or a number, "
                  "not '%T'", v);
    else
        rt_raisef(&rt_TypeError, "complex() second argument must be a number, not '%T'", v);
    return -1;
}

static Value complex_make(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t nk = rt_nkwargs(kwnames);
    Value re = VAL_NULL, im = VAL_NULL;
    if (nargs - nk > 0) re = args[0];
    if (nargs - nk > 1) im = args[1];
    if (nargs - nk > 2)
        return rt_raisef(&rt_TypeError, "complex() takes at most 2 arguments (%zu given)", nargs);
    for (size_t i = 0; i < nk; i++) {
        const char *k = rt_str_cstr(rt_tuple_get(kwnames, i));
        Value v = args[nargs - nk + i];
        if (strcmp(k, "real") == 0 && !re) re = v;
        else if (strcmp(k, "imag") == 0 && !im) im = v;
        else return rt_invalid_keyword("complex", rt_str_from_cstr(k));
    }
    /* complex(c) of an exact complex is c itself: complex is immutable */
    if (re && !im && type == &rt_complex_type && IS_EXACT(re, rt_complex_type))
        return re;
    if (re && is_str(re)) {
        if (im && rt_py_minor >= 14)
            return rt_raisef(&rt_TypeError, "complex() argument 'real' must be a real number, "
                             "not %T", re);
        if (im)
            return rt_raisef(&rt_TypeError, "complex() can't take second arg if first is a string");
        return complex_from_string(re);
    }
    if (im && is_str(im) && rt_py_minor >= 14)
        return rt_raisef(&rt_TypeError, "complex() argument 'imag' must be a real number, not %T",
                         im);
    if (im && is_str(im))
        return rt_raisef(&rt_TypeError, "complex() second arg can't be a string");
    /* 3.14 deprecates complex numbers as either argument of two */
    const char *deprecated = "complex() argument '%s' must be a real number, not complex";
    char message[80];
    if (rt_py_minor >= 14 && re && im && is_complex(re)) {
        snprintf(message, sizeof message, deprecated, "real");
        if (rt_warn(&rt_DeprecationWarning, message, 1) < 0)
            return VAL_NULL;
    }
    if (rt_py_minor >= 14 && im && is_complex(im)) {
        snprintf(message, sizeof message, deprecated, "imag");
        if (rt_warn(&rt_DeprecationWarning, message, 1) < 0)
            return VAL_NULL;
    }
    Cx r = {0, 0}, i = {0, 0};
    int rkind = 0, ikind = 0;
    if (re && (rkind = complex_arg(re, &r, true)) < 0)
        return VAL_NULL;
    if (im && (ikind = complex_arg(im, &i, false)) < 0)
        return VAL_NULL;
    /* complex(r, i) == r + i*1j, with r and i themselves possibly complex;
     * parts are only combined when they exist, which keeps signed zeros. */
    double real = r.re, imag = i.re;
    if (ikind == 2)
        real -= i.im;
    if (rkind == 2)
        imag = im ? imag + r.im : r.im;
    return rt_complex_new(real, imag);
}

/* complex(...) for complex and its subclasses (complex's layout, plus
 * whatever room a Python subclass needs). */
static Value complex_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    Value c = complex_make(type, args, nargs, kwnames);
    if (!c || type == &rt_complex_type)
        return c;
    ObjComplex *sub = rt_alloc_instance(type, sizeof(ObjComplex));
    sub->real = VAL_AS(ObjComplex, c)->real;
    sub->imag = VAL_AS(ObjComplex, c)->imag;
    return obj_val(sub);
}

/* complex.from_number(x), 3.14: x as a complex when it is a number (a
 * complex, its __complex__, or a real number as float.from_number takes
 * it), never from text as complex(x) would; a class method: a subclass
 * gets cls(the complex). */
static Value m_from_number(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("complex.from_number", nargs - 1, kw))
        return VAL_NULL;
    Value v = args[1], r;
    Cx c;
    int found;
    if (IS_EXACT(v, rt_complex_type))
        r = v;
    else if (is_complex(v))
        r = cx_new(cx_of(v));
    else if ((found = dunder_complex(v, &c)) != 0)
        r = found < 0 ? VAL_NULL : cx_new(c);
    else {
        Value f = rt_float_from_number(v);
        r = f == VAL_NULL ? VAL_NULL : rt_complex_new(rt_float_value(f), 0.0);
    }
    if (r == VAL_NULL || args[0] == obj_val(&rt_complex_type))
        return r;
    return rt_call1(args[0], r);
}

/* The methods that are not slots (complex.__add__, complex.__abs__... are
 * the slot wrappers slots.c makes from binop_ops and unary_ops below). */
static const MethodDef complex_methods[] = {
    {"__format__", rt_number_dunder_format},
    {"conjugate", m_conjugate},
    {"__complex__", m_complex},
    {"__getnewargs__", m_getnewargs},
    {NULL, NULL},
};

static const MethodDef complex_methods_314[] = {
    {"from_number", m_from_number, RT_METH_CLASS},
    {NULL, NULL},
};

ObjType rt_complex_type = {
    .ob.type = &rt_type_type,
    .name = "complex",
    .base = &rt_object_type,
    .flags = TF_BASETYPE,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .binop = rt_complex_binop,
    .pow3 = complex_pow3,
    .unary = complex_unary,
    .truth = complex_truth,
    .new_ = complex_new,
    .members = complex_members,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_MULTIPLY) |
                 RT_OP_BIT(NB_TRUE_DIVIDE) | RT_OP_BIT(NB_POWER),
    .unary_ops = RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_ABS),
};

void rt_complex_init(void)
{
    rt_type_ready(&rt_complex_type, complex_methods);
    if (rt_py_minor >= 14)
        rt_type_add_methods(&rt_complex_type, complex_methods_314);
}
