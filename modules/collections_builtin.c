/*
 * collections_builtin.c — the built-in `collections` module pvm registers
 * until CPython's own Lib/collections/__init__.py imports on pvm (it needs
 * `_thread` for reprlib, `eval` for namedtuple and a subclassable
 * `property` for abc): Counter, OrderedDict, namedtuple and ChainMap
 * written in C, plus deque and defaultdict taken from the `_collections`
 * accelerator (collections.c).  It goes, with its line in modules.h, in the
 * commit that lets the real module import.
 *
 * It keeps the Python versions' observable behaviour: Counter's repr
 * orders by most_common() (a stable sort by count, descending),
 * OrderedDict's 3.11 repr is "OrderedDict([('a', 1)])", namedtuple builds a
 * new tuple subtype at run time whose fields are _collections._tuplegetter
 * descriptors reading tuple items.  Counter and OrderedDict are dict
 * subtypes sharing dict's layout, so every dict method works on them;
 * dict's getitem slot already calls a subtype's __missing__.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"


static Value call_dict_method(Value self, const char *name, Value *args, size_t nargs)
{
    Value m = rt_type_lookup(&rt_dict_type, rt_str_intern_cstr(name));
    Value all[4];
    all[0] = self;
    for (size_t i = 0; i < nargs; i++)
        all[i + 1] = args[i];
    return rt_call(m, all, nargs + 1, VAL_NULL);
}

/* ======================= Counter ========================================== */

static ObjType counter_type;

static Value dict_get0(Value d, Value key)
{
    bool err = false;
    Value v = rt_dict_get(d, key, &err);
    if (err)
        return VAL_NULL;
    return v ? v : small_new(0);
}

/* Counter.update / subtract: sign +1 or -1. */
static bool counter_feed(Value self, Value iterable, int sign)
{
    if (rt_isinstance_of(iterable, &rt_dict_type)) {
        Value k, v;
        Value items = rt_sequence_to_list(mod_call_method(iterable, "items", NULL, 0));
        if (items == VAL_NULL)
            return false;
        for (size_t i = 0; i < AS_LIST(items)->length; i++) {
            Value pair = AS_LIST(items)->items[i];
            k = rt_tuple_get(pair, 0);
            v = rt_tuple_get(pair, 1);
            Value old = dict_get0(self, k), n;
            if (old == VAL_NULL ||
                (n = rt_binary_op(old, v, sign > 0 ? NB_ADD : NB_SUBTRACT)) == VAL_NULL ||
                rt_setitem(self, k, n) < 0)
                return false;
        }
        return true;
    }
    Value it = rt_iter(iterable), e;
    if (it == VAL_NULL)
        return false;
    while ((e = rt_next(it)) != VAL_NULL) {
        Value old = dict_get0(self, e), n;
        if (old == VAL_NULL ||
            (n = rt_binary_op(old, small_new(1), sign > 0 ? NB_ADD : NB_SUBTRACT)) == VAL_NULL ||
            rt_setitem(self, e, n) < 0)
            return false;
    }
    return !rt_err_occurred();
}

static bool counter_feed_args(const char *name, Value self, Value *args, size_t nargs,
                              Value kw, int sign)
{
    size_t npos = rt_npos(nargs, kw);
    if (npos > 1) {
        rt_raisef(&rt_TypeError, "expected at most 1 arguments, got %zu", npos);
        return false;
    }
    if (npos == 1 && args[0] != rt_None && !counter_feed(self, args[0], sign))
        return false;
    size_t nkw = nargs - npos;
    if (nkw) {
        Value d = rt_dict_new();
        for (size_t i = 0; i < nkw; i++)
            rt_dict_set(d, rt_tuple_get(kw, i), args[npos + i]);
        return counter_feed(self, d, sign);
    }
    return true;
}

static Value counter_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    Value d = rt_dict_type.new_(type, NULL, 0, VAL_NULL);
    if (d == VAL_NULL || !counter_feed_args("Counter", d, args, nargs, kw, 1))
        return VAL_NULL;
    return d;
}

static Value counter_update(Value *args, size_t nargs, Value kw)
{
    return counter_feed_args("update", args[0], args + 1, nargs - 1, kw, 1) ? rt_None : VAL_NULL;
}

static Value counter_subtract(Value *args, size_t nargs, Value kw)
{
    return counter_feed_args("subtract", args[0], args + 1, nargs - 1, kw, -1) ? rt_None
                                                                                : VAL_NULL;
}

static Value counter_missing(Value *args, size_t nargs, Value kw)
{
    return small_new(0);
}

static Value item_count(Value *args, size_t nargs, Value kw)
{
    return rt_tuple_get(args[0], 1);
}

/* sorted(self.items(), key=itemgetter(1), reverse=True)[:n] */
static Value most_common(Value self, ssize_t n)
{
    Value items = rt_sequence_to_list(mod_call_method(self, "items", NULL, 0));
    if (items == VAL_NULL)
        return VAL_NULL;
    if (!rt_list_sort(items, rt_builtin_new("itemgetter", item_count, VAL_NULL), true))
        return VAL_NULL;
    if (n >= 0 && (size_t)n < AS_LIST(items)->length)
        AS_LIST(items)->length = (size_t)n;
    return items;
}

static Value counter_most_common(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "n" };
    static const ArgSpec spec = { "most_common", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    ssize_t n = -1;
    if (a[1] != VAL_NULL && a[1] != rt_None) {
        if (!rt_as_ssize(a[1], &n))
            return VAL_NULL;
        if (n < 0)
            n = 0;
    }
    return most_common(a[0], n);
}

static Value counter_elements(Value *args, size_t nargs, Value kw)
{
    Value out = rt_list_new(0), k, v;
    for (size_t pos = 0; rt_dict_next(args[0], &pos, &k, &v);) {
        ssize_t c;
        if (!rt_as_ssize(v, &c))
            return VAL_NULL;
        for (ssize_t i = 0; i < c; i++)
            rt_list_append(out, k);
    }
    return rt_iter(out);
}

static Value counter_total(Value *args, size_t nargs, Value kw)
{
    Value t = small_new(0), k, v;
    for (size_t pos = 0; rt_dict_next(args[0], &pos, &k, &v);)
        if ((t = rt_binary_op(t, v, NB_ADD)) == VAL_NULL)
            return VAL_NULL;
    return t;
}

static Value counter_copy(Value *args, size_t nargs, Value kw)
{
    return counter_new(val_type(args[0]), args, 1, VAL_NULL);
}

static Value counter_repr(Value self)
{
    const char *name = val_type(self)->name;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    if (rt_dict_len(self) == 0)
        return rt_str_format_c("%s()", name);
    Value mc = most_common(self, -1), d;
    if (mc == VAL_NULL) {
        if (!rt_err_matches(&rt_TypeError))
            return VAL_NULL;
        rt_err_clear();
        d = rt_dict_copy(self);
    } else {
        d = rt_dict_new();
        if (!rt_dict_update(d, mc))
            return VAL_NULL;
    }
    return rt_str_format_c("%s(%R)", name, d);
}

static int cmp_zero(Value v, int op)
{
    return rt_compare_bool(v, small_new(0), op);
}

/* Counter arithmetic: + - | & (results keep positive counts only). */
static Value counter_binop(Value a, Value b, int op)
{
    if (!rt_isinstance_of(a, &counter_type) || !rt_isinstance_of(b, &counter_type))
        return rt_NotImplemented;
    if (op != NB_ADD && op != NB_SUBTRACT && op != NB_OR && op != NB_AND)
        return rt_NotImplemented;
    Value result = counter_new(&counter_type, NULL, 0, VAL_NULL), k, v;
    for (size_t pos = 0; rt_dict_next(a, &pos, &k, &v);) {
        Value o = dict_get0(b, k), n;
        if (o == VAL_NULL)
            return VAL_NULL;
        if (op == NB_ADD || op == NB_SUBTRACT)
            n = rt_binary_op(v, o, op);
        else {
            int lt = rt_compare_bool(v, o, CMP_LT);
            if (lt < 0)
                return VAL_NULL;
            n = op == NB_OR ? (lt ? o : v) : (lt ? v : o);
        }
        if (n == VAL_NULL)
            return VAL_NULL;
        int pos_ = cmp_zero(n, CMP_GT);
        if (pos_ < 0)
            return VAL_NULL;
        if (pos_)
            rt_dict_set(result, k, n);
    }
    if (op == NB_AND)
        return result;
    for (size_t pos = 0; rt_dict_next(b, &pos, &k, &v);) {
        bool err = false;
        if (rt_dict_get(a, k, &err) != VAL_NULL || err)
            continue;
        int keep = cmp_zero(v, op == NB_SUBTRACT ? CMP_LT : CMP_GT);
        if (keep < 0)
            return VAL_NULL;
        if (keep)
            rt_dict_set(result, k, op == NB_SUBTRACT ? rt_binary_op(small_new(0), v, NB_SUBTRACT)
                                                      : v);
    }
    return result;
}

static Value counter_unary(Value self, int op)
{
    if (op != UN_POS && op != UN_NEG)
        return rt_NotImplemented;
    Value result = counter_new(&counter_type, NULL, 0, VAL_NULL), k, v;
    for (size_t pos = 0; rt_dict_next(self, &pos, &k, &v);) {
        int keep = cmp_zero(v, op == UN_POS ? CMP_GT : CMP_LT);
        if (keep < 0)
            return VAL_NULL;
        if (keep)
            rt_dict_set(result, k, op == UN_POS ? v : rt_binary_op(small_new(0), v, NB_SUBTRACT));
    }
    return result;
}

static Value counter_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !rt_isinstance_of(b, &counter_type))
        return rt_dict_type.richcompare(a, b, op);
    /* Missing elements count as zero. */
    Value pair[2] = { a, b }, k, v;
    for (int i = 0; i < 2; i++)
        for (size_t pos = 0; rt_dict_next(pair[i], &pos, &k, &v);) {
            Value x = dict_get0(a, k), y = dict_get0(b, k);
            int eq = rt_eq(x, y);
            if (eq < 0)
                return VAL_NULL;
            if (!eq)
                return rt_bool(op == CMP_NE);
        }
    return rt_bool(op == CMP_EQ);
}

static int counter_setitem(Value self, Value key, Value v)
{
    if (v == VAL_NULL) {        /* del c[x] ignores missing keys */
        int r = rt_dict_del(self, key);
        return r < 0 ? -1 : 0;
    }
    return rt_dict_set(self, key, v) ? 0 : -1;
}

static const MethodDef counter_methods[] = {
    {"__missing__", counter_missing}, {"update", counter_update},
    {"subtract", counter_subtract}, {"most_common", counter_most_common},
    {"elements", counter_elements}, {"total", counter_total}, {"copy", counter_copy},
    {"__copy__", counter_copy}, {NULL, NULL}
};

static ObjType counter_type = {
    .ob.type = &rt_type_type, .name = "collections.Counter", .base = &rt_dict_type, .flags = TF_BASETYPE,
    .new_ = counter_new, .repr = counter_repr, .binop = counter_binop,
    .unary = counter_unary, .richcompare = counter_richcompare, .setitem = counter_setitem,
    .binop_ops = RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_SUBTRACT) | RT_OP_BIT(NB_OR) | RT_OP_BIT(NB_AND),
    .unary_ops = RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_NEG),
};

/* ======================= OrderedDict ====================================== */

static ObjType odict_type;

static Value od_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("...");
    const char *name = val_type(self)->name;
    const char *dot = strrchr(name, '.');
    if (dot)
        name = dot + 1;
    if (rt_dict_len(self) == 0)
        return rt_str_format_c("%s()", name);
    Value items = rt_sequence_to_list(mod_call_method(self, "items", NULL, 0));
    if (items == VAL_NULL)
        return VAL_NULL;
    return rt_str_format_c("%s(%R)", name, items);
}

static Value od_move_to_end(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "key", "last" };
    static const ArgSpec spec = { "move_to_end", names, 3, 0, 2, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value self = a[0], key = a[1];
    int last = a[2] ? rt_truthy(a[2]) : 1;
    bool err = false;
    Value v = rt_dict_get(self, key, &err);
    if (err)
        return VAL_NULL;
    if (v == VAL_NULL)
        return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
    rt_dict_del(self, key);
    if (last) {
        rt_dict_set(self, key, v);
        return rt_None;
    }
    Value rest = rt_dict_copy(self);
    if (call_dict_method(self, "clear", NULL, 0) == VAL_NULL)
        return VAL_NULL;
    rt_dict_set(self, key, v);
    rt_dict_update(self, rest);
    return rt_None;
}

static Value od_popitem(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "self", "last" };
    static const ArgSpec spec = { "popitem", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    int last = a[1] ? rt_truthy(a[1]) : 1;
    if (rt_dict_len(a[0]) == 0)
        return rt_raisef(&rt_KeyError, "dictionary is empty");
    Value k = VAL_NULL, v = VAL_NULL, kk, vv;
    for (size_t pos = 0; rt_dict_next(a[0], &pos, &kk, &vv);) {
        k = kk;
        v = vv;
        if (!last)
            break;
    }
    rt_dict_del(a[0], k);
    return rt_tuple_pack(2, k, v);
}

static Value od_richcompare(Value a, Value b, int op)
{
    if ((op == CMP_EQ || op == CMP_NE) && rt_isinstance_of(b, &odict_type) &&
        rt_isinstance_of(a, &odict_type)) {
        Value la = rt_sequence_to_list(mod_call_method(a, "items", NULL, 0));
        Value lb = rt_sequence_to_list(mod_call_method(b, "items", NULL, 0));
        if (la == VAL_NULL || lb == VAL_NULL)
            return VAL_NULL;
        return rt_richcompare(la, lb, op);
    }
    return rt_dict_type.richcompare(a, b, op);
}

static Value od_copy(Value *args, size_t nargs, Value kw)
{
    return odict_type.new_(val_type(args[0]), args, 1, VAL_NULL);
}

static const MethodDef od_methods[] = {
    {"move_to_end", od_move_to_end}, {"popitem", od_popitem}, {"copy", od_copy},
    {"__copy__", od_copy}, {NULL, NULL}
};

static ObjType odict_type = {
    .ob.type = &rt_type_type, .name = "collections.OrderedDict", .base = &rt_dict_type,
    .flags = TF_BASETYPE, .repr = od_repr, .richcompare = od_richcompare,
};

/* ======================= namedtuple ======================================= */

static Value nt_fields(ObjType *t) { return rt_type_lookup(t, rt_str_intern_cstr("_fields")); }

static Value nt_alloc(ObjType *t, const Value *items, size_t n)
{
    ObjTuple *tp = gc_alloc(sizeof(ObjTuple) + n * sizeof(Value) + 16);
    tp->ob.type = t;
    tp->length = n;
    memcpy(tp->items, items, n * sizeof(Value));
    return obj_val(tp);
}

static Value nt_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    Value fields = nt_fields(t);
    Value defaults = rt_type_lookup(t, rt_str_intern_cstr("_field_defaults"));
    size_t n = rt_tuple_len(fields), npos = rt_npos(nargs, kw), nkw = nargs - npos;
    const char *name = t->name;
    if (npos > n)
        return rt_raisef(&rt_TypeError, "%s.__new__() takes %zu positional arguments but %zu were given",
                         name, n + 1, npos + 1);
    Value *items = gc_alloc((n + 1) * sizeof(Value));
    memcpy(items, args, npos * sizeof(Value));
    for (size_t i = 0; i < nkw; i++) {
        Value k = rt_tuple_get(kw, i);
        size_t j = 0;
        while (j < n && !rt_str_equal(rt_tuple_get(fields, j), k))
            j++;
        if (j == n)
            return rt_raisef(&rt_TypeError, "%s.__new__() got an unexpected keyword argument '%S'",
                             name, k);
        if (items[j] != VAL_NULL)
            return rt_raisef(&rt_TypeError, "%s.__new__() got multiple values for argument '%S'",
                             name, k);
        items[j] = args[npos + i];
    }
    Value missing = rt_list_new(0);
    for (size_t j = 0; j < n; j++)
        if (items[j] == VAL_NULL) {
            Value d = defaults ? rt_dict_get_str(defaults, rt_tuple_get(fields, j)) : VAL_NULL;
            if (d != VAL_NULL)
                items[j] = d;
            else
                rt_list_append(missing, rt_repr(rt_tuple_get(fields, j)));
        }
    size_t nm = AS_LIST(missing)->length;
    if (nm) {
        StrBuf sb;
        sb_init(&sb);
        for (size_t i = 0; i < nm; i++) {
            if (i)
                sb_adds(&sb, i + 1 == nm ? (nm > 2 ? ", and " : " and ") : ", ");
            sb_add_value_str(&sb, AS_LIST(missing)->items[i]);
        }
        return rt_raisef(&rt_TypeError, "%s.__new__() missing %zu required positional argument%s: %S",
                         name, nm, nm == 1 ? "" : "s", sb_finish(&sb));
    }
    return nt_alloc(t, items, n);
}

static Value nt_repr(Value self)
{
    ObjType *t = val_type(self);
    Value fields = nt_fields(t);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, t->name);
    sb_addc(&sb, '(');
    for (size_t i = 0; i < rt_tuple_len(self) && i < rt_tuple_len(fields); i++) {
        if (i)
            sb_adds(&sb, ", ");
        sb_add_value_str(&sb, rt_tuple_get(fields, i));
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, rt_tuple_get(self, i)))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value nt_make(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("_make", nargs - 1, kw))
        return VAL_NULL;
    ObjType *t = AS_TYPE(args[0]);
    Value tup = rt_sequence_to_tuple(args[1]);
    if (tup == VAL_NULL)
        return VAL_NULL;
    size_t n = rt_tuple_len(nt_fields(t));
    if (rt_tuple_len(tup) != n)
        return rt_raisef(&rt_TypeError, "Expected %zu arguments, got %zu", n, rt_tuple_len(tup));
    return nt_alloc(t, AS_TUPLE(tup)->items, n);
}

static Value nt_asdict(Value *args, size_t nargs, Value kw)
{
    Value self = args[0], fields = nt_fields(val_type(self)), d = rt_dict_new();
    for (size_t i = 0; i < rt_tuple_len(fields); i++)
        rt_dict_set(d, rt_tuple_get(fields, i), rt_tuple_get(self, i));
    return d;
}

static Value nt_replace(Value *args, size_t nargs, Value kw)
{
    Value self = args[0], fields = nt_fields(val_type(self));
    size_t npos = rt_npos(nargs, kw), n = rt_tuple_len(fields);
    if (npos > 1)
        return rt_raisef(&rt_TypeError, "_replace() takes 1 positional argument but %zu were given",
                         npos);
    Value *items = gc_alloc((n + 1) * sizeof(Value));
    memcpy(items, AS_TUPLE(self)->items, n * sizeof(Value));
    Value unknown = rt_list_new(0);
    for (size_t i = 0; i < nargs - npos; i++) {
        Value k = rt_tuple_get(kw, i);
        size_t j = 0;
        while (j < n && !rt_str_equal(rt_tuple_get(fields, j), k))
            j++;
        if (j == n)
            rt_list_append(unknown, k);
        else
            items[j] = args[npos + i];
    }
    if (AS_LIST(unknown)->length)
        return rt_raisef(&rt_ValueError, "Got unexpected field names: %R", unknown);
    return nt_alloc(val_type(self), items, n);
}

static Value nt_getnewargs(Value *args, size_t nargs, Value kw)
{
    return rt_tuple_from(AS_TUPLE(args[0])->items, rt_tuple_len(args[0]));
}

static bool valid_identifier(Value s)
{
    size_t n = AS_STR(s)->length;
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = rt_str_char_at(s, i);
        if (!(i == 0 ? rt_uni_isidstart(c) : rt_uni_isidcontinue(c)))
            return false;
    }
    return true;
}

static bool is_keyword(const char *s)
{
    static const char *const kws[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
        "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
        "raise", "return", "try", "while", "with", "yield", NULL };
    for (const char *const *k = kws; *k; k++)
        if (strcmp(*k, s) == 0)
            return true;
    return false;
}

static Value make_namedtuple(Value typename, Value field_names, bool rename, Value defaults,
                             Value module)
{
    Value fields;
    if (rt_is_str(field_names)) {
        /* field_names.replace(',', ' ').split() */
        Value comma = rt_str_from_cstr(","), space = rt_str_from_cstr(" ");
        Value a[2] = { comma, space };
        Value s = mod_call_method(field_names, "replace", a, 2);
        if (s == VAL_NULL || (s = mod_call_method(s, "split", NULL, 0)) == VAL_NULL)
            return VAL_NULL;
        fields = rt_sequence_to_list(s);
    } else {
        fields = rt_sequence_to_list(field_names);
        if (fields == VAL_NULL)
            return VAL_NULL;
        for (size_t i = 0; i < AS_LIST(fields)->length; i++)
            if ((AS_LIST(fields)->items[i] = rt_str(AS_LIST(fields)->items[i])) == VAL_NULL)
                return VAL_NULL;
    }
    if (fields == VAL_NULL || (typename = rt_str(typename)) == VAL_NULL)
        return VAL_NULL;
    ObjList *fl = AS_LIST(fields);
    if (rename) {
        Value seen = rt_set_new();
        for (size_t i = 0; i < fl->length; i++) {
            Value f = fl->items[i];
            if (!valid_identifier(f) || is_keyword(rt_str_cstr(f)) || rt_str_cstr(f)[0] == '_' ||
                rt_set_contains(seen, f))
                fl->items[i] = rt_str_format_c("_%zu", i);
            rt_set_add(seen, f);
        }
    }
    Value names = rt_list_new(0);
    rt_list_append(names, typename);
    rt_list_extend(names, fields);
    for (size_t i = 0; i < AS_LIST(names)->length; i++) {
        Value nm = AS_LIST(names)->items[i];
        if (!valid_identifier(nm))
            return rt_raisef(&rt_ValueError,
                             "Type names and field names must be valid identifiers: %R", nm);
        if (is_keyword(rt_str_cstr(nm)))
            return rt_raisef(&rt_ValueError,
                             "Type names and field names cannot be a keyword: %R", nm);
    }
    Value seen = rt_set_new();
    for (size_t i = 0; i < fl->length; i++) {
        Value f = fl->items[i];
        if (rt_str_cstr(f)[0] == '_' && !rename)
            return rt_raisef(&rt_ValueError, "Field names cannot start with an underscore: %R", f);
        if (rt_set_contains(seen, f))
            return rt_raisef(&rt_ValueError, "Encountered duplicate field name: %R", f);
        rt_set_add(seen, f);
    }
    Value field_defaults = rt_dict_new();
    if (defaults != VAL_NULL && defaults != rt_None) {
        Value dt = rt_sequence_to_tuple(defaults);
        if (dt == VAL_NULL)
            return VAL_NULL;
        size_t nd = rt_tuple_len(dt);
        if (nd > fl->length)
            return rt_raisef(&rt_TypeError, "Got more default values than field names");
        for (size_t i = 0; i < nd; i++)
            rt_dict_set(field_defaults, fl->items[fl->length - nd + i], rt_tuple_get(dt, i));
    }
    ObjType *t = gc_alloc(sizeof *t);
    t->ob.type = &rt_type_type;
    t->name = gc_strdup(rt_str_cstr(typename));
    t->base = &rt_tuple_type;
    t->flags = TF_BASETYPE | TF_HEAPTYPE;
    t->new_ = nt_new;
    t->repr = nt_repr;
    static const MethodDef methods[] = {
        {"_asdict", nt_asdict}, {"_replace", nt_replace},
        {"__getnewargs__", nt_getnewargs}, {NULL, NULL} };
    rt_type_ready(t, methods);
    Value tv = obj_val(t);
    Value ftuple = rt_list_as_tuple(fields);
    rt_type_set(t, "_fields", ftuple);
    rt_type_set(t, "__match_args__", ftuple);
    rt_type_set(t, "_field_defaults", field_defaults);
    rt_type_set(t, "_make", rt_builtin_new("_make", nt_make, tv));
    rt_type_set(t, "__module__", module ? module : rt_str_from_cstr("__main__"));
    rt_type_set(t, "__slots__", rt_empty_tuple);
    for (size_t i = 0; i < fl->length; i++) {
        rt_dict_set(t->dict, fl->items[i],
                    mod_tuplegetter_new(i, rt_str_format_c("Alias for field number %zu", i)));
    }
    return tv;
}

static Value coll_namedtuple(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "typename", "field_names", "rename", "defaults",
                                         "module" };
    static const ArgSpec spec = { "namedtuple", names, 5, 0, 2, 2, false };
    Value a[5];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    int rename = a[2] ? rt_truthy(a[2]) : 0;
    if (rename < 0)
        return VAL_NULL;
    return make_namedtuple(a[0], a[1], rename, a[3], a[4]);
}

Value mod_namedtuple(const char *name, const char *fields)
{
    return make_namedtuple(rt_str_from_cstr(name), rt_str_from_cstr(fields), false, VAL_NULL,
                           VAL_NULL);
}

/* ======================= ChainMap ========================================= */

typedef struct { Object ob; Value maps; Value dict; } ObjChainMap;
static ObjType chainmap_type;
#define CM(v) VAL_AS(ObjChainMap, v)

static Value cm_make(ObjType *t, Value maps)
{
    ObjChainMap *c = rt_alloc_instance(t, sizeof *c);
    c->ob.type = t;
    c->maps = maps;
    return obj_val(c);
}

static Value cm_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("ChainMap", kw))
        return VAL_NULL;
    Value maps = rt_list_from(args, nargs);
    if (nargs == 0)
        rt_list_append(maps, rt_dict_new());
    return cm_make(t, maps);
}

static Value cm_getitem(Value self, Value key)
{
    ObjList *maps = AS_LIST(CM(self)->maps);
    for (size_t i = 0; i < maps->length; i++) {
        Value v = rt_getitem(maps->items[i], key);
        if (v != VAL_NULL)
            return v;
        if (!rt_err_matches(&rt_KeyError))
            return VAL_NULL;
        rt_err_clear();
    }
    return rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

static int cm_setitem(Value self, Value key, Value v)
{
    Value first = AS_LIST(CM(self)->maps)->items[0];
    if (v != VAL_NULL)
        return rt_setitem(first, key, v);
    if (rt_delitem(first, key) < 0) {
        if (rt_err_matches(&rt_KeyError)) {
            rt_err_clear();
            rt_raisef(&rt_KeyError, "Key not found in the first mapping: %R", key);
        }
        return -1;
    }
    return 0;
}

/* The merged mapping in CPython's iteration order. */
static Value cm_merged(Value self)
{
    ObjList *maps = AS_LIST(CM(self)->maps);
    Value d = rt_dict_new();
    for (size_t i = maps->length; i-- > 0;) {
        Value it = rt_iter(maps->items[i]), k;
        if (it == VAL_NULL)
            return VAL_NULL;
        while ((k = rt_next(it)) != VAL_NULL)
            rt_dict_set(d, k, rt_None);
        if (rt_err_occurred())
            return VAL_NULL;
    }
    Value k, v;
    for (size_t pos = 0; rt_dict_next(d, &pos, &k, &v);) {
        Value x = cm_getitem(self, k);
        if (x == VAL_NULL)
            return VAL_NULL;
        rt_dict_set(d, k, x);
    }
    return d;
}

static ssize_t cm_len(Value self)
{
    Value d = cm_merged(self);
    return d == VAL_NULL ? -1 : (ssize_t)rt_dict_len(d);
}

static Value cm_iter(Value self)
{
    Value d = cm_merged(self);
    return d == VAL_NULL ? VAL_NULL : rt_iter(d);
}

static int cm_contains(Value self, Value key)
{
    ObjList *maps = AS_LIST(CM(self)->maps);
    for (size_t i = 0; i < maps->length; i++) {
        int r = rt_contains(maps->items[i], key);
        if (r != 0)
            return r;
    }
    return 0;
}

static Value cm_repr(Value self)
{
    StrBuf sb;
    sb_init(&sb);
    const char *name = val_type(self)->name;
    const char *dot = strrchr(name, '.');
    sb_adds(&sb, dot != NULL ? dot + 1 : name);
    sb_addc(&sb, '(');
    ObjList *maps = AS_LIST(CM(self)->maps);
    for (size_t i = 0; i < maps->length; i++) {
        if (i)
            sb_adds(&sb, ", ");
        if (!sb_add_value_repr(&sb, maps->items[i]))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value cm_view(Value self, const char *which)
{
    Value d = cm_merged(self);
    return d == VAL_NULL ? VAL_NULL : mod_call_method(d, which, NULL, 0);
}

static Value cm_keys(Value *a, size_t n, Value kw) { return cm_view(a[0], "keys"); }
static Value cm_items(Value *a, size_t n, Value kw) { return cm_view(a[0], "items"); }
static Value cm_values(Value *a, size_t n, Value kw) { return cm_view(a[0], "values"); }

static Value cm_get(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("get", nargs - 1, 1, 2))
        return VAL_NULL;
    int has = cm_contains(args[0], args[1]);
    if (has < 0)
        return VAL_NULL;
    if (!has)
        return nargs > 2 ? args[2] : rt_None;
    return cm_getitem(args[0], args[1]);
}

static Value cm_new_child(Value *args, size_t nargs, Value kw)
{
    Value m = nargs > 1 && args[1] != rt_None ? args[1] : rt_dict_new();
    Value maps = rt_list_new(0);
    rt_list_append(maps, m);
    rt_list_extend(maps, CM(args[0])->maps);
    return cm_make(val_type(args[0]), maps);
}

static Value cm_pop(Value *args, size_t nargs, Value kw)
{
    Value first = AS_LIST(CM(args[0])->maps)->items[0];
    Value r = mod_call_method(first, "pop", args + 1, nargs - 1);
    if (r == VAL_NULL && rt_err_matches(&rt_KeyError)) {
        rt_err_clear();
        return rt_raisef(&rt_KeyError, "Key not found in the first mapping: %R", args[1]);
    }
    return r;
}

static Value cm_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "maps") == 0)
        return CM(self)->maps;
    if (strcmp(s, "parents") == 0) {
        ObjList *maps = AS_LIST(CM(self)->maps);
        Value rest = rt_list_from(maps->items + 1, maps->length ? maps->length - 1 : 0);
        return rt_call_tuple_dict(obj_val(val_type(self)), rt_list_as_tuple(rest), VAL_NULL);
    }
    return rt_generic_getattr(self, name);
}

static const MethodDef cm_methods[] = {
    {"keys", cm_keys}, {"items", cm_items}, {"values", cm_values}, {"get", cm_get},
    {"new_child", cm_new_child}, {"pop", cm_pop}, {NULL, NULL}
};

static ObjType chainmap_type = {
    .ob.type = &rt_type_type, .name = "collections.ChainMap", .flags = TF_BASETYPE,
    .dict_offset = offsetof(ObjChainMap, dict),
    .new_ = cm_new, .getitem = cm_getitem, .setitem = cm_setitem, .len = cm_len,
    .iter = cm_iter, .contains = cm_contains, .repr = cm_repr, .getattr = cm_getattr,
};

/* ======================= the module ======================================== */

static const MethodDef collections_functions[] = {
    {"namedtuple", coll_namedtuple},
    {NULL, NULL}
};

Value mod_collections_init(void)
{
    Value accel = mod_import("_collections");
    if (accel == VAL_NULL)
        return VAL_NULL;
    Value m = mod_module_new("collections", collections_functions);
    Value deque = rt_getattr_cstr(accel, "deque");
    mod_module_set(m, "deque", deque);
    mod_module_set(m, "defaultdict", rt_getattr_cstr(accel, "defaultdict"));
    mod_add_type(m, "Counter", &counter_type, counter_methods);
    mod_add_type(m, "OrderedDict", &odict_type, od_methods);
    mod_add_type(m, "ChainMap", &chainmap_type, cm_methods);
    odict_type.new_ = rt_dict_type.new_;
    ObjType *generic[] = { &counter_type, &odict_type, &chainmap_type };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (rt_dict_get_cstr(generic[i]->dict, "__class_getitem__") == VAL_NULL)
            rt_type_add_class_getitem(generic[i]);
    mod_abc_register("MutableSequence", AS_TYPE(deque));  /* as collections/__init__.py */
    mod_abc_register("MutableMapping", &chainmap_type);   /* its base class in CPython */
    Value abc = mod_collections_abc_init();
    if (abc != VAL_NULL)
        mod_module_set(m, "abc", abc);
    return m;
}
