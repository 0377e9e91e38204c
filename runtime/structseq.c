/*
 * structseq.c — struct-sequence types (structseq.h), after CPython's
 * Objects/structseq.c.
 *
 * Each type is made at run time from a descriptor: a tuple subtype that
 * cannot be subclassed, whose named fields are read-only member
 * descriptors in its dict (os.stat_result.st_mode is a member_descriptor).
 * An instance is an ObjTuple with room for every field; its length is the
 * visible count, so the hidden fields sit after the items tuple operations
 * look at.
 *
 * Two CPython details kept on purpose:
 *   - repr names the i-th visible item after the i-th *named* field, so
 *     os.stat_result's unnamed integer times print as st_atime=..., the
 *     way CPython prints them;
 *   - T(sequence, dict) accepts between n_sequence_fields and n_fields
 *     items and fills the missing named fields from dict (or None);
 *     __reduce__ returns exactly that call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/structseq.h"
#include "runtime/structseq_docs.h"

typedef struct StructSeqType {
    ObjType type;
    const RtStructSeqDesc *desc;
} StructSeqType;

const RtStructSeqDesc *rt_structseq_desc(ObjType *type)
{
    return ((StructSeqType *)type)->desc;
}

static size_t n_unnamed(const RtStructSeqDesc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_fields; i++)
        n += d->fields[i] == NULL;
    return n;
}

/* The k-th named field's name (CPython's tp_members[k].name), or NULL. */
static const char *named_field(const RtStructSeqDesc *d, size_t k)
{
    for (size_t i = 0; i < d->n_fields; i++)
        if (d->fields[i] != NULL && k-- == 0)
            return d->fields[i];
    return NULL;
}

Value rt_structseq_new(ObjType *type, const Value *items)
{
    const RtStructSeqDesc *d = rt_structseq_desc(type);
    ObjTuple *t = gc_alloc(sizeof(ObjTuple) + d->n_fields * sizeof(Value));
    t->ob.type = type;
    t->length = d->n_in_sequence;
    memcpy(t->items, items, d->n_fields * sizeof(Value));
    return obj_val(t);
}

/* ---- the field descriptors --------------------------------------------------- */

/* A read-only member: item `index` of instances of `owner`. */
typedef struct ObjField {
    Object ob;
    const char *name;
    ObjType *owner;
    size_t index;
} ObjField;

static ObjType field_type;

static Value field_get(Value self, Value obj, Value type)
{
    ObjField *f = VAL_AS(ObjField, self);
    if (obj == VAL_NULL || obj == rt_None)
        return self;
    if (!rt_isinstance_of(obj, f->owner))
        return rt_raisef(&rt_TypeError, "descriptor '%s' for '%s' objects doesn't apply to "
                         "a '%s' object", f->name, f->owner->name, val_type(obj)->name);
    return AS_TUPLE(obj)->items[f->index];
}

static int field_set(Value self, Value obj, Value v)
{
    rt_raisef(&rt_AttributeError, "readonly attribute");
    return -1;
}

static Value field_repr(Value self)
{
    ObjField *f = VAL_AS(ObjField, self);
    return rt_str_format_c("<member '%s' of '%s' objects>", f->name, f->owner->name);
}

static Value field_name(Value self)
{
    return rt_str_from_cstr(VAL_AS(ObjField, self)->name);
}

/* "stat_result.st_mode": the owner's name without its module. */
static Value field_qualname(Value self)
{
    ObjField *f = VAL_AS(ObjField, self);
    const char *dot = strrchr(f->owner->name, '.');
    return rt_str_format_c("%s.%s", dot != NULL ? dot + 1 : f->owner->name, f->name);
}

static Value field_objclass(Value self)
{
    return obj_val(VAL_AS(ObjField, self)->owner);
}

static int doc_compare(const void *key, const void *entry)
{
    return strcmp(key, ((const StructSeqDoc *)entry)->name);
}

/* The field's text, python3.11's (runtime/structseq_docs.h, looked up by
 * "type.field" when asked), or None for a field it has none for. */
static Value field_doc(Value self)
{
    ObjField *f = VAL_AS(ObjField, self);
    char key[128];
    snprintf(key, sizeof key, "%s.%s", f->owner->name, f->name);
    const StructSeqDoc *found = bsearch(key, structseq_docs, sizeof structseq_docs /
                                        sizeof structseq_docs[0], sizeof structseq_docs[0],
                                        doc_compare);
    return found != NULL ? rt_str_from_cstr(found->doc) : rt_None;
}

static const GetSetDef field_getsets[] = {
    {"__name__", field_name, 0, 0}, {"__qualname__", field_qualname, 0, 0},
    {"__objclass__", field_objclass, 0, 0}, {"__doc__", field_doc, 0, 0},
    {NULL, 0, 0, 0},
};

static ObjType field_type = {
    .ob.type = &rt_type_type, .name = "member_descriptor",
    .repr = field_repr, .descr_get = field_get, .descr_set = field_set,
    .getsets = field_getsets,
};

static Value field_new(ObjType *owner, const char *name, size_t index)
{
    ObjField *f = gc_alloc(sizeof *f);
    f->ob.type = &field_type;
    f->name = name;
    f->owner = owner;
    f->index = index;
    return obj_val(f);
}

/* ---- the slots and methods ---------------------------------------------------- */

/* os.stat_result(st_mode=33188, st_ino=..., ...) */
static Value structseq_repr(Value self)
{
    const RtStructSeqDesc *d = rt_structseq_desc(val_type(self));
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, d->name);
    sb_addc(&sb, '(');
    for (size_t i = 0; i < AS_TUPLE(self)->length; i++) {
        const char *name = named_field(d, i);
        if (name == NULL)
            return rt_raisef(&rt_SystemError, "In structseq_repr(), member %zd name is NULL "
                             "for type %s", (ssize_t)i, d->name);
        if (i > 0)
            sb_adds(&sb, ", ");
        sb_adds(&sb, name);
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, AS_TUPLE(self)->items[i]))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value not_constructible(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "cannot create '%s' instances", type->name);
}

static bool check_length(const RtStructSeqDesc *d, size_t len)
{
    size_t min = d->n_in_sequence, max = d->n_fields;
    const char *how = min == max ? "a" : len < min ? "an at least" : "an at most";
    if (len >= min && len <= max)
        return true;
    rt_raisef(&rt_TypeError, "%s() takes %s %zd-sequence (%zd-sequence given)", d->name, how,
              (ssize_t)(len < min ? min : max), (ssize_t)len);
    return false;
}

/* T(sequence, dict=None): the items, then the missing named fields from
 * dict (None when absent). */
static Value structseq_new_slot(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    const RtStructSeqDesc *d = rt_structseq_desc(type);
    static const char *const names[] = { "sequence", "dict" };
    ArgSpec spec = { type->name, names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value seq = rt_sequence_to_tuple(a[0]);
    if (seq == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "constructor requires a sequence");
        }
        return VAL_NULL;
    }
    Value dict = a[1] == VAL_NULL ? rt_None : a[1];
    if (dict != rt_None && !rt_isinstance_of(dict, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "%s() takes a dict as second arg, if any", d->name);
    size_t len = rt_tuple_len(seq);
    if (!check_length(d, len))
        return VAL_NULL;
    Value *items = gc_alloc(d->n_fields * sizeof(Value));
    size_t unnamed = n_unnamed(d);
    for (size_t i = 0; i < d->n_fields; i++) {
        if (i < len) {
            items[i] = rt_tuple_get(seq, i);
            continue;
        }
        Value v = VAL_NULL;
        if (dict != rt_None) {
            bool error = false;
            v = rt_dict_get(dict, rt_str_from_cstr(named_field(d, i - unnamed)), &error);
            if (error)
                return VAL_NULL;
        }
        items[i] = v != VAL_NULL ? v : rt_None;
    }
    return rt_structseq_new(type, items);
}

/* (type, (visible items,), {hidden field: value}) */
static Value structseq_reduce(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__reduce__", nargs - 1, kwnames))
        return VAL_NULL;
    Value self = args[0];
    const RtStructSeqDesc *d = rt_structseq_desc(val_type(self));
    ObjTuple *t = AS_TUPLE(self);
    Value hidden = rt_dict_new();
    size_t unnamed = n_unnamed(d);
    for (size_t i = t->length; i < d->n_fields; i++)
        rt_dict_set_cstr(hidden, named_field(d, i - unnamed), t->items[i]);
    return rt_tuple_pack(2, obj_val(val_type(self)),
                         rt_tuple_pack(2, rt_tuple_from(t->items, t->length), hidden));
}

static const MethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce},
    {NULL, NULL},
};

/* ---- the type ------------------------------------------------------------------- */

/* Take name's entry out of the dict and put it back last. */
static void move_last(ObjType *t, const char *name)
{
    Value dict = rt_type_dict(t);
    Value v = rt_dict_get_cstr(dict, name);
    if (v == VAL_NULL)
        return;
    rt_dict_del(dict, rt_str_from_cstr(name));
    rt_type_set(t, name, v);
}

/* The type's dict in CPython's order: __new__, __repr__, __reduce__, the
 * fields, __doc__, __module__ for a type an extension module makes
 * (PyStructSequence_NewType gives a heap type; sys's own are static),
 * then the counts.  A type that cannot be instantiated has no __new__ of
 * its own there (CPython deletes it; the slot still refuses). */
static void order_dict(ObjType *t, const RtStructSeqDesc *desc)
{
    if (!desc->constructible)
        rt_dict_del(rt_type_dict(t), rt_str_from_cstr("__new__"));
    const char *dot = strrchr(desc->name, '.');
    if (dot != NULL && strncmp(desc->name, "sys.", 4) != 0)
        rt_type_set(t, "__module__", rt_str_new(desc->name, (size_t)(dot - desc->name)));
    move_last(t, "__new__");
    move_last(t, "__repr__");
    move_last(t, "__reduce__");
    for (size_t i = 0; i < desc->n_fields; i++)
        if (desc->fields[i] != NULL)
            move_last(t, desc->fields[i]);
    static const char *const last[] = {
        "__doc__", "__module__", "n_sequence_fields", "n_fields", "n_unnamed_fields",
        "__match_args__",
    };
    for (size_t i = 0; i < sizeof last / sizeof last[0]; i++)
        move_last(t, last[i]);
}

ObjType *rt_structseq_type_new(const RtStructSeqDesc *desc)
{
    if (field_type.mro == VAL_NULL)
        rt_type_ready(&field_type, NULL);
    StructSeqType *st = gc_alloc(sizeof *st);
    ObjType *t = &st->type;
    st->desc = desc;
    t->ob.type = &rt_type_type;
    t->name = desc->name;
    t->base = &rt_tuple_type;
    t->flags = TF_TUPLE_SUBCLASS | TF_SEQUENCE;
    t->repr = structseq_repr;
    t->new_ = desc->constructible ? structseq_new_slot : not_constructible;
    rt_type_ready(t, structseq_methods);
    Value match_args = rt_list_new(desc->n_in_sequence);
    for (size_t i = 0; i < desc->n_fields; i++) {
        if (desc->fields[i] == NULL)
            continue;
        rt_type_set(t, desc->fields[i], field_new(t, desc->fields[i], i));
        if (i < desc->n_in_sequence)
            rt_list_append(match_args, rt_str_from_cstr(desc->fields[i]));
    }
    rt_type_set(t, "n_sequence_fields", rt_int_from_i64((int64_t)desc->n_in_sequence));
    rt_type_set(t, "n_fields", rt_int_from_i64((int64_t)desc->n_fields));
    rt_type_set(t, "n_unnamed_fields", rt_int_from_i64((int64_t)n_unnamed(desc)));
    rt_type_set(t, "__match_args__", rt_list_as_tuple(match_args));
    order_dict(t, desc);
    return t;
}
