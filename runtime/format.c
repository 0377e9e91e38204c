/*
 * format.c — turning values into text under a format: format(value, spec),
 * str.format(...) and the printf-style `str % args`.
 *
 * Three layers, from the bottom:
 *
 * 1. The format-spec mini-language (PEP 3101), parsed into a Spec:
 *        [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *    and rendered for str, int (and bool) and float by rt_format.  A number
 *    is assembled from parts — sign, prefix ("0x"), integer digits, the rest
 *    (fraction, exponent, '%') — so padding, zero-filling and digit grouping
 *    are done once for every numeric type.
 *
 * 2. str.format: a scanner over "literal {field!conv:spec} literal" that
 *    looks fields up in the arguments (with .attr and [key] steps), converts
 *    them, expands nested {} in the spec, and calls rt_format.
 *
 * 3. str % args (CPython's PyUnicode_Format): %-directives with flags, width,
 *    precision and (key) lookups in a mapping.
 *
 * Float digits come from the C library's snprintf (glibc rounds correctly),
 * shaped by CPython's rules; the shortest repr comes from float.c.
 * All error messages are CPython 3.11's.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

/* ======================================================================
 * 1. The format-spec mini-language
 * ====================================================================== */

typedef struct Spec {
    char fill[5];           /* UTF-8 of the fill character (NUL may be one) */
    size_t fill_len;        /* its bytes */
    char align;             /* '<' '>' '^' '=' or 0 (the type's default) */
    char sign;              /* '+' '-' ' ' or 0 */
    bool no_neg_zero;       /* 'z' */
    bool alternate;         /* '#' */
    bool zero_fill;         /* fill is '0' because of the '0' flag or fill */
    ssize_t width;          /* -1: none */
    char grouping;          /* ',' '_' or 0 */
    ssize_t precision;      /* -1: none */
    uint32_t type;          /* 0: none */
} Spec;

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Read a decimal number at s[*i]; -1 if there are no digits. */
static bool parse_number(const char *s, size_t n, size_t *i, ssize_t *out)
{
    ssize_t v = -1;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        int d = s[*i] - '0';
        if (v < 0)
            v = 0;
        if (v > (PTRDIFF_MAX - d) / 10) {
            rt_raisef(&rt_ValueError, "Too many decimal digits in format string");
            return false;
        }
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

static Value bad_grouping(char sep, uint32_t type)
{
    if (type > 32 && type < 128)
        return rt_raisef(&rt_ValueError, "Cannot specify '%c' with '%c'.", sep, (int)type);
    return rt_raisef(&rt_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)type);
}

/* Is grouping allowed with this type?  '_' also with b, o, x, X. */
static bool grouping_ok(char sep, uint32_t type)
{
    if (type == 0 || strchr("deEfFgG%", (int)type))
        return true;
    return sep == '_' && strchr("boxX", (int)type) && type != 0;
}

/* Parse spec (a str) for a value of type tname.  default_align is '<' for
 * str and '>' for numbers: the '0' flag implies '=' only for numbers. */
static bool parse_spec(Value spec, const char *tname, char default_align, Spec *f)
{
    const char *s = rt_str_cstr(spec);
    size_t n = rt_str_nbytes(spec), i = 0, clen = 0;
    memset(f, 0, sizeof *f);
    f->fill[0] = ' ';
    f->fill_len = 1;
    f->width = f->precision = -1;
    bool fill_given = false;
    if (n > 0)
        rt_utf8_decode(s, &clen);
    if (n > clen && is_align(s[clen])) {
        memcpy(f->fill, s, clen);
        f->fill[clen] = '\0';
        f->fill_len = clen;
        f->align = s[clen];
        fill_given = true;
        i = clen + 1;
    } else if (n > 0 && is_align(s[0])) {
        f->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z') {
        f->no_neg_zero = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        f->alternate = true;
        i++;
    }
    if (!fill_given && i < n && s[i] == '0') {
        f->fill[0] = '0';
        if (!f->align && default_align == '>')
            f->align = '=';
        i++;
    }
    if (!parse_number(s, n, &i, &f->width))
        return false;
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        f->grouping = s[i++];
        if (i < n && (s[i] == ',' || s[i] == '_')) {
            if (s[i] == f->grouping)
                rt_raisef(&rt_ValueError, "Cannot specify '%c' with '%c'.", s[i], s[i]);
            else
                rt_raisef(&rt_ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
    }
    if (i < n && s[i] == '.') {
        i++;
        if (!parse_number(s, n, &i, &f->precision))
            return false;
        if (f->precision < 0) {
            rt_raisef(&rt_ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (i < n) {
        size_t tlen;
        f->type = rt_utf8_decode(s + i, &tlen);
        if (i + tlen < n) {
            rt_raisef(&rt_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                      s, tname);
            return false;
        }
    }
    if (f->grouping && !grouping_ok(f->grouping, f->type)) {
        bad_grouping(f->grouping, f->type);
        return false;
    }
    f->zero_fill = strcmp(f->fill, "0") == 0;
    return true;
}

static Value unknown_code(uint32_t type, const char *tname)
{
    if (type > 32 && type < 128)
        return rt_raisef(&rt_ValueError, "Unknown format code '%c' for object of type '%s'",
                         (int)type, tname);
    return rt_raisef(&rt_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                     (unsigned)type, tname);
}

static void add_fill(StrBuf *sb, const Spec *f, size_t count)
{
    size_t flen = f->fill_len;
    for (size_t i = 0; i < count; i++)
        sb_add(sb, f->fill, flen);
}

/* Pad text (len code points) to the spec's width with its fill and align. */
static Value pad_text(const Spec *f, const char *text, size_t nbytes, size_t len, char align)
{
    size_t width = f->width > 0 ? (size_t)f->width : 0;
    if (len >= width)
        return rt_str_new(text, nbytes);
    if (!rt_str_size_ok(width))                     /* format(1, '10000000000000') */
        return rt_raise_nomemory();
    size_t pad = width - len, left = 0;
    if (align == '>')
        left = pad;
    else if (align == '^')
        left = pad / 2;
    char buf[128];
    StrBuf sb;
    sb_init_buf(&sb, buf, sizeof buf);
    add_fill(&sb, f, left);
    sb_add(&sb, text, nbytes);
    add_fill(&sb, f, pad - left);
    return sb_finish(&sb);
}

/* ---- str ---------------------------------------------------------------- */

Value rt_format_str(Value v, Value spec)
{
    Spec f;
    if (rt_str_nbytes(spec) == 0 && !is_str(v))
        return rt_str(v);           /* a subclass: str(v), its own __str__ if any */
    if (!parse_spec(spec, "str", '<', &f))
        return VAL_NULL;
    if (f.type != 0 && f.type != 's')
        return unknown_code(f.type, "str");
    if (f.sign)
        return rt_raisef(&rt_ValueError, f.sign == ' '
                         ? "Space not allowed in string format specifier"
                         : "Sign not allowed in string format specifier");
    if (f.no_neg_zero)
        return rt_raisef(&rt_ValueError,
                         "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return rt_raisef(&rt_ValueError,
                         "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return rt_raisef(&rt_ValueError,
                         "'=' alignment not allowed in string format specifier");
    if (f.grouping)
        return rt_raisef(&rt_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
    ObjStr *s = AS_STR(v);
    size_t len = s->length, nbytes = s->nbytes;
    if (f.precision >= 0 && (size_t)f.precision < len) {
        len = (size_t)f.precision;
        nbytes = rt_str_offset(v, len);
    }
    if (f.width <= (ssize_t)len && nbytes == s->nbytes && is_str(v))
        return v;
    return pad_text(&f, s->data, nbytes, len, f.align ? f.align : '<');
}

/* ---- Numbers: assembly shared by int and float -------------------------- */

typedef struct Number {
    bool negative;
    const char *prefix;             /* "", "0x", ... */
    const char *digits;             /* integer digits (or the 'c' character) */
    size_t ndigits;                 /* bytes */
    const char *rest;               /* ".5e+10", "%", "inf" ... */
    size_t nrest;
} Number;

/* The integer digits with separators every `interval` digits, padded with
 * zeros (and separators) to at least min_width characters, as CPython does
 * for '0'-filled numbers: format(1234, '09,') == '0,001,234'. */
static void add_grouped(StrBuf *sb, const char *digits, size_t n, char sep,
                        int interval, size_t min_width)
{
    size_t cap = n * 2 + min_width + 2, len = 0, count = 0;
    char small[256];
    char *tmp = cap <= sizeof small ? small : gc_alloc_atomic(cap);
    size_t remaining = n;
    while (remaining > 0 || len < min_width) {
        if (sep && count > 0 && count % (size_t)interval == 0)
            tmp[len++] = sep;
        tmp[len++] = remaining > 0 ? digits[--remaining] : '0';
        count++;
    }
    for (size_t i = 0; i < len; i++)            /* built backwards */
        sb_addc(sb, tmp[len - 1 - i]);
}

static Value render_number(const Spec *f, const Number *num, int interval)
{
    const char *sign = num->negative ? "-" : f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
    size_t fixed = strlen(sign) + strlen(num->prefix) + rt_utf8_count(num->rest, num->nrest);
    char align = f->align ? f->align : '>';
    size_t min_digits = 0;
    if (f->zero_fill && align == '=' && f->width > (ssize_t)fixed)
        min_digits = (size_t)f->width - fixed;
    /* Build sign, prefix, digits and rest; then pad around them. */
    char bodybuf[128];
    StrBuf body;
    sb_init_buf(&body, bodybuf, sizeof bodybuf);
    sb_adds(&body, sign);
    sb_adds(&body, num->prefix);
    size_t head = body.len;
    if (f->grouping || min_digits > num->ndigits)
        add_grouped(&body, num->digits, num->ndigits, f->grouping, interval, min_digits);
    else
        sb_add(&body, num->digits, num->ndigits);
    sb_add(&body, num->rest, num->nrest);
    size_t len = rt_utf8_count(body.data, body.len);
    size_t width = f->width > 0 ? (size_t)f->width : 0;
    if (len >= width)
        return sb_finish(&body);
    if (align != '=')
        return pad_text(f, body.data, body.len, len, align);
    char buf[128];
    StrBuf sb;                      /* '=': the fill goes after sign and prefix */
    sb_init_buf(&sb, buf, sizeof buf);
    sb_add(&sb, body.data, head);
    add_fill(&sb, f, width - len);
    sb_add(&sb, body.data + head, body.len - head);
    return sb_finish(&sb);
}

/* ---- float ---------------------------------------------------------------- */

static void upcase(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
}

static void strip_trailing_zeros(char *mant)
{
    char *dot = strchr(mant, '.');
    if (!dot)
        return;
    char *end = mant + strlen(mant);
    while (end > dot + 1 && end[-1] == '0')
        end--;
    if (end == dot + 1)
        end = dot;
    *end = '\0';
}

/* CPython's 'g' for a finite a >= 0 with precision p >= 1: exponent form when
 * the exponent x < -4 or x >= p (x >= p - 1 for the no-type form, which also
 * appends ".0" to integers: format(1.0, '.3') == '1.0' but format(10.0, '.1')
 * == '1e+01').  Trailing zeros go unless '#'. */
static void format_g(char *buf, size_t size, double a, int p, bool alt, bool add_dot0)
{
    snprintf(buf, size, "%.*e", p - 1, a);
    int x = atoi(strchr(buf, 'e') + 1);
    int limit = add_dot0 ? p - 1 : p;
    if (x < -4 || x >= limit) {
        char *e = strchr(buf, 'e');
        char exp[16];
        snprintf(exp, sizeof exp, "%s", e);
        *e = '\0';
        if (!alt)
            strip_trailing_zeros(buf);
        else if (!strchr(buf, '.'))
            strcat(buf, ".");
        strcat(buf, exp);
        return;
    }
    snprintf(buf, size, alt ? "%#.*f" : "%.*f", p - 1 - x, a);
    if (!alt)
        strip_trailing_zeros(buf);
    if (add_dot0 && !strchr(buf, '.'))
        strcat(buf, ".0");
}

/*
 * "%.*f" of a finite a >= 0 without the C library, when it is exact and
 * cheap: a is m * 2**e with m below 2**53, so a * 10**prec is m * 10**prec
 * (below 2**117 for prec <= 19) shifted by e, and rounding it to an integer
 * is a shift and a comparison with the half, ties to even — the correctly
 * rounded result glibc's printf and CPython's dtoa give.  Taken when a is
 * below 1e15 and prec at most 15 (a * 10**prec < 2**100); false otherwise,
 * and the caller asks snprintf.  glibc's printf_fp was a sixth of
 * bench/strings.py's time for its `{x:.3f}`.
 */
static bool fixed_digits(char *buf, size_t size, double a, int prec)
{
    if (!(a < 1e15) || prec > 15 || size < 40)
        return false;
    static const uint64_t pow10[16] = {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
        10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
        100000000000000ull, 1000000000000000ull,
    };
    unsigned __int128 q = 0;
    if (a != 0) {
        int e;
        double fr = frexp(a, &e);               /* a = fr * 2**e, 0.5 <= fr < 1 */
        uint64_t m = (uint64_t)ldexp(fr, 53);   /* exact */
        e -= 53;
        unsigned __int128 n = (unsigned __int128)m * pow10[prec];
        if (e >= 0) {
            q = n << e;                         /* a < 1e15: e <= 0 in fact */
        } else if (-e < 120) {
            int k = -e;
            q = n >> k;
            unsigned __int128 r = n - (q << k), half = (unsigned __int128)1 << (k - 1);
            if (r > half || (r == half && (q & 1)))
                q++;
        }                                       /* else a * 10**prec < 2**-17: 0 */
    }
    char digits[40];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(q % 10));
        q /= 10;
    } while (q != 0);
    while (nd <= prec)                          /* at least one integer digit */
        digits[nd++] = '0';
    char *p = buf;
    for (int i = nd - 1; i >= prec; i--)
        *p++ = digits[i];
    if (prec > 0) {
        *p++ = '.';
        for (int i = prec - 1; i >= 0; i--)
            *p++ = digits[i];
    }
    *p = '\0';
    return true;
}

/* '#' on a float's repr: a point where repr has none, "1.e+100", a
 * complex part's "3." (CPython's Py_DTSF_ALT); inf and nan stay. */
static void alternate_point(char *buf, size_t size)
{
    size_t at = strspn(buf, "0123456789"), n = strlen(buf);
    if (at == 0 || buf[at] == '.' || n + 2 > size)
        return;
    memmove(buf + at + 1, buf + at, n - at + 1);
    buf[at] = '.';
}

/* The digits of |d| under the spec's type and precision, into buf. */
static void float_body(char *buf, size_t size, double a, const Spec *f, uint32_t type)
{
    int prec = f->precision < 0 ? 6 : (int)f->precision;
    if (!isfinite(a)) {
        snprintf(buf, size, "%s", isnan(a) ? "nan" : "inf");
    } else if (type == 0 && f->precision < 0) {
        rt_double_repr(a, buf, size);
        if (f->alternate)
            alternate_point(buf, size);
    } else if (type == 0 || type == 'g' || type == 'G' || type == 'n') {
        format_g(buf, size, a, prec == 0 ? 1 : prec, f->alternate, type == 0);
    } else if (type == 'e' || type == 'E') {
        snprintf(buf, size, f->alternate ? "%#.*e" : "%.*e", prec, a);
    } else {                                /* f F % */
        double x = type == '%' ? a * 100 : a;
        if (f->alternate || !fixed_digits(buf, size, x, prec))
            snprintf(buf, size, f->alternate ? "%#.*f" : "%.*f", prec, x);
    }
    if (type == 'E' || type == 'F' || type == 'G')
        upcase(buf);
    if (type == '%')
        strcat(buf, "%");
}

/* Only zeros (and a point) before any exponent: "-0.00" for 'z'. */
static bool is_zero_text(const char *s)
{
    for (; *s && *s != 'e' && *s != 'E' && *s != '%'; s++)
        if (*s != '0' && *s != '.')
            return false;
    return true;
}

/* The room float_body needs for the spec's precision: the digits and
 * ~400 more (a 'f' of 1e308 has 309 before the point). */
static size_t float_room(const Spec *f)
{
    return (f->precision > 0 ? (size_t)f->precision : 0) + 400;
}

/* A buffer of `size` bytes: `small` when it is big enough, else from the
 * heap (NULL with MemoryError set when that fails: '.2000000000f'). */
static char *float_buffer(char *small, size_t small_size, size_t size)
{
    char *buf = size <= small_size ? small : gc_try_alloc_atomic(size);
    if (buf == NULL)
        rt_raise_nomemory();
    return buf;
}

static Value format_double(double d, const Spec *f)
{
    if (f->precision > INT_MAX)         /* CPython's precision is a C int */
        return rt_raisef(&rt_ValueError, "precision too big");
    size_t size = float_room(f);
    char small[512];
    char *buf = float_buffer(small, sizeof small, size);
    if (buf == NULL)
        return VAL_NULL;
    float_body(buf, size, fabs(d), f, f->type);
    Number num = {.negative = signbit(d) && !isnan(d), .prefix = ""};
    if (num.negative && f->no_neg_zero && is_zero_text(buf))
        num.negative = false;
    size_t ndig = 0;
    while (buf[ndig] >= '0' && buf[ndig] <= '9')
        ndig++;
    num.digits = buf;
    num.ndigits = ndig;
    num.rest = buf + ndig;
    num.nrest = strlen(buf + ndig);
    return render_number(f, &num, 3);
}

static bool float_type_ok(uint32_t t)
{
    return t == 0 || (t < 128 && strchr("eEfFgGn%", (int)t));
}

Value rt_format_float(Value v, Value spec)
{
    Spec f;
    const char *tname = val_type(v)->name;
    if (!parse_spec(spec, tname, '>', &f))
        return VAL_NULL;
    if (!float_type_ok(f.type))
        return unknown_code(f.type, tname);
    return format_double(rt_float_value(v), &f);
}

/* ---- complex ------------------------------------------------------------- */

/* One part of a complex: its sign (per `sign`, or forced '+') and digits
 * (grouped by ',' or '_' when the spec asks). */
static void complex_part(StrBuf *sb, double x, const Spec *f, uint32_t type, char sign,
                         char *buf, size_t size)
{
    double a = fabs(x);
    if (type == 'r') {
        rt_double_repr_ex(a, buf, size, false);
        if (f->alternate)
            alternate_point(buf, size);
    } else if (type == 0)
        format_g(buf, size, a, f->precision == 0 ? 1 : (int)f->precision, f->alternate, false);
    else
        float_body(buf, size, a, f, type);
    bool negative = signbit(x) && !isnan(x) && !(f->no_neg_zero && is_zero_text(buf));
    if (negative)
        sb_addc(sb, '-');
    else if (sign == '+' || sign == ' ')
        sb_addc(sb, sign);
    /* each part's integer digits are grouped as a float's would be */
    size_t ndigits = strspn(buf, "0123456789");
    add_grouped(sb, buf, ndigits, f->grouping, 3, 0);
    sb_adds(sb, buf + ndigits);
}

/* format(complex, spec): CPython's format_complex_internal.  With no type
 * the parts print like repr ('1', not '1.0') and the real part is left out
 * when it is +0; the imaginary part always carries its sign otherwise. */
Value rt_format_complex(Value v, Value spec)
{
    Spec f;
    const char *tname = val_type(v)->name;
    double re = VAL_AS(ObjComplex, v)->real, im = VAL_AS(ObjComplex, v)->imag;
    if (!parse_spec(spec, tname, '>', &f))
        return VAL_NULL;
    if (f.type != 0 && !(f.type < 128 && strchr("eEfFgGn", (int)f.type)))
        return unknown_code(f.type, tname);
    if (f.zero_fill)
        return rt_raisef(&rt_ValueError, "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return rt_raisef(&rt_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    if (f.precision > INT_MAX)
        return rt_raisef(&rt_ValueError, "precision too big");
    uint32_t type = f.type == 0 && f.precision < 0 ? 'r' : f.type;
    bool skip_re = f.type == 0 && re == 0.0 && !signbit(re);
    char small[512];                    /* each part's text in turn */
    size_t size = float_room(&f);
    char *buf = float_buffer(small, sizeof small, size);
    if (buf == NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    if (f.type == 0 && !skip_re)
        sb_addc(&sb, '(');
    if (!skip_re)
        complex_part(&sb, re, &f, type, f.sign, buf, size);
    complex_part(&sb, im, &f, type, skip_re ? f.sign : '+', buf, size);
    sb_addc(&sb, 'j');
    if (f.type == 0 && !skip_re)
        sb_addc(&sb, ')');
    return pad_text(&f, sb.data, sb.len, sb.len, f.align ? f.align : '>');
}

/* ---- int -------------------------------------------------------------------- */

/* format(i, 'c'): the character with that code point. */
static Value format_int_char(Value v, const Spec *f)
{
    if (f->sign)
        return rt_raisef(&rt_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f->alternate)
        return rt_raisef(&rt_ValueError,
                         "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!rt_int_as_i64(v, &cp))         /* "... too large to convert to C long" */
        return VAL_NULL;
    if (cp < 0 || cp > 0x10FFFF)
        return rt_raisef(&rt_OverflowError, "%%c arg not in range(0x110000)");
    char ch[4];
    size_t n = rt_utf8_encode((uint32_t)cp, ch);
    Number num = {.prefix = "", .digits = ch, .ndigits = n, .rest = "", .nrest = 0};
    return render_number(f, &num, 3);
}

static Value format_int_as_float(Value v, const Spec *f)
{
    bool overflow = false;
    double d = rt_int_as_double(v, &overflow);
    if (overflow)
        return rt_raisef(&rt_OverflowError, "int too large to convert to float");
    return format_double(d, f);
}

/* tname: the type of the value formatted, for the messages (bool). */
static Value format_int_spec(Value v, const Spec *f, const char *tname)
{
    uint32_t t = f->type;
    if (t != 0 && t < 128 && strchr("eEfFgG%", (int)t))
        return format_int_as_float(v, f);
    if (t != 0 && (t >= 128 || !strchr("bcdoxXn", (int)t)))
        return unknown_code(t, tname);
    if (f->precision >= 0)
        return rt_raisef(&rt_ValueError, "Precision not allowed in integer format specifier");
    if (f->no_neg_zero)
        return rt_raisef(&rt_ValueError,
                         "Negative zero coercion (z) not allowed in integer format specifier");
    if (t == 'c')
        return format_int_char(v, f);
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    char decimal[RT_I64_DECIMAL_MAX + 1];
    const char *digits;
    if (base == 10 && val_is_small(v)) {            /* no str for the digits */
        decimal[rt_i64_decimal(small_value(v), decimal)] = '\0';
        digits = decimal;
    } else {
        Value text = rt_int_to_base(v, base, false);
        if (!text)
            return VAL_NULL;
        digits = rt_str_cstr(text);
    }
    Number num = {.negative = digits[0] == '-', .prefix = ""};
    digits += num.negative;
    if (t == 'X') {
        char *up = gc_strdup(digits);
        upcase(up);
        digits = up;
    }
    if (f->alternate && base != 10)
        num.prefix = t == 'b' ? "0b" : t == 'o' ? "0o" : t == 'x' ? "0x" : "0X";
    num.digits = digits;
    num.ndigits = strlen(digits);
    num.rest = "";
    return render_number(f, &num, base == 10 ? 3 : 4);
}

Value rt_format_int(Value v, Value spec)
{
    Spec f;
    const char *tname = val_type(v)->name;
    if (!parse_spec(spec, tname, '>', &f))
        return VAL_NULL;
    return format_int_spec(rt_int_unbool(v), &f, tname);
}

/* ---- rt_format: dispatch on the value's type -------------------------------- */

static bool is_int_value(Value v)
{
    return is_int(v) || is_bool(v) || (!val_is_small(v) && (val_type(v)->flags & TF_INT_SUBCLASS));
}

/* The types whose __format__ rt_format does itself (object's is the
 * empty-spec rule); a builtin type with a __format__ of its own
 * (datetime.date) is called like a class's. */
static bool is_core_formatted(const ObjType *t)
{
    return t == &rt_object_type || t == &rt_int_type || t == &rt_bool_type ||
           t == &rt_float_type || t == &rt_complex_type || t == &rt_str_type;
}

/* A __format__ other than those of the core types: a class's, or a
 * builtin type's own. */
static Value user_format(Value v, Value spec, bool *found)
{
    *found = false;
    ObjType *t = val_type(v);
    if (!(t->flags & TF_HEAPTYPE) && is_core_formatted(t))
        return VAL_NULL;
    static Value name;
    if (!name)
        name = rt_str_intern_cstr("__format__");
    Value m = rt_type_lookup(t, name);
    if (!m || (IS_EXACT(m, rt_method_descr_type) &&
               is_core_formatted(VAL_AS(ObjBuiltin, m)->owner)))
        return VAL_NULL;
    *found = true;
    Value r = rt_call_found(m, v, &spec, 1);
    if (r && !rt_is_str(r))
        return rt_raisef(&rt_TypeError, "__format__ must return a str, not %T", r);
    return r;
}

Value rt_number_dunder_format(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__format__", nargs - 1, kwnames))
        return VAL_NULL;
    if (!rt_is_str(args[1]))
        return rt_raisef(&rt_TypeError, "__format__() argument must be str, not %N", args[1]);
    Value v = args[0], spec = args[1];
    if (rt_str_nbytes(spec) == 0)
        return rt_str(v);
    if (is_int_value(v))
        return rt_format_int(v, spec);
    if (rt_isinstance_of(v, &rt_float_type))
        return rt_format_float(v, spec);
    return rt_format_complex(v, spec);
}

Value rt_format(Value v, Value spec)
{
    if (!rt_is_str(spec))
        return rt_raisef(&rt_TypeError, "format() argument 2 must be str, not %T", spec);
    bool found;
    Value r = user_format(v, spec, &found);
    if (found)
        return r;
    if (rt_is_str(v))
        return rt_format_str(v, spec);
    bool empty = rt_str_nbytes(spec) == 0;
    if (empty)
        return rt_str(v);
    if (is_int_value(v))
        return rt_format_int(v, spec);
    if (!val_is_small(v) && rt_isinstance_of(v, &rt_float_type))
        return rt_format_float(v, spec);
    if (!val_is_small(v) && rt_isinstance_of(v, &rt_complex_type))
        return rt_format_complex(v, spec);
    return rt_raisef(&rt_TypeError, "unsupported format string passed to %s.__format__",
                     val_type(v)->name);
}

/* ======================================================================
 * 2. str.format
 * ====================================================================== */

typedef struct FormatArgs {
    Value *args;            /* positional */
    size_t nargs;
    Value kwnames;          /* tuple or VAL_NULL */
    Value *kwvalues;
    Value mapping;          /* format_map's mapping, or VAL_NULL */
    int auto_state;         /* 0 unset, 1 automatic numbering, 2 manual */
    size_t next_auto;
} FormatArgs;

/* "12" -> 12; -1 if not all digits (or empty); -2 on overflow (raised). */
static ssize_t field_integer(const char *s, size_t n)
{
    if (n == 0)
        return -1;
    ssize_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        if (v > (PTRDIFF_MAX - 9) / 10) {
            rt_raisef(&rt_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static Value kwarg_lookup(FormatArgs *a, const char *name, size_t n)
{
    Value key = rt_str_new(name, n);
    if (a->mapping)
        return rt_getitem(a->mapping, key);
    size_t nkw = a->kwnames ? rt_tuple_len(a->kwnames) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (rt_str_equal(rt_tuple_get(a->kwnames, i), key))
            return a->kwvalues[i];
    return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

/* The object the first part of a field names: an argument by index (or by
 * automatic numbering) or a keyword argument by name. */
static Value field_first(FormatArgs *a, const char *s, size_t n)
{
    ssize_t index = field_integer(s, n);
    if (index == -2)
        return VAL_NULL;
    bool numeric = n == 0 || index >= 0;
    if (numeric) {
        int want = n == 0 ? 1 : 2;
        if (a->auto_state == 0)
            a->auto_state = want;
        if (a->auto_state != want)
            return rt_raisef(&rt_ValueError, want == 1
                ? "cannot switch from manual field specification to automatic field numbering"
                : "cannot switch from automatic field numbering to manual field specification");
        if (n == 0)
            index = (ssize_t)a->next_auto++;
        if (a->mapping != VAL_NULL)
            return rt_raisef(&rt_ValueError, "Format string contains positional fields");
        if ((size_t)index >= a->nargs)
            return rt_raisef(&rt_IndexError,
                             "Replacement index %zd out of range for positional args tuple",
                             index);
        return a->args[index];
    }
    return kwarg_lookup(a, s, n);
}

/* Follow ".attr" and "[key]" steps in s[0..n). */
static Value field_rest(Value obj, const char *s, size_t n)
{
    size_t i = 0;
    while (obj && i < n) {
        char c = s[i++];
        size_t start = i;
        if (c == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
        } else if (c == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i == n)
                return rt_raisef(&rt_ValueError, "Missing ']' in format string");
        } else
            return rt_raisef(&rt_ValueError,
                             "Only '.' or '[' may follow ']' in format field specifier");
        size_t len = i - start;
        if (c == '[')
            i++;                    /* past the ']' */
        if (len == 0)
            return rt_raisef(&rt_ValueError, "Empty attribute in format string");
        if (c == '.') {
            obj = rt_getattr(obj, rt_str_new(s + start, len));
            continue;
        }
        ssize_t index = field_integer(s + start, len);
        if (index == -2)
            return VAL_NULL;
        obj = rt_getitem(obj, index >= 0 ? small_new(index) : rt_str_new(s + start, len));
    }
    return obj;
}

static Value field_object(FormatArgs *a, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    Value obj = field_first(a, s, i);
    return obj ? field_rest(obj, s + i, n - i) : VAL_NULL;
}

static Value convert_field(Value obj, uint32_t conv)
{
    switch (conv) {
    case 0: return obj;
    case 'r': return rt_repr(obj);
    case 's': return rt_str(obj);
    case 'a': return rt_ascii(obj);
    }
    if (conv > 32 && conv < 127)
        return rt_raisef(&rt_ValueError, "Unknown conversion specifier %c", (int)conv);
    return rt_raisef(&rt_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
}

/* One parsed replacement field: byte ranges into the format string. */
typedef struct Field {
    size_t name, name_end;
    uint32_t conversion;
    size_t spec, spec_end;      /* spec == spec_end: no spec */
    bool spec_nested;           /* the spec holds {} to expand */
} Field;

/* Parse the field starting after '{' at s[*i]; leaves *i after its '}'. */
static bool parse_field(const char *s, size_t n, size_t *i, Field *fd)
{
    memset(fd, 0, sizeof *fd);
    fd->name = *i;
    char c = 0;
    while (*i < n) {
        c = s[(*i)++];
        if (c == '{') {
            rt_raisef(&rt_ValueError, "unexpected '{' in field name");
            return false;
        }
        if (c == '[') {
            while (*i < n && s[*i] != ']')
                (*i)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    fd->name_end = *i - 1;
    if (c == '}')
        return true;
    if (c != '!' && c != ':') {
        rt_raisef(&rt_ValueError, "expected '}' before end of string");
        return false;
    }
    if (c == '!') {
        if (*i >= n) {
            rt_raisef(&rt_ValueError, "end of string while looking for conversion specifier");
            return false;
        }
        size_t len;
        fd->conversion = rt_utf8_decode(s + *i, &len);
        *i += len;
        if (*i < n) {
            c = s[(*i)++];
            if (c == '}')
                return true;
            if (c != ':') {
                rt_raisef(&rt_ValueError, "expected ':' after conversion specifier");
                return false;
            }
        }
    }
    fd->spec = *i;
    for (int depth = 1; *i < n;) {
        c = s[(*i)++];
        if (c == '{') {
            fd->spec_nested = true;
            depth++;
        } else if (c == '}' && --depth == 0) {
            fd->spec_end = *i - 1;
            return true;
        }
    }
    rt_raisef(&rt_ValueError, "unmatched '{' in format spec");
    return false;
}

static bool build_format(StrBuf *out, const char *s, size_t n, FormatArgs *a, int depth);

static bool render_field(StrBuf *out, const char *s, const Field *fd, FormatArgs *a, int depth)
{
    Value obj = field_object(a, s + fd->name, fd->name_end - fd->name);
    if (obj)
        obj = convert_field(obj, fd->conversion);
    if (!obj)
        return false;
    Value spec;
    if (fd->spec_nested) {
        StrBuf sb;
        sb_init(&sb);
        if (!build_format(&sb, s + fd->spec, fd->spec_end - fd->spec, a, depth - 1))
            return false;
        spec = sb_finish(&sb);
    } else
        spec = fd->spec_end > fd->spec ? rt_str_new(s + fd->spec, fd->spec_end - fd->spec)
                                       : rt_str_empty();
    Value text = rt_format(obj, spec);
    if (!text)
        return false;
    sb_add(out, rt_str_cstr(text), rt_str_nbytes(text));
    return true;
}

/* Expand s[0..n) into out: literal text, {{ and }}, and fields. */
static bool build_format(StrBuf *out, const char *s, size_t n, FormatArgs *a, int depth)
{
    if (depth <= 0) {
        rt_raisef(&rt_ValueError, "Max string recursion exceeded");
        return false;
    }
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '{' && s[i] != '}')
            i++;
        sb_add(out, s + start, i - start);
        if (i == n)
            break;
        char c = s[i++];
        if (i < n && s[i] == c) {           /* {{ or }} */
            sb_addc(out, c);
            i++;
            continue;
        }
        if (c == '}') {
            rt_raisef(&rt_ValueError, "Single '}' encountered in format string");
            return false;
        }
        if (i == n) {
            rt_raisef(&rt_ValueError, "Single '{' encountered in format string");
            return false;
        }
        Field fd;
        if (!parse_field(s, n, &i, &fd) || !render_field(out, s, &fd, a, depth))
            return false;
    }
    return true;
}

/* str.format_map(mapping): named fields are looked up in the mapping. */
Value rt_str_format_map(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("str.format_map", nargs - 1, kwnames))      /* METH_O */
        return VAL_NULL;
    FormatArgs a = {.args = args + 2, .nargs = 0, .mapping = args[1]};
    StrBuf sb;
    sb_init(&sb);
    if (!build_format(&sb, rt_str_cstr(args[0]), rt_str_nbytes(args[0]), &a, 2))
        return VAL_NULL;
    return sb_finish(&sb);
}

Value rt_str_format_method(Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames);
    FormatArgs a = {
        .args = args + 1,
        .nargs = nargs - 1 - nkw,
        .kwnames = nkw ? kwnames : VAL_NULL,
        .kwvalues = args + nargs - nkw,
    };
    Value self = args[0];
    StrBuf sb;
    sb_init(&sb);
    if (!build_format(&sb, rt_str_cstr(self), rt_str_nbytes(self), &a, 2))
        return VAL_NULL;
    return sb_finish(&sb);
}

/* ======================================================================
 * 3. str % args
 * ====================================================================== */

typedef struct PctState {
    bool bytes;             /* bytes % args: %s takes bytes, output is bytes */
    Value args;             /* the tuple, or the single argument */
    ssize_t arglen, argidx; /* CPython's bookkeeping: arglen -1 = single arg */
    Value dict;             /* the mapping for %(key)s, or VAL_NULL */
} PctState;

typedef struct PctSpec {
    bool left, plus, space, alt, zero;
    ssize_t width, prec;    /* -1: none */
    uint32_t conv;
} PctSpec;

static Value next_arg(PctState *st)
{
    if (st->argidx < st->arglen) {
        ssize_t i = st->argidx++;
        return st->arglen < 0 ? st->args : rt_tuple_get(st->args, (size_t)i);
    }
    return rt_raisef(&rt_TypeError, "not enough arguments for format string");
}

/* "%(key)": look key up in the mapping; it becomes the only argument. */
static bool pct_key(const char *s, size_t n, size_t *i, PctState *st)
{
    if (!st->dict) {
        rt_raisef(&rt_TypeError, "format requires a mapping");
        return false;
    }
    size_t start = ++*i;
    int depth = 1;
    for (; *i < n; (*i)++) {
        if (s[*i] == '(')
            depth++;
        else if (s[*i] == ')' && --depth == 0)
            break;
    }
    if (*i >= n) {
        rt_raisef(&rt_ValueError, "incomplete format key");
        return false;
    }
    Value key = st->bytes ? rt_bytes_new((const unsigned char *)s + start, *i - start)
                          : rt_str_new(s + start, *i - start);
    Value v = rt_getitem(st->dict, key);
    (*i)++;
    if (!v)
        return false;
    st->args = v;
    st->arglen = -1;
    st->argidx = -2;
    return true;
}

/* A width or precision: digits, or '*' taking an int argument. */
static bool pct_number(const char *s, size_t n, size_t *i, PctState *st, ssize_t *out,
                       bool *negative, const char *what)
{
    *negative = false;
    if (*i < n && s[*i] == '*') {
        (*i)++;
        Value v = next_arg(st);
        if (!v)
            return false;
        if (!is_int(v) && !is_bool(v)) {
            rt_raisef(&rt_TypeError, "* wants int");
            return false;
        }
        /* CPython reads a width as a C ssize_t, a precision as a C int. */
        bool precision = what[0] == 'p';
        int64_t x;
        if (!rt_int_as_i64(rt_int_unbool(v), &x) ||
            (precision && (x > INT_MAX || x < INT_MIN))) {
            rt_raisef(&rt_OverflowError, "Python int too large to convert to C %s",
                      precision ? "int" : "ssize_t");
            return false;
        }
        *negative = x < 0;
        *out = x < 0 ? -x : x;
        if (!precision && !rt_str_size_ok((size_t)*out)) {      /* '%*d' % (2**62, 1) */
            rt_raise_nomemory();
            return false;
        }
        return true;
    }
    ssize_t v = -1, limit = what[0] == 'p' ? INT_MAX : PTRDIFF_MAX;
    for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (v > (limit - 9) / 10) {
            rt_raisef(&rt_ValueError, "%s too big", what);
            return false;
        }
        v = (v < 0 ? 0 : v * 10) + (s[*i] - '0');
    }
    *out = v;
    return true;
}

/* Parse the directive after '%' up to and including its conversion char. */
static bool pct_parse(const char *s, size_t n, size_t *i, PctState *st, PctSpec *p)
{
    memset(p, 0, sizeof *p);
    if (*i < n && s[*i] == '(' && !pct_key(s, n, i, st))
        return false;
    for (; *i < n; (*i)++) {
        char c = s[*i];
        if (c == '-') p->left = true;
        else if (c == '+') p->plus = true;
        else if (c == ' ') p->space = true;
        else if (c == '#') p->alt = true;
        else if (c == '0') p->zero = true;
        else break;
    }
    bool neg;
    if (!pct_number(s, n, i, st, &p->width, &neg, "width"))
        return false;
    p->left = p->left || neg;
    p->prec = -1;
    if (*i < n && s[*i] == '.') {
        (*i)++;
        if (!pct_number(s, n, i, st, &p->prec, &neg, "precision"))
            return false;
        if (p->prec < 0 || neg)
            p->prec = neg ? -1 : 0;
    }
    while (*i < n && (s[*i] == 'h' || s[*i] == 'l' || s[*i] == 'L'))
        (*i)++;
    if (*i >= n) {
        rt_raisef(&rt_ValueError, "incomplete format");
        return false;
    }
    size_t len;
    p->conv = rt_utf8_decode(s + *i, &len);
    *i += len;
    return true;
}

/* Pad text (len code points) to the width: spaces, left or right. */
static void pct_pad(StrBuf *out, const PctSpec *p, const char *text, size_t nbytes, size_t len)
{
    size_t width = p->width > 0 ? (size_t)p->width : 0;
    size_t pad = len < width ? width - len : 0;
    for (size_t k = 0; !p->left && k < pad; k++)
        sb_addc(out, ' ');
    sb_add(out, text, nbytes);
    for (size_t k = 0; p->left && k < pad; k++)
        sb_addc(out, ' ');
}

/* A number: sign, prefix, digits (already zero-extended to the precision). */
static void pct_number_out(StrBuf *out, const PctSpec *p, bool negative, const char *prefix,
                           const char *digits)
{
    const char *sign = negative ? "-" : p->plus ? "+" : p->space ? " " : "";
    size_t len = strlen(sign) + strlen(prefix) + strlen(digits);
    size_t width = p->width > 0 ? (size_t)p->width : 0;
    if (p->zero && !p->left && len < width) {
        sb_adds(out, sign);
        sb_adds(out, prefix);
        for (size_t k = len; k < width; k++)
            sb_addc(out, '0');
        sb_adds(out, digits);
        return;
    }
    char buf[128];
    StrBuf tmp;
    sb_init_buf(&tmp, buf, sizeof buf);
    sb_adds(&tmp, sign);
    sb_adds(&tmp, prefix);
    sb_adds(&tmp, digits);
    pct_pad(out, p, tmp.data, tmp.len, tmp.len);
}

static bool pct_string(StrBuf *out, const PctSpec *p, Value text)
{
    if (!text)
        return false;
    size_t len = AS_STR(text)->length, nbytes = rt_str_nbytes(text);
    if (p->prec >= 0 && (size_t)p->prec < len) {
        len = (size_t)p->prec;
        nbytes = rt_str_offset(text, len);
    }
    pct_pad(out, p, rt_str_cstr(text), nbytes, len);
    return true;
}

/* %d %i %u %x %X %o: the int to format, or VAL_NULL with TypeError. */
static Value pct_int_arg(Value v, uint32_t conv)
{
    if (is_int(v) || is_bool(v) || (!val_is_small(v) && (val_type(v)->flags & TF_INT_SUBCLASS)))
        return rt_int_unbool(v);
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (rt_number_check(v)) {       /* %d: int(v); %x %o: v.__index__() */
        Value i = decimal ? rt_call1(obj_val(&rt_int_type), v) : rt_index(v);
        if (i != VAL_NULL || !rt_err_matches(&rt_TypeError))
            return i;
        rt_err_clear();
    }
    if (decimal)
        return rt_raisef(&rt_TypeError, "%%%c format: a real number is required, not %T",
                         (int)conv, v);
    return rt_raisef(&rt_TypeError, "%%%c format: an integer is required, not %T", (int)conv, v);
}

static bool pct_int(StrBuf *out, const PctSpec *p, Value v)
{
    v = pct_int_arg(v, p->conv);
    if (!v)
        return false;
    uint32_t c = p->conv;
    int base = c == 'x' || c == 'X' ? 16 : c == 'o' ? 8 : 10;
    Value text = rt_int_to_base(v, base, false);
    if (!text)
        return false;
    const char *digits = rt_str_cstr(text);
    bool negative = digits[0] == '-';
    digits += negative;
    size_t nd = strlen(digits);
    size_t want = p->prec > (ssize_t)nd ? (size_t)p->prec : nd;
    char *buf = gc_alloc_atomic(want + 1);
    memset(buf, '0', want - nd);
    memcpy(buf + want - nd, digits, nd + 1);
    if (c == 'X')
        upcase(buf);
    const char *prefix = !p->alt ? "" : c == 'x' ? "0x" : c == 'X' ? "0X" : c == 'o' ? "0o" : "";
    pct_number_out(out, p, negative, prefix, buf);
    return true;
}

static bool pct_float(StrBuf *out, const PctSpec *p, Value v)
{
    double d;
    if (!val_is_small(v) && rt_isinstance_of(v, &rt_float_type))
        d = rt_float_value(v);
    else if (is_int(v) || is_bool(v)) {
        bool overflow = false;
        d = rt_int_as_double(rt_int_unbool(v), &overflow);
        if (overflow) {
            rt_raisef(&rt_OverflowError, "int too large to convert to float");
            return false;
        }
    } else {
        rt_raisef(&rt_TypeError, "must be real number, not %T", v);
        return false;
    }
    int prec = p->prec < 0 ? 6 : (int)p->prec;
    char fmt[8];
    snprintf(fmt, sizeof fmt, p->alt ? "%%#.*%c" : "%%.*%c", (char)p->conv);
    size_t size = (size_t)prec + 400;
    char small[512];
    char *buf = size <= sizeof small ? small : gc_alloc_atomic(size);
    if (p->alt || (p->conv != 'f' && p->conv != 'F') || !isfinite(d) ||
        !fixed_digits(buf, size, fabs(d), prec))
        snprintf(buf, size, fmt, prec, fabs(d));
    pct_number_out(out, p, signbit(d) && !isnan(d), "", buf);
    return true;
}

static bool pct_char(StrBuf *out, const PctSpec *p, Value v)
{
    uint32_t cp;
    Value i = rt_is_str(v) ? VAL_NULL : rt_index_or_null(v);     /* any __index__ */
    if (rt_is_str(v) && AS_STR(v)->length == 1)
        cp = rt_str_char_at(v, 0);
    else if (i != VAL_NULL) {
        int64_t x;
        if (!rt_int_as_i64(i, &x) || x < 0 || x > 0x10FFFF) {
            rt_err_clear();
            rt_raisef(&rt_OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        cp = (uint32_t)x;
    } else {
        rt_err_clear();
        if (rt_py_minor < 14)
            rt_raisef(&rt_TypeError, "%%c requires int or char");
        else if (rt_is_str(v))
            rt_raisef(&rt_TypeError, "%%c requires an int or a unicode character, "
                      "not a string of length %zu", AS_STR(v)->length);
        else
            rt_raisef(&rt_TypeError, "%%c requires an int or a unicode character, not %T", v);
        return false;
    }
    return pct_string(out, p, rt_str_from_codepoint(cp));
}

/* bytes % args: %s and %b take a bytes-like object (or __bytes__), %r and
 * %a give ascii(), %c takes an int below 256 or one byte. */
static bool pct_raw(StrBuf *out, const PctSpec *p, const char *data, size_t n)
{
    if (p->prec >= 0 && (size_t)p->prec < n)
        n = (size_t)p->prec;
    pct_pad(out, p, data, n, n);
    return true;
}

static bool pct_bytes_arg(StrBuf *out, const PctSpec *p, Value v)
{
    if (!rt_is_bytes_like(v)) {
        Value m = val_is_small(v) ? VAL_NULL : rt_type_lookup(val_type(v), RT_NAME("__bytes__"));
        if (!m && rt_has_buffer(v)) {           /* memoryview, array: their bytes */
            Value b = rt_buffer_to_bytes(v);
            return b && pct_raw(out, p, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
        }
        if (!m) {
            rt_raisef(&rt_TypeError, "%%b requires a bytes-like object, or an object that "
                      "implements __bytes__, not '%T'", v);
            return false;
        }
        v = rt_call1(m, v);
        if (!v)
            return false;
    }
    Value b = rt_isinstance_of(v, &rt_bytes_type) ? v : rt_call1(obj_val(&rt_bytes_type), v);
    return b && pct_raw(out, p, (const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
}

static bool pct_bytes_convert(StrBuf *out, const PctSpec *p, Value v)
{
    switch (p->conv) {
    case 's': case 'b':
        return pct_bytes_arg(out, p, v);
    case 'r': case 'a': {
        Value t = rt_ascii(v);
        return t && pct_raw(out, p, rt_str_cstr(t), rt_str_nbytes(t));
    }
    case 'c': {
        char c;
        int64_t x;
        if (rt_is_bytes_like(v) && rt_len(v) == 1)
            c = (char)small_value(rt_getitem(v, small_new(0)));
        else if ((is_int(v) || is_bool(v)) && rt_int_as_i64(rt_int_unbool(v), &x) && x >= 0 && x < 256)
            c = (char)x;
        else {
            if (rt_err_occurred())
                rt_err_clear();
            if (is_int(v) || is_bool(v))
                rt_raisef(&rt_OverflowError, "%%c arg not in range(256)");
            else
                rt_raisef(&rt_TypeError, "%%c requires an integer in range(256) or a single byte");
            return false;
        }
        return pct_raw(out, p, &c, 1);
    }
    }
    return false;
}

/* '%s' of a str and '%d' of a small int with no flags, width or precision:
 * the text goes straight into the output (most of what programs format). */
static bool pct_plain(const PctSpec *p)
{
    return !p->left && !p->plus && !p->space && !p->alt && !p->zero && p->width < 0 &&
           p->prec < 0;
}

static bool pct_convert(StrBuf *out, const PctSpec *p, Value v)
{
    if (pct_plain(p)) {
        if (p->conv == 's' && is_str(v)) {
            sb_add(out, rt_str_cstr(v), rt_str_nbytes(v));
            return true;
        }
        if ((p->conv == 'd' || p->conv == 'i' || p->conv == 'u') && val_is_small(v)) {
            char digits[RT_I64_DECIMAL_MAX];
            sb_add(out, digits, rt_i64_decimal(small_value(v), digits));
            return true;
        }
    }
    switch (p->conv) {
    case 's': return pct_string(out, p, rt_str(v));
    case 'r': return pct_string(out, p, rt_repr(v));
    case 'a': return pct_string(out, p, rt_ascii(v));
    case 'c': return pct_char(out, p, v);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return pct_int(out, p, v);
    default:
        return pct_float(out, p, v);
    }
}

static bool pct_known(uint32_t c)
{
    return c < 128 && c != 0 && strchr("sracdiuoxXeEfFgGb", (int)c);
}

/* The % engine for str (UTF-8 text) and bytes (raw bytes): fmt[0..n). */
static bool percent(StrBuf *out, Value format, const char *s, size_t n, Value args, bool bytes)
{
    PctState st = {.bytes = bytes, .args = args, .arglen = -1, .argidx = -2};
    if (rt_isinstance_of(args, &rt_tuple_type)) {      /* subclasses too: a namedtuple */
        st.arglen = (ssize_t)rt_tuple_len(args);
        st.argidx = 0;
    } else if (!rt_is_str(args) && !rt_is_bytes_like(args) && val_type(args)->getitem)
        st.dict = args;
    size_t i = 0;
    while (i < n) {
        const char *pct = memchr(s + i, '%', n - i);
        size_t lit = pct ? (size_t)(pct - s) : n;
        sb_add(out, s + i, lit - i);
        if (!pct)
            break;
        i = lit + 1;
        if (i < n && s[i] == '%') {
            sb_addc(out, '%');
            i++;
            continue;
        }
        PctSpec p;
        if (!pct_parse(s, n, &i, &st, &p))
            return false;
        Value v = next_arg(&st);
        if (!v)
            return false;
        if (!pct_known(p.conv) || (!bytes && p.conv == 'b')) {
            size_t at = (bytes ? i : rt_str_index_of(format, i)) - 1;
            rt_raisef(&rt_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                      (int)p.conv, (unsigned)p.conv, at);
            return false;
        }
        bool ok = bytes && strchr("srabc", (int)p.conv) ? pct_bytes_convert(out, &p, v)
                                                          : pct_convert(out, &p, v);
        if (!ok)
            return false;
    }
    if (st.argidx < st.arglen && !st.dict) {
        rt_raisef(&rt_TypeError, bytes ? "not all arguments converted during bytes formatting"
                                       : "not all arguments converted during string formatting");
        return false;
    }
    return true;
}

Value rt_str_percent(Value format, Value args)
{
    char buf[256];
    StrBuf out;
    sb_init_buf(&out, buf, sizeof buf);
    if (!percent(&out, format, rt_str_cstr(format), rt_str_nbytes(format), args, false))
        return VAL_NULL;
    return sb_finish(&out);
}

Value rt_bytes_percent(const unsigned char *fmt, size_t n, Value args, StrBuf *out)
{
    return percent(out, VAL_NULL, (const char *)fmt, n, args, true) ? rt_None : VAL_NULL;
}
