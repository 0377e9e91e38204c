/*
 * unicode.c — UTF-8 coding and the character classes str's methods need.
 *
 * pvm stores str as UTF-8 (see object.h), so every text operation that looks
 * at characters decodes the bytes here.  The decoder assumes valid input:
 * rt_utf8_valid checks text once where it enters pvm (marshal, bytes.decode),
 * and everything built inside pvm is valid by construction.  "Valid" follows
 * marshal's surrogatepass: lone surrogates U+D800..U+DFFF encoded in 3 bytes
 * are accepted, because CPython's .pyc files may contain them.
 *
 * Character classes and case mapping follow CPython 3.11 (Unicode 14.0).
 * utf8proc supplies each code point's general category, bidirectional class,
 * simple case mappings and full case folding; the properties utf8proc does not
 * record (Other_Lowercase, Numeric_Type, XID_Start/Continue, SpecialCasing)
 * come from unicode_tables.h, generated from CPython 3.11's database by
 * unicode_gen.py.  utf8proc may know a newer Unicode than 14.0; the code
 * points it assigns that 14.0 does not (the `newer` table) are treated as
 * unassigned, as CPython 3.11 treats them.
 *
 * 3.12, 3.13 and 3.14 bytecode gets its CPython's Unicode (15.0, 15.1,
 * 16.0): where that version's str methods say something else of a code
 * point, its `overrides` table (also from unicode_gen.py) answers instead.
 */
#include <string.h>
#include <utf8proc.h>
#include "runtime/str.h"
#include "runtime/unicode_tables.h"
#include "runtime/version.h"

/* ---- UTF-8 -------------------------------------------------------------- */

size_t rt_utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

uint32_t rt_utf8_decode(const char *s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    if (p[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (p[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6)
               | (p[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12)
           | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

size_t rt_utf8_prev(const char *s, size_t off)
{
    do {
        off--;
    } while (off > 0 && ((unsigned char)s[off] & 0xC0) == 0x80);
    return off;
}

/* The allowed range of the byte after lead byte b, and the sequence length
 * (0: b cannot start a sequence).  The narrowed ranges rule out overlong
 * forms (E0, F0), values above U+10FFFF (F4) and, when strict, surrogates
 * (ED A0..BF). */
static inline size_t utf8_lead(unsigned char b, bool strict, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b < 0x80)
        return 1;
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0)
            *lo = 0xA0;
        if (b == 0xED && strict)
            *hi = 0x9F;
        return 3;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0)
            *lo = 0x90;
        if (b == 0xF4)
            *hi = 0x8F;
        return 4;
    }
    return 0;
}

/* Length of the valid sequence starting at s[0..n), or 0 if invalid. */
static inline size_t utf8_seq_len(const unsigned char *s, size_t n, bool strict)
{
    unsigned char lo, hi;
    size_t len = utf8_lead(s[0], strict, &lo, &hi);
    if (len <= 1)
        return len;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

#define HIGH_BITS 0x8080808080808080ull

/* Checked eight bytes at a time: a word of ASCII is passed over whole; in
 * a word with a byte >= 0x80 the ASCII bytes before it are passed over
 * together (counted from the lowest set high bit) and the sequence it
 * starts is checked.  Text with a non-ASCII character every few dozen
 * bytes (accented Latin) then costs one word test per sequence, not one
 * per byte up to it (text_lines' lines: 145 -> ~60 M instructions). */
static bool utf8_check(const unsigned char *s, size_t n, bool strict, size_t *ncodepoints)
{
    size_t count = 0, i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t high = w & HIGH_BITS;
            if (high == 0) {
                i += 8;                 /* eight ASCII characters at once */
                count += 8;
                continue;
            }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            size_t ascii = (size_t)__builtin_ctzll(high) / 8;
#else
            size_t ascii = (size_t)__builtin_clzll(high) / 8;
#endif
            i += ascii;
            count += ascii;
        }
        size_t len = utf8_seq_len(s + i, n - i, strict);
        if (len == 0)
            return false;
        i += len;
        count++;
    }
    if (ncodepoints)
        *ncodepoints = count;
    return true;
}

bool rt_utf8_valid(const unsigned char *s, size_t n, size_t *ncodepoints)
{
    return utf8_check(s, n, false, ncodepoints);
}

bool rt_utf8_valid_strict(const unsigned char *s, size_t n, size_t *ncodepoints)
{
    return utf8_check(s, n, true, ncodepoints);
}

size_t rt_utf8_error(const unsigned char *s, size_t n, size_t *bad_len,
                     const char **reason)
{
    size_t i = 0, len;
    while (i < n && (len = utf8_seq_len(s + i, n - i, true)) != 0)
        i += len;
    /* CPython's three reasons, with the bytes it blames. */
    unsigned char lo, hi;
    *bad_len = 1;
    if (i >= n || utf8_lead(s[i], true, &lo, &hi) == 0) {
        *reason = "invalid start byte";
        return i;
    }
    if (i + 1 < n && (s[i + 1] < lo || s[i + 1] > hi)) {
        *reason = "invalid continuation byte";
        return i;
    }
    size_t j = 1;
    while (i + j < n && (s[i + j] & 0xC0) == 0x80)
        j++;
    *reason = (i + j >= n) ? "unexpected end of data" : "invalid continuation byte";
    *bad_len = j;
    return i;
}

/* ---- Unicode properties ------------------------------------------------- */

static bool in_ranges(const UniRange *r, size_t n, uint32_t c)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}
#define IN(table, c) in_ranges(table, sizeof table / sizeof table[0], c)

/* The later version's answers for c (above ASCII), where they are not
 * 3.11's; NULL where they are, and always under 3.11. */
static const UniOverride *override(uint32_t c)
{
    if (rt_py_minor <= 11)
        return NULL;
    size_t v = (size_t)(rt_py_minor - 12), n = sizeof overrides / sizeof overrides[0];
    const UniOverride *r = overrides[v < n ? v : n - 1].table;
    size_t lo = 0, hi = overrides[v < n ? v : n - 1].n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return &r[mid];
    }
    return NULL;
}

/* Answer from the override of c, if it has one. */
#define OVERRIDDEN(c, flag)                                   \
    do {                                                      \
        const UniOverride *o_ = override(c);                  \
        if (o_ != NULL)                                       \
            return (o_->flags & (flag)) != 0;                 \
    } while (0)

/* The general category as Unicode 14.0 has it (newer assignments are Cn). */
static int category(uint32_t c)
{
    if (c > 0x10FFFF || IN(newer, c))
        return UTF8PROC_CATEGORY_CN;
    return utf8proc_category((utf8proc_int32_t)c);
}

static bool is_letter_category(int cat)
{
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

/* ---- Character classes (CPython's Objects/unicodectype.c flags) --------- */

/* White space: category Zs or bidirectional class WS, B or S. */
bool rt_uni_isspace(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    OVERRIDDEN(c, UNI_SPACE);
    if (category(c) == UTF8PROC_CATEGORY_CN)
        return false;
    int bidi = utf8proc_get_property((utf8proc_int32_t)c)->bidi_class;
    return category(c) == UTF8PROC_CATEGORY_ZS || bidi == UTF8PROC_BIDI_CLASS_WS
           || bidi == UTF8PROC_BIDI_CLASS_B || bidi == UTF8PROC_BIDI_CLASS_S;
}

/* Line boundaries for splitlines: category Zl/Zp or bidirectional class B. */
bool rt_uni_islinebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)
           || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Lowercase / Uppercase: the derived properties (Ll plus Other_Lowercase). */
bool rt_uni_isupper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    OVERRIDDEN(c, UNI_UPPER);
    return category(c) == UTF8PROC_CATEGORY_LU || IN(other_upper, c);
}

bool rt_uni_islower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    OVERRIDDEN(c, UNI_LOWER);
    return category(c) == UTF8PROC_CATEGORY_LL || IN(other_lower, c);
}

bool rt_uni_istitle(uint32_t c)
{
    if (c < 0x80)
        return false;
    OVERRIDDEN(c, UNI_TITLE);
    return category(c) == UTF8PROC_CATEGORY_LT;
}

/* Cased: an upper/lower/title distinction (title() and istitle() use it). */
bool rt_uni_iscased(uint32_t c)
{
    return rt_uni_isupper(c) || rt_uni_islower(c) || rt_uni_istitle(c);
}

/* Case_Ignorable (for the final-sigma rule of lower()): Mn, Me, Cf, Lm, Sk
 * and the word-internal punctuation of Word_Break MidLetter/MidNumLet/
 * Single_Quote. */
bool rt_uni_iscaseignorable(uint32_t c)
{
    switch (c) {
    case 0x27: case 0x2E: case 0x3A: case 0x5E: case 0x60: case 0xA8: case 0xAD:
    case 0xAF: case 0xB4: case 0xB7: case 0xB8: case 0x387: case 0x55F: case 0x5F4:
    case 0x2018: case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52:
    case 0xFE55: case 0xFF07: case 0xFF0E: case 0xFF1A:
        return true;
    }
    if (c >= 0x80)
        OVERRIDDEN(c, UNI_CASEIGNORABLE);
    int cat = category(c);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME
           || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_LM
           || cat == UTF8PROC_CATEGORY_SK;
}

bool rt_uni_isalpha(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    OVERRIDDEN(c, UNI_ALPHA);
    return is_letter_category(category(c));
}

bool rt_uni_isdecimal(uint32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9';
    OVERRIDDEN(c, UNI_DECIMAL);
    return category(c) == UTF8PROC_CATEGORY_ND;
}

bool rt_uni_isdigit(uint32_t c)
{
    if (c >= 0x80)
        OVERRIDDEN(c, UNI_DIGIT);
    return rt_uni_isdecimal(c) || (c >= 0x80 && IN(digit, c));
}

bool rt_uni_isnumeric(uint32_t c)
{
    if (c >= 0x80)
        OVERRIDDEN(c, UNI_NUMERIC);
    return rt_uni_isdigit(c) || (c >= 0x80 && IN(numeric, c));
}

bool rt_uni_isalnum(uint32_t c)
{
    return rt_uni_isalpha(c) || rt_uni_isnumeric(c);
}

/* CPython's Py_UNICODE_ISPRINTABLE: not in Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs,
 * except the ASCII space. */
bool rt_uni_isprintable(uint32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7F;
    OVERRIDDEN(c, UNI_PRINTABLE);
    switch (category(c)) {
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

bool rt_uni_isidstart(uint32_t c)
{
    if (c < 0x80)
        return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    OVERRIDDEN(c, UNI_IDSTART);
    return IN(xid_start, c);
}

bool rt_uni_isidcontinue(uint32_t c)
{
    if (c < 0x80)
        return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
    OVERRIDDEN(c, UNI_IDCONTINUE);
    return IN(xid_continue, c);
}

/* ---- Case mapping ------------------------------------------------------- */
/* Each writes the full mapping of c (1 to 3 code points) and returns its
 * length: SpecialCasing first, then utf8proc's simple mapping. */

static const UniSpecial *special(uint32_t c)
{
    size_t lo = 0, hi = sizeof special_case / sizeof special_case[0];
    if (c < 0xDF)
        return NULL;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < special_case[mid].cp)
            hi = mid;
        else if (c > special_case[mid].cp)
            lo = mid + 1;
        else
            return &special_case[mid];
    }
    return NULL;
}

static size_t copy_seq(const uint32_t seq[3], uint32_t out[3])
{
    size_t n = 0;
    while (n < 3 && seq[n] != 0) {
        out[n] = seq[n];
        n++;
    }
    return n;
}

/* Which mapping: 0 upper, 1 lower, 2 title. */
static size_t map_case(uint32_t c, int which, uint32_t out[3])
{
    if (c < 0x80) {
        if (which == 1)
            out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
        else
            out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
        return 1;
    }
    const UniOverride *o = override(c);
    if (o != NULL) {
        out[0] = c + (uint32_t)(which == 0 ? o->upper : which == 1 ? o->lower : o->title);
        return 1;
    }
    const UniSpecial *sp = special(c);
    if (sp != NULL)
        return copy_seq(which == 0 ? sp->upper : which == 1 ? sp->lower : sp->title, out);
    if (c > 0x10FFFF || IN(newer, c)) {
        out[0] = c;
        return 1;
    }
    utf8proc_int32_t x = (utf8proc_int32_t)c;
    out[0] = (uint32_t)(which == 0 ? utf8proc_toupper(x)
                        : which == 1 ? utf8proc_tolower(x) : utf8proc_totitle(x));
    return 1;
}

size_t rt_uni_toupper(uint32_t c, uint32_t out[3])
{
    return map_case(c, 0, out);
}

size_t rt_uni_tolower(uint32_t c, uint32_t out[3])
{
    return map_case(c, 1, out);
}

size_t rt_uni_totitle(uint32_t c, uint32_t out[3])
{
    return map_case(c, 2, out);
}

/* Full case folding (CaseFolding.txt C+F) is utf8proc's CASEFOLD option. */
size_t rt_uni_casefold(uint32_t c, uint32_t out[3])
{
    const UniOverride *o = c < 0x80 ? NULL : override(c);
    if (o != NULL) {
        out[0] = c + (uint32_t)o->fold;
        return 1;
    }
    if (c < 0x80 || c > 0x10FFFF || IN(newer, c))
        return map_case(c, 1, out);
    utf8proc_int32_t buf[4];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 4,
                                                 UTF8PROC_CASEFOLD, &boundclass);
    if (n < 1 || n > 3)
        return map_case(c, 1, out);
    for (utf8proc_ssize_t i = 0; i < n; i++)
        out[i] = (uint32_t)buf[i];
    return (size_t)n;
}
