/*
 * locale.c — the _locale module (CPython's Modules/_localemodule.c), the C
 * half of CPython's Lib/locale.py: setlocale, localeconv, nl_langinfo and
 * its item constants, getencoding, strcoll/strxfrm, the gettext family,
 * the LC_* categories, CHAR_MAX and locale.Error.
 *
 * What CPython does at start-up, this module does when first imported
 * (pvm itself runs in the "C" locale and needs nothing else): LC_CTYPE is
 * set from the environment, and a C or POSIX LC_CTYPE is coerced to
 * C.UTF-8 unless LC_ALL is set or PYTHONCOERCECLOCALE=0 (PEP 538), so
 * setlocale(LC_CTYPE) and getencoding() answer as under python3.11.
 *
 * LC_NUMERIC stays "C" in the C library whatever Python code sets: pvm
 * formats and parses floats with snprintf/strtod, which must keep '.' (as
 * CPython's own float code does under any locale).  The numeric locale a
 * program sets is remembered here instead and used where CPython's
 * module reads it: setlocale's answers, localeconv()'s decimal_point,
 * thousands_sep and grouping, nl_langinfo(RADIXCHAR / THOUSEP).
 */
#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/version.h"

static ObjType locale_error = {
    .ob.type = &rt_type_type, .name = "locale.Error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static char *numeric_name;      /* LC_NUMERIC as Python code set it; NULL: "C" */

/* ---- text in and out ------------------------------------------------------------ */

/* A C string from the C library as a str: UTF-8 as it is, else Latin-1. */
static Value decode(const char *s)
{
    size_t n = strlen(s);
    return rt_utf8_valid_strict((const unsigned char *)s, n, NULL)
        ? rt_str_new(s, n) : rt_str_from_latin1((const unsigned char *)s, n);
}

static Value from_wide(const wchar_t *w, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++)
        sb_add_codepoint(&sb, (uint32_t)w[i]);
    return sb_finish(&sb);
}

/* An int argument ("i" of PyArg_Parse): __index__, within a C int. */
static bool int_arg(Value v, int *out)
{
    ssize_t n;
    if (!rt_as_ssize(v, &n))
        return false;
    if (n < INT_MIN || n > INT_MAX) {
        rt_raisef(&rt_OverflowError, "signed integer is %s than %s", n < 0 ? "less" : "greater",
                  n < 0 ? "minimum" : "maximum");
        return false;
    }
    *out = (int)n;
    return true;
}

/* ---- the numeric locale kept aside ---------------------------------------------------- */

/* After the C library's locale changed: when LC_NUMERIC's decimal point
 * is not '.', remember it and put the C library's back to "C". */
static void keep_numeric_aside(void)
{
    const char *now = setlocale(LC_NUMERIC, NULL);
    free(numeric_name);
    numeric_name = NULL;
    if (now != NULL && strcmp(localeconv()->decimal_point, ".") != 0) {
        numeric_name = strdup(now);
        setlocale(LC_NUMERIC, "C");
    }
}

/* Run the C library with LC_NUMERIC as Python code set it, for the calls
 * that read it (uselocale is per thread: nothing else sees it). */
static locale_t numeric_enter(void)
{
    if (numeric_name == NULL)
        return (locale_t)0;
    locale_t copy = duplocale(LC_GLOBAL_LOCALE);
    locale_t loc = copy == (locale_t)0 ? copy : newlocale(LC_NUMERIC_MASK, numeric_name, copy);
    if (loc == (locale_t)0) {
        if (copy != (locale_t)0)
            freelocale(copy);
        return (locale_t)0;
    }
    uselocale(loc);
    return loc;
}

static void numeric_leave(locale_t loc)
{
    if (loc != (locale_t)0) {
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(loc);
    }
}

/* What setlocale(category, NULL) answers, LC_NUMERIC put back in. */
static Value query(int category)
{
    const char *r = setlocale(category, NULL);
    if (r == NULL)
        return rt_raisef(&locale_error, "locale query failed");
    if (numeric_name == NULL || (category != LC_NUMERIC && category != LC_ALL))
        return decode(r);
    if (category == LC_NUMERIC)
        return decode(numeric_name);
    /* "LC_CTYPE=..;LC_NUMERIC=C;.." with the real numeric locale */
    const char *at = strstr(r, "LC_NUMERIC=C;");
    if (at == NULL)
        return decode(r);
    StrBuf sb;
    sb_init(&sb);
    sb_add(&sb, r, (size_t)(at - r));
    sb_adds(&sb, "LC_NUMERIC=");
    sb_adds(&sb, numeric_name);
    sb_adds(&sb, at + strlen("LC_NUMERIC=C"));
    sb_addc(&sb, '\0');
    /* every category the same: glibc answers with the one name */
    bool same = true;
    for (const char *p = strchr(sb.data, '='); p != NULL && same; p = strchr(p + 1, '=')) {
        size_t n = strlen(numeric_name);
        same = strncmp(p + 1, numeric_name, n) == 0 && (p[n + 1] == ';' || p[n + 1] == '\0');
    }
    return same ? decode(numeric_name) : rt_str_new(sb.data, sb.len - 1);
}

/* ---- the functions -------------------------------------------------------------- */

/* setlocale(category, locale=None) */
static Value locale_setlocale(Value *args, size_t nargs, Value kw)
{
    int category;
    if (!rt_arg_nokw("setlocale", kw) || !rt_arg_range("setlocale", nargs, 1, 2) ||
        !int_arg(args[0], &category))
        return VAL_NULL;
    Value loc = nargs > 1 ? args[1] : rt_None;
    if (loc != rt_None && !rt_is_str(loc))
        return rt_raisef(&rt_TypeError, "setlocale() argument 2 must be str or None, not %T", loc);
    if (loc == rt_None)
        return query(category);
    const char *r = setlocale(category, rt_str_cstr(loc));
    if (r == NULL)
        return rt_raisef(&locale_error, "unsupported locale setting");
    Value result = decode(r);
    if (category == LC_NUMERIC || category == LC_ALL)
        keep_numeric_aside();
    return result;
}

/* CPython's copy_grouping: the group sizes up to and including the 0 or
 * CHAR_MAX that ends them; [] for no grouping. */
static Value grouping(const char *s)
{
    Value list = rt_list_new(0);
    if (s[0] == '\0')
        return list;
    size_t i = 0;
    do
        rt_list_append(list, small_new(s[i]));
    while (s[i] != '\0' && s[i++] != CHAR_MAX);
    return list;
}

static Value locale_localeconv(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_locale.localeconv", nargs, kw))
        return VAL_NULL;
    locale_t numeric = numeric_enter();
    struct lconv *lc = localeconv();
    Value d = rt_dict_new();
#define STR(field) rt_dict_set_cstr(d, #field, decode(lc->field))
#define NUM(field) rt_dict_set_cstr(d, #field, small_new(lc->field))
    STR(int_curr_symbol);
    STR(currency_symbol);
    STR(mon_decimal_point);
    STR(mon_thousands_sep);
    rt_dict_set_cstr(d, "mon_grouping", grouping(lc->mon_grouping));
    STR(positive_sign);
    STR(negative_sign);
    NUM(int_frac_digits);
    NUM(frac_digits);
    NUM(p_cs_precedes);
    NUM(p_sep_by_space);
    NUM(n_cs_precedes);
    NUM(n_sep_by_space);
    NUM(p_sign_posn);
    NUM(n_sign_posn);
    STR(decimal_point);
    STR(thousands_sep);
    rt_dict_set_cstr(d, "grouping", grouping(lc->grouping));
#undef STR
#undef NUM
    numeric_leave(numeric);
    return d;
}

/* nl_langinfo's items, each a module constant of its name. */
#define LANGINFO_ITEMS(X) \
    X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7) \
    X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7) \
    X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) \
    X(MON_9) X(MON_10) X(MON_11) X(MON_12) \
    X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7) \
    X(ABMON_8) X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12) \
    X(RADIXCHAR) X(THOUSEP) X(CRNCYSTR) X(D_T_FMT) X(D_FMT) X(T_FMT) X(AM_STR) X(PM_STR) \
    X(CODESET) X(T_FMT_AMPM) X(ERA) X(ERA_D_FMT) X(ALT_DIGITS) X(YESEXPR) X(NOEXPR) \
    X(_DATE_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT)
#define LANGINFO_VALUE(name) name,
#define LANGINFO_NAME(name) #name,
static const int langinfo_items[] = { LANGINFO_ITEMS(LANGINFO_VALUE) };
static const char *const langinfo_names[] = { LANGINFO_ITEMS(LANGINFO_NAME) };
#define N_LANGINFO (sizeof langinfo_items / sizeof langinfo_items[0])

static Value locale_nl_langinfo(Value *args, size_t nargs, Value kw)
{
    int key;
    if (!rt_arg_one("_locale.nl_langinfo", nargs, kw))
        return VAL_NULL;
    if (rt_py_minor >= 12) {            /* 3.12: Argument Clinic's int */
        if (!rt_isinstance_of(args[0], &rt_int_type)) {
            Value i = rt_index_or_null(args[0]);
            if (i == VAL_NULL)
                return rt_err_occurred() ? VAL_NULL
                       : rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                                   val_type(args[0])->name);
            args[0] = i;
        }
        if (!rt_int_as_int(args[0], &key))
            return VAL_NULL;
    } else if (!int_arg(args[0], &key)) {
        return VAL_NULL;
    }
    for (size_t i = 0; i < N_LANGINFO; i++) {
        if (langinfo_items[i] != key)
            continue;
        bool numeric = key == RADIXCHAR || key == THOUSEP;
        locale_t loc = numeric ? numeric_enter() : (locale_t)0;
        Value r = decode(nl_langinfo(key));
        numeric_leave(loc);
        return r;
    }
    return rt_raisef(&rt_ValueError, "unsupported langinfo constant");
}

static Value locale_getencoding(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_locale.getencoding", nargs, kw))
        return VAL_NULL;
    const char *codeset = nl_langinfo(CODESET);
    return decode(codeset != NULL && *codeset ? codeset : "utf-8");
}

static bool str_arg(const char *fname, int n, Value v)
{
    if (rt_is_str(v))
        return true;
    if (n > 0)
        rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %T", fname, n, v);
    else
        rt_raisef(&rt_TypeError, "%s() argument must be str, not %T", fname, v);
    return false;
}

static Value locale_strcoll(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("strcoll", kw) || !rt_arg_range("strcoll", nargs, 2, 2) ||
        !str_arg("strcoll", 1, args[0]) || !str_arg("strcoll", 2, args[1]))
        return VAL_NULL;
    wchar_t *a = mod_str_wide(args[0]), *b = a == NULL ? NULL : mod_str_wide(args[1]);
    if (b == NULL)
        return VAL_NULL;
    /* the sign: glibc's wcscmp (the C locale's wcscoll) returns -1 or 1 or
     * some other difference depending on where the strings lie in memory */
    int r = wcscoll(a, b);
    return small_new((r > 0) - (r < 0));
}

static Value locale_strxfrm(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_locale.strxfrm", nargs, kw) || !str_arg("strxfrm", 0, args[0]))
        return VAL_NULL;
    wchar_t *s = mod_str_wide(args[0]);
    if (s == NULL)
        return VAL_NULL;
    size_t n = wcsxfrm(NULL, s, 0);
    wchar_t *out = gc_alloc_atomic((n + 1) * sizeof *out);
    wcsxfrm(out, s, n + 1);
    return from_wide(out, n);
}

/* ---- gettext ---------------------------------------------------------------------- */

/* A str or None argument as a C string (NULL for None). */
static bool opt_cstr(const char *fname, Value v, const char **out)
{
    if (v == rt_None) {
        *out = NULL;
        return true;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() argument must be str or None, not %T", fname, v);
        return false;
    }
    *out = rt_str_cstr(v);
    return true;
}

static Value locale_gettext(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_locale.gettext", nargs, kw) || !str_arg("gettext", 0, args[0]))
        return VAL_NULL;
    return decode(gettext(rt_str_cstr(args[0])));
}

static Value locale_dgettext(Value *args, size_t nargs, Value kw)
{
    const char *domain;
    if (!rt_arg_nokw("dgettext", kw) || !rt_arg_range("dgettext", nargs, 2, 2) ||
        !opt_cstr("dgettext", args[0], &domain) || !str_arg("dgettext", 2, args[1]))
        return VAL_NULL;
    return decode(dgettext(domain, rt_str_cstr(args[1])));
}

static Value locale_dcgettext(Value *args, size_t nargs, Value kw)
{
    const char *domain;
    int category;
    if (!rt_arg_nokw("dcgettext", kw) || !rt_arg_range("dcgettext", nargs, 3, 3) ||
        !opt_cstr("dcgettext", args[0], &domain) || !str_arg("dcgettext", 2, args[1]) ||
        !int_arg(args[2], &category))
        return VAL_NULL;
    return decode(dcgettext(domain, rt_str_cstr(args[1]), category));
}

static Value locale_textdomain(Value *args, size_t nargs, Value kw)
{
    const char *domain;
    if (!rt_arg_one("_locale.textdomain", nargs, kw) || !opt_cstr("textdomain", args[0], &domain))
        return VAL_NULL;
    const char *r = textdomain(domain);
    return r == NULL ? rt_raise_os_error(errno) : decode(r);
}

static Value locale_bindtextdomain(Value *args, size_t nargs, Value kw)
{
    const char *dir;
    if (!rt_arg_nokw("bindtextdomain", kw) || !rt_arg_range("bindtextdomain", nargs, 2, 2) ||
        !str_arg("bindtextdomain", 1, args[0]) || !opt_cstr("bindtextdomain", args[1], &dir))
        return VAL_NULL;
    if (*rt_str_cstr(args[0]) == '\0')
        return rt_raisef(&rt_ValueError, "domain must be a non-empty string");
    const char *r = bindtextdomain(rt_str_cstr(args[0]), dir);
    return r == NULL ? rt_raise_os_error(errno) : decode(r);
}

static Value locale_bind_textdomain_codeset(Value *args, size_t nargs, Value kw)
{
    const char *codeset;
    if (!rt_arg_nokw("bind_textdomain_codeset", kw) ||
        !rt_arg_range("bind_textdomain_codeset", nargs, 2, 2) ||
        !str_arg("bind_textdomain_codeset", 1, args[0]) ||
        !opt_cstr("bind_textdomain_codeset", args[1], &codeset))
        return VAL_NULL;
    const char *r = bind_textdomain_codeset(rt_str_cstr(args[0]), codeset);
    return r == NULL ? rt_None : decode(r);
}

/* ---- the module ----------------------------------------------------------------- */

const char *mod_locale_env_name(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v != NULL && *v != '\0')
            return v;
    }
    return "";
}

/* The names answer without loading a locale; any other is tried (glibc's
 * C.UTF-8 is built in since 2.35, and is where containers and CI run). */
static bool env_is_c(void)
{
    const char *name = mod_locale_env_name();
    if (*name == '\0' || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0)
        return true;
    if (strcmp(name, "C.UTF-8") == 0 || strcmp(name, "C.utf8") == 0)
        return false;
    locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
    if (loc == (locale_t)0)
        return true;
    freelocale(loc);
    return false;
}

/* Decided once, from the environment pvm started with (coercion changes
 * LC_CTYPE there). */
bool mod_locale_env_is_c(void)
{
    static int is_c = -1;
    if (is_c < 0)
        is_c = env_is_c();
    return is_c;
}

bool mod_locale_coerced(void)
{
    const char *all = getenv("LC_ALL"), *coerce = mod_sys_getenv("PYTHONCOERCECLOCALE");
    return mod_locale_env_is_c() && (all == NULL || *all == '\0') &&
           (coerce == NULL || strcmp(coerce, "0") != 0);
}

void mod_locale_coerce(void)
{
    if (!mod_locale_coerced())
        return;
    setenv("LC_CTYPE", "C.UTF-8", 1);
    const char *warn = mod_sys_getenv("PYTHONCOERCECLOCALE");
    if (warn != NULL && strcmp(warn, "warn") == 0)
        fprintf(stderr, "Python detected LC_CTYPE=C: LC_CTYPE coerced to C.UTF-8 (set another "
                "locale or PYTHONCOERCECLOCALE=0 to disable this locale coercion behavior).\n");
}

/* CPython's start-up: LC_CTYPE from the environment (still C when the
 * locale named is not installed); a C or POSIX one is coerced to a UTF-8
 * locale (PEP 538), and then every category is set from the environment
 * with LC_CTYPE=C.UTF-8 in it (mod_locale_coerce put it there).  pvm
 * itself runs in the "C" locale until _locale is imported. */
static void startup_locale(void)
{
    if (!mod_locale_coerced()) {
        setlocale(LC_CTYPE, "");
        return;
    }
    static const char *const targets[] = { "C.UTF-8", "C.utf8", "UTF-8" };
    for (size_t i = 0; i < 3; i++) {
        if (setlocale(LC_CTYPE, targets[i]) == NULL)
            continue;
        setlocale(LC_ALL, "");
        setlocale(LC_CTYPE, targets[i]);
        keep_numeric_aside();
        return;
    }
}

static const MethodDef locale_functions[] = {
    {"setlocale", locale_setlocale},
    {"localeconv", locale_localeconv},
    {"nl_langinfo", locale_nl_langinfo},
    {"getencoding", locale_getencoding},
    {"strcoll", locale_strcoll},
    {"strxfrm", locale_strxfrm},
    {"gettext", locale_gettext},
    {"dgettext", locale_dgettext},
    {"dcgettext", locale_dcgettext},
    {"textdomain", locale_textdomain},
    {"bindtextdomain", locale_bindtextdomain},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset},
    {NULL, NULL}
};

Value mod_locale_init(void)
{
    static bool started;
    if (!started) {
        started = true;
        startup_locale();
        rt_type_ready(&locale_error, NULL);
    }
    Value m = mod_module_new("_locale", locale_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("Support for POSIX locales."));
    static const struct { const char *name; int value; } constants[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_TIME", LC_TIME}, {"LC_COLLATE", LC_COLLATE},
        {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC},
        {"LC_ALL", LC_ALL}, {"CHAR_MAX", CHAR_MAX},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, small_new(constants[i].value));
    for (size_t i = 0; i < N_LANGINFO; i++)
        mod_module_set(m, langinfo_names[i], small_new(langinfo_items[i]));
    mod_module_set(m, "Error", obj_val(&locale_error));
    return m;
}
