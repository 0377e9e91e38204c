/*
 * weakref.c — weak references (weakref.h) on Boehm's disappearing links,
 * with CPython 3.11's semantics (Objects/weakrefobject.c).
 *
 * A weak reference holds its referent as a hidden pointer (gc_hide), a
 * word the collector does not scan and clears to 0 when it finds the
 * referent unreachable: that is all `r()` needs.  The rest of CPython's
 * API needs to go from a referent to its weak references — reusing the
 * shared plain ref, getweakrefcount, getweakrefs, `__weakref__`, and
 * above all calling the callbacks when the referent dies.  CPython keeps
 * that list inside each object (tp_weaklistoffset); pvm keeps it beside
 * the object, in a table keyed by the referent's hidden address, so no
 * object layout changes:
 *
 *   table:  hidden(obj) -> WeakList { hidden(ref), hidden(ref), ... }
 *
 * The list's slots are weak links too, so a weak reference that is itself
 * garbage disappears from its list (and its callback is not called, as in
 * CPython).  Each referent with a list gets a finaliser; when the collector
 * finds the referent dead it has already cleared every link to it, and the
 * finaliser (which may not run Python code or allocate) turns the list's
 * surviving slots into strong pointers and queues the list.  At the eval
 * loop's next safe point rt_weakref_run_pending detaches the callbacks of
 * the queued references and calls them, newest reference first, as
 * CPython's PyObject_ClearWeakRefs does.
 *
 * Reading a hidden pointer is safe without the collector's lock because a
 * collection only happens inside an allocation, and the revealed pointer
 * is on the C stack (a root) before the next one.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"
#include "runtime/gen.h"
#include "runtime/weakref.h"
#include "vm/vm.h"

typedef struct ObjWeakRef {
    Object ob;
    uintptr_t referent;         /* gc_hide(obj): a weak link, 0 once obj died */
    Value callback;             /* VAL_NULL: none, or detached at death */
    intptr_t hash;              /* -1 until computed */
    uint64_t seq;               /* creation order */
} ObjWeakRef;

#define WR(v) VAL_AS(ObjWeakRef, v)

/* The weak references to one referent. */
typedef struct WeakList {
    uintptr_t key;              /* gc_hide(referent): identity only */
    bool heap;                  /* referent on the GC heap (else it never dies) */
    bool dead;                  /* its finaliser ran */
    /* Weak links to the refs while the referent lives; once dead, the
     * surviving ones as plain (strong) pointers, 0 for the others. */
    GcWeakArray refs;
    struct WeakList *next_dead; /* the queue of dead lists */
} WeakList;

static uint64_t next_seq;

/* ---- the table: referent -> WeakList ---------------------------------------------
 * Open addressing on the hidden address.  A list whose referent died is
 * ignored (the address may already belong to a new object) and its entry
 * is removed when its callbacks have run. */

typedef struct { uintptr_t key; WeakList *list; } Entry;
static Entry *table;            /* static: scanned, so the lists stay alive */
static size_t table_cap, table_used;
#define TOMBSTONE ((uintptr_t)1)

static size_t slot_of(uintptr_t key)
{
    return (size_t)((key >> 4) * 0x9E3779B97F4A7C15u) & (table_cap - 1);
}

static Entry *table_find(uintptr_t key)
{
    if (table_cap == 0)
        return NULL;
    for (size_t i = slot_of(key);; i = (i + 1) & (table_cap - 1)) {
        if (table[i].key == key)
            return &table[i];
        if (table[i].key == 0)
            return NULL;
    }
}

static void table_put(uintptr_t key, WeakList *list);

static bool live_entry(const Entry *e)
{
    return e->key != 0 && e->key != TOMBSTONE && !e->list->dead;
}

/* Rehash into a table sized for the live entries (at most half full after
 * the next insertion), dropping tombstones and dead lists: referents come
 * and go, so the table does not only grow. */
static void table_grow(void)
{
    Entry *old = table;
    size_t old_cap = table_cap, live = 0;
    for (size_t i = 0; i < old_cap; i++)
        live += live_entry(&old[i]);
    table_cap = 64;
    while (table_cap < (live + 1) * 4)
        table_cap *= 2;
    table = gc_alloc(table_cap * sizeof(Entry));
    table_used = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (live_entry(&old[i]))
            table_put(old[i].key, old[i].list);
}

static void table_put(uintptr_t key, WeakList *list)
{
    if ((table_used + 1) * 2 > table_cap)
        table_grow();
    size_t i = slot_of(key);
    while (table[i].key != 0 && table[i].key != TOMBSTONE && table[i].key != key)
        i = (i + 1) & (table_cap - 1);
    if (table[i].key == 0)
        table_used++;
    table[i].key = key;
    table[i].list = list;
}

static void table_remove(WeakList *list)
{
    Entry *e = table_find(list->key);
    if (e != NULL && e->list == list) {
        e->key = TOMBSTONE;
        e->list = NULL;
    }
}

/* The live list of obj's weak references, or NULL. */
static WeakList *list_of(Value obj)
{
    Entry *e = table_find(gc_hide(val_obj(obj)));
    return e != NULL && !e->list->dead ? e->list : NULL;
}

/* ---- dying referents ---------------------------------------------------------------- */

static WeakList *dead_head, *dead_tail;

/* The referent's finaliser: no Python code, no allocation. */
static void referent_died(void *obj, void *data)
{
    (void)obj;
    WeakList *l = data;
    l->dead = true;
    for (size_t i = 0; i < l->refs.n; i++)
        if (l->refs.links[i] != 0) {
            gc_weak_unlink(&l->refs.links[i]);
            l->refs.links[i] = (uintptr_t)gc_reveal(l->refs.links[i]);
        }
    l->next_dead = NULL;
    if (dead_tail != NULL)
        dead_tail->next_dead = l;
    else
        dead_head = l;
    dead_tail = l;
    vm_request_pending_work();
}

static WeakList *list_create(Value obj)
{
    WeakList *l = gc_alloc(sizeof *l);
    l->key = gc_hide(val_obj(obj));
    l->heap = gc_is_heap(val_obj(obj));
    table_put(l->key, l);
    if (l->heap)
        gc_register_finalizer(val_obj(obj), referent_died, l);
    return l;
}

/* ---- a list's references ------------------------------------------------------------- */

/* The i-th reference if it is still alive (a live referent's list). */
static ObjWeakRef *list_ref(WeakList *l, size_t i)
{
    return gc_weak_array_get(&l->refs, i);
}

/* CPython's list order: the shared ref, the shared proxy, then every other
 * reference newest first. */
static int rank(ObjWeakRef *r)
{
    if (r->callback != VAL_NULL)
        return 2;
    ObjType *t = r->ob.type;
    return t == &rt_weakref_type ? 0 : t == &rt_weakproxy_type ||
           t == &rt_weakcallableproxy_type ? 1 : 2;
}

static bool comes_before(ObjWeakRef *a, ObjWeakRef *b)
{
    int ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a->seq > b->seq;
}

/* The references in `refs` (strong pointers, n of them) sorted into
 * CPython's order, in a list. */
static Value sorted_list(ObjWeakRef **refs, size_t n)
{
    for (size_t i = 1; i < n; i++)          /* insertion sort: lists are short */
        for (size_t j = i; j > 0 && comes_before(refs[j], refs[j - 1]); j--) {
            ObjWeakRef *t = refs[j];
            refs[j] = refs[j - 1];
            refs[j - 1] = t;
        }
    Value out = rt_list_new(n);
    for (size_t i = 0; i < n; i++)
        rt_list_append(out, obj_val(refs[i]));
    return out;
}

/* The live references of a live referent's list, in CPython's order. */
static Value live_refs(WeakList *l)
{
    ObjWeakRef **refs = gc_alloc((l->refs.n + 1) * sizeof *refs);
    size_t n = 0;
    for (size_t i = 0; i < l->refs.n; i++)
        if ((refs[n] = list_ref(l, i)) != NULL)
            n++;
    return sorted_list(refs, n);
}

/* The shared plain ref (or proxy) of a list, if there is one. */
static ObjWeakRef *find_shared(WeakList *l, ObjType *t1, ObjType *t2)
{
    for (size_t i = 0; i < l->refs.n; i++) {
        ObjWeakRef *r = list_ref(l, i);
        if (r != NULL && r->callback == VAL_NULL && (r->ob.type == t1 || r->ob.type == t2))
            return r;
    }
    return NULL;
}

/* ---- which objects can be referenced ----------------------------------------------- */

/* A class written in Python records whether its instances have a
 * __weakref__ (class.c follows CPython's type_new: __slots__ and bases). */
bool rt_weakref_supported(ObjType *t)
{
    if (rt_is_heaptype(t))
        return ((HeapType *)t)->weakref;
    return (t->flags & TF_WEAKREFABLE) != 0;
}

/* ---- creating references ------------------------------------------------------------- */

static Value make_ref(ObjType *type, Value obj, Value callback, ObjType *shared1,
                      ObjType *shared2)
{
    if (val_is_small(obj) || !rt_weakref_supported(val_type(obj)))
        return rt_raisef(&rt_TypeError, "cannot create weak reference to '%s' object",
                         val_type(obj)->name);
    if (callback == rt_None)
        callback = VAL_NULL;
    WeakList *l = list_of(obj);
    if (l == NULL)
        l = list_create(obj);
    if (callback == VAL_NULL && shared1 != NULL) {
        ObjWeakRef *r = find_shared(l, shared1, shared2);
        if (r != NULL)
            return obj_val(r);
    }
    ObjWeakRef *r = rt_alloc_instance(type, sizeof *r);
    r->referent = gc_hide(val_obj(obj));
    if (l->heap)
        gc_weak_link(&r->referent, val_obj(obj));
    r->callback = callback;
    r->hash = -1;
    r->seq = next_seq++;
    gc_weak_array_add(&l->refs, r);
    return obj_val(r);
}

Value rt_weakref_new(ObjType *type, Value obj, Value callback)
{
    ObjType *shared = type == &rt_weakref_type ? type : NULL;
    return make_ref(type, obj, callback, shared, shared);
}

Value rt_weakproxy_new(Value obj, Value callback)
{
    ObjType *type = rt_callable(obj) ? &rt_weakcallableproxy_type : &rt_weakproxy_type;
    return make_ref(type, obj, callback, &rt_weakproxy_type, &rt_weakcallableproxy_type);
}

Value rt_weakref_target(Value ref)
{
    uintptr_t h = WR(ref)->referent;
    return h != 0 ? obj_val(gc_reveal(h)) : VAL_NULL;
}

size_t rt_weakref_count(Value obj)
{
    WeakList *l = val_is_small(obj) ? NULL : list_of(obj);
    size_t n = 0;
    for (size_t i = 0; l != NULL && i < l->refs.n; i++)
        n += l->refs.links[i] != 0;
    return n;
}

Value rt_weakref_list(Value obj)
{
    WeakList *l = val_is_small(obj) ? NULL : list_of(obj);
    return l != NULL ? live_refs(l) : rt_list_new(0);
}

Value rt_weakref_head(Value obj)
{
    Value refs = rt_weakref_list(obj);
    return AS_LIST(refs)->length > 0 ? AS_LIST(refs)->items[0] : rt_None;
}

/* ---- callbacks ------------------------------------------------------------------------- */

/* All of a dead list's callbacks are detached first, then called in
 * order; an exception from one is reported ("Exception ignored in: ...")
 * and the rest still run. */
static void run_callbacks(WeakList *l)
{
    ObjWeakRef **refs = gc_alloc((l->refs.n + 1) * sizeof *refs);
    size_t n = 0;
    for (size_t i = 0; i < l->refs.n; i++)
        if (l->refs.links[i] != 0)
            refs[n++] = (ObjWeakRef *)l->refs.links[i];
    l->refs.links = NULL;
    l->refs.n = 0;
    Value order = sorted_list(refs, n);
    Value *callbacks = gc_alloc((n + 1) * sizeof(Value));
    for (size_t i = 0; i < n; i++) {
        ObjWeakRef *r = VAL_AS(ObjWeakRef, AS_LIST(order)->items[i]);
        callbacks[i] = r->callback;
        r->callback = VAL_NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (callbacks[i] != VAL_NULL &&
            rt_call1(callbacks[i], AS_LIST(order)->items[i]) == VAL_NULL)
            rt_write_unraisable_while("calling weakref callback", callbacks[i]);
}

void rt_weakref_run_pending(void)
{
    while (dead_head != NULL) {
        WeakList *l = dead_head;
        dead_head = l->next_dead;
        if (dead_head == NULL)
            dead_tail = NULL;
        table_remove(l);
        Value saved = rt_err_fetch();
        run_callbacks(l);
        if (saved != VAL_NULL)
            rt_raise(saved);
    }
}

/* ---- weakref.ReferenceType ------------------------------------------------------------- */

/* ref(object[, callback]) and ref.__init__: __new__ ignores keywords, as
 * CPython's parse_weakref_init_args does, and __init__ refuses them
 * ("ref() takes no keyword arguments"); pvm calls no __init__ for the
 * builtin type itself, so its __new__ refuses them for it. */
static bool ref_args(const char *fname, size_t nargs, Value kw)
{
    return rt_arg_range(fname, nargs - rt_nkwargs(kw), 1, 2);
}

static Value ref_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    if ((type == &rt_weakref_type && !rt_arg_nokw("ref", kw)) || !ref_args("__new__", nargs, kw))
        return VAL_NULL;
    return rt_weakref_new(type, args[0], nargs - rt_nkwargs(kw) > 1 ? args[1] : VAL_NULL);
}

static Value ref_init(Value *args, size_t nargs, Value kw)
{
    return rt_arg_nokw("ref", kw) && ref_args("__init__", nargs - 1, kw) ? rt_None : VAL_NULL;
}

static Value ref_call(Value self, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("weakref", kw) || !rt_arg_range("weakref", nargs, 0, 0))
        return VAL_NULL;
    Value obj = rt_weakref_target(self);
    return obj != VAL_NULL ? obj : rt_None;
}

/* The referent's hash, kept: it stays the hash once the referent died. */
static intptr_t ref_hash(Value self)
{
    ObjWeakRef *r = WR(self);
    if (r->hash != -1)
        return r->hash;
    Value obj = rt_weakref_target(self);
    if (obj == VAL_NULL) {
        rt_raisef(&rt_TypeError, "weak object has gone away");
        return -1;
    }
    return r->hash = rt_hash(obj);
}

/* Two live refs are equal when their referents are; dead ones only when
 * they are the same ref. */
static Value ref_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !rt_isinstance_of(a, &rt_weakref_type) ||
        !rt_isinstance_of(b, &rt_weakref_type))
        return rt_NotImplemented;
    Value x = rt_weakref_target(a), y = rt_weakref_target(b);
    if (x == VAL_NULL || y == VAL_NULL)
        return rt_bool((a == b) == (op == CMP_EQ));
    return rt_richcompare(x, y, op);
}

/* "<weakref at 0x...; to 'A' at 0x... (name)>" or "<weakref at 0x...; dead>" */
static Value ref_repr(Value self)
{
    Value obj = rt_weakref_target(self);
    if (obj == VAL_NULL)
        return rt_str_format_c("<weakref at %p; dead>", (void *)self);
    Value name = rt_lookup_attr(obj, RT_NAME("__name__"));
    if (name == VAL_NULL && rt_err_occurred())
        return VAL_NULL;
    if (name != VAL_NULL && rt_is_str(name))
        return rt_str_format_c("<weakref at %p; to '%s' at %p (%S)>", (void *)self,
                               val_type(obj)->name, (void *)obj, name);
    return rt_str_format_c("<weakref at %p; to '%s' at %p>", (void *)self,
                           val_type(obj)->name, (void *)obj);
}

static const MethodDef ref_methods[] = {
    {"__init__", ref_init}, {NULL, NULL}
};

ObjType rt_weakref_type = {
    .ob.type = &rt_type_type, .name = "weakref.ReferenceType", .flags = TF_BASETYPE,
    .instance_size = sizeof(ObjWeakRef),
    .new_ = ref_new, .call = ref_call, .hash = ref_hash, .richcompare = ref_richcompare,
    .repr = ref_repr,
};

/* ---- weakref.ProxyType and CallableProxyType ---------------------------------------------
 * Every operation on a proxy is the operation on its referent, or
 * ReferenceError once that died. */

static Value target(Value proxy)
{
    Value obj = rt_weakref_target(proxy);
    if (obj == VAL_NULL)
        rt_raisef(&rt_ReferenceError, "weakly-referenced object no longer exists");
    return obj;
}

static bool is_proxy(Value v)
{
    ObjType *t = val_type(v);
    return t == &rt_weakproxy_type || t == &rt_weakcallableproxy_type;
}

/* An operand: a proxy's referent, anything else as it is. */
static Value unwrap(Value v)
{
    return is_proxy(v) ? target(v) : v;
}

static Value proxy_repr(Value self)
{
    Value obj = rt_weakref_target(self);
    if (rt_py_minor >= 13)              /* 3.13 writes it as a weakref's */
        return obj == VAL_NULL ? rt_str_format_c("<weakproxy at %p; dead>", (void *)self)
                               : rt_str_format_c("<weakproxy at %p; to '%s' at %p>", (void *)self,
                                                 val_type(obj)->name, (void *)obj);
    Value shown = obj != VAL_NULL ? obj : rt_None;
    return rt_str_format_c("<weakproxy at %p to %s at %p>", (void *)self,
                           val_type(shown)->name, (void *)shown);
}

static Value proxy_str(Value self)
{
    Value obj = target(self);
    return obj ? rt_str(obj) : VAL_NULL;
}

static Value proxy_richcompare(Value a, Value b, int op)
{
    Value x = unwrap(a), y = x ? unwrap(b) : VAL_NULL;
    return y ? rt_richcompare(x, y, op) : VAL_NULL;
}

static Value proxy_binop(Value a, Value b, int op)
{
    Value x = unwrap(a), y = x ? unwrap(b) : VAL_NULL;
    return y ? rt_binary_op(x, y, op) : VAL_NULL;
}

static Value proxy_inplace(Value a, Value b, int op)
{
    Value x = unwrap(a), y = x ? unwrap(b) : VAL_NULL;
    return y ? rt_binary_op(x, y, op + NB_INPLACE_OFFSET) : VAL_NULL;
}

static Value proxy_pow3(Value base, Value exp, Value mod)
{
    Value x = unwrap(base), y = x ? unwrap(exp) : VAL_NULL, z = y ? unwrap(mod) : VAL_NULL;
    return z ? rt_ternary_power(x, y, z) : VAL_NULL;
}

static Value proxy_unary(Value self, int op)
{
    Value obj = target(self);
    return obj ? rt_unary_op(obj, op) : VAL_NULL;
}

static int proxy_truth(Value self)
{
    Value obj = target(self);
    return obj ? rt_truthy(obj) : -1;
}

static ssize_t proxy_len(Value self)
{
    Value obj = target(self);
    return obj ? rt_len(obj) : -1;
}

static Value proxy_getitem(Value self, Value key)
{
    Value obj = target(self);
    return obj ? rt_getitem(obj, key) : VAL_NULL;
}

static int proxy_setitem(Value self, Value key, Value v)
{
    Value obj = target(self);
    if (obj == VAL_NULL)
        return -1;
    return v == VAL_NULL ? rt_delitem(obj, key) : rt_setitem(obj, key, v);
}

static int proxy_contains(Value self, Value item)
{
    Value obj = target(self);
    return obj ? rt_contains(obj, item) : -1;
}

static Value proxy_iter(Value self)
{
    Value obj = target(self);
    return obj ? rt_iter(obj) : VAL_NULL;
}

static Value proxy_next(Value self)
{
    Value obj = target(self);
    if (obj == VAL_NULL)
        return VAL_NULL;
    if (val_type(obj)->next == NULL)
        return rt_raisef(&rt_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                         val_type(obj)->name);
    return rt_next(obj);
}

static Value proxy_getattr(Value self, Value name)
{
    Value obj = target(self);
    return obj ? rt_getattr(obj, name) : VAL_NULL;
}

static int proxy_setattr(Value self, Value name, Value v)
{
    Value obj = target(self);
    if (obj == VAL_NULL)
        return -1;
    return v == VAL_NULL ? rt_delattr(obj, name) : rt_setattr(obj, name, v);
}

static Value proxy_call(Value self, Value *args, size_t nargs, Value kw)
{
    Value obj = target(self);
    return obj ? rt_call(obj, args, nargs, kw) : VAL_NULL;
}

/* __bytes__ and __reversed__: bytes(p) and reversed(p) look on the type. */
static Value proxy_builtin(Value self, const char *builtin)
{
    Value obj = target(self);
    return obj ? rt_call1(rt_dict_get_cstr(rt_builtins_dict, builtin), obj) : VAL_NULL;
}

static Value proxy_bytes(Value *args, size_t nargs, Value kw)
{
    return proxy_builtin(args[0], "bytes");
}

static Value proxy_reversed(Value *args, size_t nargs, Value kw)
{
    return proxy_builtin(args[0], "reversed");
}

static const MethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes}, {"__reversed__", proxy_reversed}, {NULL, NULL}
};

#define ALL_BINOPS ((uint32_t)(RT_OP_BIT(NB_INPLACE_OFFSET) - 1))
#define ALL_UNARY (RT_OP_BIT(UN_NEG) | RT_OP_BIT(UN_POS) | RT_OP_BIT(UN_INVERT) | \
                   RT_OP_BIT(UN_ABS) | RT_OP_BIT(UN_INT) | RT_OP_BIT(UN_FLOAT) | \
                   RT_OP_BIT(UN_INDEX))

#define PROXY_SLOTS \
    .repr = proxy_repr, .str = proxy_str, .richcompare = proxy_richcompare, \
    .binop = proxy_binop, .inplace = proxy_inplace, .pow3 = proxy_pow3, \
    .unary = proxy_unary, .truth = proxy_truth, .len = proxy_len, \
    .getitem = proxy_getitem, .setitem = proxy_setitem, .contains = proxy_contains, \
    .iter = proxy_iter, .next = proxy_next, .getattr = proxy_getattr, \
    .setattr = proxy_setattr, .binop_ops = ALL_BINOPS, .unary_ops = ALL_UNARY

ObjType rt_weakproxy_type = {
    .ob.type = &rt_type_type, .name = "weakref.ProxyType", PROXY_SLOTS,
};

ObjType rt_weakcallableproxy_type = {
    .ob.type = &rt_type_type, .name = "weakref.CallableProxyType", PROXY_SLOTS,
    .call = proxy_call,
};

/* ---- start-up --------------------------------------------------------------------------- */

void rt_weakref_init(void)
{
    /* The core types CPython gives a weak reference list. */
    ObjType *weakrefable[] = {
        &rt_type_type, &rt_function_type, &rt_builtin_type, &rt_method_type, &rt_set_type,
        &rt_frozenset_type, &rt_code_type, &rt_module_type, &rt_generator_type,
        &rt_coroutine_type, &rt_async_generator_type, &rt_generic_alias_type,
    };
    for (size_t i = 0; i < sizeof weakrefable / sizeof weakrefable[0]; i++)
        weakrefable[i]->flags |= TF_WEAKREFABLE;
    static const MemberDef ref_members[] = {
        {"__callback__", offsetof(ObjWeakRef, callback), RT_MEMBER_VALUE, RT_READONLY},
        {NULL},
    };
    rt_weakref_type.members = ref_members;
    rt_type_ready(&rt_weakref_type, ref_methods);
    rt_type_add_class_getitem(&rt_weakref_type);
    rt_type_ready(&rt_weakproxy_type, proxy_methods);
    rt_type_ready(&rt_weakcallableproxy_type, proxy_methods);
}
