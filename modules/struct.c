/*
 * struct.c — the _struct module (CPython's Modules/_struct.c): conversions
 * between Python values and C structs held in bytes.  Lib/struct.py is
 * `from _struct import *`.
 *
 * A format string is compiled once into a Struct: a byte-order mode and a
 * list of codes, each with its offset in the packed bytes.  The first
 * character chooses the mode:
 *
 *   '@' (or none)  native: this machine's byte order, sizes and alignment
 *                  (every field aligned to its C type, 'n' 'N' 'P' allowed);
 *   '=' '<'        little-endian, standard sizes, no alignment ('=' is this
 *                  machine's order, little-endian on every host pvm runs on);
 *   '>' '!'        big-endian, standard sizes, no alignment.
 *
 * CPython packs through three tables of functions (native, little, big) and
 * at start-up swaps the native functions into the little-endian table where
 * the sizes agree.  That swap is visible: which function packs a field
 * decides which error an out-of-range value gets ("ubyte format requires 0
 * <= number <= 255", "'H' format requires ...", "argument out of range",
 * "int too large to convert").  Here the same outcome is one small table,
 * int_check(), saying for each code and mode which check applies.
 *
 * Floats are packed as CPython's PyFloat_Pack2/4/8 do: 'e' is IEEE half
 * precision with round-half-even and OverflowError "float too large to pack
 * with e format"; standard 'f' refuses a finite double that overflows a
 * float, native 'f' is a plain C cast (so 1e300 packs as inf, as in CPython).
 */
#include <math.h>
#include <string.h>
#include <gmp.h>
#include "modules/modutil.h"
#include "modules/mpz.h"
#include "runtime/version.h"

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "struct.c assumes a little-endian host ('=' is '<')"
#endif

enum Mode { NATIVE, LITTLE, BIG };

/* One format character: its size and alignment in native mode, its size
 * in the standard modes (0: not allowed there). */
typedef struct FormatDef {
    char code;
    unsigned char native_size, align, std_size;
} FormatDef;

static const FormatDef format_defs[] = {
    {'x', 1, 1, 1}, {'c', 1, 1, 1}, {'b', 1, 1, 1}, {'B', 1, 1, 1}, {'?', 1, 1, 1},
    {'h', 2, 2, 2}, {'H', 2, 2, 2}, {'i', 4, 4, 4}, {'I', 4, 4, 4},
    {'l', 8, 8, 4}, {'L', 8, 8, 4}, {'q', 8, 8, 8}, {'Q', 8, 8, 8},
    {'n', 8, 8, 0}, {'N', 8, 8, 0}, {'P', 8, 8, 0},
    {'e', 2, 2, 2}, {'f', 4, 4, 4}, {'d', 8, 8, 8},
    {'s', 1, 1, 1}, {'p', 1, 1, 1},
};

/* One field of a compiled format: `repeat` items of `size` bytes each
 * from `offset` ('s' and 'p': one item of `size` bytes). */
typedef struct Field {
    char code;
    size_t offset, size, repeat;
} Field;

typedef struct ObjStruct {
    Object ob;
    Value format;               /* bytes, as given (str is encoded as ASCII) */
    enum Mode mode;
    size_t size;                /* bytes packed */
    size_t nitems;              /* values packed / unpacked */
    size_t nfields;
    Field *fields;
} ObjStruct;

static ObjType struct_type, unpack_iter_type;
static ObjType struct_error = {
    .ob.type = &rt_type_type, .name = "struct.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};
#define ST(v) VAL_AS(ObjStruct, v)


/* ---- compiling a format ------------------------------------------------------- */

static const FormatDef *find_def(char c, enum Mode mode)
{
    for (size_t i = 0; i < sizeof format_defs / sizeof format_defs[0]; i++)
        if (format_defs[i].code == c)
            return mode == NATIVE || format_defs[i].std_size ? &format_defs[i] : NULL;
    return NULL;
}

static size_t def_size(const FormatDef *d, enum Mode mode)
{
    return mode == NATIVE ? d->native_size : d->std_size;
}

static enum Mode read_mode(const char **fmt)
{
    switch (**fmt) {
    case '<': case '=': (*fmt)++; return LITTLE;
    case '>': case '!': (*fmt)++; return BIG;
    case '@': (*fmt)++; return NATIVE;
    default: return NATIVE;
    }
}

static bool too_long(void)
{
    rt_raisef(&struct_error, "total struct size too long");
    return false;
}

/* Read "[count]code" at *s; false + struct.error on a bad format. */
static bool read_code(const char **s, enum Mode mode, size_t *num, const FormatDef **def)
{
    char c = *(*s)++;
    *num = 1;
    if (c >= '0' && c <= '9') {
        size_t n = (size_t)(c - '0');
        while ((c = *(*s)++) >= '0' && c <= '9') {
            if (n > ((size_t)SSIZE_MAX - (size_t)(c - '0')) / 10)
                return too_long();
            n = n * 10 + (size_t)(c - '0');
        }
        if (c == '\0') {
            rt_raisef(&struct_error, "repeat count given without format specifier");
            return false;
        }
        *num = n;
    }
    if ((*def = find_def(c, mode)) == NULL) {
        rt_raisef(&struct_error, "bad char in struct format");
        return false;
    }
    return true;
}

/* Compile s->format into s's mode, fields and sizes (CPython's prepare_s). */
static bool compile_format(ObjStruct *st)
{
    const char *fmt = (const char *)AS_BYTES(st->format)->data;
    if (strlen(fmt) != AS_BYTES(st->format)->length) {
        rt_raisef(&struct_error, "embedded null character");
        return false;
    }
    st->mode = read_mode(&fmt);
    size_t cap = 8, n = 0, size = 0, nitems = 0;
    Field *fields = gc_alloc_atomic(cap * sizeof *fields);
    for (const char *s = fmt; *s != '\0';) {
        if (*s == ' ' || (*s >= '\t' && *s <= '\r')) {
            s++;
            continue;
        }
        size_t num;
        const FormatDef *def;
        if (!read_code(&s, st->mode, &num, &def))
            return false;
        size_t itemsize = def_size(def, st->mode);
        if (st->mode == NATIVE && size > 0 && def->align > 1)
            size = (size + def->align - 1) / def->align * def->align;
        if (num > ((size_t)SSIZE_MAX - size) / itemsize)
            return too_long();
        bool string = def->code == 's' || def->code == 'p';
        if (def->code != 'x' && (string || num > 0)) {
            if (n == cap) {
                Field *bigger = gc_alloc_atomic(2 * cap * sizeof *fields);
                memcpy(bigger, fields, cap * sizeof *fields);
                fields = bigger;
                cap *= 2;
            }
            fields[n++] = (Field){ def->code, size, string ? num : itemsize, string ? 1 : num };
            nitems += string ? 1 : num;
        }
        size += num * itemsize;
    }
    st->fields = fields;
    st->nfields = n;
    st->size = size;
    st->nitems = nitems;
    return true;
}

/* The format argument as bytes: str is encoded as ASCII. */
static Value format_bytes(Value format)
{
    if (rt_isinstance_of(format, &rt_bytes_type))
        return format;
    if (rt_is_str(format))
        return rt_str_encode(format, "ascii", "strict");
    return rt_raisef(&rt_TypeError, "Struct() argument 1 must be a str or bytes object, not %T",
                     format);
}

static bool struct_init_format(ObjStruct *st, Value format)
{
    Value b = format_bytes(format);
    if (b == VAL_NULL)
        return false;
    st->format = b;
    return compile_format(st);
}

/* ---- integers --------------------------------------------------------------------- */

/* How an integer field checks its value, as the packing function CPython
 * uses for that code and mode does:
 *   NAMED     np_byte, np_ubyte, np_short, np_ushort: a C long, then the
 *             range, "ubyte format requires 0 <= number <= 255";
 *   SIGNED    a C long ("argument out of range"), then for fields narrower
 *             than 8 bytes "'i' format requires -2147483648 <= number <= ...";
 *   UNSIGNED  the same with an unsigned long: negative is out of range;
 *   WIDE      big-endian 'q'/'Q' through _PyLong_AsByteArray, and 'P' through
 *             PyLong_AsVoidPtr: an OverflowError, which struct turns into
 *             "int too large to convert".
 * 3.12 says "'i' format requires ..." for every code but 'P'. */
enum IntCheck { NAMED, SIGNED, UNSIGNED, WIDE };

static enum IntCheck int_check(char code, enum Mode mode)
{
    switch (code) {
    case 'b': case 'B': return NAMED;
    case 'h': case 'H': return mode == BIG ? (code == 'h' ? SIGNED : UNSIGNED) : NAMED;
    case 'q': case 'Q': if (mode == BIG) return WIDE; break;
    case 'P': return WIDE;
    }
    return code >= 'a' ? SIGNED : UNSIGNED;
}

static const char *named_type(char code)
{
    switch (code) {
    case 'b': return "byte";
    case 'B': return "ubyte";
    case 'h': return "short";
    default: return "ushort";
    }
}

/* The value of an int as sign and magnitude; false if |v| >= 2**64. */
static bool int_parts(Value v, bool *neg, uint64_t *mag)
{
    v = rt_int_unbool(v);
    if (val_is_small(v)) {
        intptr_t x = small_value(v);
        *neg = x < 0;
        *mag = x < 0 ? -(uint64_t)x : (uint64_t)x;
        return true;
    }
    mpz_t z;
    mpz_init(z);
    mod_int_to_mpz(v, z);
    *neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    if (mpz_sizeinbase(z, 2) > 64)
        return false;
    *mag = (uint64_t)mpz_get_ui(z);
    return true;
}

/* CPython's get_pylong: an int, an object with __index__, or struct.error. */
static Value get_pylong(Value v)
{
    if (rt_isinstance_of(v, &rt_int_type))
        return v;
    Value i = rt_index_or_null(v);
    if (i == VAL_NULL && !rt_err_occurred())
        rt_raisef(&struct_error, "required argument is not an integer");
    return i;
}

static bool range_error(const Field *f, enum IntCheck check, int64_t lo, uint64_t hi)
{
    if (check == NAMED && rt_py_minor < 12)
        rt_raisef(&struct_error, "%s format requires %ld <= number <= %lu",
                  named_type(f->code), (long)lo, (unsigned long)hi);
    else
        rt_raisef(&struct_error, "'%c' format requires %ld <= number <= %lu",
                  f->code, (long)lo, (unsigned long)hi);
    return false;
}

/* The bits to store for the int value v in field f, checked as CPython. */
static bool int_bits(const Field *f, enum Mode mode, Value v, uint64_t *bits)
{
    bool neg;
    *bits = 0;
    bool fits = int_parts(v, &neg, bits);
    uint64_t mag = *bits;
    bool is_signed = f->code >= 'a' || f->code == 'P';
    enum IntCheck check = int_check(f->code, mode);
    if (rt_py_minor >= 12 && f->code != 'P') {  /* 3.12: one message, the field's range */
        int bitsz = 8 * (int)f->size;
        uint64_t hi = is_signed ? ((uint64_t)1 << (bitsz - 1)) - 1
                                : bitsz == 64 ? UINT64_MAX : ((uint64_t)1 << bitsz) - 1;
        int64_t lo = is_signed ? (int64_t)(0 - hi - 1) : 0;
        if (!fits || (neg ? !is_signed || mag > hi + 1 : mag > hi))
            return range_error(f, SIGNED, lo, hi);
    } else if (check == WIDE) {
        uint64_t max = f->code == 'q' ? (uint64_t)INT64_MAX : UINT64_MAX;
        if (!fits || (neg && (f->code == 'Q' || mag > (uint64_t)INT64_MAX + 1)) ||
            (!neg && mag > max)) {
            rt_raisef(&struct_error, "int too large to convert");
            return false;
        }
    } else if (check == SIGNED || check == NAMED) {
        if (!fits || (neg ? mag > (uint64_t)INT64_MAX + 1 : mag > (uint64_t)INT64_MAX)) {
            rt_raisef(&struct_error, "argument out of range");
            return false;
        }
        int64_t x = neg ? (int64_t)(0 - mag) : (int64_t)mag;
        if (f->size < 8) {
            int bitsz = 8 * (int)f->size;
            int64_t lo = is_signed ? -((int64_t)1 << (bitsz - 1)) : 0;
            int64_t hi = is_signed ? ((int64_t)1 << (bitsz - 1)) - 1 : ((int64_t)1 << bitsz) - 1;
            if (x < lo || x > hi)
                return range_error(f, check, lo, (uint64_t)hi);
        }
    } else {
        if (!fits || neg) {
            rt_raisef(&struct_error, "argument out of range");
            return false;
        }
        if (f->size < 8 && mag >> (8 * f->size) != 0)
            return range_error(f, check, 0, ((uint64_t)1 << (8 * f->size)) - 1);
    }
    if (neg)
        *bits = 0 - mag;
    return true;
}

static void store(unsigned char *p, uint64_t bits, size_t size, bool big)
{
    for (size_t i = 0; i < size; i++, bits >>= 8)
        p[big ? size - 1 - i : i] = (unsigned char)bits;
}

static uint64_t load(const unsigned char *p, size_t size, bool big)
{
    uint64_t x = 0;
    for (size_t i = 0; i < size; i++)
        x |= (uint64_t)p[big ? size - 1 - i : i] << (8 * i);
    return x;
}

/* ---- floats (PyFloat_Pack2/4/8 and Unpack) ------------------------------------------ */

static bool pack_overflow(char code)
{
    rt_raisef(&rt_OverflowError, "float too large to pack with %c format", code);
    return false;
}

static bool pack_float(unsigned char *p, const Field *f, enum Mode mode, Value v)
{
    double x;
    if (!mod_as_double(v, &x)) {
        rt_err_clear();
        rt_raisef(&struct_error, "required argument is not a float");
        return false;
    }
    bool big = mode == BIG;
    if (f->code == 'e') {
        uint16_t h;
        if (!rt_float_pack2(x, &h))
            return false;
        store(p, h, 2, big);
    } else if (f->code == 'f') {
        float y = (float)x;
        if (mode != NATIVE && isinf(y) && !isinf(x))
            return pack_overflow('f');
        uint32_t u;
        memcpy(&u, &y, 4);
        store(p, u, 4, big);
    } else {
        uint64_t u;
        memcpy(&u, &x, 8);
        store(p, u, 8, big);
    }
    return true;
}

static Value unpack_float(const unsigned char *p, char code, bool big)
{
    if (code == 'e')
        return rt_float_new(rt_float_unpack2((uint16_t)load(p, 2, big)));
    if (code == 'f') {
        uint32_t u = (uint32_t)load(p, 4, big);
        float y;
        memcpy(&y, &u, 4);
        return rt_float_new(y);
    }
    uint64_t u = load(p, 8, big);
    double d;
    memcpy(&d, &u, 8);
    return rt_float_new(d);
}

/* ---- packing and unpacking one item -------------------------------------------------- */

static bool pack_string(unsigned char *p, const Field *f, Value v)
{
    ModBuffer b;
    if (!rt_isinstance_of(v, &rt_bytes_type) && !rt_isinstance_of(v, &rt_bytearray_type)) {
        rt_raisef(&struct_error, "argument for '%c' must be a bytes object", f->code);
        return false;
    }
    mod_get_buffer(v, &b);
    size_t n = b.len;
    if (f->code == 's') {
        memcpy(p, b.data, n < f->size ? n : f->size);
        return true;
    }
    if (f->size == 0)           /* '0p': nothing, not even the count */
        return true;
    if (n > f->size - 1)
        n = f->size - 1;
    memcpy(p + 1, b.data, n);
    p[0] = (unsigned char)(n > 255 ? 255 : n);
    return true;
}

static bool pack_item(unsigned char *p, const Field *f, enum Mode mode, Value v)
{
    switch (f->code) {
    case 's': case 'p':
        return pack_string(p, f, v);
    case 'c':
        if (!rt_isinstance_of(v, &rt_bytes_type) || AS_BYTES(v)->length != 1) {
            rt_raisef(&struct_error, "char format requires a bytes object of length 1");
            return false;
        }
        p[0] = AS_BYTES(v)->data[0];
        return true;
    case '?': {
        int t = rt_truthy(v);
        p[0] = (unsigned char)(t > 0);
        return t >= 0;
    }
    case 'e': case 'f': case 'd':
        return pack_float(p, f, mode, v);
    }
    Value i = get_pylong(v);
    uint64_t bits;
    if (i == VAL_NULL || !int_bits(f, mode, i, &bits))
        return false;
    store(p, bits, f->size, mode == BIG);
    return true;
}

static Value unpack_item(const unsigned char *p, const Field *f, enum Mode mode)
{
    bool big = mode == BIG;
    switch (f->code) {
    case 's':
        return rt_bytes_new(p, f->size);
    case 'p': {
        size_t n = f->size == 0 ? 0 : p[0];
        if (f->size > 0 && n >= f->size)
            n = f->size - 1;
        return rt_bytes_new(p + (f->size > 0), n);
    }
    case 'c':
        return rt_bytes_new(p, 1);
    case '?':
        return rt_bool(p[0] != 0);
    case 'e': case 'f': case 'd':
        return unpack_float(p, f->code, big);
    }
    uint64_t x = load(p, f->size, big);
    if (f->code >= 'a') {       /* signed: extend the sign bit */
        int shift = 64 - 8 * (int)f->size;
        return rt_int_from_i64((int64_t)(x << shift) >> shift);
    }
    return rt_int_from_u64(x);
}

/* ---- whole structs -------------------------------------------------------------------- */

static bool pack_all(ObjStruct *st, unsigned char *out, Value *args, size_t nargs,
                     const char *fname)
{
    if (nargs != st->nitems) {
        rt_raisef(&struct_error, "%s expected %zu items for packing (got %zu)",
                  fname, st->nitems, nargs);
        return false;
    }
    memset(out, 0, st->size);
    size_t k = 0;
    for (size_t i = 0; i < st->nfields; i++) {
        const Field *f = &st->fields[i];
        for (size_t r = 0; r < f->repeat; r++, k++) {
            Value v = args[k];
            if (pack_item(out + f->offset + r * f->size, f, st->mode, v))
                continue;
            if (rt_err_matches(&rt_OverflowError) && rt_isinstance_of(v, &rt_int_type)) {
                rt_err_clear();
                rt_raisef(&struct_error, "int too large to convert");
            }
            return false;
        }
    }
    return true;
}

static Value unpack_all(ObjStruct *st, const unsigned char *p)
{
    Value t = rt_tuple_new(st->nitems);
    size_t k = 0;
    for (size_t i = 0; i < st->nfields; i++) {
        const Field *f = &st->fields[i];
        for (size_t r = 0; r < f->repeat; r++) {
            Value v = unpack_item(p + f->offset + r * f->size, f, st->mode);
            if (v == VAL_NULL)
                return VAL_NULL;
            AS_TUPLE(t)->items[k++] = v;
        }
    }
    return t;
}

static Value do_pack(ObjStruct *st, Value *args, size_t nargs)
{
    unsigned char *buf = gc_alloc_atomic(st->size + 1);
    if (!pack_all(st, buf, args, nargs, "pack"))
        return VAL_NULL;
    return rt_bytes_new(buf, st->size);
}

/* Where pack_into / unpack_from put `size` bytes at `offset` in a buffer of
 * `len` bytes (a negative offset counts from the end), with CPython's
 * checks and words; -1 + struct.error when they do not fit. */
static ssize_t buffer_offset(ssize_t offset, size_t size_, size_t len_, bool packing)
{
    ssize_t size = (ssize_t)size_, len = (ssize_t)len_;
    if (offset < 0) {
        if (offset + size > 0) {
            rt_raisef(&struct_error, packing ? "no space to pack %zd bytes at offset %zd"
                                             : "not enough data to unpack %zd bytes at offset %zd",
                      size, offset);
            return -1;
        }
        if (offset + len < 0) {
            rt_raisef(&struct_error, "offset %zd out of range for %zd-byte buffer", offset, len);
            return -1;
        }
        offset += len;
    }
    if (len - offset < size) {
        /* The sum unsigned, as CPython's: it may pass PY_SSIZE_T_MAX. */
        rt_raisef(&struct_error, "%s requires a buffer of at least %zu bytes for %s %zd bytes "
                  "at offset %zd (actual buffer size is %zd)", packing ? "pack_into" : "unpack_from",
                  (size_t)size + (size_t)offset, packing ? "packing" : "unpacking", size, offset, len);
        return -1;
    }
    return offset;
}

/* pack_into(buffer, offset, *v): args[0] is the buffer. */
static Value do_pack_into(ObjStruct *st, Value *args, size_t nargs)
{
    if (nargs < 1)
        return rt_raisef(&struct_error, "pack_into expected buffer argument");
    if (nargs < 2)
        return rt_raisef(&struct_error, "pack_into expected offset argument");
    if (nargs - 2 != st->nitems)
        return rt_raisef(&struct_error, "pack_into expected %zu items for packing (got %zu)",
                         st->nitems, nargs - 2);
    ModBuffer b;
    ssize_t offset;
    if (!mod_get_writable_buffer(args[0], &b) || !rt_as_ssize(args[1], &offset) ||
        (offset = buffer_offset(offset, st->size, b.len, true)) < 0)
        return VAL_NULL;
    unsigned char *tmp = gc_alloc_atomic(st->size + 1);
    if (!pack_all(st, tmp, args + 2, nargs - 2, "pack_into"))
        return VAL_NULL;
    memcpy(b.wdata + offset, tmp, st->size);
    return rt_None;
}

static Value do_unpack(ObjStruct *st, Value buffer)
{
    ModBuffer b;
    if (!mod_get_buffer(buffer, &b))
        return VAL_NULL;
    if (b.len != st->size)
        return rt_raisef(&struct_error, "unpack requires a buffer of %zu bytes", st->size);
    return unpack_all(st, b.data);
}

static Value do_unpack_from(ObjStruct *st, Value buffer, Value offset_arg)
{
    ModBuffer b;
    ssize_t offset = 0;
    if (!mod_get_buffer(buffer, &b) ||
        (offset_arg != VAL_NULL && !rt_as_ssize(offset_arg, &offset)) ||
        (offset = buffer_offset(offset, st->size, b.len, false)) < 0)
        return VAL_NULL;
    return unpack_all(st, b.data + offset);
}

/* ---- iter_unpack ------------------------------------------------------------------------ */

typedef struct ObjUnpackIter {
    Object ob;
    ObjStruct *st;
    Value data;                 /* bytes: a copy of the buffer */
    size_t pos;
} ObjUnpackIter;

static Value do_iter_unpack(ObjStruct *st, Value buffer)
{
    ModBuffer b;
    if (st->size == 0)
        return rt_raisef(&struct_error, "cannot iteratively unpack with a struct of length 0");
    if (!mod_get_buffer(buffer, &b))
        return VAL_NULL;
    if (b.len % st->size != 0)
        return rt_raisef(&struct_error, "iterative unpacking requires a buffer of a multiple "
                         "of %zu bytes", st->size);
    ObjUnpackIter *it = gc_alloc(sizeof *it);
    it->ob.type = &unpack_iter_type;
    it->st = st;
    it->data = rt_bytes_new(b.data, b.len);
    return obj_val(it);
}

static Value unpack_iter_next(Value self)
{
    ObjUnpackIter *it = VAL_AS(ObjUnpackIter, self);
    if (it->pos >= AS_BYTES(it->data)->length)
        return VAL_NULL;
    Value t = unpack_all(it->st, AS_BYTES(it->data)->data + it->pos);
    it->pos += it->st->size;
    return t;
}

static Value unpack_iter_length_hint(Value *args, size_t nargs, Value kw)
{
    ObjUnpackIter *it = VAL_AS(ObjUnpackIter, args[0]);
    return small_new((intptr_t)((AS_BYTES(it->data)->length - it->pos) / it->st->size));
}

static const MethodDef unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint}, {NULL, NULL}
};

static ObjType unpack_iter_type = {
    .ob.type = &rt_type_type, .name = "_struct.unpack_iterator",
    .iter = rt_iter_self, .next = unpack_iter_next, .new_ = mod_no_new,
};

/* ---- the Struct type ------------------------------------------------------------------ */

static const char *const format_names[] = { "format" };
static const ArgSpec struct_spec = { "Struct", format_names, 1, 0, 1, 1, false };

/* Struct(format).  A subclass's instance is compiled by __init__ (its own,
 * or Struct.__init__ below), as CPython's tp_new/tp_init pair does: until
 * then it is the empty format. */
static Value struct_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    ObjStruct *st = rt_alloc_instance(type, sizeof(ObjStruct));
    if (type != &struct_type) {
        st->format = rt_bytes_new(NULL, 0);
        return obj_val(st);
    }
    Value format;
    if (!rt_parse_args(&struct_spec, args, nargs, kw, &format))
        return VAL_NULL;
    return struct_init_format(st, format) ? obj_val(st) : VAL_NULL;
}

/* Struct.__init__(format): what a subclass's __init__ reaches through super(). */
static Value s_init(Value *args, size_t nargs, Value kw)
{
    Value format;
    if (!rt_parse_args(&struct_spec, args + 1, nargs - 1, kw, &format))
        return VAL_NULL;
    return struct_init_format(ST(args[0]), format) ? rt_None : VAL_NULL;
}

static Value s_pack(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Struct.pack", kw))
        return VAL_NULL;
    return do_pack(ST(args[0]), args + 1, nargs - 1);
}

static Value s_pack_into(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("Struct.pack_into", kw))
        return VAL_NULL;
    return do_pack_into(ST(args[0]), args + 1, nargs - 1);
}

static Value s_unpack(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("Struct.unpack", nargs - 1, kw))
        return VAL_NULL;
    return do_unpack(ST(args[0]), args[1]);
}

static Value s_unpack_from(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "buffer", "offset" };
    static const ArgSpec spec = { "unpack_from", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return do_unpack_from(ST(args[0]), a[0], a[1]);
}

static Value s_iter_unpack(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("Struct.iter_unpack", nargs - 1, kw))
        return VAL_NULL;
    return do_iter_unpack(ST(args[0]), args[1]);
}

static Value struct_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "format") == 0) {
        Value b = ST(self)->format;
        return rt_str_new((const char *)AS_BYTES(b)->data, AS_BYTES(b)->length);
    }
    if (strcmp(s, "size") == 0)
        return small_new((intptr_t)ST(self)->size);
    return rt_generic_getattr(self, name);
}

static const MethodDef struct_methods[] = {
    {"__init__", s_init}, {"pack", s_pack}, {"pack_into", s_pack_into},
    {"unpack", s_unpack}, {"unpack_from", s_unpack_from}, {"iter_unpack", s_iter_unpack},
    {NULL, NULL}
};

static ObjType struct_type = {
    .ob.type = &rt_type_type, .name = "_struct.Struct", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjStruct), .new_ = struct_new, .getattr = struct_getattr,
};

/* ---- the module functions, over a cache of compiled formats ------------------------------ */

#define MAXCACHE 100
static Value cache = VAL_NULL;          /* dict: format -> Struct */

static ObjStruct *cached_struct(Value format)
{
    if (cache == VAL_NULL)
        cache = rt_dict_new();
    bool error = false;
    Value st = rt_isinstance_of(format, &rt_bytes_type) || rt_is_str(format)
                   ? rt_dict_get(cache, format, &error) : VAL_NULL;
    if (error)
        return NULL;
    if (st != VAL_NULL)
        return ST(st);
    st = struct_new(&struct_type, &format, 1, VAL_NULL);
    if (st == VAL_NULL)
        return NULL;
    if (rt_dict_len(cache) >= MAXCACHE)
        cache = rt_dict_new();
    if (!rt_dict_set(cache, format, st))
        return NULL;
    return ST(st);
}

static Value m_clearcache(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_struct._clearcache", nargs, kw))
        return VAL_NULL;
    cache = VAL_NULL;
    return rt_None;
}

static Value m_calcsize(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_struct.calcsize", nargs, kw))
        return VAL_NULL;
    ObjStruct *st = cached_struct(args[0]);
    return st ? small_new((intptr_t)st->size) : VAL_NULL;
}

/* The format, the first of a module function's arguments. */
static ObjStruct *format_arg(const char *fname, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw(fname, kw))
        return NULL;
    if (nargs == 0) {
        rt_raisef(&rt_TypeError, "missing format argument");
        return NULL;
    }
    return cached_struct(args[0]);
}

static Value m_pack(Value *args, size_t nargs, Value kw)
{
    ObjStruct *st = format_arg("_struct.pack", args, nargs, kw);
    return st ? do_pack(st, args + 1, nargs - 1) : VAL_NULL;
}

static Value m_pack_into(Value *args, size_t nargs, Value kw)
{
    ObjStruct *st = format_arg("_struct.pack_into", args, nargs, kw);
    return st ? do_pack_into(st, args + 1, nargs - 1) : VAL_NULL;
}

static Value m_unpack(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_struct.unpack", kw) || !rt_arg_range("unpack", nargs, 2, 2))
        return VAL_NULL;
    ObjStruct *st = cached_struct(args[0]);
    return st ? do_unpack(st, args[1]) : VAL_NULL;
}

static Value m_unpack_from(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "format", "buffer", "offset" };
    static const ArgSpec spec = { "unpack_from", names, 3, 1, 2, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ObjStruct *st = cached_struct(a[0]);
    return st ? do_unpack_from(st, a[1], a[2]) : VAL_NULL;
}

static Value m_iter_unpack(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_struct.iter_unpack", kw) || !rt_arg_range("iter_unpack", nargs, 2, 2))
        return VAL_NULL;
    ObjStruct *st = cached_struct(args[0]);
    return st ? do_iter_unpack(st, args[1]) : VAL_NULL;
}

static const MethodDef struct_functions[] = {
    {"_clearcache", m_clearcache}, {"calcsize", m_calcsize}, {"pack", m_pack},
    {"pack_into", m_pack_into}, {"unpack", m_unpack}, {"unpack_from", m_unpack_from},
    {"iter_unpack", m_iter_unpack},
    {NULL, NULL}
};

static const char module_doc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n"
    "\n"
    "The optional first format char indicates byte order, size and alignment:\n"
    "  @: native order, size & alignment (default)\n"
    "  =: native order, std. size & alignment\n"
    "  <: little-endian, std. size & alignment\n"
    "  >: big-endian, std. size & alignment\n"
    "  !: same as >\n"
    "\n"
    "The remaining chars indicate types of args and must match exactly;\n"
    "these can be preceded by a decimal repeat count:\n"
    "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
    "  ?: _Bool (requires C99; if not available, char is used instead)\n"
    "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
    "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
    "Special cases (preceding decimal count indicates length):\n"
    "  s:string (array of char); p: pascal string (with count byte).\n"
    "Special cases (only available in native format):\n"
    "  n:ssize_t; N:size_t;\n"
    "  P:an integer type that is wide enough to hold a pointer.\n"
    "Special case (not in native mode unless 'long long' in platform C):\n"
    "  q:long long; Q:unsigned long long\n"
    "Whitespace between formats is ignored.\n"
    "\n"
    "The variable struct.error is an exception raised on errors.\n";

Value mod_struct_init(void)
{
    Value m = mod_module_new("_struct", struct_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr(module_doc));
    mod_add_type(m, "Struct", &struct_type, struct_methods);
    if (unpack_iter_type.mro == VAL_NULL)
        rt_type_ready(&unpack_iter_type, unpack_iter_methods);
    if (struct_error.mro == VAL_NULL)
        rt_type_ready(&struct_error, NULL);
    mod_module_set(m, "error", obj_val(&struct_error));
    return m;
}
