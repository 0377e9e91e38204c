/*
 * excgroup.c — BaseExceptionGroup and ExceptionGroup (PEP 654), and the two
 * operations the eval loop needs for `except*`.
 *
 * A group is an exception whose args are (message, exceptions); it keeps
 * the message and a tuple of the exceptions in its `extra` field.  Its
 * methods split it along a condition — an exception type, a tuple of them,
 * or a predicate — into the part that matches and the rest, each a new
 * group made by derive() that keeps the original's traceback, cause,
 * context and notes (CPython's exceptiongroup_split_recursive).
 *
 * For the VM (CPython's ceval.c and exceptions.c):
 *   rt_eg_match          CHECK_EG_MATCH: split the exception being handled
 *                        by one except* clause's type;
 *   rt_prep_reraise_star PREP_RERAISE_STAR: after the clauses ran, combine
 *                        what they raised with what was left unhandled.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/class.h"
#include "vm/vm.h"

static bool is_group(Value v)
{
    return !val_is_small(v) && rt_isinstance_of(v, &rt_BaseExceptionGroup);
}

static Value eg_message(Value eg) { return rt_tuple_get(AS_EXC(eg)->extra, 0); }
static Value eg_exceptions(Value eg) { return rt_tuple_get(AS_EXC(eg)->extra, 1); }

/* ---- construction --------------------------------------------------------------- */

/* BaseExceptionGroup(message, exceptions): the class becomes ExceptionGroup
 * when every member is an Exception; BaseExceptions may not be nested in an
 * ExceptionGroup. */
static Value eg_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    const char *tn = type->name;
    if (!rt_arg_nokw(tn, kwnames))
        return VAL_NULL;
    if (nargs != 2)
        return rt_raisef(&rt_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 "
                         "arguments (%zu given)", nargs);
    Value message = args[0], seq = args[1];
    if (!rt_isinstance_of(message, &rt_str_type))
        return rt_raisef(&rt_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, "
                         "not %T", message);
    ObjType *st = val_type(seq);
    if (st->getitem == NULL || st->len == NULL || rt_isinstance_of(seq, &rt_dict_type) ||
        rt_is_anyset(seq))
        return rt_raisef(&rt_TypeError, "second argument (exceptions) must be a sequence");
    Value excs = rt_sequence_to_tuple(seq);
    if (excs == VAL_NULL)
        return VAL_NULL;
    if (rt_tuple_len(excs) == 0)
        return rt_raisef(&rt_ValueError,
                         "second argument (exceptions) must be a non-empty sequence");
    bool nested_base = false;
    for (size_t i = 0; i < rt_tuple_len(excs); i++) {
        Value e = rt_tuple_get(excs, i);
        if (val_is_small(e) || !rt_isinstance_of(e, &rt_BaseException))
            return rt_raisef(&rt_ValueError, "Item %zu of second argument (exceptions) is "
                             "not an exception", i);
        nested_base |= !rt_isinstance_of(e, &rt_Exception);
    }
    if (type == &rt_BaseExceptionGroup) {
        if (!nested_base)
            type = &rt_ExceptionGroup;
    } else if (type == &rt_ExceptionGroup) {
        if (nested_base)
            return rt_raisef(&rt_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && rt_is_subtype(type, &rt_Exception)) {
        return rt_raisef(&rt_TypeError, "Cannot nest BaseExceptions in '%s'", tn);
    }
    Value eg = rt_exc_new(type, rt_tuple_pack(2, message, seq));
    if (eg != VAL_NULL)
        AS_EXC(eg)->extra = rt_tuple_pack(2, message, excs);
    return eg;
}

/* BaseExceptionGroup(message, excs) from C. */
static Value make_group(Value message, Value excs)
{
    Value args[2] = { message, excs };
    return eg_new(&rt_BaseExceptionGroup, args, 2, VAL_NULL);
}

/* "msg (3 sub-exceptions)" */
static Value eg_str(Value self)
{
    size_t n = rt_tuple_len(eg_exceptions(self));
    return rt_str_format_c("%S (%zu sub-exception%s)", eg_message(self), n, n == 1 ? "" : "s");
}

static Value get_message(Value self) { return eg_message(self); }
static Value get_exceptions(Value self) { return eg_exceptions(self); }

static const GetSetDef eg_getsets[] = {
    {"message", get_message, NULL, "exception message"},
    {"exceptions", get_exceptions, NULL, "nested exceptions"},
    {NULL},
};

/* ---- splitting ----------------------------------------------------------------- */

/* What a leaf must satisfy to go to the "match" side. */
typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_IDS } MatchKind;
typedef struct Matcher {
    MatchKind kind;
    Value value;                /* type or tuple of types, callable, or a set of ids */
} Matcher;

static Value exc_id(Value e) { return rt_int_from_u64((uint64_t)e); }

static bool is_exception_class(Value v)
{
    return rt_isinstance_of(v, &rt_type_type) && rt_is_subtype(AS_TYPE(v), &rt_BaseException);
}

/* split()/subgroup()'s condition; false + TypeError when it is none of the
 * three kinds. */
static bool get_matcher(Value cond, Matcher *m)
{
    bool types = is_exception_class(cond);
    if (!types && is_tuple(cond)) {
        types = true;
        for (size_t i = 0; i < rt_tuple_len(cond); i++)
            types &= is_exception_class(rt_tuple_get(cond, i));
    }
    if (types) {
        *m = (Matcher){MATCH_TYPE, cond};
        return true;
    }
    if (rt_callable(cond) && !rt_isinstance_of(cond, &rt_type_type)) {
        *m = (Matcher){MATCH_PREDICATE, cond};
        return true;
    }
    rt_raisef(&rt_TypeError, rt_py_minor >= 13
              ? "expected an exception type, a tuple of exception types, or a callable "
                "(other than a class)"
              : "expected a function, exception type or tuple of exception types");
    return false;
}

static int matches(Value exc, const Matcher *m)
{
    switch (m->kind) {
    case MATCH_TYPE: return rt_exc_matches(exc, m->value);
    case MATCH_PREDICATE: {
        Value r = rt_call1(m->value, exc);
        return r == VAL_NULL ? -1 : rt_truthy(r);
    }
    default:
        return is_group(exc) ? 0 : rt_set_contains(m->value, exc_id(exc));
    }
}

/* Give `to` a list of `from`'s notes, its own to add to, when `from` has
 * notes that are a sequence (CPython's PySequence_Check: indexable and
 * not a dict, nor a builtin mapping); other notes are not copied. */
static bool copy_notes(Value to, Value from)
{
    Value key = RT_NAME("__notes__"), notes = rt_lookup_attr(from, key);
    if (notes == VAL_NULL)
        return !rt_err_occurred();
    ObjType *t = val_type(notes);
    bool mapping = (t->flags & TF_DICT_SUBCLASS) ||
                   (!rt_is_heaptype(t) && (t->flags & TF_MATCH_MAPPING));
    if (t->getitem == NULL || mapping)
        return true;
    Value copy = rt_sequence_to_list(notes);
    return copy != VAL_NULL && rt_setattr(to, key, copy) == 0;
}

/* eg.derive(excs), keeping eg's traceback, cause, context and (a copy of its) notes. */
static Value derive_and_copy(Value eg, Value excs)
{
    Value derive = rt_getattr(eg, RT_NAME("derive"));
    Value g = derive == VAL_NULL ? VAL_NULL : rt_call1(derive, excs);
    if (g == VAL_NULL)
        return VAL_NULL;
    if (!is_group(g))
        return rt_raisef(&rt_TypeError, "derive must return an instance of BaseExceptionGroup");
    ObjException *to = AS_EXC(g), *from = AS_EXC(eg);
    to->traceback = from->traceback;
    to->cause = from->cause;
    to->context = from->context;
    return copy_notes(g, eg) ? g : VAL_NULL;
}

/* Split exc: *match gets the matching part (or VAL_NULL), *rest the other
 * part when want_rest (or VAL_NULL).  false on error. */
static bool split(Value exc, const Matcher *m, bool want_rest, Value *match, Value *rest)
{
    *match = *rest = VAL_NULL;
    int r = matches(exc, m);
    if (r < 0)
        return false;
    if (r) {
        *match = exc;
        return true;
    }
    if (!is_group(exc)) {
        *rest = want_rest ? exc : VAL_NULL;
        return true;
    }
    Value mlist = rt_list_new(0), rlist = rt_list_new(0), excs = eg_exceptions(exc);
    if (!vm_enter_c_recursion(" in exceptiongroup_split_recursive"))
        return false;                   /* nested past the limit (3.13: the C one) */
    for (size_t i = 0; i < rt_tuple_len(excs); i++) {
        Value sm, sr;
        if (!split(rt_tuple_get(excs, i), m, want_rest, &sm, &sr)) {
            vm_leave_c_recursion();
            return false;
        }
        if (sm != VAL_NULL)
            rt_list_append(mlist, sm);
        if (sr != VAL_NULL)
            rt_list_append(rlist, sr);
    }
    vm_leave_c_recursion();
    if (AS_LIST(mlist)->length > 0 && (*match = derive_and_copy(exc, mlist)) == VAL_NULL)
        return false;
    if (want_rest && AS_LIST(rlist)->length > 0 &&
        (*rest = derive_and_copy(exc, rlist)) == VAL_NULL)
        return false;
    return true;
}

static Value or_none(Value v) { return v == VAL_NULL ? rt_None : v; }

static bool check_group(Value self, const char *method)
{
    if (is_group(self))
        return true;
    rt_raisef(&rt_TypeError, "descriptor '%s' requires a 'BaseExceptionGroup' object but "
              "received '%s'", method, val_type(self)->name);
    return false;
}

static Value eg_split(Value *args, size_t nargs, Value kwnames)
{
    Matcher m;
    Value match, rest;
    if (!rt_arg_one("split", nargs - 1, kwnames) || !check_group(args[0], "split") ||
        !get_matcher(args[1], &m) || !split(args[0], &m, true, &match, &rest))
        return VAL_NULL;
    return rt_tuple_pack(2, or_none(match), or_none(rest));
}

static Value eg_subgroup(Value *args, size_t nargs, Value kwnames)
{
    Matcher m;
    Value match, rest;
    if (!rt_arg_one("subgroup", nargs - 1, kwnames) || !check_group(args[0], "subgroup") ||
        !get_matcher(args[1], &m) || !split(args[0], &m, false, &match, &rest))
        return VAL_NULL;
    return or_none(match);
}

static Value eg_derive(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("derive", nargs - 1, kwnames) || !check_group(args[0], "derive"))
        return VAL_NULL;
    return make_group(eg_message(args[0]), args[1]);
}

/* ---- except* support for the eval loop --------------------------------------------- */

int rt_eg_check_type(Value match_type)
{
    Value types = is_tuple(match_type) ? match_type : rt_tuple_pack(1, match_type);
    for (size_t i = 0; i < rt_tuple_len(types); i++) {
        Value t = rt_tuple_get(types, i);
        if (!is_exception_class(t)) {
            rt_raisef(&rt_TypeError, "catching classes that do not inherit from BaseException "
                      "is not allowed");
            return -1;
        }
        if (rt_is_subtype(AS_TYPE(t), &rt_BaseExceptionGroup)) {
            rt_raisef(&rt_TypeError, "catching ExceptionGroup with except* is not allowed. "
                      "Use except instead.");
            return -1;
        }
    }
    return 0;
}

int rt_eg_match(Value exc_value, Value match_type, Value *match, Value *rest)
{
    *match = *rest = rt_None;
    if (exc_value == rt_None)
        return 0;
    if (rt_exc_matches(exc_value, match_type)) {
        if (is_group(exc_value)) {              /* the whole group matches */
            *match = exc_value;
            return 0;
        }
        /* A naked exception is wrapped in a group that shares its traceback. */
        Value g = make_group(rt_str_empty(), rt_tuple_pack(1, exc_value));
        if (g == VAL_NULL)
            return -1;
        AS_EXC(g)->traceback = AS_EXC(exc_value)->traceback;
        *match = g;
        return 0;
    }
    if (!is_group(exc_value))
        return 0;
    Matcher m = {MATCH_TYPE, match_type};
    Value sm, sr;
    if (!split(exc_value, &m, true, &sm, &sr))
        return -1;
    *match = or_none(sm);
    *rest = or_none(sr);
    return 0;
}

/* The ids of the leaf exceptions of e (a group, an exception, or None). */
static void leaf_ids(Value e, Value ids)
{
    if (e == rt_None)
        return;
    if (!is_group(e)) {
        rt_set_add(ids, exc_id(e));
        return;
    }
    Value excs = eg_exceptions(e);
    for (size_t i = 0; i < rt_tuple_len(excs); i++)
        leaf_ids(rt_tuple_get(excs, i), ids);
}

/* Did e come from orig unchanged (re-raised with a bare `raise`)? */
static int same_metadata(Value e, Value orig)
{
    Value key = RT_NAME("__notes__");
    Value n1 = rt_lookup_attr(e, key), n2 = rt_lookup_attr(orig, key);
    if ((n1 == VAL_NULL || n2 == VAL_NULL) && rt_err_occurred())
        return -1;
    ObjException *a = AS_EXC(e), *b = AS_EXC(orig);
    return n1 == n2 && a->traceback == b->traceback && a->cause == b->cause &&
           a->context == b->context;
}

Value rt_prep_reraise_star(Value orig, Value excs)
{
    ObjList *l = AS_LIST(excs);
    if (l->length == 0)
        return rt_None;
    if (!is_group(orig))            /* a naked exception: one clause ran at most */
        return l->items[0];
    Value raised = rt_list_new(0), reraised = rt_list_new(0);
    for (size_t i = 0; i < l->length; i++) {
        Value e = l->items[i];
        if (e == rt_None)
            continue;
        int same = same_metadata(e, orig);
        if (same < 0)
            return VAL_NULL;
        rt_list_append(same ? reraised : raised, e);
    }
    /* What was re-raised, as the part of orig made of those leaves. */
    Value ids = rt_set_new();
    for (size_t i = 0; i < AS_LIST(reraised)->length; i++)
        leaf_ids(AS_LIST(reraised)->items[i], ids);
    Matcher m = {MATCH_IDS, ids};
    Value kept, unused;
    if (!split(orig, &m, false, &kept, &unused))
        return VAL_NULL;
    if (AS_LIST(raised)->length == 0)
        return or_none(kept);
    if (kept != VAL_NULL)
        rt_list_append(raised, kept);
    if (AS_LIST(raised)->length == 1)
        return AS_LIST(raised)->items[0];
    return make_group(rt_str_empty(), raised);
}

/* ---- the types ------------------------------------------------------------------- */

static const MethodDef eg_methods[] = {
    {"split", eg_split}, {"subgroup", eg_subgroup}, {"derive", eg_derive}, {NULL, NULL},
};

void rt_excgroup_prepare(void)
{
    rt_BaseExceptionGroup.new_ = eg_new;
    rt_BaseExceptionGroup.str = eg_str;
    rt_BaseExceptionGroup.getsets = eg_getsets;
}

void rt_excgroup_init(void)
{
    ObjType *b = &rt_BaseExceptionGroup, *g = &rt_ExceptionGroup;
    rt_type_add_methods(b, eg_methods);
    rt_type_add_class_getitem(b);
    /* class ExceptionGroup(BaseExceptionGroup, Exception) */
    g->bases = rt_tuple_pack(2, obj_val(b), obj_val(&rt_Exception));
    g->mro = rt_tuple_pack(5, obj_val(g), obj_val(b), obj_val(&rt_Exception),
                           obj_val(&rt_BaseException), obj_val(&rt_object_type));
}
