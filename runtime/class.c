/*
 * class.c — classes written in Python.
 *
 * A `class` statement compiles to
 *
 *     LOAD_BUILD_CLASS; LOAD_CONST <body code>; MAKE_FUNCTION;
 *     LOAD_CONST 'Name'; <bases...>; CALL
 *
 * i.e. __build_class__(body, 'Name', *bases, **kw).  __build_class__ picks
 * the metaclass, runs the body with a fresh dict as its locals (the body's
 * STORE_NAMEs fill it: __module__, __qualname__, the methods), and calls
 * metaclass(name, bases, namespace) — for plain classes type(), whose
 * three-argument form is rt_type_new below.  Following CPython's
 * Objects/typeobject.c (type_new), creating a class means:
 *
 *   1. choosing the "best base": the base whose instance layout every other
 *      base's layout is a prefix of (object < list, object < int ...);
 *      two unrelated layouts ("class C(int, str)") cannot be combined;
 *   2. the MRO by C3 linearisation: the class, then a merge of its bases'
 *      MROs that keeps every local precedence order;
 *   3. the instance layout: the best base's bytes, plus one Value per
 *      __slots__ name, plus the instance-dict word (type->dict_offset)
 *      unless every class defines __slots__;
 *   4. the C slots, from the dunders on the MRO (slots.c);
 *   5. __set_name__ on the attributes, __init_subclass__ on the parent,
 *      and the __class__ cell that zero-argument super() reads.
 *
 * Calling a class (rt_type_call) is __new__(cls, *args) then, when the
 * result is an instance of cls, __init__(obj, *args).
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/typeversion.h"
#include "runtime/class.h"
#include "runtime/weakref.h"
#include "runtime/finalize.h"
#include "vm/vm.h"

static Value s_module, s_qualname, s_doc, s_slots, s_dict, s_weakref, s_new,
    s_init, s_init_subclass, s_class_getitem, s_classcell, s_set_name, s_eq, s_hash,
    s_name, s_prepare, s_metaclass, s_mro;

/* Every class created and still alive, oldest first (weakly: a class
 * nothing else refers to is collected, as in CPython), for slot and MRO
 * updates and __subclasses__. */
static GcWeakArray heap_types;

static bool name_is(Value name, const char *s)
{
    return strcmp(rt_str_cstr(name), s) == 0;
}

/* ---- names ---------------------------------------------------------------- */

/* A builtin type's name may carry its module, as CPython's tp_name does
 * ("collections.deque"): __module__ is the part before the last dot,
 * __name__ and __qualname__ the part after it. */
static const char *static_type_name(const ObjType *t)
{
    const char *dot = strrchr(t->name, '.');
    return dot != NULL ? dot + 1 : t->name;
}

/* A class's __module__ is whatever its dict holds (any object: a program
 * may set it to anything); a builtin type's comes from its name. */
static Value type_module_object(ObjType *t)
{
    if (!rt_is_heaptype(t))
        return rt_type_module(t);
    Value m = rt_dict_get_str(rt_type_dict(t), s_module);
    return m != VAL_NULL ? m : rt_str_from_cstr("__main__");
}

Value rt_type_module(ObjType *t)
{
    Value dict = rt_type_dict(t);
    Value m = dict != VAL_NULL ? rt_dict_get_str(dict, s_module) : VAL_NULL;
    if (m != VAL_NULL && rt_isinstance_of(m, &rt_str_type))
        return m;
    if (rt_is_heaptype(t))
        return m != VAL_NULL ? VAL_NULL : rt_str_from_cstr("__main__");
    const char *dot = strrchr(t->name, '.');
    return dot != NULL ? rt_str_new(t->name, (size_t)(dot - t->name))
                       : rt_str_from_cstr("builtins");
}

Value rt_type_qualname(ObjType *t)
{
    if (rt_is_heaptype(t))
        return ((HeapType *)t)->qualname;
    return rt_str_from_cstr(static_type_name(t));
}

Value rt_type_qualified_name(ObjType *t)
{
    Value module = rt_type_module(t);
    if (module == VAL_NULL)                     /* as CPython: its tp_name */
        return rt_is_heaptype(t) ? ((HeapType *)t)->name : rt_type_qualname(t);
    if (name_is(module, "builtins"))
        return rt_type_qualname(t);
    return rt_str_format_c("%S.%S", module, rt_type_qualname(t));
}

/* ---- the MRO: C3 linearisation -------------------------------------------------- */

typedef struct Seq {
    ObjTuple *items;
    size_t pos;
} Seq;

/* Does v appear in the tail (after the head) of any sequence? */
static bool in_some_tail(Seq *seqs, size_t n, Value v)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = seqs[i].pos + 1; j < seqs[i].items->length; j++)
            if (seqs[i].items->items[j] == v)
                return true;
    return false;
}

/* "Cannot create a consistent method resolution order (MRO) for bases A, B":
 * the heads still waiting, each named once. */
static Value mro_error(Seq *seqs, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    Value seen = rt_list_new(n);
    for (size_t i = 0; i < n; i++) {
        if (seqs[i].pos >= seqs[i].items->length)
            continue;
        Value head = seqs[i].items->items[seqs[i].pos];
        bool dup = false;
        for (size_t k = 0; k < AS_LIST(seen)->length; k++)
            dup |= AS_LIST(seen)->items[k] == head;
        if (dup)
            continue;
        if (AS_LIST(seen)->length > 0)
            sb_adds(&sb, ", ");
        sb_adds(&sb, AS_TYPE(head)->name);
        rt_list_append(seen, head);
    }
    Value names = sb_finish(&sb);
    /* 3.11 and 3.12 break the line after "resolution"; 3.13 does not. */
    return rt_raisef(&rt_TypeError, "Cannot create a consistent method resolution%sorder "
                     "(MRO) for bases %S", rt_py_minor >= 13 ? " " : "\n", names);
}

static Value compute_mro(ObjType *t, Value bases)
{
    size_t nb = rt_tuple_len(bases), n = nb + 1;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = i + 1; j < nb; j++)
            if (rt_tuple_get(bases, i) == rt_tuple_get(bases, j))
                return rt_raisef(&rt_TypeError, "duplicate base class %s",
                                 AS_TYPE(rt_tuple_get(bases, i))->name);
    Seq *seqs = gc_alloc(n * sizeof(Seq));
    for (size_t i = 0; i < nb; i++)
        seqs[i].items = AS_TUPLE(AS_TYPE(rt_tuple_get(bases, i))->mro);
    seqs[nb].items = AS_TUPLE(bases);
    Value result = rt_list_new(8);
    rt_list_append(result, obj_val(t));
    for (;;) {
        Value next = VAL_NULL;
        bool any = false;
        for (size_t i = 0; i < n && next == VAL_NULL; i++) {
            if (seqs[i].pos >= seqs[i].items->length)
                continue;
            any = true;
            Value head = seqs[i].items->items[seqs[i].pos];
            if (!in_some_tail(seqs, n, head))
                next = head;
        }
        if (!any)
            break;
        if (next == VAL_NULL)
            return mro_error(seqs, n);
        rt_list_append(result, next);
        for (size_t i = 0; i < n; i++)
            if (seqs[i].pos < seqs[i].items->length && seqs[i].items->items[seqs[i].pos] == next)
                seqs[i].pos++;
    }
    return rt_list_as_tuple(result);
}

/* ---- layouts: the solid base ------------------------------------------------------- */

/* The class whose instance layout t's instances have: a class with
 * non-empty __slots__ adds to the layout; otherwise its best base's. */
static ObjType *solid_base(ObjType *t)
{
    if (rt_is_heaptype(t))
        return ((HeapType *)t)->adds_layout ? t : solid_base(t->base);
    if (t->flags & TF_EXCEPTION)
        return &rt_BaseException;
    return t;
}

/* The nearest builtin type in t's chain of best bases. */
static ObjType *builtin_root(ObjType *t)
{
    while (rt_is_heaptype(t))
        t = t->base;
    return t;
}

/* Bytes of a builtin type's instances, when subclasses may extend them;
 * 0: instances are variable-sized (str, bytes, tuple).  Types whose layout
 * is private to their file (set, bytearray, deque) say it in instance_size. */
static size_t builtin_size(ObjType *t)
{
    if (t == &rt_object_type) return sizeof(ObjInstance);
    if (rt_is_subtype(t, &rt_BaseException)) return sizeof(ObjException);  /* all of them */
    if (t == &rt_list_type) return sizeof(ObjList);
    if (t == &rt_dict_type) return sizeof(ObjDict);
    if (t == &rt_int_type) return sizeof(ObjInt);
    if (t == &rt_float_type) return sizeof(ObjFloat);
    if (t == &rt_complex_type) return sizeof(ObjComplex);
    if (t == &rt_module_type) return sizeof(ObjModule);
    return t->instance_size;
}

/* str, bytes and tuple keep their data inline: a subclass's dict goes
 * after it (RT_DICT_OFFSET_VAR, containers.h). */
static bool is_var_sized(ObjType *root)
{
    return root == &rt_str_type || root == &rt_bytes_type || root == &rt_tuple_type;
}

static ObjType *best_base(Value bases)
{
    ObjType *winner = NULL, *base = NULL;
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        Value b = rt_tuple_get(bases, i);
        if (!rt_isinstance_of(b, &rt_type_type)) {
            rt_raisef(&rt_TypeError, "bases must be types");
            return NULL;
        }
        ObjType *bt = AS_TYPE(b);
        if (!(bt->flags & TF_BASETYPE)) {
            rt_raisef(&rt_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        ObjType *cand = solid_base(bt);
        if (winner == NULL || rt_is_subtype(cand, winner)) {
            if (winner == NULL || cand != winner) {
                winner = cand;
                base = bt;
            }
        } else if (!rt_is_subtype(winner, cand)) {
            rt_raisef(&rt_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* The metaclass of a class with these bases: the most derived of meta and
 * the bases' types. */
static ObjType *calculate_meta(ObjType *meta, Value bases)
{
    ObjType *winner = meta;
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        ObjType *bt = val_type(rt_tuple_get(bases, i));
        if (rt_is_subtype(winner, bt))
            continue;
        if (rt_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        rt_raisef(&rt_TypeError, "metaclass conflict: the metaclass of a derived class must "
                  "be a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* ---- instance attributes every class with a dict shows ------------------------------ */

/* A class or a module keeps its namespace itself: through a class's
 * __dict__ descriptor it is read as type's or module's own __dict__, and
 * cannot be replaced (CPython's get_builtin_base_with_dict). */
static bool has_own_namespace(Value obj)
{
    return rt_isinstance_of(obj, &rt_type_type) || rt_isinstance_of(obj, &rt_module_type);
}

static Value instance_dict_get(Value obj)
{
    if (!has_own_namespace(obj))
        return rt_generic_dict_get(obj);
    if (rt_isinstance_of(obj, &rt_type_type))
        return rt_mappingproxy_new(rt_type_dict(AS_TYPE(obj)));
    return VAL_AS(ObjModule, obj)->dict;
}

/* obj.__dict__ = d (a dict); del obj.__dict__ leaves it empty (a class's
 * instances may drop their dict, unlike functions): unless the dict is a
 * builtin base's (an exception's), whose own __dict__ rules then (CPython's
 * subtype_setdict). */
static int instance_dict_set(Value obj, Value v)
{
    ObjType *base = val_type(obj);
    while (rt_is_heaptype(base))
        base = base->base;
    if (has_own_namespace(obj)) {
        if (rt_isinstance_of(obj, &rt_type_type))
            rt_raisef(&rt_AttributeError, "attribute '__dict__' of 'type' objects is not "
                      "writable");
        else
            rt_raisef(&rt_AttributeError, "readonly attribute");
        return -1;
    }
    Value *slot = rt_instance_dict_slot(obj);
    if (v != VAL_NULL || slot == NULL || base->dict_offset != 0)
        return rt_generic_dict_set(obj, v);
    *slot = VAL_NULL;
    return 0;
}

static Value weakref_get(Value obj)
{
    return rt_weakref_head(obj);
}

/* Put in the dict of each class that adds an instance dict. */
static const GetSetDef instance_dict_getset = {
    "__dict__", instance_dict_get, instance_dict_set,
    "dictionary for instance variables (if defined)",
};

bool rt_dict_attr_is_slot(Value obj)
{
    ObjType *type = val_type(obj);
    if ((type->getattr != NULL && type->getattr != rt_generic_getattr) || has_own_namespace(obj))
        return false;
    Value descr = rt_type_lookup(type, s_dict);
    return descr != VAL_NULL && rt_getset_def(descr) == &instance_dict_getset;
}

static const GetSetDef instance_weakref_getset = {
    "__weakref__", weakref_get, NULL, "list of weak references to the object (if defined)",
};

static Value class_get(Value obj)
{
    return obj_val(val_type(obj));
}

/* The size of t's instances, builtin or heap. */
static size_t layout_size(ObjType *t)
{
    return rt_is_heaptype(t) ? t->instance_size : builtin_size(builtin_root(t));
}

/* Do t's instances already support weak references (a __weakref__)? */
static bool has_weakref(ObjType *t)
{
    return rt_weakref_supported(t);
}

/* Would CPython free t's instances through its cycle collector?  Every
 * class is collected there, and every builtin a class may derive from but
 * these few, freed directly; the two ways are two deallocators (tp_free). */
static bool freed_by_collector(ObjType *t)
{
    static ObjType *const direct[] = {
        &rt_object_type, &rt_int_type, &rt_bool_type, &rt_float_type, &rt_complex_type,
        &rt_str_type, &rt_bytes_type, &rt_bytearray_type,
    };
    if (rt_is_heaptype(t))
        return true;
    for (size_t i = 0; i < sizeof direct / sizeof direct[0]; i++)
        if (t == direct[i])
            return false;
    return true;
}

/* May instances of `old` become instances of `new` (obj.__class__ = new,
 * or a class whose best base changes from old to new by __bases__
 * assignment)?  Their layouts must be the same: the same solid base, or
 * two classes adding the same __slots__ to the same base; the dict in the
 * same place; and freed the same way (CPython's compatible_for_assignment). */
static bool compatible_for_assignment(ObjType *old, ObjType *new, const char *attr)
{
    if (freed_by_collector(old) != freed_by_collector(new)) {
        rt_raisef(&rt_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                  new->name, old->name);
        return false;
    }
    ObjType *so = solid_base(old), *sn = solid_base(new);
    bool same = so == sn;
    if (!same && rt_is_heaptype(so) && rt_is_heaptype(sn) && so->base == sn->base) {
        int eq = rt_eq(((HeapType *)so)->slots, ((HeapType *)sn)->slots);
        if (eq < 0)
            return false;
        same = eq;
    }
    bool weak_same = has_weakref(old) == has_weakref(new);   /* CPython gives it a word */
    if (same && weak_same && old->dict_offset == new->dict_offset &&
        layout_size(old) == layout_size(new))
        return true;
    rt_raisef(&rt_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
              new->name, old->name);
    return false;
}

/* obj.__class__ = C: classes written in Python (or two module types), with
 * the same layout. */
static int class_set(Value obj, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!rt_isinstance_of(v, &rt_type_type)) {
        rt_raisef(&rt_TypeError, "__class__ must be set to a class, not '%s' object",
                  val_type(v)->name);
        return -1;
    }
    ObjType *old = val_type(obj), *new = AS_TYPE(v);
    bool modules = rt_is_subtype(old, &rt_module_type) && rt_is_subtype(new, &rt_module_type);
    if (!modules && (!rt_is_heaptype(old) || !rt_is_heaptype(new))) {
        rt_raisef(&rt_TypeError, "__class__ assignment only supported for mutable types "
                  "or ModuleType subclasses");
        return -1;
    }
    if (!compatible_for_assignment(old, new, "__class__"))
        return -1;
    /* pvm watches an object from its allocation when its class has __del__
     * (finalize.h); one given such a class later is watched from now on. */
    if (new->flags & TF_FINALIZER)
        rt_finalize_watch_once(val_obj(obj));
    val_obj(obj)->type = new;
    new->flags &= ~TF_NO_INSTANCE;
    return 0;
}

/* The MRO of a class being made or re-based: C3 (type.mro), or what its
 * metaclass's own mro() returns, checked as CPython's mro_check does. */
static Value class_mro(ObjType *t)
{
    Value mro = compute_mro(t, t->bases);
    ObjType *meta = val_type(obj_val(t));
    Value m = mro != VAL_NULL && rt_is_heaptype(meta) ? rt_type_lookup(meta, s_mro) : VAL_NULL;
    if (m == VAL_NULL || m == rt_dict_get_str(rt_type_dict(&rt_type_type), s_mro))
        return mro;
    t->mro = mro;                       /* usable while its mro() runs */
    if (val_type(m)->descr_get != NULL)
        m = val_type(m)->descr_get(m, obj_val(t), obj_val(meta));
    Value r = m == VAL_NULL ? VAL_NULL : rt_call0(m);
    if (r == VAL_NULL || (r = rt_sequence_to_tuple(r)) == VAL_NULL)
        return VAL_NULL;
    ObjType *solid = solid_base(t);
    for (size_t i = 0; i < rt_tuple_len(r); i++) {
        Value c = rt_tuple_get(r, i);
        if (!rt_isinstance_of(c, &rt_type_type))
            return rt_raisef(&rt_TypeError, "mro() returned a non-class ('%s')",
                             val_type(c)->name);
        if (!rt_is_subtype(solid, solid_base(AS_TYPE(c))))
            return rt_raisef(&rt_TypeError, "mro() returned base with unsuitable layout ('%s')",
                             AS_TYPE(c)->name);
    }
    return r;
}

/* ---- creating a class ------------------------------------------------------------------ */

/* ---- __slots__ ------------------------------------------------------------------------ */

/* __slots__ as a tuple of str (a single str is one name), each an
 * identifier. */
static Value slot_names(Value slots)
{
    Value t = rt_isinstance_of(slots, &rt_str_type) ? rt_tuple_pack(1, slots)
                                                     : rt_sequence_to_tuple(slots);
    if (t == VAL_NULL)
        return VAL_NULL;
    for (size_t i = 0; i < rt_tuple_len(t); i++) {
        Value name = rt_tuple_get(t, i);
        if (!rt_isinstance_of(name, &rt_str_type))
            return rt_raisef(&rt_TypeError, "__slots__ items must be strings, not '%s'",
                             val_type(name)->name);
        if (!rt_str_isidentifier(name))
            return rt_raisef(&rt_TypeError, "__slots__ must be identifiers");
    }
    return t;
}

/* A private name in a class body is stored mangled: __x in class C is
 * _C__x (CPython's _Py_Mangle), and so is a __slots__ entry. */
static Value mangle(Value cls_name, Value name)
{
    const char *n = rt_str_cstr(name), *c = rt_str_cstr(cls_name);
    size_t len = AS_STR(name)->nbytes;
    if (n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_') ||
        strchr(n, '.') != NULL)
        return name;
    while (*c == '_')
        c++;
    return *c == '\0' ? name : rt_str_format_c("_%s%S", c, name);
}

/* Builtin types whose instances are variable-sized (CPython's
 * tp_itemsize != 0; a class's own members for type): no __weakref__ or
 * __slots__ may extend them.  pvm's str keeps its data inline too, but
 * CPython's str allows __slots__ (3.14's configparser has them): they go
 * after the text and its dict word (rt_member_new_tail). */
static bool has_items(ObjType *root)
{
    return root == &rt_tuple_type || root == &rt_bytes_type || root == &rt_int_type ||
           root == &rt_type_type;
}


/* What a class's __slots__ asks for (CPython's type_new_visit_slots). */
typedef struct SlotPlan {
    bool add_dict, add_weak;    /* '__dict__' / '__weakref__' listed */
} SlotPlan;

/* The member names (mangled, sorted, a name listed twice twice), or
 * VAL_NULL with CPython's error for a wrong __slots__. */
static Value plan_slots(HeapType *ht, ObjType *base, Value slots, Value dict, SlotPlan *plan)
{
    ObjType *root = builtin_root(base);
    if ((slots = slot_names(slots)) == VAL_NULL)
        return VAL_NULL;
    if (rt_tuple_len(slots) > 0 && has_items(root))
        return rt_raisef(&rt_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                         root->name);
    Value names = rt_list_new(rt_tuple_len(slots));
    for (size_t i = 0; i < rt_tuple_len(slots); i++) {
        Value name = rt_tuple_get(slots, i);
        if (name_is(name, "__dict__")) {
            if (base->dict_offset != 0 || plan->add_dict)
                return rt_raisef(&rt_TypeError, "__dict__ slot disallowed: we already got "
                                 "one");
            plan->add_dict = true;
        } else if (name_is(name, "__weakref__")) {
            if (has_weakref(base) || plan->add_weak)
                return rt_raisef(&rt_TypeError, "__weakref__ slot disallowed: %s",
                                 rt_py_minor >= 12 ? "we already got one"
                                 : "either we already got one, or __itemsize__ != 0");
            plan->add_weak = true;
        } else {
            name = mangle(ht->name, name);
            if (rt_dict_get_str(dict, name) != VAL_NULL &&
                !name_is(name, "__qualname__") && !name_is(name, "__classcell__"))
                return rt_raisef(&rt_ValueError, "%R in __slots__ conflicts with class "
                                 "variable", name);
            rt_list_append(names, name);
        }
    }
    if (!rt_list_sort(names, VAL_NULL, false))
        return VAL_NULL;
    ht->slots = rt_list_as_tuple(names);
    return names;
}

/* Lay out the instances: the base's bytes, then one Value per __slots__
 * member (its descriptor in the class dict, sorted by name; a name listed
 * twice, as datetime's date.__slots__ + time.__slots__ does, once), then
 * the instance-dict word unless __slots__ leaves it out or the base
 * already has one (str, bytes and tuple keep it after their items). */
static bool layout(HeapType *ht, ObjType *base, Value dict)
{
    ObjType *t = &ht->type;
    ObjType *root = builtin_root(base);
    size_t size = layout_size(base);
    Value slots = rt_dict_get_str(dict, s_slots), names = rt_list_new(0);
    SlotPlan plan = { slots == VAL_NULL, slots == VAL_NULL };
    if (slots != VAL_NULL && (names = plan_slots(ht, base, slots, dict, &plan)) == VAL_NULL)
        return false;
    for (size_t i = 0; i < rt_tuple_len(t->bases); i++) {   /* from secondary bases */
        ObjType *b = AS_TYPE(rt_tuple_get(t->bases, i));
        plan.add_dict |= base->dict_offset == 0 && b->dict_offset != 0;
        plan.add_weak |= b != base && has_weakref(b);
    }
    size_t nslots = 0;
    for (size_t i = 0; i < AS_LIST(names)->length; i++) {
        Value name = AS_LIST(names)->items[i];
        if (rt_dict_get_str(dict, name) != VAL_NULL)
            continue;                               /* listed twice */
        rt_dict_set(dict, name, root == &rt_str_type ? rt_member_new_tail(name, t, size)
                                : rt_member_new(name, t, size));
        size += sizeof(Value);
        nslots++;
    }
    ht->adds_layout = nslots > 0;
    t->dict_offset = base->dict_offset;
    if (plan.add_dict && t->dict_offset == 0 && (size != 0 || is_var_sized(root))) {
        if (root == &rt_object_type)
            t->dict_offset = offsetof(ObjInstance, dict);
        else if (is_var_sized(root))
            t->dict_offset = RT_DICT_OFFSET_VAR;
        else {
            t->dict_offset = size;
            size += sizeof(Value);
        }
        if (rt_dict_get_str(dict, s_dict) == VAL_NULL)   /* a class body's own __dict__ wins */
            rt_dict_set(dict, s_dict, rt_getset_new(&instance_dict_getset, t));
    }
    ht->weakref = has_weakref(base) || (plan.add_weak && !has_items(root));
    if (ht->weakref && !has_weakref(base) && rt_dict_get_str(dict, s_weakref) == VAL_NULL)
        rt_dict_set(dict, s_weakref, rt_getset_new(&instance_weakref_getset, t));
    t->instance_size = size;
    return true;
}

/* __new__ is a static method, __init_subclass__ and __class_getitem__
 * class methods, even when written as plain functions. */
static void wrap_special_methods(Value dict)
{
    Value v = rt_dict_get_str(dict, s_new);
    if (v != VAL_NULL && is_function(v))
        rt_dict_set(dict, s_new, rt_staticmethod_new(v));
    Value names[2] = { s_init_subclass, s_class_getitem };
    for (int i = 0; i < 2; i++) {
        v = rt_dict_get_str(dict, names[i]);
        if (v != VAL_NULL && is_function(v))
            rt_dict_set(dict, names[i], rt_classmethod_new(v));
    }
}

/* __module__, __qualname__ and __hash__ defaults. */
static bool namespace_defaults(HeapType *ht, Value dict)
{
    if (rt_dict_get_str(dict, s_module) == VAL_NULL) {
        Value g = vm_globals();
        Value m = g != VAL_NULL ? rt_dict_get_str(g, s_name) : VAL_NULL;
        if (m != VAL_NULL)
            rt_dict_set(dict, s_module, m);
    }
    Value q = rt_dict_get_str(dict, s_qualname);
    if (q != VAL_NULL) {
        if (!rt_isinstance_of(q, &rt_str_type)) {
            rt_raisef(&rt_TypeError, "type __qualname__ must be a str, not %s",
                      val_type(q)->name);
            return false;
        }
        ht->qualname = q;
        rt_dict_del(dict, s_qualname);
    }
    if (rt_dict_get_str(dict, s_eq) != VAL_NULL && rt_dict_get_str(dict, s_hash) == VAL_NULL)
        rt_dict_set(dict, s_hash, rt_None);
    return true;
}

/* 3.13 warns of a class dict holding a key that is not a str (its lookups
 * then ask that key's __eq__); false if the warning raised. */
static bool warn_other_keys(ObjType *t)
{
    if (rt_py_minor < 13)
        return true;
    Value k, v;
    for (size_t pos = 0; rt_dict_next(rt_type_dict(t), &pos, &k, &v);) {
        if (rt_is_str(k))
            continue;
        char msg[300];
        snprintf(msg, sizeof msg, "non-string key in the __dict__ of class %.200s", t->name);
        return rt_warn(&rt_RuntimeWarning, msg, 1) >= 0;
    }
    return true;
}

/* attr.__set_name__(cls, name) for every attribute whose type has one. */
static bool call_set_names(ObjType *t)
{
    Value copy = rt_dict_copy(rt_type_dict(t)), k, v;
    for (size_t pos = 0; rt_dict_next(copy, &pos, &k, &v);) {
        if (val_is_small(v))
            continue;
        Value m = rt_type_lookup(val_type(v), s_set_name);
        if (m == VAL_NULL)
            continue;
        Value args[2] = { obj_val(t), k };
        if (rt_call_found(m, v, args, 2) == VAL_NULL) {
            if (rt_py_minor >= 12) {    /* 3.12: a note on the error itself */
                Value exc = rt_err_fetch();
                Value note = rt_str_format_c("Error calling __set_name__ on '%s' instance %R "
                                             "in '%s'", val_type(v)->name, k, t->name);
                if (note != VAL_NULL && rt_exc_add_note(exc, note))
                    rt_raise(exc);
                return false;
            }
            /* 3.11 wraps the error: RuntimeError(...) from the original. */
            Value cause = rt_err_fetch();
            rt_raisef(&rt_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                      val_type(v)->name, k, t->name);
            ObjException *e = AS_EXC(rt_err_peek());
            e->cause = e->context = cause;
            e->suppress_context = true;
            return false;
        }
    }
    return true;
}

/* super(cls, cls).__init_subclass__(**kwargs). */
/* super(type, obj) when obj is neither an instance nor a subtype of type. */
static void raise_super_mismatch(ObjType *type, Value obj)
{
    if (rt_py_minor >= 13)              /* 3.13 names both */
        rt_raisef(&rt_TypeError, "super(type, obj): obj (%s %s) is not an instance or subtype "
                  "of type (%s).", rt_isinstance_of(obj, &rt_type_type) ? "type" : "instance of",
                  rt_isinstance_of(obj, &rt_type_type) ? AS_TYPE(obj)->name : val_type(obj)->name,
                  type->name);
    else
        rt_raisef(&rt_TypeError, "super(type, obj): obj must be an instance or subtype of type");
}

static bool call_init_subclass(ObjType *t, Value kwargs)
{
    /* CPython calls super(t, t).__init_subclass__: the search starts after
     * t in its MRO, and an MRO without t (a metaclass's mro() returned
     * one) fails super's check. */
    ObjTuple *mro = AS_TUPLE(t->mro);
    size_t start = 0;
    while (start < mro->length && AS_TYPE(mro->items[start]) != t)
        start++;
    if (start == mro->length) {
        raise_super_mismatch(t, obj_val(t));
        return false;
    }
    Value m = VAL_NULL;
    for (size_t i = start + 1; i < mro->length && m == VAL_NULL; i++)
        m = rt_dict_get_str(rt_type_dict(AS_TYPE(mro->items[i])), s_init_subclass);
    if (m == VAL_NULL)
        return true;
    bool has_kw = kwargs != VAL_NULL && rt_dict_len(kwargs) > 0;
    if (IS_EXACT(m, rt_classmethod_type) && has_kw &&
        rt_dict_get_str(rt_type_dict(&rt_object_type), s_init_subclass) == m) {
        rt_raisef(&rt_TypeError, "%S.__init_subclass__() takes no keyword arguments",
                  ((HeapType *)t)->qualname);
        return false;
    }
    if (val_type(m)->descr_get != NULL)
        m = val_type(m)->descr_get(m, VAL_NULL, obj_val(t));
    if (m == VAL_NULL)
        return false;
    return rt_call_tuple_dict(m, rt_empty_tuple, kwargs) != VAL_NULL;
}

/* The __class__ cell the class body left in its namespace (methods using
 * super() or __class__ read it) gets the new class. */
static bool set_classcell(ObjType *t, Value dict)
{
    Value cell = rt_dict_get_str(dict, s_classcell);
    if (cell == VAL_NULL)
        return true;
    if (!IS_EXACT(cell, rt_cell_type)) {
        rt_raisef(&rt_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                  obj_val(val_type(cell)));
        return false;
    }
    VAL_AS(ObjCell, cell)->ref = obj_val(t);
    rt_dict_del(dict, s_classcell);
    return true;
}

/* The __classdict__ cell the class body left as __classdictcell__ (its
 * annotate function and type parameters read the class namespace through
 * it) gets the class's dict. */
static void set_classdictcell(ObjType *t, Value dict)
{
    Value key = RT_NAME("__classdictcell__");
    Value cell = rt_dict_get_str(dict, key);
    if (cell == VAL_NULL || !IS_EXACT(cell, rt_cell_type))
        return;
    VAL_AS(ObjCell, cell)->ref = rt_type_dict(t);
    rt_dict_del(dict, key);
}

static HeapType *alloc_heaptype(ObjType *meta, Value name, ObjType *base, Value bases,
                                Value dict)
{
    HeapType *ht = rt_is_heaptype(meta) ? gc_alloc_instance(sizeof *ht) : gc_alloc(sizeof *ht);
    ObjType *t = &ht->type;
    t->ob.type = meta;
    ht->name = name;
    ht->qualname = name;
    t->name = rt_str_cstr(name);
    t->base = base;
    t->bases = bases;
    t->dict_ = dict;
    t->flags = TF_HEAPTYPE | TF_BASETYPE | TF_NO_INSTANCE;
    if (meta->flags & (TF_FINALIZER | TF_NO_INSTANCE))      /* as rt_alloc_instance */
        rt_instance_made(&t->ob);
    return ht;
}

/* A class name becomes a C string (CPython's tp_name): it must encode to
 * UTF-8 (no lone surrogate) and hold no NUL. */
static bool check_type_name(Value name)
{
    if (!AS_STR(name)->ascii && rt_str_encode(name, "utf-8", "strict") == VAL_NULL)
        return false;
    if (strlen(rt_str_cstr(name)) != rt_str_nbytes(name)) {
        rt_raisef(&rt_ValueError, "type name must not contain null characters");
        return false;
    }
    return true;
}

/* The type named in "argument N must be X, not T": None is shown as None. */
static const char *arg_type_name(Value v)
{
    return v == rt_None ? "None" : val_type(v)->name;
}

static Value check_create_args(Value name, Value bases, Value dict)
{
    if (!rt_isinstance_of(name, &rt_str_type))
        return rt_raisef(&rt_TypeError, "type.__new__() argument 1 must be str, not %s",
                         arg_type_name(name));
    if (!check_type_name(name))
        return VAL_NULL;
    if (!rt_isinstance_of(bases, &rt_tuple_type))
        return rt_raisef(&rt_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                         arg_type_name(bases));
    if (!rt_isinstance_of(dict, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "type.__new__() argument 3 must be dict, not %s",
                         arg_type_name(dict));
    Value doc = rt_dict_get_cstr(dict, "__doc__");    /* kept as a C string too */
    if (doc != VAL_NULL && rt_is_str(doc) && !AS_STR(doc)->ascii &&
        rt_str_encode(doc, "utf-8", "strict") == VAL_NULL)
        return VAL_NULL;
    return rt_None;
}

/* Whether `match` takes a class's instances for sequences or mappings: as
 * the first class along its MRO that says (CPython's inherit_patma_flags),
 * not only its solid base, so a mixin registered with
 * collections.abc.Mapping wins over a later list base. */
static void inherit_match_flags(ObjType *t)
{
    t->flags &= ~TF_MATCH_COLLECTION;
    for (size_t i = 1; i < rt_tuple_len(t->mro); i++) {
        uint32_t f = AS_TYPE(rt_tuple_get(t->mro, i))->flags & TF_MATCH_COLLECTION;
        if (f != 0) {
            t->flags |= f;
            return;
        }
    }
}

/* Classes that start-up leaves to first need (io.UnsupportedOperation:
 * creating a class costs ~150,000 instructions, a tenth of `pvm
 * hello.pyc`).  They are made before the first class the program creates
 * and before any __subclasses__() answer, so that the order of creation,
 * which __subclasses__() shows, is the one CPython's start-up gives. */
static void (*deferred_classes[4])(void);
static size_t ndeferred;

void rt_defer_class(void (*make)(void))
{
    if (ndeferred < sizeof deferred_classes / sizeof deferred_classes[0])
        deferred_classes[ndeferred++] = make;
    else
        make();
}

/* Enter t in (or take it out of) the subclass list of each class among
 * `bases`; builtin bases keep none (__subclasses__ looks for theirs). */
static void link_subclass(ObjType *t, Value bases, bool add)
{
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        ObjType *base = AS_TYPE(rt_tuple_get(bases, i));
        if (!rt_is_heaptype(base))
            continue;
        GcWeakArray *list = &((HeapType *)base)->subclasses;
        if (add)
            gc_weak_array_add(list, t);
        for (size_t j = 0; !add && j < list->n; j++)
            if (gc_weak_array_get(list, j) == t)
                gc_weak_array_drop(list, j);
    }
}

static void make_deferred_classes(void)
{
    while (ndeferred > 0)
        deferred_classes[--ndeferred]();
}

Value rt_type_create(ObjType *meta, Value name, Value bases, Value ns, Value kwargs)
{
    make_deferred_classes();
    if (check_create_args(name, bases, ns) == VAL_NULL)
        return VAL_NULL;
    if (rt_tuple_len(bases) == 0)
        bases = rt_tuple_pack(1, obj_val(&rt_object_type));
    ObjType *base = best_base(bases);
    if (base == NULL)
        return VAL_NULL;
    /* A dict subclass (OrderedDict) is copied through its keys(), in its order. */
    Value dict = is_dict(ns) ? rt_dict_copy(ns) : rt_dict_new();
    if (!is_dict(ns) && !rt_dict_update(dict, ns))
        return VAL_NULL;
    HeapType *ht = alloc_heaptype(meta, name, base, bases, dict);
    ObjType *t = &ht->type;
    if (!namespace_defaults(ht, dict))
        return VAL_NULL;
    wrap_special_methods(dict);
    set_classdictcell(t, dict);
    if (!set_classcell(t, dict) || (t->mro = class_mro(t)) == VAL_NULL ||
        !layout(ht, base, dict))
        return VAL_NULL;
    if (rt_dict_get_str(dict, s_doc) == VAL_NULL)       /* after the slots: see layout */
        rt_dict_set(dict, s_doc, rt_None);
    rt_inherit_slots(t, base);
    inherit_match_flags(t);
    rt_update_new_class_slots(t);
    gc_weak_array_add(&heap_types, t);
    link_subclass(t, t->bases, true);
    rt_type_modified(t);                /* lookups made while creating it are stale */
    if (!warn_other_keys(t) || !call_set_names(t) || !call_init_subclass(t, kwargs))
        return VAL_NULL;
    return obj_val(t);
}

/* type.__new__(meta, name, bases, dict, **kw) (CPython's type_new_get_bases):
 * the bases must be classes, not objects standing for classes (only
 * __build_class__ resolves __mro_entries__); the most derived metaclass of
 * meta and the bases' types is the one that creates the class, and when it
 * has a __new__ of its own (a Python metaclass, enum's EnumType) that
 * __new__ is called instead, with the same arguments. */
Value rt_type_new(ObjType *meta, Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (npos != 3)
        return rt_raisef(&rt_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)",
                         npos);
    Value bases = args[1], entries = RT_NAME("__mro_entries__");
    if (check_create_args(args[0], bases, args[2]) == VAL_NULL)
        return VAL_NULL;
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        Value b = rt_tuple_get(bases, i);
        if (rt_isinstance_of(b, &rt_type_type))
            continue;
        Value m = rt_lookup_attr(b, entries);
        if (m != VAL_NULL)
            return rt_raisef(&rt_TypeError, "type() doesn't support MRO entry resolution; "
                             "use types.new_class()");
        if (rt_err_occurred())
            return VAL_NULL;
    }
    if (rt_tuple_len(bases) > 0) {
        ObjType *winner = calculate_meta(meta, bases);
        if (winner == NULL)
            return VAL_NULL;
        if (winner != meta && winner->new_ != rt_type_type.new_)
            return winner->new_(winner, args, nargs, kwnames);
        meta = winner;
    }
    Value kwargs = VAL_NULL;
    if (nkw > 0) {
        kwargs = rt_dict_new();
        for (size_t i = 0; i < nkw; i++)
            rt_dict_set(kwargs, rt_tuple_get(kwnames, i), args[npos + i]);
    }
    return rt_type_create(meta, args[0], bases, args[2], kwargs);
}

/* ---- __build_class__ -------------------------------------------------------------------- */

/* The namespace the body runs in: metaclass.__prepare__(name, bases, **kw)
 * (type's own gives a new dict, without being called), which must be a
 * mapping. */
static Value prepare_namespace(Value meta, Value name, Value bases, Value kwargs)
{
    if (meta == obj_val(&rt_type_type))
        return rt_dict_new();
    Value prep = rt_lookup_attr(meta, s_prepare);
    if (prep == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL : rt_dict_new();
    Value ns = rt_call_tuple_dict(prep, rt_tuple_pack(2, name, bases), kwargs);
    if (ns == VAL_NULL || val_type(ns)->getitem != NULL)
        return ns;
    if (rt_isinstance_of(meta, &rt_type_type))
        return rt_raisef(&rt_TypeError, "%s.__prepare__() must return a mapping, not %T",
                         AS_TYPE(meta)->name, ns);
    return rt_raisef(&rt_TypeError, "<metaclass>.__prepare__() must return a mapping, not %T",
                     ns);
}

/* PEP 560: a base that is not a class may stand for others through its
 * __mro_entries__(bases) (class C(list[int]) derives from list).  Returns
 * bases itself when nothing changed. */
static Value update_bases(Value bases)
{
    Value out = VAL_NULL, entries = RT_NAME("__mro_entries__");
    for (size_t i = 0; i < rt_tuple_len(bases); i++) {
        Value b = rt_tuple_get(bases, i), repl = VAL_NULL;
        if (!rt_isinstance_of(b, &rt_type_type)) {
            Value m = rt_lookup_attr(b, entries);
            if (m == VAL_NULL && rt_err_occurred())
                return VAL_NULL;
            if (m != VAL_NULL) {
                repl = rt_call1(m, bases);
                if (repl == VAL_NULL)
                    return VAL_NULL;
                if (!is_tuple(repl))
                    return rt_raisef(&rt_TypeError, "__mro_entries__ must return a tuple");
            }
        }
        if (repl == VAL_NULL && out == VAL_NULL)
            continue;
        if (out == VAL_NULL) {                  /* first change: copy what came before */
            out = rt_list_new(i);
            for (size_t j = 0; j < i; j++)
                rt_list_append(out, rt_tuple_get(bases, j));
        }
        if (repl == VAL_NULL)
            rt_list_append(out, b);
        else if (!rt_list_extend(out, repl))
            return VAL_NULL;
    }
    return out == VAL_NULL ? bases : rt_list_as_tuple(out);
}

/* The body's __class__ cell must now hold the class: a metaclass that
 * did not pass __classcell__ on to type.__new__ leaves it empty. */
static Value check_classcell(Value cell, Value name, Value cls)
{
    if (!rt_isinstance_of(cls, &rt_type_type) || !IS_EXACT(cell, rt_cell_type))
        return cls;
    Value in_cell = VAL_AS(ObjCell, cell)->ref;
    if (in_cell == cls)
        return cls;
    if (in_cell == VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "__class__ not set defining %R as %R. Was "
                         "__classcell__ propagated to type.__new__?", name, cls);
    return rt_raisef(&rt_TypeError, "__class__ set to %R defining %R as %R", in_cell, name, cls);
}

static Value builtin_build_class(Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = rt_nkwargs(kwnames), npos = nargs - nkw;
    if (npos < 2)
        return rt_raisef(&rt_TypeError, "__build_class__: not enough arguments");
    if (!is_function(args[0]))
        return rt_raisef(&rt_TypeError, "__build_class__: func must be a function");
    if (!rt_isinstance_of(args[1], &rt_str_type))
        return rt_raisef(&rt_TypeError, "__build_class__: name is not a string");
    Value name = args[1], orig_bases = rt_tuple_from(args + 2, npos - 2);
    Value bases = update_bases(orig_bases);
    if (bases == VAL_NULL)
        return VAL_NULL;
    Value meta = VAL_NULL, kwargs = rt_dict_new();
    for (size_t i = 0; i < nkw; i++) {
        Value k = rt_tuple_get(kwnames, i);
        if (rt_str_equal(k, s_metaclass))
            meta = args[npos + i];
        else
            rt_dict_set(kwargs, k, args[npos + i]);
    }
    bool is_class = meta == VAL_NULL || rt_isinstance_of(meta, &rt_type_type);
    if (meta == VAL_NULL)
        meta = rt_tuple_len(bases) == 0 ? obj_val(&rt_type_type)
                                         : obj_val(val_type(rt_tuple_get(bases, 0)));
    if (is_class) {
        ObjType *m = calculate_meta(AS_TYPE(meta), bases);
        if (m == NULL)
            return VAL_NULL;
        meta = obj_val(m);
    }
    Value ns = prepare_namespace(meta, name, bases, kwargs);
    if (ns == VAL_NULL)
        return VAL_NULL;
    Value cell = vm_run_class_body(args[0], ns);
    if (cell == VAL_NULL)
        return VAL_NULL;
    if (bases != orig_bases && rt_setitem(ns, RT_NAME("__orig_bases__"),
                                          orig_bases) < 0)
        return VAL_NULL;
    Value cls = rt_call_tuple_dict(meta, rt_tuple_pack(3, name, bases, ns), kwargs);
    return cls == VAL_NULL ? VAL_NULL : check_classcell(cell, name, cls);
}

/* ---- calling a class ---------------------------------------------------------------------- */

/* obj.__init__(*args) after __new__; it must return None. */
static bool call_init(Value obj, Value *args, size_t nargs, Value kwnames)
{
    Value init = rt_type_lookup(val_type(obj), s_init);
    if (init == VAL_NULL)
        return true;
    Value small[8];
    Value *all = nargs < 8 ? small : gc_alloc((nargs + 1) * sizeof(Value));
    all[0] = obj;
    memcpy(all + 1, args, nargs * sizeof(Value));
    Value r;
    if (is_function(init) || rt_wrapper_is_unbound(init)) {
        r = rt_call(init, all, nargs + 1, kwnames);
    } else {
        Value bound = val_type(init)->descr_get ? val_type(init)->descr_get(
            init, obj, obj_val(val_type(obj))) : init;
        r = bound == VAL_NULL ? VAL_NULL : rt_call(bound, args, nargs, kwnames);
    }
    if (r == VAL_NULL)
        return false;
    if (r != rt_None) {
        rt_raisef(&rt_TypeError, "__init__() should return None, not '%s'", val_type(r)->name);
        return false;
    }
    return true;
}

Value rt_type_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    ObjType *type = AS_TYPE(callable);
    if (type == &rt_type_type) {        /* type(x) is a question, not a creation */
        size_t nkw = rt_nkwargs(kwnames);
        if (nargs == 1 && nkw == 0)
            return obj_val(val_type(args[0]));
        if (nargs - nkw != 3)
            return rt_raisef(&rt_TypeError, "type() takes 1 or 3 arguments");
    }
    if (type->new_ == NULL)
        return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
    Value obj = type->new_(type, args, nargs, kwnames);
    if (obj == VAL_NULL || !rt_isinstance_of(obj, type))
        return obj;
    ObjType *ot = val_type(obj);
    if (!rt_is_heaptype(ot) && !(ot->flags & TF_SPLIT_INIT))
        return obj;                     /* a builtin's new_ did everything */
    return call_init(obj, args, nargs, kwnames) ? obj : VAL_NULL;
}

/* ---- attributes of classes ------------------------------------------------------------------ */

/* C.name: a data descriptor of the metaclass first (type's own attributes,
 * __name__, __dict__, __mro__..., are getsets and members of `type`), then
 * the class's MRO, then any other attribute of the metaclass. */
Value rt_type_getattr(Value self, Value name)
{
    ObjType *type = AS_TYPE(self), *meta = val_type(self);
    Value v;
    /* 3.12 and later: every class has __type_params__, its own (PEP 695's
     * class C[T]) or (), never inherited (a getset of type). */
    if (rt_py_minor >= 12 && strcmp(rt_str_cstr(name), "__type_params__") == 0) {
        Value dict = rt_type_dict(type);
        v = dict != VAL_NULL ? rt_dict_get_str(dict, name) : VAL_NULL;
        return v != VAL_NULL ? v : rt_tuple_new(0);
    }
    Value meta_attr = rt_type_lookup(meta, name);
    if (meta_attr != VAL_NULL && val_type(meta_attr)->descr_set != NULL &&
        val_type(meta_attr)->descr_get != NULL)
        return val_type(meta_attr)->descr_get(meta_attr, self, obj_val(meta));
    v = rt_type_lookup(type, name);
    if (v != VAL_NULL) {
        ObjType *vt = val_type(v);
        return vt->descr_get != NULL ? vt->descr_get(v, VAL_NULL, self) : v;
    }
    if (meta_attr != VAL_NULL) {
        ObjType *mt = val_type(meta_attr);
        return mt->descr_get != NULL ? mt->descr_get(meta_attr, self, obj_val(meta)) : meta_attr;
    }
    return rt_raisef(&rt_AttributeError, "type object '%s' has no attribute '%S'",
                     type->name, name);
}

static bool is_dunder(Value name)
{
    ObjStr *s = AS_STR(name);
    return s->nbytes > 4 && s->data[0] == '_' && s->data[1] == '_' &&
           s->data[s->nbytes - 1] == '_' && s->data[s->nbytes - 2] == '_';
}

/* The classes alive, oldest first, as a list: a snapshot that Python code
 * run while walking it (a metaclass's mro()) cannot reorder. */
static ObjList *live_classes(void)
{
    Value all = rt_list_new(heap_types.n);
    for (size_t i = 0; i < heap_types.n; i++) {
        ObjType *t = gc_weak_array_get(&heap_types, i);
        if (t != NULL)
            rt_list_append(all, obj_val(t));
    }
    return AS_LIST(all);
}

/* Done with live_classes()'s snapshot: zero its items.  A copy of the
 * items' address can outlive the call in a C stack slot that later, shallower
 * frames never overwrite (the collector scans it); the snapshot would then
 * keep every class of the moment alive, the dead ones too.  Whether such a
 * slot is overwritten depends on the stack's layout: json_io kept ~30 KiB of
 * start-up classes (functools' Python partial, operator's attrgetter, ...)
 * in one run in five with ASLR, and its later collections fell elsewhere. */
static void forget_classes(ObjList *all)
{
    memset(all->items, 0, all->length * sizeof(Value));
    all->length = 0;
}

/* After C.__add__ = f: every class with C on its MRO re-derives its slots.
 * Those that get __del__ so (gathered at the front of the snapshot) have
 * the instances they already have watched from now on, if they have any. */
static void slots_changed(ObjType *type)
{
    ObjList *all = live_classes();
    size_t gained = 0;
    for (size_t i = 0; i < all->length; i++) {
        ObjType *t = AS_TYPE(all->items[i]);
        if (!rt_is_subtype(t, type))
            continue;
        bool had = t->flags & TF_FINALIZER;
        rt_update_slots(t);
        if (!had && (t->flags & (TF_FINALIZER | TF_NO_INSTANCE)) == TF_FINALIZER)
            all->items[gained++] = obj_val(t);
    }
    if (gained > 0)
        rt_finalize_watch_instances(all->items, gained);
    forget_classes(all);
}

Value rt_instances_of_classes(void)
{
    ObjList *all = live_classes();
    Value found = rt_instances_alive(all->items, all->length);
    forget_classes(all);
    return found;
}

/* The first check of every special attribute's setter (CPython's
 * check_set_special_type_attr): a builtin type's cannot be set, and none
 * can be deleted. */
static bool check_special(ObjType *t, Value v, const char *name)
{
    if (!rt_is_heaptype(t))
        rt_raisef(&rt_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                  t->name);
    else if (v == VAL_NULL)
        rt_raisef(&rt_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
                  t->name);
    return rt_is_heaptype(t) && v != VAL_NULL;
}

/* Recompute the MRO of t and of every class below it, in creation order
 * (bases before subclasses); false with the error of the first failure. */
static bool update_mros(ObjType *t)
{
    ObjList *all = live_classes();
    size_t i;
    for (i = 0; i < all->length; i++) {
        ObjType *c = AS_TYPE(all->items[i]);
        if (c != t && !rt_is_subtype(c, t))
            continue;
        Value mro = class_mro(c);
        if (mro == VAL_NULL)
            break;
        c->mro = mro;
    }
    bool done = i == all->length;
    forget_classes(all);
    return done;
}

/* The checks of CPython's type_set_bases, one message each. */
static bool valid_new_bases(ObjType *t, Value v)
{
    if (!check_special(t, v, "__bases__"))
        return false;
    if (!rt_isinstance_of(v, &rt_tuple_type)) {
        rt_raisef(&rt_TypeError, "can only assign tuple to %s.__bases__, not %s", t->name,
                  val_type(v)->name);
        return false;
    }
    if (rt_tuple_len(v) == 0) {
        rt_raisef(&rt_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                  t->name);
        return false;
    }
    for (size_t i = 0; i < rt_tuple_len(v); i++) {
        Value b = rt_tuple_get(v, i);
        if (!rt_isinstance_of(b, &rt_type_type)) {
            rt_raisef(&rt_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                      t->name, val_type(b)->name);
            return false;
        }
        if (rt_is_subtype(AS_TYPE(b), t)) {
            rt_raisef(&rt_TypeError, "a __bases__ item causes an inheritance cycle");
            return false;
        }
    }
    return true;
}

/* C.__bases__ = (A, B): the layout may not change; the MROs of C and its
 * subclasses are recomputed (all restored if one fails) and their slots
 * re-derived from the new MROs. */
static int set_bases(ObjType *t, Value v)
{
    if (!valid_new_bases(t, v))
        return -1;
    ObjType *new_base = best_base(v);
    if (new_base == NULL || !compatible_for_assignment(t->base, new_base, "__bases__"))
        return -1;
    Value old_bases = t->bases;
    ObjType *old_base = t->base;
    rt_type_modified(t);                /* its MRO and its subclasses' change */
    t->bases = v;
    t->base = new_base;
    if (!update_mros(t)) {
        Value err = rt_err_fetch();
        if (t->bases == v) {            /* unless the failing mro() itself set others */
            t->bases = old_bases;
            t->base = old_base;
        }
        update_mros(t);
        rt_raise(err);
        return -1;
    }
    if (t->bases == v) {                /* else a nested assignment (an mro()) did it */
        link_subclass(t, old_bases, false);
        link_subclass(t, v, true);
    }
    slots_changed(t);
    return 0;
}

int rt_type_setattr(Value self, Value name, Value v)
{
    ObjType *type = AS_TYPE(self);
    if (!rt_is_heaptype(type)) {
        rt_raisef(&rt_TypeError, "cannot set %R attribute of immutable type '%s'",
                  name, type->name);
        return -1;
    }
    rt_type_modified(type);             /* inline caches of its attributes are stale */
    Value meta_attr = rt_type_lookup(val_type(self), name);
    if (meta_attr != VAL_NULL && val_type(meta_attr)->descr_set != NULL) {
        int r = val_type(meta_attr)->descr_set(meta_attr, self, v);
        rt_type_modified(type);
        return r;
    }
    if (v != VAL_NULL) {
        if (!rt_dict_set(rt_type_dict(type), name, v))
            return -1;
    } else {
        int r = rt_dict_del(rt_type_dict(type), name);
        if (r <= 0) {
            if (r == 0)
                rt_raisef(&rt_AttributeError, "type object '%s' has no attribute '%S'",
                          type->name, name);
            return -1;
        }
    }
    rt_type_modified(type);
    if (is_dunder(name) && rt_is_slot_name(name))
        slots_changed(type);
    return 0;
}

/* ---- type's own attributes: getsets and members of `type` ------------------------------- */

#define AS_HEAPTYPE(v) ((HeapType *)AS_TYPE(v))

static Value type_get_name(Value self)
{
    ObjType *t = AS_TYPE(self);
    return rt_is_heaptype(t) ? AS_HEAPTYPE(self)->name : rt_str_from_cstr(static_type_name(t));
}

static Value type_get_qualname(Value self) { return rt_type_qualname(AS_TYPE(self)); }

/* C.__name__ = s, C.__qualname__ = s: classes written in Python only,
 * never deleted (check_special). */
static bool check_name_value(Value self, const char *attr, Value v)
{
    if (!check_special(AS_TYPE(self), v, attr))
        return false;
    if (!rt_isinstance_of(v, &rt_str_type)) {
        rt_raisef(&rt_TypeError, "can only assign string to %s.%s, not '%s'",
                  AS_TYPE(self)->name, attr, val_type(v)->name);
        return false;
    }
    return true;
}

static int type_set_name(Value self, Value v)
{
    if (!check_name_value(self, "__name__", v) || !check_type_name(v))
        return -1;
    AS_HEAPTYPE(self)->name = v;
    AS_TYPE(self)->name = rt_str_cstr(v);
    return 0;
}

static int type_set_qualname(Value self, Value v)
{
    if (!check_name_value(self, "__qualname__", v))
        return -1;
    AS_HEAPTYPE(self)->qualname = v;
    return 0;
}

static Value type_get_module(Value self) { return type_module_object(AS_TYPE(self)); }
static Value type_get_bases(Value self) { return AS_TYPE(self)->bases; }
static Value type_get_dict(Value self) { return rt_mappingproxy_new(rt_type_dict(AS_TYPE(self))); }

static Value type_get_base(Value self)
{
    ObjType *b = AS_TYPE(self)->base;
    return b != NULL ? obj_val(b) : rt_None;
}

/* An entry of the class's own dict read as a class attribute: bound
 * through its __get__ when it has one (CPython's type_get_doc). */
static Value own_entry(Value self, Value name)
{
    Value v = rt_dict_get_str(rt_type_dict(AS_TYPE(self)), name);
    if (v == VAL_NULL || val_type(v)->descr_get == NULL)
        return v;
    return val_type(v)->descr_get(v, VAL_NULL, self);
}

/* A builtin type's doc is a str in its dict, if any (`type`'s own dict
 * holds this getset under the name). */
static Value type_get_doc(Value self)
{
    if (!rt_is_heaptype(AS_TYPE(self))) {
        Value v = rt_dict_get_str(rt_type_dict(AS_TYPE(self)), s_doc);
        return v != VAL_NULL && rt_isinstance_of(v, &rt_str_type) ? v : rt_None;
    }
    Value v = own_entry(self, s_doc);
    return v != VAL_NULL || rt_err_occurred() ? v : rt_None;
}

/* Writing one of these attributes writes the class's dict (deleting one
 * that is not there is AttributeError). */
static int set_own_entry(Value self, Value name, Value v)
{
    Value dict = rt_type_dict(AS_TYPE(self));
    if (!rt_is_heaptype(AS_TYPE(self))) {       /* type.__dict__[name].__set__(int, v) */
        rt_raisef(&rt_TypeError, "cannot set '%S' attribute of immutable type '%s'", name,
                  AS_TYPE(self)->name);
        return -1;
    }
    if (v != VAL_NULL)
        return rt_dict_set(dict, name, v) ? 0 : -1;
    int r = rt_dict_del(dict, name);
    if (r == 0)
        rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, name));
    return r > 0 ? 0 : -1;
}

static int type_set_module(Value self, Value v)
{
    return check_special(AS_TYPE(self), v, "__module__") ? set_own_entry(self, s_module, v) : -1;
}

static int type_set_doc(Value self, Value v)
{
    return check_special(AS_TYPE(self), v, "__doc__") ? set_own_entry(self, s_doc, v) : -1;
}

/* C.__abstractmethods__: what abc.ABCMeta stores; `type` itself has none. */
static Value type_get_abstractmethods(Value self)
{
    Value name = RT_NAME("__abstractmethods__");
    Value v = self != obj_val(&rt_type_type) ? rt_dict_get_str(rt_type_dict(AS_TYPE(self)), name)
                                            : VAL_NULL;
    return v != VAL_NULL ? v : rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, name));
}

/* Setting a true value makes the class abstract: object.__new__ refuses
 * to instantiate it (abc.ABCMeta sets it on every class it makes).  As in
 * CPython, the descriptor writes even a builtin type's dict (through
 * type.__dict__['__abstractmethods__'].__set__), which only records it. */
static int type_set_abstractmethods(Value self, Value v)
{
    Value name = RT_NAME("__abstractmethods__");
    int abstract = v == VAL_NULL ? 0 : rt_truthy(v);
    if (abstract < 0)
        return -1;
    if (v != VAL_NULL && !rt_dict_set(rt_type_dict(AS_TYPE(self)), name, v))
        return -1;
    int r = v == VAL_NULL ? rt_dict_del(rt_type_dict(AS_TYPE(self)), name) : 1;
    if (r == 0)
        rt_raise_args(&rt_AttributeError, rt_tuple_pack(1, name));
    if (r <= 0)
        return -1;
    if (rt_is_heaptype(AS_TYPE(self)))
        AS_HEAPTYPE(self)->abstract = abstract;
    return 0;
}

/* object.__new__(C) for an abstract C: "Can't instantiate abstract class C
 * with abstract methods f, g" (the names sorted). */
Value rt_abstract_instantiation_error(ObjType *t)
{
    Value names = type_get_abstractmethods(obj_val(t));
    if (names == VAL_NULL || (names = rt_sequence_to_list(names)) == VAL_NULL ||
        !rt_list_sort(names, VAL_NULL, false))
        return VAL_NULL;
    bool quoted = rt_py_minor >= 12;    /* 3.12: "without an implementation for ... 'f', 'g'" */
    Value join = rt_getattr_cstr(rt_str_from_cstr(quoted ? "', '" : ", "), "join");
    Value joined = join == VAL_NULL ? VAL_NULL : rt_call1(join, names);
    if (joined == VAL_NULL)
        return VAL_NULL;
    return rt_raisef(&rt_TypeError, "Can't instantiate abstract class %s %s abstract "
                     "method%s %s%S%s", t->name, quoted ? "without an implementation for" : "with",
                     AS_LIST(names)->length > 1 ? "s" : "", quoted ? "'" : "", joined,
                     quoted ? "'" : "");
}

static int type_set_bases(Value self, Value v) { return set_bases(AS_TYPE(self), v); }

/* 3.14 (PEP 649): C.__annotate__ is what the class body stored as
 * __annotate_func__ (or an __annotate__ set since), else None, recorded. */
static Value type_get_annotate(Value self)
{
    if (!rt_is_heaptype(AS_TYPE(self)))
        return rt_raisef(&rt_AttributeError, "type object '%s' has no attribute '__annotate__'",
                         AS_TYPE(self)->name);
    Value v = own_entry(self, RT_NAME("__annotate__"));
    if (v == VAL_NULL && !rt_err_occurred())
        v = own_entry(self, RT_NAME("__annotate_func__"));
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    return rt_dict_set(rt_type_dict(AS_TYPE(self)), RT_NAME("__annotate_func__"), rt_None)
           ? rt_None : VAL_NULL;
}

static int type_set_annotate(Value self, Value v)
{
    if (v != VAL_NULL && v != rt_None && !rt_callable(v)) {
        rt_raisef(&rt_TypeError, "__annotate__ must be callable or None");
        return -1;
    }
    return set_own_entry(self, RT_NAME("__annotate__"), v);
}

/* 3.14: a class without __annotations__ in its dict computes them once,
 * __annotate__(1), and keeps them as __annotations_cache__. */
static Value annotations_314(Value self)
{
    Value cache = RT_NAME("__annotations_cache__");
    Value v = own_entry(self, cache);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    Value annotate = type_get_annotate(self);
    if (annotate == VAL_NULL)
        return VAL_NULL;
    if (rt_callable(annotate)) {
        Value format = small_new(1);
        v = rt_call(annotate, &format, 1, VAL_NULL);
        if (v != VAL_NULL && !is_dict(v))
            return rt_raisef(&rt_TypeError, "__annotate__ returned non-dict of type '%s'",
                             val_type(v)->name);
    } else {
        v = rt_dict_new();
    }
    return v != VAL_NULL && rt_dict_set(rt_type_dict(AS_TYPE(self)), cache, v) ? v : VAL_NULL;
}

/* C.__annotations__: the class body's annotations, an empty dict made on
 * first need; builtin types have none. */
static Value type_get_annotations(Value self)
{
    Value name = RT_NAME("__annotations__");
    if (!rt_is_heaptype(AS_TYPE(self)))
        return rt_raisef(&rt_AttributeError, "type object '%s' has no attribute '__annotations__'",
                         AS_TYPE(self)->name);
    Value v = own_entry(self, name);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    if (rt_py_minor >= 14)
        return annotations_314(self);
    v = rt_dict_new();
    return rt_dict_set(rt_type_dict(AS_TYPE(self)), name, v) ? v : VAL_NULL;
}

static int type_set_annotations(Value self, Value v)
{
    return set_own_entry(self, RT_NAME("__annotations__"), v);
}

/* A builtin type's signature (inspect.signature(list)); a class has none. */
static Value type_get_text_signature(Value self)
{
    ObjType *t = AS_TYPE(self);
    const char *signature = rt_is_heaptype(t) ? NULL : rt_type_text(t, false);
    return signature != NULL ? rt_str_from_cstr(signature) : rt_None;
}

/* C.__flags__: the bits of CPython's tp_flags that Python code tests
 * (copyreg: HEAPTYPE; inspect.isabstract: IS_ABSTRACT; SEQUENCE and
 * MAPPING), as CPython numbers them. */
static Value type_get_flags(Value self)
{
    ObjType *t = AS_TYPE(self);
    bool heap = rt_is_heaptype(t);
    uint64_t f = 1u << 12;                                  /* READY */
    f |= heap ? (1u << 9) | (1u << 14) : 1u << 8;           /* HEAPTYPE|HAVE_GC, IMMUTABLE */
    f |= t->flags & TF_BASETYPE ? 1u << 10 : 0;
    f |= heap && ((HeapType *)t)->abstract ? 1u << 20 : 0;  /* IS_ABSTRACT */
    f |= t->flags & TF_MATCH_SEQUENCE ? 1u << 5 : 0;
    f |= t->flags & TF_MATCH_MAPPING ? 1u << 6 : 0;
    static ObjType *const roots[] = {                       /* the *_SUBCLASS bits, 24-31 */
        &rt_int_type, &rt_list_type, &rt_tuple_type, &rt_bytes_type, &rt_str_type,
        &rt_dict_type, &rt_BaseException, &rt_type_type,
    };
    for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++)
        if (rt_is_subtype(t, roots[i]))
            f |= (uint64_t)1 << (24 + i);
    return rt_int_from_u64(f);
}

/* The layout numbers, in pvm's own terms (bytes of an instance, where its
 * dict is: -1 after variable-sized data). */
static Value type_get_basicsize(Value self)
{
    ObjType *t = AS_TYPE(self);
    return rt_int_from_u64(rt_is_heaptype(t) ? t->instance_size : builtin_size(t));
}

static Value type_get_zero(Value self) { return small_new(0); }

/* CPython's tp_itemsize of the variable-sized builtins a class may derive
 * from (a tuple's item pointer, a byte, an int's 30-bit digit, a heap
 * type's member slot); 0 for the rest, and inherited. */
static Value type_get_itemsize(Value self)
{
    ObjType *root = builtin_root(AS_TYPE(self));
    return small_new(rt_is_subtype(root, &rt_tuple_type) ? 8
                     : rt_is_subtype(root, &rt_bytes_type) ? 1
                     : rt_is_subtype(root, &rt_int_type) ? 4
                     : rt_is_subtype(root, &rt_type_type) ? 40 : 0);
}

static Value type_get_dictoffset(Value self)
{
    size_t off = AS_TYPE(self)->dict_offset;
    return off == RT_DICT_OFFSET_VAR ? small_new(-1) : rt_int_from_u64(off);
}

static Value type_get_mro(Value self)
{
    Value mro = AS_TYPE(self)->mro;
    return mro == VAL_NULL ? rt_None : mro;
}

const MemberDef rt_type_members[] = {
    {"__mro__", offsetof(ObjType, mro), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

const GetSetDef rt_type_getsets[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__bases__", type_get_bases, type_set_bases},
    {"__base__", type_get_base},
    {"__module__", type_get_module, type_set_module},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods},
    {"__dict__", type_get_dict},
    {"__doc__", type_get_doc, type_set_doc},
    {"__text_signature__", type_get_text_signature},
    {"__annotations__", type_get_annotations, type_set_annotations},
    {"__flags__", type_get_flags},
    {"__basicsize__", type_get_basicsize},
    {"__itemsize__", type_get_itemsize},
    {"__dictoffset__", type_get_dictoffset},
    {"__weakrefoffset__", type_get_zero},
    {NULL},
};

/* ---- methods of type ---------------------------------------------------------------------- */

static Value type_mro_method(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("type.mro", nargs - 1, kwnames))
        return VAL_NULL;
    ObjType *t = AS_TYPE(args[0]);
    Value mro = rt_is_heaptype(t) ? compute_mro(t, t->bases) : t->mro;     /* C3 afresh */
    return mro == VAL_NULL ? VAL_NULL : rt_sequence_to_list(mro);
}

/* cls.__subclasses__(): a class's own list; for a builtin type, the
 * builtin types readied at start-up, then the classes created since, whose
 * bases include it. */
static Value type_subclasses(Value *args, size_t nargs, Value kwnames)
{
    make_deferred_classes();
    Value result = rt_list_new(0);
    if (rt_is_heaptype(AS_TYPE(args[0]))) {
        const GcWeakArray *list = &((HeapType *)AS_TYPE(args[0]))->subclasses;
        for (size_t i = 0; i < list->n; i++) {
            ObjType *t = gc_weak_array_get(list, i);
            if (t != NULL)
                rt_list_append(result, obj_val(t));
        }
        return result;
    }
    ObjType *bt;
    for (size_t i = 0; (bt = rt_ready_type(i)) != NULL; i++)
        if (bt->base == AS_TYPE(args[0]))
            rt_list_append(result, obj_val(bt));
    ObjList *all = live_classes();
    for (size_t i = 0; i < all->length; i++) {
        ObjType *t = AS_TYPE(all->items[i]);
        for (size_t j = 0; j < rt_tuple_len(t->bases); j++)
            if (rt_tuple_get(t->bases, j) == args[0])
                rt_list_append(result, obj_val(t));
    }
    forget_classes(all);
    return result;
}

static Value type_instancecheck(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("type.__instancecheck__", nargs - 1, kwnames))
        return VAL_NULL;
    int r = rt_object_isinstance(args[1], args[0]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value type_subclasscheck(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("type.__subclasscheck__", nargs - 1, kwnames))
        return VAL_NULL;
    int r = rt_recursive_issubclass(args[1], args[0]);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

/* type.__prepare__(name, bases, **kwds): the namespace of a class body. */
static Value type_prepare(Value *args, size_t nargs, Value kwnames)
{
    return rt_dict_new();
}

static const MethodDef type_methods[] = {
    {"mro", type_mro_method}, {"__subclasses__", type_subclasses},
    {"__prepare__", type_prepare, RT_METH_CLASS},
    {"__instancecheck__", type_instancecheck}, {"__subclasscheck__", type_subclasscheck},
    {NULL, NULL},
};

/* ---- super ----------------------------------------------------------------------------------- */

typedef struct ObjSuper {
    Object ob;
    ObjType *type;              /* lookup starts after this class ... */
    Value obj;                  /* ... on the MRO of obj (an instance or a class) */
    ObjType *obj_type;          /* type(obj), or obj itself when it is a subclass */
} ObjSuper;

/* Which MRO super(type, obj) walks: obj's type, obj itself for a class,
 * or the class a proxy's __class__ claims (CPython's supercheck). */
static ObjType *supercheck(ObjType *type, Value obj)
{
    if (rt_isinstance_of(obj, &rt_type_type) && rt_is_subtype(AS_TYPE(obj), type))
        return AS_TYPE(obj);
    if (rt_isinstance_of(obj, type))
        return val_type(obj);
    Value cls = rt_lookup_attr(obj, RT_NAME("__class__"));
    if (cls == VAL_NULL && rt_err_occurred())
        return NULL;
    if (cls != VAL_NULL && rt_isinstance_of(cls, &rt_type_type) &&
        AS_TYPE(cls) != val_type(obj) && rt_is_subtype(AS_TYPE(cls), type))
        return AS_TYPE(cls);
    raise_super_mismatch(type, obj);
    return NULL;
}

/* super(type, obj), super(type), super(): fill s (super.__init__). */
static bool super_fill(ObjSuper *s, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("super", kwnames))
        return false;
    Value type, obj = VAL_NULL;
    if (nargs == 0) {
        if (!vm_super_args(&type, &obj))
            return false;
        if (!rt_isinstance_of(type, &rt_type_type)) {
            rt_raisef(&rt_RuntimeError, "super(): __class__ is not a type (%s)",
                      val_type(type)->name);
            return false;
        }
    } else if (!rt_arg_range("super()", nargs, 0, 2)) {
        return false;
    } else {
        type = args[0];
        obj = nargs == 2 && args[1] != rt_None ? args[1] : VAL_NULL;
        if (!rt_isinstance_of(type, &rt_type_type)) {
            rt_raisef(&rt_TypeError, "super() argument 1 must be a type, not %s",
                      val_type(type)->name);
            return false;
        }
    }
    ObjType *obj_type = NULL;
    if (obj != VAL_NULL && (obj_type = supercheck(AS_TYPE(type), obj)) == NULL)
        return false;
    s->type = AS_TYPE(type);
    s->obj = obj;
    s->obj_type = obj_type;
    return true;
}

/* super.__new__ allocates; super.__init__ (TF_SPLIT_INIT) fills. */
static Value super_new(ObjType *stype, Value *args, size_t nargs, Value kwnames)
{
    ObjSuper *s = rt_alloc_instance(stype, sizeof *s);
    s->type = &rt_object_type;
    return obj_val(s);
}

static Value super_init(Value *args, size_t nargs, Value kwnames)
{
    return super_fill(VAL_AS(ObjSuper, args[0]), args + 1, nargs - 1, kwnames) ? rt_None
                                                                              : VAL_NULL;
}

/* An unbound super stored in a class (C._C__super = super(C)) binds to the
 * instance it is read from: self.__super is super(C, self). */
static Value super_descr_get(Value self, Value obj, Value type)
{
    ObjSuper *s = VAL_AS(ObjSuper, self);
    if (obj == VAL_NULL || obj == rt_None || s->obj != VAL_NULL)
        return self;
    if (val_type(self) != &rt_super_type)
        return rt_call2(obj_val(val_type(self)), obj_val(s->type), obj);
    ObjType *obj_type = supercheck(s->type, obj);
    if (obj_type == NULL)
        return VAL_NULL;
    ObjSuper *b = rt_alloc_instance(&rt_super_type, sizeof *b);
    b->type = s->type;
    b->obj = obj;
    b->obj_type = obj_type;
    return obj_val(b);
}

/* The first class after `type` on obj_type's MRO that defines name: its
 * attribute bound to obj (unbound to a class: obj is obj_type itself);
 * VAL_NULL, no exception set, when none does.  With `unbound` (a method
 * call, 3.12's LOAD_SUPER_ATTR), a function or method descriptor found for
 * an instance comes back as it is, *unbound set: the caller passes obj
 * as its first argument, and no bound method is made. */
static Value super_mro_lookup(ObjType *type, Value obj, ObjType *obj_type, Value name,
                              bool *unbound)
{
    if (name_is(name, "__class__"))
        return VAL_NULL;
    ObjTuple *mro = AS_TUPLE(obj_type->mro);
    size_t i = 0;
    while (i < mro->length && mro->items[i] != obj_val(type))
        i++;
    for (i++; i < mro->length; i++) {
        Value v = rt_dict_get_str(rt_type_dict(AS_TYPE(mro->items[i])), name);
        if (v == VAL_NULL)
            continue;
        bool instance = obj != obj_val(obj_type);
        if (unbound != NULL && instance &&
            (is_function(v) || rt_wrapper_is_unbound(v) || IS_EXACT(v, rt_method_descr_type))) {
            *unbound = true;
            return v;
        }
        ObjType *vt = val_type(v);
        return vt->descr_get == NULL ? v : vt->descr_get(v, instance ? obj : VAL_NULL,
                                                         obj_val(obj_type));
    }
    return VAL_NULL;
}

/* super(C, obj).name: the first class after C on obj's MRO that defines
 * name, bound to obj. */
static Value super_getattr(Value self, Value name)
{
    ObjSuper *s = VAL_AS(ObjSuper, self);
    Value v = s->obj_type != NULL ? super_mro_lookup(s->type, s->obj, s->obj_type, name, NULL)
                                  : VAL_NULL;
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    return rt_generic_getattr(self, name);         /* super's own: super_members */
}

Value rt_super_lookup(ObjType *type, Value obj, Value name, bool *unbound)
{
    ObjType *obj_type = supercheck(type, obj);
    if (obj_type == NULL)
        return VAL_NULL;
    Value v = super_mro_lookup(type, obj, obj_type, name, unbound);
    if (v != VAL_NULL || rt_err_occurred())
        return v;
    ObjSuper *s = rt_alloc_instance(&rt_super_type, sizeof *s);    /* super's own */
    s->type = type;
    s->obj = obj;
    s->obj_type = obj_type;
    return super_getattr(obj_val(s), name);
}

static Value super_repr(Value self)
{
    ObjSuper *s = VAL_AS(ObjSuper, self);
    if (s->obj_type == NULL)
        return rt_str_format_c("<super: <class '%s'>, NULL>", s->type->name);
    return rt_str_format_c("<super: <class '%s'>, <%s object>>", s->type->name,
                           s->obj_type->name);
}

/* CPython's members; an ObjType * reads as the Value of the class, NULL
 * (unbound) as None. */
static const MemberDef super_members[] = {
    {"__thisclass__", offsetof(ObjSuper, type), RT_MEMBER_VALUE, RT_READONLY,
     "the class invoking super()"},
    {"__self__", offsetof(ObjSuper, obj), RT_MEMBER_VALUE, RT_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", offsetof(ObjSuper, obj_type), RT_MEMBER_VALUE, RT_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL},
};

ObjType rt_super_type = {
    .ob.type = &rt_type_type, .name = "super", .flags = TF_BASETYPE | TF_SPLIT_INIT,
    .instance_size = sizeof(ObjSuper), .members = super_members,
    .repr = super_repr, .getattr = super_getattr, .descr_get = super_descr_get,
    .new_ = super_new,
};

static const MethodDef super_methods[] = {
    {"__init__", super_init}, {NULL, NULL},
};

/* ---- start-up ------------------------------------------------------------------------------- */

static void intern_names(void)
{
#define N(var, s) var = rt_str_intern_cstr(s)
    N(s_module, "__module__"); N(s_qualname, "__qualname__"); N(s_doc, "__doc__");
    N(s_slots, "__slots__"); N(s_dict, "__dict__"); N(s_weakref, "__weakref__");
    N(s_new, "__new__"); N(s_init, "__init__"); N(s_init_subclass, "__init_subclass__");
    N(s_class_getitem, "__class_getitem__"); N(s_classcell, "__classcell__");
    N(s_set_name, "__set_name__"); N(s_eq, "__eq__"); N(s_hash, "__hash__");
    N(s_name, "__name__"); N(s_prepare, "__prepare__"); N(s_metaclass, "metaclass");
    N(s_mro, "mro");
#undef N
}

static void add_builtin(const char *name, Value v)
{
    rt_dict_set_cstr(rt_builtins_dict, name, v);
}

void rt_class_init(void)
{
    intern_names();
    rt_slots_init();
    rt_descr_init();
    rt_type_ready(&rt_super_type, super_methods);
    rt_type_add_methods(&rt_type_type, type_methods);
    static const GetSetDef class_getset = {
        "__class__", class_get, class_set, "the object's class",
    };
    rt_type_set(&rt_object_type, "__class__", rt_getset_new(&class_getset, &rt_object_type));
    static const GetSetDef mro_getset = { "__mro__", type_get_mro };
    if (rt_py_minor >= 12)              /* 3.12: a getset, no longer a member */
        rt_type_set(&rt_type_type, "__mro__", rt_getset_new(&mro_getset, &rt_type_type));
    static const GetSetDef annotate_getset = { "__annotate__", type_get_annotate, type_set_annotate };
    if (rt_py_minor >= 14)
        rt_type_set(&rt_type_type, "__annotate__", rt_getset_new(&annotate_getset, &rt_type_type));
    rt_types_add_wrappers();
    rt_slots_object_methods();
    rt_reduce_init();
    add_builtin("__build_class__", rt_builtin_new("__build_class__", builtin_build_class,
                                                  VAL_NULL));
    add_builtin("super", obj_val(&rt_super_type));
    add_builtin("property", obj_val(&rt_property_type));
    add_builtin("classmethod", obj_val(&rt_classmethod_type));
    add_builtin("staticmethod", obj_val(&rt_staticmethod_type));
}
