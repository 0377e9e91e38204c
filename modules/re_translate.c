/*
 * re_translate.c — Python's regular-expression syntax, rewritten for PCRE2.
 *
 * PCRE2 and Python's `re` share most of their syntax, but not all of it, and
 * a pattern PCRE2 accepts may be an error for Python (or mean something
 * else).  So this file does not patch the pattern text: it parses it the way
 * CPython's Lib/re/_parser.py does — same grammar, same error messages and
 * positions — and writes each item out again in PCRE2's spelling:
 *
 *   Python                         PCRE2 written here
 *   \Z (end of string)             \z          (PCRE2's \Z also matches before a final \n)
 *   \v, \a, \x41, \u20ac, \0, \101 \x{...}     (PCRE2's \v is "vertical space")
 *   \12 (group reference)          \g{12}      (no octal/backreference ambiguity)
 *   (?P<name>...), (?P=name)       (...), \g{N} (names kept here: any identifier,
 *                                               any length, as Python allows)
 *   (?(name)yes|no)                (?(N)yes|no)
 *   \s (Unicode)                   [\s\x{1c}-\x{1f}]   (str.isspace() includes them)
 *   x{,3}                          x{0,3}      (PCRE2 10.42 reads "{,3}" literally)
 *   { that is no quantifier        \{
 *   [ inside a class               \[          (PCRE2 would read [:alpha:])
 *   verbose mode (?x), (?x:...)    whitespace and comments dropped here
 *   (?a:...) inside a Unicode      \w, \d, \s, \b spelt out as explicit
 *   pattern (and (?u:...) in an    ASCII (or Unicode-property) classes
 *   ASCII one)
 *   (?#comment)                    nothing
 *
 * Everything else (., ^, $, alternation, groups, lookarounds, atomic groups,
 * greedy, lazy and possessive quantifiers, classes) is written out as the
 * same construct.  Literal characters are escaped or written as \x{...}
 * whenever they are not plain letters or digits, so nothing in the output
 * can be misread by PCRE2.
 *
 * The caller (re.c) compiles the result with PCRE2_UTF, plus PCRE2_UCP
 * unless the pattern is ASCII, and turns the global flags into PCRE2 options.
 */
#include <string.h>
#include "modules/re_internal.h"

#define MAXREPEAT 4294967295u   /* CPython's _sre.MAXREPEAT (unbounded) */
#define PCRE2_MAXREPEAT 65535u  /* the largest count PCRE2 accepts */

/* What the previous item of a sequence was, for the quantifier checks. */
enum { LAST_NONE, LAST_AT, LAST_ATOM, LAST_REPEAT };

typedef struct Tr {
    Value pattern;              /* the str being translated */
    const uint32_t *cp;         /* its code points */
    size_t n, pos;              /* length; current position (code points) */
    StrBuf *out;
    int flags;                  /* global flags, updated by (?aiLmsux) */
    bool verbose, ascii;        /* in the current scope */
    size_t groups;
    size_t cap;                 /* allocated entries of open/parent */
    uint8_t *open;              /* open[g]: group g is still open */
    uint32_t *parent;           /* parent[g]: enclosing capturing group */
    uint32_t current;           /* innermost open capturing group */
    Value groupindex;           /* name -> number */
    Value names;                /* list: number -> name or None */
    Value condrefs;             /* dict: group number -> position (checked at the end) */
} Tr;

static bool parse_alt(Tr *t, bool top);
static bool parse_seq(Tr *t, bool first);

/* ---- errors ------------------------------------------------------------- */

static bool fail(Tr *t, size_t pos, const char *msg)
{
    re_raise_error(msg, t->pattern, (ssize_t)pos);
    return false;
}

static bool failv(Tr *t, size_t pos, Value msg)
{
    return msg != VAL_NULL && fail(t, pos, rt_str_cstr(msg));
}

/* The text of pattern[start:end] as a str (for messages). */
static Value slice(Tr *t, size_t start, size_t end)
{
    return rt_str_substr(t->pattern, start, end);
}

/* ---- reading ------------------------------------------------------------ */

static int32_t peek(Tr *t) { return t->pos < t->n ? (int32_t)t->cp[t->pos] : -1; }

static bool match(Tr *t, uint32_t c)
{
    if (peek(t) != (int32_t)c)
        return false;
    t->pos++;
    return true;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static bool is_octal(int32_t c) { return c >= '0' && c <= '7'; }
static bool is_ascii_letter(int32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
static int hex_value(int32_t c)
{
    if (is_digit(c)) return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
    return -1;
}

/* The tokenizer's unit: one character, or a backslash and the next one.
 * A backslash at the very end is CPython's "bad escape (end of pattern)". */
static bool token_len(Tr *t, size_t *len)
{
    *len = 1;
    if (t->pos < t->n && t->cp[t->pos] == '\\') {
        if (t->pos + 1 >= t->n)
            return fail(t, t->n - 1, "bad escape (end of pattern)");
        *len = 2;
    }
    return true;
}

/* getuntil: a name up to `term` ('>' or ')'), as a str. */
static Value get_until(Tr *t, uint32_t term, const char *what)
{
    size_t start = t->pos;
    for (;;) {
        if (t->pos >= t->n) {
            if (t->pos == start)
                return fail(t, t->n, rt_str_cstr(rt_str_format_c("missing %s", what))), VAL_NULL;
            return failv(t, start, rt_str_format_c("missing %c, unterminated name", (int)term)),
                   VAL_NULL;
        }
        size_t len;
        if (!token_len(t, &len))
            return VAL_NULL;
        if (len == 1 && t->cp[t->pos] == term) {
            if (t->pos == start)
                return fail(t, t->pos, rt_str_cstr(rt_str_format_c("missing %s", what))), VAL_NULL;
            Value name = slice(t, start, t->pos);
            t->pos++;
            return name;
        }
        t->pos += len;
    }
}

static bool is_identifier(Value s)
{
    size_t n = AS_STR(s)->length;
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = rt_str_char_at(s, i);
        if (i == 0 ? !rt_uni_isidstart(c) : !rt_uni_isidcontinue(c))
            return false;
    }
    return true;
}

/* checkgroupname: the name just read (ending one character back). */
static bool check_group_name(Tr *t, Value name)
{
    if (is_identifier(name))
        return true;
    return failv(t, t->pos - AS_STR(name)->length - 1,
                 rt_str_format_c("bad character in group name %R", name));
}

/* ---- writing ------------------------------------------------------------ */

static void emit(Tr *t, const char *s) { sb_adds(t->out, s); }

static void emit_hex(Tr *t, uint32_t c)
{
    char buf[16];
    snprintf(buf, sizeof buf, "\\x{%x}", c);
    emit(t, buf);
}

/* One literal character, spelt so that PCRE2 cannot read it as syntax
 * (inside or outside a class). */
static void emit_literal(Tr *t, uint32_t c)
{
    if (c < 0x80 && (is_digit((int32_t)c) || is_ascii_letter((int32_t)c))) {
        sb_addc(t->out, (char)c);
    } else if (c > 0x20 && c < 0x7f) {
        sb_addc(t->out, '\\');
        sb_addc(t->out, (char)c);
    } else if (c < 0x80 || (c >= 0xD800 && c <= 0xDFFF)) {
        emit_hex(t, c);
    } else {
        sb_add_codepoint(t->out, c);
    }
}

/* ---- \d \w \s \b and their negations -------------------------------------
 * In the pattern's own mode (Unicode: PCRE2_UCP; ASCII: without it) the
 * PCRE2 escapes already mean what Python means, except that Python's
 * Unicode \s also matches U+001C..U+001F.  Inside a scope of the other mode
 * the classes are spelt out. */

static const char *const WORD_ASCII = "A-Za-z0-9_";
static const char *const WORD_UNI = "\\p{L}\\p{N}_";
static const char *const SPACE_ASCII = "\\t\\n\\x{b}\\f\\r\\x{20}";
static const char *const SPACE_UNI = "\\p{Z}\\h\\v\\x{1c}-\\x{1f}";

static bool global_ascii(Tr *t) { return (t->flags & RE_ASCII) != 0; }

/* The body of the class behind \d, \w or \s (letter in lower case). */
static const char *category_body(Tr *t, int32_t letter)
{
    bool ascii = t->ascii;
    switch (letter) {
    case 'd': return ascii ? "0-9" : "\\p{Nd}";
    case 'w': return ascii ? WORD_ASCII : WORD_UNI;
    default:  return ascii ? SPACE_ASCII : SPACE_UNI;
    }
}

static void emit_category(Tr *t, int32_t letter, bool in_class)
{
    bool negated = letter < 'a';
    int32_t lower = letter | 0x20;
    bool native = t->ascii == global_ascii(t);
    char esc[3] = { '\\', (char)letter, 0 };
    if ((native && (lower != 's' || t->ascii)) || (in_class && negated)) {
        /* PCRE2's own escape.  (A negated class inside a class in the
         * other mode cannot be spelt as a set; the native escape is the
         * approximation, listed in the README.) */
        emit(t, esc);
        return;
    }
    if (in_class) {
        emit(t, category_body(t, lower));
        return;
    }
    emit(t, negated ? "[^" : "[");
    emit(t, category_body(t, lower));
    emit(t, "]");
}

static void emit_boundary(Tr *t, bool negated)
{
    if (t->ascii == global_ascii(t)) {
        emit(t, negated ? "\\B" : "\\b");
        return;
    }
    const char *w = t->ascii ? WORD_ASCII : WORD_UNI;
    StrBuf *o = t->out;
    /* \b: a word character on exactly one side; \B: on both or neither. */
    sb_adds(o, "(?:(?<=["); sb_adds(o, w); sb_adds(o, negated ? "])(?=[" : "])(?![");
    sb_adds(o, w); sb_adds(o, "])|(?<![");  sb_adds(o, w);
    sb_adds(o, negated ? "])(?![" : "])(?=["); sb_adds(o, w); sb_adds(o, "]))");
}

/* ---- escapes -------------------------------------------------------------- */

/* What an escape turned out to be. */
typedef struct Esc {
    enum { ESC_LITERAL, ESC_CATEGORY, ESC_AT, ESC_GROUPREF } kind;
    uint32_t value;             /* code point, category letter, AT letter, group */
} Esc;

/* \x.., \u...., \U........: exactly `digits` hex digits.  start: the
 * backslash. */
static bool hex_escape(Tr *t, size_t start, int digits, Esc *e)
{
    uint32_t v = 0;
    int i = 0;
    for (; i < digits && hex_value(peek(t)) >= 0; i++)
        v = v * 16 + (uint32_t)hex_value(t->cp[t->pos++]);
    if (i != digits)
        return failv(t, start, rt_str_format_c("incomplete escape %S", slice(t, start, t->pos)));
    if (v > 0x10FFFF)
        return failv(t, start, rt_str_format_c("bad escape %S", slice(t, start, t->pos)));
    e->kind = ESC_LITERAL;
    e->value = v;
    return true;
}

static bool octal_too_big(Tr *t, size_t start, uint32_t v)
{
    if (v <= 0377)
        return false;
    failv(t, start, rt_str_format_c("octal escape value %S outside of range 0-0o377",
                                     slice(t, start, t->pos)));
    return true;
}

/* Escapes common to both contexts; *handled = false for the rest. */
static bool common_escape(Tr *t, size_t start, int32_t c, Esc *e, bool *handled)
{
    *handled = true;
    static const char simple[] = "a\af\fn\nr\rt\tv\v\\\\";
    for (const char *s = simple; *s; s += 2)
        if (c == *s) {
            e->kind = ESC_LITERAL;
            e->value = (unsigned char)s[1];
            return true;
        }
    switch (c) {
    case 'x': return hex_escape(t, start, 2, e);
    case 'u': return hex_escape(t, start, 4, e);
    case 'U': return hex_escape(t, start, 8, e);
    case 'N':
        return fail(t, start, "\\N{...} escapes are not supported by pvm's re");
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        e->kind = ESC_CATEGORY;
        e->value = (uint32_t)c;
        return true;
    }
    *handled = false;
    return true;
}

static bool plain_escape(Tr *t, size_t start, int32_t c, Esc *e)
{
    if (is_ascii_letter(c) || is_digit(c))
        return failv(t, start, rt_str_format_c("bad escape %S", slice(t, start, t->pos)));
    e->kind = ESC_LITERAL;
    e->value = (uint32_t)c;
    return true;
}

/* An escape inside [...]: start is the backslash, already known not to be
 * the last character. */
static bool class_escape(Tr *t, Esc *e)
{
    size_t start = t->pos;
    t->pos++;
    int32_t c = (int32_t)t->cp[t->pos++];
    bool handled;
    if (c == 'b') {                     /* backspace inside a class */
        e->kind = ESC_LITERAL;
        e->value = 8;
        return true;
    }
    if (!common_escape(t, start, c, e, &handled))
        return false;
    if (handled)
        return true;
    if (is_octal(c)) {
        uint32_t v = (uint32_t)(c - '0');
        for (int i = 0; i < 2 && is_octal(peek(t)); i++)
            v = v * 8 + (t->cp[t->pos++] - '0');
        if (octal_too_big(t, start, v))
            return false;
        e->kind = ESC_LITERAL;
        e->value = v;
        return true;
    }
    return plain_escape(t, start, c, e);
}

/* \1..\99 (a group reference) or \101 (three octal digits: a character). */
static bool number_escape(Tr *t, size_t start, int32_t c, Esc *e)
{
    uint32_t v = (uint32_t)(c - '0');
    if (c == '0') {
        for (int i = 0; i < 2 && is_octal(peek(t)); i++)
            v = v * 8 + (t->cp[t->pos++] - '0');
        e->kind = ESC_LITERAL;
        e->value = v;
        return true;
    }
    if (is_digit(peek(t))) {
        int32_t c2 = (int32_t)t->cp[t->pos++];
        if (is_octal(c) && is_octal(c2) && is_octal(peek(t))) {
            v = (uint32_t)((c - '0') * 64 + (c2 - '0') * 8 + (int32_t)(t->cp[t->pos++] - '0'));
            if (octal_too_big(t, start, v))
                return false;
            e->kind = ESC_LITERAL;
            e->value = v;
            return true;
        }
        v = v * 10 + (uint32_t)(c2 - '0');
    }
    if (v <= t->groups) {
        if (t->open[v])
            return fail(t, start, "cannot refer to an open group");
        e->kind = ESC_GROUPREF;
        e->value = v;
        return true;
    }
    return failv(t, start + 1, rt_str_format_c("invalid group reference %d", (int)v));
}

/* An escape outside a class. */
static bool escape(Tr *t, Esc *e)
{
    size_t start = t->pos;
    t->pos++;
    int32_t c = (int32_t)t->cp[t->pos++];
    if (c == 'A' || c == 'Z' || c == 'b' || c == 'B') {
        e->kind = ESC_AT;
        e->value = (uint32_t)c;
        return true;
    }
    bool handled;
    if (!common_escape(t, start, c, e, &handled))
        return false;
    if (handled)
        return true;
    if (is_digit(c))
        return number_escape(t, start, c, e);
    return plain_escape(t, start, c, e);
}

static void emit_groupref(Tr *t, uint32_t g)
{
    char buf[24];
    snprintf(buf, sizeof buf, "\\g{%u}", g);
    emit(t, buf);
}

/* ---- character classes ---------------------------------------------------- */

/* One member of a class: a character or a category escape.  *tok: the
 * length of its first token (for the "bad character range" message). */
static bool class_item(Tr *t, Esc *e, size_t *tok)
{
    size_t len;
    if (!token_len(t, &len))
        return false;
    *tok = len;
    if (len == 2)
        return class_escape(t, e);
    e->kind = ESC_LITERAL;
    e->value = t->cp[t->pos++];
    return true;
}

static void emit_class_item(Tr *t, const Esc *e)
{
    if (e->kind == ESC_CATEGORY)
        emit_category(t, (int32_t)e->value, true);
    else
        emit_literal(t, e->value);
}

/* After '[' (at `here`). */
static bool parse_class(Tr *t, size_t here)
{
    emit(t, "[");
    if (match(t, '^'))
        emit(t, "^");
    for (size_t items = 0;; items++) {
        if (t->pos >= t->n)
            return fail(t, here, "unterminated character set");
        if (t->cp[t->pos] == ']' && items > 0) {
            t->pos++;
            break;
        }
        size_t first = t->pos, tok1, tok2;
        Esc a, b;
        if (!class_item(t, &a, &tok1))
            return false;
        if (!match(t, '-')) {
            emit_class_item(t, &a);
            continue;
        }
        if (t->pos >= t->n)
            return fail(t, here, "unterminated character set");
        if (t->cp[t->pos] == ']') {        /* [a-]: a and '-' */
            t->pos++;
            emit_class_item(t, &a);
            emit(t, "\\-");
            break;
        }
        size_t second = t->pos;
        if (!class_item(t, &b, &tok2))
            return false;
        if (a.kind != ESC_LITERAL || b.kind != ESC_LITERAL || b.value < a.value)
            return failv(t, t->pos - (tok1 + 1 + tok2),
                         rt_str_format_c("bad character range %S-%S",
                                         slice(t, first, first + tok1),
                                         slice(t, second, second + tok2)));
        emit_literal(t, a.value);
        emit(t, "-");
        emit_literal(t, b.value);
    }
    emit(t, "]");
    return true;
}

/* ---- quantifiers ---------------------------------------------------------- */

/* Digits as a count, saturating at MAXREPEAT (an OverflowError for CPython). */
static bool read_count(Tr *t, uint64_t *v, bool *any)
{
    *v = 0;
    *any = false;
    while (is_digit(peek(t))) {
        *any = true;
        *v = *v * 10 + (t->cp[t->pos++] - '0');
        if (*v >= MAXREPEAT) {
            rt_raisef(&rt_OverflowError, "the repetition number is too large");
            return false;
        }
    }
    return true;
}

/* '{' at here-1: a {m,n} quantifier written to `q`, or *literal = true (and
 * the position restored) when the braces do not form one. */
static bool brace_quantifier(Tr *t, size_t here, char *q, size_t qsize, bool *literal)
{
    *literal = false;
    if (peek(t) == '}') {
        *literal = true;
        return true;
    }
    uint64_t lo, hi;
    bool has_lo, has_hi, comma;
    if (!read_count(t, &lo, &has_lo))
        return false;
    comma = match(t, ',');
    if (comma) {
        if (!read_count(t, &hi, &has_hi))
            return false;
    } else {
        hi = lo;
        has_hi = has_lo;
    }
    if (!match(t, '}')) {
        *literal = true;
        t->pos = here;
        return true;
    }
    if (has_hi && hi < lo)
        return fail(t, here, "min repeat greater than max repeat");
    if (lo > PCRE2_MAXREPEAT || (has_hi && hi > PCRE2_MAXREPEAT))
        return fail(t, here, "repeat counts above 65535 are not supported by pvm's re (PCRE2)");
    if (!comma)
        snprintf(q, qsize, "{%u}", (unsigned)lo);
    else if (has_hi)
        snprintf(q, qsize, "{%u,%u}", (unsigned)lo, (unsigned)hi);
    else
        snprintf(q, qsize, "{%u,}", (unsigned)lo);
    return true;
}

/* A quantifier character c at start; *last is the previous item's kind. */
static bool quantifier(Tr *t, int32_t c, size_t start, int *last)
{
    char q[48] = { (char)c, 0 };
    if (c == '{') {
        bool literal;
        if (!brace_quantifier(t, t->pos, q, sizeof q, &literal))
            return false;
        if (literal) {
            emit(t, "\\{");
            *last = LAST_ATOM;
            return true;
        }
    }
    if (*last == LAST_NONE || *last == LAST_AT)
        return fail(t, start, "nothing to repeat");
    if (*last == LAST_REPEAT)
        return fail(t, start, "multiple repeat");
    emit(t, q);
    if (match(t, '?'))
        emit(t, "?");               /* lazy */
    else if (match(t, '+'))
        emit(t, "+");               /* possessive */
    *last = LAST_REPEAT;
    return true;
}

/* ---- groups ---------------------------------------------------------------- */

static void grow_groups(Tr *t)
{
    if (t->groups + 1 < t->cap)
        return;
    size_t cap = t->cap * 2;
    uint8_t *open = gc_alloc(cap);
    uint32_t *parent = gc_alloc(cap * sizeof *parent);
    memcpy(open, t->open, t->cap);
    memcpy(parent, t->parent, t->cap * sizeof *parent);
    t->open = open;
    t->parent = parent;
    t->cap = cap;
}

/* Open a capturing group (named when name is not VAL_NULL). */
static bool open_group(Tr *t, Value name)
{
    grow_groups(t);
    size_t g = ++t->groups;
    if (name != VAL_NULL) {
        Value old = rt_dict_get_str(t->groupindex, name);
        if (old != VAL_NULL)
            return failv(t, t->pos - AS_STR(name)->length - 1,
                         rt_str_format_c("redefinition of group name %R as group %zu; "
                                         "was group %zd", name, g, small_value(old)));
        rt_dict_set(t->groupindex, name, small_new((intptr_t)g));
    }
    rt_list_append(t->names, name != VAL_NULL ? name : rt_None);
    t->open[g] = 1;
    t->parent[g] = t->current;
    t->current = (uint32_t)g;
    emit(t, "(");
    return true;
}

static void close_group(Tr *t)
{
    uint32_t g = t->current;
    t->open[g] = 0;
    t->current = t->parent[g];
}

/* The body of a group up to its ')', in the given scope flags. */
static bool group_body(Tr *t, size_t start, bool verbose, bool ascii)
{
    bool saved_verbose = t->verbose, saved_ascii = t->ascii;
    t->verbose = verbose;
    t->ascii = ascii;
    if (!parse_alt(t, false))
        return false;
    t->verbose = saved_verbose;
    t->ascii = saved_ascii;
    if (!match(t, ')'))
        return fail(t, start, "missing ), unterminated subpattern");
    emit(t, ")");
    return true;
}

static int flag_of(int32_t c)
{
    switch (c) {
    case 'a': return RE_ASCII;
    case 'i': return RE_IGNORECASE;
    case 'L': return RE_LOCALE;
    case 'm': return RE_MULTILINE;
    case 's': return RE_DOTALL;
    case 'u': return RE_UNICODE;
    case 'x': return RE_VERBOSE;
    }
    return 0;
}

#define TYPE_FLAGS (RE_ASCII | RE_LOCALE | RE_UNICODE)

/* The next token for the flag parser: its first character (-1 at the end,
 * '\\' for an escape, which is never a flag) and its length. */
static bool flag_token(Tr *t, int32_t *c, size_t *len)
{
    *c = peek(t);
    *len = 1;
    if (*c < 0)
        return true;
    if (!token_len(t, len))
        return false;
    t->pos += *len;
    return true;
}

static bool is_alpha_token(int32_t c, size_t len)
{
    return len == 1 && (is_ascii_letter(c) || (c >= 0x80 && rt_uni_isalpha((uint32_t)c)));
}

/* _parse_flags: c is the first character after "(?".  global is set for
 * "(?flags)"; otherwise add and del are a scoped group's flags. */
static bool parse_flags(Tr *t, int32_t c, int *add, int *del, bool *global)
{
    size_t len = 1;
    *add = *del = 0;
    *global = false;
    if (c != '-') {
        for (;;) {
            int flag = flag_of(c);
            if (c == 'L')
                return fail(t, t->pos, "bad inline flags: cannot use 'L' flag with a str pattern");
            *add |= flag;
            if ((flag & TYPE_FLAGS) && (*add & TYPE_FLAGS) != flag)
                return fail(t, t->pos, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            if (!flag_token(t, &c, &len))
                return false;
            if (c < 0)
                return fail(t, t->pos, "missing -, : or )");
            if (len == 1 && (c == ')' || c == '-' || c == ':'))
                break;
            if (len != 1 || !flag_of(c))
                return fail(t, t->pos - len, is_alpha_token(c, len) ? "unknown flag"
                                                                    : "missing -, : or )");
        }
    }
    if (c == ')') {
        *global = true;
        return true;
    }
    if (c == '-') {
        if (!flag_token(t, &c, &len))
            return false;
        if (c < 0)
            return fail(t, t->pos, "missing flag");
        if (len != 1 || !flag_of(c))
            return fail(t, t->pos - len, is_alpha_token(c, len) ? "unknown flag" : "missing flag");
        for (;;) {
            int flag = flag_of(c);
            if (flag & TYPE_FLAGS)
                return fail(t, t->pos, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            *del |= flag;
            if (!flag_token(t, &c, &len))
                return false;
            if (c < 0)
                return fail(t, t->pos, "missing :");
            if (len == 1 && c == ':')
                break;
            if (len != 1 || !flag_of(c))
                return fail(t, t->pos - len, is_alpha_token(c, len) ? "unknown flag" : "missing :");
        }
    }
    if (*add & *del)
        return fail(t, t->pos - 1, "bad inline flags: flag turned on and off");
    return true;
}

/* (?flags:...) or the global (?flags).  start: the '('. */
static bool flag_group(Tr *t, int32_t c, size_t start, bool first, size_t items, int *last)
{
    int add, del;
    bool global;
    if (!parse_flags(t, c, &add, &del, &global))
        return false;
    if (global) {
        if (!first || items > 0)
            return fail(t, start, "global flags not at the start of the expression");
        t->flags |= add;
        t->verbose = (t->flags & RE_VERBOSE) != 0;
        t->ascii = (t->flags & RE_ASCII) != 0;
        return true;                    /* no item: *last unchanged */
    }
    /* PCRE2 gets the flags it knows (i, m, s); x, a and u are handled here. */
    static const struct { int flag; char letter; } known[] = {
        { RE_IGNORECASE, 'i' }, { RE_MULTILINE, 'm' }, { RE_DOTALL, 's' },
    };
    emit(t, "(?");
    for (size_t i = 0; i < 3; i++)
        if (add & known[i].flag)
            sb_addc(t->out, known[i].letter);
    if (del & (RE_IGNORECASE | RE_MULTILINE | RE_DOTALL)) {
        emit(t, "-");
        for (size_t i = 0; i < 3; i++)
            if (del & known[i].flag)
                sb_addc(t->out, known[i].letter);
    }
    emit(t, ":");
    bool verbose = (t->verbose || (add & RE_VERBOSE)) && !(del & RE_VERBOSE);
    bool ascii = (add & RE_ASCII) ? true : (add & RE_UNICODE) ? false : t->ascii;
    *last = LAST_ATOM;
    return group_body(t, start, verbose, ascii);
}

/* (?P<name>...) or (?P=name), after "(?P". */
static bool p_group(Tr *t, size_t start, int *last)
{
    if (match(t, '<')) {
        Value name = get_until(t, '>', "group name");
        if (name == VAL_NULL || !check_group_name(t, name) || !open_group(t, name))
            return false;
        if (!group_body(t, start, t->verbose, t->ascii))
            return false;
        close_group(t);
        *last = LAST_ATOM;
        return true;
    }
    if (match(t, '=')) {
        Value name = get_until(t, ')', "group name");
        if (name == VAL_NULL || !check_group_name(t, name))
            return false;
        Value gid = rt_dict_get_str(t->groupindex, name);
        size_t at = t->pos - AS_STR(name)->length - 1;
        if (gid == VAL_NULL)
            return failv(t, at, rt_str_format_c("unknown group name %R", name));
        if (t->open[small_value(gid)])
            return fail(t, at, "cannot refer to an open group");
        emit_groupref(t, (uint32_t)small_value(gid));
        *last = LAST_ATOM;
        return true;
    }
    if (t->pos >= t->n)
        return fail(t, t->pos, "unexpected end of pattern");
    size_t len;
    if (!token_len(t, &len))
        return false;
    t->pos += len;
    return failv(t, t->pos - len - 2, rt_str_format_c("unknown extension ?P%S",
                                                      slice(t, t->pos - len, t->pos)));
}

/* (?(1)yes|no) or (?(name)yes|no), after "(?(". */
static bool conditional(Tr *t, size_t start, int *last)
{
    Value name = get_until(t, ')', "group name");
    if (name == VAL_NULL)
        return false;
    size_t at = t->pos - AS_STR(name)->length - 1;
    uint64_t g = 0;
    if (is_identifier(name)) {
        Value gid = rt_dict_get_str(t->groupindex, name);
        if (gid == VAL_NULL)
            return failv(t, at, rt_str_format_c("unknown group name %R", name));
        g = (uint64_t)small_value(gid);
    } else {
        const char *s = rt_str_cstr(name);
        for (; *s; s++) {
            if (!is_digit(*s) || g > 1000000000)
                return failv(t, at, rt_str_format_c("bad character in group name %R", name));
            g = g * 10 + (uint64_t)(*s - '0');
        }
        if (g == 0)
            return fail(t, at, "bad group number");
        if (rt_dict_get(t->condrefs, small_new((intptr_t)g), NULL) == VAL_NULL)
            rt_dict_set(t->condrefs, small_new((intptr_t)g), small_new((intptr_t)at));
    }
    char buf[32];
    snprintf(buf, sizeof buf, "(?(%u)", (unsigned)g);
    emit(t, buf);
    if (!parse_seq(t, false))
        return false;
    if (match(t, '|')) {
        emit(t, "|");
        if (!parse_seq(t, false))
            return false;
        if (peek(t) == '|')
            return fail(t, t->pos, "conditional backref with more than two branches");
    }
    if (!match(t, ')'))
        return fail(t, start, "missing ), unterminated subpattern");
    emit(t, ")");
    *last = LAST_ATOM;
    return true;
}

/* After '(' at start.  *last becomes the kind of item written (unchanged
 * for comments and global flags, which write nothing). */
static bool parse_group(Tr *t, size_t start, bool first, size_t items, int *last)
{
    if (!match(t, '?')) {
        if (!open_group(t, VAL_NULL) || !group_body(t, start, t->verbose, t->ascii))
            return false;
        close_group(t);
        *last = LAST_ATOM;
        return true;
    }
    if (t->pos >= t->n)
        return fail(t, t->pos, "unexpected end of pattern");
    size_t len;
    if (!token_len(t, &len))
        return false;
    int32_t c = len == 1 ? (int32_t)t->cp[t->pos] : '\\';
    t->pos += len;
    switch (c) {
    case 'P':
        return p_group(t, start, last);
    case ':':
        emit(t, "(?:");
        *last = LAST_ATOM;
        return group_body(t, start, t->verbose, t->ascii);
    case '>':
        emit(t, "(?>");
        *last = LAST_ATOM;
        return group_body(t, start, t->verbose, t->ascii);
    case '#':
        for (;;) {
            if (t->pos >= t->n)
                return fail(t, start, "missing ), unterminated comment");
            if (!token_len(t, &len))
                return false;
            t->pos += len;
            if (len == 1 && t->cp[t->pos - 1] == ')')
                return true;
        }
    case '=': case '!':
        emit(t, c == '=' ? "(?=" : "(?!");
        *last = LAST_ATOM;
        return group_body(t, start, t->verbose, t->ascii);
    case '<':
        if (t->pos >= t->n)
            return fail(t, t->pos, "unexpected end of pattern");
        if (!token_len(t, &len))
            return false;
        t->pos += len;
        if (len == 1 && (t->cp[t->pos - 1] == '=' || t->cp[t->pos - 1] == '!')) {
            emit(t, t->cp[t->pos - 1] == '=' ? "(?<=" : "(?<!");
            *last = LAST_ATOM;
            return group_body(t, start, t->verbose, t->ascii);
        }
        return failv(t, t->pos - len - 2, rt_str_format_c("unknown extension ?<%S",
                                                          slice(t, t->pos - len, t->pos)));
    case '(':
        return conditional(t, start, last);
    }
    if (c == '-' || flag_of(c))
        return flag_group(t, c, start, first, items, last);
    return failv(t, t->pos - len - 1,
                 rt_str_format_c("unknown extension ?%S", slice(t, t->pos - len, t->pos)));
}

/* ---- sequences and alternatives ------------------------------------------ */

static bool is_verbose_space(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Skip a verbose-mode comment up to and including the newline. */
static bool skip_comment(Tr *t)
{
    while (t->pos < t->n) {
        size_t len;
        if (!token_len(t, &len))
            return false;
        t->pos += len;
        if (len == 1 && t->cp[t->pos - 1] == '\n')
            break;
    }
    return true;
}

static bool parse_escape_item(Tr *t, int *last)
{
    Esc e;
    if (!escape(t, &e))
        return false;
    switch (e.kind) {
    case ESC_LITERAL:  emit_literal(t, e.value); *last = LAST_ATOM; break;
    case ESC_CATEGORY: emit_category(t, (int32_t)e.value, false); *last = LAST_ATOM; break;
    case ESC_GROUPREF: emit_groupref(t, e.value); *last = LAST_ATOM; break;
    case ESC_AT:
        if (e.value == 'A')
            emit(t, "\\A");
        else if (e.value == 'Z')
            emit(t, "\\z");             /* Python's \Z is PCRE2's \z */
        else
            emit_boundary(t, e.value == 'B');
        *last = LAST_AT;
        break;
    }
    return true;
}

/* _parse: items up to '|', ')' or the end.  first: the start of the whole
 * pattern, where global flags may appear. */
static bool parse_seq(Tr *t, bool first)
{
    int last = LAST_NONE;
    for (size_t items = 0;; ) {
        int32_t c = peek(t);
        if (c < 0 || c == '|' || c == ')')
            return true;
        size_t start = t->pos;
        if (t->verbose && is_verbose_space(c)) {
            t->pos++;
            continue;
        }
        if (t->verbose && c == '#') {
            t->pos++;
            if (!skip_comment(t))
                return false;
            continue;
        }
        bool ok;
        if (c == '\\') {
            size_t len;
            ok = token_len(t, &len) && parse_escape_item(t, &last);
        } else {
            t->pos++;
            switch (c) {
            case '[': ok = parse_class(t, start); last = LAST_ATOM; break;
            case '(': {
                int kind = -1;          /* stays -1: a comment or global flags */
                ok = parse_group(t, start, first, items, &kind);
                if (kind < 0) {
                    if (!ok)
                        return false;
                    continue;
                }
                last = kind;
                break;
            }
            case '*': case '+': case '?': case '{':
                ok = quantifier(t, c, start, &last);
                break;
            case '.': emit(t, "."); last = LAST_ATOM; ok = true; break;
            case '^': emit(t, "^"); last = LAST_AT; ok = true; break;
            case '$': emit(t, "$"); last = LAST_AT; ok = true; break;
            default: emit_literal(t, (uint32_t)c); last = LAST_ATOM; ok = true; break;
            }
        }
        if (!ok)
            return false;
        items++;
    }
}

static bool parse_alt(Tr *t, bool top)
{
    for (bool first = top;; first = false) {
        if (!parse_seq(t, first))
            return false;
        if (!match(t, '|'))
            return true;
        emit(t, "|");
    }
}

/* ---- the entry point ------------------------------------------------------ */

static bool fix_flags(Tr *t)
{
    if (t->flags & RE_LOCALE) {
        rt_raisef(&rt_ValueError, "cannot use LOCALE flag with a str pattern");
        return false;
    }
    if (!(t->flags & RE_ASCII))
        t->flags |= RE_UNICODE;
    else if (t->flags & RE_UNICODE) {
        rt_raisef(&rt_ValueError, "ASCII and UNICODE flags are incompatible");
        return false;
    }
    return true;
}

/* Conditional references to groups defined later must exist by the end. */
static bool check_condrefs(Tr *t)
{
    Value g, at;
    for (size_t i = 0; rt_dict_next(t->condrefs, &i, &g, &at);)
        if ((size_t)small_value(g) > t->groups)
            return failv(t, (size_t)small_value(at),
                         rt_str_format_c("invalid group reference %zd", small_value(g)));
    return true;
}

bool re_translate(Value pattern, int flags, ReTranslation *out)
{
    Tr t = { 0 };
    t.pattern = pattern;
    t.n = AS_STR(pattern)->length;
    if (AS_STR(pattern)->ascii) {
        uint32_t *cp = gc_alloc_atomic((t.n + 1) * sizeof *cp);
        for (size_t i = 0; i < t.n; i++)
            cp[i] = (unsigned char)rt_str_cstr(pattern)[i];
        t.cp = cp;
    } else {
        t.cp = rt_str_codepoints(pattern);
    }
    sb_init(&out->out);
    t.out = &out->out;
    t.flags = flags;
    t.verbose = (flags & RE_VERBOSE) != 0;
    t.ascii = (flags & RE_ASCII) != 0;
    t.cap = 16;
    t.open = gc_alloc(t.cap);
    t.parent = gc_alloc(t.cap * sizeof *t.parent);
    t.groupindex = rt_dict_new();
    t.names = rt_list_new(0);
    rt_list_append(t.names, rt_None);
    t.condrefs = rt_dict_new();

    if (!parse_alt(&t, true))
        return false;
    if (t.pos < t.n)                    /* parse_alt stops only at ')' */
        return fail(&t, t.pos, "unbalanced parenthesis");
    if (!fix_flags(&t) || !check_condrefs(&t))
        return false;
    out->flags = t.flags;
    out->groups = t.groups;
    out->groupindex = t.groupindex;
    out->indexgroup = rt_list_as_tuple(t.names);
    out->parent = t.parent;
    return true;
}
