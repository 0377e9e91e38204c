/*
 * traceback.c — traceback objects, and printing an uncaught exception the
 * way CPython 3.11 does, byte for byte:
 *
 *   Traceback (most recent call last):
 *     File "x.py", line 7, in <module>
 *       main()
 *     File "x.py", line 3, in main
 *       return 1 / 0
 *              ~~^~~
 *   ZeroDivisionError: division by zero
 *
 * The traceback.  Each frame an exception passes through prepends one
 * ObjTraceback entry (code object + instruction index), so the list runs
 * from the outermost frame to the innermost — the printing order.
 *
 * The report follows CPython's Python/pythonrun.c (print_exception and its
 * chaining) and Python/traceback.c (tb_printinternal, tb_displayline):
 *   - older exceptions in the __cause__ / __context__ chain first, joined by
 *     "The above exception was the direct cause..." / "During handling...";
 *   - at most the last sys.tracebacklimit entries (1000 by default; none,
 *     header included, when it is 0 or less);
 *   - after 3 identical entries in a row (same file, line and function, as
 *     in deep recursion), "[Previous line repeated N more times]";
 *   - under each source line, markers for the failing instruction's columns:
 *     ^^^^ in general, and for a binary operation or a subscript ~~~ under
 *     the operands and ^ under the operator or the [index].  CPython finds
 *     the operator by parsing the marked text with its real parser; pvm has
 *     no parser, so a small tokenizer below recovers the same two facts
 *     (where the left operand ends, where the right one starts);
 *   - the source line decoded from the encoding the file declares (PEP 263),
 *     as CPython's _Py_DisplaySourceLine finds it with its tokenizer.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/code.h"
#include "runtime/codecs.h"
#include "runtime/class.h"
#include "vm/vm.h"
#include "vm/frame.h"
#include "vm/frameobject.h"

/* ---- Traceback objects ------------------------------------------------------ */

Value rt_traceback_here(Value tb_next, Value frame, ObjCode *code, int lasti)
{
    ObjTraceback *tb = gc_alloc(sizeof *tb);
    tb->ob.type = &rt_traceback_type;
    tb->next = tb_next != VAL_NULL ? tb_next : rt_None;
    tb->frame = frame;
    tb->code = code;
    tb->lasti = lasti;
    return obj_val(tb);
}

void rt_exc_add_traceback(Value exc, Value frame, ObjCode *code, int lasti)
{
    ObjException *e = AS_EXC(exc);
    e->traceback = rt_traceback_here(e->traceback, frame, code, lasti);
}

#define AS_TB(v) VAL_AS(ObjTraceback, v)

static int tb_line(ObjTraceback *tb)
{
    return tb->has_lineno ? tb->lineno : rt_code_line(tb->code, tb->lasti);
}

static Value tb_get_next(Value self) { return AS_TB(self)->next; }
static Value tb_get_lineno(Value self) { return small_new(tb_line(AS_TB(self))); }
static Value tb_get_lasti(Value self)
{
    return small_new((intptr_t)AS_TB(self)->lasti * 2 + AS_TB(self)->lasti_odd);
}
static Value tb_get_frame(Value self) { return AS_TB(self)->frame; }

/* tb.tb_next = t: another traceback or None, without making a loop. */
static int tb_set_next(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != rt_None && !IS_EXACT(v, rt_traceback_type)) {
        rt_raisef(&rt_TypeError, "expected traceback object, got '%s'", val_type(v)->name);
        return -1;
    }
    for (Value t = v; t != rt_None; t = AS_TB(t)->next)
        if (t == self) {
            rt_raisef(&rt_ValueError, "traceback loop detected");
            return -1;
        }
    AS_TB(self)->next = v;
    return 0;
}

static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next}, {"tb_frame", tb_get_frame},
    {"tb_lasti", tb_get_lasti}, {"tb_lineno", tb_get_lineno},
    {NULL},
};

/* types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno): an entry
 * for a frame object (vm/frameobject.h), printed with the line given. */
static Value tb_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "tb_next", "tb_frame", "tb_lasti", "tb_lineno" };
    /* 3.13's Argument Clinic calls it traceback() */
    static const ArgSpec spec = { "TracebackType", names, 4, 0, 4, 4, false };
    static const ArgSpec spec313 = { "traceback", names, 4, 0, 4, 4, false };
    const ArgSpec *sp = rt_py_minor >= 13 ? &spec313 : &spec;
    Value a[4];
    if (!rt_parse_args(sp, args, nargs, kwnames, a))
        return VAL_NULL;
    ObjCode *code = vm_frame_code(a[1]);
    if (code == NULL)
        return rt_raisef(&rt_TypeError, "%s() argument 'tb_frame' must be frame, not %s",
                         sp->fname, a[1] == rt_None ? "None" : val_type(a[1])->name);
    if (a[0] != rt_None && !IS_EXACT(a[0], rt_traceback_type))
        return rt_raisef(&rt_TypeError, "expected traceback object or None, got '%s'",
                         val_type(a[0])->name);
    ssize_t lasti, lineno;
    if (!rt_as_ssize(a[2], &lasti) || !rt_as_ssize(a[3], &lineno))
        return VAL_NULL;
    ObjTraceback *tb = AS_TB(rt_traceback_here(a[0], a[1], code, (int)(lasti / 2)));
    tb->lasti_odd = (int8_t)(lasti % 2);
    tb->has_lineno = true;
    tb->lineno = (int)lineno;
    return obj_val(tb);
}

/* tb.__dir__(): its four attributes only, in CPython's order */
static Value tb_dir(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__dir__", nargs - 1, kwnames))
        return VAL_NULL;
    static const char *const names[] = {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"};
    Value list = rt_list_new(4);
    for (size_t i = 0; i < 4; i++)
        rt_list_append(list, rt_str_intern_cstr(names[i]));
    return list;
}

static const MethodDef tb_methods[] = {
    {"__dir__", tb_dir},
    {NULL},
};

ObjType rt_traceback_type = {
    .ob.type = &rt_type_type, .name = "traceback", .base = &rt_object_type,
    .new_ = tb_new, .getsets = tb_getsets,
};

void rt_traceback_init(void)
{
    rt_type_ready(&rt_traceback_type, tb_methods);
}

/* ---- Reading a source line --------------------------------------------------- */

/* A line of source text, without its line terminator. */
typedef struct SrcLine {
    char *text;                 /* NUL-terminated */
    size_t len;                 /* bytes */
} SrcLine;

/* The next line of f, without its terminator (lines end at \n, \r\n or
 * \r, as in Python's text files); false at the end of the file. */
static bool read_line(FILE *f, SrcLine *out)
{
    size_t cap = 128, len = 0;
    char *buf = gc_alloc_atomic(cap);
    int c;
    while ((c = getc(f)) != EOF && c != '\n' && c != '\r') {
        if (len + 2 > cap)
            buf = gc_realloc(buf, cap *= 2);
        buf[len++] = (char)c;
    }
    if (c == '\r') {
        int d = getc(f);
        if (d != '\n' && d != EOF)
            ungetc(d, f);
    }
    buf[len] = '\0';
    out->text = buf;
    out->len = len;
    return len > 0 || c != EOF;     /* an empty line that exists */
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

/* PEP 263's coding declaration in a comment line ("# -*- coding: latin-1
 * -*-", "# vim: set fileencoding=gbk :"): the encoding's name, or VAL_NULL
 * when the line declares none. */
static Value coding_cookie(const SrcLine *line)
{
    const char *p = line->text;
    while (is_space(*p))
        p++;
    if (*p != '#')
        return VAL_NULL;
    for (const char *k = strstr(p, "coding"); k != NULL; k = strstr(k + 1, "coding")) {
        const char *v = k + 6;
        if (*v != ':' && *v != '=')
            continue;
        for (v++; *v == ' ' || *v == '\t'; v++)
            ;
        size_t n = strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");
        if (n > 0)
            return rt_str_new(v, n);
    }
    return VAL_NULL;
}

/* The encoding a source file is written in, as CPython's tokenizer decides
 * it: a coding declaration on the first line, or on the second when the
 * first is blank or a comment; else UTF-8 (VAL_NULL). */
static Value source_encoding(FILE *f)
{
    SrcLine first, second;
    Value enc = VAL_NULL;
    if (read_line(f, &first)) {
        enc = coding_cookie(&first);
        const char *p = first.text;
        while (is_space(*p))
            p++;
        if (enc == VAL_NULL && (*p == '\0' || *p == '#') && read_line(f, &second))
            enc = coding_cookie(&second);
    }
    rewind(f);
    return enc;
}

/* Line `lineno` (1-based) of the file as UTF-8 text, decoded from the
 * encoding the file declares.  False if the file cannot be read, is
 * shorter, or the line does not decode (then CPython shows no line
 * either). */
static bool read_source_line(const char *path, int lineno, SrcLine *out)
{
    if (lineno < 1)
        return false;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    Value enc = source_encoding(f);
    bool found = true;
    for (int line = 1; found && line <= lineno; line++)
        found = read_line(f, out);
    fclose(f);
    if (!found)
        return false;
    if (enc == VAL_NULL || rt_err_occurred())
        return rt_utf8_valid((unsigned char *)out->text, out->len, NULL);
    /* Another encoding: its codec (which may be written in Python). */
    Value text = rt_text_decode((unsigned char *)out->text, out->len, enc, VAL_NULL);
    if (text == VAL_NULL) {
        rt_err_clear();
        return false;
    }
    out->text = (char *)rt_str_cstr(text);
    out->len = rt_str_nbytes(text);
    return true;
}


/* Code points in the first `nbytes` bytes of s (CPython's
 * _PyPegen_byte_offset_to_character_offset, including its clamp at len+1,
 * where the terminating NUL counts as one character). */
static int byte_to_char(const char *s, size_t len, long nbytes)
{
    if (nbytes > (long)len + 1)
        nbytes = (long)len + 1;
    int n = 0;
    for (long i = 0; i < nbytes; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Byte offset of code point `ch` in s (clamped to len). */
static size_t char_to_byte(const char *s, size_t len, int ch)
{
    size_t i = 0;
    for (int n = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80 && n++ == ch)
            return i;
    }
    return len;
}

/* ---- Locating the operator: a tiny tokenizer -------------------------------------
 *
 * The marked text (the "segment") is what one instruction computes, e.g.
 * `a[i] + f(x)` for a BINARY_OP.  CPython parses it and, if it is a binary
 * operation, puts ^ under the operator; if a subscript, under `[...]`.  Only
 * the top node's shape matters, so tokens and bracket matching suffice:
 * the top binary operator is the depth-0 operator of lowest precedence (the
 * rightmost one, or for the right-associative ** the leftmost).
 */

enum { TK_NAME, TK_NUMBER, TK_STRING, TK_OP };

typedef struct Token {
    int kind;
    int start, end;             /* byte offsets in the segment */
    int match;                  /* for brackets: index of the partner */
    char op[4];                 /* TK_OP: the operator text */
} Token;

typedef struct Tokens {
    const char *s;
    int n;
    Token *t;
} Tokens;

static const char *const operators3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *const operators2[] = {
    "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=",
    "/=", "%=", "&=", "|=", "^=", "@=", NULL};
static const char operators1[] = "+-*/%@&|^~<>()[]{},:;.=";

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_name_char(unsigned char c, bool first)
{
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return c == '_' || letter || c >= 0x80 || (!first && is_digit((char)c));
}

/* Length of the operator at s, or 0. */
static int operator_length(const char *s)
{
    for (int i = 0; operators3[i]; i++)
        if (strncmp(s, operators3[i], 3) == 0) return 3;
    for (int i = 0; operators2[i]; i++)
        if (strncmp(s, operators2[i], 2) == 0) return 2;
    return *s != '\0' && strchr(operators1, *s) != NULL ? 1 : 0;
}

/* End of the string literal whose quote is at s[i], or -1 if unterminated. */
static int string_end(const char *s, int n, int i)
{
    char q = s[i];
    bool triple = i + 2 < n && s[i + 1] == q && s[i + 2] == q;
    int j = i + (triple ? 3 : 1);
    while (j < n) {
        if (s[j] == '\\') { j += 2; continue; }
        if (s[j] == q && (!triple || (j + 2 < n && s[j + 1] == q && s[j + 2] == q)))
            return j + (triple ? 3 : 1);
        j++;
    }
    return -1;
}

/* A number: digits, letters, '_', '.', and a sign after a decimal exponent. */
static int number_end(const char *s, int n, int i)
{
    bool hex = s[i] == '0' && i + 1 < n && (s[i + 1] | 0x20) == 'x';
    int j = i;
    while (j < n) {
        unsigned char c = (unsigned char)s[j];
        if (is_name_char(c, false) || c == '.')
            j++;
        else if ((c == '+' || c == '-') && !hex && (s[j - 1] | 0x20) == 'e')
            j++;
        else
            break;
    }
    return j;
}

/* Is the name s[i..j) a string prefix (r, b, f, u, rb, fr, ...)? */
static bool is_string_prefix(const char *s, int i, int j)
{
    if (j - i > 2)
        return false;
    for (int k = i; k < j; k++)
        if (!strchr("rRbBfFuU", s[k]))
            return false;
    return true;
}

/* Scan the next token at s[*pos]; returns 1 on a token, 0 at the end, -1 on
 * text that is not Python. */
static int next_token(const char *s, int n, int *pos, Token *tok)
{
    int i = *pos;
    while (i < n && is_space(s[i]))
        i++;
    if (i >= n || s[i] == '#')
        return 0;
    unsigned char c = (unsigned char)s[i];
    int j;
    tok->start = i;
    tok->match = -1;
    tok->op[0] = '\0';
    if (is_name_char(c, true)) {
        for (j = i; j < n && is_name_char((unsigned char)s[j], false); j++) {}
        tok->kind = TK_NAME;
        if (j < n && (s[j] == '\'' || s[j] == '"') && is_string_prefix(s, i, j)) {
            j = string_end(s, n, j);
            tok->kind = TK_STRING;
        }
    } else if (is_digit((char)c) || (c == '.' && i + 1 < n && is_digit(s[i + 1]))) {
        j = number_end(s, n, i);
        tok->kind = TK_NUMBER;
    } else if (c == '\'' || c == '"') {
        j = string_end(s, n, i);
        tok->kind = TK_STRING;
    } else {
        int len = operator_length(s + i);
        if (len == 0)
            return -1;
        memcpy(tok->op, s + i, (size_t)len);
        tok->op[len] = '\0';
        j = i + len;
        tok->kind = TK_OP;
    }
    if (j < 0)
        return -1;
    tok->end = j;
    *pos = j;
    return 1;
}

static bool tok_is(const Token *t, const char *text)
{
    return t->kind == TK_OP && strcmp(t->op, text) == 0;
}

static bool name_is(const Tokens *ts, int i, const char *word)
{
    const Token *t = &ts->t[i];
    size_t len = strlen(word);
    return t->kind == TK_NAME && (size_t)(t->end - t->start) == len &&
           strncmp(ts->s + t->start, word, len) == 0;
}

/* Pair up brackets; false if they do not balance. */
static bool match_brackets(Tokens *ts)
{
    int stack[256], depth = 0;
    for (int i = 0; i < ts->n; i++) {
        Token *t = &ts->t[i];
        if (tok_is(t, "(") || tok_is(t, "[") || tok_is(t, "{")) {
            if (depth == 256) return false;
            stack[depth++] = i;
        } else if (tok_is(t, ")") || tok_is(t, "]") || tok_is(t, "}")) {
            if (depth == 0) return false;
            Token *open = &ts->t[stack[--depth]];
            char want = t->op[0] == ')' ? '(' : t->op[0] == ']' ? '[' : '{';
            if (open->op[0] != want) return false;
            open->match = i;
            t->match = stack[depth];
        }
    }
    return depth == 0;
}

static bool tokenize(const char *s, int n, Tokens *ts)
{
    ts->s = s;
    ts->n = 0;
    ts->t = gc_alloc_atomic(sizeof(Token) * (size_t)(n + 1));
    int pos = 0, r;
    while ((r = next_token(s, n, &pos, &ts->t[ts->n])) == 1)
        ts->n++;
    return r == 0 && match_brackets(ts);
}

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield", NULL};

static bool is_keyword(const Tokens *ts, int i)
{
    for (int k = 0; keywords[k]; k++)
        if (name_is(ts, i, keywords[k]))
            return true;
    return false;
}

/* Does token i end an operand (so that a following + or [ is binary / a
 * subscript rather than unary / a list display)? */
static bool ends_operand(const Tokens *ts, int i)
{
    const Token *t = &ts->t[i];
    if (t->kind == TK_NUMBER || t->kind == TK_STRING)
        return true;
    if (t->kind == TK_NAME)
        return !is_keyword(ts, i) || name_is(ts, i, "None") ||
               name_is(ts, i, "True") || name_is(ts, i, "False");
    return tok_is(t, ")") || tok_is(t, "]") || tok_is(t, "}");
}

/* Is tokens [lo, hi) a parenthesised expression that is only grouping — not
 * a tuple `(a, b)`, `()` or a generator `(x for x in y)`?  The parser gives
 * such a group the position of what is inside, without the parentheses. */
static bool is_pure_group(const Tokens *ts, int lo, int hi)
{
    if (hi - lo < 3 || !tok_is(&ts->t[lo], "(") || ts->t[lo].match != hi - 1)
        return false;
    for (int i = lo + 1; i < hi - 1; i++) {
        const Token *t = &ts->t[i];
        if (tok_is(t, ",") || name_is(ts, i, "for"))
            return false;
        if (t->match > i)
            i = t->match;
    }
    return true;
}

/* Where the expression node spanning tokens [lo, hi) starts and ends. */
static int node_start(const Tokens *ts, int lo, int hi)
{
    while (is_pure_group(ts, lo, hi)) { lo++; hi--; }
    return ts->t[lo].start;
}

static int node_end(const Tokens *ts, int lo, int hi)
{
    while (is_pure_group(ts, lo, hi)) { lo++; hi--; }
    return ts->t[hi - 1].end;
}

/* Precedence of token i as a binary operator (1 = lowest), or 0. */
static int binary_level(const Tokens *ts, int i, int lo)
{
    static const char *const levels[][6] = {
        {"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"},
        {NULL}, {"**"}};
    const Token *t = &ts->t[i];
    if (t->kind != TK_OP || i == lo || !ends_operand(ts, i - 1))
        return 0;
    for (int l = 0; l < 8; l++)
        for (int k = 0; k < 6 && levels[l][k]; k++)
            if (strcmp(t->op, levels[l][k]) == 0)
                return l + 1;
    return 0;
}

/* Tokens at depth 0 that make the top node something other than a binary
 * operation or subscript (tuple, comparison, boolean, lambda, conditional,
 * assignment ...). */
static bool has_low_precedence_part(const Tokens *ts, int lo, int hi)
{
    static const char *const ops[] = {",", "<", ">", "==", "!=", "<=", ">=", ":=", "=",
                                      ":", ";", "+=", "-=", "*=", "/=", "//=", "%=",
                                      "**=", "&=", "|=", "^=", ">>=", "<<=", "@=", NULL};
    static const char *const words[] = {"lambda", "if", "else", "and", "or", "not",
                                        "in", "is", "yield", "for", "async", NULL};
    for (int i = lo; i < hi; i++) {
        for (int k = 0; ops[k]; k++)
            if (tok_is(&ts->t[i], ops[k])) return true;
        for (int k = 0; words[k]; k++)
            if (name_is(ts, i, words[k])) return true;
        if (ts->t[i].match > i)
            i = ts->t[i].match;
    }
    return false;
}

static bool starts_with_prefix_operator(const Tokens *ts, int lo)
{
    const Token *t = &ts->t[lo];
    return tok_is(t, "-") || tok_is(t, "+") || tok_is(t, "~") || tok_is(t, "*") ||
           name_is(ts, lo, "await");
}

typedef struct Anchors {
    int left, right;            /* segment byte offsets: [left, right) is ^ */
} Anchors;

/* The top binary operator's anchors, as CPython 3.11 places them: the
 * first non-blank character after the left operand's end (a ')' of a
 * grouped left operand counts: a quirk of 3.11 that pvm keeps), widened to
 * two characters if the next one is not blank either (// ** <<). */
static bool binop_anchors(const Tokens *ts, int lo, int hi, Anchors *a)
{
    int best = -1, best_level = 99;
    for (int i = lo; i < hi; i++) {
        int level = binary_level(ts, i, lo);
        bool rightmost_wins = level != 8;        /* ** groups to the right */
        if (level > 0 && (level < best_level || (level == best_level && rightmost_wins))) {
            best = i;
            best_level = level;
        }
        if (ts->t[i].match > i)
            i = ts->t[i].match;
    }
    if (best < 0 || best + 1 >= hi)
        return false;
    if (best_level == 8 && starts_with_prefix_operator(ts, lo) && !name_is(ts, lo, "await"))
        return false;                           /* -a ** b is -(a ** b) */
    int left_end = node_end(ts, lo, best), right_start = node_start(ts, best + 1, hi);
    a->left = a->right = -1;
    for (int i = left_end; i < right_start; i++) {
        if (is_space(ts->s[i]))
            continue;
        a->left = i;
        a->right = i + 1;
        if (i + 1 < right_start && !is_space(ts->s[i + 1]))
            a->right++;
        break;
    }
    return true;
}

/* value[slice]: ^ from the value's end through the slice's end + 1. */
static bool subscript_anchors(const Tokens *ts, int lo, int hi, Anchors *a)
{
    int close = hi - 1, open = ts->t[close].match;
    if (!tok_is(&ts->t[close], "]") || open <= lo || !ends_operand(ts, open - 1) ||
        open + 1 >= close || starts_with_prefix_operator(ts, lo))
        return false;
    a->left = node_end(ts, lo, open);
    a->right = node_end(ts, open + 1, close) + 1;
    return true;
}

/* Find the anchors for a segment; false when it is neither a binary
 * operation nor a subscript (or does not tokenize). */
static bool find_anchors(const char *seg, int n, Anchors *a)
{
    Tokens ts;
    if (!tokenize(seg, n, &ts) || ts.n == 0)
        return false;
    int lo = 0, hi = ts.n;
    if (is_keyword(&ts, lo) && !name_is(&ts, lo, "await") && !name_is(&ts, lo, "None") &&
        !name_is(&ts, lo, "True") && !name_is(&ts, lo, "False"))
        return false;                           /* a statement, or `not x` */
    while (is_pure_group(&ts, lo, hi)) { lo++; hi--; }
    if (has_low_precedence_part(&ts, lo, hi))
        return false;
    Anchors found;
    if (binop_anchors(&ts, lo, hi, &found) || subscript_anchors(&ts, lo, hi, &found)) {
        *a = found;
        return true;
    }
    return false;
}

/* ---- One traceback entry ------------------------------------------------------ */

#define SOURCE_INDENT 4

/* The marker line under the source line (CPython's tb_displayline). */
static void print_carets(FILE *out, const SrcLine *src, ObjCode *code, int lasti,
                         int stripped)
{
    int line, end_line, col, end_col;
    if (!rt_code_position(code, lasti, &line, &end_line, &col, &end_col) ||
        line < 0 || end_line < 0 || col < 0 || end_col < 0)
        return;
    int len_chars = byte_to_char(src->text, src->len, (long)src->len);
    int start = byte_to_char(src->text, src->len, col);
    int end = byte_to_char(src->text, src->len, end_col);
    int left = -1, right = -1;
    char primary = '^', secondary = '^';
    if (line == end_line) {
        size_t b0 = char_to_byte(src->text, src->len, start);
        size_t b1 = char_to_byte(src->text, src->len, end);
        Anchors a;
        if (b1 > b0 && find_anchors(src->text + b0, (int)(b1 - b0), &a)) {
            left = a.left < 0 ? -1 : byte_to_char(src->text + b0, b1 - b0, a.left) + start;
            right = a.right < 0 ? -1 : byte_to_char(src->text + b0, b1 - b0, a.right) + start;
            primary = '~';
        }
    } else {                    /* several lines: mark to this line's end */
        int i = len_chars;
        while (--i >= 0 && is_space(src->text[i])) {}
        end = i + 1;
    }
    bool special = left != -1 || right != -1;
    if (end - start == len_chars - stripped && !special)
        return;                 /* the whole line: the markers say nothing */
    for (int offset = stripped - SOURCE_INDENT + 1; offset <= end; offset++) {
        char c = offset <= start ? ' '
               : special && left < offset && offset <= right ? secondary : primary;
        putc(c, out);
    }
    putc('\n', out);
}

/* Does s hold a lone surrogate (UTF-8 ED A0..ED BF)?  A file name that
 * was not UTF-8 does (os.fsdecode). */
static bool has_surrogate(Value s)
{
    const unsigned char *p = (const unsigned char *)rt_str_cstr(s);
    size_t n = rt_str_nbytes(s);
    for (const unsigned char *e = memchr(p, 0xED, n); e != NULL && e + 1 < p + n;
         e = memchr(e + 1, 0xED, (size_t)(p + n - e - 1)))
        if (e[1] >= 0xA0)
            return true;
    return false;
}

/* Text as sys.stderr writes it: UTF-8, or the codeset of a locale that is
 * not UTF-8, with backslashreplace ("caf\\xe9" under ASCII, "\\udce9" for
 * a lone surrogate). */
static void write_message(FILE *out, Value s)
{
    Value errors = rt_str_from_cstr("backslashreplace");
    Value b = rt_stdio_codeset != VAL_NULL ? rt_codec_encode(s, rt_stdio_codeset, errors)
            : has_surrogate(s) ? rt_encode_utf8(s, errors) : VAL_NULL;
    if (b != VAL_NULL && rt_isinstance_of(b, &rt_bytes_type)) {
        fwrite(AS_BYTES(b)->data, 1, AS_BYTES(b)->length, out);
        return;
    }
    rt_err_clear();
    fwrite(rt_str_cstr(s), 1, rt_str_nbytes(s), out);
}

/* The file a code object's co_filename names: its bytes, with each lone
 * surrogate back to the byte it stands for (os.fsencode). */
static const char *filename_path(Value filename)
{
    Value b = has_surrogate(filename) ? rt_encode_utf8(filename, rt_str_from_cstr("surrogateescape"))
                                      : VAL_NULL;
    if (b != VAL_NULL && rt_isinstance_of(b, &rt_bytes_type))
        return (const char *)AS_BYTES(b)->data;
    rt_err_clear();
    return rt_str_cstr(filename);
}

/*   File "x.py", line 3, in main
 *     return 1 / 0
 *            ~~^~~                                                          */
static void print_entry(FILE *out, ObjTraceback *tb, int lineno)
{
    ObjCode *code = tb->code;
    fputs("  File \"", out);
    write_message(out, code->filename);
    fprintf(out, "\", line %d, in %s\n", lineno, rt_str_cstr(code->name));
    const char *path = filename_path(code->filename);
    size_t plen = strlen(path);
    if (plen > 0 && path[0] == '<' && path[plen - 1] == '>')
        return;                 /* <string>, <stdin>: no file to read */
    SrcLine src;
    if (!read_source_line(path, lineno, &src))
        return;
    int stripped = 0;
    while ((size_t)stripped < src.len && is_space(src.text[stripped]))
        stripped++;
    fprintf(out, "%*s%s\n", SOURCE_INDENT, "", src.text + stripped);
    if (rt_py_minor < 13)       /* 3.13's C printer, a fallback, shows no carets */
        print_carets(out, &src, code, tb->lasti, stripped);
}

/* ---- The whole traceback ---------------------------------------------------------- */

#define TRACEBACK_LIMIT 1000    /* sys.tracebacklimit's default */

/* sys.tracebacklimit, as CPython's PyTraceBack_Print reads it: an int
 * (bool included) is how many of the last entries show, and at 0 or
 * below the traceback is left out, header and all; anything else, or
 * no such attribute, means the default. */
static long traceback_limit(void)
{
    Value v = rt_sys_namespace != VAL_NULL
            ? rt_dict_get_cstr(rt_sys_namespace, "tracebacklimit") : VAL_NULL;
    if (v == VAL_NULL || !rt_isinstance_of(v, &rt_int_type))
        return TRACEBACK_LIMIT;
    int64_t limit;
    if (rt_int_sign(v) <= 0)
        return 0;
    if (!rt_int_as_i64(v, &limit) || limit > LONG_MAX) {
        rt_err_clear();
        return LONG_MAX;
    }
    return (long)limit;
}
#define RECURSIVE_CUTOFF 3      /* identical entries shown before collapsing */

static void print_repeated(FILE *out, long count)
{
    count -= RECURSIVE_CUTOFF;
    fprintf(out, "  [Previous line repeated %ld more time%s]\n", count, count > 1 ? "s" : "");
}

/* Same file, line and function as the previous entry? */
static bool same_place(ObjTraceback *a, int a_line, ObjTraceback *b, int b_line)
{
    return a != NULL && a_line != -1 && a_line == b_line &&
           rt_str_equal(a->code->filename, b->code->filename) &&
           rt_str_equal(a->code->name, b->code->name);
}

/* The entries of a traceback, without the "Traceback ..." header. */
static void print_traceback_entries(FILE *out, Value tbv)
{
    long depth = 0;
    for (Value t = tbv; t != rt_None; t = VAL_AS(ObjTraceback, t)->next)
        depth++;
    for (long limit = traceback_limit(); depth > limit; depth--)
        tbv = VAL_AS(ObjTraceback, tbv)->next;
    ObjTraceback *last = NULL;
    int last_line = -1;
    long count = 0;
    for (Value t = tbv; t != rt_None; t = VAL_AS(ObjTraceback, t)->next) {
        ObjTraceback *tb = VAL_AS(ObjTraceback, t);
        int line = tb_line(tb);
        if (!same_place(last, last_line, tb, line)) {
            if (count > RECURSIVE_CUTOFF)
                print_repeated(out, count);
            last = tb;
            last_line = line;
            count = 0;
        }
        if (++count <= RECURSIVE_CUTOFF)
            print_entry(out, tb, line);
    }
    if (count > RECURSIVE_CUTOFF)
        print_repeated(out, count);
}

/* Has exc a traceback to show (sys.tracebacklimit may hide it)? */
static bool has_traceback(Value exc)
{
    Value tb = AS_EXC(exc)->traceback;
    return tb != VAL_NULL && tb != rt_None && val_type(tb) == &rt_traceback_type &&
           traceback_limit() > 0;
}

/* ---- The exception line --------------------------------------------------------- */

/* "module.Name" — or just "Name" for builtins and __main__ (the
 * traceback module's rule); nested classes show their qualified name. */
static void print_type_name(FILE *out, ObjType *t)
{
    Value module = rt_type_module(t);
    const char *m = module != VAL_NULL ? rt_str_cstr(module) : "<unknown>";
    if (strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0)
        fprintf(out, "%s.", m);
    fputs(rt_str_cstr(rt_type_qualname(t)), out);
}

/* The notes of add_note() (any __notes__ attribute, as CPython's
 * print_exception_notes looks it up): each item's str() on its own lines;
 * a __notes__ that is no sequence is shown by its repr, with no newline
 * (3.12: a str or bytes too, and with a newline). */
static void print_notes(FILE *out, Value exc)
{
    Value notes = rt_getattr_cstr(exc, "__notes__");
    if (notes == VAL_NULL) {
        rt_err_clear();
        return;
    }
    bool text = rt_is_str(notes) || rt_isinstance_of(notes, &rt_bytes_type);
    if (val_type(notes)->getitem == NULL || rt_isinstance_of(notes, &rt_dict_type) ||
        (text && rt_py_minor >= 12)) {
        Value r = rt_repr(notes);
        if (r == VAL_NULL)
            rt_err_clear();
        fputs(r == VAL_NULL ? "<__notes__ repr() failed>" : rt_str_cstr(r), out);
        if (rt_py_minor >= 12)
            putc('\n', out);
        return;
    }
    ssize_t n = rt_len(notes);
    for (ssize_t i = 0; i < n; i++) {
        Value note = rt_getitem(notes, small_new(i));
        Value s = note == VAL_NULL ? VAL_NULL : rt_str(note);
        if (s == VAL_NULL) {
            rt_err_clear();
            fputs("<note str() failed>\n", out);
        } else {
            fprintf(out, "%s\n", rt_str_cstr(s));
        }
    }
    rt_err_clear();                     /* a failing len() or item: the notes end */
}

/* How one report is being printed (the group boxes below use the rest). */
typedef struct PrintCtx {
    FILE *out;
    Value seen;                 /* list of the exceptions printed so far */
    int depth;                  /* group nesting: the margin's indentation */
    bool need_close;            /* the innermost box still needs its bottom line */
    bool fallback;              /* as PyErr_Display's C fallback (3.13 on) */
    bool unraisable;            /* as the unraisable hook's: no "Did you mean" */
} PrintCtx;

static void print_exception_line(const PrintCtx *ctx, FILE *out, Value exc)
{
    Value value = rt_syntaxerror_print_location(out, exc);
    print_type_name(out, val_type(exc));
    Value s = value == rt_None ? rt_str_empty() : rt_str(value);
    if (s == VAL_NULL) {
        rt_err_clear();
        fputs(": <exception str() failed>", out);
    } else if (rt_str_nbytes(s) > 0) {
        fputs(": ", out);
        write_message(out, s);
    }
    Value suggestion = ctx->unraisable ? VAL_NULL : rt_exc_suggestion(exc);
    if (suggestion != VAL_NULL)
        fprintf(out, ". Did you mean: '%s'?", rt_str_cstr(suggestion));
    putc('\n', out);
    print_notes(out, exc);
}

static void print_one(const PrintCtx *ctx, FILE *out, Value exc)
{
    if (has_traceback(exc)) {
        fputs("Traceback (most recent call last):\n", out);
        print_traceback_entries(out, AS_EXC(exc)->traceback);
    }
    print_exception_line(ctx, out, exc);
}

/* ---- Chains -------------------------------------------------------------------- */

static const char CAUSE_MESSAGE[] =
    "\nThe above exception was the direct cause of the following exception:\n\n";
static const char CONTEXT_MESSAGE[] =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

static bool is_exception(Value v)
{
    return v != VAL_NULL && v != rt_None && (val_type(v)->flags & TF_EXCEPTION);
}

static bool already_in(Value *chain, size_t n, Value v)
{
    for (size_t i = 0; i < n; i++)
        if (chain[i] == v)
            return true;
    return false;
}

/* ---- Exception groups ------------------------------------------------------------
 * A group prints its own traceback and line, then each member inside a box
 * drawn in the left margin, nested groups one level further in (the
 * traceback module's format; at most 15 members and 10 levels are shown):
 *
 *   + Exception Group Traceback (most recent call last):
 *   |   File "x.py", line 1, in <module>
 *   | ExceptionGroup: two (2 sub-exceptions)
 *   +-+---------------- 1 ----------------
 *     | ValueError: a
 *     +---------------- 2 ----------------
 *     | KeyError: 'b'
 *     +------------------------------------                                  */

#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static void put_indent(PrintCtx *ctx)
{
    fprintf(ctx->out, "%*s", 2 * ctx->depth, "");
}

/* Write text with every line behind the margin ("  | "). */
static void emit_text(PrintCtx *ctx, const char *text, size_t n, char margin)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && text[j] != '\n')
            j++;
        if (j < n)
            j++;                        /* keep the newline */
        if (ctx->depth > 0) {
            put_indent(ctx);
            fprintf(ctx->out, "%c ", margin);
        }
        fwrite(text + i, 1, j - i, ctx->out);
        i = j;
    }
}

static void emit(PrintCtx *ctx, const char *text)
{
    emit_text(ctx, text, strlen(text), '|');
}

/* What print(file, exc) writes, behind the margin. */
static void emit_printed(PrintCtx *ctx, void (*print)(const PrintCtx *, FILE *, Value),
                         Value exc, char margin)
{
    if (ctx->depth == 0) {
        print(ctx, ctx->out, exc);
        return;
    }
    char *buf = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&buf, &n);
    if (mem == NULL)
        return;
    print(ctx, mem, exc);
    fclose(mem);
    emit_text(ctx, buf, n, margin);
    free(buf);
}

static void print_tb_entries(const PrintCtx *ctx, FILE *out, Value exc)
{
    print_traceback_entries(out, AS_EXC(exc)->traceback);
}

static bool is_group(Value exc)
{
    return rt_isinstance_of(exc, &rt_BaseExceptionGroup);
}

static void print_chain(PrintCtx *ctx, Value exc);

static void print_group(PrintCtx *ctx, Value exc)
{
    if (ctx->depth > MAX_GROUP_DEPTH) {
        char line[64];
        snprintf(line, sizeof line, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        emit(ctx, line);
        return;
    }
    bool toplevel = ctx->depth == 0;
    if (toplevel)
        ctx->depth++;
    if (has_traceback(exc)) {
        static const char header[] = "Exception Group Traceback (most recent call last):\n";
        emit_text(ctx, header, sizeof header - 1, toplevel ? '+' : '|');
        emit_printed(ctx, print_tb_entries, exc, '|');
    }
    emit_printed(ctx, print_exception_line, exc, '|');
    Value excs = rt_getattr_cstr(exc, "exceptions");
    if (excs == VAL_NULL || !is_tuple(excs)) {
        rt_err_clear();
        excs = rt_empty_tuple;
    }
    size_t total = rt_tuple_len(excs);
    size_t n = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    ctx->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last)
            ctx->need_close = true;     /* a nested group may draw it instead */
        put_indent(ctx);
        fputs(i == 0 ? "+-" : "  ", ctx->out);
        if (truncated)
            fputs("+---------------- ... ----------------\n", ctx->out);
        else
            fprintf(ctx->out, "+---------------- %zu ----------------\n", i + 1);
        ctx->depth++;
        if (!truncated) {
            print_chain(ctx, rt_tuple_get(excs, i));
        } else {
            char line[64];
            size_t more = total - MAX_GROUP_WIDTH;
            snprintf(line, sizeof line, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
            emit(ctx, line);
        }
        if (last && ctx->need_close) {
            put_indent(ctx);
            fputs("+------------------------------------\n", ctx->out);
            ctx->need_close = false;
        }
        ctx->depth--;
    }
    if (toplevel)
        ctx->depth = 0;
}

/* An exception after the chain of causes and contexts that led to it,
 * oldest first (pythonrun.c's print_exception_recursive).  Every exception
 * printed is remembered, so a cycle, or a context already shown as a group
 * member, is not printed twice. */
static void print_chain(PrintCtx *ctx, Value exc)
{
    rt_list_append(ctx->seen, exc);
    ObjException *e = AS_EXC(exc);
    Value before = VAL_NULL;
    const char *join = NULL;
    if (is_exception(e->cause)) {
        before = e->cause;
        join = CAUSE_MESSAGE;
    } else if (is_exception(e->context) && !e->suppress_context) {
        before = e->context;
        join = CONTEXT_MESSAGE;
    }
    ObjList *seen = AS_LIST(ctx->seen);
    if (before != VAL_NULL && !already_in(seen->items, seen->length, before)) {
        print_chain(ctx, before);
        emit(ctx, join);
    }
    /* CPython's C printer shows a group's members up to 3.12; from 3.13 it
     * is only PyErr_Display's fallback, which shows none.  3.14's traceback
     * module, which pvm's printer stands for elsewhere, shows them. */
    bool members = rt_py_minor < 13 || (rt_py_minor >= 14 && !ctx->fallback);
    if (is_group(exc) && members)
        print_group(ctx, exc);
    else
        emit_printed(ctx, print_one, exc, '|');
}

static void print_exception_to(FILE *out, Value exc, bool fallback, bool unraisable)
{
    Value saved = rt_err_fetch();           /* str() below may raise */
    if (!is_exception(exc)) {
        fputs("TypeError: print_exception(): Exception expected for value, ", out);
        fprintf(out, "%s found\n", val_type(exc)->name);
    } else {
        PrintCtx ctx = { out, rt_list_new(0), 0, false, fallback, unraisable };
        print_chain(&ctx, exc);
    }
    fflush(out);
    rt_err_clear();
    if (saved != VAL_NULL)
        rt_raise(saved);
}

void rt_print_exception_to(FILE *out, Value exc)
{
    print_exception_to(out, exc, false, false);
}

void rt_print_exception_fallback(FILE *out, Value exc)
{
    print_exception_to(out, exc, true, false);
}

void rt_print_unraisable(Value exc)
{
    rt_stdout_flush();
    print_exception_to(stderr, exc, false, true);
}

void rt_print_exception(Value exc)
{
    /* As CPython's flush_io: the program's output first; a failure to
     * write it is reported at exit (rt_stdout_exit), not here. */
    rt_stdout_flush();
    rt_print_exception_to(stderr, exc);
}

void (*rt_unraisable_handler)(Value exc, const char *what, Value obj);

static void write_unraisable(Value what, Value obj)
{
    Value exc = rt_err_fetch();
    Frame *f = vm_current_frame();
    if ((AS_EXC(exc)->traceback == VAL_NULL || AS_EXC(exc)->traceback == rt_None) && f != NULL)
        /* raised by C code: the traceback of the frame running now, as
         * CPython's _PyErr_WriteUnraisableMsg makes */
        AS_EXC(exc)->traceback = rt_traceback_here(rt_None, obj_val(vm_frame_object(f)),
                                                   f->code, frame_lasti(f));
    if (rt_unraisable_handler != NULL) {
        rt_unraisable_handler(exc, what != VAL_NULL ? rt_str_cstr(what) : NULL, obj);
        rt_err_clear();
        return;
    }
    rt_stdout_flush();
    if (what != VAL_NULL) {
        fprintf(stderr, "Exception ignored %s:\n", rt_str_cstr(what));
    } else {
        Value r = rt_repr(obj);
        fprintf(stderr, "Exception ignored in: %s\n", r ? rt_str_cstr(r) : "<object>");
    }
    rt_err_clear();
    rt_print_unraisable(exc);
}

void rt_write_unraisable(Value obj)
{
    write_unraisable(VAL_NULL, obj);
}

void rt_write_unraisable_msg(Value what, Value obj)
{
    write_unraisable(what, obj);
}

void rt_write_unraisable_while(const char *doing, Value obj)
{
    if (rt_py_minor < 14) {
        rt_write_unraisable(obj);
        return;
    }
    Value exc = rt_err_fetch();
    Value what = rt_str_format_c("while %s %R", doing, obj);
    rt_err_clear();                     /* a failing repr: reported the older way */
    rt_raise(exc);
    write_unraisable(what, what != VAL_NULL ? rt_None : obj);
}
