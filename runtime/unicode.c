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
 * Character classes and case mapping: full Unicode tables (utf8proc) arrive in
 * a later issue.  Until then these functions know ASCII and Latin-1 exactly
 * (the classes below match CPython for U+0000..U+00FF), a few special cases
 * CPython produces for Latin-1 letters ('ß'.upper() == 'SS', 'ÿ'.upper() ==
 * 'Ÿ', 'µ'.upper() == 'Μ'), Unicode's whitespace exactly, and otherwise treat
 * a code point above U+00FF as a caseless letter.  This is an approximation,
 * chosen so identifiers and text in other scripts behave sensibly.
 */
#include "runtime/str.h"

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
static size_t utf8_lead(unsigned char b, bool strict, unsigned char *lo, unsigned char *hi)
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
static size_t utf8_seq_len(const unsigned char *s, size_t n, bool strict)
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

static bool utf8_check(const unsigned char *s, size_t n, bool strict, size_t *ncodepoints)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
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

/* ---- Character classes -------------------------------------------------- */

bool rt_uni_isspace(uint32_t c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
           || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool rt_uni_islinebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)
           || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool rt_uni_isupper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return c >= 0xC0 && c <= 0xDE && c != 0xD7;
}

bool rt_uni_islower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return (c >= 0xDF && c <= 0xFF && c != 0xF7) || c == 0xAA || c == 0xB5 || c == 0xBA;
}

/* General punctuation, symbols and spaces above Latin-1 that are not letters. */
static bool is_nonletter_above_latin1(uint32_t c)
{
    return (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F)
           || (c >= 0xD800 && c <= 0xDFFF) || (c >= 0xE000 && c <= 0xF8FF)
           || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFF00 && c <= 0xFF20)
           || (c >= 0x1F000 && c <= 0x1FAFF) || c > 0x10FFFF || rt_uni_isspace(c);
}

bool rt_uni_isalpha(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c <= 0xFF)
        return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    return !is_nonletter_above_latin1(c);
}

bool rt_uni_isdecimal(uint32_t c)
{
    return c >= '0' && c <= '9';
}

bool rt_uni_isdigit(uint32_t c)
{
    return rt_uni_isdecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9;
}

bool rt_uni_isnumeric(uint32_t c)
{
    return rt_uni_isdigit(c) || (c >= 0xBC && c <= 0xBE);
}

bool rt_uni_isalnum(uint32_t c)
{
    return rt_uni_isalpha(c) || rt_uni_isnumeric(c);
}

/* CPython's Py_UNICODE_ISPRINTABLE: not in categories Cc, Cf, Cs, Co, Cn,
 * Zl, Zp, Zs (except the ASCII space).  Exact for ASCII and Latin-1; above
 * that, the format characters, separators, surrogates, private use areas and
 * non-characters listed here, everything else counted as printable. */
bool rt_uni_isprintable(uint32_t c)
{
    if (c < 0x80)
        return c >= 0x20 && c < 0x7F;
    if (c <= 0xA0 || c == 0xAD)
        return false;
    if (rt_uni_isspace(c))
        return false;
    if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFB))
        return false;                                   /* Cf */
    if ((c >= 0xD800 && c <= 0xF8FF) || c >= 0xF0000)
        return false;                                   /* Cs, Co */
    if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
        return false;                                   /* non-characters */
    if (c == 0x0378 || c == 0x0379 || (c >= 0xE0000 && c <= 0xE0FFF))
        return false;                                   /* a few unassigned / tags */
    return true;
}

bool rt_uni_isidstart(uint32_t c)
{
    return c == '_' || rt_uni_isalpha(c);
}

bool rt_uni_isidcontinue(uint32_t c)
{
    return rt_uni_isidstart(c) || rt_uni_isdecimal(c) || c == 0xB7;
}

/* ---- Case mapping ------------------------------------------------------- */
/* Each returns the number of code points written to out (1 or 2). */

size_t rt_uni_toupper(uint32_t c, uint32_t out[3])
{
    if (c < 0x80)
        out[0] = (c >= 'a' && c <= 'z') ? c - 32 : c;
    else if (c == 0xDF) {
        out[0] = out[1] = 'S';
        return 2;
    } else if (c == 0xFF)
        out[0] = 0x178;
    else if (c == 0xB5)
        out[0] = 0x39C;
    else if (c >= 0xE0 && c <= 0xFE && c != 0xF7)
        out[0] = c - 32;
    else
        out[0] = c;
    return 1;
}

size_t rt_uni_tolower(uint32_t c, uint32_t out[3])
{
    if (c < 0x80)
        out[0] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    else if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        out[0] = c + 32;
    else if (c == 0x178)
        out[0] = 0xFF;
    else
        out[0] = c;
    return 1;
}

size_t rt_uni_totitle(uint32_t c, uint32_t out[3])
{
    if (c == 0xDF) {                        /* 'ß'.title() == 'Ss' */
        out[0] = 'S';
        out[1] = 's';
        return 2;
    }
    return rt_uni_toupper(c, out);
}

size_t rt_uni_casefold(uint32_t c, uint32_t out[3])
{
    if (c == 0xDF) {
        out[0] = out[1] = 's';
        return 2;
    }
    if (c == 0xB5) {
        out[0] = 0x3BC;
        return 1;
    }
    return rt_uni_tolower(c, out);
}

/* Cased characters: those with an upper/lower distinction (title case). */
bool rt_uni_iscased(uint32_t c)
{
    return rt_uni_isupper(c) || rt_uni_islower(c);
}
