/*
 * intrinsics.c — CPython 3.12's intrinsic functions (intrinsics.h).
 *
 * 3.12 turned a handful of rarely run instructions into one instruction
 * with a function number.  Those that were 3.11 instructions of the same
 * stack effect are translated back into them (vm/translate.c); the ones
 * left here either changed shape (PRINT and IMPORT_STAR now leave None
 * for a POP_TOP) or are new: the conversion of a StopIteration escaping a
 * generator, which 3.11 did outside the frame (runtime/gen.c), and the
 * type parameters of PEP 695, made by 3.12's _typing (modules/typing312.py).
 */
#include "runtime/runtime.h"
#include "modules/api.h"
#include "vm/eval.h"
#include "vm/opcodes312.h"

/* "generator raised StopIteration", with the StopIteration as the cause
 * (CPython's _PyGen_SetStopIterationValue's counterpart in the frame). */
static Value stopiteration_error(Frame *frame, Value exc)
{
    int flags = frame->code->flags;
    const char *kind = (flags & CO_COROUTINE) ? "coroutine"
                     : (flags & CO_ASYNC_GENERATOR) ? "async generator" : "generator";
    const char *what = NULL;
    if (rt_exc_matches(exc, obj_val(&rt_StopIteration)))
        what = "StopIteration";
    else if ((flags & CO_ASYNC_GENERATOR) &&
             rt_exc_matches(exc, obj_val(&rt_StopAsyncIteration)))
        what = "StopAsyncIteration";
    if (what == NULL)
        return exc;
    rt_raisef(&rt_RuntimeError, "%s raised %s", kind, what);
    Value err = rt_err_fetch();
    AS_EXC(err)->cause = exc;
    AS_EXC(err)->context = exc;
    AS_EXC(err)->suppress_context = true;
    return err;
}

/* PEP 695's type parameters: made by modules/typing312.py's functions. */
static Value typing_call(const char *function, int nargs, Value a, Value b, Value c)
{
    Value args[3] = { a, b, c };
    return mod_typing312_call(function, args, (size_t)nargs);
}

/* `type X[...] = value`: the tuple (name, type_params, compute_value). */
static Value type_alias(Value t)
{
    if (!is_tuple(t) || rt_tuple_len(t) != 3)
        return rt_raisef(&rt_SystemError, "INTRINSIC_TYPEALIAS of a %T", t);
    return typing_call("_make_typealias", 3, rt_tuple_get(t, 0), rt_tuple_get(t, 1),
                       rt_tuple_get(t, 2));
}

Value vm_intrinsic_1(Frame *frame, int which, Value v)
{
    switch (which) {
    case INTRINSIC_PRINT:
        return vm_print_expr(v) ? rt_None : VAL_NULL;
    case INTRINSIC_IMPORT_STAR:
        return ld_import_star(v, frame->locals) < 0 ? VAL_NULL : rt_None;
    case INTRINSIC_STOPITERATION_ERROR:
        return stopiteration_error(frame, v);
    case INTRINSIC_ASYNC_GEN_WRAP:
        return rt_async_gen_wrap(v);
    case INTRINSIC_UNARY_POSITIVE:
        return rt_unary_op(v, UN_POS);
    case INTRINSIC_LIST_TO_TUPLE:
        return is_list(v) ? rt_list_as_tuple(v)
                          : rt_raisef(&rt_SystemError, "LIST_TO_TUPLE of a %T", v);
    case INTRINSIC_TYPEVAR:
        return typing_call("_make_typevar", 1, v, VAL_NULL, VAL_NULL);
    case INTRINSIC_PARAMSPEC:
        return typing_call("_make_paramspec", 1, v, VAL_NULL, VAL_NULL);
    case INTRINSIC_TYPEVARTUPLE:
        return typing_call("_make_typevartuple", 1, v, VAL_NULL, VAL_NULL);
    case INTRINSIC_SUBSCRIPT_GENERIC:
        return typing_call("_subscript_generic", 1, v, VAL_NULL, VAL_NULL);
    case INTRINSIC_TYPEALIAS:
        return type_alias(v);
    }
    return rt_raisef(&rt_SystemError, "unknown intrinsic %d", which);
}

Value vm_intrinsic_2(Frame *frame, int which, Value v1, Value v2)
{
    (void)frame;
    switch (which) {
    case INTRINSIC_PREP_RERAISE_STAR:
        return vm_check_reraise_star(v1, v2) ? rt_prep_reraise_star(v1, v2) : VAL_NULL;
    case INTRINSIC_TYPEVAR_WITH_BOUND:
        return typing_call("_make_typevar", 2, v1, v2, VAL_NULL);
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
        return typing_call("_make_typevar", 3, v1, rt_None, v2);
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
        return typing_call("_set_type_params", 2, v1, v2, VAL_NULL);
    case INTRINSIC_SET_TYPEPARAM_DEFAULT:     /* 3.13, PEP 696: def f[T = int] */
        return typing_call("_set_typeparam_default", 2, v1, v2, VAL_NULL);
    }
    return rt_raisef(&rt_SystemError, "unknown intrinsic %d", which);
}
