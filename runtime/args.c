/*
 * args.c — the argument checks of C functions called from Python, with
 * CPython 3.11's messages (args.h lists the styles).
 *
 * rt_parse_args is Argument Clinic's keyword parsing in small: copy the
 * positional arguments, then find each remaining parameter among the
 * keywords, then complain about whatever keyword is left over.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/version.h"

size_t rt_npos(size_t nargs, Value kwnames)
{
    return nargs - rt_nkwargs(kwnames);
}

/* ---- the one-line checks ---------------------------------------------------- */

bool rt_arg_nokw(const char *fname, Value kwnames)
{
    if (rt_nkwargs(kwnames) == 0)
        return true;
    rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool rt_arg_nokw_new(ObjType *type, const char *fname, Value kwnames)
{
    static Value init_name = VAL_NULL;
    if (rt_nkwargs(kwnames) == 0)
        return true;
    if (init_name == VAL_NULL)
        init_name = rt_str_intern_cstr("__init__");
    if ((type->flags & TF_HEAPTYPE) && !rt_is_object_init(rt_type_lookup(type, init_name)))
        return true;
    return rt_arg_nokw(fname, kwnames);
}

bool rt_arg_none(const char *fname, size_t n, Value kwnames)
{
    if (!rt_arg_nokw(fname, kwnames))
        return false;
    if (n == 0)
        return true;
    rt_raisef(&rt_TypeError, "%s() takes no arguments (%zu given)", fname, n);
    return false;
}

bool rt_arg_one(const char *fname, size_t n, Value kwnames)
{
    if (!rt_arg_nokw(fname, kwnames))
        return false;
    if (n == 1)
        return true;
    rt_raisef(&rt_TypeError, "%s() takes exactly one argument (%zu given)", fname, n);
    return false;
}

/* The "owner.fname" forms: the check first, the name only for a refusal,
 * made by this into the caller's buffer. */
enum { QUALIFIED_MAX = 96 };

static const char *qualified(char buf[QUALIFIED_MAX], const char *owner, const char *fname)
{
    snprintf(buf, QUALIFIED_MAX, "%s.%s", owner, fname);
    return buf;
}

bool rt_arg_nokw_in(const char *owner, const char *fname, Value kwnames)
{
    if (rt_nkwargs(kwnames) == 0)
        return true;
    char name[QUALIFIED_MAX];
    return rt_arg_nokw(qualified(name, owner, fname), kwnames);
}

bool rt_arg_none_in(const char *owner, const char *fname, size_t n, Value kwnames)
{
    if (n == 0 && rt_nkwargs(kwnames) == 0)
        return true;
    char name[QUALIFIED_MAX];
    return rt_arg_none(qualified(name, owner, fname), n, kwnames);
}

bool rt_arg_one_in(const char *owner, const char *fname, size_t n, Value kwnames)
{
    if (n == 1 && rt_nkwargs(kwnames) == 0)
        return true;
    char name[QUALIFIED_MAX];
    return rt_arg_one(qualified(name, owner, fname), n, kwnames);
}

/* n is outside [min, max]: raise `format` with the bound n broke, worded as
 * CPython words it ("at least 2", "at most 1", or `exactly` and the one
 * count allowed). */
static bool count_error(const char *format, const char *exactly, const char *fname,
                        size_t n, size_t min, size_t max)
{
    size_t limit = n < min ? min : max;
    const char *how = min == max ? exactly : n < min ? "at least " : "at most ";
    rt_raisef(&rt_TypeError, format, fname, how, limit, limit == 1 ? "" : "s", n);
    return false;
}

/* CPython's _PyArg_CheckPositional. */
bool rt_arg_range(const char *fname, size_t n, size_t min, size_t max)
{
    return (n >= min && n <= max) ||
           count_error("%s expected %s%zu argument%s, got %zu", "", fname, n, min, max);
}

/* CPython's PyArg_ParseTuple (vgetargs1). */
bool rt_arg_count(const char *fname, size_t n, size_t min, size_t max)
{
    return (n >= min && n <= max) ||
           count_error("%s() takes %s%zu argument%s (%zu given)", "exactly ", fname, n, min, max);
}

/* ---- keywords ----------------------------------------------------------------- */

Value rt_kwarg(const Value *args, size_t nargs, Value kwnames, const char *name)
{
    size_t nkw = rt_nkwargs(kwnames);
    for (size_t i = 0; i < nkw; i++)
        if (strcmp(rt_str_cstr(rt_tuple_get(kwnames, i)), name) == 0)
            return args[nargs - nkw + i];
    return VAL_NULL;
}

bool rt_arg_kwnames(const char *fname, Value kwnames, const char *const *allowed)
{
    size_t nkw = rt_nkwargs(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        const char *k = rt_str_cstr(rt_tuple_get(kwnames, i));
        bool ok = false;
        for (const char *const *a = allowed; *a != NULL; a++)
            ok = ok || strcmp(*a, k) == 0;
        if (!ok) {
            rt_raisef(&rt_TypeError, "%s() got an unexpected keyword argument '%s'",
                      fname, k);
            return false;
        }
    }
    return true;
}

/* ---- Argument Clinic's keyword parsing ---------------------------------------- */

/* How messages name the function: "f()", or "function" for a spec
 * without a name (CPython's PyArg_ParseTupleAndKeywords with no ":name",
 * as datetime's constructors). */
typedef struct { char s[80]; } Callee;
static Callee callee(const ArgSpec *sp, const char *anonymous)
{
    Callee c;
    if (sp->fname == NULL)
        snprintf(c.s, sizeof c.s, "%s", anonymous);
    else
        snprintf(c.s, sizeof c.s, "%s()", sp->fname);
    return c;
}

/* The counts a call violates before any keyword is matched. */
static bool check_counts(const ArgSpec *sp, size_t npos, size_t nargs)
{
    size_t nparams = (size_t)sp->nparams, maxpos = (size_t)sp->maxpos;
    size_t minposonly = (size_t)(sp->posonly < sp->minpos ? sp->posonly : sp->minpos);
    if (!sp->varargs && nargs > nparams) {
        rt_raisef(&rt_TypeError, "%s takes at most %zu %sargument%s (%zu given)", callee(sp, "function").s,
                  nparams, npos == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs);
        return false;
    }
    if (!sp->varargs && npos > maxpos) {
        if (maxpos == 0)
            rt_raisef(&rt_TypeError, "%s takes no positional arguments",
                      callee(sp, "function").s);
        else
            rt_raisef(&rt_TypeError, "%s takes %s %zu positional argument%s (%zu given)",
                      callee(sp, "function").s, sp->minpos < sp->maxpos ? "at most" : "exactly", maxpos,
                      maxpos == 1 ? "" : "s", npos);
        return false;
    }
    if (npos < minposonly) {
        rt_raisef(&rt_TypeError, "%s takes %s %zu positional argument%s (%zu given)",
                  callee(sp, "function").s, sp->varargs || minposonly < maxpos ? "at least" : "exactly",
                  minposonly, minposonly == 1 ? "" : "s", npos);
        return false;
    }
    return true;
}

/* A keyword a builtin does not take: 3.11 and 3.12's message, or 3.13's,
 * which names the closest of `known` (a list of its keyword parameters,
 * or VAL_NULL) as a suggestion.  `who` is "f()", or "this function" for a
 * spec without a name. */
static Value invalid_keyword_among(const char *who, Value name, Value known)
{
    if (rt_py_minor < 13)
        return rt_raisef(&rt_TypeError, "'%S' is an invalid keyword argument for %s",
                         name, who);
    Value suggestion = known != VAL_NULL ? rt_closest_name(known, name) : VAL_NULL;
    if (suggestion != VAL_NULL)
        return rt_raisef(&rt_TypeError, "%s got an unexpected keyword argument '%S'. "
                         "Did you mean '%S'?", who, name, suggestion);
    return rt_raisef(&rt_TypeError, "%s got an unexpected keyword argument '%S'", who, name);
}

Value rt_invalid_keyword(const char *fname, Value name)
{
    char who[80];
    snprintf(who, sizeof who, "%s()", fname);
    return invalid_keyword_among(who, name, VAL_NULL);
}

/* Keywords left over after matching: either a parameter given twice, or a
 * name the function does not have. */
static bool extra_keywords(const ArgSpec *sp, const Value *args, size_t nargs,
                           size_t ncopied, Value kwnames)
{
    for (int i = sp->posonly; i < (int)ncopied; i++)
        if (rt_kwarg(args, nargs, kwnames, sp->names[i]) != VAL_NULL) {
            rt_raisef(&rt_TypeError, "argument for %s given by name ('%s') and position (%d)",
                      callee(sp, "function").s, sp->names[i], i + 1);
            return false;
        }
    for (size_t k = 0; k < rt_nkwargs(kwnames); k++) {
        const char *kw = rt_str_cstr(rt_tuple_get(kwnames, k));
        bool known = false;
        for (int i = sp->posonly; i < sp->nparams && !known; i++)
            known = strcmp(kw, sp->names[i]) == 0;
        if (!known) {
            Value names = rt_list_new(0);
            for (int i = sp->posonly; i < sp->nparams; i++)
                rt_list_append(names, rt_str_from_cstr(sp->names[i]));
            invalid_keyword_among(callee(sp, "this function").s, rt_tuple_get(kwnames, k), names);
            return false;
        }
    }
    return true;
}

bool rt_parse_args(const ArgSpec *sp, const Value *args, size_t nargs, Value kwnames,
                   Value *out)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (!check_counts(sp, npos, nargs))
        return false;
    size_t ncopied = npos < (size_t)sp->maxpos ? npos : (size_t)sp->maxpos;
    for (int i = 0; i < sp->nparams; i++)
        out[i] = (size_t)i < ncopied ? args[i] : VAL_NULL;
    size_t left = nkw;
    int first = (int)ncopied > sp->posonly ? (int)ncopied : sp->posonly;
    for (int i = first; i < sp->nparams; i++) {
        if (left > 0 && (out[i] = rt_kwarg(args, nargs, kwnames, sp->names[i])) != VAL_NULL)
            left--;
        if (out[i] == VAL_NULL && i < sp->minpos) {
            rt_raisef(&rt_TypeError, "%s missing required argument '%s' (pos %d)",
                      callee(sp, "function").s, sp->names[i], i + 1);
            return false;
        }
    }
    return left == 0 || extra_keywords(sp, args, nargs, ncopied, kwnames);
}

bool rt_arg_flag(Value v, bool dflt, bool *out)
{
    if (v == VAL_NULL) {
        *out = dflt;
        return true;
    }
    if (rt_py_minor >= 12) {
        int b = rt_truthy(v);
        *out = b > 0;
        return b >= 0;
    }
    Value i = rt_index(v);
    int x;
    if (i == VAL_NULL || !rt_int_as_int(i, &x))
        return false;
    *out = x != 0;
    return true;
}
