/*
 * unicodedata.c — the unicodedata module (CPython's Modules/unicodedata.c):
 * the Unicode Character Database of the CPython version whose bytecode runs
 * (Unicode 14.0.0 for 3.11, 15.0.0 for 3.12, 15.1.0 for 3.13, 16.0.0 for
 * 3.14), and its `ucd_3_2_0` view (Unicode 3.2, for IDNA's stringprep).
 *
 * Every answer comes from unicodedata_db.h, generated from python3.11's own
 * unicodedata by unicodedata_gen.py (its header says what is in it); the
 * later versions are deltas against it (a UdVersion each), taken from
 * python3.12's, python3.13's and python3.14's own unicodedata.  The
 * tables are constant data in the executable: nothing is read or built at
 * start-up, and a program that never imports unicodedata never touches
 * their pages.  (utf8proc, which str's methods use, is Unicode 15.0 on
 * this system: characters added in 15.0 must stay unassigned here.)
 *
 * Parts:
 *   - the properties of one character (category, bidirectional, ...): a
 *     record found through a two-level table, replaced by its Unicode 3.2
 *     record for ucd_3_2_0 where the two differ;
 *   - names: name() decodes a name from its words, lookup() compares the
 *     query with every name (it is rare; no index is built); Hangul
 *     syllables and CJK ideographs are named by rule;
 *   - normalization (normalize, is_normalized): full decomposition, the
 *     canonical ordering of combining marks, then canonical composition,
 *     as Unicode Standard Annex #15 defines them.
 *
 * Module-level functions use the version's Unicode; the same functions are
 * methods of the UCD objects, of which ucd_3_2_0 is the only one.
 */
#include <stdlib.h>
#include <string.h>
#include "modules/modutil.h"

typedef struct UdRecord {
    uint8_t category, bidi, combining, mirrored, eaw;
    int8_t decimal, digit;      /* -1: none */
    int16_t numeric;            /* index in ud_numerics, -1: none */
} UdRecord;

/* Code points first..last have record ud_records[record]. */
typedef struct UdRange { uint32_t first, last; uint16_t record; } UdRange;
/* Code points first..last are named prefix + their hex digits. */
typedef struct UdNameRange { uint32_t first, last; const char *prefix; } UdNameRange;
/* A code point and an index (in ud_decomp_data, or ud_name_data). */
typedef struct UdCpIndex { uint32_t cp, index; } UdCpIndex;

/* One Unicode version: 14.0.0's tables, or a later one's delta against
 * them.  records: where the record is not 14.0.0's; decomps and names:
 * the decompositions and names 14.0.0 lacks (sorted by code point);
 * name_ranges and old_ranges (ucd_3_2_0's records) in full; compositions:
 * the ones 14.0.0 lacks. */
typedef struct UdVersion {
    const char *version;
    const UdRange *records;
    size_t nrecords;
    const UdCpIndex *decomps;
    size_t ndecomps;
    const UdCpIndex *names;
    size_t nnames;
    const UdNameRange *name_ranges;
    size_t nname_ranges;
    const uint32_t (*compositions)[3];
    size_t ncompositions;
    const UdRange *old_ranges;
    size_t nold_ranges;
} UdVersion;

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

#include "modules/unicodedata_db.h"
#include "runtime/version.h"

#define MAXCP 0x10FFFF

/* The Unicode version of the bytecode's CPython. */
static const UdVersion *version(void)
{
    size_t i = rt_py_minor > 11 ? (size_t)(rt_py_minor - 11) : 0;
    return &ud_versions[i < COUNT(ud_versions) ? i : COUNT(ud_versions) - 1];
}

/* The range of r[0..n) (sorted) holding cp, or NULL. */
static const UdRange *find_range(const UdRange *r, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp > r[mid].last)
            lo = mid + 1;
        else if (cp < r[mid].first)
            hi = mid;
        else
            return &r[mid];
    }
    return NULL;
}

/* The index paired with cp in p[0..n) (sorted), or -1. */
static long find_cp(const UdCpIndex *p, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && p[lo].cp == cp ? (long)p[lo].index : -1;
}

/* A UCD object: the module's own answers (old = false) or Unicode 3.2's. */
typedef struct ObjUCD {
    Object ob;
    bool old;
} ObjUCD;

static ObjType ucd_type;

/* ---- properties of one character ----------------------------------------------- */

static const UdRecord *record_of(uint32_t cp, bool old)
{
    const UdVersion *v = version();
    const UdRange *r = old ? find_range(v->old_ranges, v->nold_ranges, cp) : NULL;
    if (r == NULL)
        r = find_range(v->records, v->nrecords, cp);
    if (r != NULL)
        return &ud_records[r->record];
    size_t block = ud_record_index1[cp >> UD_SHIFT];
    return &ud_records[ud_record_index2[(block << UD_SHIFT) + (cp & ((1u << UD_SHIFT) - 1))]];
}

/* Category Cn: not assigned in that version (CPython's "category_changed == 0"). */
static bool unassigned(uint32_t cp, bool old)
{
    return strcmp(ud_categories[record_of(cp, old)->category], "Cn") == 0;
}

/* The decomposition's header word (tag << 8 | count), its code points after
 * it; NULL when the character has none. */
static const uint32_t *decomposition_of(uint32_t cp, bool old)
{
    if (old && unassigned(cp, true))
        return NULL;
    const UdVersion *v = version();
    long i = find_cp(v->decomps, v->ndecomps, cp);
    if (i < 0) {
        size_t block = ud_decomp_index1[cp >> UD_SHIFT];
        i = ud_decomp_index2[(block << UD_SHIFT) + (cp & ((1u << UD_SHIFT) - 1))];
    }
    return i == 0 ? NULL : &ud_decomp_data[i];
}

/* The one character of a function's argument, or false + TypeError
 * "category() argument must be a unicode character, not str" (`which` is
 * "argument" or "argument 1"; 3.14 words a str of another length
 * "category(): argument must be a unicode character, not a string of
 * length 2"). */
static bool one_char(const char *fname, const char *which, Value v, uint32_t *cp)
{
    if (rt_py_minor >= 14 && rt_is_str(v) && AS_STR(v)->length != 1) {
        rt_raisef(&rt_TypeError, "%s(): %s must be a unicode character, not a string of "
                  "length %zu", fname, which, AS_STR(v)->length);
        return false;
    }
    if (!rt_is_str(v) || AS_STR(v)->length != 1) {
        rt_raisef(&rt_TypeError, "%s() %s must be a unicode character, not %T", fname, which, v);
        return false;
    }
    *cp = rt_str_char_at(v, 0);
    return true;
}

/* The calling convention of every function here: the UCD it is a method
 * of (NULL for the module's functions) and its own arguments. */
typedef Value (*UdFunc)(bool old, Value *args, size_t nargs, Value kw);

/* Whose function the messages name: the module's, or the UCD object's. */
static const char *owner(bool old)
{
    return old ? "UCD" : "unicodedata";
}

/* f(chr) — METH_O with CPython's messages. */
static bool char_arg(bool old, const char *fname, Value *args, size_t nargs, Value kw,
                     uint32_t *cp)
{
    return rt_arg_one_in(owner(old), fname, nargs, kw) &&
           one_char(fname, "argument", args[0], cp);
}

static Value ud_category(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "category", args, nargs, kw, &cp))
        return VAL_NULL;
    return rt_str_from_cstr(ud_categories[record_of(cp, old)->category]);
}

static Value ud_bidirectional(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "bidirectional", args, nargs, kw, &cp))
        return VAL_NULL;
    return rt_str_from_cstr(ud_bidi[record_of(cp, old)->bidi]);
}

static Value ud_east_asian_width(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "east_asian_width", args, nargs, kw, &cp))
        return VAL_NULL;
    return rt_str_from_cstr(ud_eaw[record_of(cp, old)->eaw]);
}

static Value ud_combining(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "combining", args, nargs, kw, &cp))
        return VAL_NULL;
    return small_new(record_of(cp, old)->combining);
}

static Value ud_mirrored(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "mirrored", args, nargs, kw, &cp))
        return VAL_NULL;
    return small_new(record_of(cp, old)->mirrored);
}

/* "<compat> 0020 0308", or "" */
static Value ud_decomposition(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!char_arg(old, "decomposition", args, nargs, kw, &cp))
        return VAL_NULL;
    const uint32_t *d = decomposition_of(cp, old);
    if (d == NULL)
        return rt_str_empty();
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, ud_tags[d[0] >> 8]);
    for (uint32_t i = 0; i < (d[0] & 0xFF); i++) {
        char hex[12];
        snprintf(hex, sizeof hex, "%s%04X", sb.len > 0 ? " " : "", (unsigned)d[1 + i]);
        sb_adds(&sb, hex);
    }
    return sb_finish(&sb);
}

/* decimal(chr[, default]), digit, numeric: the value, else default, else
 * ValueError `missing`. */
static Value number_fn(const char *fname, const char *missing, int kind, bool old,
                       Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!rt_arg_nokw_in(owner(old), fname, kw) || !rt_arg_range(fname, nargs, 1, 2) ||
        !one_char(fname, "argument 1", args[0], &cp))
        return VAL_NULL;
    const UdRecord *r = record_of(cp, old);
    int value = kind == 0 ? r->decimal : kind == 1 ? r->digit : r->numeric;
    if (value >= 0)
        return kind == 2 ? rt_float_new(ud_numerics[value]) : small_new(value);
    if (nargs > 1)
        return args[1];
    return rt_raisef(&rt_ValueError, "%s", missing);
}

static Value ud_decimal(bool old, Value *args, size_t nargs, Value kw)
{ return number_fn("decimal", "not a decimal", 0, old, args, nargs, kw); }
static Value ud_digit(bool old, Value *args, size_t nargs, Value kw)
{ return number_fn("digit", "not a digit", 1, old, args, nargs, kw); }
static Value ud_numeric(bool old, Value *args, size_t nargs, Value kw)
{ return number_fn("numeric", "not a numeric character", 2, old, args, nargs, kw); }

/* ---- names ------------------------------------------------------------------------ */

/* Hangul syllables are named by rule from their three jamo (Unicode §3.12). */
enum { S_BASE = 0xAC00, L_BASE = 0x1100, V_BASE = 0x1161, T_BASE = 0x11A7,
       L_COUNT = 19, V_COUNT = 21, T_COUNT = 28, N_COUNT = V_COUNT * T_COUNT,
       S_COUNT = L_COUNT * N_COUNT };
static const char *const jamo_l[L_COUNT] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
    "P", "H",
};
static const char *const jamo_v[V_COUNT] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
    "WE", "WI", "YU", "EU", "YI", "I",
};
static const char *const jamo_t[T_COUNT] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
    "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
};
#define HANGUL_PREFIX "HANGUL SYLLABLE "

/* Append the name encoded at `code` (a length byte, then word indices of
 * one or two bytes) to sb. */
static void decode_name(const uint8_t *code, StrBuf *sb)
{
    const uint8_t *p = code + 1, *end = p + code[0];
    while (p < end) {
        if (p > code + 1)
            sb_addc(sb, ' ');
        uint32_t w = *p++;
        if (w & 0x80)
            w = (w & 0x7F) << 8 | *p++;
        sb_add(sb, ud_words + ud_word_offsets[w], ud_word_offsets[w + 1] - ud_word_offsets[w]);
    }
}

/* The name of cp into sb; false if it has none. */
static bool name_of(uint32_t cp, bool old, StrBuf *sb)
{
    if (unassigned(cp, old))
        return false;
    if (cp >= S_BASE && cp < S_BASE + S_COUNT) {
        uint32_t s = cp - S_BASE;
        sb_adds(sb, HANGUL_PREFIX);
        sb_adds(sb, jamo_l[s / N_COUNT]);
        sb_adds(sb, jamo_v[s % N_COUNT / T_COUNT]);
        sb_adds(sb, jamo_t[s % T_COUNT]);
        return true;
    }
    const UdVersion *v = version();
    for (size_t i = 0; i < v->nname_ranges; i++)
        if (cp >= v->name_ranges[i].first && cp <= v->name_ranges[i].last) {
            char hex[8];
            snprintf(hex, sizeof hex, "%04X", (unsigned)cp);
            sb_adds(sb, v->name_ranges[i].prefix);
            sb_adds(sb, hex);
            return true;
        }
    long added = find_cp(v->names, v->nnames, cp);
    if (added >= 0) {
        decode_name(&ud_name_data[added], sb);
        return true;
    }
    size_t lo = 0, hi = COUNT(ud_name_cps);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ud_name_cps[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == COUNT(ud_name_cps) || ud_name_cps[lo] != cp)
        return false;
    decode_name(&ud_name_data[ud_name_offsets[lo]], sb);
    return true;
}

static Value ud_name(bool old, Value *args, size_t nargs, Value kw)
{
    uint32_t cp;
    if (!rt_arg_nokw_in(owner(old), "name", kw) || !rt_arg_range("name", nargs, 1, 2) ||
        !one_char("name", "argument 1", args[0], &cp))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    if (name_of(cp, old, &sb))
        return sb_finish(&sb);
    if (nargs > 1)
        return args[1];
    return rt_raisef(&rt_ValueError, "no such name");
}

/* The jamo of table[0..n) that starts `s` with the longest name (some
 * names are prefixes of others: G, GG, GS); -1 if none. */
static int match_jamo(const char **s, const char *const *table, int n)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(table[i]);
        if (strncmp(*s, table[i], len) == 0 && (best < 0 || len > best_len)) {
            best = i;
            best_len = len;
        }
    }
    *s += best_len;
    return best;
}

/* A name made by rule (Hangul syllable, PREFIX-hex).  As in CPython, a
 * Hangul or CJK unified ideograph name must be upper case (they are not in
 * its name tables), the other PREFIX-hex names may be in any case. */
static bool lookup_by_rule(const char *upper, const char *orig, uint32_t *cp)
{
    if (strncmp(orig, HANGUL_PREFIX, strlen(HANGUL_PREFIX)) == 0) {
        const char *s = orig + strlen(HANGUL_PREFIX);
        int l = match_jamo(&s, jamo_l, L_COUNT);
        int v = match_jamo(&s, jamo_v, V_COUNT);
        int t = match_jamo(&s, jamo_t, T_COUNT);
        if (l < 0 || v < 0 || t < 0 || *s != '\0')
            return false;
        *cp = S_BASE + (uint32_t)((l * V_COUNT + v) * T_COUNT + t);
        return true;
    }
    const UdVersion *v = version();
    for (size_t i = 0; i < v->nname_ranges; i++) {
        const char *prefix = v->name_ranges[i].prefix;
        const char *name = strcmp(prefix, "CJK UNIFIED IDEOGRAPH-") == 0 ? orig : upper;
        size_t plen = strlen(prefix);
        if (strncmp(name, prefix, plen) != 0)
            continue;
        const char *hex = name + plen;
        size_t n = strspn(hex, "0123456789ABCDEF");
        if ((n != 4 && n != 5) || hex[n] != '\0')
            return false;
        uint32_t c = (uint32_t)strtoul(hex, NULL, 16);
        char back[8];
        snprintf(back, sizeof back, "%04X", (unsigned)c);
        for (size_t j = 0; j < v->nname_ranges; j++)
            if (strcmp(back, hex) == 0 && c >= v->name_ranges[j].first &&
                c <= v->name_ranges[j].last && strcmp(v->name_ranges[j].prefix, prefix) == 0) {
                *cp = c;
                return true;
            }
        return false;
    }
    return false;
}

/* Whether the name encoded at `code` is `upper` (already upper case). */
static bool name_is(const uint8_t *code, const char *upper, StrBuf *sb)
{
    sb->len = 0;
    decode_name(code, sb);
    return sb->len == strlen(upper) && memcmp(sb->data, upper, sb->len) == 0;
}

#define NAME_MAXLEN 256

static Value ud_lookup(bool old, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one_in(owner(old), "lookup", nargs, kw))
        return VAL_NULL;
    Value v = args[0];
    const char *orig;
    size_t len;
    if (rt_is_str(v)) {
        orig = rt_str_cstr(v);
        len = rt_str_nbytes(v);
    } else {
        ModBuffer b;
        if (!mod_get_buffer(v, &b))
            return VAL_NULL;
        orig = (const char *)b.data;
        len = b.len;
    }
    if (len > NAME_MAXLEN)
        return rt_raisef(&rt_KeyError, "name too long");
    char upper[NAME_MAXLEN + 1], plain[NAME_MAXLEN + 1];
    memcpy(plain, orig, len);
    plain[len] = '\0';
    for (size_t i = 0; i <= len; i++)
        upper[i] = (plain[i] >= 'a' && plain[i] <= 'z') ? (char)(plain[i] - 32) : plain[i];
    uint32_t cp;
    bool found = strlen(plain) == len && lookup_by_rule(upper, plain, &cp);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; !found && strlen(plain) == len && i < COUNT(ud_name_cps); i++)
        if (name_is(&ud_name_data[ud_name_offsets[i]], upper, &sb)) {
            cp = ud_name_cps[i];
            found = true;
        }
    const UdVersion *ver = version();
    for (size_t i = 0; !found && strlen(plain) == len && i < ver->nnames; i++)
        if (name_is(&ud_name_data[ver->names[i].index], upper, &sb)) {
            cp = ver->names[i].cp;
            found = true;
        }
    /* 3.13's ucd_3_2_0.lookup() finds the characters added since 3.2 */
    if (found && (rt_py_minor >= 13 || !unassigned(cp, old)))
        return rt_str_from_codepoint(cp);
    /* aliases and named sequences: not in Unicode 3.2 (ucd_3_2_0) */
    for (size_t i = 0; !found && !old && strlen(plain) == len && i < COUNT(ud_aliases); i++)
        if (name_is(&ud_alias_data[ud_aliases[i].offset], upper, &sb)) {
            StrBuf out;
            sb_init(&out);
            for (uint32_t j = 0; j < ud_aliases[i].n; j++)
                sb_add_codepoint(&out, ud_aliases[i].cps[j]);
            return sb_finish(&out);
        }
    Value key = rt_str_format_c("undefined character name '%s'", plain);
    return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

/* ---- normalization ------------------------------------------------------------- */

typedef struct CpBuf {
    uint32_t *cp;
    size_t len, cap;
} CpBuf;

static void cp_push(CpBuf *b, uint32_t c)
{
    if (b->len == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 64;
        uint32_t *n = gc_alloc_atomic(cap * sizeof *n);
        if (b->len)
            memcpy(n, b->cp, b->len * sizeof *n);
        b->cp = n;
        b->cap = cap;
    }
    b->cp[b->len++] = c;
}

/* The combining class the normalizer sorts by: the current one in both
 * versions, as CPython's. */
static int ccc(uint32_t c)
{
    return record_of(c, false)->combining;
}

/* The full decomposition of c: canonical only, or with the compatibility
 * ones too (NFKD). */
static void decompose(uint32_t c, bool compat, bool old, CpBuf *out)
{
    if (c >= S_BASE && c < S_BASE + S_COUNT) {
        uint32_t s = c - S_BASE;
        cp_push(out, L_BASE + s / N_COUNT);
        cp_push(out, V_BASE + s % N_COUNT / T_COUNT);
        if (s % T_COUNT != 0)
            cp_push(out, T_BASE + s % T_COUNT);
        return;
    }
    for (size_t i = 0; old && i < COUNT(ud_old_corrections); i++)
        if (ud_old_corrections[i][0] == c) {
            decompose(ud_old_corrections[i][1], compat, old, out);
            return;
        }
    const uint32_t *d = decomposition_of(c, old);
    if (d == NULL || (!compat && (d[0] >> 8) != 0)) {
        cp_push(out, c);
        return;
    }
    for (uint32_t i = 0; i < (d[0] & 0xFF); i++)
        decompose(d[1 + i], compat, old, out);
}

/* The canonical ordering: each run of combining marks sorted by their
 * class, stably (an insertion sort: the runs are short). */
static void reorder(CpBuf *b)
{
    for (size_t i = 1; i < b->len; i++) {
        uint32_t c = b->cp[i];
        int cc = ccc(c);
        if (cc == 0)
            continue;
        size_t j = i;
        while (j > 0) {
            int prev = ccc(b->cp[j - 1]);
            if (prev == 0 || prev <= cc)
                break;
            b->cp[j] = b->cp[j - 1];
            j--;
        }
        b->cp[j] = c;
    }
}

/* The composite of a + b in the sorted table p[0..n), or 0. */
static uint32_t find_pair(const uint32_t (*p)[3], size_t n, uint32_t a, uint32_t b)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid][0] < a || (p[mid][0] == a && p[mid][1] < b))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && p[lo][0] == a && p[lo][1] == b ? p[lo][2] : 0;
}

/* The primary composite of a + b, or 0. */
static uint32_t compose_pair(uint32_t a, uint32_t b)
{
    if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
        return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
    if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0 &&
        b > T_BASE && b < T_BASE + T_COUNT)
        return a + (b - T_BASE);
    uint32_t c = find_pair(ud_compositions, COUNT(ud_compositions), a, b);
    const UdVersion *v = version();
    return c != 0 ? c : find_pair(v->compositions, v->ncompositions, a, b);
}

/* Canonical composition in place: each character joins the last starter
 * before it unless a character between them blocks it (same or higher
 * class, or a starter). */
static void compose(CpBuf *b)
{
    if (b->len == 0)
        return;
    size_t starter = 0, out = 1;
    int last = ccc(b->cp[0]) == 0 ? 0 : 256;
    for (size_t i = 1; i < b->len; i++) {
        uint32_t c = b->cp[i];
        int cc = ccc(c);
        uint32_t comp = last != 256 ? compose_pair(b->cp[starter], c) : 0;
        if (comp != 0 && (last < cc || (last == 0 && out == starter + 1))) {
            b->cp[starter] = comp;
            continue;
        }
        if (cc == 0) {
            starter = out;
        }
        last = cc;
        b->cp[out++] = c;
    }
    b->len = out;
}

/* The form named by `form` as (compose?, compat?); false + ValueError. */
static bool parse_form(Value form, bool *comp, bool *compat)
{
    const char *f = rt_str_cstr(form);
    if (strcmp(f, "NFC") == 0 || strcmp(f, "NFKC") == 0 || strcmp(f, "NFD") == 0 ||
        strcmp(f, "NFKD") == 0) {
        *compat = f[2] == 'K';
        *comp = f[strlen(f) - 1] == 'C';
        return true;
    }
    rt_raisef(&rt_ValueError, "invalid normalization form");
    return false;
}

/* normalize(form, unistr) and is_normalized(form, unistr): the form and
 * the normalized code points of the string. */
static bool normalize_args(const char *fname, Value *args, size_t nargs, Value kw, bool old,
                           CpBuf *out)
{
    bool comp, compat;
    if (!rt_arg_nokw_in(owner(old), fname, kw) || !rt_arg_range(fname, nargs, 2, 2))
        return false;
    for (int i = 0; i < 2; i++)
        if (!rt_is_str(args[i])) {
            rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %T", fname, i + 1, args[i]);
            return false;
        }
    if (!parse_form(args[0], &comp, &compat))
        return false;
    const char *s = rt_str_cstr(args[1]);
    size_t n = rt_str_nbytes(args[1]);
    for (size_t off = 0; off < n;) {
        size_t len;
        decompose(rt_utf8_decode(s + off, &len), compat, old, out);
        off += len;
    }
    reorder(out);
    if (comp)
        compose(out);
    return true;
}

static bool same_as(const CpBuf *b, Value s)
{
    if (b->len != AS_STR(s)->length)
        return false;
    const char *p = rt_str_cstr(s);
    for (size_t i = 0, off = 0; i < b->len; i++) {
        size_t len;
        if (rt_utf8_decode(p + off, &len) != b->cp[i])
            return false;
        off += len;
    }
    return true;
}

static Value ud_normalize(bool old, Value *args, size_t nargs, Value kw)
{
    CpBuf b = {0};
    if (nargs == 2 && kw == VAL_NULL && rt_is_str(args[1]) && AS_STR(args[1])->ascii &&
        rt_is_str(args[0])) {
        bool comp, compat;
        if (!parse_form(args[0], &comp, &compat))
            return VAL_NULL;
        return val_type(args[1]) == &rt_str_type ? args[1] : rt_str(args[1]);
    }
    if (!normalize_args("normalize", args, nargs, kw, old, &b))
        return VAL_NULL;
    if (same_as(&b, args[1]))
        return val_type(args[1]) == &rt_str_type ? args[1] : rt_str(args[1]);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < b.len; i++)
        sb_add_codepoint(&sb, b.cp[i]);
    return sb_finish(&sb);
}

static Value ud_is_normalized(bool old, Value *args, size_t nargs, Value kw)
{
    CpBuf b = {0};
    if (!normalize_args("is_normalized", args, nargs, kw, old, &b))
        return VAL_NULL;
    return rt_bool(same_as(&b, args[1]));
}

/* ---- the module and the UCD type ------------------------------------------------- */

/* Each function twice: unicodedata.f(...) and ucd.f(...). */
#define UD_FUNCTIONS(X)                                                          \
    X(category) X(bidirectional) X(combining) X(mirrored) X(east_asian_width)    \
    X(decomposition) X(decimal) X(digit) X(numeric) X(name) X(lookup)            \
    X(normalize) X(is_normalized)

#define UD_WRAPPERS(f)                                                           \
    static Value mod_##f(Value *a, size_t n, Value kw) { return ud_##f(false, a, n, kw); } \
    static Value ucd_##f(Value *a, size_t n, Value kw)                          \
    { return ud_##f(VAL_AS(ObjUCD, a[0])->old, a + 1, n - 1, kw); }
UD_FUNCTIONS(UD_WRAPPERS)

#define UD_MOD_ENTRY(f) {#f, mod_##f},
#define UD_UCD_ENTRY(f) {#f, ucd_##f},
static const MethodDef unicodedata_functions[] = { UD_FUNCTIONS(UD_MOD_ENTRY) {NULL, NULL} };
static const MethodDef ucd_methods[] = { UD_FUNCTIONS(UD_UCD_ENTRY) {NULL, NULL} };

static Value ucd_get_version(Value self)
{
    return rt_str_from_cstr(VAL_AS(ObjUCD, self)->old ? "3.2.0" : version()->version);
}

static const GetSetDef ucd_getsets[] = {
    {"unidata_version", ucd_get_version, 0, 0},
    {NULL, 0, 0, 0}
};

static ObjType ucd_type = {
    .ob.type = &rt_type_type, .name = "unicodedata.UCD", .new_ = mod_no_new,
    .getsets = ucd_getsets,
};

Value mod_unicodedata_init(void)
{
    Value m = mod_module_new("unicodedata", unicodedata_functions);
    mod_add_type(m, "UCD", &ucd_type, ucd_methods);
    ObjUCD *old = gc_alloc(sizeof *old);
    old->ob.type = &ucd_type;
    old->old = true;
    mod_module_set(m, "ucd_3_2_0", obj_val(old));
    const char *ver = version()->version;
    mod_module_set(m, "unidata_version", rt_str_from_cstr(ver));
    mod_module_set(m, "__doc__", rt_str_format_c(
        "This module provides access to the Unicode Character Database which\n"
        "defines character properties for all Unicode characters. The data in\n"
        "this database is based on the UnicodeData.txt file version\n"
        "%s which is publicly available from ftp://ftp.unicode.org/.\n\n"
        "The module uses the same names and symbols as defined by the\n"
        "UnicodeData File Format %s.", ver, ver));
    return m;
}
