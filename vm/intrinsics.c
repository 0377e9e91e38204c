/*
 * intrinsics.c — CPython 3.12's intrinsic functions (intrinsics.h).
 *
 * 3.12 turned a handful of rarely run instructions into one instruction
 * with a function number.  Those that were 3.11 instructions of the same
 * stack effect are translated back into them (vm/translate.c); the ones
 * left here either changed shape (PRINT and IMPORT_STAR now leave None
 * for a POP_TOP) or are new: the conversion of a StopIteration escaping a
 * generator, which 3.11 did outside the frame (runtime/gen.c), and the
 * type parameters of PEP 695, which pvm does not have yet.
 */
#include "runtime/runtime.h"
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

static Value no_type_params(void)
{
    return rt_raisef(&rt_SystemError, "pvm does not run type parameters (PEP 695) yet");
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
    case INTRINSIC_TYPEVAR: case INTRINSIC_PARAMSPEC: case INTRINSIC_TYPEVARTUPLE:
    case INTRINSIC_SUBSCRIPT_GENERIC: case INTRINSIC_TYPEALIAS:
        return no_type_params();
    }
    return rt_raisef(&rt_SystemError, "unknown intrinsic %d", which);
}

Value vm_intrinsic_2(Frame *frame, int which, Value v1, Value v2)
{
    (void)frame;
    switch (which) {
    case INTRINSIC_PREP_RERAISE_STAR:
        return vm_check_reraise_star(v1, v2) ? rt_prep_reraise_star(v1, v2) : VAL_NULL;
    case INTRINSIC_TYPEVAR_WITH_BOUND: case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
        return no_type_params();
    }
    return rt_raisef(&rt_SystemError, "unknown intrinsic %d", which);
}

int vm_for_iter_next(Value iter, Value *item)
{
    UnaryFunc next = val_type(iter)->next;
    if (next == NULL) {
        rt_raisef(&rt_TypeError, "'%s' object is not an iterator", val_type(iter)->name);
        return -1;
    }
    *item = next(iter);
    if (*item != VAL_NULL)
        return 1;
    if (rt_err_occurred()) {
        if (!rt_err_matches(&rt_StopIteration))
            return -1;
        rt_err_clear();
    }
    return 0;
}
