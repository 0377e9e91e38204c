/*
 * cjk_codecs.c — _codecs_jp, _codecs_cn, _codecs_kr, _codecs_tw and
 * _codecs_hk: the stateless CJK codecs (Shift_JIS, CP932, EUC-JP, the JIS
 * X 0213 family, GB2312, GBK, GB18030, EUC-KR, CP949, Johab, Big5, CP950,
 * Big5-HKSCS), each module a getcodec(name) giving the MultibyteCodec that
 * Lib/encodings/<name>.py wraps.
 *
 * Every codec here is one engine over tables asked of python3.11's own
 * codecs at build time (modules/cjk_gen.py, which explains their shape):
 *
 *   decoding  a walk down a trie of byte sequences; each node says how
 *             many bytes the sequence needs before the codec looks at the
 *             next one, each entry is a character, a pair of characters,
 *             an illegal sequence of k bytes, or a deeper node;
 *   encoding  the trie turned around once, on first use (encode_map), the
 *             exceptions python3.11 makes (the table's `fixes`) applied on
 *             top; GB18030's four-byte sequences and EUC-KR's eight-byte
 *             make-up sequences are computed.
 *
 * The ISO-2022 codecs, which switch character sets with escape sequences,
 * are iso2022.c.
 */
#include <string.h>
#include "modules/modutil.h"
#include "modules/cjk.h"

typedef struct CjkNode {
    uint8_t lo, hi;             /* the bytes with their own entry */
    uint8_t need;               /* bytes the sequence must have from its start */
    uint8_t dflt;               /* bytes outside lo..hi: illegal over dflt bytes */
    uint8_t kind;               /* NODE_* */
    uint32_t offset;            /* of entry lo in the table's entries */
} CjkNode;

enum { NODE_PLAIN, NODE_GB4, NODE_MAKEUP };
enum { E_CHAR, E_ILLEGAL, E_NODE, E_PAIR };   /* an entry's top two bits */
#define ENTRY_KIND(e) ((e) >> 30)
#define ENTRY_VALUE(e) ((e) & 0x3FFFFFFF)

typedef struct CjkTable {
    const uint32_t *entries;
    const CjkNode *nodes;
    const uint32_t *pairs;      /* npairs (first, second) code points */
    uint32_t npairs;
    const uint32_t *fixes;      /* nfixes (code point, length, bytes big-endian) */
    uint32_t nfixes;
    const uint32_t *runs;       /* nruns (first number, first code point, length) */
    uint32_t nruns;
} CjkTable;

#include "cjk_tables.inc"

/* ---- Decoding ------------------------------------------------------------ */

/* GB18030's four bytes b1 b2 b3 b4 (b2 already checked to be a digit): the
 * code point of their number, or 0 when illegal. */
static uint32_t gb4_char(const CjkTable *t, const unsigned char *s)
{
    if (s[2] < 0x81 || s[2] > 0xFE || s[3] < 0x30 || s[3] > 0x39)
        return 0;
    uint32_t n = (((s[0] - 0x81u) * 10 + s[1] - 0x30u) * 126 + s[2] - 0x81u) * 10 + s[3] - 0x30u;
    size_t lo = 0, hi = t->nruns;
    while (lo < hi) {                   /* the last run starting at or before n */
        size_t mid = (lo + hi) / 2;
        if (t->runs[3 * mid] <= n)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    const uint32_t *run = &t->runs[3 * (lo - 1)];
    return n - run[0] < run[2] ? run[1] + (n - run[0]) : 0;
}

/* EUC-KR's A4 D4 A4 i A4 m A4 f: the syllable, or 0 when illegal. */
static uint32_t makeup_char(const unsigned char *s)
{
    if (s[2] != 0xA4 || s[4] != 0xA4 || s[6] != 0xA4)
        return 0;
    int i = makeup_jamo[s[3]], m = makeup_jamo[256 + s[5]], f = makeup_jamo[512 + s[7]];
    if (!i || !m || !f)
        return 0;
    return 0xAC00 + ((i - 1) * 21 + (m - 1)) * 28 + (f - 1);
}

static int table_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in,
                        size_t n, size_t *pos, StrBuf *out)
{
    (void)st;
    const CjkTable *t = codec->data;
    size_t i = *pos;
    while (i < n) {
        const CjkNode *node = &t->nodes[0];
        size_t j = i;
        for (;;) {
            if (n - i < node->need) {
                *pos = i;
                return CJK_TOOFEW;
            }
            if (node->kind != NODE_PLAIN) {
                uint32_t c = node->kind == NODE_GB4 ? gb4_char(t, in + i) : makeup_char(in + i);
                if (!c) {
                    *pos = i;
                    return 1;
                }
                sb_add_codepoint(out, c);
                i += node->need;
                break;
            }
            unsigned x = in[j++];
            uint32_t e = x >= node->lo && x <= node->hi ? t->entries[node->offset + x - node->lo]
                                                        : (uint32_t)E_ILLEGAL << 30 | node->dflt;
            if (ENTRY_KIND(e) == E_NODE) {
                node = &t->nodes[ENTRY_VALUE(e)];
                continue;
            }
            if (ENTRY_KIND(e) == E_ILLEGAL) {
                *pos = i;
                return (int)ENTRY_VALUE(e);
            }
            if (ENTRY_KIND(e) == E_CHAR) {
                sb_add_codepoint(out, ENTRY_VALUE(e));
            } else {
                sb_add_codepoint(out, t->pairs[2 * ENTRY_VALUE(e)]);
                sb_add_codepoint(out, t->pairs[2 * ENTRY_VALUE(e) + 1]);
            }
            i = j;
            break;
        }
    }
    *pos = i;
    return CJK_OK;
}

/* ---- Encoding ------------------------------------------------------------ */

/* A code point's encoding, packed: its length in the top byte, up to three
 * bytes below; 0: none.  A map has a page of 256 per 256 code points of
 * planes 0-2 (the characters these codecs have), made when first used. */
#define MAP_PAGES (0x30000 >> 8)
#define UNENCODABLE 0xFF000000u

typedef struct EncodeMap {
    uint32_t *pages[MAP_PAGES];
    uint32_t *pair_codes;       /* the encoding of each pair */
} EncodeMap;

static uint32_t map_get(const EncodeMap *m, uint32_t c)
{
    if (c >= 0x30000 || !m->pages[c >> 8])
        return 0;
    uint32_t code = m->pages[c >> 8][c & 0xFF];
    return code == UNENCODABLE ? 0 : code;
}

static void map_set(EncodeMap *m, uint32_t c, uint32_t code, bool replace)
{
    if (c >= 0x30000)
        return;
    uint32_t **page = &m->pages[c >> 8];
    if (!*page)
        *page = gc_alloc_atomic(256 * sizeof **page), memset(*page, 0, 256 * sizeof **page);
    if (replace || !(*page)[c & 0xFF])
        (*page)[c & 0xFF] = code;
}

/* Every character of the trie below node, with the bytes read so far
 * (`len` of them, packed in `prefix`): the first sequence in byte order
 * that decodes to a character encodes it. */
static void map_walk(const CjkTable *t, EncodeMap *m, uint32_t index, uint32_t prefix, int len)
{
    const CjkNode *node = &t->nodes[index];
    if (node->kind != NODE_PLAIN)
        return;
    for (unsigned x = node->lo; x <= node->hi && node->lo <= node->hi; x++) {
        uint32_t e = t->entries[node->offset + x - node->lo];
        uint32_t seq = prefix << 8 | x, code = (uint32_t)(len + 1) << 24 | seq;
        if (ENTRY_KIND(e) == E_NODE)
            map_walk(t, m, ENTRY_VALUE(e), seq, len + 1);
        else if (ENTRY_KIND(e) == E_CHAR)
            map_set(m, ENTRY_VALUE(e), code, false);
        else if (ENTRY_KIND(e) == E_PAIR && !m->pair_codes[ENTRY_VALUE(e)])
            m->pair_codes[ENTRY_VALUE(e)] = code;
    }
}

static const EncodeMap *encode_map(const CjkCodec *codec)
{
    static EncodeMap *maps[32];
    static const CjkCodec *owners[32];
    size_t k = 0;
    while (k < 32 && owners[k] && owners[k] != codec)
        k++;
    if (owners[k] == codec)
        return maps[k];
    const CjkTable *t = codec->data;
    EncodeMap *m = gc_alloc(sizeof *m);
    m->pair_codes = gc_alloc_atomic((t->npairs + 1) * sizeof *m->pair_codes);
    memset(m->pair_codes, 0, (t->npairs + 1) * sizeof *m->pair_codes);
    map_walk(t, m, 0, 0, 0);
    for (uint32_t f = 0; f < t->nfixes; f++) {
        const uint32_t *fix = &t->fixes[3 * f];
        map_set(m, fix[0], fix[1] ? fix[1] << 24 | fix[2] : UNENCODABLE, true);
    }
    maps[k] = m;
    owners[k] = codec;
    return m;
}

static void add_code(StrBuf *out, uint32_t code)
{
    for (int k = (int)(code >> 24) - 1; k >= 0; k--)
        sb_addc(out, (char)(code >> (8 * k) & 0xFF));
}

/* GB18030's four bytes for c, by the run holding it; false if none. */
static bool gb4_encode(const CjkTable *t, uint32_t c, StrBuf *out)
{
    for (uint32_t r = 0; r < t->nruns; r++) {
        const uint32_t *run = &t->runs[3 * r];
        if (c < run[1] || c - run[1] >= run[2])
            continue;
        uint32_t n = run[0] + (c - run[1]);
        char b[4] = { (char)(0x81 + n / 12600), (char)(0x30 + n / 1260 % 10),
                      (char)(0x81 + n / 10 % 126), (char)(0x30 + n % 10) };
        sb_add(out, b, 4);
        return true;
    }
    return false;
}

/* EUC-KR's make-up sequence for a Hangul syllable the table lacks. */
static bool makeup_encode(uint32_t c, StrBuf *out)
{
    if (c < 0xAC00 || c > 0xD7A3)
        return false;
    int want[3] = { (int)(c - 0xAC00) / 588, (int)(c - 0xAC00) / 28 % 21, (int)(c - 0xAC00) % 28 };
    char b[8] = { (char)0xA4, (char)0xD4 };
    for (int k = 0; k < 3; k++) {
        unsigned x = 0;
        while (x < 256 && makeup_jamo[256 * k + x] != want[k] + 1)
            x++;
        b[2 + 2 * k] = (char)0xA4;
        b[3 + 2 * k] = (char)x;
    }
    sb_add(out, b, 8);
    return true;
}

/* The pair c starts with `next`, or -1; `starts` says whether c starts any. */
static int find_pair(const CjkTable *t, uint32_t c, uint32_t next, bool *starts)
{
    *starts = false;
    for (uint32_t p = 0; p < t->npairs; p++) {
        if (t->pairs[2 * p] != c)
            continue;
        *starts = true;
        if (t->pairs[2 * p + 1] == next)
            return (int)p;
    }
    return -1;
}

static int table_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n,
                        size_t *pos, bool flush, StrBuf *out)
{
    (void)st;
    const CjkTable *t = codec->data;
    const EncodeMap *m = encode_map(codec);
    size_t i = *pos;
    for (; i < n; i++) {
        uint32_t c = in[i];
        if (c < 0x80 && m->pages[0][c] == (1u << 24 | c)) {
            sb_addc(out, (char)c);
            continue;
        }
        if (t->npairs) {
            bool starts;
            int p = find_pair(t, c, i + 1 < n ? in[i + 1] : 0, &starts);
            if (starts && i + 1 == n && !flush) {
                *pos = i;
                return CJK_TOOFEW;
            }
            if (p >= 0) {
                add_code(out, m->pair_codes[p]);
                i++;
                continue;
            }
        }
        uint32_t code = map_get(m, c);
        if (code)
            add_code(out, code);
        else if (!(t->nruns && gb4_encode(t, c, out)) &&
                 !(t == &euc_kr_table && makeup_encode(c, out))) {
            *pos = i;
            return 1;
        }
    }
    *pos = i;
    return CJK_OK;
}

/* ---- HZ ------------------------------------------------------------------
 * RFC 1843: GB2312 in 7 bits between ~{ and ~}, ~~ for a tilde, ~ and a
 * newline for nothing (a line continuation).  c[0] of the state: 1 inside
 * ~{ ... ~}.  The characters are GB2312's, without their high bits. */

/* The GB2312 character of c1 c2 (7-bit), or 0. */
static uint32_t hz_char(unsigned c1, unsigned c2)
{
    if (c1 < 0x21 || c1 > 0x7E || c2 < 0x21 || c2 > 0x7E)
        return 0;
    const CjkNode *root = &gb2312_table.nodes[0];
    uint32_t e = gb2312_table.entries[root->offset + (c1 | 0x80) - root->lo];
    if (ENTRY_KIND(e) != E_NODE)
        return 0;
    const CjkNode *node = &gb2312_table.nodes[ENTRY_VALUE(e)];
    unsigned x = c2 | 0x80;
    if (x < node->lo || x > node->hi)
        return 0;
    e = gb2312_table.entries[node->offset + x - node->lo];
    return ENTRY_KIND(e) == E_CHAR ? ENTRY_VALUE(e) : 0;
}

/* One step of the HZ decoder at in[0]: the bytes it took, or the error. */
static int hz_step(CjkState *st, const unsigned char *in, size_t left, StrBuf *out, size_t *len)
{
    unsigned c = in[0];
    *len = 2;
    if (c >= 0x80)
        return 1;
    if (c != '~' && !st->c[0]) {
        sb_addc(out, (char)c);
        *len = 1;
        return CJK_OK;
    }
    if (left < 2)
        return CJK_TOOFEW;
    unsigned c2 = in[1];
    if (c != '~') {                     /* inside ~{ ... ~}: a GB2312 character */
        uint32_t ch = hz_char(c, c2);
        if (!ch)
            return 1;
        sb_add_codepoint(out, ch);
    } else if (c2 == '~' && !st->c[0]) {
        sb_addc(out, '~');
    } else if ((c2 == '{' && !st->c[0]) || (c2 == '}' && st->c[0])) {
        st->c[0] = c2 == '{';
    } else if (c2 != '\n' || st->c[0]) {
        return 1;
    }
    return CJK_OK;
}

static int hz_decode(const CjkCodec *codec, CjkState *st, const unsigned char *in, size_t n,
                     size_t *pos, StrBuf *out)
{
    size_t i = *pos, len;
    int r = CJK_OK;
    while (i < n && (r = hz_step(st, in + i, n - i, out, &len)) == CJK_OK)
        i += len;
    *pos = i;
    return r;
}

static int hz_encode(const CjkCodec *codec, CjkState *st, const uint32_t *in, size_t n,
                     size_t *pos, bool flush, StrBuf *out)
{
    static const CjkCodec gb2312 = { "gb2312", &gb2312_table };
    const EncodeMap *m = encode_map(&gb2312);
    size_t i = *pos;
    for (; i < n; i++) {
        uint32_t c = in[i], code = c < 0x80 ? 0 : map_get(m, c);
        if (c < 0x80) {
            if (st->c[0])
                sb_add(out, "~}", 2), st->c[0] = 0;
            if (c == '~')
                sb_addc(out, '~');
            sb_addc(out, (char)c);
            continue;
        }
        if (code >> 24 != 2 || (code & 0x8080) != 0x8080) {
            *pos = i;
            return 1;
        }
        if (!st->c[0])
            sb_add(out, "~{", 2), st->c[0] = 1;
        sb_addc(out, (char)(code >> 8 & 0x7F));
        sb_addc(out, (char)(code & 0x7F));
    }
    *pos = i;
    return CJK_OK;
}

static void hz_reset(const CjkCodec *codec, CjkState *st, StrBuf *out)
{
    if (st->c[0])
        sb_add(out, "~}", 2), st->c[0] = 0;
}

/* ---- The modules --------------------------------------------------------- */

#define TABLE_CODEC(name) { #name, &name##_table, table_encode, table_decode, 0, 0 },

Value mod_cjk_getcodec(const CjkCodec *codecs, size_t n, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("getcodec", nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "encoding name must be a string.");
    for (size_t k = 0; k < n; k++)
        if (strcmp(codecs[k].name, rt_str_cstr(args[0])) == 0)
            return mod_mbcodec_new(&codecs[k]);
    return rt_raisef(&rt_LookupError, "no such codec is supported.");
}

#define CJK_MODULE(module, ...)                                                     \
    static const CjkCodec module##_codecs[] = { CJK_MODULE_##module(TABLE_CODEC) __VA_ARGS__ }; \
    static Value module##_getcodec(Value *args, size_t nargs, Value kw)             \
    {                                                                               \
        return mod_cjk_getcodec(module##_codecs, sizeof module##_codecs / sizeof module##_codecs[0], \
                        args, nargs, kw);                                           \
    }                                                                               \
    Value mod_codecs_##module##_init(void)                                          \
    {                                                                               \
        static const MethodDef fns[] = { { "getcodec", module##_getcodec, 0 }, { 0 } }; \
        return mod_module_new("_codecs_" #module, fns);                             \
    }

CJK_MODULE(jp)
CJK_MODULE(cn, { "hz", 0, hz_encode, hz_decode, hz_reset, 0 })
CJK_MODULE(kr)
CJK_MODULE(tw)
CJK_MODULE(hk)
