/*
 * marshal_write.c — values to CPython's marshal format, versions 0 to 5,
 * the inverse of marshal.c: what marshal.dumps writes.
 *
 * What it writes: None, True, False, Ellipsis, StopIteration, int, float,
 * complex, str, bytes (and any other bytes-like object, as bytes), tuple,
 * list, dict, set, frozenset and code objects, with CPython 3.11's choice
 * of type code for each version: floats as text before version 2,
 * back-references (FLAG_REF / TYPE_REF) from version 3, short ASCII
 * strings and small tuples from version 4, slices from version 5 (3.14's,
 * refused before it); set elements in the order of
 * their own marshalled bytes (CPython's order for reproducible builds).
 * Nesting deeper than CPython's limit (2000) is refused with CPython's
 * ValueError, as is any other type.
 *
 * Back-references.  CPython flags an object for later reference when its
 * reference count is above one at the time of writing, and always an
 * interned str.  pvm keeps no counts, so it flags what would have more
 * than one reference whatever the program did: the object dumped (its
 * caller holds it), interned strings, objects that occur twice or more in
 * what is dumped (a pre-pass counts them), the objects CPython takes from
 * caches (small ints, the empty tuple, empty and one-character str and
 * bytes) and a code object's co_code, co_filename and co_name (put_code).  For the code objects of the standard library's .pyc files this
 * gives back the files' bytes (tests/programs/lib_marshal measures it).
 *
 * Also used by the compile service (loader/compile.c) to send an AST to
 * python3.11 as a tree of tuples (modules/ast.c), without back-references.
 */
#include <string.h>
#include "loader/pyc.h"
#include "runtime/abstract.h"
#include "runtime/containers.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/buffer.h"
#include "runtime/code.h"

#define MAX_DEPTH 2000          /* CPython's MAX_MARSHAL_STACK_DEPTH */
#define FLAG_REF 0x80

static void put_u32(StrBuf *out, uint32_t v)
{
    char b[4] = { (char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24) };
    sb_add(out, b, 4);
}

/* A double as 8 little-endian bytes (marshal's binary float). */
static void put_double(StrBuf *out, double d)
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; i++)
        sb_addc(out, (char)(bits >> (8 * i)));
}

static void put_sized(StrBuf *out, char code, const void *data, size_t n)
{
    sb_addc(out, code);
    put_u32(out, (uint32_t)n);
    sb_add(out, data, n);
}

/* An int beyond 32 bits: TYPE_LONG, a signed count of 15-bit digits, least
 * significant first.  The digits come from the hexadecimal text of |v|. */
static bool put_long(StrBuf *out, Value v)
{
    int sign = rt_int_sign(v);
    Value text = rt_int_to_base(v, 16, false);
    if (text == VAL_NULL)
        return false;
    const char *hex = rt_str_cstr(text);
    size_t n = rt_str_nbytes(text);
    if (sign < 0) {                             /* "-abc" */
        hex++;
        n--;
    }
    StrBuf digits;
    sb_init(&digits);
    uint32_t acc = 0;
    int bits = 0;
    size_t count = 0;
    for (size_t i = n; i-- > 0;) {
        char c = hex[i];
        uint32_t nibble = c <= '9' ? (uint32_t)(c - '0') : (uint32_t)((c | 0x20) - 'a' + 10);
        acc |= nibble << bits;
        bits += 4;
        if (bits >= 15) {
            sb_addc(&digits, (char)(acc & 0xff));
            sb_addc(&digits, (char)((acc >> 8) & 0x7f));
            acc >>= 15;
            bits -= 15;
            count++;
        }
    }
    if (acc != 0 || bits > 0) {
        sb_addc(&digits, (char)(acc & 0xff));
        sb_addc(&digits, (char)((acc >> 8) & 0x7f));
        count++;
    }
    while (count > 0 && digits.data[2 * count - 1] == 0 && digits.data[2 * count - 2] == 0)
        count--;                                /* the top digit must not be 0 */
    sb_addc(out, 'l');
    put_u32(out, (uint32_t)(sign < 0 ? -(int32_t)count : (int32_t)count));
    sb_add(out, digits.data, 2 * count);
    return true;
}


typedef struct Writer {
    StrBuf *out;
    int version;
    bool refs;                  /* write back-references (version >= 3) */
    Value seen;                 /* address -> occurrences (the pre-pass) */
    Value index;                /* address -> reference index, once flagged */
    Value top;                  /* the object dumped */
} Writer;

/* Whether an object is flagged for back-references beyond the rules of
 * put_ref: always (CPython holds another reference), or never for being
 * one of CPython's cached objects (made fresh, not from a cache). */
typedef enum { REF_AUTO, REF_ALWAYS, REF_FRESH } RefRule;

static bool put_value(Writer *w, Value v, int depth);
static bool put_object(Writer *w, Value v, RefRule rule, int depth);

/* An object's identity as a dict key. */
static Value address(Value v)
{
    return rt_int_from_u64((uint64_t)(uintptr_t)v);
}

/* One of the objects CPython shares from a cache: always referenced twice. */
static bool cached_by_cpython(Value v)
{
    int64_t i;
    if (val_is_small(v) || IS_EXACT(v, rt_int_type)) {
        if (rt_int_as_i64(v, &i))
            return i >= -5 && i <= 256;
        rt_err_clear();
        return false;
    }
    if (is_str(v))
        return AS_STR(v)->interned || AS_STR(v)->length == 0 ||
               (AS_STR(v)->length == 1 && rt_str_char_at(v, 0) < 256);
    if (is_tuple(v))
        return rt_tuple_len(v) == 0;
    if (IS_EXACT(v, rt_bytes_type))
        return AS_BYTES(v)->length <= 1;
    return false;
}

static size_t sequence_items(Value v, Value **items)
{
    if (is_tuple(v)) {
        *items = AS_TUPLE(v)->items;
        return rt_tuple_len(v);
    }
    *items = AS_LIST(v)->items;
    return AS_LIST(v)->length;
}

/* The pre-pass: how often each object occurs in what is dumped (an
 * object's children are counted at its first occurrence only). */
static void count_refs(Writer *w, Value v, int depth)
{
    if (depth >= MAX_DEPTH || v == rt_None || v == rt_True || v == rt_False)
        return;
    Value key = address(v);
    Value n = rt_dict_get(w->seen, key, NULL);
    rt_dict_set(w->seen, key, small_new(n == VAL_NULL ? 1 : small_value(n) + 1));
    if (n != VAL_NULL)
        return;
    Value k, x, *items;
    size_t pos = 0;
    if (is_tuple(v) || is_list(v)) {
        size_t len = sequence_items(v, &items);
        for (size_t i = 0; i < len; i++)
            count_refs(w, items[i], depth + 1);
    } else if (is_dict(v)) {
        while (rt_dict_next(v, &pos, &k, &x)) {
            count_refs(w, k, depth + 1);
            count_refs(w, x, depth + 1);
        }
    } else if (IS_EXACT(v, rt_set_type) || IS_EXACT(v, rt_frozenset_type)) {
        while (rt_set_next(v, &pos, &k))
            count_refs(w, k, depth + 1);
    } else if (is_code(v)) {
        ObjCode *c = AS_CODE(v);
        Value parts[] = { c->code, c->consts, c->names, c->localsplusnames, c->localspluskinds,
                          c->filename, c->name, c->qualname, c->linetable, c->exceptiontable };
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
            count_refs(w, parts[i], depth + 1);
    } else if (IS_EXACT(v, rt_slice_type)) {
        ObjSlice *s = VAL_AS(ObjSlice, v);
        count_refs(w, s->start, depth + 1);
        count_refs(w, s->stop, depth + 1);
        count_refs(w, s->step, depth + 1);
    }
}

/* w_ref: true when v went out as a back-reference; otherwise *flag is
 * FLAG_REF when its type code must carry one (v takes the next index). */
static bool put_ref(Writer *w, Value v, RefRule rule, char *flag)
{
    *flag = 0;
    if (!w->refs)
        return false;
    Value key = address(v);
    Value n = rt_dict_get(w->seen, key, NULL);
    bool cached = rule == REF_AUTO ? cached_by_cpython(v)
                                   : rule == REF_FRESH && rt_len(v) == 0;   /* b'' is one object */
    if (rule != REF_ALWAYS && v != w->top && !cached && (n == VAL_NULL || small_value(n) < 2))
        return false;
    Value i = rt_dict_get(w->index, key, NULL);
    if (i != VAL_NULL) {
        sb_addc(w->out, 'r');
        put_u32(w->out, (uint32_t)small_value(i));
        return true;
    }
    rt_dict_set(w->index, key, small_new((intptr_t)rt_len(w->index)));
    *flag = (char)FLAG_REF;
    return false;
}

static bool put_items(Writer *w, char code, char flag, const Value *items, size_t n, int depth)
{
    if (code == '(' && w->version >= 4 && n < 256) {
        sb_addc(w->out, (char)(')' | flag));
        sb_addc(w->out, (char)n);
    } else {
        sb_addc(w->out, (char)(code | flag));
        put_u32(w->out, (uint32_t)n);
    }
    for (size_t i = 0; i < n; i++)
        if (!put_value(w, items[i], depth + 1))
            return false;
    return true;
}

/* One object alone in marshal format (a set element's sort key). */
static Value dumps_alone(Value v, int version, int depth)
{
    StrBuf out;
    sb_init(&out);
    Writer w = { &out, version, version >= 3, rt_dict_new(), rt_dict_new(), v };
    if (w.refs)
        count_refs(&w, v, depth);
    if (!put_value(&w, v, depth))
        return VAL_NULL;
    return rt_bytes_new((const unsigned char *)out.data, out.len);
}

/* Sets: elements sorted by their own marshalled bytes, as CPython writes
 * them so that a .pyc does not depend on hash randomization. */
static bool put_set(Writer *w, char code, char flag, Value set, int depth)
{
    size_t n = (size_t)rt_len(set), pos = 0, i = 0;
    Value key, pairs = rt_list_new(0);
    while (rt_set_next(set, &pos, &key)) {
        Value dump = dumps_alone(key, w->version, depth + 1);
        if (dump == VAL_NULL)
            return false;
        rt_list_append(pairs, rt_tuple_pack(2, dump, small_new((intptr_t)i++)));
    }
    Value items = rt_sequence_to_tuple(set);
    if (!rt_list_sort(pairs, VAL_NULL, false))
        return false;
    sb_addc(w->out, (char)(code | flag));
    put_u32(w->out, (uint32_t)n);
    for (i = 0; i < n; i++) {
        Value index = rt_tuple_get(AS_LIST(pairs)->items[i], 1);
        if (!put_value(w, rt_tuple_get(items, (size_t)small_value(index)), depth + 1))
            return false;
    }
    return true;
}

static bool put_dict(Writer *w, char flag, Value dict, int depth)
{
    sb_addc(w->out, (char)('{' | flag));
    size_t pos = 0;
    Value k, v;
    while (rt_dict_next(dict, &pos, &k, &v))
        if (!put_value(w, k, depth + 1) || !put_value(w, v, depth + 1))
            return false;
    sb_addc(w->out, '0');                       /* TYPE_NULL ends the dict */
    return true;
}

/* A float before version 2: its repr('g', 17 digits) as a short string. */
static void put_float_text(StrBuf *out, double d)
{
    char buf[40];
    if (d != d)
        strcpy(buf, "nan");
    else if (d == 1.0 / 0.0 || d == -1.0 / 0.0)
        strcpy(buf, d > 0 ? "inf" : "-inf");
    else
        snprintf(buf, sizeof buf, "%.17g", d);
    sb_addc(out, (char)strlen(buf));
    sb_add(out, buf, strlen(buf));
}

static void put_float(Writer *w, char flag, double d)
{
    if (w->version > 1) {
        sb_addc(w->out, (char)('g' | flag));
        put_double(w->out, d);
    } else {
        sb_addc(w->out, (char)('f' | flag));
        put_float_text(w->out, d);
    }
}

static void put_complex(Writer *w, char flag, double re, double im)
{
    if (w->version > 1) {
        sb_addc(w->out, (char)('y' | flag));
        put_double(w->out, re);
        put_double(w->out, im);
    } else {
        sb_addc(w->out, (char)('x' | flag));
        put_float_text(w->out, re);
        put_float_text(w->out, im);
    }
}

/* str: short or long ASCII (version 4), else UTF-8; interned or not. */
static void put_str(Writer *w, char flag, Value v)
{
    bool interned = AS_STR(v)->interned;
    size_t n = rt_str_nbytes(v);
    if (w->version >= 4 && AS_STR(v)->ascii) {
        if (n < 256) {
            sb_addc(w->out, (char)((interned ? 'Z' : 'z') | flag));
            sb_addc(w->out, (char)n);
            sb_add(w->out, rt_str_cstr(v), n);
        } else {
            sb_addc(w->out, (char)((interned ? 'A' : 'a') | flag));
            put_u32(w->out, (uint32_t)n);
            sb_add(w->out, rt_str_cstr(v), n);
        }
        return;
    }
    sb_addc(w->out, (char)((w->version >= 3 && interned ? 't' : 'u') | flag));
    put_u32(w->out, (uint32_t)n);
    sb_add(w->out, rt_str_cstr(v), n);
}

static void put_int(Writer *w, char flag, Value v)
{
    int64_t i;
    if (rt_int_as_i64(v, &i) && i >= INT32_MIN && i <= INT32_MAX) {
        sb_addc(w->out, (char)('i' | flag));
        put_u32(w->out, (uint32_t)(int32_t)i);
        return;
    }
    rt_err_clear();
    size_t start = w->out->len;
    put_long(w->out, v);
    w->out->data[start] = (char)('l' | flag);
}

/* A code object, field by field in 3.11's order.  Its co_code, co_filename
 * and co_name are flagged: CPython's code object keeps a second reference
 * to co_code, the compiler one to the file name, and names are interned
 * or, for <module>, <listcomp> and the like, static strings.  Its
 * co_localspluskinds is made fresh, even when one byte long (but b'' is
 * CPython's one empty bytes object). */
static bool put_code(Writer *w, char flag, ObjCode *c, int depth)
{
    sb_addc(w->out, (char)('c' | flag));
    int fields[] = { c->argcount, c->posonlyargcount, c->kwonlyargcount, c->stacksize, c->flags };
    for (size_t i = 0; i < 5; i++)
        put_u32(w->out, (uint32_t)fields[i]);
    if (!put_object(w, c->code, REF_ALWAYS, depth + 1))
        return false;
    Value parts[] = { c->consts, c->names, c->localsplusnames };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (!put_value(w, parts[i], depth + 1))
            return false;
    if (!put_object(w, c->localspluskinds, REF_FRESH, depth + 1) ||
        !put_object(w, c->filename, REF_ALWAYS, depth + 1) ||
        !put_object(w, c->name, REF_ALWAYS, depth + 1) || !put_value(w, c->qualname, depth + 1))
        return false;
    put_u32(w->out, (uint32_t)c->firstlineno);
    return put_value(w, c->linetable, depth + 1) && put_value(w, c->exceptiontable, depth + 1);
}

/* Anything else with the buffer protocol goes out as bytes. */
static bool put_buffer(Writer *w, char flag, Value v)
{
    RtBuffer b;
    if (rt_get_buffer(v, &b, RT_BUF_SIMPLE) < 0) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "unmarshallable object");
        return false;
    }
    put_sized(w->out, (char)('s' | flag), b.buf, (size_t)b.len);
    rt_release_buffer(&b);
    return true;
}

static bool put_object(Writer *w, Value v, RefRule rule, int depth)
{
    if (depth >= MAX_DEPTH) {          /* the object dumped is at depth 1 in CPython */
        rt_raisef(&rt_ValueError, "object too deeply nested to marshal");
        return false;
    }
    if (v == rt_None) {
        sb_addc(w->out, 'N');
        return true;
    }
    if (v == obj_val(&rt_StopIteration) || v == rt_Ellipsis || v == rt_False || v == rt_True) {
        sb_addc(w->out, v == rt_Ellipsis ? '.' : v == rt_False ? 'F' : v == rt_True ? 'T' : 'S');
        return true;
    }
    char flag;
    if (put_ref(w, v, rule, &flag))
        return true;
    Value *items;
    if (IS_EXACT(v, rt_int_type) || val_is_small(v))
        put_int(w, flag, v);
    else if (IS_EXACT(v, rt_float_type))
        put_float(w, flag, rt_float_value(v));
    else if (IS_EXACT(v, rt_complex_type))
        put_complex(w, flag, VAL_AS(ObjComplex, v)->real, VAL_AS(ObjComplex, v)->imag);
    else if (IS_EXACT(v, rt_str_type))
        put_str(w, flag, v);
    else if (IS_EXACT(v, rt_bytes_type))
        put_sized(w->out, (char)('s' | flag), AS_BYTES(v)->data, AS_BYTES(v)->length);
    else if (IS_EXACT(v, rt_tuple_type) || IS_EXACT(v, rt_list_type)) {
        size_t n = sequence_items(v, &items);
        return put_items(w, is_tuple(v) ? '(' : '[', flag, items, n, depth);
    } else if (IS_EXACT(v, rt_dict_type))
        return put_dict(w, flag, v, depth);
    else if (IS_EXACT(v, rt_set_type))
        return put_set(w, '<', flag, v, depth);
    else if (IS_EXACT(v, rt_frozenset_type))
        return put_set(w, '>', flag, v, depth);
    else if (is_code(v))
        return put_code(w, flag, AS_CODE(v), depth);
    else if (IS_EXACT(v, rt_slice_type) && w->version >= 5) {
        ObjSlice *s = VAL_AS(ObjSlice, v);
        sb_addc(w->out, (char)(':' | flag));
        return put_value(w, s->start, depth + 1) && put_value(w, s->stop, depth + 1) &&
               put_value(w, s->step, depth + 1);
    } else
        return put_buffer(w, flag, v);
    return true;
}

static bool put_value(Writer *w, Value v, int depth)
{
    return put_object(w, v, REF_AUTO, depth);
}

bool ld_marshal_version(Value v, int version, StrBuf *out)
{
    sb_addc(out, 0);                    /* keep data non-NULL, then drop the byte */
    out->len--;
    Writer w = { out, version, version >= 3, VAL_NULL, VAL_NULL, v };
    if (w.refs) {
        w.seen = rt_dict_new();
        w.index = rt_dict_new();
        count_refs(&w, v, 0);
    }
    return put_value(&w, v, 0);
}

bool ld_marshal(Value v, StrBuf *out)
{
    sb_addc(out, 0);
    out->len--;
    Writer w = { out, 4, false, VAL_NULL, VAL_NULL, v };
    return put_value(&w, v, 0);
}
