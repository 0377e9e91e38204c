/*
 * marshal.c — reading CPython's marshal format (versions 4 and 5: 3.14 adds
 * slices), defensively.
 *
 * A .pyc body is one object written by CPython's Python/marshal.c: a type
 * code byte, then the object's payload; containers hold further objects.
 * This file turns those bytes into pvm runtime objects (code, tuple, str,
 * int, float, bytes, frozenset, ...), treating every byte as hostile:
 *
 *   - every read is bounds-checked, and a declared length is compared with
 *     the bytes that remain BEFORE anything is allocated for it (a tuple of
 *     n items needs at least n more bytes, a long of n digits 2n bytes);
 *   - nesting is limited to MAX_DEPTH, both while reading (the C recursion
 *     of read_object) and in the object graph that back-references can
 *     build (each object remembers its height, see Shape below);
 *   - back-references ('r') must name an object that is complete: a tuple,
 *     set, frozenset, dict or code object that refers to itself while it is
 *     being built is rejected, so no half-built object is ever hashed or
 *     handed out;
 *   - set and dict keys must be hashable, and the total hashing work is
 *     bounded, so colliding or exponentially shared keys cannot hang us;
 *   - code objects are checked field by field (check_code), then their
 *     bytecode by the verifier (vm/verify.c), before anything can run them.
 *
 * The reference list.  When a type code carries FLAG_REF (0x80), the object
 * is appended to a list that later 'r' codes index.  CPython numbers a
 * container when it starts reading it (r_ref_reserve), before its items, and
 * gives singletons (None, True, ...) no number even when flagged.  We do the
 * same: read_typed reserves the slot first and fills it once the object is
 * complete; until then the slot is empty and a reference to it is an error.
 * (Lists are the one exception: a partly read list is a valid list, so it
 * goes into its slot at once, exactly as CPython does.)
 *
 * Errors: the first problem is written as one line,
 *   "<name>: <what> at offset <N>"
 * where N counts from the start of the file (base_offset is added), and
 * loading stops.  Python exceptions raised by runtime calls (an unhashable
 * key) are cleared and turned into such a line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "vm/specialize.h"
#include "vm/verify.h"

enum { FLAG_REF = 0x80 };
enum { MAX_DEPTH = 2000 };                  /* CPython's MAX_MARSHAL_STACK_DEPTH */
#define MAX_REFS 0x7ffffffeu                 /* CPython's limit on the ref list */
#define MAX_WORK ((uint64_t)1 << 24)         /* hashing budget, in weight units */
#define MAX_WEIGHT ((uint64_t)1 << 40)       /* saturation point of a weight */

/* The shape of a loaded object, used to bound work on it later:
 *   weight  about how many nodes hashing it visits, counting shared
 *           sub-objects once per use (so ((t, t), (t, t)) weighs 7);
 *   height  the length of its longest chain of containers.             */
typedef struct Shape {
    uint64_t weight;
    uint32_t height;
} Shape;

/* One entry of the reference list; v == VAL_NULL while it is being built. */
typedef struct RefSlot {
    Value v;
    Shape shape;
} RefSlot;

typedef struct Reader {
    const unsigned char *data;
    size_t size, pos;
    size_t base;                /* file offset of data[0] */
    const char *name;           /* for messages */
    char *err;
    size_t errsize;
    bool failed;
    bool verify;                /* run the bytecode verifier on code objects */
    int depth;                  /* read_object calls in progress */
    uint64_t work;              /* hashing work so far */
    RefSlot *refs;
    size_t nrefs, refcap;
} Reader;

/* The marker read_object returns for type code '0' (TYPE_NULL), which only
 * a dict may contain (it ends the key/value pairs). */
static Object null_marker;
#define NULL_MARK ((Value)&null_marker)
#define NO_SLOT ((size_t)-1)

/* ---- Error reporting ------------------------------------------------------ */

/* Replace control characters so the message stays on one line whatever
 * bytes a file name or a code object's name holds. */
static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

/* Record "<name>: <what> at offset <N><suffix>" unless an earlier error is
 * already recorded (the first problem is the one worth reporting). */
static void report(Reader *r, size_t at, const char *what, const char *suffix)
{
    if (r->failed)
        return;
    r->failed = true;
    if (!r->err || r->errsize == 0)
        return;
    snprintf(r->err, r->errsize, "%s: %s at offset %zu%s", r->name, what,
             r->base + at, suffix);
    one_line(r->err);
}

/* Fail with a problem found at byte `at` of the buffer; returns VAL_NULL. */
static Value fail(Reader *r, size_t at, const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    report(r, at, what, "");
    return VAL_NULL;
}

/* Fail because the data ends too soon: "truncated file at offset N
 * (reading <what>)".  Returns false. */
static bool truncated(Reader *r, size_t at, const char *fmt, ...)
{
    char what[160], suffix[176];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(suffix, sizeof suffix, " (reading %s)", what);
    report(r, at, "truncated file", suffix);
    return false;
}

/* A runtime call raised a Python exception: clear it and report. */
static Value fail_exception(Reader *r, size_t at, const char *context)
{
    Value exc = rt_err_fetch();
    const char *tname = exc ? val_type(exc)->name : "error";
    return fail(r, at, "%s (%s)", context, tname);
}

/* ---- Reading fixed-size fields --------------------------------------------- */

static size_t left(const Reader *r) { return r->size - r->pos; }

/* Make sure n more bytes are there; `what` names the field for the error. */
#define NEED(r, n, ...) ((n) <= left(r) || truncated((r), (r)->pos, __VA_ARGS__))

static bool read_u8(Reader *r, uint8_t *out, const char *what)
{
    if (!NEED(r, 1, "%s", what))
        return false;
    *out = r->data[r->pos++];
    return true;
}

static bool read_i32(Reader *r, int32_t *out, const char *what)
{
    if (!NEED(r, 4, "%s", what))
        return false;
    const unsigned char *p = r->data + r->pos;
    uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                 (uint32_t)p[3] << 24;
    *out = (int32_t)u;          /* two's complement, as every C11 target */
    r->pos += 4;
    return true;
}

static uint64_t load_u64(const unsigned char *p)
{
    uint64_t u = 0;
    for (int i = 7; i >= 0; i--)
        u = u << 8 | p[i];
    return u;
}

/* The next n bytes (already known to be there). */
static const unsigned char *take(Reader *r, size_t n)
{
    const unsigned char *p = r->data + r->pos;
    r->pos += n;
    return p;
}

/* A non-negative int32 length; `what` is e.g. "a tuple". */
static bool read_length(Reader *r, size_t *out, const char *what)
{
    size_t at = r->pos;
    int32_t n;
    if (!read_i32(r, &n, what))
        return false;
    if (n < 0) {
        fail(r, at, "negative size %ld for %s", (long)n, what);
        return false;
    }
    *out = (size_t)n;
    return true;
}

/* ---- Shapes and the work budget ------------------------------------------ */

static const Shape LEAF = {1, 1};

static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return a + b > MAX_WEIGHT ? MAX_WEIGHT : a + b;
}

/* Fold an item's shape into its container's. */
static void shape_add(Shape *container, Shape item)
{
    container->weight = sat_add(container->weight, item.weight);
    if (item.height + 1 > container->height)
        container->height = item.height + 1;
}

/* Charge `units` of hashing work; false (and an error) over budget. */
static bool charge(Reader *r, size_t at, uint64_t units)
{
    r->work = sat_add(r->work, units);
    if (r->work > MAX_WORK)
        return fail(r, at, "too much work hashing set or dict keys"), false;
    return true;
}

/* Counts how many keys of one set or dict share each hash value, so that the
 * comparisons colliding keys cause can be charged to the budget.  A small
 * open-addressing table of (hash, count). */
typedef struct HashCount {
    intptr_t *hashes;
    uint32_t *counts;           /* 0: empty slot */
    size_t cap, used;
} HashCount;

static void hc_grow(HashCount *hc);

/* Record one more key with hash h; returns how many had it before. */
static uint32_t hc_bump(HashCount *hc, intptr_t h)
{
    if (2 * (hc->used + 1) > hc->cap)
        hc_grow(hc);
    size_t mask = hc->cap - 1;
    size_t i = ((uint64_t)h * 0x9E3779B97F4A7C15u) >> 7 & mask;
    while (hc->counts[i] != 0 && hc->hashes[i] != h)
        i = (i + 1) & mask;
    if (hc->counts[i] == 0) {
        hc->hashes[i] = h;
        hc->used++;
    }
    return hc->counts[i]++;
}

static void hc_grow(HashCount *hc)
{
    HashCount old = *hc;
    hc->cap = old.cap ? old.cap * 2 : 16;
    hc->hashes = gc_alloc_atomic(hc->cap * sizeof *hc->hashes);
    hc->counts = gc_alloc_atomic(hc->cap * sizeof *hc->counts);
    memset(hc->counts, 0, hc->cap * sizeof *hc->counts);
    hc->used = 0;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.counts[i] == 0)
            continue;
        size_t j = ((uint64_t)old.hashes[i] * 0x9E3779B97F4A7C15u) >> 7 & (hc->cap - 1);
        while (hc->counts[j] != 0)
            j = (j + 1) & (hc->cap - 1);
        hc->hashes[j] = old.hashes[i];
        hc->counts[j] = old.counts[i];
        hc->used++;
    }
}

/* Check that `key` may go into a set or dict: hashable, and within the work
 * budget (hashing it, plus comparing it with earlier keys of equal hash). */
static bool check_key(Reader *r, size_t at, Value key, Shape shape, HashCount *hc,
                      const char *container)
{
    if (!charge(r, at, shape.weight))
        return false;
    intptr_t h = rt_hash(key);
    if (h == -1 && rt_err_occurred()) {
        rt_err_clear();
        fail(r, at, "unhashable %s key in a %s", val_type(key)->name, container);
        return false;
    }
    uint32_t same = hc_bump(hc, h);
    uint64_t cmp = same > 0 ? (uint64_t)same * shape.weight : 0;
    return charge(r, at, cmp > MAX_WEIGHT ? MAX_WEIGHT : cmp);
}

/* ---- The reference list ----------------------------------------------------- */

/* Reserve the next slot (empty until fill_slot); NO_SLOT on error. */
static size_t reserve_slot(Reader *r, size_t at)
{
    if (r->nrefs >= MAX_REFS) {
        fail(r, at, "too many references");
        return NO_SLOT;
    }
    if (r->nrefs == r->refcap) {
        size_t cap = r->refcap ? r->refcap * 2 : 64;
        RefSlot *refs = gc_alloc(cap * sizeof *refs);
        if (r->nrefs)
            memcpy(refs, r->refs, r->nrefs * sizeof *refs);
        gc_free(r->refs);               /* only the reader points to it */
        r->refs = refs;
        r->refcap = cap;
    }
    r->refs[r->nrefs].v = VAL_NULL;
    r->refs[r->nrefs].shape = LEAF;
    return r->nrefs++;
}

static void fill_slot(Reader *r, size_t slot, Value v, Shape shape)
{
    if (slot != NO_SLOT) {
        r->refs[slot].v = v;
        r->refs[slot].shape = shape;
    }
}

/* 'r': a u32 index into the reference list. */
static Value read_ref(Reader *r, size_t at, Shape *shape)
{
    int32_t n;
    if (!read_i32(r, &n, "a reference index"))
        return VAL_NULL;
    if (n < 0 || (size_t)n >= r->nrefs)
        return fail(r, at, "reference %ld out of range (%zu objects so far)",
                    (long)n, r->nrefs);
    if (r->refs[n].v == VAL_NULL)
        return fail(r, at, "reference %ld to an object still being built", (long)n);
    *shape = r->refs[n].shape;
    return r->refs[n].v;
}

/* ---- Scalars -------------------------------------------------------------------- */

static Value read_object(Reader *r, Shape *shape);

/* 'i': a signed int32. */
static Value read_int32(Reader *r)
{
    int32_t n;
    if (!read_i32(r, &n, "an int"))
        return VAL_NULL;
    return rt_int_from_i64(n);
}

/* 'I': a signed int64 (CPython no longer writes it, but still reads it). */
static Value read_int64(Reader *r)
{
    if (!NEED(r, 8, "a 64-bit int"))
        return VAL_NULL;
    return rt_int_from_i64((int64_t)load_u64(take(r, 8)));
}

/* 'l': int32 n (its sign is the number's), then |n| 15-bit digits, least
 * significant first, each 0..0x7fff, the last one non-zero. */
static Value read_long(Reader *r, Shape *shape)
{
    int32_t n;
    if (!read_i32(r, &n, "the size of a long int"))
        return VAL_NULL;
    if (n == 0)
        return rt_int_from_i64(0);
    size_t ndigits = n < 0 ? (size_t)(-(int64_t)n) : (size_t)n;
    if (ndigits > left(r) / 2) {
        truncated(r, r->pos, "a long int of %zu digits", ndigits);
        return VAL_NULL;
    }
    uint16_t *digits = gc_alloc_atomic(ndigits * sizeof *digits);
    for (size_t i = 0; i < ndigits; i++) {
        const unsigned char *p = take(r, 2);
        digits[i] = (uint16_t)(p[0] | p[1] << 8);
        if (digits[i] > 0x7fff)
            return fail(r, r->pos - 2, "digit out of range in a long int");
    }
    if (digits[ndigits - 1] == 0)
        return fail(r, r->pos - 2, "unnormalized long int (top digit is zero)");
    shape->weight = 1 + ndigits / 8;
    return rt_int_from_digits15(digits, ndigits, n < 0);
}

static double double_from_bits(const unsigned char *p)
{
    uint64_t u = load_u64(p);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

/* 'g' and 'y': IEEE 754 doubles, little-endian. */
static Value read_binary_float(Reader *r)
{
    if (!NEED(r, 8, "a float"))
        return VAL_NULL;
    return rt_float_new(double_from_bits(take(r, 8)));
}

static Value read_binary_complex(Reader *r)
{
    if (!NEED(r, 16, "a complex"))
        return VAL_NULL;
    const unsigned char *p = take(r, 16);
    return rt_complex_new(double_from_bits(p), double_from_bits(p + 8));
}

/* Is s the text of a float as CPython's PyOS_string_to_double accepts it:
 * decimal digits, sign, point, exponent, or inf/infinity/nan (no hex, no
 * spaces)?  strtod does the conversion once the characters are vetted. */
static bool parse_text_float(const char *s, size_t n, double *out)
{
    if (n == 0 || strspn(s, "0123456789+-.eEinfatyINFATY") != n)
        return false;
    char *end;
    *out = strtod(s, &end);
    return end == s + n;
}

/* One old-style text float: u8 length, then the characters. */
static bool read_text_double(Reader *r, double *out)
{
    uint8_t n;
    size_t at = r->pos;
    if (!read_u8(r, &n, "the length of a text float"))
        return false;
    if (!NEED(r, n, "a text float of %u characters", (unsigned)n))
        return false;
    char buf[256];
    memcpy(buf, take(r, n), n);
    buf[n] = '\0';
    if (!parse_text_float(buf, n, out))
        return fail(r, at, "malformed text float"), false;
    return true;
}

/* 'f' and 'x': floats and complexes as text (marshal versions 0 and 1). */
static Value read_text_float(Reader *r)
{
    double d;
    return read_text_double(r, &d) ? rt_float_new(d) : VAL_NULL;
}

static Value read_text_complex(Reader *r)
{
    double re, im;
    if (!read_text_double(r, &re) || !read_text_double(r, &im))
        return VAL_NULL;
    return rt_complex_new(re, im);
}

/* ---- Strings and bytes ------------------------------------------------------------ */

/* 's': int32 length, then the bytes. */
static Value read_bytes(Reader *r)
{
    size_t n;
    if (!read_length(r, &n, "a bytes object"))
        return VAL_NULL;
    if (!NEED(r, n, "a bytes object of %zu bytes", n))
        return VAL_NULL;
    return rt_bytes_new(take(r, n), n);
}

/* 'u' and 't': int32 length, then UTF-8 that may encode surrogates
 * (CPython writes with "surrogatepass").  't' is interned. */
static Value read_utf8(Reader *r, bool intern)
{
    size_t n, ncp;
    if (!read_length(r, &n, "a str"))
        return VAL_NULL;
    if (!NEED(r, n, "a str of %zu bytes", n))
        return VAL_NULL;
    size_t at = r->pos;
    const unsigned char *p = take(r, n);
    if (!rt_utf8_valid(p, n, &ncp))
        return fail(r, at, "invalid UTF-8 in a str");
    Value s = rt_str_new((const char *)p, n);
    return intern ? rt_str_intern(s) : s;
}

/* 'a' 'A' (int32 length) and 'z' 'Z' (u8 length): one byte per character.
 * CPython reads them as Latin-1, so bytes 0x80-0xff are accepted too.
 * 'A' and 'Z' are interned. */
static Value read_ascii(Reader *r, bool is_short, bool intern)
{
    size_t n;
    if (is_short) {
        uint8_t n8;
        if (!read_u8(r, &n8, "the length of a short str"))
            return VAL_NULL;
        n = n8;
    } else if (!read_length(r, &n, "a str")) {
        return VAL_NULL;
    }
    if (!NEED(r, n, "a str of %zu characters", n))
        return VAL_NULL;
    Value s = rt_str_from_latin1(take(r, n), n);
    return intern ? rt_str_intern(s) : s;
}

/* ---- Containers ---------------------------------------------------------------------- */

/* Read an object that must not be '0' (only dicts may hold that). */
static Value read_item(Reader *r, Shape *shape, const char *container)
{
    size_t at = r->pos;
    Value v = read_object(r, shape);
    if (v == NULL_MARK)
        return fail(r, at, "NULL object (type code '0') in %s", container);
    return v;
}

/* A count of items that each take at least one byte must fit in the rest. */
static bool items_fit(Reader *r, size_t n, const char *what)
{
    if (n <= left(r))
        return true;
    return truncated(r, r->pos, "%s of %zu items, %zu bytes left", what, n, left(r));
}

/* '(' (int32 count) and ')' (u8 count): a tuple. */
static Value read_tuple(Reader *r, bool is_small, Shape *shape)
{
    size_t n;
    if (is_small) {
        uint8_t n8;
        if (!read_u8(r, &n8, "the size of a tuple"))
            return VAL_NULL;
        n = n8;
    } else if (!read_length(r, &n, "a tuple")) {
        return VAL_NULL;
    }
    if (!items_fit(r, n, "a tuple"))
        return VAL_NULL;
    Value t = rt_tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Shape item = LEAF;
        Value v = read_item(r, &item, "a tuple");
        if (!v)
            return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
        shape_add(shape, item);
    }
    return t;
}

/* '[': a list.  It is valid at every step, so it takes its reference slot
 * before its items are read (a list may contain itself).  For hashing it
 * weighs 1: hashing stops at a list with TypeError. */
static Value read_list(Reader *r, size_t slot, Shape *shape)
{
    size_t n;
    if (!read_length(r, &n, "a list") || !items_fit(r, n, "a list"))
        return VAL_NULL;
    Value list = rt_list_new(n);
    fill_slot(r, slot, list, LEAF);
    for (size_t i = 0; i < n; i++) {
        Shape item = LEAF;
        Value v = read_item(r, &item, "a list");
        if (!v)
            return VAL_NULL;
        if (!rt_list_append(list, v))
            return fail_exception(r, r->pos, "cannot build a list");
        shape_add(shape, item);
    }
    shape->weight = 1;
    return list;
}

/* '{': key/value pairs until a '0' where a key would be.  Like a list, it
 * takes its reference slot first: a dict may contain itself. */
static Value read_dict(Reader *r, size_t slot, Shape *shape)
{
    Value dict = rt_dict_new();
    fill_slot(r, slot, dict, LEAF);
    HashCount hc = {0};
    for (;;) {
        size_t at = r->pos;
        Shape ks = LEAF, vs = LEAF;
        Value key = read_object(r, &ks);
        if (!key)
            return VAL_NULL;
        if (key == NULL_MARK)
            break;
        Value value = read_item(r, &vs, "a dict value");
        if (!value || !check_key(r, at, key, ks, &hc, "dict"))
            return VAL_NULL;
        if (!rt_dict_set(dict, key, value))
            return fail_exception(r, at, "cannot add a dict item");
        shape_add(shape, ks);
        shape_add(shape, vs);
    }
    shape->weight = 1;          /* dicts are unhashable */
    return dict;
}

/* '<' and '>': int32 count, then the items. */
static Value read_set(Reader *r, bool frozen, Shape *shape)
{
    const char *what = frozen ? "frozenset" : "set";
    size_t n;
    if (!read_length(r, &n, what) || !items_fit(r, n, what))
        return VAL_NULL;
    Value set = frozen ? rt_frozenset_new() : rt_set_new();
    HashCount hc = {0};
    for (size_t i = 0; i < n; i++) {
        size_t at = r->pos;
        Shape item = LEAF;
        Value v = read_item(r, &item, what);
        if (!v || !check_key(r, at, v, item, &hc, what))
            return VAL_NULL;
        if (!rt_set_add(set, v))
            return fail_exception(r, at, "cannot add a set item");
        shape_add(shape, item);
    }
    if (!frozen)
        shape->weight = 1;      /* sets are unhashable */
    return set;
}

/* ':': a slice, its start, stop and step (marshal version 5, written by
 * 3.14, whose compiler folds constant slices such as x[1:2] into
 * co_consts).  It takes its reference slot before its items, as a tuple. */
static Value read_slice(Reader *r, Shape *shape)
{
    Value part[3];
    for (int i = 0; i < 3; i++) {
        Shape item = LEAF;
        if (!(part[i] = read_item(r, &item, "a slice")))
            return VAL_NULL;
        shape_add(shape, item);
    }
    return rt_slice_new(part[0], part[1], part[2]);
}

/* ---- Code objects ------------------------------------------------------------------------ */

/* Report a problem with a code object, naming it when its name is known. */
static bool code_fail(Reader *r, size_t at, const ObjCode *co, const char *fmt, ...)
{
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (co->qualname && is_str(co->qualname))
        fail(r, at, "bad code object '%.80s': %s", rt_str_cstr(co->qualname), what);
    else
        fail(r, at, "bad code object: %s", what);
    return false;
}

/* All checks of one code object (runtime/code.c's, which CodeType() and
 * code.replace() share), before the runtime ever sees it. */
static bool check_code(Reader *r, size_t at, const ObjCode *co)
{
    char buf[160];
    const char *why = rt_code_problem(co, buf, sizeof buf);
    return why == NULL || code_fail(r, at, co, "%s", why);
}

/* The bytecode itself (vm/verify.c): its message names the code object
 * and the offset inside its code, so no file offset is added. */
static bool verify_code(Reader *r, ObjCode *co)
{
    char what[400];
    if (vm_verify_code(co, what, sizeof what)) {
        vm_plan_str_appends(co);
        vm_plan_join_sites(co);
        return true;
    }
    if (!r->failed && r->err && r->errsize) {
        snprintf(r->err, r->errsize, "%s: %s", r->name, what);
        one_line(r->err);
    }
    r->failed = true;
    return false;
}

/* One object field of a code object. */
static bool code_field(Reader *r, Value *field, Shape *shape, const char *what)
{
    Shape s = LEAF;
    *field = read_item(r, &s, what);
    shape_add(shape, s);
    return *field != VAL_NULL;
}

/* 'c': a code object (field order as PYC311.md and marshal.c's w_object;
 * 3.12, 3.13 and 3.14 write the same fields). */
static Value read_code(Reader *r, size_t at, Shape *shape)
{
    ObjCode *co = rt_code_alloc();
    int32_t argc, posonly, kwonly, stack, flags, firstline;
    if (!read_i32(r, &argc, "co_argcount") || !read_i32(r, &posonly, "co_posonlyargcount") ||
        !read_i32(r, &kwonly, "co_kwonlyargcount") || !read_i32(r, &stack, "co_stacksize") ||
        !read_i32(r, &flags, "co_flags"))
        return VAL_NULL;
    co->argcount = argc, co->posonlyargcount = posonly, co->kwonlyargcount = kwonly;
    co->stacksize = stack, co->flags = flags;
    if (!code_field(r, &co->code, shape, "co_code") ||
        !code_field(r, &co->consts, shape, "co_consts") ||
        !code_field(r, &co->names, shape, "co_names") ||
        !code_field(r, &co->localsplusnames, shape, "co_localsplusnames") ||
        !code_field(r, &co->localspluskinds, shape, "co_localspluskinds") ||
        !code_field(r, &co->filename, shape, "co_filename") ||
        !code_field(r, &co->name, shape, "co_name") ||
        !code_field(r, &co->qualname, shape, "co_qualname") ||
        !read_i32(r, &firstline, "co_firstlineno") ||
        !code_field(r, &co->linetable, shape, "co_linetable") ||
        !code_field(r, &co->exceptiontable, shape, "co_exceptiontable"))
        return VAL_NULL;
    co->firstlineno = firstline;
    if (!check_code(r, at, co))
        return VAL_NULL;
    rt_code_init(co);
    if (r->verify && !verify_code(r, co))
        return VAL_NULL;
    shape->weight = 1;
    return obj_val(co);
}

/* ---- Dispatch on the type code --------------------------------------------------------- */

/* The singletons: no payload, and no reference slot even when flagged. */
static Value singleton(int type)
{
    switch (type) {
    case '0': return NULL_MARK;
    case 'N': return rt_None;
    case 'F': return rt_False;
    case 'T': return rt_True;
    case '.': return rt_Ellipsis;
    case 'S': return obj_val(&rt_StopIteration);
    default: return VAL_NULL;
    }
}

/* Everything that is not a singleton or a reference. */
static Value read_body(Reader *r, int type, size_t at, size_t slot, Shape *shape)
{
    switch (type) {
    case 'i': return read_int32(r);
    case 'I': return read_int64(r);
    case 'l': return read_long(r, shape);
    case 'g': return read_binary_float(r);
    case 'y': return read_binary_complex(r);
    case 'f': return read_text_float(r);
    case 'x': return read_text_complex(r);
    case 's': return read_bytes(r);
    case 't': return read_utf8(r, true);
    case 'u': return read_utf8(r, false);
    case 'a': return read_ascii(r, false, false);
    case 'A': return read_ascii(r, false, true);
    case 'z': return read_ascii(r, true, false);
    case 'Z': return read_ascii(r, true, true);
    case '(': return read_tuple(r, false, shape);
    case ')': return read_tuple(r, true, shape);
    case '[': return read_list(r, slot, shape);
    case '{': return read_dict(r, slot, shape);
    case '<': return read_set(r, false, shape);
    case '>': return read_set(r, true, shape);
    case ':': return read_slice(r, shape);
    case 'c': return read_code(r, at, shape);
    default:
        if (type >= 0x21 && type < 0x7f)
            return fail(r, at, "unknown marshal type code '%c'", type);
        return fail(r, at, "unknown marshal type code 0x%02x", type);
    }
}

/* Read one object of type `type` whose code byte was at `at`.  A flagged
 * object reserves its reference slot before its contents are read. */
static Value read_typed(Reader *r, int type, bool flagged, size_t at, Shape *shape)
{
    Value v = singleton(type);
    if (v)
        return v;
    if (type == 'r')
        return read_ref(r, at, shape);
    size_t slot = NO_SLOT;
    if (flagged && (slot = reserve_slot(r, at)) == NO_SLOT)
        return VAL_NULL;
    v = read_body(r, type, at, slot, shape);
    if (v)
        fill_slot(r, slot, v, *shape);
    return v;
}

/* Read one object (or NULL_MARK for '0'); VAL_NULL after an error. */
static Value read_object(Reader *r, Shape *shape)
{
    size_t at = r->pos;
    uint8_t code;
    *shape = LEAF;
    if (!read_u8(r, &code, "an object's type code"))
        return VAL_NULL;
    if (r->depth >= MAX_DEPTH)
        return fail(r, at, "objects nested deeper than %d levels", MAX_DEPTH);
    r->depth++;
    Value v = read_typed(r, code & ~FLAG_REF, (code & FLAG_REF) != 0, at, shape);
    r->depth--;
    if (v && shape->height > MAX_DEPTH)
        return fail(r, at, "objects nested deeper than %d levels", MAX_DEPTH);
    return v;
}

Value ld_unmarshal(const unsigned char *data, size_t size, const char *name,
                   size_t base_offset, char *err, size_t errsize)
{
    return ld_unmarshal_opt(data, size, name, base_offset, LD_VERIFY, err, errsize);
}

static Value unmarshal(const unsigned char *data, size_t size, const char *name,
                       size_t base_offset, LdVerify verify, size_t *used, char *err, size_t errsize)
{
    Reader r = {.data = data, .size = size, .base = base_offset,
                .name = name ? name : "<marshal data>", .err = err, .errsize = errsize,
                .verify = verify == LD_VERIFY};
    if (err && errsize)
        err[0] = '\0';
    Shape shape;
    Value v = read_object(&r, &shape);
    if (v == NULL_MARK)
        v = fail(&r, 0, "NULL object (type code '0') at the top level");
    if (!v && !r.failed)
        fail(&r, r.pos, "cannot read an object");
    if (used != NULL)
        *used = r.pos;
    /* Freed, not left to the collector: pip list's 545 modules made 6.6 MB
     * of these tables, and what is freed does not count towards the next
     * collection. */
    gc_free(r.refs);
    return v;
}

Value ld_unmarshal_opt(const unsigned char *data, size_t size, const char *name,
                       size_t base_offset, LdVerify verify, char *err, size_t errsize)
{
    return unmarshal(data, size, name, base_offset, verify, NULL, err, errsize);
}

Value ld_unmarshal_prefix(const unsigned char *data, size_t size, size_t *used,
                          char *err, size_t errsize)
{
    return unmarshal(data, size, "marshal data", 0, LD_VERIFY, used, err, errsize);
}
