/*
 * json.c — json.dumps/loads (and dump/load on file objects), producing
 * the text CPython's json encoder does — its separators, indent layout,
 * sort_keys, ensure_ascii escapes, float reprs, NaN/Infinity — and
 * raising JSONDecodeError with CPython's messages and positions
 * ("Expecting value: line 1 column 1 (char 0)").
 */
#include <math.h>
#include <string.h>
#include "modules/modutil.h"

static ObjType json_error_type = {
    .ob.type = &rt_type_type, .name = "json.decoder.JSONDecodeError",
    .base = &rt_ValueError, .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* ---- encoding ---------------------------------------------------------------- */

typedef struct {
    StrBuf sb;
    Value indent;               /* str or VAL_NULL */
    const char *item_sep, *key_sep;
    bool ensure_ascii, sort_keys, allow_nan, skipkeys;
    Value default_fn;
    Value markers;              /* set of ids being encoded (circular check) */
} Enc;

static void enc_string(Enc *e, Value s)
{
    StrBuf *sb = &e->sb;
    sb_addc(sb, '"');
    const char *p = rt_str_cstr(s);
    size_t n = rt_str_nbytes(s);
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        uint32_t c = (unsigned char)p[i] < 0x80 ? (unsigned char)p[i] : rt_utf8_decode(p + i, &len);
        char buf[16];
        switch (c) {
        case '"': sb_adds(sb, "\\\""); break;
        case '\\': sb_adds(sb, "\\\\"); break;
        case '\n': sb_adds(sb, "\\n"); break;
        case '\r': sb_adds(sb, "\\r"); break;
        case '\t': sb_adds(sb, "\\t"); break;
        case '\b': sb_adds(sb, "\\b"); break;
        case '\f': sb_adds(sb, "\\f"); break;
        default:
            if (c < 0x20 || (e->ensure_ascii && c >= 0x7f)) {
                if (c >= 0x10000) {
                    uint32_t v = c - 0x10000;
                    snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xd800 | (v >> 10),
                             0xdc00 | (v & 0x3ff));
                } else {
                    snprintf(buf, sizeof buf, "\\u%04x", c);
                }
                sb_adds(sb, buf);
            } else {
                sb_add(sb, p + i, len);
            }
        }
        i += len;
    }
    sb_addc(sb, '"');
}

static bool enc_float(Enc *e, double d)
{
    if (isnan(d) || isinf(d)) {
        if (!e->allow_nan) {
            rt_raisef(&rt_ValueError, "Out of range float values are not JSON compliant");
            return false;
        }
        sb_adds(&e->sb, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return true;
    }
    char buf[40];
    rt_double_repr(d, buf, sizeof buf);
    sb_adds(&e->sb, buf);
    return true;
}

static void enc_newline(Enc *e, int level)
{
    sb_addc(&e->sb, '\n');
    for (int i = 0; i < level; i++)
        sb_add_value_str(&e->sb, e->indent);
}

static bool enc_value(Enc *e, Value v, int level);

static bool enter(Enc *e, Value v)
{
    Value id = rt_int_from_u64((uint64_t)v);
    if (rt_set_contains(e->markers, id)) {
        rt_raisef(&rt_ValueError, "Circular reference detected");
        return false;
    }
    rt_set_add(e->markers, id);
    return true;
}

static void leave(Enc *e, Value v)
{
    Value args[1] = { rt_int_from_u64((uint64_t)v) };
    mod_call_method(e->markers, "discard", args, 1);
}

static bool enc_list(Enc *e, Value v, int level)
{
    Value items = is_list(v) ? v : rt_sequence_to_list(v);
    ObjList *l = AS_LIST(items);
    if (l->length == 0) {
        sb_adds(&e->sb, "[]");
        return true;
    }
    if (!enter(e, v))
        return false;
    sb_addc(&e->sb, '[');
    for (size_t i = 0; i < l->length; i++) {
        if (i)
            sb_adds(&e->sb, e->item_sep);
        if (e->indent)
            enc_newline(e, level + 1);
        if (!enc_value(e, l->items[i], level + 1))
            return false;
    }
    if (e->indent)
        enc_newline(e, level);
    sb_addc(&e->sb, ']');
    leave(e, v);
    return true;
}

static Value key_string(Enc *e, Value k)
{
    if (rt_is_str(k))
        return k;
    if (rt_isinstance_of(k, &rt_float_type)) {
        Enc tmp = *e;
        sb_init(&tmp.sb);
        return enc_float(&tmp, AS_FLOAT(k)->value) ? sb_finish(&tmp.sb) : VAL_NULL;
    }
    if (k == rt_True) return rt_str_from_cstr("true");
    if (k == rt_False) return rt_str_from_cstr("false");
    if (k == rt_None) return rt_str_from_cstr("null");
    if (rt_isinstance_of(k, &rt_int_type))
        return rt_int_repr(rt_int_unbool(k));
    if (e->skipkeys)
        return rt_None;
    return rt_raisef(&rt_TypeError, "keys must be str, int, float, bool or None, not %s",
                     val_type(k)->name);
}

static bool enc_dict(Enc *e, Value v, int level)
{
    if (rt_dict_len(v) == 0) {
        sb_adds(&e->sb, "{}");
        return true;
    }
    if (!enter(e, v))
        return false;
    Value items = rt_sequence_to_list(mod_call_method(v, "items", NULL, 0));
    if (items == VAL_NULL || (e->sort_keys && !rt_list_sort(items, VAL_NULL, false)))
        return false;
    sb_addc(&e->sb, '{');
    bool first = true;
    for (size_t i = 0; i < AS_LIST(items)->length; i++) {
        Value pair = AS_LIST(items)->items[i];
        Value k = key_string(e, rt_tuple_get(pair, 0));
        if (k == VAL_NULL)
            return false;
        if (k == rt_None)
            continue;
        if (!first)
            sb_adds(&e->sb, e->item_sep);
        first = false;
        if (e->indent)
            enc_newline(e, level + 1);
        enc_string(e, k);
        sb_adds(&e->sb, e->key_sep);
        if (!enc_value(e, rt_tuple_get(pair, 1), level + 1))
            return false;
    }
    if (e->indent)
        enc_newline(e, level);
    sb_addc(&e->sb, '}');
    leave(e, v);
    return true;
}

static bool enc_value(Enc *e, Value v, int level)
{
    if (v == rt_None) { sb_adds(&e->sb, "null"); return true; }
    if (v == rt_True) { sb_adds(&e->sb, "true"); return true; }
    if (v == rt_False) { sb_adds(&e->sb, "false"); return true; }
    if (rt_is_str(v)) { enc_string(e, v); return true; }
    if (rt_isinstance_of(v, &rt_int_type))
        return sb_add_value_str(&e->sb, rt_int_repr(rt_int_unbool(v)));
    if (rt_isinstance_of(v, &rt_float_type))
        return enc_float(e, AS_FLOAT(v)->value);
    if (rt_isinstance_of(v, &rt_list_type) || rt_isinstance_of(v, &rt_tuple_type))
        return enc_list(e, v, level);
    if (rt_isinstance_of(v, &rt_dict_type))
        return enc_dict(e, v, level);
    if (e->default_fn != VAL_NULL && e->default_fn != rt_None) {
        if (!enter(e, v))
            return false;
        Value r = rt_call1(e->default_fn, v);
        if (r == VAL_NULL || !enc_value(e, r, level))
            return false;
        leave(e, v);
        return true;
    }
    rt_raisef(&rt_TypeError, "Object of type %s is not JSON serializable", val_type(v)->name);
    return false;
}

static Value dumps(Value *args, size_t nargs, Value kw, size_t npos_expected)
{
    static const char *const names[] = {
        "obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent",
        "separators", "default", "sort_keys" };
    static const ArgSpec spec = { "dumps", names, 10, 0, 1, 1, false };
    Value a[10];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Enc e;
    memset(&e, 0, sizeof e);
    sb_init(&e.sb);
    e.ensure_ascii = a[2] == VAL_NULL || rt_truthy(a[2]) == 1;
    e.allow_nan = a[4] == VAL_NULL || rt_truthy(a[4]) == 1;
    e.skipkeys = a[1] != VAL_NULL && rt_truthy(a[1]) == 1;
    e.sort_keys = a[9] != VAL_NULL && rt_truthy(a[9]) == 1;
    e.default_fn = a[8] ? a[8] : VAL_NULL;
    e.markers = rt_set_new();
    if (a[6] != VAL_NULL && a[6] != rt_None) {
        if (rt_is_str(a[6]))
            e.indent = a[6];
        else {
            ssize_t n;
            if (!rt_as_ssize(a[6], &n))
                return VAL_NULL;
            StrBuf sb;
            sb_init(&sb);
            for (ssize_t i = 0; i < n; i++)
                sb_addc(&sb, ' ');
            e.indent = sb_finish(&sb);
        }
    }
    e.item_sep = e.indent ? "," : ", ";
    e.key_sep = ": ";
    if (a[7] != VAL_NULL && a[7] != rt_None) {
        Value seps = rt_sequence_to_tuple(a[7]);
        if (seps == VAL_NULL)
            return VAL_NULL;
        if (rt_tuple_len(seps) != 2)
            return rt_raisef(&rt_ValueError, "not enough values to unpack (expected 2, got %zu)",
                             rt_tuple_len(seps));
        e.item_sep = rt_str_cstr(rt_tuple_get(seps, 0));
        e.key_sep = rt_str_cstr(rt_tuple_get(seps, 1));
    }
    (void)npos_expected;
    if (!enc_value(&e, a[0], 0))
        return VAL_NULL;
    return sb_finish(&e.sb);
}

static Value js_dumps(Value *args, size_t nargs, Value kw)
{
    return dumps(args, nargs, kw, 1);
}

static Value js_dump(Value *args, size_t nargs, Value kw)
{
    size_t npos = rt_npos(nargs, kw);
    if (npos < 2)
        return rt_raisef(&rt_TypeError, "dump() missing 1 required positional argument: 'fp'");
    /* dumps(obj, **kw) then fp.write(text). */
    Value *rest = gc_alloc(nargs * sizeof(Value));
    rest[0] = args[0];
    memcpy(rest + 1, args + 2, (nargs - 2) * sizeof(Value));
    Value text = dumps(rest, nargs - 1, kw, 1);
    if (text == VAL_NULL)
        return VAL_NULL;
    return mod_call_method(args[1], "write", &text, 1) == VAL_NULL ? VAL_NULL : rt_None;
}

/* ---- decoding ------------------------------------------------------------------ */

typedef struct { Value doc; const char *p; size_t n, i; } Dec;

static Value dec_error(Dec *d, const char *msg, size_t byte_pos)
{
    size_t pos = rt_str_index_of(d->doc, byte_pos);
    size_t line = 1, col;
    size_t last_nl = (size_t)-1;
    for (size_t k = 0; k < byte_pos; k++)
        if (d->p[k] == '\n') {
            line++;
            last_nl = k;
        }
    col = last_nl == (size_t)-1 ? pos + 1 : pos - rt_str_index_of(d->doc, last_nl);
    Value text = rt_str_format_c("%s: line %zu column %zu (char %zu)", msg, line, col, pos);
    Value exc = rt_exc_new(&json_error_type, rt_tuple_pack(1, text));
    if (exc == VAL_NULL)
        return VAL_NULL;
    return rt_raise(exc);
}

static void skip_ws(Dec *d)
{
    while (d->i < d->n && (d->p[d->i] == ' ' || d->p[d->i] == '\t' || d->p[d->i] == '\n' ||
                           d->p[d->i] == '\r'))
        d->i++;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static long read_hex4(Dec *d, size_t at)
{
    if (at + 4 > d->n)
        return -1;
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(d->p[at + k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

static Value dec_string(Dec *d)
{
    size_t start = d->i++;      /* at the opening quote */
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        if (d->i >= d->n)
            return dec_error(d, "Unterminated string starting at", start);
        unsigned char c = (unsigned char)d->p[d->i];
        if (c == '"') {
            d->i++;
            return sb_finish(&sb);
        }
        if (c < 0x20)
            return dec_error(d, "Invalid control character at", d->i);
        if (c != '\\') {
            sb_addc(&sb, (char)c);
            d->i++;
            continue;
        }
        if (d->i + 1 >= d->n)
            return dec_error(d, "Unterminated string starting at", start);
        char esc = d->p[d->i + 1];
        const char *simple = strchr("\"\\/bfnrt", esc);
        if (esc != '\0' && simple) {
            static const char out[] = "\"\\/\b\f\n\r\t";
            sb_addc(&sb, out[simple - "\"\\/bfnrt"]);
            d->i += 2;
            continue;
        }
        if (esc != 'u')
            return dec_error(d, "Invalid \\escape", d->i);
        long u = read_hex4(d, d->i + 2);
        if (u < 0)
            return dec_error(d, "Invalid \\uXXXX escape", d->i + 1);
        d->i += 6;
        if (u >= 0xd800 && u <= 0xdbff && d->i + 1 < d->n && d->p[d->i] == '\\' &&
            d->p[d->i + 1] == 'u') {
            long lo = read_hex4(d, d->i + 2);
            if (lo < 0)
                return dec_error(d, "Invalid \\uXXXX escape", d->i + 1);
            if (lo >= 0xdc00 && lo <= 0xdfff) {
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                d->i += 6;
            }
        }
        sb_add_codepoint(&sb, (uint32_t)u);
    }
}

static Value dec_value(Dec *d);

static Value dec_number(Dec *d)
{
    size_t start = d->i;
    bool is_float = false;
    if (d->p[d->i] == '-')
        d->i++;
    if (d->i < d->n && d->p[d->i] == '0')
        d->i++;
    else if (d->i < d->n && d->p[d->i] >= '1' && d->p[d->i] <= '9')
        while (d->i < d->n && d->p[d->i] >= '0' && d->p[d->i] <= '9')
            d->i++;
    else
        return dec_error(d, "Expecting value", start);
    if (d->i + 1 < d->n && d->p[d->i] == '.' && d->p[d->i + 1] >= '0' && d->p[d->i + 1] <= '9') {
        is_float = true;
        d->i++;
        while (d->i < d->n && d->p[d->i] >= '0' && d->p[d->i] <= '9')
            d->i++;
    }
    if (d->i < d->n && (d->p[d->i] == 'e' || d->p[d->i] == 'E')) {
        size_t save = d->i++;
        if (d->i < d->n && (d->p[d->i] == '+' || d->p[d->i] == '-'))
            d->i++;
        if (d->i < d->n && d->p[d->i] >= '0' && d->p[d->i] <= '9') {
            is_float = true;
            while (d->i < d->n && d->p[d->i] >= '0' && d->p[d->i] <= '9')
                d->i++;
        } else {
            d->i = save;
        }
    }
    if (is_float)
        return rt_float_from(rt_str_new(d->p + start, d->i - start));
    return rt_int_from_string(d->p + start, d->i - start, 10);
}

static bool match(Dec *d, const char *word)
{
    size_t n = strlen(word);
    if (d->i + n <= d->n && memcmp(d->p + d->i, word, n) == 0) {
        d->i += n;
        return true;
    }
    return false;
}

static Value dec_array(Dec *d)
{
    Value list = rt_list_new(0);
    d->i++;
    skip_ws(d);
    if (d->i < d->n && d->p[d->i] == ']') {
        d->i++;
        return list;
    }
    for (;;) {
        skip_ws(d);
        Value v = dec_value(d);
        if (v == VAL_NULL)
            return VAL_NULL;
        rt_list_append(list, v);
        skip_ws(d);
        if (d->i < d->n && d->p[d->i] == ']') {
            d->i++;
            return list;
        }
        if (d->i >= d->n || d->p[d->i] != ',')
            return dec_error(d, "Expecting ',' delimiter", d->i);
        d->i++;
    }
}

static Value dec_object(Dec *d)
{
    Value dict = rt_dict_new();
    d->i++;
    skip_ws(d);
    if (d->i < d->n && d->p[d->i] == '}') {
        d->i++;
        return dict;
    }
    for (;;) {
        if (d->i >= d->n || d->p[d->i] != '"')
            return dec_error(d, "Expecting property name enclosed in double quotes", d->i);
        Value k = dec_string(d);
        if (k == VAL_NULL)
            return VAL_NULL;
        skip_ws(d);
        if (d->i >= d->n || d->p[d->i] != ':')
            return dec_error(d, "Expecting ':' delimiter", d->i);
        d->i++;
        skip_ws(d);
        Value v = dec_value(d);
        if (v == VAL_NULL)
            return VAL_NULL;
        rt_dict_set(dict, k, v);
        skip_ws(d);
        if (d->i < d->n && d->p[d->i] == '}') {
            d->i++;
            return dict;
        }
        if (d->i >= d->n || d->p[d->i] != ',')
            return dec_error(d, "Expecting ',' delimiter", d->i);
        d->i++;
        skip_ws(d);
    }
}

static Value dec_value(Dec *d)
{
    if (d->i >= d->n)
        return dec_error(d, "Expecting value", d->i);
    char c = d->p[d->i];
    if (c == '"') return dec_string(d);
    if (c == '{') return dec_object(d);
    if (c == '[') return dec_array(d);
    if (c == '-' || (c >= '0' && c <= '9')) {
        if (match(d, "-Infinity"))
            return rt_float_new(-INFINITY);
        return dec_number(d);
    }
    if (match(d, "null")) return rt_None;
    if (match(d, "true")) return rt_True;
    if (match(d, "false")) return rt_False;
    if (match(d, "NaN")) return rt_float_new(NAN);
    if (match(d, "Infinity")) return rt_float_new(INFINITY);
    return dec_error(d, "Expecting value", d->i);
}

static Value loads(Value s)
{
    if (rt_isinstance_of(s, &rt_bytes_type))
        s = rt_bytes_decode(AS_BYTES(s)->data, AS_BYTES(s)->length, VAL_NULL, VAL_NULL);
    if (s == VAL_NULL)
        return VAL_NULL;
    if (!rt_is_str(s))
        return rt_raisef(&rt_TypeError, "the JSON object must be str, bytes or bytearray, not %s",
                         val_type(s)->name);
    Dec d = { s, rt_str_cstr(s), rt_str_nbytes(s), 0 };
    skip_ws(&d);
    Value v = dec_value(&d);
    if (v == VAL_NULL)
        return VAL_NULL;
    skip_ws(&d);
    if (d.i != d.n)
        return dec_error(&d, "Extra data", d.i);
    return v;
}

static Value js_loads(Value *args, size_t nargs, Value kw)
{
    if (rt_npos(nargs, kw) != 1)
        return rt_raisef(&rt_TypeError, "loads() missing 1 required positional argument: 's'");
    return loads(args[0]);
}

static Value js_load(Value *args, size_t nargs, Value kw)
{
    if (rt_npos(nargs, kw) != 1)
        return rt_raisef(&rt_TypeError, "load() missing 1 required positional argument: 'fp'");
    Value text = mod_call_method(args[0], "read", NULL, 0);
    return text == VAL_NULL ? VAL_NULL : loads(text);
}

static const MethodDef json_functions[] = {
    {"dumps", js_dumps}, {"dump", js_dump}, {"loads", js_loads}, {"load", js_load},
    {NULL, NULL}
};

Value mod_json_init(void)
{
    Value m = mod_module_new("json", json_functions);
    if (json_error_type.mro == VAL_NULL)
        rt_type_ready(&json_error_type, NULL);
    mod_module_set(m, "JSONDecodeError", obj_val(&json_error_type));
    return m;
}
