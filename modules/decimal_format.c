/*
 * decimal_format.c — Decimal.__format__, as CPython 3.11's dec_format over
 * libmpdec's mpd_parse_fmt_str and mpd_qformat_spec:
 *
 *   [[fill]align][sign][z][#][0][width][,][.precision][type]
 *
 * align is < > = ^ (a leading 0 means zero padding after the sign, with
 * the thousands separators carried into the padding); type is e E f F g G
 * % n N or none ('g', or 'G' under capitals=1).  The number is rounded
 * with the context's rounding mode to the precision the type asks for,
 * then written with the point at its place (one digit before it for
 * 'e', the exponent's place for 'f' and '%'), separators and the point
 * of the spec put in, and padded to the width.  'n' takes the point,
 * separator and grouping from the C library's locale.  'z' turns a
 * negative zero after rounding into a positive one; '#' (3.13) keeps the
 * point of a number without a fraction.
 */
#include <ctype.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "modules/decimal_module.h"
#include "runtime/version.h"

typedef struct FormatSpec {
    char fill[5];               /* one UTF-8 character */
    char align;                 /* < > = ^, or z: zero padding */
    char sign;                  /* + - or space */
    bool no_neg_0;              /* z */
    bool alt;                   /* # (3.13): always a point */
    int64_t min_width, prec;    /* prec -1: none */
    char type;                  /* e f g %, upper case for E F G */
    const char *dot, *sep, *grouping;
} FormatSpec;

static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static bool parse_number(const char **cp, int64_t *out)
{
    int64_t n = 0;
    while (isdigit((unsigned char)**cp)) {
        if (n > INT64_MAX / 10 - 10)
            return false;
        n = n * 10 + (*(*cp)++ - '0');
    }
    *out = n;
    return true;
}

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* mpd_parse_fmt_str (with 3.11's 'z'): false for an invalid spec. */
static bool parse_spec(FormatSpec *s, const char *cp, size_t len, int caps)
{
    bool have_align = false;
    s->min_width = 0;
    s->prec = -1;
    s->type = caps ? 'G' : 'g';
    s->align = '>';
    s->sign = '-';
    s->no_neg_0 = s->alt = false;
    s->dot = s->sep = s->grouping = "";
    const char *end = cp + len;
    int n = cp < end ? utf8_len((unsigned char)*cp) : 1;
    if (cp < end && cp + n < end && is_align(cp[n])) {
        memcpy(s->fill, cp, n);
        s->fill[n] = '\0';
        cp += n;
        s->align = *cp++;
        have_align = true;
    } else {
        strcpy(s->fill, " ");
        if (cp < end && is_align(*cp)) {
            s->align = *cp++;
            have_align = true;
        }
    }
    if (cp < end && (*cp == '+' || *cp == '-' || *cp == ' '))
        s->sign = *cp++;
    if (cp < end && *cp == 'z') {
        s->no_neg_0 = true;
        cp++;
    }
    if (cp < end && *cp == '#' && rt_py_minor >= 13) {
        s->alt = true;
        cp++;
    }
    if (cp < end && *cp == '0') {
        if (have_align)
            return false;
        s->align = 'z';
        strcpy(s->fill, "0");
        cp++;
    }
    if (cp < end && isdigit((unsigned char)*cp)) {
        if (*cp == '0' || !parse_number(&cp, &s->min_width))
            return false;
    }
    if (cp < end && *cp == ',') {
        s->dot = ".";
        s->sep = ",";
        s->grouping = "\003\003";
        cp++;
    }
    if (cp < end && *cp == '.') {
        cp++;
        if (!isdigit((unsigned char)*cp) || !parse_number(&cp, &s->prec))
            return false;
    }
    if (cp < end && strchr("EeFfGg%", *cp)) {
        s->type = *cp++;
    } else if (cp < end && (*cp == 'N' || *cp == 'n')) {
        if (*s->sep)
            return false;
        s->type = *cp++ == 'N' ? 'G' : 'g';
        struct lconv *lc = localeconv();
        s->dot = lc->decimal_point;
        s->sep = lc->thousands_sep;
        s->grouping = lc->grouping;
    }
    return cp == end;
}

/* a rounded to `digits` significant digits, or to exponent `exp`
 * (_mpd_round, mpd_qrescale), by the context's rounding mode. */
static void rescale(dec_t *r, const dec_t *a, int64_t exp, const dec_context *ctx,
                    uint32_t *status)
{
    dec_context work;
    dec_context_max(&work);
    work.round = ctx->round;
    dec_rescale(r, a, exp, &work, status);
}

/* (A carry, 9.99 -> 10.0, leaves one digit too many: once more, one place
 * further.) */
static void round_digits(dec_t *r, const dec_t *a, int64_t digits, const dec_context *ctx,
                         uint32_t *status)
{
    int64_t exp = a->exp + dec_digits(a) - digits;
    rescale(r, a, exp, ctx, status);
    if (dec_digits(r) > digits)
        rescale(r, r, exp + 1, ctx, status);
}

/* Round a copy of a as the type and precision ask; *dplace: digits
 * before the point for 'e' (0 means use the default). */
static void round_for(dec_t *t, const dec_t *a, const FormatSpec *s, char type,
                      const dec_context *ctx, int64_t *dplace, uint32_t *status)
{
    dec_copy(t, a);
    if (type == '%')
        t->exp += 2;
    if (s->prec < 0)
        return;
    switch (type) {
    case 'g': {
        int64_t prec = s->prec == 0 ? 1 : s->prec;
        if (dec_digits(t) > prec)
            round_digits(t, t, prec, ctx, status);
        break;
    }
    case 'e':
        if (dec_is_zero(t))
            *dplace = 1 - s->prec;
        else
            round_digits(t, t, s->prec + 1, ctx, status);
        break;
    default:            /* f, % */
        rescale(t, t, -s->prec, ctx, status);
        break;
    }
}

/* _mpd_to_string: the digits with the point at dplace and an exponent as
 * the type wants. */
static void number_text(StrBuf *sb, const dec_t *a, char type, bool upper, char sign,
                        bool alt, int64_t dplace)
{
    if (a->sign)
        sb_addc(sb, '-');
    else if (sign == ' ' || sign == '+')
        sb_addc(sb, sign);
    if (dec_is_special(a)) {
        sb_adds(sb, a->kind == DEC_INF ? "Infinity" : a->kind == DEC_QNAN ? "NaN" : "sNaN");
        if (a->kind != DEC_INF && mpz_sgn(a->coef) != 0) {
            sb_adds(sb, dm_coef_digits(a));
        }
        if (type == '%')
            sb_addc(sb, '%');
        return;
    }
    char *digits = dm_coef_digits(a);
    bool fixed = type == 'f' || type == '%';
    int64_t nd = (int64_t)strlen(digits), aexp = a->exp;
    if (fixed && nd == 1 && digits[0] == '0' && aexp > 0)
        aexp = 0;       /* a zero loses its exponent: 0E+1 is "0" */
    int64_t ldigits = nd + aexp;
    if (type != 'e' && (fixed || (aexp <= 0 && ldigits > -6)))
        dplace = ldigits;
    int64_t exp = aexp + nd - dplace;
    if (dplace <= 0) {
        sb_adds(sb, "0.");
        for (int64_t i = 0; i < -dplace; i++)
            sb_addc(sb, '0');
        sb_adds(sb, digits);
    } else if (dplace >= nd) {
        sb_adds(sb, digits);
        for (int64_t i = nd; i < dplace; i++)
            sb_addc(sb, '0');
        if (alt)
            sb_addc(sb, '.');
    } else {
        sb_add(sb, digits, dplace);
        sb_addc(sb, '.');
        sb_adds(sb, digits + dplace);
    }
    if (exp != 0 || type == 'e') {
        char buf[32];
        snprintf(buf, sizeof buf, "%c%+lld", upper ? 'E' : 'e', (long long)exp);
        sb_adds(sb, buf);
    }
    if (type == '%')
        sb_addc(sb, '%');
}

static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* The integer part grouped by spec's separator (and zero padded to the
 * width for align 'z'), the spec's point, the rest (_mpd_apply_lconv). */
static void apply_lconv(StrBuf *out, const char *text, const FormatSpec *s)
{
    const char *p = text;
    const char *sign = NULL;
    if (*p == '+' || *p == '-' || *p == ' ')
        sign = p++;
    const char *intpart = p;
    while (isdigit((unsigned char)*p))
        p++;
    size_t n_int = (size_t)(p - intpart);
    bool dot = *p == '.';
    const char *rest = dot ? p + 1 : p;
    size_t rest_chars = utf8_chars(rest, strlen(rest)) + (dot ? utf8_chars(s->dot, strlen(s->dot)) : 0);
    size_t sep_chars = utf8_chars(s->sep, strlen(s->sep));
    char *digits = gc_alloc_atomic(n_int + (size_t)s->min_width + 2);
    memcpy(digits, intpart, n_int);
    for (;;) {
        /* The `n_int` digits grouped, written backwards. */
        size_t left = n_int;
        const char *grp = s->grouping;
        size_t consume = (unsigned char)*grp;
        char *rev = gc_alloc_atomic(2 * n_int * (sep_chars + 1) + 16);
        size_t rl = 0;
        while (true) {
            if (*grp == 0 || (unsigned char)*grp == 127 || consume > left || !*s->sep)
                consume = left;
            left -= consume;
            for (size_t i = 0; i < consume; i++)
                rev[rl++] = digits[left + consume - 1 - i];
            if (left == 0)
                break;
            size_t sl = strlen(s->sep);
            for (size_t i = 0; i < sl; i++)
                rev[rl++] = s->sep[sl - 1 - i];
            if (grp[0] && grp[1])
                grp++;
            consume = (unsigned char)*grp;
        }
        size_t chars = utf8_chars(rev, rl) + (sign ? 1 : 0) + rest_chars;
        if (s->align == 'z' && chars < (size_t)s->min_width) {
            memmove(digits + 1, digits, n_int);
            digits[0] = '0';
            n_int++;
            continue;
        }
        if (sign)
            sb_addc(out, *sign);
        /* rev holds the grouped digits backwards (a multibyte separator
         * reversed bytewise too): turn it round. */
        for (size_t i = 0; i < rl / 2; i++) {
            char t = rev[i];
            rev[i] = rev[rl - 1 - i];
            rev[rl - 1 - i] = t;
        }
        sb_add(out, rev, rl);
        if (dot)
            sb_adds(out, s->dot);
        sb_adds(out, rest);
        return;
    }
}

/* _mpd_add_pad: fill to the width. */
static Value pad(const char *text, const FormatSpec *s)
{
    size_t len = strlen(text), chars = utf8_chars(text, len);
    if (s->min_width <= 0 || chars >= (size_t)s->min_width)
        return rt_str_from_cstr(text);
    size_t add = (size_t)s->min_width - chars, lpad = 0, rpad = 0;
    const char *body = text;
    StrBuf sb;
    sb_init(&sb);
    switch (s->align) {
    case '<': rpad = add; break;
    case '^': lpad = add / 2; rpad = add - lpad; break;
    case '=':
    case 'z':
        if (*body == '-' || *body == '+' || *body == ' ')
            sb_addc(&sb, *body++);
        lpad = add;
        break;
    default: lpad = add; break;
    }
    size_t fl = strlen(s->fill) ? strlen(s->fill) : 1;
    for (size_t i = 0; i < lpad; i++)
        sb_add(&sb, s->fill, fl);
    sb_adds(&sb, body);
    for (size_t i = 0; i < rpad; i++)
        sb_add(&sb, s->fill, fl);
    return sb_finish(&sb);
}

/* The override dict of __format__(spec, override): its decimal_point,
 * thousands_sep and grouping replace the spec's (mpd_validate_lconv's
 * limits: a point of 1-4 bytes, a separator of at most 4, no negative
 * group). */
static bool apply_override(FormatSpec *s, Value d)
{
    static const char *const keys[3] = { "decimal_point", "thousands_sep", "grouping" };
    const char **fields[3] = { &s->dot, &s->sep, &s->grouping };
    for (int i = 0; i < 3; i++) {
        Value v = rt_dict_get_str(d, rt_str_from_cstr(keys[i]));
        if (v == VAL_NULL)
            continue;
        if (!rt_isinstance_of(v, &rt_str_type)) {
            rt_raisef(&rt_TypeError, "bad argument type for built-in operation");
            return false;
        }
        *fields[i] = rt_str_cstr(v);
    }
    size_t n = strlen(s->dot);
    bool bad = n == 0 || n > 4 || strlen(s->sep) > 4;
    for (const char *g = s->grouping; *g; g++)
        bad |= (unsigned char)*g >= 0x80;
    if (bad)
        rt_raisef(&rt_ValueError, "invalid override dict");
    return !bad;
}

/* __format__(spec, override=None) */
Value dm_decimal_format(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("__format__", nargs - 1, 1, 2) || !rt_arg_nokw("__format__", kw))
        return VAL_NULL;
    if (!rt_isinstance_of(args[1], &rt_str_type))
        return rt_raisef(&rt_TypeError, "format arg must be str");
    Value override = nargs > 2 && args[2] != rt_None ? args[2] : VAL_NULL;
    if (override != VAL_NULL && !rt_isinstance_of(override, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "optional argument must be a dict");
    Value ctx = dm_current_context();
    if (ctx == VAL_NULL)
        return VAL_NULL;
    const dec_context *c = &CTX(ctx)->ctx;
    ObjStr *fs = VAL_AS(ObjStr, args[1]);
    FormatSpec s;
    if (!parse_spec(&s, fs->data, fs->nbytes, CTX(ctx)->capitals))
        return rt_raisef(&rt_ValueError, "invalid format string");
    if (override != VAL_NULL && !apply_override(&s, override))
        return VAL_NULL;
    const dec_t *a = DEC(args[0]);
    char type = (char)tolower((unsigned char)s.type);
    bool upper = isupper((unsigned char)s.type);
    if (dec_is_special(a) && s.align == 'z') {
        strcpy(s.fill, " ");
        s.align = '>';
    }
    dec_t t;
    dec_init(&t);
    int64_t dplace = 1;
    uint32_t status = 0;
    if (dec_is_special(a))
        dec_copy(&t, a);
    else
        round_for(&t, a, &s, type, c, &dplace, &status);
    if (status & DEC_MallocError) {     /* past the digits pvm works with */
        dec_clear(&t);
        return rt_raise_nomemory();
    }
    if (s.no_neg_0 && t.sign && dec_is_zero(&t))
        t.sign = 0;
    StrBuf sb;
    sb_init(&sb);
    number_text(&sb, &t, type, upper, s.sign, s.alt, dplace);
    dec_clear(&t);
    Value text = sb_finish(&sb);
    if (*s.dot && !dec_is_special(a)) {
        StrBuf lc;
        sb_init(&lc);
        apply_lconv(&lc, rt_str_cstr(text), &s);
        text = sb_finish(&lc);
    }
    return pad(rt_str_cstr(text), &s);
}
