/*
 * odict.c — collections.OrderedDict in C, after CPython 3.11's
 * Objects/odictobject.c (registered in _collections, which
 * Lib/collections/__init__.py imports over its pure-Python class).
 *
 * As in CPython, an OrderedDict is a dict (which holds the values) plus a
 * doubly linked list of nodes, one per key, which holds the order:
 * move_to_end and popitem(last=False) relink nodes in O(1) and never touch
 * the dict, whose own entries stay in insertion order.  `map` finds a key's
 * node (CPython keeps od_fast_nodes beside the dict's index instead).
 * Iteration, repr, ==, copy and pickling walk the nodes and read each value
 * from the dict, so a dict method called on an OrderedDict behind its back
 * (dict.__delitem__(od, k)) leaves a node whose value is missing: KeyError,
 * exactly as in CPython.
 *
 * `state` counts the changes that move keys (a node added, removed or
 * moved); the iterators compare it to raise "OrderedDict mutated during
 * iteration", and a change of size seen without it (through dict's own
 * methods) is "OrderedDict changed size during iteration".  Replacing a
 * value is neither.  Equality with another OrderedDict also compares the
 * order.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"
#include "runtime/version.h"

typedef struct ODNode {
    Object ob;
    Value key;
    struct ODNode *prev, *next;
} ODNode;

typedef struct {
    ObjDict d;
    Value inst_dict;            /* __dict__ (CPython's OrderedDict has one) */
    Value map;                  /* plain dict: key -> its ODNode */
    ODNode *first, *last;
    uint64_t state;             /* bumped when nodes are added, removed, moved */
} ObjODict;

static ObjType odict_type, odict_iter_type, odnode_type;
static ObjType odict_keys_type, odict_values_type, odict_items_type;
#define OD(v) VAL_AS(ObjODict, v)

static bool is_odict(Value v)
{
    return rt_isinstance_of(v, &odict_type);
}

bool mod_is_odict_type(ObjType *t)
{
    return t == &odict_type;
}

/* Call dict's own method `name` (items, clear ...). */
static Value dict_method(const char *name, Value *args, size_t nargs, Value kw)
{
    Value f = rt_type_lookup(&rt_dict_type, rt_str_intern_cstr(name));
    return rt_call(f, args, nargs, kw);
}

/* ---- the linked list ------------------------------------------------------ */

/* The key -> node map, made on first use (dict.__new__, OrderedDict's
 * too, allocates an empty dict; __init__ may never run). */
static Value node_map(ObjODict *od)
{
    if (od->map == VAL_NULL)
        od->map = rt_dict_new();
    return od->map;
}

/* key's node, or NULL (*error: a failed hash or ==). */
static ODNode *find_node(ObjODict *od, Value key, bool *error)
{
    Value n = rt_dict_get(node_map(od), key, error);
    return n == VAL_NULL ? NULL : VAL_AS(ODNode, n);
}

static void unlink_node(ObjODict *od, ODNode *n)
{
    *(n->prev ? &n->prev->next : &od->first) = n->next;
    *(n->next ? &n->next->prev : &od->last) = n->prev;
    n->prev = n->next = NULL;
    od->state++;
}

static void link_node(ObjODict *od, ODNode *n, bool last)
{
    if (last) {
        n->prev = od->last;
        *(od->last ? &od->last->next : &od->first) = n;
        od->last = n;
    } else {
        n->next = od->first;
        *(od->first ? &od->first->prev : &od->last) = n;
        od->first = n;
    }
    od->state++;
}

/* A node at the end for a key that has none (CPython's
 * _odict_add_new_node); 0 ok, -1 error. */
static int add_node(ObjODict *od, Value key)
{
    bool error = false;
    if (find_node(od, key, &error) != NULL || error)
        return error ? -1 : 0;
    ODNode *n = gc_alloc(sizeof *n);
    n->ob.type = &odnode_type;
    n->key = key;
    if (!rt_dict_set(node_map(od), key, obj_val(n)))
        return -1;
    link_node(od, n, true);
    return 0;
}

/* Drop key's node if it has one; 0 ok, -1 error. */
static int clear_node(ObjODict *od, Value key)
{
    bool error = false;
    ODNode *n = find_node(od, key, &error);
    if (n == NULL)
        return error ? -1 : 0;
    unlink_node(od, n);
    return rt_dict_del(node_map(od), key) < 0 ? -1 : 0;
}

/* The value of a node's key in the dict; KeyError(key) when the dict lost
 * it behind the OrderedDict's back. */
static Value node_value(Value self, ODNode *n)
{
    bool error = false;
    Value v = rt_dict_get(self, n->key, &error);
    if (v == VAL_NULL && !error)
        rt_raise_args(&rt_KeyError, rt_tuple_pack(1, n->key));
    return v;
}

/* ---- item assignment: the dict's, and the node ------------------------------ */

static int od_setitem(Value self, Value key, Value v)
{
    if (v == VAL_NULL)          /* del od[key]: the node first, as CPython */
        return clear_node(OD(self), key) < 0 ? -1 : rt_dict_type.setitem(self, key, v);
    if (rt_dict_type.setitem(self, key, v) < 0)
        return -1;
    return add_node(OD(self), key);
}

/* ---- construction and update (CPython's mutablemapping_update) --------- */

/* self[k] = v for each (k, v) of an iterable of pairs, unpacked as CPython's
 * mutablemapping_add_pairs does. */
static bool add_pairs(Value self, Value pairs)
{
    Value it = rt_iter(pairs), pair;
    if (it == VAL_NULL)
        return false;
    while ((pair = rt_next(it)) != VAL_NULL) {
        Value pit = rt_iter(pair);
        if (pit == VAL_NULL)
            return false;
        Value k = rt_next(pit), v = k ? rt_next(pit) : VAL_NULL;
        if (v == VAL_NULL) {
            if (!rt_err_occurred())
                rt_raisef(&rt_ValueError, "need more than %d value%s to unpack",
                          k ? 1 : 0, k ? "" : "s");
            return false;
        }
        if (rt_next(pit) != VAL_NULL) {
            rt_raisef(&rt_ValueError, "too many values to unpack (expected 2)");
            return false;
        }
        if (rt_err_occurred() || rt_setitem(self, k, v) < 0)
            return false;
    }
    return !rt_err_occurred();
}

/* One positional argument of update(): an exact dict's items, a mapping
 * through keys() and [], an object with items(), or pairs. */
static bool update_from(Value self, Value arg)
{
    if (val_type(arg) == &rt_dict_type) {
        Value items = dict_method("items", &arg, 1, VAL_NULL);
        return items != VAL_NULL && add_pairs(self, items);
    }
    Value keys = rt_getattr_cstr(arg, "keys");
    if (keys != VAL_NULL) {
        Value ks = rt_call0(keys), it = ks ? rt_iter(ks) : VAL_NULL, k;
        if (it == VAL_NULL)
            return false;
        while ((k = rt_next(it)) != VAL_NULL) {
            Value v = rt_getitem(arg, k);
            if (v == VAL_NULL || rt_setitem(self, k, v) < 0)
                return false;
        }
        return !rt_err_occurred();
    }
    if (!rt_err_matches(&rt_AttributeError))
        return false;
    rt_err_clear();
    Value items = rt_getattr_cstr(arg, "items");
    if (items != VAL_NULL)
        return (items = rt_call0(items)) != VAL_NULL && add_pairs(self, items);
    if (!rt_err_matches(&rt_AttributeError))
        return false;
    rt_err_clear();
    return add_pairs(self, arg);
}

/* update(self, [other], **kw) with CPython's argument messages. */
static bool od_update(Value self, Value *args, size_t npos, Value kw, const char *toomany)
{
    if (npos > 1) {
        rt_raisef(&rt_TypeError, toomany, npos);
        return false;
    }
    if (npos == 1 && !update_from(self, args[0]))
        return false;
    size_t nkw = rt_nkwargs(kw);
    for (size_t i = 0; i < nkw; i++)
        if (rt_setitem(self, rt_tuple_get(kw, i), args[npos + i]) < 0)
            return false;
    return true;
}

static Value od_update_m(Value *args, size_t nargs, Value kw)
{
    bool ok = od_update(args[0], args + 1, rt_npos(nargs, kw) - 1, kw,
                        "update() takes at most 1 positional argument (%zu given)");
    return ok ? rt_None : VAL_NULL;
}

static Value od_init_m(Value *args, size_t nargs, Value kw)
{
    bool ok = od_update(args[0], args + 1, rt_npos(nargs, kw) - 1, kw,
                        rt_py_minor >= 14 ? "expected at most 1 argument, got %zu"
                                          : "expected at most 1 arguments, got %zu");
    return ok ? rt_None : VAL_NULL;
}

/* ---- reordering and removal -------------------------------------------- */

/* Remove key's node, then its value from the dict (CPython's
 * _odict_popkey_hash): the value, or `dflt` (KeyError if VAL_NULL) when
 * the key has no node or the dict lost it. */
static Value pop_key(Value self, Value key, Value dflt)
{
    bool error = false;
    ODNode *n = find_node(OD(self), key, &error);
    Value v = VAL_NULL;
    if (n != NULL) {
        if (clear_node(OD(self), key) < 0)
            return VAL_NULL;
        v = rt_dict_get(self, key, &error);
        if (v != VAL_NULL && rt_dict_del(self, key) < 0)
            return VAL_NULL;
    }
    if (v != VAL_NULL || error)
        return v;
    return dflt != VAL_NULL ? dflt : rt_raise_args(&rt_KeyError, rt_tuple_pack(1, key));
}

/* The `last` argument: true when absent; -1 on error. */
static int last_arg(Value v)
{
    return v == VAL_NULL ? 1 : rt_truthy(v);
}

/* move_to_end(key, last=True): KeyError(key) if absent. */
static Value od_move_to_end(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"key", "last", NULL};
    static const ArgSpec spec = { "move_to_end", names, 2, 0, 1, 2, false };
    Value a[2];
    int last;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || (last = last_arg(a[1])) < 0)
        return VAL_NULL;
    ObjODict *od = OD(args[0]);
    ODNode *end = last ? od->last : od->first, *n = end;
    bool error = false;
    if (end == NULL || (end->key != a[0] && (n = find_node(od, a[0], &error)) == NULL))
        return error ? VAL_NULL : rt_raise_args(&rt_KeyError, rt_tuple_pack(1, a[0]));
    if (n != end) {
        unlink_node(od, n);
        link_node(od, n, last);
    }
    return rt_None;
}

/* popitem(last=True): the (key, value) pair at the end or the front. */
static Value od_popitem(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"last", NULL};
    static const ArgSpec spec = { "popitem", names, 1, 0, 0, 1, false };
    Value a[1];
    int last;
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a) || (last = last_arg(a[0])) < 0)
        return VAL_NULL;
    ODNode *n = last ? OD(args[0])->last : OD(args[0])->first;
    if (n == NULL)
        return rt_raisef(&rt_KeyError, "dictionary is empty");
    Value key = n->key, v = pop_key(args[0], key, VAL_NULL);
    return v != VAL_NULL ? rt_tuple_pack(2, key, v) : VAL_NULL;
}

/* pop(key[, default]): never __missing__. */
static Value od_pop(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"key", "default", NULL};
    static const ArgSpec spec = { "pop", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return pop_key(args[0], a[0], a[1]);
}

/* setdefault(key, default=None): a subclass's own [], in and []= are used. */
static Value od_setdefault(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"key", "default", NULL};
    static const ArgSpec spec = { "setdefault", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value self = args[0], dflt = a[1] != VAL_NULL ? a[1] : rt_None;
    if (val_type(self) == &odict_type) {
        bool error = false;
        Value v = rt_dict_get(self, a[0], &error);
        if (v != VAL_NULL || error)
            return v;
    } else {
        int has = rt_contains(self, a[0]);
        if (has < 0)
            return VAL_NULL;
        if (has)
            return rt_getitem(self, a[0]);
    }
    return rt_setitem(self, a[0], dflt) < 0 ? VAL_NULL : dflt;
}

static Value od_clear(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("clear", nargs - 1, kw) || dict_method("clear", args, 1, VAL_NULL) == VAL_NULL)
        return VAL_NULL;
    ObjODict *od = OD(args[0]);
    od->map = VAL_NULL;
    od->first = od->last = NULL;
    od->state++;
    return rt_None;
}

/* dict.fromkeys with a keyword `value` (CPython's OrderedDict has its own). */
static Value od_fromkeys(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"iterable", "value", NULL};
    static const ArgSpec spec = { "fromkeys", names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    Value od = rt_call0(args[0]), it = od ? rt_iter(a[0]) : VAL_NULL, k;
    if (it == VAL_NULL)
        return VAL_NULL;
    while ((k = rt_next(it)) != VAL_NULL)
        if (rt_setitem(od, k, a[1] != VAL_NULL ? a[1] : rt_None) < 0)
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : od;
}

/* ---- iteration ---------------------------------------------------------- */

enum { IT_KEYS, IT_VALUES, IT_ITEMS };

typedef struct {
    Object ob;
    ObjODict *od;               /* NULL once exhausted or failed */
    ODNode *node;               /* the next one */
    int kind;                   /* IT_* */
    bool reversed;
    uint64_t state;
    ssize_t size;               /* -1 once the size changed: stays an error */
} ObjODictIter;

static Value iter_make(Value od, int kind, bool reversed)
{
    ObjODictIter *it = gc_alloc(sizeof *it);
    it->ob.type = &odict_iter_type;
    it->od = OD(od);
    it->kind = kind;
    it->reversed = reversed;
    it->node = reversed ? it->od->last : it->od->first;
    it->state = it->od->state;
    it->size = (ssize_t)it->od->d.used;
    return obj_val(it);
}

static Value odict_iter(Value self)
{
    return iter_make(self, IT_KEYS, false);
}

static Value oditer_next(Value self)
{
    ObjODictIter *it = VAL_AS(ObjODictIter, self);
    ObjODict *od = it->od;
    if (od == NULL)
        return VAL_NULL;
    if (od->state != it->state) {
        it->od = NULL;
        return rt_raisef(&rt_RuntimeError, "OrderedDict mutated during iteration");
    }
    if (it->size != (ssize_t)od->d.used) {
        it->size = -1;
        return rt_raisef(&rt_RuntimeError, "OrderedDict changed size during iteration");
    }
    ODNode *n = it->node;
    if (n == NULL) {
        it->od = NULL;
        return VAL_NULL;
    }
    it->node = it->reversed ? n->prev : n->next;
    if (it->kind == IT_KEYS)
        return n->key;
    Value v = node_value(obj_val(od), n);
    if (v == VAL_NULL) {
        it->od = NULL;
        return VAL_NULL;
    }
    return it->kind == IT_VALUES ? v : rt_tuple_pack(2, n->key, v);
}

/* (iter, (list of what is left,)) */
static Value oditer_reduce(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kw))
        return VAL_NULL;
    return rt_reduce_remaining(args[0], sizeof(ObjODictIter));
}

static const MethodDef oditer_methods[] = {
    {"__reduce__", oditer_reduce}, {NULL, NULL}
};

static ObjType odict_iter_type = {
    .ob.type = &rt_type_type, .name = "odict_iterator",
    .iter = rt_iter_self, .next = oditer_next,
};

static Value od_reversed(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__reversed__", nargs - 1, kw))
        return VAL_NULL;
    return iter_make(args[0], IT_KEYS, true);
}

/* ---- views: dict's, iterated and reversed in the OrderedDict's way ------ */

static int view_kind(Value view)
{
    ObjType *t = val_type(view);
    return t == &odict_keys_type ? IT_KEYS : t == &odict_values_type ? IT_VALUES : IT_ITEMS;
}

/* The OrderedDict a view shows: the one field of dict.c's views. */
static Value view_mapping(Value view)
{
    return VAL_AS(struct { Object ob; Value dict; }, view)->dict;
}

static Value odview_iter(Value self)
{
    return iter_make(view_mapping(self), view_kind(self), false);
}

static Value odview_reversed(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__reversed__", nargs - 1, kw))
        return VAL_NULL;
    return iter_make(view_mapping(args[0]), view_kind(args[0]), true);
}

static const MethodDef odview_methods[] = {
    {"__reversed__", odview_reversed}, {NULL, NULL}
};

#define ODICT_VIEW_TYPE(var, tname) \
    static ObjType var = { .ob.type = &rt_type_type, .name = tname, .iter = odview_iter }
ODICT_VIEW_TYPE(odict_keys_type, "odict_keys");
ODICT_VIEW_TYPE(odict_values_type, "odict_values");
ODICT_VIEW_TYPE(odict_items_type, "odict_items");

static Value view_method(Value *args, size_t nargs, Value kw, const char *fname, ObjType *type)
{
    if (!rt_arg_none(fname, nargs - 1, kw))
        return VAL_NULL;
    return rt_dict_view_new(type, args[0]);
}

static Value od_keys(Value *args, size_t nargs, Value kw)
{
    return view_method(args, nargs, kw, "keys", &odict_keys_type);
}

static Value od_values(Value *args, size_t nargs, Value kw)
{
    return view_method(args, nargs, kw, "values", &odict_values_type);
}

static Value od_items(Value *args, size_t nargs, Value kw)
{
    return view_method(args, nargs, kw, "items", &odict_items_type);
}

/* ---- repr, comparison, copying, pickling -------------------------------- */

/* "OrderedDict([('a', 1)])" (3.11), "OrderedDict()", "..." inside itself. */
static Value od_repr(Value self)
{
    if (rt_repr_reentered(self))
        return rt_str_from_cstr("...");
    const char *name = val_type(self)->name, *dot = strrchr(name, '.');
    name = dot ? dot + 1 : name;
    if (OD(self)->d.used == 0)
        return rt_str_format_c("%s()", name);
    Value pieces;
    if (rt_py_minor >= 12) {            /* 3.12: "OrderedDict({'a': 1})", a dict copy */
        pieces = rt_dict_new();
        if (!rt_dict_update(pieces, self))
            return VAL_NULL;
    } else {
        Value items = val_type(self) == &odict_type ? iter_make(self, IT_ITEMS, false)
                                                    : mod_call_method(self, "items", NULL, 0);
        if (items == VAL_NULL || (pieces = rt_sequence_to_list(items)) == VAL_NULL)
            return VAL_NULL;
    }
    return rt_str_format_c("%s(%R)", name, pieces);
}

/* The keys of two OrderedDicts equal in order (CPython's _odict_keys_equal):
 * 1, 0, -1 on error. */
static int keys_equal(ObjODict *a, ObjODict *b)
{
    uint64_t state_a = a->state, state_b = b->state;
    ODNode *x = a->first, *y = b->first;
    for (; x != NULL && y != NULL; x = x->next, y = y->next) {
        int eq = rt_eq(x->key, y->key);
        if (eq < 0)
            return -1;
        if (a->state != state_a || b->state != state_b) {
            rt_raisef(&rt_RuntimeError, "OrderedDict mutated during iteration");
            return -1;
        }
        if (!eq)
            return 0;
    }
    return x == NULL && y == NULL;
}

/* Two OrderedDicts are equal when equal as dicts and in the same order. */
static Value od_richcompare(Value a, Value b, int op)
{
    Value r = rt_dict_type.richcompare(a, b, op);
    if (r != rt_bool(op == CMP_EQ) || !is_odict(a) || !is_odict(b))
        return r;                       /* unequal as dicts, or not both ordered */
    int eq = keys_equal(OD(a), OD(b));
    return eq < 0 ? VAL_NULL : rt_bool(eq == (op == CMP_EQ));
}

/* copy(): a new object of the same type holding the same pairs (read from
 * the dict, or through a subclass's own [] and []=). */
static Value od_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("copy", nargs - 1, kw))
        return VAL_NULL;
    Value self = args[0], copy = rt_call0(obj_val(val_type(self)));
    if (copy == VAL_NULL)
        return VAL_NULL;
    bool exact = val_type(self) == &odict_type;
    for (ODNode *n = OD(self)->first; n != NULL; n = n->next) {
        Value v = exact ? node_value(self, n) : rt_getitem(self, n->key);
        if (v == VAL_NULL || rt_setitem(copy, n->key, v) < 0)
            return VAL_NULL;
    }
    return copy;
}

/* od | other, other | od: a copy of the left operand updated with the right. */
static Value od_binop(Value a, Value b, int op)
{
    if (op != NB_OR || !rt_isinstance_of(a, &rt_dict_type) || !rt_isinstance_of(b, &rt_dict_type))
        return rt_NotImplemented;
    Value self = is_odict(a) ? a : b;
    Value r = rt_call1(obj_val(val_type(self)), a);
    return r != VAL_NULL && od_update(r, &b, 1, VAL_NULL, "") ? r : VAL_NULL;
}

static Value od_inplace(Value a, Value b, int op)
{
    if (op != NB_OR)
        return rt_NotImplemented;
    return od_update(a, &b, 1, VAL_NULL, "") ? a : VAL_NULL;
}

/* (type(od), (), state, None, iter(od.items())) */
static Value od_reduce(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kw))
        return VAL_NULL;
    Value state = rt_object_getstate(args[0]);
    Value items = state ? mod_call_method(args[0], "items", NULL, 0) : VAL_NULL;
    Value it = items ? rt_iter(items) : VAL_NULL;
    if (it == VAL_NULL)
        return VAL_NULL;
    return rt_tuple_pack(5, obj_val(val_type(args[0])), rt_empty_tuple, state, rt_None, it);
}

static const MethodDef odict_methods[] = {
    {"__init__", od_init_m}, {"update", od_update_m}, {"move_to_end", od_move_to_end},
    {"popitem", od_popitem}, {"pop", od_pop}, {"setdefault", od_setdefault},
    {"clear", od_clear}, {"copy", od_copy}, {"keys", od_keys}, {"values", od_values},
    {"items", od_items}, {"__reversed__", od_reversed}, {"__reduce__", od_reduce},
    {"fromkeys", od_fromkeys, RT_METH_CLASS}, {NULL, NULL}
};

static ObjType odnode_type = {
    .ob.type = &rt_type_type, .name = "odict_node",
};

static ObjType odict_type = {
    .ob.type = &rt_type_type, .name = "collections.OrderedDict", .base = &rt_dict_type,
    .flags = TF_BASETYPE | TF_SPLIT_INIT | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjODict), .dict_offset = offsetof(ObjODict, inst_dict),
    .repr = od_repr, .richcompare = od_richcompare, .iter = odict_iter,
    .setitem = od_setitem, .binop = od_binop, .binop_ops = RT_OP_BIT(NB_OR),
    .inplace = od_inplace,
};

void mod_odict_add(Value module)
{
    if (odict_type.mro == VAL_NULL) {
        odict_keys_type.base = rt_dict_view_type(RT_VIEW_KEYS);
        odict_values_type.base = rt_dict_view_type(RT_VIEW_VALUES);
        odict_items_type.base = rt_dict_view_type(RT_VIEW_ITEMS);
        rt_type_ready(&odict_keys_type, odview_methods);
        rt_type_ready(&odict_values_type, odview_methods);
        rt_type_ready(&odict_items_type, odview_methods);
        rt_type_ready(&odict_iter_type, oditer_methods);
        rt_type_ready(&odnode_type, NULL);
        rt_type_ready(&odict_type, odict_methods);
        rt_type_add_class_getitem(&odict_type);
    }
    mod_add_type(module, "OrderedDict", &odict_type, NULL);
}
