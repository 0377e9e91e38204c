/*
 * re.c — the `re` module on PCRE2: compile, search, match, fullmatch,
 * findall, finditer, sub, subn, split, escape, purge, the flags, re.error,
 * and the Pattern and Match types, with CPython 3.11's results and reprs.
 *
 * A pattern goes through re_translate.c (Python's syntax and errors, written
 * out as PCRE2 syntax) and is compiled once with
 *
 *   PCRE2_UTF | PCRE2_MATCH_INVALID_UTF   subjects are pvm's UTF-8 strings;
 *                                         no up-front UTF check per call
 *                                         (finditer would be quadratic)
 *   PCRE2_UCP (unless re.ASCII)           \d \w \b by Unicode properties
 *   PCRE2_ALT_CIRCUMFLEX                  (?m)^ also matches after a final \n
 *   newline = LF                          what . and $ stop at, as Python
 *
 * and JIT-compiled when the platform allows.  PCRE2 reports byte offsets
 * into the UTF-8 text; Python reports code-point indices, so every offset
 * goes through a Cursor that counts code points incrementally (a finditer
 * over a long non-ASCII string stays linear).
 *
 * The search loops (findall, finditer, sub, split) follow _sre.c: after an
 * empty match the next search starts at the same place but may not match
 * empty there (PCRE2_NOTEMPTY_ATSTART is exactly sre's must_advance), so
 * re.sub('x*', '-', 'abxd') is '-a-b--d-' as in Python 3.7+.
 *
 * Not here: bytes patterns and subjects, re.LOCALE, the RegexFlag enum (the
 * flags are plain ints), Pattern.scanner, re.template.  See the README.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>
#include "modules/modutil.h"
#include "modules/re_internal.h"

/* ---- the types ---------------------------------------------------------- */

typedef struct ObjPattern {
    Object ob;
    Value pattern;              /* the source str */
    int flags;
    size_t groups;
    Value groupindex;           /* dict name -> number */
    Value indexgroup;           /* tuple: number -> name or None */
    uint32_t *parent;           /* enclosing group of each group (lastindex) */
    pcre2_code *code;
    pcre2_match_data *md;       /* reused: results are copied out at once */
} ObjPattern;

typedef struct ObjMatch {
    Object ob;
    Value string;
    ObjPattern *re;
    ssize_t pos, endpos;        /* code points, as given (clamped) */
    size_t ngroups;             /* groups + 1 */
    size_t *bytes;              /* 2 per group: UTF-8 offsets, PCRE2_UNSET if unset */
    ssize_t *span;              /* 2 per group: code points, -1 if unset */
    ssize_t lastindex;          /* -1: None */
} ObjMatch;

static ObjType pattern_type, match_type, scanner_iter_type;
static ObjType re_error_type = {
    .ob.type = &rt_type_type, .name = "error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

#define PAT(v) VAL_AS(ObjPattern, v)
#define MATCH(v) VAL_AS(ObjMatch, v)

/* ---- re.error -------------------------------------------------------------- */

Value re_raise_error(const char *msg, Value pattern, ssize_t pos)
{
    Value text = rt_str_from_cstr(msg);
    Value lineno = rt_None, colno = rt_None;
    if (pos >= 0) {
        /* lineno/colno count '\n's before pos, as Lib/re/_constants.py does. */
        size_t line = 1, col_start = 0;
        for (size_t i = 0; i < (size_t)pos && i < AS_STR(pattern)->length; i++)
            if (rt_str_char_at(pattern, i) == '\n') {
                line++;
                col_start = i + 1;
            }
        lineno = small_new((intptr_t)line);
        colno = small_new(pos - (ssize_t)col_start + 1);
        bool multiline = strchr(rt_str_cstr(pattern), '\n') != NULL;
        text = multiline
            ? rt_str_format_c("%s at position %zd (line %zu, column %zd)", msg, pos, line,
                              pos - (ssize_t)col_start + 1)
            : rt_str_format_c("%s at position %zd", msg, pos);
    }
    Value exc = rt_exc_new(&re_error_type, rt_tuple_pack(1, text));
    if (exc == VAL_NULL)
        return VAL_NULL;
    rt_setattr(exc, rt_str_intern_cstr("msg"), rt_str_from_cstr(msg));
    rt_setattr(exc, rt_str_intern_cstr("pattern"), pattern != VAL_NULL ? pattern : rt_None);
    rt_setattr(exc, rt_str_intern_cstr("pos"), pos >= 0 ? small_new(pos) : rt_None);
    rt_setattr(exc, rt_str_intern_cstr("lineno"), lineno);
    rt_setattr(exc, rt_str_intern_cstr("colno"), colno);
    return rt_raise(exc);
}

/* ---- byte offsets to code-point indices ------------------------------------ */

/* A known (byte offset, code-point index) pair in a str, moved as offsets
 * are converted: each conversion counts only the bytes in between. */
typedef struct Cursor {
    const char *data;
    bool ascii;
    size_t byte, index;
} Cursor;

static void cursor_init(Cursor *c, Value s)
{
    c->data = rt_str_cstr(s);
    c->ascii = AS_STR(s)->ascii;
    c->byte = c->index = 0;
}

static bool is_lead(char b) { return ((unsigned char)b & 0xC0) != 0x80; }

static size_t cursor_index(Cursor *c, size_t byte)
{
    if (c->ascii)
        return byte;
    for (; c->byte < byte; c->byte++)
        c->index += is_lead(c->data[c->byte]);
    for (; c->byte > byte; c->byte--)
        c->index -= is_lead(c->data[c->byte - 1]);
    return c->index;
}

/* ---- compiling ------------------------------------------------------------- */

static pcre2_compile_context *compile_context(void)
{
    static pcre2_compile_context *ctx;
    if (ctx == NULL) {
        ctx = pcre2_compile_context_create(NULL);
        pcre2_set_newline(ctx, PCRE2_NEWLINE_LF);
        pcre2_set_compile_extra_options(ctx, PCRE2_EXTRA_ALLOW_SURROGATE_ESCAPES);
    }
    return ctx;
}

/* A larger JIT stack than PCRE2's 32 KiB default, for deeply nested
 * backtracking (the interpreter fallback has no such limit). */
static pcre2_match_context *match_context(void)
{
    static pcre2_match_context *ctx;
    if (ctx == NULL) {
        ctx = pcre2_match_context_create(NULL);
        pcre2_jit_stack *stack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
        if (stack != NULL)
            pcre2_jit_stack_assign(ctx, NULL, stack);
    }
    return ctx;
}

static uint32_t pcre2_options(int flags)
{
    uint32_t o = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_ALT_CIRCUMFLEX;
    if (!(flags & RE_ASCII)) o |= PCRE2_UCP;
    if (flags & RE_IGNORECASE) o |= PCRE2_CASELESS;
    if (flags & RE_MULTILINE) o |= PCRE2_MULTILINE;
    if (flags & RE_DOTALL) o |= PCRE2_DOTALL;
    return o;
}

static void pattern_finalize(void *obj, void *data)
{
    ObjPattern *p = obj;
    pcre2_match_data_free(p->md);
    pcre2_code_free(p->code);
}

/* A PCRE2 compile error that the translator did not catch first: the one
 * Python also has (variable-width look-behind) gets Python's message. */
static Value compile_error(Value pattern, int code)
{
    if (code == PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH)
        return re_raise_error("look-behind requires fixed-width pattern", VAL_NULL, -1);
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(code, buf, sizeof buf);
    return re_raise_error(rt_str_cstr(rt_str_format_c("PCRE2: %s", (char *)buf)), pattern, -1);
}

static Value pattern_compile(Value pattern, int flags)
{
    ReTranslation tr;
    if (!re_translate(pattern, flags, &tr))
        return VAL_NULL;
    int err;
    PCRE2_SIZE erroff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)tr.out.data, tr.out.len,
                                     pcre2_options(tr.flags), &err, &erroff,
                                     compile_context());
    if (code == NULL)
        return compile_error(pattern, err);
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);   /* the interpreter if it fails */
    ObjPattern *p = gc_alloc(sizeof *p);
    p->ob.type = &pattern_type;
    p->pattern = pattern;
    p->flags = tr.flags;
    p->groups = tr.groups;
    p->groupindex = tr.groupindex;
    p->indexgroup = tr.indexgroup;
    p->parent = tr.parent;
    p->code = code;
    p->md = pcre2_match_data_create_from_pattern(code, NULL);
    gc_register_finalizer(p, pattern_finalize, NULL);
    return obj_val(p);
}

/* re._compile: the cache of CPython's re module (512 entries, the oldest
 * dropped first), keyed by (pattern, flags). */
#define MAXCACHE 512
static Value cache;

static Value cached_compile(Value pattern, int flags)
{
    if (cache == VAL_NULL)
        cache = rt_dict_new();
    Value key = rt_tuple_pack(2, pattern, small_new(flags));
    bool error = false;
    Value p = rt_dict_get(cache, key, &error);
    if (p != VAL_NULL || error)
        return p;
    p = pattern_compile(pattern, flags);
    if (p == VAL_NULL)
        return VAL_NULL;
    if (rt_dict_len(cache) >= MAXCACHE) {
        size_t i = 0;
        Value oldest, v;
        if (rt_dict_next(cache, &i, &oldest, &v))
            rt_dict_del(cache, oldest);
    }
    rt_dict_set(cache, key, p);
    return p;
}

static bool flags_arg(Value v, int *flags)
{
    ssize_t f = 0;
    if (v != VAL_NULL && !rt_as_ssize(v, &f))
        return false;
    *flags = (int)f;
    return true;
}

/* The Pattern for a module-level call: a compiled one as is, a str compiled
 * through the cache. */
static ObjPattern *get_pattern(Value pattern, Value flags_v)
{
    int flags;
    if (!flags_arg(flags_v, &flags))
        return NULL;
    if (IS_EXACT(pattern, pattern_type)) {
        if (flags != 0) {
            rt_raisef(&rt_ValueError, "cannot process flags argument with a compiled pattern");
            return NULL;
        }
        return PAT(pattern);
    }
    if (rt_is_str(pattern)) {
        Value p = cached_compile(pattern, flags);
        return p != VAL_NULL ? PAT(p) : NULL;
    }
    if (rt_is_bytes_like(pattern))
        rt_raisef(&rt_NotImplementedError, "pvm's re does not support bytes patterns");
    else
        rt_raisef(&rt_TypeError, "first argument must be string or compiled pattern");
    return NULL;
}

/* ---- matching -------------------------------------------------------------- */

static bool check_subject(Value s)
{
    if (rt_is_str(s))
        return true;
    if (rt_is_bytes_like(s))
        rt_raisef(&rt_TypeError, "cannot use a string pattern on a bytes-like object");
    else
        rt_raisef(&rt_TypeError, "expected string or bytes-like object, got '%s'",
                  val_type(s)->name);
    return false;
}

/* One pcre2_match: 1 with ov[0..2*(groups+1)) filled, 0 no match, -1 error. */
static int exec(ObjPattern *p, Value s, size_t start, size_t end, uint32_t opts, size_t *ov)
{
    int rc = pcre2_match(p->code, (PCRE2_SPTR)rt_str_cstr(s), end, start, opts, p->md,
                         match_context());
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
            rt_raisef(&rt_RecursionError, "regular expression too complex for PCRE2's limits");
        else {
            PCRE2_UCHAR buf[256];
            pcre2_get_error_message(rc, buf, sizeof buf);
            rt_raisef(&rt_SystemError, "PCRE2 match error: %s", (char *)buf);
        }
        return -1;
    }
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(p->md);
    uint32_t have = pcre2_get_ovector_count(p->md);
    for (size_t i = 0; i < 2 * (p->groups + 1); i++)
        ov[i] = i < 2 * (size_t)have && i < 2 * (size_t)rc ? v[i] : PCRE2_UNSET;
    return 1;
}

/* lastindex: the group that closed last.  Of the groups that matched, the
 * one ending furthest right; among those ending at the same place, an
 * enclosing group closes after the groups inside it, and of two groups
 * side by side the later one closes last. */
static bool encloses(ObjPattern *p, size_t outer, size_t g)
{
    for (g = p->parent[g]; g != 0; g = p->parent[g])
        if (g == outer)
            return true;
    return false;
}

static ssize_t last_index(ObjPattern *p, const size_t *ov)
{
    ssize_t best = -1;
    for (size_t g = 1; g <= p->groups; g++) {
        if (ov[2 * g] == PCRE2_UNSET)
            continue;
        if (best < 0 || ov[2 * g + 1] > ov[2 * best + 1] ||
            (ov[2 * g + 1] == ov[2 * best + 1] && !encloses(p, (size_t)best, g)))
            best = (ssize_t)g;
    }
    return best;
}

static Value match_new(ObjPattern *p, Value s, const size_t *ov, Cursor *cur,
                       ssize_t pos, ssize_t endpos)
{
    ObjMatch *m = gc_alloc(sizeof *m);
    m->ob.type = &match_type;
    m->string = s;
    m->re = p;
    m->pos = pos;
    m->endpos = endpos;
    m->ngroups = p->groups + 1;
    m->bytes = gc_alloc_atomic(2 * m->ngroups * sizeof *m->bytes);
    m->span = gc_alloc_atomic(2 * m->ngroups * sizeof *m->span);
    memcpy(m->bytes, ov, 2 * m->ngroups * sizeof *m->bytes);
    /* Group 0 first: the cursor then moves little for the groups inside. */
    for (size_t i = 0; i < 2 * m->ngroups; i++)
        m->span[i] = ov[i] == PCRE2_UNSET ? -1 : (ssize_t)cursor_index(cur, ov[i]);
    m->lastindex = last_index(p, ov);
    return obj_val(m);
}

/* A search over string[pos:endpos], as _sre's SRE_STATE: positions clamped
 * into the string, byte offsets for PCRE2, and the must_advance rule. */
typedef struct Scan {
    ObjPattern *p;
    Value s;
    ssize_t pos, endpos;        /* code points */
    size_t start, end;          /* bytes: next search start, the end bound */
    bool must_advance;
    Cursor cur;
    size_t *ov;
} Scan;

static void scan_init(Scan *sc, ObjPattern *p, Value s, ssize_t pos, ssize_t endpos)
{
    ssize_t len = (ssize_t)AS_STR(s)->length;
    pos = pos < 0 ? 0 : pos > len ? len : pos;
    endpos = endpos < 0 ? 0 : endpos > len ? len : endpos;
    sc->p = p;
    sc->s = s;
    sc->pos = pos;
    sc->endpos = endpos;
    sc->start = rt_str_offset(s, (size_t)pos);
    sc->end = rt_str_offset(s, (size_t)endpos);
    sc->must_advance = false;
    cursor_init(&sc->cur, s);
    sc->ov = gc_alloc_atomic(2 * (p->groups + 1) * sizeof *sc->ov);
}

/* The next match (sc->ov): 1, 0 when there is none, -1 on error. */
static int scan_next(Scan *sc, uint32_t opts)
{
    if (sc->start > sc->end)
        return 0;
    int rc = exec(sc->p, sc->s, sc->start, sc->end,
                  opts | (sc->must_advance ? PCRE2_NOTEMPTY_ATSTART : 0), sc->ov);
    if (rc == 1) {
        sc->must_advance = sc->ov[1] == sc->ov[0];
        sc->start = sc->ov[1];
    }
    return rc;
}

static Value scan_match(Scan *sc)
{
    return match_new(sc->p, sc->s, sc->ov, &sc->cur, sc->pos, sc->endpos);
}

/* The substring between two byte offsets. */
static Value substr_bytes(Value s, size_t a, size_t b)
{
    return rt_str_new(rt_str_cstr(s) + a, b - a);
}

/* ---- Pattern methods ------------------------------------------------------- */

/* (string, pos=0, endpos=sys.maxsize) */
static bool string_pos_args(const char *fname, Value *args, size_t nargs, Value kw,
                            Value *s, ssize_t *pos, ssize_t *endpos)
{
    static const char *const names[] = { "string", "pos", "endpos" };
    const ArgSpec spec = { fname, names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *s = a[0];
    *pos = 0;
    *endpos = SMALL_MAX;
    if (a[1] != VAL_NULL && !rt_as_ssize(a[1], pos))
        return false;
    if (a[2] != VAL_NULL && !rt_as_ssize(a[2], endpos))
        return false;
    return check_subject(*s);
}

static Value do_search(ObjPattern *p, Value s, ssize_t pos, ssize_t endpos, uint32_t opts)
{
    Scan sc;
    scan_init(&sc, p, s, pos, endpos);
    int rc = scan_next(&sc, opts);
    return rc < 0 ? VAL_NULL : rc == 0 ? rt_None : scan_match(&sc);
}

static Value search_method(const char *fname, uint32_t opts, Value *args, size_t nargs, Value kw)
{
    Value s;
    ssize_t pos, endpos;
    if (!string_pos_args(fname, args, nargs, kw, &s, &pos, &endpos))
        return VAL_NULL;
    return do_search(PAT(args[0]), s, pos, endpos, opts);
}

static Value pat_search(Value *args, size_t nargs, Value kw)
{
    return search_method("search", 0, args, nargs, kw);
}

static Value pat_match(Value *args, size_t nargs, Value kw)
{
    return search_method("match", PCRE2_ANCHORED, args, nargs, kw);
}

static Value pat_fullmatch(Value *args, size_t nargs, Value kw)
{
    return search_method("fullmatch", PCRE2_ANCHORED | PCRE2_ENDANCHORED, args, nargs, kw);
}

/* One findall item: the whole match, the one group, or a tuple of groups
 * (unmatched groups as ''). */
static Value findall_item(Scan *sc)
{
    size_t g = sc->p->groups;
    if (g <= 1) {
        const size_t *o = sc->ov + 2 * g;
        return o[0] == PCRE2_UNSET ? rt_str_empty() : substr_bytes(sc->s, o[0], o[1]);
    }
    Value t = rt_tuple_new(g);
    for (size_t i = 1; i <= g; i++) {
        const size_t *o = sc->ov + 2 * i;
        AS_TUPLE(t)->items[i - 1] = o[0] == PCRE2_UNSET ? rt_str_empty()
                                                        : substr_bytes(sc->s, o[0], o[1]);
    }
    return t;
}

static Value do_findall(ObjPattern *p, Value s, ssize_t pos, ssize_t endpos)
{
    Scan sc;
    scan_init(&sc, p, s, pos, endpos);
    Value out = rt_list_new(0);
    for (;;) {
        int rc = scan_next(&sc, 0);
        if (rc < 0)
            return VAL_NULL;
        if (rc == 0)
            return out;
        rt_list_append(out, findall_item(&sc));
    }
}

static Value pat_findall(Value *args, size_t nargs, Value kw)
{
    Value s;
    ssize_t pos, endpos;
    if (!string_pos_args("findall", args, nargs, kw, &s, &pos, &endpos))
        return VAL_NULL;
    return do_findall(PAT(args[0]), s, pos, endpos);
}

/* finditer's iterator (CPython's callable_iterator over a scanner). */
typedef struct ObjScanIter {
    Object ob;
    Scan sc;
    bool done;
} ObjScanIter;

static Value do_finditer(ObjPattern *p, Value s, ssize_t pos, ssize_t endpos)
{
    ObjScanIter *it = gc_alloc(sizeof *it);
    it->ob.type = &scanner_iter_type;
    scan_init(&it->sc, p, s, pos, endpos);
    return obj_val(it);
}

static Value scanner_next(Value self)
{
    ObjScanIter *it = VAL_AS(ObjScanIter, self);
    if (it->done)
        return VAL_NULL;
    int rc = scan_next(&it->sc, 0);
    if (rc <= 0) {
        it->done = true;
        return VAL_NULL;
    }
    return scan_match(&it->sc);
}

static Value pat_finditer(Value *args, size_t nargs, Value kw)
{
    Value s;
    ssize_t pos, endpos;
    if (!string_pos_args("finditer", args, nargs, kw, &s, &pos, &endpos))
        return VAL_NULL;
    return do_finditer(PAT(args[0]), s, pos, endpos);
}

/* split: the pieces between matches, with the groups of each match. */
static Value do_split(ObjPattern *p, Value s, ssize_t maxsplit)
{
    Scan sc;
    scan_init(&sc, p, s, 0, SMALL_MAX);
    Value out = rt_list_new(0);
    size_t last = sc.start;
    for (ssize_t n = 0; maxsplit == 0 || n < maxsplit; n++) {
        int rc = scan_next(&sc, 0);
        if (rc < 0)
            return VAL_NULL;
        if (rc == 0)
            break;
        rt_list_append(out, substr_bytes(s, last, sc.ov[0]));
        for (size_t g = 1; g <= p->groups; g++) {
            const size_t *o = sc.ov + 2 * g;
            rt_list_append(out, o[0] == PCRE2_UNSET ? rt_None : substr_bytes(s, o[0], o[1]));
        }
        last = sc.ov[1];
    }
    rt_list_append(out, substr_bytes(s, last, sc.end));
    return out;
}

static bool split_args(const char *const *names, int nparams, int minpos, Value *args,
                       size_t nargs, Value kw, Value *out)
{
    const ArgSpec spec = { "split", names, nparams, 0, minpos, nparams, false };
    return rt_parse_args(&spec, args, nargs, kw, out);
}

static Value pat_split(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "string", "maxsplit" };
    Value a[2];
    ssize_t maxsplit = 0;
    if (!split_args(names, 2, 1, args + 1, nargs - 1, kw, a) ||
        (a[1] != VAL_NULL && !rt_as_ssize(a[1], &maxsplit)) || !check_subject(a[0]))
        return VAL_NULL;
    return do_split(PAT(args[0]), a[0], maxsplit);
}

/* ---- replacement templates (Lib/re/_parser.py parse_template) -------------- */

/* A template is a list of items: str (literal text) or int (group number). */
typedef struct Tpl {
    Value src;                  /* the template str */
    const uint32_t *cp;
    size_t n, pos;
    ObjPattern *p;
    Value items;
    StrBuf lit;
} Tpl;

static bool tpl_fail(Tpl *t, size_t pos, Value msg)
{
    re_raise_error(rt_str_cstr(msg), t->src, (ssize_t)pos);
    return false;
}

static void tpl_flush(Tpl *t)
{
    if (t->lit.len > 0) {
        rt_list_append(t->items, sb_finish(&t->lit));
        sb_init(&t->lit);
    }
}

static bool tpl_group(Tpl *t, size_t index, size_t errpos)
{
    if (index > t->p->groups)
        return tpl_fail(t, errpos, rt_str_format_c("invalid group reference %zu", index));
    tpl_flush(t);
    rt_list_append(t->items, small_new((intptr_t)index));
    return true;
}

static int32_t tpl_peek(Tpl *t) { return t->pos < t->n ? (int32_t)t->cp[t->pos] : -1; }
static bool tpl_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool tpl_octal(int32_t c) { return c >= '0' && c <= '7'; }

/* \g<name> or \g<number>, after the 'g'. */
static bool tpl_named(Tpl *t)
{
    if (tpl_peek(t) != '<')
        return tpl_fail(t, t->pos, rt_str_from_cstr("missing <"));
    size_t start = ++t->pos;
    while (t->pos < t->n && t->cp[t->pos] != '>')
        t->pos += t->cp[t->pos] == '\\' && t->pos + 1 < t->n ? 2 : 1;
    if (t->pos >= t->n)
        return tpl_fail(t, t->pos == start ? t->pos : start,
                        rt_str_from_cstr(t->pos == start ? "missing group name"
                                                         : "missing >, unterminated name"));
    if (t->pos == start)
        return tpl_fail(t, t->pos, rt_str_from_cstr("missing group name"));
    Value name = rt_str_substr(t->src, start, t->pos);
    t->pos++;
    Value gid = rt_dict_get_str(t->p->groupindex, name);
    if (gid != VAL_NULL)
        return tpl_group(t, (size_t)small_value(gid), start);
    bool ident = true, digits = true;
    uint64_t v = 0;
    for (size_t i = start; i < t->pos - 1; i++) {
        uint32_t c = t->cp[i];
        ident = ident && (i == start ? rt_uni_isidstart(c) : rt_uni_isidcontinue(c));
        digits = digits && tpl_digit((int32_t)c);
        if (digits && v < 1000000000)
            v = v * 10 + (c - '0');
    }
    if (ident) {
        rt_raisef(&rt_IndexError, "unknown group name %R", name);
        return false;
    }
    if (!digits)
        return tpl_fail(t, start, rt_str_format_c("bad character in group name %R", name));
    return tpl_group(t, (size_t)v, start);
}

/* \1, \12 (groups) or \012, \101 (octal characters), after the backslash. */
static bool tpl_number(Tpl *t, size_t start)
{
    int32_t c = (int32_t)t->cp[t->pos++];
    if (c == '0') {
        uint32_t v = 0;
        for (int i = 0; i < 2 && tpl_octal(tpl_peek(t)); i++)
            v = v * 8 + (t->cp[t->pos++] - '0');
        sb_add_codepoint(&t->lit, v & 0xff);
        return true;
    }
    uint32_t v = (uint32_t)(c - '0');
    if (tpl_digit(tpl_peek(t))) {
        int32_t c2 = (int32_t)t->cp[t->pos++];
        if (tpl_octal(c) && tpl_octal(c2) && tpl_octal(tpl_peek(t))) {
            v = (uint32_t)((c - '0') * 64 + (c2 - '0') * 8 + (int32_t)(t->cp[t->pos++] - '0'));
            if (v > 0377)
                return tpl_fail(t, start, rt_str_format_c(
                    "octal escape value %S outside of range 0-0o377",
                    rt_str_substr(t->src, start, t->pos)));
            sb_add_codepoint(&t->lit, v);
            return true;
        }
        v = v * 10 + (uint32_t)(c2 - '0');
    }
    return tpl_group(t, v, start + 1);
}

static bool tpl_escape(Tpl *t)
{
    size_t start = t->pos++;
    if (t->pos >= t->n)
        return tpl_fail(t, start, rt_str_from_cstr("bad escape (end of pattern)"));
    int32_t c = (int32_t)t->cp[t->pos];
    if (c == 'g') {
        t->pos++;
        return tpl_named(t);
    }
    if (tpl_digit(c))
        return tpl_number(t, start);
    t->pos++;
    static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
    for (const char *s = simple; *s; s += 2)
        if (c == *s) {
            sb_addc(&t->lit, s[1]);
            return true;
        }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
        return tpl_fail(t, start, rt_str_format_c("bad escape %S",
                                                  rt_str_substr(t->src, start, t->pos)));
    sb_addc(&t->lit, '\\');             /* unknown non-letter escapes stay as written */
    sb_add_codepoint(&t->lit, (uint32_t)c);
    return true;
}

static Value parse_template(ObjPattern *p, Value src)
{
    Tpl t = { .src = src, .n = AS_STR(src)->length, .p = p, .items = rt_list_new(0) };
    if (AS_STR(src)->ascii) {
        uint32_t *cp = gc_alloc_atomic((t.n + 1) * sizeof *cp);
        for (size_t i = 0; i < t.n; i++)
            cp[i] = (unsigned char)rt_str_cstr(src)[i];
        t.cp = cp;
    } else {
        t.cp = rt_str_codepoints(src);
    }
    sb_init(&t.lit);
    while (t.pos < t.n) {
        if (t.cp[t.pos] == '\\') {
            if (!tpl_escape(&t))
                return VAL_NULL;
        } else {
            sb_add_codepoint(&t.lit, t.cp[t.pos++]);
        }
    }
    tpl_flush(&t);
    return t.items;
}

/* The text of group g of a match described by byte offsets ('' if unset). */
static void add_group(StrBuf *sb, Value s, const size_t *ov, size_t g)
{
    if (ov[2 * g] != PCRE2_UNSET)
        sb_add(sb, rt_str_cstr(s) + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

static void expand_into(StrBuf *sb, Value items, Value s, const size_t *ov)
{
    ObjList *l = AS_LIST(items);
    for (size_t i = 0; i < l->length; i++) {
        if (val_is_small(l->items[i]))
            add_group(sb, s, ov, (size_t)small_value(l->items[i]));
        else
            sb_add(sb, rt_str_cstr(l->items[i]), rt_str_nbytes(l->items[i]));
    }
}

/* ---- sub and subn -------------------------------------------------------- */

/* How a replacement is made: a callable, a parsed template, or literal text. */
typedef struct Repl {
    Value fn;                   /* callable or VAL_NULL */
    Value items;                /* template items */
} Repl;

static bool repl_init(Repl *r, ObjPattern *p, Value repl)
{
    r->fn = r->items = VAL_NULL;
    if (rt_is_str(repl)) {
        if (strchr(rt_str_cstr(repl), '\\') == NULL) {
            r->items = rt_list_new(1);
            rt_list_append(r->items, repl);
            return true;
        }
        r->items = parse_template(p, repl);
        return r->items != VAL_NULL;
    }
    if (rt_callable(repl)) {
        r->fn = repl;
        return true;
    }
    rt_raisef(&rt_TypeError, "decoding to str: need a bytes-like object, %T found", repl);
    return false;
}

/* Append one replacement to sb. */
static bool repl_add(Repl *r, Scan *sc, StrBuf *sb)
{
    if (r->fn == VAL_NULL) {
        expand_into(sb, r->items, sc->s, sc->ov);
        return true;
    }
    Value v = rt_call1(r->fn, scan_match(sc));
    if (v == VAL_NULL)
        return false;
    if (v == rt_None)
        return true;
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "sequence item 0: expected str instance, %T found", v);
        return false;
    }
    sb_add(sb, rt_str_cstr(v), rt_str_nbytes(v));
    return true;
}

static Value do_subn(ObjPattern *p, Value repl, Value s, ssize_t count, bool with_count)
{
    Repl r;
    if (!repl_init(&r, p, repl))
        return VAL_NULL;
    Scan sc;
    scan_init(&sc, p, s, 0, SMALL_MAX);
    StrBuf sb;
    sb_init(&sb);
    size_t last = 0;
    ssize_t n = 0;
    for (; count == 0 || n < count; n++) {
        int rc = scan_next(&sc, 0);
        if (rc < 0)
            return VAL_NULL;
        if (rc == 0)
            break;
        sb_add(&sb, rt_str_cstr(s) + last, sc.ov[0] - last);
        if (!repl_add(&r, &sc, &sb))
            return VAL_NULL;
        last = sc.ov[1];
    }
    sb_add(&sb, rt_str_cstr(s) + last, rt_str_nbytes(s) - last);
    Value out = sb_finish(&sb);
    return with_count ? rt_tuple_pack(2, out, small_new(n)) : out;
}

static Value sub_method(const char *fname, bool with_count, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "repl", "string", "count" };
    const ArgSpec spec = { fname, names, 3, 0, 2, 3, false };
    Value a[3];
    ssize_t count = 0;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) ||
        (a[2] != VAL_NULL && !rt_as_ssize(a[2], &count)) || !check_subject(a[1]))
        return VAL_NULL;
    return do_subn(PAT(args[0]), a[0], a[1], count, with_count);
}

static Value pat_sub(Value *args, size_t nargs, Value kw)
{
    return sub_method("sub", false, args, nargs, kw);
}

static Value pat_subn(Value *args, size_t nargs, Value kw)
{
    return sub_method("subn", true, args, nargs, kw);
}

/* ---- Pattern: attributes, repr, equality ----------------------------------- */

static const struct { int flag; const char *name; } flag_names[] = {
    { RE_TEMPLATE, "re.TEMPLATE" }, { RE_IGNORECASE, "re.IGNORECASE" },
    { RE_LOCALE, "re.LOCALE" }, { RE_MULTILINE, "re.MULTILINE" },
    { RE_DOTALL, "re.DOTALL" }, { RE_UNICODE, "re.UNICODE" },
    { RE_VERBOSE, "re.VERBOSE" }, { RE_DEBUG, "re.DEBUG" }, { RE_ASCII, "re.ASCII" },
};

/* repr(x) cut to n code points, as CPython's %.<n>R. */
static bool add_repr_truncated(StrBuf *sb, Value v, size_t n)
{
    Value r = rt_repr(v);
    if (r == VAL_NULL)
        return false;
    if (AS_STR(r)->length > n)
        r = rt_str_substr(r, 0, n);
    sb_add(sb, rt_str_cstr(r), rt_str_nbytes(r));
    return true;
}

static Value pattern_repr(Value self)
{
    ObjPattern *p = PAT(self);
    int flags = p->flags;
    if ((flags & (RE_LOCALE | RE_UNICODE | RE_ASCII)) == RE_UNICODE)
        flags &= ~RE_UNICODE;           /* the default for str patterns */
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "re.compile(");
    if (!add_repr_truncated(&sb, p->pattern, 200))
        return VAL_NULL;
    const char *sep = ", ";
    for (size_t i = 0; i < sizeof flag_names / sizeof *flag_names; i++)
        if (flags & flag_names[i].flag) {
            sb_adds(&sb, sep);
            sb_adds(&sb, flag_names[i].name);
            flags &= ~flag_names[i].flag;
            sep = "|";
        }
    if (flags) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s0x%x", sep, (unsigned)flags);
        sb_adds(&sb, buf);
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value pattern_getattr(Value self, Value name)
{
    ObjPattern *p = PAT(self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "pattern") == 0) return p->pattern;
    if (strcmp(s, "flags") == 0) return small_new(p->flags);
    if (strcmp(s, "groups") == 0) return small_new((intptr_t)p->groups);
    if (strcmp(s, "groupindex") == 0) return rt_dict_copy(p->groupindex);
    return rt_generic_getattr(self, name);
}

static Value pattern_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !IS_EXACT(b, pattern_type))
        return rt_NotImplemented;
    bool eq = a == b || (PAT(a)->flags == PAT(b)->flags &&
                         rt_str_equal(PAT(a)->pattern, PAT(b)->pattern));
    return rt_bool(eq == (op == CMP_EQ));
}

static intptr_t pattern_hash(Value self)
{
    intptr_t h = rt_str_hash(PAT(self)->pattern) ^ (PAT(self)->flags * 1000003);
    return h == -1 ? -2 : h;
}

static const MethodDef pattern_methods[] = {
    {"search", pat_search}, {"match", pat_match}, {"fullmatch", pat_fullmatch},
    {"findall", pat_findall}, {"finditer", pat_finditer}, {"split", pat_split},
    {"sub", pat_sub}, {"subn", pat_subn},
    {NULL, NULL}
};

static ObjType pattern_type = {
    .ob.type = &rt_type_type, .name = "Pattern",
    .repr = pattern_repr, .getattr = pattern_getattr,
    .richcompare = pattern_richcompare, .hash = pattern_hash,
};

static ObjType scanner_iter_type = {
    .ob.type = &rt_type_type, .name = "callable_iterator",
    .iter = rt_iter_self, .next = scanner_next,
};

/* ---- Match ------------------------------------------------------------------ */

/* A group given by number or name (CPython's match_getindex). */
static bool group_index(ObjMatch *m, Value key, size_t *out)
{
    ssize_t i = -1;
    if (is_int(key) || is_bool(key)) {
        if (!rt_as_ssize(key, &i))
            return false;
    } else if (rt_is_str(key)) {
        Value g = rt_dict_get_str(m->re->groupindex, key);
        if (g != VAL_NULL)
            i = small_value(g);
    }
    if (i < 0 || (size_t)i >= m->ngroups) {
        rt_raisef(&rt_IndexError, "no such group");
        return false;
    }
    *out = (size_t)i;
    return true;
}

static Value group_value(ObjMatch *m, size_t g, Value dflt)
{
    if (m->bytes[2 * g] == PCRE2_UNSET)
        return dflt;
    size_t a = m->bytes[2 * g], b = m->bytes[2 * g + 1];
    return rt_str_new_known(rt_str_cstr(m->string) + a, b - a,
                            (size_t)(m->span[2 * g + 1] - m->span[2 * g]),
                            (size_t)(m->span[2 * g + 1] - m->span[2 * g]) == b - a);
}

static Value group_by_key(ObjMatch *m, Value key)
{
    size_t g;
    return group_index(m, key, &g) ? group_value(m, g, rt_None) : VAL_NULL;
}

static Value m_group(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("group", kw))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    if (nargs == 1)
        return group_value(m, 0, rt_None);
    if (nargs == 2)
        return group_by_key(m, args[1]);
    Value t = rt_tuple_new(nargs - 1);
    for (size_t i = 1; i < nargs; i++) {
        Value v = group_by_key(m, args[i]);
        if (v == VAL_NULL)
            return VAL_NULL;
        AS_TUPLE(t)->items[i - 1] = v;
    }
    return t;
}

static Value m_getitem(Value self, Value key)
{
    return group_by_key(MATCH(self), key);
}

static bool default_arg(const char *fname, Value *args, size_t nargs, Value kw, Value *dflt)
{
    static const char *const names[] = { "default" };
    const ArgSpec spec = { fname, names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    *dflt = a[0] != VAL_NULL ? a[0] : rt_None;
    return true;
}

static Value m_groups(Value *args, size_t nargs, Value kw)
{
    Value dflt;
    if (!default_arg("groups", args, nargs, kw, &dflt))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    Value t = rt_tuple_new(m->ngroups - 1);
    for (size_t g = 1; g < m->ngroups; g++)
        AS_TUPLE(t)->items[g - 1] = group_value(m, g, dflt);
    return t;
}

static Value m_groupdict(Value *args, size_t nargs, Value kw)
{
    Value dflt;
    if (!default_arg("groupdict", args, nargs, kw, &dflt))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    Value d = rt_dict_new(), name, g;
    for (size_t i = 0; rt_dict_next(m->re->groupindex, &i, &name, &g);)
        rt_dict_set(d, name, group_value(m, (size_t)small_value(g), dflt));
    return d;
}

/* start/end/span: the optional group argument. */
static bool span_arg(const char *fname, Value *args, size_t nargs, Value kw, size_t *g)
{
    if (!rt_arg_nokw(fname, kw) || !rt_arg_range(fname, nargs - 1, 0, 1))
        return false;
    *g = 0;
    return nargs < 2 || group_index(MATCH(args[0]), args[1], g);
}

static Value m_start(Value *args, size_t nargs, Value kw)
{
    size_t g;
    return span_arg("start", args, nargs, kw, &g) ? small_new(MATCH(args[0])->span[2 * g])
                                                  : VAL_NULL;
}

static Value m_end(Value *args, size_t nargs, Value kw)
{
    size_t g;
    return span_arg("end", args, nargs, kw, &g) ? small_new(MATCH(args[0])->span[2 * g + 1])
                                                : VAL_NULL;
}

static Value span_tuple(ObjMatch *m, size_t g)
{
    return rt_tuple_pack(2, small_new(m->span[2 * g]), small_new(m->span[2 * g + 1]));
}

static Value m_span(Value *args, size_t nargs, Value kw)
{
    size_t g;
    return span_arg("span", args, nargs, kw, &g) ? span_tuple(MATCH(args[0]), g) : VAL_NULL;
}

static Value m_expand(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("expand", kw) || !rt_arg_range("expand", nargs - 1, 1, 1))
        return VAL_NULL;
    ObjMatch *m = MATCH(args[0]);
    if (!check_subject(args[1]))
        return VAL_NULL;
    Value items = parse_template(m->re, args[1]);
    if (items == VAL_NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    expand_into(&sb, items, m->string, m->bytes);
    return sb_finish(&sb);
}

static Value m_identity(Value *args, size_t nargs, Value kw)
{
    return args[0];                     /* __copy__ / __deepcopy__: immutable */
}

static Value match_repr(Value self)
{
    ObjMatch *m = MATCH(self);
    StrBuf sb;
    sb_init(&sb);
    char buf[96];
    snprintf(buf, sizeof buf, "<re.Match object; span=(%zd, %zd), match=",
             m->span[0], m->span[1]);
    sb_adds(&sb, buf);
    if (!add_repr_truncated(&sb, group_value(m, 0, rt_None), 50))
        return VAL_NULL;
    sb_addc(&sb, '>');
    return sb_finish(&sb);
}

static Value match_getattr(Value self, Value name)
{
    ObjMatch *m = MATCH(self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "string") == 0) return m->string;
    if (strcmp(s, "re") == 0) return obj_val(m->re);
    if (strcmp(s, "pos") == 0) return small_new(m->pos);
    if (strcmp(s, "endpos") == 0) return small_new(m->endpos);
    if (strcmp(s, "lastindex") == 0)
        return m->lastindex < 0 ? rt_None : small_new(m->lastindex);
    if (strcmp(s, "lastgroup") == 0)
        return m->lastindex < 0 ? rt_None : rt_tuple_get(m->re->indexgroup, (size_t)m->lastindex);
    if (strcmp(s, "regs") == 0) {
        Value t = rt_tuple_new(m->ngroups);
        for (size_t g = 0; g < m->ngroups; g++)
            AS_TUPLE(t)->items[g] = span_tuple(m, g);
        return t;
    }
    return rt_generic_getattr(self, name);
}

static const MethodDef match_methods[] = {
    {"group", m_group}, {"groups", m_groups}, {"groupdict", m_groupdict},
    {"start", m_start}, {"end", m_end}, {"span", m_span}, {"expand", m_expand},
    {"__copy__", m_identity}, {"__deepcopy__", m_identity},
    {NULL, NULL}
};

static ObjType match_type = {
    .ob.type = &rt_type_type, .name = "Match",
    .repr = match_repr, .getattr = match_getattr, .getitem = m_getitem,
};

/* ---- module functions ------------------------------------------------------- */

/* (pattern, string, flags=0) for search/match/fullmatch/findall/finditer. */
static bool module_args(const char *fname, Value *args, size_t nargs, Value kw,
                        ObjPattern **p, Value *s)
{
    static const char *const names[] = { "pattern", "string", "flags" };
    const ArgSpec spec = { fname, names, 3, 0, 2, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return false;
    *p = get_pattern(a[0], a[2]);
    *s = a[1];
    return *p != NULL && check_subject(*s);
}

#define MODULE_SEARCH(cname, pyname, opts)                              \
    static Value cname(Value *args, size_t nargs, Value kw)             \
    {                                                                   \
        ObjPattern *p;                                                  \
        Value s;                                                        \
        if (!module_args(pyname, args, nargs, kw, &p, &s))              \
            return VAL_NULL;                                            \
        return do_search(p, s, 0, SMALL_MAX, opts);                     \
    }
MODULE_SEARCH(re_search, "search", 0)
MODULE_SEARCH(re_match, "match", PCRE2_ANCHORED)
MODULE_SEARCH(re_fullmatch, "fullmatch", PCRE2_ANCHORED | PCRE2_ENDANCHORED)

static Value re_findall(Value *args, size_t nargs, Value kw)
{
    ObjPattern *p;
    Value s;
    return module_args("findall", args, nargs, kw, &p, &s) ? do_findall(p, s, 0, SMALL_MAX)
                                                           : VAL_NULL;
}

static Value re_finditer(Value *args, size_t nargs, Value kw)
{
    ObjPattern *p;
    Value s;
    return module_args("finditer", args, nargs, kw, &p, &s) ? do_finditer(p, s, 0, SMALL_MAX)
                                                            : VAL_NULL;
}

static Value re_compile(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "pattern", "flags" };
    const ArgSpec spec = { "compile", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjPattern *p = get_pattern(a[0], a[1]);
    return p != NULL ? obj_val(p) : VAL_NULL;
}

static Value module_sub(const char *fname, bool with_count, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "pattern", "repl", "string", "count", "flags" };
    const ArgSpec spec = { fname, names, 5, 0, 3, 5, false };
    Value a[5];
    ssize_t count = 0;
    if (!rt_parse_args(&spec, args, nargs, kw, a) ||
        (a[3] != VAL_NULL && !rt_as_ssize(a[3], &count)))
        return VAL_NULL;
    ObjPattern *p = get_pattern(a[0], a[4]);
    if (p == NULL || !check_subject(a[2]))
        return VAL_NULL;
    return do_subn(p, a[1], a[2], count, with_count);
}

static Value re_sub(Value *args, size_t nargs, Value kw)
{
    return module_sub("sub", false, args, nargs, kw);
}

static Value re_subn(Value *args, size_t nargs, Value kw)
{
    return module_sub("subn", true, args, nargs, kw);
}

static Value re_split(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "pattern", "string", "maxsplit", "flags" };
    Value a[4];
    ssize_t maxsplit = 0;
    if (!split_args(names, 4, 2, args, nargs, kw, a))
        return VAL_NULL;
    if (a[2] != VAL_NULL && !rt_as_ssize(a[2], &maxsplit))
        return VAL_NULL;
    ObjPattern *p = get_pattern(a[0], a[3]);
    if (p == NULL || !check_subject(a[1]))
        return VAL_NULL;
    return do_split(p, a[1], maxsplit);
}

/* re.escape: a backslash before each character of Lib/re's _special_chars_map. */
static Value re_escape(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("escape", kw) || !rt_arg_range("escape", nargs, 1, 1))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_NotImplementedError, "pvm's re.escape supports str only");
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    const char *s = rt_str_cstr(args[0]);
    size_t n = rt_str_nbytes(args[0]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\0' && strchr(special, s[i]) != NULL)
            sb_addc(&sb, '\\');
        sb_addc(&sb, s[i]);
    }
    return sb_finish(&sb);
}

static Value re_purge(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("purge", kw) || !rt_arg_range("purge", nargs, 0, 0))
        return VAL_NULL;
    cache = rt_dict_new();
    return rt_None;
}

static const MethodDef re_functions[] = {
    {"compile", re_compile}, {"search", re_search}, {"match", re_match},
    {"fullmatch", re_fullmatch}, {"findall", re_findall}, {"finditer", re_finditer},
    {"sub", re_sub}, {"subn", re_subn}, {"split", re_split}, {"escape", re_escape},
    {"purge", re_purge},
    {NULL, NULL}
};

/* ---- RegexFlag ------------------------------------------------------------
 * The flags are instances of an int subclass, as CPython's enum.IntFlag
 * members are: they are ints everywhere, print as "re.IGNORECASE|re.DOTALL"
 * and stay flags under | & ^ ~.  (Not an enum: no iteration, .name, .value.) */

static ObjType regexflag_type;

/* Member order of RegexFlag, which is the order repr() lists them in. */
static const struct { int flag; const char *name; } member_order[] = {
    { RE_ASCII, "re.ASCII" }, { RE_IGNORECASE, "re.IGNORECASE" }, { RE_LOCALE, "re.LOCALE" },
    { RE_UNICODE, "re.UNICODE" }, { RE_MULTILINE, "re.MULTILINE" },
    { RE_DOTALL, "re.DOTALL" }, { RE_VERBOSE, "re.VERBOSE" }, { RE_TEMPLATE, "re.TEMPLATE" },
    { RE_DEBUG, "re.DEBUG" },
};
#define ALL_FLAGS 0x1ff

static Value flag_new(intptr_t v)
{
    Value arg = small_new(v);
    return rt_int_type.new_(&regexflag_type, &arg, 1, VAL_NULL);
}

static Value flag_repr(Value self)
{
    ssize_t v;
    if (!rt_as_ssize(self, &v))
        return VAL_NULL;
    if (v == 0)
        return rt_str_from_cstr("re.NOFLAG");
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < sizeof member_order / sizeof *member_order; i++)
        if (v & member_order[i].flag) {
            if (sb.len > 0)
                sb_addc(&sb, '|');
            sb_adds(&sb, member_order[i].name);
            v &= ~member_order[i].flag;
        }
    if (v != 0) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s0x%zx", sb.len > 0 ? "|" : "", (size_t)v);
        sb_adds(&sb, buf);
    }
    return sb_finish(&sb);
}

static bool int_like(Value v)
{
    return is_int(v) || is_bool(v) || (val_type(v)->flags & TF_INT_SUBCLASS);
}

static Value flag_binop(Value a, Value b, int op)
{
    int plain = op >= NB_INPLACE_OFFSET ? op - NB_INPLACE_OFFSET : op;
    if ((plain == NB_OR || plain == NB_AND || plain == NB_XOR) && int_like(a) && int_like(b)) {
        Value r = rt_int_binop(rt_int_unbool(a), rt_int_unbool(b), plain);
        if (r == VAL_NULL || !val_is_small(r))
            return r;
        return flag_new(small_value(r));
    }
    return rt_int_type.binop(a, b, op);
}

static Value flag_unary(Value self, int op)
{
    ssize_t v;
    if (op == UN_INVERT && rt_as_ssize(self, &v))
        return flag_new(ALL_FLAGS & ~v);
    return rt_int_type.unary(self, op);
}

static ObjType regexflag_type = {
    .ob.type = &rt_type_type, .name = "RegexFlag", .base = &rt_int_type,
    .flags = TF_INT_SUBCLASS, .repr = flag_repr, .str = flag_repr,
    .binop = flag_binop, .unary = flag_unary,
    .binop_ops = RT_OP_BIT(NB_AND) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_XOR),
    .unary_ops = RT_OP_BIT(UN_INVERT),
};

static void add_flag(Value m, const char *longname, const char *shortname, int value)
{
    Value flag = flag_new(value);
    mod_module_set(m, longname, flag);
    if (shortname != NULL)
        mod_module_set(m, shortname, flag);
}

static void ready_type(ObjType *t, const MethodDef *methods)
{
    if (t->mro != VAL_NULL)
        return;
    rt_type_ready(t, methods);
    rt_type_set(t, "__module__", rt_str_from_cstr("re"));
}

Value mod_re_init(void)
{
    Value m = mod_module_new("re", re_functions);
    ready_type(&re_error_type, NULL);
    ready_type(&pattern_type, pattern_methods);
    ready_type(&match_type, match_methods);
    ready_type(&scanner_iter_type, NULL);
    ready_type(&regexflag_type, NULL);
    mod_module_set(m, "RegexFlag", obj_val(&regexflag_type));
    mod_module_set(m, "error", obj_val(&re_error_type));
    mod_module_set(m, "Pattern", obj_val(&pattern_type));
    mod_module_set(m, "Match", obj_val(&match_type));
    add_flag(m, "ASCII", "A", RE_ASCII);
    add_flag(m, "IGNORECASE", "I", RE_IGNORECASE);
    add_flag(m, "LOCALE", "L", RE_LOCALE);
    add_flag(m, "UNICODE", "U", RE_UNICODE);
    add_flag(m, "MULTILINE", "M", RE_MULTILINE);
    add_flag(m, "DOTALL", "S", RE_DOTALL);
    add_flag(m, "VERBOSE", "X", RE_VERBOSE);
    add_flag(m, "TEMPLATE", "T", RE_TEMPLATE);
    add_flag(m, "DEBUG", NULL, RE_DEBUG);
    add_flag(m, "NOFLAG", NULL, 0);
    return m;
}
