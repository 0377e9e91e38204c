/*
 * iso2022.c — _codecs_iso2022: ISO-2022-KR and the ISO-2022-JP family
 * (iso2022_jp, _1, _2, _2004, _3, _ext), the 7-bit codecs that switch
 * character sets with escape sequences (CPython's
 * Modules/cjkcodecs/_codecs_iso2022.c).
 *
 * The state is CPython's: the set designated to G0, G1 and G2 (a mark:
 * the final byte of the designation, with 0x80 for the two-byte sets, 'B'
 * for ASCII) in c[0..2], and in c[4] whether SO shifted to G1 (ISO-2022-KR
 * only; the JP codecs pass SO and SI through).  The decoder follows the
 * escape sequences it meets; the encoder writes one whenever a character
 * needs another set, and the flush goes back to ASCII.
 *
 * The sets' tables and which set encodes each character are asked of
 * python3.11 at build time (modules/cjk_gen.py iso2022).
 */
#include <string.h>
#include "modules/modutil.h"
#include "modules/cjk.h"
#include "runtime/version.h"

typedef struct IsoSet {
    unsigned mark;
    const uint32_t *table;      /* 96 bytes from 0x20, or 94 x 94 from 0x21 0x21; 0: none */
    const uint32_t *pairs;      /* a PAIR entry's two code points */
} IsoSet;

typedef struct IsoConfig {
    const IsoSet *sets;         /* the sets the codec designates, 0-terminated */
    const uint32_t *enc_cps;    /* sorted: the encodable code points above ASCII */
    const uint32_t *enc_codes;  /* for each, mark << 16 | code */
    uint32_t nenc;
} IsoConfig;

#include "cjk_iso2022.inc"

#define ESC 0x1B
#define SO 0x0E
#define SI 0x0F
#define ASCII 'B'
#define DBCS 0x80
#define SHIFTED 0x01
#define G(st, n) ((st)->c[n])
#define FLAGS(st) ((st)->c[4])

static const IsoConfig *config_of(const CjkCodec *codec) { return codec->data; }
static bool is_kr(const CjkCodec *codec) { return config_of(codec) == &iso2022_kr_config; }
static bool uses_g2(const CjkCodec *codec) { return config_of(codec) == &iso2022_jp_2_config; }

static const IsoSet *find_set(const IsoConfig *config, unsigned mark)
{
    for (const IsoSet *s = config->sets; s->mark; s++)
        if (s->mark == mark)
            return s;
    return NULL;
}

static void iso_init(const CjkCodec *codec, CjkState *st, bool encoder)
{
    G(st, 0) = G(st, 1) = ASCII;
    if (!encoder)
        G(st, 2) = ASCII;
}

/* ---- Decoding ------------------------------------------------------------ */

/* An escape sequence at in[0] (ESC): designate, or say what is wrong. */
static int designate(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t left,
                     size_t *len)
{
    size_t i, esclen = 0;
    for (i = 1; i < 16; i++) {
        if (i >= left)
            return CJK_TOOFEW;
        if ((in[i] >= 'A' && in[i] <= 'Z') || in[i] == '@') {
            esclen = i + 1;
            break;
        }
        if (!is_kr(codec) && i + 1 < left && in[i] == '&' && in[i + 1] == '@')
            i += 2;                     /* JIS X 0208-1990's announcer */
    }
    if (!esclen)
        return 1;
    unsigned mark;
    int g;
    if (esclen == 3 && in[1] == '$') {
        mark = in[2] | DBCS, g = 0;
    } else if (esclen == 3) {
        mark = in[2];
        if (in[1] == '(')
            g = 0;
        else if (in[1] == ')')
            g = 1;
        else if (in[1] == '.' && uses_g2(codec))
            g = 2;
        else
            return 3;
    } else if (esclen == 4) {
        if (in[1] != '$' || (in[2] != '(' && in[2] != ')'))
            return 4;
        mark = in[3] | DBCS, g = in[2] - '(';
    } else if (esclen == 6 && !is_kr(codec) && in[3] == ESC && in[4] == '$' && in[5] == 'B') {
        mark = 'B' | DBCS, g = 0;
    } else {
        return (int)esclen;
    }
    if (mark != ASCII && !find_set(config_of(codec), mark) &&
        !(g == 2 && (mark == 'A' || mark == 'F')))
        return (int)esclen;
    G(st, g) = (unsigned char)mark;
    *len = esclen;
    return CJK_OK;
}

/* ESC N x: one character of G2 (ISO-2022-JP-2). */
static int single_shift(CjkState *st, const unsigned char *in, StrBuf *out)
{
    unsigned x = in[2];
    if (x & 0x80)
        return 3;
    if (G(st, 2) == 'A')
        sb_add_codepoint(out, x + 0x80);
    else if (G(st, 2) == 'F' && iso8859_7_g2[x])
        sb_add_codepoint(out, iso8859_7_g2[x]);
    else if (G(st, 2) == ASCII)
        sb_add_codepoint(out, x);
    else
        return 3;
    return CJK_OK;
}

/* One character of a designated set at in[0]: its width, or the error. */
static int set_char(const IsoSet *set, const unsigned char *in, size_t left, StrBuf *out,
                    size_t *width)
{
    bool dbcs = set->mark & DBCS;
    *width = dbcs ? 2 : 1;
    if (left < *width)
        return CJK_TOOFEW;
    uint32_t e = 0;
    if (!dbcs)
        e = set->table[in[0] - 0x20];
    else if (in[0] >= 0x21 && in[0] <= 0x7E && in[1] >= 0x21 && in[1] <= 0x7E)
        e = set->table[(in[0] - 0x21) * 94 + in[1] - 0x21];
    if (!e)
        return (int)*width;
    if (e >> 30) {                      /* a pair */
        sb_add_codepoint(out, set->pairs[2 * (e & 0xFFFF)]);
        sb_add_codepoint(out, set->pairs[2 * (e & 0xFFFF) + 1]);
    } else {
        sb_add_codepoint(out, e);
    }
    return CJK_OK;
}

static int iso_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                      size_t *pos, StrBuf *out)
{
    size_t i = *pos;
    int r = CJK_OK;
    while (i < n && r == CJK_OK) {
        unsigned c = in[i];
        size_t len = 1;
        if (c == ESC) {
            if (n - i < 2) {
                r = CJK_TOOFEW;
            } else if (strchr("()$.&", in[i + 1]) && in[i + 1]) {
                r = designate(codec, st, in + i, n - i, &len);
            } else if (uses_g2(codec) && in[i + 1] == 'N') {
                len = 3;
                r = n - i < 3 ? CJK_TOOFEW : single_shift(st, in + i, out);
            } else {
                sb_addc(out, ESC);
            }
        } else if ((c == SI || c == SO) && is_kr(codec)) {
            FLAGS(st) = c == SO ? FLAGS(st) | SHIFTED : FLAGS(st) & ~SHIFTED;
        } else if (c == '\n') {
            FLAGS(st) &= ~SHIFTED;
            sb_addc(out, '\n');
        } else if (c < 0x20) {
            sb_addc(out, (char)c);
        } else if (c >= 0x80) {
            r = 1;
        } else {
            unsigned mark = FLAGS(st) & SHIFTED ? G(st, 1) : G(st, 0);
            const IsoSet *set = mark == ASCII ? NULL : find_set(config_of(codec), mark);
            if (set)
                r = set_char(set, in + i, n - i, out, &len);
            else if (mark == ASCII)
                sb_addc(out, (char)c);
            else
                r = 1;
        }
        if (r == CJK_OK)
            i += len;
    }
    *pos = i;
    return r;
}

/* ---- Encoding ------------------------------------------------------------ */

/* mark << 16 | code for c, or 0. */
static uint32_t encoding_of(const IsoConfig *config, uint32_t c)
{
    size_t lo = 0, hi = config->nenc;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (config->enc_cps[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < config->nenc && config->enc_cps[lo] == c ? config->enc_codes[lo] : 0;
}

static void shift_in(CjkState *st, StrBuf *out)
{
    if (FLAGS(st) & SHIFTED) {
        sb_addc(out, SI);
        FLAGS(st) &= ~SHIFTED;
    }
}

static void to_ascii(CjkState *st, StrBuf *out)
{
    if (G(st, 0) != ASCII) {
        sb_adds(out, "\x1b(B");
        G(st, 0) = ASCII;
    }
}

/* Write one character of set `mark`, designating (and shifting to) the
 * set first if it is not where the state says. */
static void put_code(const CjkCodec *codec, CjkState *st, unsigned mark, unsigned code,
                     StrBuf *out)
{
    char esc[4] = { ESC, '$', '(', (char)(mark & 0x7F) };
    if (is_kr(codec)) {                 /* KS X 1001 in G1, shifted to */
        if (G(st, 1) != mark) {
            sb_add(out, "\x1b$)C", 4);
            G(st, 1) = (unsigned char)mark;
        }
        if (!(FLAGS(st) & SHIFTED)) {
            sb_addc(out, SO);
            FLAGS(st) |= SHIFTED;
        }
    } else if (G(st, 0) != mark) {
        shift_in(st, out);
        if (!(mark & DBCS))
            esc[1] = '(', esc[2] = (char)mark, sb_add(out, esc, 3);
        else if (mark == ('B' | DBCS))
            esc[2] = 'B', sb_add(out, esc, 3);
        else
            sb_add(out, esc, 4);
        G(st, 0) = (unsigned char)mark;
    }
    if (mark & DBCS)
        sb_addc(out, (char)(code >> 8));
    sb_addc(out, (char)(code & 0xFF));
}

/* JIS X 0213's combining pairs in iso2022_jp_2004 and iso2022_jp_3: a
 * character that may start one waits for the next (both versions); 3.12
 * then encodes the two as one code of plane 1 (か and ゚), 3.11 each alone.
 * The index of the pair c starts with next, or -1; *starts: c starts some
 * pair. */
static int jis_pair(const CjkCodec *codec, uint32_t c, uint32_t next, bool *starts)
{
    *starts = false;
    if (config_of(codec) != &iso2022_jp_2004_config && config_of(codec) != &iso2022_jp_3_config)
        return -1;
    int found = -1;
    for (size_t p = 0; p < sizeof jisx0213_pairs / sizeof jisx0213_pairs[0]; p += 3) {
        if (jisx0213_pairs[p] != c)
            continue;
        *starts = true;
        if (jisx0213_pairs[p + 1] == next && rt_py_minor >= 12)
            found = (int)p;
    }
    return found;
}

static int iso_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n,
                      size_t *pos, bool flush, StrBuf *out)
{
    size_t i = *pos;
    for (; i < n; i++) {
        uint32_t c = in[i];
        if (c < 0x80) {
            to_ascii(st, out);
            shift_in(st, out);
            sb_addc(out, (char)c);
            continue;
        }
        bool starts;
        int p = jis_pair(codec, c, i + 1 < n ? in[i + 1] : 0, &starts);
        if (starts && i + 1 == n && !flush) {
            *pos = i;
            return CJK_TOOFEW;
        }
        if (p >= 0) {
            unsigned plane1 = config_of(codec) == &iso2022_jp_3_config ? 'O' : 'Q';
            put_code(codec, st, plane1 | DBCS, jisx0213_pairs[p + 2], out);
            i++;
            continue;
        }
        uint32_t e = encoding_of(config_of(codec), c);
        if (!e) {
            *pos = i;
            return 1;
        }
        put_code(codec, st, e >> 16, e & 0xFFFF, out);
    }
    *pos = i;
    return CJK_OK;
}

static void iso_reset(const CjkCodec *codec, CjkState *st, StrBuf *out)
{
    shift_in(st, out);
    to_ascii(st, out);
}

/* ---- The module ---------------------------------------------------------- */

#define ISO_CODEC(name) { #name, &name##_config, iso_encode, iso_decode, iso_reset, iso_init },
static const CjkCodec iso2022_codecs[] = { CJK_MODULE_iso2022(ISO_CODEC) };

static Value iso_getcodec(Value *args, size_t nargs, Value kw)
{
    return mod_cjk_getcodec(iso2022_codecs, sizeof iso2022_codecs / sizeof iso2022_codecs[0],
                            args, nargs, kw);
}

Value mod_codecs_iso2022_init(void)
{
    static const MethodDef fns[] = { { "getcodec", iso_getcodec, 0 }, { 0 } };
    return mod_module_new("_codecs_iso2022", fns);
}
