/*
 * marshal_write.c — values to CPython's marshal format (version 4), the
 * inverse of marshal.c for plain data.
 *
 * What it writes: None, True, False, Ellipsis, StopIteration, int, float,
 * complex, str, bytes,
 * tuple, list, dict, set and frozenset — each object in full, without the
 * back-references (FLAG_REF) that CPython adds for objects seen twice: the
 * result reads back as an equal value, in pvm or in CPython.  Code objects
 * are not written yet.  Nesting deeper than CPython's limit (2000) is
 * refused with CPython's ValueError, as is any other type.
 *
 * Used by the compile service (loader/compile.c) to send an AST to
 * python3.11 as a tree of tuples (modules/ast.c).
 */
#include <string.h>
#include "loader/pyc.h"
#include "runtime/abstract.h"
#include "runtime/containers.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"

#define MAX_DEPTH 2000          /* CPython's MAX_MARSHAL_STACK_DEPTH */

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

static bool put_value(StrBuf *out, Value v, int depth);

static bool put_items(StrBuf *out, char code, const Value *items, size_t n, int depth)
{
    sb_addc(out, code);
    put_u32(out, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        if (!put_value(out, items[i], depth + 1))
            return false;
    return true;
}

static bool put_set(StrBuf *out, char code, Value set, int depth)
{
    sb_addc(out, code);
    put_u32(out, (uint32_t)rt_len(set));
    size_t pos = 0;
    Value key;
    while (rt_set_next(set, &pos, &key))
        if (!put_value(out, key, depth + 1))
            return false;
    return true;
}

static bool put_dict(StrBuf *out, Value dict, int depth)
{
    sb_addc(out, '{');
    size_t pos = 0;
    Value k, v;
    while (rt_dict_next(dict, &pos, &k, &v))
        if (!put_value(out, k, depth + 1) || !put_value(out, v, depth + 1))
            return false;
    sb_addc(out, '0');                          /* TYPE_NULL ends the dict */
    return true;
}

static bool put_value(StrBuf *out, Value v, int depth)
{
    if (depth > MAX_DEPTH) {
        rt_raisef(&rt_ValueError, "object too deeply nested to marshal");
        return false;
    }
    int64_t i;
    if (v == rt_None)
        sb_addc(out, 'N');
    else if (v == rt_True)
        sb_addc(out, 'T');
    else if (v == rt_False)
        sb_addc(out, 'F');
    else if (v == rt_Ellipsis)
        sb_addc(out, '.');
    else if (v == obj_val(&rt_StopIteration))
        sb_addc(out, 'S');
    else if (IS_EXACT(v, rt_int_type) || val_is_small(v)) {
        if (rt_int_as_i64(v, &i) && i >= INT32_MIN && i <= INT32_MAX) {
            sb_addc(out, 'i');
            put_u32(out, (uint32_t)(int32_t)i);
        } else {
            rt_err_clear();
            return put_long(out, v);
        }
    } else if (is_float(v)) {
        sb_addc(out, 'g');
        put_double(out, rt_float_value(v));
    } else if (IS_EXACT(v, rt_complex_type)) {
        sb_addc(out, 'y');
        put_double(out, VAL_AS(ObjComplex, v)->real);
        put_double(out, VAL_AS(ObjComplex, v)->imag);
    } else if (is_str(v))
        put_sized(out, 'u', rt_str_cstr(v), rt_str_nbytes(v));
    else if (IS_EXACT(v, rt_bytes_type))
        put_sized(out, 's', AS_BYTES(v)->data, AS_BYTES(v)->length);
    else if (is_tuple(v))
        return put_items(out, '(', AS_TUPLE(v)->items, rt_tuple_len(v), depth);
    else if (is_list(v))
        return put_items(out, '[', AS_LIST(v)->items, AS_LIST(v)->length, depth);
    else if (is_dict(v))
        return put_dict(out, v, depth);
    else if (IS_EXACT(v, rt_set_type))
        return put_set(out, '<', v, depth);
    else if (IS_EXACT(v, rt_frozenset_type))
        return put_set(out, '>', v, depth);
    else {
        rt_raisef(&rt_ValueError, "unmarshallable object");
        return false;
    }
    return true;
}

bool ld_marshal(Value v, StrBuf *out)
{
    sb_addc(out, 0);                    /* keep data non-NULL, then drop the byte */
    out->len--;
    return put_value(out, v, 0);
}
