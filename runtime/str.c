/*
 * str.c — the str type: creation, interning, hashing, comparison, repr,
 * indexing and slicing, iteration, and the StrBuf used to build text.
 *
 * A str is immutable UTF-8 (object.h's ObjStr).  Two facts make the common
 * case fast:
 *   - `ascii` is true when every byte is < 0x80; then code point i is byte i,
 *     so len, indexing and slicing are O(1) byte operations;
 *   - other strings build an array of their code points the first time they
 *     are indexed (kept in a word after the data), and index into that.
 * UTF-8's byte order is code-point order, so comparison is memcmp, and since
 * UTF-8 is self-synchronising, substring search can run on the bytes too.
 *
 * The methods (split, join, ...) are in strmethods.c; format(), str.format
 * and the % operator in format.c; UTF-8 decoding and character classes in
 * unicode.c.
 */
#define _GNU_SOURCE             /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>
#include <sys/random.h>
#include "runtime/runtime.h"
#include "runtime/siphash.h"
#include "runtime/version.h"
#include "runtime/buffer.h"

static Value str_iter(Value self);

/* ---- Creation ------------------------------------------------------------ */

/* A str longer than its 32-bit lengths can say (object.h): reported as
 * running out of memory is; out of line, so that str_alloc stays inlined. */
static __attribute__((noinline, cold)) void str_too_long(size_t nbytes)
{
    fflush(stdout);
    fprintf(stderr, "pvm: out of memory (a str of %zu bytes: at most 4 GiB)\n", nbytes);
    exit(1);
}

/* Every header field but the length (the caller's). */
static inline void str_header(ObjStr *s, size_t nbytes, bool ascii)
{
    s->ob.type = &rt_str_type;
    s->nbytes = nbytes;
    s->hash = -1;
    s->ascii = ascii;
    s->interned = false;
    s->owned = false;
}

/* An ObjStr with room for nbytes of data plus the NUL.  An ASCII string
 * holds no pointer and is allocated atomic (not zeroed: every header field
 * is set here or by the caller); another has a word after its data for the
 * cached characters' pointer (rt_str_size), so it is allocated scanned. */
static inline ObjStr *str_alloc(size_t nbytes, bool ascii)
{
    if (nbytes > RT_STR_MAX)
        str_too_long(nbytes);
    size_t size = rt_str_size(nbytes, ascii);
    ObjStr *s = ascii ? gc_alloc_atomic(size) : gc_alloc_one_pointer(size);
    str_header(s, nbytes, ascii);
    return s;
}

/* As str_alloc, but a big str (a MiB or more) the heap cannot give is
 * MemoryError (NULL, raised), not the end of pvm, as a list's items are
 * (list_resize): `s += s` in a loop under a heap limit asked for a block
 * larger than the reserve str_alloc falls back on, and pvm exited "out of
 * memory" where CPython raises MemoryError (found by the fuzzer).  A
 * smaller str keeps the infallible path: MemoryError at the next safe
 * point, once the reserve is spent. */
enum { STR_BIG = 1 << 20 };

static ObjStr *str_alloc_big(size_t nbytes, bool ascii)
{
    if (nbytes < STR_BIG || nbytes > RT_STR_MAX)
        return str_alloc(nbytes, ascii);
    size_t size = rt_str_size(nbytes, ascii);
    ObjStr *s = ascii ? gc_try_alloc_atomic(size) : gc_try_alloc_one_pointer(size);
    if (s == NULL) {
        rt_raise_nomemory();
        return NULL;
    }
    str_header(s, nbytes, ascii);
    return s;
}

/* Where a non-ASCII string keeps its cached characters' pointer. */
static void **chars_slot(ObjStr *s)
{
    return (void **)((char *)s + rt_str_size(s->nbytes, false) - sizeof(void *));
}

/* The collector's question about a non-ASCII str's block (str_alloc takes
 * them from gc_alloc_one_pointer, and nothing else does): where its one
 * pointer lies.  The slot follows from nbytes, which is set as the block
 * is handed out (zero until then, and the block too) and never changes:
 * no in-place growth or truncation applies to a non-ASCII str. */
static void **chars_slot_of_block(void *block)
{
    return chars_slot(block);
}

/* Are all n bytes below 0x80?  Eight at a time where possible. */
static bool bytes_are_ascii(const char *p, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ull)
            return false;
    }
    for (; i < n; i++)
        if ((unsigned char)p[i] & 0x80)
            return false;
    return true;
}

/* The continuation bytes (10xxxxxx) among the eight of w: a byte's top
 * bit set and next bit clear leaves 0x80 in it, and the multiplication
 * sums those ones into the top byte. */
static inline size_t continuation_bytes(uint64_t w)
{
    uint64_t marks = w & ~(w << 1) & 0x8080808080808080ull;
    return (size_t)((marks >> 7) * 0x0101010101010101ull >> 56);
}

/* Code points in valid UTF-8: every byte that is not a continuation byte,
 * counted eight at a time; the last few in the eight that end the text,
 * its bytes counted already shifted out (to the low end of the word in
 * memory order). */
size_t rt_utf8_count(const char *p, size_t n)
{
    size_t cont = 0, i = 0;
    uint64_t w;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, 8);
        cont += continuation_bytes(w);
    }
    if (i < n && n >= 8) {
        memcpy(&w, p + n - 8, 8);
        unsigned done = 8 * (unsigned)(8 - (n - i));
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        cont += continuation_bytes(w >> done);
#else
        cont += continuation_bytes(w << done);
#endif
        i = n;
    }
    for (; i < n; i++)
        cont += ((unsigned char)p[i] & 0xC0) == 0x80;
    return n - cont;
}

bool rt_str_has_surrogates(Value v)
{
    const ObjStr *s = AS_STR(v);
    if (s->ascii)
        return false;
    const char *p = s->data, *end = s->data + s->nbytes;
    while ((p = memchr(p, 0xED, (size_t)(end - p))) != NULL) {
        if (++p < end && (unsigned char)*p >= 0xA0)
            return true;
    }
    return false;
}

size_t rt_utf8_skip(const char *p, size_t n, size_t *count)
{
    size_t want = *count, seen = 0, i = 0;
    for (; i + 8 <= n; i += 8) {        /* whole words while the one wanted is past them */
        uint64_t w;
        memcpy(&w, p + i, 8);
        size_t leads = 8 - continuation_bytes(w);
        if (seen + leads > want)
            break;
        seen += leads;
    }
    for (; i < n; i++) {
        if (((unsigned char)p[i] & 0xC0) != 0x80 && seen++ == want)
            return i;
    }
    *count = seen;
    return n;
}

Value rt_str_uninit(size_t nbytes, size_t length, bool ascii)
{
    ObjStr *s = str_alloc_big(nbytes, ascii);
    if (s == NULL)
        return VAL_NULL;
    s->data[nbytes] = '\0';
    s->length = length;
    return obj_val(s);
}

Value rt_str_new_known(const char *utf8, size_t nbytes, size_t length, bool ascii)
{
    ObjStr *s = str_alloc(nbytes, ascii);
    memcpy(s->data, utf8, nbytes);
    s->data[nbytes] = '\0';
    s->length = length;
    return obj_val(s);
}

Value rt_str_new(const char *utf8, size_t nbytes)
{
    bool ascii = bytes_are_ascii(utf8, nbytes);
    size_t length = ascii ? nbytes : rt_utf8_count(utf8, nbytes);
    return rt_str_new_known(utf8, nbytes, length, ascii);
}

Value rt_str_from_cstr(const char *s)
{
    return rt_str_new(s, strlen(s));
}

Value rt_str_from_latin1(const unsigned char *s, size_t n)
{
    /* Nearly always ASCII (marshal's names and docstrings): asked eight
     * bytes at a time before any byte is counted. */
    if (bytes_are_ascii((const char *)s, n))
        return rt_str_new_known((const char *)s, n, n, true);
    size_t extra = 0;
    for (size_t i = 0; i < n; i++)
        extra += s[i] >= 0x80;
    ObjStr *o = str_alloc(n + extra, false);
    char *d = o->data;
    for (size_t i = 0; i < n; i++)
        d += rt_utf8_encode(s[i], d);
    *d = '\0';
    o->length = n;
    return obj_val(o);
}

/* One-character strings for U+0000..U+00FF are made once, on first need,
 * and shared: the str iterator and indexing produce them constantly. */
Value rt_latin1_chars[256];

Value rt_str_from_codepoint(uint32_t cp)
{
    if (cp < 256 && rt_latin1_chars[cp])
        return rt_latin1_chars[cp];
    char buf[4];
    size_t n = rt_utf8_encode(cp, buf);
    Value s = rt_str_new_known(buf, n, 1, cp < 0x80);
    if (cp < 256)
        rt_latin1_chars[cp] = rt_str_intern(s);
    return cp < 256 ? rt_latin1_chars[cp] : s;
}

static Value empty_str;

Value rt_str_empty(void)
{
    if (!empty_str)
        empty_str = rt_str_intern(rt_str_new_known("", 0, 0, true));
    return empty_str;
}

bool rt_is_str(Value v)
{
    return is_str(v) || (!val_is_small(v) && (val_type(v)->flags & TF_STR_SUBCLASS));
}

/* ---- Hashing and interning ----------------------------------------------- */

/* str and bytes hash as CPython's do: SipHash-1-3 (runtime/siphash.c)
 * keyed by a 128-bit secret, over the bytes of a bytes object and over the
 * code units of a str in CPython's representation of it (one byte per
 * character when all are below U+0100, else two, else four; for ASCII, the
 * UTF-8 pvm stores).  The secret is random for each process, unless
 * PYTHONHASHSEED gives a seed: 0 makes it all zeros, another number fills
 * it from CPython's generator (lcg_urandom), so `PYTHONHASHSEED=N pvm`
 * hashes strings exactly as `PYTHONHASHSEED=N python3.11` and a set of
 * strings iterates in the same order.  main() makes the secret once its
 * options are read (-E and -I hide PYTHONHASHSEED, as in CPython); a
 * program without main (the unit tests) gets it at the first hash. */
static uint64_t hash_k0, hash_k1;
static bool hash_secret_made, hash_randomized;

/* CPython's lcg_urandom: size bytes from the seed. */
static void lcg_bytes(uint32_t x, unsigned char *out, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        x = x * 214013 + 2531011;
        out[i] = (x >> 16) & 0xff;
    }
}

static void make_hash_secret_from(const char *text)
{
    unsigned char secret[24] = {0};         /* CPython's _Py_HashSecret_t */
    if (text == NULL || *text == '\0' || strcmp(text, "random") == 0) {
        hash_randomized = true;
        if (getrandom(secret, sizeof secret, 0) != (ssize_t)sizeof secret) {
            fprintf(stderr, "Fatal Python error: failed to get random numbers to initialize Python\n");
            exit(1);
        }
    } else {
        char *end;
        errno = 0;
        unsigned long seed = strtoul(text, &end, 10);
        if (*end != '\0' || seed > 4294967295UL || errno == ERANGE) {
            fprintf(stderr, "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be "
                    "\"random\" or an integer in range [0; 4294967295]\n"
                    "Python runtime state: preinitialized\n\n");
            exit(1);
        }
        hash_randomized = seed != 0;        /* sys.flags.hash_randomization */
        if (seed != 0)
            lcg_bytes((uint32_t)seed, secret, sizeof secret);
    }
    memcpy(&hash_k0, secret, 8);            /* the first 16 bytes, little-endian */
    memcpy(&hash_k1, secret + 8, 8);
    hash_secret_made = true;
}

static void make_hash_secret(void)
{
    make_hash_secret_from(getenv("PYTHONHASHSEED"));
}

void rt_hash_secret_init(bool ignore_environment)
{
    make_hash_secret_from(ignore_environment ? NULL : getenv("PYTHONHASHSEED"));
}

bool rt_hash_randomized(void)
{
    if (!hash_secret_made)
        make_hash_secret();
    return hash_randomized;
}

/* _Py_HashBytes: 0 for no bytes, never -1. */
intptr_t rt_hash_bytes(const void *p, size_t n)
{
    if (n == 0)
        return 0;
    if (!hash_secret_made)
        make_hash_secret();
    intptr_t h = (intptr_t)rt_siphash13(hash_k0, hash_k1, p, n);
    return h == -1 ? -2 : h;
}

/* The hash of a non-ASCII str: its code units one, two or four bytes wide
 * as CPython stores it (the widest UTF-8 lead byte, top, tells).  Apart,
 * so that its buffer does not weigh on the ASCII case. */
static __attribute__((noinline)) intptr_t units_hash(const char *p, size_t n, unsigned char top)
{
    size_t width = top < 0xc4 ? 1 : top < 0xf0 ? 2 : 4, count = 0;
    unsigned char small[256], *units = n * width <= sizeof small ? small : gc_alloc_atomic(n * width);
    for (size_t i = 0, len; i < n; i += len) {
        uint32_t cp = rt_utf8_decode(p + i, &len);
        memcpy(units + count++ * width, &cp, width);    /* little-endian: the low bytes */
    }
    return rt_hash_bytes(units, count * width);
}

/* The hash of the str whose UTF-8 is p[0..n). */
static intptr_t str_data_hash(const char *p, size_t n, bool ascii)
{
    unsigned char top = 0;
    if (!ascii)
        for (size_t i = 0; i < n; i++)
            top = (unsigned char)p[i] > top ? (unsigned char)p[i] : top;
    return top < 0x80 ? rt_hash_bytes(p, n) : units_hash(p, n, top);
}

intptr_t rt_str_hash(Value v)
{
    ObjStr *s = AS_STR(v);
    if (s->hash == -1)
        s->hash = str_data_hash(s->data, s->nbytes, s->ascii);
    return s->hash;
}

intptr_t rt_str_hash_uncached(Value v)
{
    const ObjStr *s = AS_STR(v);
    return s->hash != -1 ? s->hash : str_data_hash(s->data, s->nbytes, s->ascii);
}

/* The intern table: an open-addressing hash set of ObjStr pointers with
 * linear probing.  It lives on the GC heap (scanned), referenced from a
 * static, so interned strings stay alive for the whole run.  Each slot's
 * hash is kept beside it (intern_hashes), so that a probe passes over
 * other strings without reading them: start-up interns ~1,500 names, and
 * reading each string met on the way was the most expensive function of
 * `pvm hello.pyc` (perf: its cache misses). */
static ObjStr **intern_slots;
static intptr_t *intern_hashes;
static size_t intern_cap, intern_used;

/* The slot holding the string of these bytes, or the empty slot where it
 * would go. */
static size_t intern_find(const char *data, size_t nbytes, intptr_t hash)
{
    size_t mask = intern_cap - 1, i = (size_t)hash & mask;
    for (; intern_slots[i] != NULL; i = (i + 1) & mask) {
        const ObjStr *t = intern_slots[i];
        if (intern_hashes[i] == hash && t->nbytes == nbytes && memcmp(t->data, data, nbytes) == 0)
            break;
    }
    return i;
}

static void intern_grow(void)
{
    ObjStr **old = intern_slots;
    intptr_t *old_hashes = intern_hashes;
    size_t old_cap = intern_cap;
    intern_cap = old_cap ? old_cap * 2 : 2048;
    intern_slots = gc_alloc(intern_cap * sizeof *intern_slots);
    intern_hashes = gc_alloc_atomic(intern_cap * sizeof *intern_hashes);
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i] == NULL)
            continue;
        size_t j = (size_t)old_hashes[i] & (intern_cap - 1);
        while (intern_slots[j] != NULL)
            j = (j + 1) & (intern_cap - 1);
        intern_slots[j] = old[i];
        intern_hashes[j] = old_hashes[i];
    }
}

Value rt_str_intern(Value v)
{
    ObjStr *s = AS_STR(v);
    if (s->interned)
        return v;
    if ((intern_used + 1) * 3 >= intern_cap * 2)
        intern_grow();
    intptr_t hash = rt_str_hash(v);
    size_t i = intern_find(s->data, s->nbytes, hash);
    if (intern_slots[i] != NULL)
        return obj_val(intern_slots[i]);
    if (s->ob.type != &rt_str_type) {       /* a subclass instance: copy it */
        s = AS_STR(rt_str_new_known(s->data, s->nbytes, s->length, s->ascii));
        s->hash = hash;
    }
    s->interned = true;
    intern_slots[i] = s;
    intern_hashes[i] = hash;
    intern_used++;
    return obj_val(s);
}

/* A name already interned is found from its bytes, without making a str. */
Value rt_str_intern_cstr(const char *s)
{
    size_t n = strlen(s);
    intptr_t hash = str_data_hash(s, n, false);
    if (intern_cap != 0) {
        size_t i = intern_find(s, n, hash);
        if (intern_slots[i] != NULL)
            return obj_val(intern_slots[i]);
    }
    Value v = rt_str_new(s, n);
    AS_STR(v)->hash = hash;
    return rt_str_intern(v);
}

/* ---- Comparison ------------------------------------------------------------ */

bool rt_str_equal(Value a, Value b)
{
    if (a == b)
        return true;
    ObjStr *x = AS_STR(a), *y = AS_STR(b);
    if (x->nbytes != y->nbytes)
        return false;
    if (x->interned && y->interned)
        return false;                   /* two distinct interned strings differ */
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, x->nbytes) == 0;
}

int rt_str_compare(Value a, Value b)
{
    ObjStr *x = AS_STR(a), *y = AS_STR(b);
    size_t n = x->nbytes < y->nbytes ? x->nbytes : y->nbytes;
    int c = memcmp(x->data, y->data, n);
    if (c == 0)
        c = (x->nbytes > y->nbytes) - (x->nbytes < y->nbytes);
    return (c > 0) - (c < 0);
}

/* ---- Code points, indexing, slicing --------------------------------------- */

/*
 * A non-ASCII str keeps its characters decoded into an array, made the
 * first time someone indexes them and cached in the word after its data
 * for the str's life.  Most users want 4-byte code points
 * (rt_str_codepoints); sre's matcher reads any of 1, 2 or 4 bytes a
 * character, as CPython's str kinds, so rt_str_chars makes the narrowest
 * array that holds the text: json.loads of a 914,000-character document
 * of BMP text matches a whitespace pattern at its start and end, and a
 * 4-byte array of it was 3.7 MB beside its 0.9 MB of UTF-8
 * (bench/README.md, "Issue 13: regex and json memory").  A narrow array
 * gives way to a 4-byte one when rt_str_codepoints is asked.
 */

/* The narrowest width (bytes a character) holding every character of the
 * UTF-8 text: a lead byte from 0xF0 starts a character above 0xFFFF, one
 * from 0xC4 to 0xEF a character from 0x100 to 0xFFFF.  Runs of ASCII are
 * passed over eight bytes at a time. */
static int narrowest_width(const ObjStr *s)
{
    int width = 1;
    size_t i = 0;
    while (i < s->nbytes) {
        if (i + 8 <= s->nbytes && bytes_are_ascii(s->data + i, 8)) {
            i += 8;
            continue;
        }
        unsigned char b = (unsigned char)s->data[i++];
        if (b >= 0xF0)
            return 4;
        if (b >= 0xC4)
            width = 2;
    }
    return width;
}

/* Decode s's characters into `chars`, `width` bytes each.  Inlined with a
 * constant width (decode_chars), so each width gets a loop of its own. */
static inline __attribute__((always_inline)) void decode_into(const ObjStr *s, void *chars,
                                                              int width)
{
    const char *p = s->data;
    for (size_t i = 0; i < s->length; i++) {
        size_t len;
        uint32_t c = rt_utf8_decode(p, &len);
        p += len;
        if (width == 1)
            ((uint8_t *)chars)[i] = (uint8_t)c;
        else if (width == 2)
            ((uint16_t *)chars)[i] = (uint16_t)c;
        else
            ((uint32_t *)chars)[i] = c;
    }
}

/* The characters of s decoded into a new array of `width` bytes each. */
static void *decode_chars(const ObjStr *s, int width)
{
    void *chars = gc_alloc_atomic((s->length + 1) * (size_t)width);
    switch (width) {
    case 1: decode_into(s, chars, 1); break;
    case 2: decode_into(s, chars, 2); break;
    default: decode_into(s, chars, 4); break;
    }
    return chars;
}

int rt_str_width(Value v)
{
    ObjStr *s = AS_STR(v);
    return s->ascii ? 1 : narrowest_width(s);
}

const void *rt_str_chars(Value v, int *width)
{
    ObjStr *s = AS_STR(v);
    void **slot = chars_slot(s);
    if (*slot == NULL) {
        s->chars_width = (unsigned char)narrowest_width(s);
        *slot = decode_chars(s, s->chars_width);
    }
    *width = s->chars_width;
    return *slot;
}

const uint32_t *rt_str_codepoints(Value v)
{
    ObjStr *s = AS_STR(v);
    /* An ASCII string has no slot (and its bytes are its code points):
     * it gets a new array each time. */
    if (s->ascii)
        return decode_chars(s, 4);
    void **slot = chars_slot(s);
    if (*slot == NULL || s->chars_width != 4) {
        s->chars_width = 4;
        *slot = decode_chars(s, 4);
    }
    return *slot;
}

void rt_str_codepoints_into(Value v, uint32_t *out)
{
    const ObjStr *s = AS_STR(v);
    if (!s->ascii) {
        decode_into(s, out, 4);
        return;
    }
    for (size_t i = 0; i < s->length; i++)
        out[i] = (unsigned char)s->data[i];
}

Value rt_str_from_codepoints(const uint32_t *cps, size_t n)
{
    if (n == 0)
        return rt_str_empty();
    size_t nbytes = 0;
    for (size_t i = 0; i < n; i++)
        nbytes += cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 : cps[i] < 0x10000 ? 3 : 4;
    Value r = rt_str_uninit(nbytes, n, nbytes == n);
    if (r == VAL_NULL)
        return VAL_NULL;
    char *out = AS_STR(r)->data;
    if (nbytes == n) {
        for (size_t i = 0; i < n; i++)
            out[i] = (char)cps[i];
    } else {
        for (size_t i = 0; i < n; i++) {
            if (cps[i] < 0x80)
                *out++ = (char)cps[i];
            else
                out += rt_utf8_encode(cps[i], out);
        }
    }
    return r;
}

uint32_t rt_str_char_at(Value v, size_t index)
{
    ObjStr *s = AS_STR(v);
    if (s->ascii)
        return (unsigned char)s->data[index];
    return rt_str_codepoints(v)[index];
}

size_t rt_str_offset(Value v, size_t index)
{
    ObjStr *s = AS_STR(v);
    if (s->ascii)
        return index;
    return rt_utf8_skip(s->data, s->nbytes, &index);
}

size_t rt_str_index_of(Value v, size_t offset)
{
    ObjStr *s = AS_STR(v);
    return s->ascii ? offset : rt_utf8_count(s->data, offset);
}

Value rt_str_substr(Value v, size_t start, size_t stop)
{
    ObjStr *s = AS_STR(v);
    if (start >= stop)
        return rt_str_empty();
    if (start == 0 && stop == s->length && is_str(v))
        return v;
    if (stop - start == 1)
        return rt_str_from_codepoint(rt_str_char_at(v, start));
    if (s->ascii)
        return rt_str_new_known(s->data + start, stop - start, stop - start, true);
    size_t from = rt_str_offset(v, start);
    size_t to = from;
    const uint32_t *cps = rt_str_codepoints(v);
    char tmp[4];
    for (size_t i = start; i < stop; i++)
        to += rt_utf8_encode(cps[i], tmp);
    return rt_str_new(s->data + from, to - from);
}

/* s[start:stop:step] for a step other than 1.  A long slice of an ASCII
 * str is `count` bytes, made at that size: built in a doubling buffer,
 * records' `dump[::7]` (335 KB) took four blocks, and the 128 KiB one, too
 * small for gc.c's big-block rules, grew a 25 MiB heap by Boehm's 8 MiB
 * step whenever no free run was left for it (bench/README.md, h-split).
 * Short ones keep the buffer: made at their size, strings.py's
 * `key[::-1]`s moved its collections and its peak RSS rose 3 MiB. */
#define SLICE_AT_SIZE 4096
static Value str_slice_step(Value v, ssize_t start, ssize_t step, ssize_t count)
{
    const ObjStr *src = AS_STR(v);
    if (src->ascii && count >= SLICE_AT_SIZE) {
        ObjStr *s = str_alloc_big((size_t)count, true);
        if (s == NULL)
            return VAL_NULL;
        for (ssize_t i = 0; i < count; i++)
            s->data[i] = src->data[start + i * step];
        s->data[count] = '\0';
        s->length = (size_t)count;
        return obj_val(s);
    }
    StrBuf sb;
    sb_init(&sb);
    for (ssize_t i = 0; i < count; i++)    /* start + i * step: no step past the end */
        sb_add_codepoint(&sb, rt_str_char_at(v, (size_t)(start + i * step)));
    return sb_finish(&sb);
}

static Value str_getitem(Value self, Value key)
{
    ObjStr *s = AS_STR(self);
    if (is_int(key) || is_bool(key)) {
        size_t i;
        if (!rt_seq_index(key, s->length, "string", &i))
            return VAL_NULL;
        return rt_str_from_codepoint(rt_str_char_at(self, i));
    }
    if (IS_EXACT(key, rt_slice_type)) {
        ssize_t start, stop, step, n;
        if (!rt_slice_indices(key, (ssize_t)s->length, &start, &stop, &step, &n))
            return VAL_NULL;
        if (step == 1)
            return rt_str_substr(self, (size_t)start, (size_t)(start + n));
        return str_slice_step(self, start, step, n);
    }
    Value i = rt_index_or_null(key);            /* a class with __index__ */
    if (i == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
            : rt_raisef(&rt_TypeError, "string indices must be integers, not '%T'", key);
    return str_getitem(self, i);
}

/* ---- Concatenation and repetition ------------------------------------------ */

Value rt_str_concat(Value a, Value b)
{
    ObjStr *x = AS_STR(a), *y = AS_STR(b);
    if (y->nbytes == 0 && is_str(a))
        return a;
    if (x->nbytes == 0 && is_str(b))
        return b;
    ObjStr *s = str_alloc_big((size_t)x->nbytes + y->nbytes, x->ascii && y->ascii);
    if (s == NULL)
        return VAL_NULL;
    memcpy(s->data, x->data, x->nbytes);
    memcpy(s->data + x->nbytes, y->data, y->nbytes + 1);
    s->length = (size_t)x->length + y->length;
    return obj_val(s);
}

/* a + b + c in one block, for BINARY_OP_ADD_UNICODE_CONST (vm/bytecodes.h):
 * `"[" + body + "]"` makes no `"[" + body` on the way.  All three exact
 * strs. */
Value rt_str_concat3(Value a, Value b, Value c)
{
    ObjStr *x = AS_STR(a), *y = AS_STR(b), *z = AS_STR(c);
    if (x->nbytes == 0 || y->nbytes == 0 || z->nbytes == 0)
        return rt_str_concat(rt_str_concat(a, b), c);
    ObjStr *s = str_alloc((size_t)x->nbytes + y->nbytes + z->nbytes,
                          x->ascii && y->ascii && z->ascii);
    memcpy(s->data, x->data, x->nbytes);
    memcpy(s->data + x->nbytes, y->data, y->nbytes);
    memcpy(s->data + x->nbytes + y->nbytes, z->data, z->nbytes + 1);
    s->length = (size_t)x->length + y->length + z->length;
    return obj_val(s);
}

bool rt_str_concat_into(Value left, Value x, Value k)
{
    if (!is_str(left))
        return false;
    ObjStr *a = AS_STR(left), *s = AS_STR(x), *c = k != VAL_NULL ? AS_STR(k) : NULL;
    size_t at = a->nbytes, mid = s->nbytes, n = at + mid + (c ? c->nbytes : 0);
    if (!a->ascii || !s->ascii || (c && !c->ascii) || mid == 0 || n > RT_STR_MAX ||
        rt_str_size(n, true) > gc_block_size(s))
        return false;
    gc_block_grow(s, rt_str_size(n, true));
    memmove(s->data + at, s->data, mid);
    memcpy(s->data, a->data, at);
    if (c)
        memcpy(s->data + at + mid, c->data, c->nbytes);
    s->data[n] = '\0';
    s->nbytes = s->length = n;
    s->hash = -1;
    return true;
}

/* The in-place append that CPython does for `s += t` when s's reference
 * count says nothing else holds it (unicode_resize).  pvm has no counts:
 * the flag `owned` says the same, kept by vm/specialize.c's rules.  An
 * owned str's block has room past its NUL (a fresh one gets half its
 * length again), so a loop of appends copies each byte about three times
 * in all instead of once per append, and allocates a few blocks instead
 * of one per append: 1.8 million `s += c` on strings of 250-500 characters
 * allocated 720 MB before, which made collections, each marking every
 * other live string. */
Value rt_str_append_owned(Value a, Value b)
{
    ObjStr *x = AS_STR(a), *y = AS_STR(b);
    if (!x->ascii || !y->ascii)
        return rt_str_concat(a, b);
    size_t n = (size_t)x->nbytes + y->nbytes;
    if (x->owned && a != b && rt_str_size(n, true) <= gc_block_size(x)) {
        gc_block_grow(x, rt_str_size(n, true));
        memcpy(x->data + x->nbytes, y->data, y->nbytes + 1);
        x->nbytes = x->length = n;
        x->hash = -1;
        return a;
    }
    size_t room = n + n / 2 + 16;
    ObjStr *s = str_alloc_big(room < RT_STR_MAX ? room : n, true);
    if (s == NULL)
        return VAL_NULL;
    memcpy(s->data, x->data, x->nbytes);
    memcpy(s->data + x->nbytes, y->data, y->nbytes + 1);
    s->nbytes = s->length = n;
    s->owned = true;
    return obj_val(s);
}

/* s * n.  A count too large for an index is OverflowError (as CPython);
 * a result above 4 GiB is MemoryError at once, before asking the GC for it
 * ('x' * 10**12 must raise, not exhaust the heap). */
static Value str_repeat(Value v, ssize_t n)
{
    ObjStr *s = AS_STR(v);
    if (n <= 0 || s->nbytes == 0)
        return rt_str_empty();
    if (n == 1 && is_str(v))
        return v;
    if ((size_t)n > (size_t)PTRDIFF_MAX / s->length)        /* CPython's test: characters */
        return rt_raisef(&rt_OverflowError, "repeated string is too long");
    if ((size_t)n > RT_STR_MAX / s->nbytes)
        return rt_raise_nomemory();
    size_t total = (size_t)n * s->nbytes;
    ObjStr *r = str_alloc_big(total, s->ascii);
    if (r == NULL)
        return VAL_NULL;
    memcpy(r->data, s->data, s->nbytes);
    rt_fill_repeat(r->data, s->nbytes, total);
    r->data[total] = '\0';
    r->length = s->length * (size_t)n;
    return obj_val(r);
}

static Value str_binop(Value a, Value b, int op)
{
    op = rt_nb_plain(op);
    bool a_str = rt_is_str(a);
    if (op == NB_ADD && a_str) {
        if (rt_is_str(b))
            return rt_str_concat(a, b);
        if (val_type(b)->flags & TF_HEAPTYPE)
            return rt_NotImplemented;   /* let b's __radd__ have a go */
        return rt_raisef(&rt_TypeError, "can only concatenate str (not \"%T\") to str", b);
    }
    if (op == NB_MULTIPLY) {
        Value seq = a_str ? a : b, count = a_str ? b : a;
        ssize_t n;
        int r = rt_repeat_count(count, &n);
        return r > 0 ? str_repeat(seq, n) : r < 0 ? VAL_NULL : rt_NotImplemented;
    }
    if (op == NB_REMAINDER && a_str)
        return rt_str_percent(a, b);
    return rt_NotImplemented;
}

static Value str_richcompare(Value a, Value b, int op)
{
    if (!rt_is_str(a) || !rt_is_str(b))
        return rt_NotImplemented;
    if (op == CMP_EQ)
        return rt_bool(rt_str_equal(a, b));
    if (op == CMP_NE)
        return rt_bool(!rt_str_equal(a, b));
    return rt_bool(rt_cmp_holds(rt_str_compare(a, b), op));
}

/* ---- repr -------------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

static void sb_add_escape(StrBuf *sb, uint32_t c)
{
    char buf[12];
    int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = 0; i < digits; i++)
        buf[2 + i] = hexdigits[(c >> (4 * (digits - 1 - i))) & 0xF];
    sb_add(sb, buf, 2 + (size_t)digits);
}

/* The characters of s between the quotes, escaped as CPython's repr does.
 * ascii_only escapes every non-ASCII character too (ascii(), %a). */
void sb_add_repr_body(StrBuf *sb, Value s, char quote, bool ascii_only)
{
    ObjStr *o = AS_STR(s);
    for (size_t off = 0; off < o->nbytes;) {
        size_t len;
        uint32_t c = rt_utf8_decode(o->data + off, &len);
        if (c == (uint32_t)quote || c == '\\') {
            sb_addc(sb, '\\');
            sb_addc(sb, (char)c);
        } else if (c == '\n')
            sb_add(sb, "\\n", 2);
        else if (c == '\r')
            sb_add(sb, "\\r", 2);
        else if (c == '\t')
            sb_add(sb, "\\t", 2);
        else if (c < 0x80 ? (c < 0x20 || c == 0x7F) : (ascii_only || !rt_uni_isprintable(c)))
            sb_add_escape(sb, c);
        else
            sb_add(sb, o->data + off, len);
        off += len;
    }
}

/* Single quotes unless the text has a ' and no ". */
static char repr_quote(Value s)
{
    ObjStr *o = AS_STR(s);
    bool single = memchr(o->data, '\'', o->nbytes) != NULL;
    bool dbl = memchr(o->data, '"', o->nbytes) != NULL;
    return single && !dbl ? '"' : '\'';
}

static Value repr_with(Value s, bool ascii_only)
{
    char q = repr_quote(s);
    StrBuf sb;
    sb_init(&sb);
    sb_reserve(&sb, AS_STR(s)->nbytes + 2);
    sb_addc(&sb, q);
    sb_add_repr_body(&sb, s, q, ascii_only);
    sb_addc(&sb, q);
    return sb_finish(&sb);
}

Value rt_str_repr(Value s)
{
    return repr_with(s, false);
}

Value rt_str_ascii_repr(Value s)
{
    return repr_with(s, true);
}

/* ---- Other slots --------------------------------------------------------------- */

static Value str_str(Value self)
{
    if (is_str(self))
        return self;
    ObjStr *s = AS_STR(self);          /* a subclass: str() gives an exact str */
    return rt_str_new_known(s->data, s->nbytes, s->length, s->ascii);
}

static intptr_t str_hash_slot(Value self)
{
    return rt_str_hash(self);
}

static ssize_t str_len(Value self)
{
    return (ssize_t)AS_STR(self)->length;
}

/* Byte-level substring search: UTF-8 is self-synchronising, so a match of
 * valid UTF-8 inside valid UTF-8 always starts on a character boundary. */
static int str_contains(Value self, Value item)
{
    if (!rt_is_str(item)) {
        rt_raisef(&rt_TypeError, "'in <string>' requires string as left operand, not %T", item);
        return -1;
    }
    ObjStr *s = AS_STR(self), *sub = AS_STR(item);
    if (sub->nbytes == 0)
        return 1;
    return memmem(s->data, s->nbytes, sub->data, sub->nbytes) != NULL;
}

/* str(), str(x), str(bytes, encoding[, errors]) */
static Value str_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    Value object = VAL_NULL, encoding = VAL_NULL, errors = VAL_NULL;
    Value *slots[3] = {&object, &encoding, &errors};
    static const char *const names[3] = {"object", "encoding", "errors"};
    if (npos > 3)
        return rt_raisef(&rt_TypeError, "str() takes at most 3 arguments (%zu given)", nargs);
    for (size_t i = 0; i < npos; i++)
        *slots[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Value name = rt_tuple_get(kwnames, k);
        size_t j = 0;
        while (j < 3 && strcmp(rt_str_cstr(name), names[j]) != 0)
            j++;
        if (j == 3)
            return rt_invalid_keyword("str", name);
        *slots[j] = args[npos + k];
    }
    Value result;
    for (int i = 1; i < 3; i++)
        if (*slots[i] && !rt_is_str(*slots[i]))
            return rt_raisef(&rt_TypeError, "str() argument '%s' must be str, not %s", names[i],
                             *slots[i] == rt_None && rt_py_minor < 13   /* 3.13: NoneType */
                                 ? "None" : val_type(*slots[i])->name);
    if (!object)
        result = rt_str_empty();
    else if (!encoding && !errors)
        result = rt_str(object);
    else if (rt_is_str(object))
        return rt_raisef(&rt_TypeError, "decoding str is not supported");
    else if (!rt_has_buffer(object))
        return rt_raisef(&rt_TypeError,
                         "decoding to str: need a bytes-like object, %T found", object);
    else {
        Value b = IS_EXACT(object, rt_bytes_type) ? object : rt_buffer_to_bytes(object);
        result = b == VAL_NULL ? VAL_NULL : rt_bytes_decode(AS_BYTES(b)->data,
                                                            AS_BYTES(b)->length, encoding, errors);
    }
    if (!result || type == &rt_str_type)
        return result;
    /* A subclass of str: str's layout plus the dict slot after the text
     * (rt_alloc_var_instance, containers.h). */
    ObjStr *src = AS_STR(result);
    ObjStr *copy = rt_alloc_var_instance(type, rt_str_size(src->nbytes, src->ascii));
    copy->length = src->length;
    copy->nbytes = src->nbytes;
    copy->hash = -1;
    copy->ascii = src->ascii;
    copy->owned = false;
    memcpy(copy->data, src->data, src->nbytes + 1);
    return obj_val(copy);
}

/* ---- Iteration ------------------------------------------------------------------ */

static Value str_iter_self(Value self)
{
    return self;
}

/* The string an iterator still has characters of; NULL once exhausted. */
static ObjStr *iter_rest(ObjStrIter *it)
{
    if (it->str == VAL_NULL)
        return NULL;
    ObjStr *s = AS_STR(it->str);
    if (it->offset >= s->nbytes) {
        it->str = VAL_NULL;
        return NULL;
    }
    return s;
}

static Value str_iter_next(Value self)
{
    ObjStrIter *it = VAL_AS(ObjStrIter, self);
    ObjStr *s = iter_rest(it);
    if (s == NULL)
        return VAL_NULL;
    size_t len;
    uint32_t c = rt_utf8_decode(s->data + it->offset, &len);
    it->offset += len;
    it->index++;
    return rt_str_from_codepoint(c);
}

/* An ASCII string's characters are its bytes: no decoding. */
static Value str_ascii_iter_next(Value self)
{
    ObjStrIter *it = VAL_AS(ObjStrIter, self);
    ObjStr *s = iter_rest(it);
    if (s == NULL)
        return VAL_NULL;
    it->index++;
    unsigned char c = (unsigned char)s->data[it->offset++];
    return rt_latin1_chars[c] ? rt_latin1_chars[c] : rt_str_from_codepoint(c);   /* no call when made */
}

/* Pickling: (iter, (str,), index), (iter, ('',)) once exhausted;
 * __setstate__ moves to a code-point index, clamped to the string. */
static Value str_iter_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjStrIter *it = VAL_AS(ObjStrIter, args[0]);
    return rt_reduce_iter(it->str, rt_str_empty(), it->index);
}

static Value str_iter_setstate(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__setstate__", nargs - 1, kwnames))
        return VAL_NULL;
    ObjStrIter *it = VAL_AS(ObjStrIter, args[0]);
    ssize_t n = it->str != VAL_NULL ? (ssize_t)AS_STR(it->str)->length : 0, index;
    if (!rt_setstate_index(args[1], 0, n, &index))
        return VAL_NULL;
    if (it->str == VAL_NULL)
        return rt_None;
    ObjStr *s = AS_STR(it->str);
    size_t off = 0, len;
    for (ssize_t i = 0; i < index; i++, off += len)
        rt_utf8_decode(s->data + off, &len);
    it->offset = off;
    it->index = (size_t)index;
    return rt_None;
}

static Value str_iter_length_hint(Value *args, size_t nargs, Value kwnames)
{
    ObjStrIter *it = VAL_AS(ObjStrIter, args[0]);
    return small_new(it->str != VAL_NULL ? (intptr_t)(AS_STR(it->str)->length - it->index)
                                         : 0);
}

static const MethodDef str_iter_methods[] = {
    {"__reduce__", str_iter_reduce}, {"__setstate__", str_iter_setstate},
    {"__length_hint__", str_iter_length_hint}, {NULL, NULL},
};

/* CPython names the iterator of an all-ASCII string differently. */
static ObjType str_iter_type = {
    .ob.type = &rt_type_type,
    .name = "str_iterator",
    .base = &rt_object_type,
    .iter = str_iter_self,
    .next = str_iter_next,
};
ObjType rt_str_ascii_iter_type = {
    .ob.type = &rt_type_type,
    .name = "str_ascii_iterator",
    .base = &rt_object_type,
    .iter = str_iter_self,
    .next = str_ascii_iter_next,
};

static Value str_iter(Value self)
{
    ObjStrIter *it = gc_alloc(sizeof *it);
    it->ob.type = AS_STR(self)->ascii ? &rt_str_ascii_iter_type : &str_iter_type;
    it->str = self;
    return obj_val(it);
}

/* ---- The type ---------------------------------------------------------------------- */

ObjType rt_str_type = {
    .ob.type = &rt_type_type,
    .name = "str",
    .base = &rt_object_type,
    .flags = TF_BASETYPE | TF_STR_SUBCLASS | TF_SEQUENCE,
    .repr = rt_str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .binop = str_binop,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY) | RT_OP_BIT(NB_REMAINDER),
    .iter = str_iter,
    .getitem = str_getitem,
    .len = str_len,
    .contains = str_contains,
    .new_ = str_new,
};

void rt_str_init(void)
{
    gc_set_one_pointer_at(chars_slot_of_block);
    rt_type_ready(&rt_str_type, rt_str_methods);
    rt_type_ready(&str_iter_type, str_iter_methods);
    rt_type_ready(&rt_str_ascii_iter_type, str_iter_methods);
    rt_str_empty();
    rt_bytes_init();
}

/* ---- StrBuf ---------------------------------------------------------------------------- */

void sb_init(StrBuf *sb)
{
    sb->cap = 32;
    sb->len = 0;
    sb->data = gc_alloc_atomic(sb->cap);
    sb->borrowed = false;
    sb->in_str = false;
}

void sb_init_buf(StrBuf *sb, char *buf, size_t cap)
{
    sb->cap = cap;
    sb->len = 0;
    sb->data = buf;
    sb->borrowed = true;
    sb->in_str = false;
}

/* A buffer of SB_IN_STR bytes or more lives in a block shaped as an ASCII
 * str: its text at the str's data offset, so that sb_finish can turn the
 * block itself into the str instead of copying a text of megabytes (the
 * json encoder's document) into a second block of its size. */
#define SB_IN_STR ((size_t)4096)
#define SB_HEADER offsetof(ObjStr, data)

void sb_reserve(StrBuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    size_t cap = sb->cap > 0 ? sb->cap * 2 : 32;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    if (sb->in_str) {
        sb->data = (char *)gc_realloc(sb->data - SB_HEADER, SB_HEADER + cap) + SB_HEADER;
    } else if (cap >= SB_IN_STR) {
        char *data = (char *)gc_alloc_atomic(SB_HEADER + cap) + SB_HEADER;
        if (sb->data != NULL)
            memcpy(data, sb->data, sb->len);
        if (!sb->borrowed)
            gc_free(sb->data);
        sb->data = data;
        sb->borrowed = false;
        sb->in_str = true;
    } else if (sb->borrowed || sb->data == NULL) {
        char *data = gc_alloc_atomic(cap);
        if (sb->data != NULL)
            memcpy(data, sb->data, sb->len);
        sb->data = data;
        sb->borrowed = false;
    } else {
        sb->data = gc_realloc(sb->data, cap);
    }
    sb->cap = cap;
}

void sb_add(StrBuf *sb, const char *s, size_t n)
{
    sb_reserve(sb, n);
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
}

void sb_adds(StrBuf *sb, const char *s)
{
    sb_add(sb, s, strlen(s));
}

void sb_addc(StrBuf *sb, char c)
{
    sb_reserve(sb, 1);
    sb->data[sb->len++] = c;
}

void sb_add_codepoint(StrBuf *sb, uint32_t cp)
{
    sb_reserve(sb, 4);
    sb->len += rt_utf8_encode(cp, sb->data + sb->len);
}

bool sb_add_value_str(StrBuf *sb, Value v)
{
    Value s = is_str(v) ? v : rt_str(v);
    if (!s)
        return false;
    sb_add(sb, rt_str_cstr(s), rt_str_nbytes(s));
    return true;
}

bool sb_add_value_repr(StrBuf *sb, Value v)
{
    Value s = rt_repr(v);
    if (!s)
        return false;
    sb_add(sb, rt_str_cstr(s), rt_str_nbytes(s));
    return true;
}

/* The text as a str.  A large buffer's block becomes the str when the
 * text is ASCII and fills most of it (doubling leaves it at least half
 * full; a block given back whole beats a tail kept for the str's life
 * only up to a point); otherwise the text is copied into a str of its
 * size and the large block given back at once.  Either way the buffer
 * starts again empty. */
Value sb_finish(StrBuf *sb)
{
    if (!sb->in_str) {
        Value s = rt_str_new(sb->data, sb->len);
        sb->len = 0;
        return s;
    }
    char *block = sb->data - SB_HEADER;
    Value s;
    if (4 * (SB_HEADER + sb->len + 1) >= 3 * (SB_HEADER + sb->cap) && sb->len <= RT_STR_MAX &&
        bytes_are_ascii(sb->data, sb->len)) {
        ObjStr *o = (ObjStr *)block;
        str_header(o, sb->len, true);
        o->data[sb->len] = '\0';
        o->length = sb->len;
        s = obj_val(o);
    } else {
        s = rt_str_new(sb->data, sb->len);
        gc_free(block);
    }
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->in_str = false;
    return s;
}

/* ---- rt_str_format_c: the rt_raisef format language ------------------------------------- */

/* Append one directive's text; returns the number of format characters used
 * after the '%' (0 on an unknown directive, which is copied literally). */
static size_t format_directive(StrBuf *sb, const char *f, va_list *ap, bool *ok)
{
    char num[32];
    switch (f[0]) {
    case 's': sb_adds(sb, va_arg(*ap, const char *)); return 1;
    case 'd': snprintf(num, sizeof num, "%d", va_arg(*ap, int)); break;
    case 'u': snprintf(num, sizeof num, "%u", va_arg(*ap, unsigned)); break;
    case 'x': snprintf(num, sizeof num, "%x", va_arg(*ap, unsigned)); break;
    case 'c': sb_add_codepoint(sb, (uint32_t)va_arg(*ap, int)); return 1;
    case 'p':                       /* as CPython: always 0x..., even for NULL */
        snprintf(num, sizeof num, "0x%" PRIxPTR, (uintptr_t)va_arg(*ap, void *));
        break;
    case '%': sb_addc(sb, '%'); return 1;
    case 'R': *ok = sb_add_value_repr(sb, va_arg(*ap, Value)); return 1;
    case 'S': *ok = sb_add_value_str(sb, va_arg(*ap, Value)); return 1;
    case 'T': sb_adds(sb, val_type(va_arg(*ap, Value))->name); return 1;
    case 'N': {                     /* %T, but None for None (_PyArg_BadArgument) */
        Value v = va_arg(*ap, Value);
        sb_adds(sb, v == rt_None ? "None" : val_type(v)->name);
        return 1;
    }
    case 'z':
        if (f[1] == 'd')
            snprintf(num, sizeof num, "%zd", va_arg(*ap, ssize_t));
        else if (f[1] == 'u')
            snprintf(num, sizeof num, "%zu", va_arg(*ap, size_t));
        else
            return 0;
        sb_adds(sb, num);
        return 2;
    case 'l':
        if (f[1] == 'd')
            snprintf(num, sizeof num, "%ld", va_arg(*ap, long));
        else if (f[1] == 'u')
            snprintf(num, sizeof num, "%lu", va_arg(*ap, unsigned long));
        else if (f[1] == 'l' && f[2] == 'd') {
            snprintf(num, sizeof num, "%lld", va_arg(*ap, long long));
            sb_adds(sb, num);
            return 3;
        } else
            return 0;
        sb_adds(sb, num);
        return 2;
    default:
        return 0;
    }
    sb_adds(sb, num);
    return 1;
}

Value rt_str_vformat_c(const char *fmt, va_list ap)
{
    StrBuf sb;
    sb_init(&sb);
    va_list args;
    va_copy(args, ap);
    bool ok = true;
    for (const char *f = fmt; *f && ok;) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            sb_adds(&sb, f);
            break;
        }
        sb_add(&sb, f, (size_t)(pct - f));
        size_t used = format_directive(&sb, pct + 1, &args, &ok);
        if (used == 0)
            sb_addc(&sb, '%');      /* unknown directive: keep it as text */
        f = pct + 1 + used;
    }
    va_end(args);
    return ok ? sb_finish(&sb) : VAL_NULL;
}

Value rt_str_format_c(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Value s = rt_str_vformat_c(fmt, ap);
    va_end(ap);
    return s;
}
