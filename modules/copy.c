/*
 * copy.c — copy.copy and copy.deepcopy, after Lib/copy.py: atomic values
 * are returned as is; lists, dicts, sets, tuples are rebuilt (deepcopy
 * keeping a memo by id so shared and cyclic structure is preserved, and
 * returning the original tuple when no element changed); objects may
 * define __copy__ / __deepcopy__(memo); plain instances are copied by
 * creating an object of the same class and copying its __dict__.
 */
#include "modules/modutil.h"

static bool is_atomic(Value v)
{
    ObjType *t = val_type(v);
    return t == &rt_int_type || t == &rt_float_type || t == &rt_bool_type ||
           t == &rt_str_type || t == &rt_bytes_type || t == &rt_none_type ||
           t == &rt_complex_type || t == &rt_type_type || t == &rt_function_type ||
           t == &rt_builtin_type || t == &rt_method_descr_type || t == &rt_range_type || t == &rt_frozenset_type ||
           t == &rt_ellipsis_type || t == &rt_notimpl_type || t == &rt_code_type ||
           rt_isinstance_of(v, &rt_type_type);
}

/* A new instance of x's class with a copy (deep or not) of its __dict__. */
static Value copy_instance(Value x, Value dictcopy)
{
    ObjType *t = val_type(x);
    if (!(t->flags & TF_HEAPTYPE) || t->dict_offset == 0 ||
        t->dict_offset == RT_DICT_OFFSET_VAR)
        return rt_raisef(&rt_TypeError, "cannot copy '%s' object", t->name);
    Object *o = rt_alloc_instance(t, sizeof(ObjInstance));
    Value *slot = rt_instance_dict_slot(obj_val(o));
    if (slot != NULL)
        *slot = dictcopy;
    return obj_val(o);
}

static Value shallow(Value x)
{
    if (is_atomic(x) || is_tuple(x))
        return x;
    Value m = mod_lookup_special(x, "__copy__");
    if (m != VAL_NULL)
        return rt_call0(m);
    ObjType *t = val_type(x);
    if (t == &rt_list_type)
        return rt_list_from(AS_LIST(x)->items, AS_LIST(x)->length);
    if (t == &rt_dict_type)
        return rt_dict_copy(x);
    if (t == &rt_set_type)
        return rt_set_from_iterable(x);
    if (t == &rt_bytearray_type)
        return rt_bytearray_new(VAL_AS(ObjByteArray, x)->data, VAL_AS(ObjByteArray, x)->length);
    Value *slot = rt_instance_dict_slot(x);
    if (slot != NULL) {
        Value d = *slot;
        return copy_instance(x, d == VAL_NULL ? VAL_NULL : rt_dict_copy(d));
    }
    return rt_raisef(&rt_TypeError, "cannot copy '%s' object", t->name);
}

static Value deep(Value x, Value memo);

static Value memo_key(Value x) { return rt_int_from_u64((uint64_t)x); }

static Value deep_items(Value x, Value memo)
{
    ObjType *t = val_type(x);
    if (t == &rt_list_type) {
        Value y = rt_list_new(AS_LIST(x)->length);
        rt_dict_set(memo, memo_key(x), y);
        for (size_t i = 0; i < AS_LIST(x)->length; i++) {
            Value v = deep(AS_LIST(x)->items[i], memo);
            if (v == VAL_NULL)
                return VAL_NULL;
            rt_list_append(y, v);
        }
        return y;
    }
    if (t == &rt_tuple_type) {
        size_t n = rt_tuple_len(x);
        Value y = rt_tuple_new(n);
        bool changed = false;
        for (size_t i = 0; i < n; i++) {
            Value v = deep(rt_tuple_get(x, i), memo);
            if (v == VAL_NULL)
                return VAL_NULL;
            changed |= v != rt_tuple_get(x, i);
            AS_TUPLE(y)->items[i] = v;
        }
        /* A tuple containing itself through a list: use the memoised one. */
        bool err = false;
        Value again = rt_dict_get(memo, memo_key(x), &err);
        if (again != VAL_NULL)
            return again;
        return changed ? y : x;
    }
    if (t == &rt_dict_type) {
        Value y = rt_dict_new(), k, v;
        rt_dict_set(memo, memo_key(x), y);
        for (size_t pos = 0; rt_dict_next(x, &pos, &k, &v);) {
            Value dk = deep(k, memo), dv;
            if (dk == VAL_NULL || (dv = deep(v, memo)) == VAL_NULL)
                return VAL_NULL;
            rt_dict_set(y, dk, dv);
        }
        return y;
    }
    if (t == &rt_set_type) {
        Value y = rt_set_new(), k;
        rt_dict_set(memo, memo_key(x), y);
        for (size_t pos = 0; rt_set_next(x, &pos, &k);) {
            Value dk = deep(k, memo);
            if (dk == VAL_NULL)
                return VAL_NULL;
            rt_set_add(y, dk);
        }
        return y;
    }
    if (rt_instance_dict_slot(x) != NULL && (t->flags & TF_HEAPTYPE)) {
        Value d = *rt_instance_dict_slot(x);
        Value y = copy_instance(x, VAL_NULL);
        if (y == VAL_NULL)
            return VAL_NULL;
        rt_dict_set(memo, memo_key(x), y);
        if (d != VAL_NULL) {
            Value dd = deep(d, memo);
            if (dd == VAL_NULL)
                return VAL_NULL;
            *rt_instance_dict_slot(y) = dd;
        }
        return y;
    }
    return shallow(x);
}

static Value deep(Value x, Value memo)
{
    bool err = false;
    Value y = rt_dict_get(memo, memo_key(x), &err);
    if (y != VAL_NULL)
        return y;
    if (is_atomic(x))
        return x;
    Value m = mod_lookup_special(x, "__deepcopy__");
    if (m != VAL_NULL)
        y = rt_call1(m, memo);
    else
        y = deep_items(x, memo);
    if (y == VAL_NULL)
        return VAL_NULL;
    if (y != x) {
        rt_dict_set(memo, memo_key(x), y);
        /* Keep x alive as long as the memo (copy.py's _keep_alive). */
        Value keep = rt_dict_get(memo, memo_key(memo), &err);
        if (keep == VAL_NULL) {
            keep = rt_list_new(0);
            rt_dict_set(memo, memo_key(memo), keep);
        }
        rt_list_append(keep, x);
    }
    return y;
}

static Value cp_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("copy", nargs, kw))
        return VAL_NULL;
    return shallow(args[0]);
}

static Value cp_deepcopy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("deepcopy", nargs, 1, 3))
        return VAL_NULL;
    Value memo = nargs > 1 && args[1] != rt_None ? args[1] : rt_dict_new();
    return deep(args[0], memo);
}

static const MethodDef copy_functions[] = {
    {"copy", cp_copy}, {"deepcopy", cp_deepcopy},
    {NULL, NULL}
};

Value mod_copy_init(void)
{
    Value m = mod_module_new("copy", copy_functions);
    mod_module_set(m, "Error", obj_val(&rt_Exception));
    return m;
}
