/*
 * bytecodes_internal.h — the bodies of the internal instructions, those
 * 3.12 and 3.13 code is translated into (vm/opcodes_internal.h says what each does
 * and why the `_312` forms exist).  Included at the end of bytecodes.h,
 * under the same macros: every dispatch strategy runs them.
 *
 * The `_312` forms do what their 3.11 namesakes do with 3.12's number of
 * inline caches: they share their bodies (the *_BODY macros of
 * bytecodes.h, given the instruction whose caches to step over), and so
 * do their specialized forms (vm/opcodes_internal.h, PVM_SPECIALIZED_312)
 * with their 3.11 twins.
 */

/* ---- loops and yield from: the ends 3.12 marks with an instruction ---- */

/* The next item, or at exhaustion the iterator and a None for the END_FOR
 * the jump lands on to pop (FOR_ITER_EXHAUSTED).  Its cache unit is a
 * countdown, as in CPython 3.12: a loop that GET_ITER does not start (an
 * inlined comprehension puts its save of the variable in between) is
 * specialized all the same. */
TARGET(FOR_ITER_312) {
    ADAPTIVE(vm_specialize_for_iter_312(instr_, TOP()));
    FOR_ITER_BODY(FOR_ITER_312);
}

TARGET(FOR_ITER_LIST_312) {
    FOR_ITER_SEQUENCE(FOR_ITER_LIST_312, FOR_ITER_312, rt_listiter_type, ListIter, list, AS_LIST);
}

TARGET(FOR_ITER_TUPLE_312) {
    FOR_ITER_SEQUENCE(FOR_ITER_TUPLE_312, FOR_ITER_312, rt_tupleiter_type, TupleIter, tuple,
                      AS_TUPLE);
}

TARGET(FOR_ITER_RANGE_312) {
    FOR_ITER_RANGE_BODY(FOR_ITER_RANGE_312, FOR_ITER_312);
}

TARGET(END_FOR) {
    STACK_SHRINK(2);
    DISPATCH();
}

/* SEND leaves the receiver in place both ways; END_SEND drops it. */
TARGET(SEND_312) {
    Value v = POP(), r;
    int status = rt_iter_send(TOP(), v, &r);
    if (status == SEND_ERROR)
        GOTO_ERROR();
    /* A generator's or send()'s StopIteration is an "exception" event for
     * the tracing loop (not an iterator's next() simply ending). */
    if (status == SEND_RETURN && (rt_is_gen(TOP()) || v != rt_None || val_type(TOP())->next == NULL))
        TRACE_SEND_RETURN(r);
    if (status == SEND_RETURN)
        MONITOR_SEND_END(TOP(), r);
    PUSH(r);
    SKIP_CACHES(SEND_312);
    if (status == SEND_RETURN)
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(END_SEND) {
    Value v = POP();
    SET_TOP(v);
    DISPATCH();
}

/* The handler of a `yield from` loop for an exception thrown into it:
 * the delegate's StopIteration ends the loop with its value; anything
 * else goes on unwinding. */
TARGET(CLEANUP_THROW) {
    Value exc = TOP();
    if (!rt_exc_matches(exc, obj_val(&rt_StopIteration))) {
        rt_raise(exc);
        GOTO_UNWIND();
    }
    STACK_SHRINK(1);
    SET_TOP(rt_stopiteration_value(exc));
    SET_SECOND(rt_None);
    DISPATCH();
}

TARGET(RETURN_CONST) {
    PUSH(GETCONST(oparg));
    GO_TO_BODY(RETURN_VALUE);
}

/* ---- variables ---- */

/* An inlined comprehension saves the outer value of its variable (which
 * may be unbound: VAL_NULL, put back as it was by a STORE_FAST). */
TARGET(LOAD_FAST_AND_CLEAR) {
    PUSH(GETLOCAL(oparg));
    GETLOCAL(oparg) = VAL_NULL;
    DISPATCH();
}

TARGET(LOAD_LOCALS) {
    if (frame->locals == VAL_NULL) {
        rt_raisef(&rt_SystemError, "no locals found");
        GOTO_ERROR();
    }
    PUSH(frame->locals);
    DISPATCH();
}

/* The class body's namespace first, then the globals and builtins (an
 * annotation scope inside a class). */
TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
    Value v;
    int found = vm_mapping_get(TOP(), GETNAME(oparg), &v);
    if (found < 0 || (found == 0 && (v = vm_load_global(frame, GETNAME(oparg))) == VAL_NULL))
        GOTO_ERROR();
    SET_TOP(v);
    DISPATCH();
}

/* The class body's namespace first, then the cell (3.11's LOAD_CLASSDEREF
 * with the mapping on the stack). */
TARGET(LOAD_FROM_DICT_OR_DEREF) {
    Value v, cell = GETLOCAL(oparg);
    int found = vm_mapping_get(TOP(), rt_tuple_get(frame->code->localsplusnames, oparg), &v);
    if (found < 0)
        GOTO_ERROR();
    if (found == 0) {
        if (!IS_CELL(cell) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
            vm_unbound_deref(frame, oparg);
            GOTO_ERROR();
        }
        v = VAL_AS(ObjCell, cell)->ref;
    }
    SET_TOP(v);
    DISPATCH();
}

TARGET(LOAD_GLOBAL_312) {
    LOAD_GLOBAL_BODY(LOAD_GLOBAL_312);
}

TARGET(LOAD_GLOBAL_MODULE_312) {
    LOAD_GLOBAL_MODULE_BODY(LOAD_GLOBAL_MODULE_312, LOAD_GLOBAL_312);
}

TARGET(LOAD_GLOBAL_BUILTIN_312) {
    LOAD_GLOBAL_BUILTIN_BODY(LOAD_GLOBAL_BUILTIN_312, LOAD_GLOBAL_312);
}

/* ---- operators and subscripts ---- */

TARGET(COMPARE_OP_312) {
    COMPARE_OP_BODY(COMPARE_OP_312);
}

TARGET(COMPARE_OP_INT_JUMP_312) {
    COMPARE_OP_INT_JUMP_BODY(COMPARE_OP_INT_JUMP_312, COMPARE_OP_312);
}

TARGET(COMPARE_OP_FLOAT_JUMP_312) {
    COMPARE_OP_FLOAT_JUMP_BODY(COMPARE_OP_FLOAT_JUMP_312, COMPARE_OP_312);
}

TARGET(COMPARE_OP_STR_JUMP_312) {
    COMPARE_OP_STR_JUMP_BODY(COMPARE_OP_STR_JUMP_312, COMPARE_OP_312);
}

TARGET(BINARY_SUBSCR_312) {
    BINARY_SUBSCR_BODY(BINARY_SUBSCR_312);
}

TARGET(BINARY_SUBSCR_LIST_INT_312) {
    BINARY_SUBSCR_SEQ_INT(BINARY_SUBSCR_LIST_INT_312, BINARY_SUBSCR_312, is_list, AS_LIST);
    DISPATCH();
}

TARGET(BINARY_SUBSCR_TUPLE_INT_312) {
    BINARY_SUBSCR_SEQ_INT(BINARY_SUBSCR_TUPLE_INT_312, BINARY_SUBSCR_312, is_tuple, AS_TUPLE);
    DISPATCH();
}

TARGET(BINARY_SUBSCR_STR_INT_312) {
    BINARY_SUBSCR_STR_INT(BINARY_SUBSCR_STR_INT_312, BINARY_SUBSCR_312);
    DISPATCH();
}

TARGET(BINARY_SUBSCR_DICT_312) {
    BINARY_SUBSCR_DICT_BODY(BINARY_SUBSCR_DICT_312, BINARY_SUBSCR_312);
}

TARGET(BINARY_SLICE) {              /* container[start:stop] */
    Value slice = rt_slice_new(SECOND(), TOP(), rt_None);
    Value r = rt_getitem(THIRD(), slice);
    if (r == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(2);
    SET_TOP(r);
    DISPATCH();
}

TARGET(STORE_SLICE) {               /* container[start:stop] = value */
    Value slice = rt_slice_new(SECOND(), TOP(), rt_None);
    if (rt_setitem(THIRD(), slice, PEEK(4)) < 0)
        GOTO_ERROR();
    STACK_SHRINK(4);
    DISPATCH();
}

/* The functions CPython 3.12 calls through CALL_INTRINSIC_1/2 (those that
 * are not 3.11 instructions): vm/intrinsics.c. */
TARGET(CALL_INTRINSIC_1) {
    Value r = vm_intrinsic_1(frame, oparg, TOP());
    if (r == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    DISPATCH();
}

TARGET(CALL_INTRINSIC_2) {
    Value r = vm_intrinsic_2(frame, oparg, SECOND(), TOP());
    if (r == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1);
    SET_TOP(r);
    DISPATCH();
}

/* ---- attributes and calls ---- */

/* obj.name, or with oparg & 1 the method pair of 3.11's LOAD_METHOD; its
 * forms are those of LOAD_ATTR, or with oparg & 1 of LOAD_METHOD. */
TARGET(LOAD_ATTR_312) {
    ADAPTIVE(oparg & 1 ? vm_specialize_load_method(instr_, TOP(), GETNAME(oparg >> 1))
                       : vm_specialize_load_attr(instr_, TOP(), GETNAME(oparg >> 1), frame->code));
    frame->instr = THIS_INSTR();        /* frame.f_lineno of this frame */
    if (oparg & 1)
        LOAD_METHOD_BODY(LOAD_ATTR_312, GETNAME(oparg >> 1));
    Value r = rt_getattr(TOP(), GETNAME(oparg >> 1));
    if (r == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    SKIP_CACHES(LOAD_ATTR_312);
    DISPATCH();
}

TARGET(LOAD_ATTR_WITH_HINT_312) {
    LOAD_ATTR_WITH_HINT_BODY(LOAD_ATTR_WITH_HINT_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_MODULE_312) {
    LOAD_ATTR_MODULE_BODY(LOAD_ATTR_MODULE_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_SLOT_312) {
    LOAD_ATTR_SLOT_BODY(LOAD_ATTR_SLOT_312, LOAD_ATTR_312);
}

TARGET(LOAD_ATTR_PROPERTY_312) {
    LOAD_ATTR_PROPERTY_BODY(LOAD_ATTR_PROPERTY_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_GETSET_312) {
    LOAD_ATTR_GETSET_BODY(LOAD_ATTR_GETSET_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_BOUND_METHOD_312) {
    LOAD_ATTR_BOUND_METHOD_BODY(LOAD_ATTR_BOUND_METHOD_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_METHOD_WITH_DICT_312) {
    LOAD_METHOD_WITH_DICT_BODY(LOAD_ATTR_METHOD_WITH_DICT_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

TARGET(LOAD_ATTR_METHOD_NO_DICT_312) {
    LOAD_METHOD_NO_DICT_BODY(LOAD_ATTR_METHOD_NO_DICT_312, LOAD_ATTR_312);
}

TARGET(LOAD_ATTR_METHOD_CLASS_312) {
    LOAD_METHOD_CLASS_BODY(LOAD_ATTR_METHOD_CLASS_312, LOAD_ATTR_312);
}

TARGET(LOAD_ATTR_METHOD_MODULE_312) {
    LOAD_METHOD_MODULE_BODY(LOAD_ATTR_METHOD_MODULE_312, LOAD_ATTR_312, GETNAME(oparg >> 1));
}

/* super().name, super(C, obj).name.  When `super` is the builtin and the
 * class a class (CPython 3.12's LOAD_SUPER_ATTR_ATTR/METHOD guards), the
 * lookup goes straight to the MRO (rt_super_lookup): no super object, and
 * for a method call no bound method either (the function, then self, as
 * LOAD_ATTR_312 pushes them).  Otherwise the super object is made (a
 * zero-argument super finds the class and self in this frame, as a call
 * of super() would) and dropped.  With oparg & 1, for a call, anything but
 * a method: NULL then the attribute (3.12), or the attribute then NULL
 * (3.13, `null_first` false). */
#define SUPER_ATTR_BODY(OP, null_first)                                     \
    {                                                                       \
        Value self_ = TOP(), name_ = GETNAME(oparg >> 2), r;                \
        bool unbound_ = false;                                              \
        frame->instr = THIS_INSTR();                                        \
        if (THIRD() == obj_val(&rt_super_type) && rt_isinstance_of(SECOND(), &rt_type_type)) { \
            r = rt_super_lookup(AS_TYPE(SECOND()), self_, name_, oparg & 1 ? &unbound_ : NULL); \
        } else {                                                            \
            Value args[2] = { SECOND(), self_ };                            \
            Value sup = rt_call(THIRD(), args, (oparg & 2) ? 2 : 0, VAL_NULL); \
            r = sup != VAL_NULL ? rt_getattr(sup, name_) : VAL_NULL;        \
        }                                                                   \
        if (r == VAL_NULL)                                                  \
            GOTO_ERROR();                                                   \
        STACK_SHRINK(2);                                                    \
        if (unbound_) {                                                     \
            SET_TOP(r);                                                     \
            PUSH(self_);                                                    \
        } else if (oparg & 1) {                                             \
            SET_TOP((null_first) ? rt_Null : r);                            \
            PUSH((null_first) ? r : rt_Null);                               \
        } else {                                                            \
            SET_TOP(r);                                                     \
        }                                                                   \
        SKIP_CACHES(OP);                                                    \
        DISPATCH();                                                         \
    }

TARGET(LOAD_SUPER_ATTR) SUPER_ATTR_BODY(LOAD_SUPER_ATTR, true)

/* 3.11's PRECALL: a bound method below its arguments is unpacked into
 * the NULL's slot and its own. */
#define UNPACK_BOUND_METHOD()                                               \
    do {                                                                    \
        if (PEEK(oparg + 2) == rt_Null && IS_EXACT(PEEK(oparg + 1), rt_method_type)) { \
            ObjMethod *m_ = VAL_AS(ObjMethod, PEEK(oparg + 1));             \
            PEEK(oparg + 2) = m_->func;                                     \
            PEEK(oparg + 1) = m_->self;                                     \
        }                                                                   \
    } while (0)

/* 3.13 pushes a call's two slots the other way round: (callable, NULL) or
 * (meth, self), where 3.11 and 3.12 have (NULL, callable) or (meth, self).
 * A lone callable is put back below its NULL; with 3.12's operands the
 * slot tested holds the callable or self, never NULL, and nothing moves. */
#define CALLABLE_BELOW_NULL(depth)                                          \
    do {                                                                    \
        if (PEEK((depth) - 1) == rt_Null) {                                 \
            PEEK((depth) - 1) = PEEK(depth);                                \
            PEEK(depth) = rt_Null;                                          \
        }                                                                   \
    } while (0)

/* 3.11's PRECALL and CALL in one, with 3 caches; its forms are CALL's and
 * PRECALL's NO_KW ones.  3.13's CALL_313 runs this body and is specialized
 * into the same forms, so each of them takes either order of the slots. */
/* 3.12 runs a CALL unspecialized the first time (its counter's warm-up)
 * and specializes it the second; a builtin called that way costs a unit
 * of 3.12's C budget (vm_enter_builtin_call), one called by a specialized
 * form none.  pvm's counter is still 0 before a site's first run: it runs
 * as 3.12's does, and leaves the counter expired for the next. */
#define CALL_NATIVE_WARMING(callable, args, nargs, kwnames)                 \
    ({                                                                      \
        bool unit_ = IS_EXACT(callable, rt_builtin_type) ||                 \
                     IS_EXACT(callable, rt_method_descr_type);              \
        Value r_ = VAL_NULL;                                                \
        if (!unit_ || vm_enter_builtin_call()) {                            \
            r_ = CALL_NATIVE(callable, args, nargs, kwnames);               \
            if (unit_)                                                      \
                vm_leave_builtin_call();                                    \
        }                                                                   \
        r_;                                                                 \
    })

TARGET(CALL_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    if (__builtin_expect(CACHE_UNITS()[0] == 0, 0) && rt_py_minor == 12) {
        CACHE_UNITS()[0] = 1;           /* expired, backoff 1 */
        UNPACK_BOUND_METHOD();
        CALL_BODY_VIA(CALL_312, CALL_NATIVE_WARMING);
    }
    ADAPTIVE(vm_specialize_call(instr_, sp, oparg, kwnames));
    UNPACK_BOUND_METHOD();
    CALL_BODY(CALL_312);
}

TARGET(CALL_PY_EXACT_ARGS_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    CALL_PY_POSITIONAL(CALL_PY_EXACT_ARGS_312, CALL_312, vm_exact_args);
}

TARGET(CALL_PY_WITH_DEFAULTS_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    CALL_PY_POSITIONAL(CALL_PY_WITH_DEFAULTS_312, CALL_312, vm_args_with_defaults);
}

TARGET(CALL_NO_KW_BUILTIN_FAST_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_BUILTIN_FAST_BODY(CALL_NO_KW_BUILTIN_FAST_312, CALL_312);
}

TARGET(CALL_NO_KW_METHOD_DESCRIPTOR_FAST_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST_BODY(CALL_NO_KW_METHOD_DESCRIPTOR_FAST_312, CALL_312);
}

TARGET(CALL_NO_KW_TYPE_1_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_TYPE_1_BODY(CALL_NO_KW_TYPE_1_312, CALL_312);
}

TARGET(CALL_NO_KW_LEN_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_LEN_BODY(CALL_NO_KW_LEN_312, CALL_312);
}

TARGET(CALL_NO_KW_ISINSTANCE_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_ISINSTANCE_BODY(CALL_NO_KW_ISINSTANCE_312, CALL_312);
}

TARGET(CALL_NO_KW_LIST_APPEND_312) {
    CALLABLE_BELOW_NULL(oparg + 2);
    PRECALL_NO_KW_LIST_APPEND_BODY(CALL_NO_KW_LIST_APPEND_312, CALL_312);
}

/* ---- CPython 3.13 ------------------------------------------------------------
 * 3.13's calls find their operands as CALL_312 and its forms do (above),
 * which accept 3.13's order of the two slots. */
TARGET(CALL_313) {
    GO_TO_BODY(CALL_312);
}

/* The keyword names come on the stack: a tuple of str, no longer than the
 * arguments (checked: the file is not trusted). */
TARGET(CALL_KW_313) {
    Value names = POP();
    if (!vm_kwnames_valid(names, oparg))
        GOTO_ERROR();
    kwnames = names;
    CALLABLE_BELOW_NULL(oparg + 2);
    UNPACK_BOUND_METHOD();
    CALL_BODY(CALL_KW_313);
}

TARGET(CALL_FUNCTION_EX_313) {
    CALLABLE_BELOW_NULL(3 + (oparg & 1));
    GO_TO_BODY(CALL_FUNCTION_EX);
}

TARGET(DICT_MERGE_313) DICT_MERGE_BODY(oparg + 3)     /* (func NULL ...): one deeper */

/* MAKE_FUNCTION takes only the code; each optional part follows. */
TARGET(SET_FUNCTION_ATTRIBUTE) {
    Value func = POP();
    if (!vm_set_function_attribute(func, oparg, TOP()))
        GOTO_ERROR();
    SET_TOP(func);
    DISPATCH();
}

/* LOAD_GLOBAL's body and forms, the NULL pushed after the value. */
TARGET(LOAD_GLOBAL_313) {
    LOAD_GLOBAL_BODY(LOAD_GLOBAL_313);
}

TARGET(LOAD_GLOBAL_MODULE_313) {
    LOAD_GLOBAL_MODULE_BODY(LOAD_GLOBAL_MODULE_313, LOAD_GLOBAL_313);
}

TARGET(LOAD_GLOBAL_BUILTIN_313) {
    LOAD_GLOBAL_BUILTIN_BODY(LOAD_GLOBAL_BUILTIN_313, LOAD_GLOBAL_313);
}

/* obj.name: 3.12's LOAD_ATTR_312 (the same operand and caches), which
 * specializes it into its forms.  With oparg & 1: (meth, self) for a
 * method, (attr, NULL) for anything else. */
TARGET(LOAD_ATTR_313) {
    if (!(oparg & 1))
        GO_TO_BODY(LOAD_ATTR_312);
    Value owner = TOP(), r;
    frame->instr = THIS_INSTR();        /* frame.f_lineno of this frame */
    int found = rt_get_method(owner, GETNAME(oparg >> 1), &r);
    if (found < 0)
        GOTO_ERROR();
    SET_TOP(r);
    PUSH(found == 1 ? owner : rt_Null);
    SKIP_CACHES(LOAD_ATTR_313);
    DISPATCH();
}

TARGET(LOAD_SUPER_ATTR_313) SUPER_ATTR_BODY(LOAD_SUPER_ATTR_313, false)

/* Two locals in one instruction (each may be unbound in pvm's eyes: the
 * verifier cannot tell, so each read is checked as LOAD_FAST's is). */
#define PUSH_LOCAL(i)                                                       \
    do {                                                                    \
        Value v_ = GETLOCAL(i);                                             \
        if (v_ == VAL_NULL) {                                               \
            vm_unbound_local(frame, (i));                                   \
            GOTO_ERROR();                                                   \
        }                                                                   \
        PUSH(v_);                                                           \
    } while (0)

TARGET(LOAD_FAST_LOAD_FAST) {
    PUSH_LOCAL(oparg >> 4);
    PUSH_LOCAL(oparg & 15);
    DISPATCH();
}

TARGET(STORE_FAST_LOAD_FAST) {
    GETLOCAL(oparg >> 4) = POP();
    PUSH_LOCAL(oparg & 15);
    DISPATCH();
}

TARGET(STORE_FAST_STORE_FAST) {
    GETLOCAL(oparg >> 4) = POP();
    GETLOCAL(oparg & 15) = POP();
    DISPATCH();
}

TARGET(TO_BOOL) {
    int t = rt_truthy(TOP());
    if (t < 0)
        GOTO_ERROR();
    SET_TOP(rt_bool(t));
    SKIP_CACHES(TO_BOOL);
    DISPATCH();
}

/* 3.13's forms of 3.11 instructions that had no cache: step over it, then
 * the 3.11 body (a jump counts from after the cache). */
TARGET(CONTAINS_OP_313) {
    SKIP_CACHES(CONTAINS_OP_313);
    GO_TO_BODY(CONTAINS_OP);
}

TARGET(JUMP_BACKWARD_313) {
    SKIP_CACHES(JUMP_BACKWARD_313);
    GO_TO_BODY(JUMP_BACKWARD);
}

TARGET(POP_JUMP_IF_FALSE_313) {
    SKIP_CACHES(POP_JUMP_IF_FALSE_313);
    GO_TO_BODY(POP_JUMP_FORWARD_IF_FALSE);
}

TARGET(POP_JUMP_IF_TRUE_313) {
    SKIP_CACHES(POP_JUMP_IF_TRUE_313);
    GO_TO_BODY(POP_JUMP_FORWARD_IF_TRUE);
}

TARGET(POP_JUMP_IF_NONE_313) {
    SKIP_CACHES(POP_JUMP_IF_NONE_313);
    GO_TO_BODY(POP_JUMP_FORWARD_IF_NONE);
}

TARGET(POP_JUMP_IF_NOT_NONE_313) {
    SKIP_CACHES(POP_JUMP_IF_NOT_NONE_313);
    GO_TO_BODY(POP_JUMP_FORWARD_IF_NOT_NONE);
}

/* ---- CPython 3.14 ------------------------------------------------------------
 * Its other instructions are 3.13's under new numbers and cache counts
 * (vm/translate.c). */

TARGET(LOAD_SMALL_INT) {            /* small ints are unboxed: nothing to load */
    PUSH(small_new(oparg));
    DISPATCH();
}

TARGET(LOAD_COMMON_CONSTANT) {      /* 3.14 asserts and annotate functions */
    PUSH(vm_common_constant(oparg));
    DISPATCH();
}

/* t"...": each {...} is BUILD_INTERPOLATION (value, expression text,
 * format spec if oparg & 1, conversion oparg >> 2), then BUILD_TEMPLATE
 * (oparg 0) joins the tuple of strings and the tuple of them. */
TARGET(TEMPLATE_STRING) {
    int n = 2 + (oparg & 1);
    Value made = vm_template_string(&PEEK(n), oparg);
    if (made == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(n - 1);
    SET_TOP(made);
    DISPATCH();
}

/* `with m:` looks up __exit__ then __enter__ (`async with`: __aexit__,
 * __aenter__) on m's type, each replacing m by (method, NULL); CALL
 * runs them. */
TARGET(LOAD_SPECIAL) {
    Value meth = vm_load_special(TOP(), oparg);
    if (meth == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(meth);
    PUSH(rt_Null);
    DISPATCH();
}
