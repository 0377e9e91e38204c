/*
 * sre_match.c — the `_sre` matching engine: what a character is (classes,
 * case), sets, the engine's stacks, and the matcher itself, compiled twice
 * from sre_engine.h: once for subjects of one byte per character (bytes,
 * bytearray, ASCII str) and once for four (the code points of any other
 * str, which pvm keeps beside its UTF-8: runtime/object.h).
 *
 * Every rule here is CPython 3.11's Modules/_sre: \d \s \w in ASCII mode
 * are the ASCII classes, in Unicode mode str.isdecimal / isspace /
 * isalnum-or-'_'; LOCALE mode asks the C library (<ctype.h>), as CPython
 * does; "." stops at '\n' only.  Case-insensitive Unicode matching
 * compares lower-case forms, where the lower (upper) case of a character
 * is the first character of its full mapping — CPython's
 * Py_UNICODE_TOLOWER, which for 'İ' is 'i' and for 'ß'.upper() is 'S'.
 */
#include <ctype.h>
#include <string.h>
#include "modules/sre.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

/* ---- Characters -------------------------------------------------------------- */

uint32_t mod_sre_lower_ascii(uint32_t ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

uint32_t mod_sre_lower_unicode(uint32_t ch)
{
    if (ch < 0x80)
        return mod_sre_lower_ascii(ch);
    uint32_t full[3];
    rt_uni_tolower(ch, full);
    return full[0];
}

uint32_t mod_sre_upper_unicode(uint32_t ch)
{
    if (ch < 0x80)
        return ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
    uint32_t full[3];
    rt_uni_toupper(ch, full);
    return full[0];
}

/* LOCALE mode: the C library's idea of the byte (characters above 255 are
 * never letters and have no case). */
static uint32_t lower_locale(uint32_t ch) { return ch < 256 ? (uint32_t)tolower((int)ch) : ch; }
static uint32_t upper_locale(uint32_t ch) { return ch < 256 ? (uint32_t)toupper((int)ch) : ch; }
static bool is_loc_word(uint32_t ch) { return ch < 256 && (isalnum((int)ch) || ch == '_'); }

/* LITERAL_LOC_IGNORE: pattern holds the literal as written. */
static bool loc_ignore_equal(SreCode pattern, uint32_t ch)
{
    return ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern;
}

static bool is_ascii_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
static bool is_ascii_space(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
static bool is_ascii_word(uint32_t ch)
{
    return ch < 128 && (is_ascii_digit(ch) || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') ||
                        ch == '_');
}
static bool is_uni_word(uint32_t ch)
{
    return ch < 128 ? is_ascii_word(ch) : rt_uni_isalnum(ch);
}

/* Whether ch is in class `category` (a CATEGORY_* operand). */
static bool in_category(SreCode category, uint32_t ch)
{
    switch (category) {
    case SRE_CATEGORY_DIGIT: return is_ascii_digit(ch);
    case SRE_CATEGORY_NOT_DIGIT: return !is_ascii_digit(ch);
    case SRE_CATEGORY_SPACE: return is_ascii_space(ch);
    case SRE_CATEGORY_NOT_SPACE: return !is_ascii_space(ch);
    case SRE_CATEGORY_WORD: return is_ascii_word(ch);
    case SRE_CATEGORY_NOT_WORD: return !is_ascii_word(ch);
    case SRE_CATEGORY_LINEBREAK: return ch == '\n';
    case SRE_CATEGORY_NOT_LINEBREAK: return ch != '\n';
    case SRE_CATEGORY_LOC_WORD: return is_loc_word(ch);
    case SRE_CATEGORY_LOC_NOT_WORD: return !is_loc_word(ch);
    case SRE_CATEGORY_UNI_DIGIT: return rt_uni_isdecimal(ch);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !rt_uni_isdecimal(ch);
    case SRE_CATEGORY_UNI_SPACE: return rt_uni_isspace(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !rt_uni_isspace(ch);
    case SRE_CATEGORY_UNI_WORD: return is_uni_word(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !is_uni_word(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return rt_uni_islinebreak(ch);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !rt_uni_islinebreak(ch);
    }
    return false;
}

/* ---- Sets -----------------------------------------------------------------------
 * A set is a list of members ending in FAILURE: LITERAL c, RANGE lo hi,
 * RANGE_UNI_IGNORE lo hi, CATEGORY c, CHARSET (a 256-bit map of Latin-1),
 * BIGCHARSET (256-bit blocks for the BMP, shared through a 256-byte index),
 * and NEGATE, which flips the answer of everything after it. */

static bool in_set(const SreCode *set, uint32_t ch)
{
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (ch == set[0])
                return ok;
            set += 1;
            break;
        case SRE_OP_CATEGORY:
            if (in_category(set[0], ch))
                return ok;
            set += 1;
            break;
        case SRE_OP_CHARSET:
            if (ch < 256 && (set[ch / 32] & (1u << (ch & 31))))
                return ok;
            set += 256 / 32;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1])
                return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            /* ch is lower case already; the range may hold its upper case */
            if (set[0] <= ch && ch <= set[1])
                return ok;
            uint32_t up = mod_sre_upper_unicode(ch);
            if (set[0] <= up && up <= set[1])
                return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            /* <count> <256 block numbers, one byte each, in 64 words>
             * <count blocks of 256 bits> */
            SreCode count = *set++;
            const unsigned char *index = (const unsigned char *)set;
            set += 256 / sizeof(SreCode);
            if (ch < 0x10000) {
                SreCode bit = (SreCode)index[ch >> 8] * 256 + (ch & 255);
                if (set[bit / 32] & (1u << (bit & 31)))
                    return ok;
            }
            set += count * (256 / 32);
            break;
        }
        default:
            /* sre_validate.c lets no other word into a set */
            return false;
        }
    }
}

/* IN_LOC_IGNORE: the character, its lower or its upper case in the set. */
static bool in_set_loc_ignore(const SreCode *set, uint32_t ch)
{
    uint32_t lo = lower_locale(ch);
    if (in_set(set, lo))
        return true;
    uint32_t up = upper_locale(ch);
    return up != lo && in_set(set, up);
}

/* ---- The stacks ------------------------------------------------------------------
 * The matcher never calls itself to try an alternative: it pushes a
 * context (where to resume, what it must restore) and jumps to the start
 * of the loop, and a context that finishes pops itself and jumps back into
 * its caller through a resume code.  The REPEAT a set of UNTIL operations
 * counts for lives in the REPEAT's own context (st->repeat is its index),
 * since a REPEAT's context outlives everything it starts.  Marks saved for
 * backtracking go on a second stack of plain numbers. */

struct SreContext {
    const SreCode *pattern;     /* where this context continues */
    ssize_t ptr;                /* its position while a callee runs */
    ssize_t count;              /* repeats: how many times the item matched */
    SreCode chr;                /* REPEAT_ONE: the literal its tail starts with */
    int rep;                    /* MAX_UNTIL / MIN_UNTIL: the REPEAT's context */
    int lastmark, lastindex;    /* saved to undo a failed alternative */
    int jump;                   /* where the caller resumes (JUMP_* below) */
    bool toplevel;              /* SUCCESS here ends the whole match */
    bool literal_tail;          /* REPEAT_ONE: its tail starts with chr */
    SreRepeat repeat;           /* REPEAT: the state its UNTIL updates */
};

void mod_sre_state_reset(SreState *st)
{
    st->lastmark = st->lastindex = -1;
    st->repeat = -1;
    st->nctx = st->nsaved = 0;
    st->count_depth = 0;
}

/* The stacks of the last finished search, for the next one, and its marks
 * when they were too many for mark_space (tokenize's pattern has 21 groups:
 * 352 bytes a token). */
static struct {
    SreContext *ctx;
    size_t ctx_cap;
    ssize_t *saved;
    size_t saved_cap;
    ssize_t *mark;
    size_t nmarks;
} spare;

void mod_sre_state_borrow_stacks(SreState *st)
{
    if (st->ctx == NULL && spare.ctx != NULL) {
        st->ctx = spare.ctx;
        st->ctx_cap = spare.ctx_cap;
        spare.ctx = NULL;
    }
    if (st->saved == NULL && spare.saved != NULL) {
        st->saved = spare.saved;
        st->saved_cap = spare.saved_cap;
        spare.saved = NULL;
    }
    if (st->mark == NULL && spare.mark != NULL && spare.nmarks >= st->nmarks) {
        st->mark = spare.mark;
        st->nmarks = spare.nmarks;
        spare.mark = NULL;
    }
}

void mod_sre_state_give_back_stacks(SreState *st)
{
    if (spare.ctx == NULL && st->ctx != NULL) {
        spare.ctx = st->ctx;
        spare.ctx_cap = st->ctx_cap;
    }
    if (spare.saved == NULL && st->saved != NULL) {
        spare.saved = st->saved;
        spare.saved_cap = st->saved_cap;
    }
    if (spare.mark == NULL && st->mark != st->mark_space) {
        spare.mark = st->mark;
        spare.nmarks = st->nmarks;
    }
    st->ctx = NULL;
    st->saved = NULL;
    st->mark = NULL;
    st->ctx_cap = st->saved_cap = 0;
}

/* The next free context, growing the stack: pointers into it are stale
 * after a push (the engine keeps indices across pushes).  Contexts hold
 * no object the collector must see (code and subject are held by the
 * Pattern and the caller), so the stack is not scanned. */
static void grow_contexts(SreState *st)
{
    st->ctx_cap = st->ctx_cap ? 2 * st->ctx_cap : 32;
    if (st->ctx == NULL)
        st->ctx = gc_alloc_atomic(st->ctx_cap * sizeof *st->ctx);
    else
        st->ctx = gc_realloc(st->ctx, st->ctx_cap * sizeof *st->ctx);
}

static inline SreContext *push_context(SreState *st)
{
    if (st->nctx == st->ctx_cap)
        grow_contexts(st);
    return &st->ctx[st->nctx++];
}

static void save_reserve(SreState *st, size_t n)
{
    if (st->nsaved + n > st->saved_cap) {
        size_t cap = st->saved_cap ? 2 * st->saved_cap : 64;
        while (cap < st->nsaved + n)
            cap *= 2;
        if (st->saved == NULL)
            st->saved = gc_alloc_atomic(cap * sizeof *st->saved);
        else
            st->saved = gc_realloc(st->saved, cap * sizeof *st->saved);
        st->saved_cap = cap;
    }
}

static void save_value(SreState *st, ssize_t v)
{
    save_reserve(st, 1);
    st->saved[st->nsaved++] = v;
}

static ssize_t restore_value(SreState *st)
{
    return st->saved[--st->nsaved];
}

/* MARK_PUSH / MARK_POP: marks 0..lastmark, saved before an alternative
 * that may change them and restored when it fails. */
static void save_marks(SreState *st, int lastmark)
{
    if (lastmark < 0)
        return;
    size_t n = (size_t)lastmark + 1;
    save_reserve(st, n);
    memcpy(st->saved + st->nsaved, st->mark, n * sizeof *st->mark);
    st->nsaved += n;
}

/* Copy the saved marks back; `discard` pops them too. */
static void restore_marks(SreState *st, int lastmark, bool discard)
{
    if (lastmark < 0)
        return;
    size_t n = (size_t)lastmark + 1;
    memcpy(st->mark, st->saved + st->nsaved - n, n * sizeof *st->mark);
    if (discard)
        st->nsaved -= n;
}

static void drop_marks(SreState *st, int lastmark)
{
    if (lastmark >= 0)
        st->nsaved -= (size_t)lastmark + 1;
}

/* Ctrl-C: the matcher polls the VM's interrupt flag every this many
 * instructions, as CPython's polls its signal handlers (a catastrophic
 * pattern runs for ever in both, but can be stopped).  The count lives in
 * the state, so a search trying many positions polls too. */
#define SRE_POLL_INTERVAL 4096

/* Counting the item of a REPEAT_ONE may run the matcher on that item;
 * code from re/_compiler.py never nests deeper than one level there, so
 * this only stops hand-written code from using the C stack. */
#define SRE_MAX_COUNT_DEPTH 100

/* Where a finished context's caller resumes (one per place the matcher
 * runs a sub-pattern and continues afterwards). */
enum {
    JUMP_NONE, JUMP_MAX_UNTIL_1, JUMP_MAX_UNTIL_2, JUMP_MAX_UNTIL_3,
    JUMP_MIN_UNTIL_1, JUMP_MIN_UNTIL_2, JUMP_MIN_UNTIL_3, JUMP_REPEAT,
    JUMP_REPEAT_ONE, JUMP_MIN_REPEAT_ONE, JUMP_BRANCH,
    JUMP_ASSERT, JUMP_ASSERT_NOT, JUMP_POSS_REPEAT_1, JUMP_POSS_REPEAT_2,
    JUMP_ATOMIC_GROUP,
};

/* ---- The matcher, once per character width ------------------------------------ *
 * A subject's characters are 1 byte each (bytes, ASCII and latin-1 text),
 * 2 (text within the Basic Multilingual Plane) or 4 (any text), the
 * narrowest its str needs (str.c, rt_str_chars), as CPython's str kinds.
 * Reading the array through a pointer of the right type keeps the
 * matcher's inner loops free of a width test: sre_engine.h is compiled
 * once per width, and mod_sre_match/mod_sre_search pick the instance. */

#define SRE_CHAR uint8_t
#define SRE(name) sre_ucs1_##name
#include "modules/sre_engine.h"
#undef SRE_CHAR
#undef SRE

#define SRE_CHAR uint16_t
#define SRE(name) sre_ucs2_##name
#include "modules/sre_engine.h"
#undef SRE_CHAR
#undef SRE

#define SRE_CHAR uint32_t
#define SRE(name) sre_ucs4_##name
#include "modules/sre_engine.h"
#undef SRE_CHAR
#undef SRE

ssize_t mod_sre_match(SreState *st, const SreCode *code)
{
    switch (st->charsize) {
    case 1: return sre_ucs1_match(st, code, true);
    case 2: return sre_ucs2_match(st, code, true);
    default: return sre_ucs4_match(st, code, true);
    }
}

ssize_t mod_sre_search(SreState *st, const SreCode *code)
{
    switch (st->charsize) {
    case 1: return sre_ucs1_search(st, code);
    case 2: return sre_ucs2_search(st, code);
    default: return sre_ucs4_search(st, code);
    }
}
