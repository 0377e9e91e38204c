/*
 * bytecodes.h — the body of every CPython 3.11 instruction, written once.
 *
 * This file is not a header in the usual sense: it is included, once, by
 * each instantiation of the eval loop (vm/eval_*.c, vm/stats.c), after that
 * instantiation has defined the dispatch macros.  A body is
 *
 *     TARGET(NAME) {
 *         ...the work...
 *         DISPATCH();             on to the next instruction
 *     }
 *
 * and it may use nothing of its strategy but these macros (vm/dispatch.h
 * lists them with what each strategy makes of them):
 *
 *   registers  frame, sp, oparg, kwnames (and, in EXTENDED_ARG only,
 *              NEXTOPARG/DISPATCH_SAME_OPARG);
 *   stack      PUSH POP TOP SECOND THIRD PEEK SET_TOP STACK_SHRINK ...;
 *   control    DISPATCH  JUMPBY  SKIP_CACHES  GOTO_ERROR (an exception is
 *              set)  GOTO_UNWIND (re-raise, no new traceback entry)
 *              CHECK_EVAL_BREAKER (at a safe point; at a loop back edge
 *              CHECK_EVAL_BREAKER_BACK_EDGE)  ENTER_FRAME (run
 *              the frame now in `frame`)
 *              LEAVE_EVAL(v) (return v from this invocation of the loop);
 *   position   THIS_INSTR() (the code unit of this instruction),
 *              SAVE_FRAME(caches) / RESTORE_FRAME() (store the registers
 *              in the frame, load them back).
 *
 * Because of the call-threaded strategy, where `sp` and `next_instr` are
 * macros for fields of a struct, a body never writes `->sp` or
 * `->next_instr` itself: it uses frame.h's accessors.
 *
 * What each instruction takes from the stack and leaves there — its stack
 * effect, `(before -- after)` — is data in vm/opcodes.h, beside its number
 * and its meaning, so it is not repeated here: the comments here say how
 * the body does it.  Fast paths (small ints, floats, lists) are inline; the
 * general case calls runtime/ (rt_binary_op, rt_getattr...) or a vm_ helper
 * in eval.c.
 */

/* ---- basics ---- */

/* The value stack holds Values (one machine word: a tagged small int or a
 * pointer, runtime/object.h) and never a C NULL: where 3.11 pushes "NULL"
 * (below a callable that is not a bound method) pvm pushes the sentinel
 * rt_Null, so a stack slot is always a valid Value for the collector. */

TARGET(NOP) {
    DISPATCH();
}

/* The start of a function (oparg 0), or of a generator after a yield
 * (1), a `yield from` step (2) or an `await` step (3).  A safe point: the
 * eval breaker is checked here and at the back edges of loops — as in
 * CPython, not after a `yield from`/`await` step, so that an interrupt is
 * raised in the innermost generator (see JUMP_BACKWARD_NO_INTERRUPT). */
TARGET(RESUME) {
    if (oparg < 2)
        CHECK_EVAL_BREAKER();
    DISPATCH();
}

TARGET(EXTENDED_ARG) {              /* widen the next oparg by 8 bits */
    int high = oparg;
    NEXTOPARG();
    oparg |= high << 8;
    DISPATCH_SAME_OPARG();
}

TARGET(POP_TOP) {
    Value v = POP();
    /* Dropping a value normally costs nothing: there are no reference
     * counts, the collector finds what became unreachable.  The exception
     * is a generator its for-loop owns, which must be closed now so that
     * its `finally` runs when CPython's would (see README). */
    if (vm_is_loop_owned_gen(v))       /* a loop left by break or return */
        rt_gen_drop(v);
    DISPATCH();
}

TARGET(PUSH_NULL) {                 /* the slot below a callable */
    PUSH(rt_Null);
    DISPATCH();
}

/* COPY and SWAP are the compiler's stack juggling: chained comparisons
 * (a < b < c keeps b for the second test), augmented assignment to x.a or
 * x[i] (the target is needed twice), pattern matching. */
TARGET(COPY) {                      /* copy the oparg-th item */
    Value v = PEEK(oparg);
    PUSH(v);
    DISPATCH();
}

TARGET(SWAP) {
    Value top = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = top;
    DISPATCH();
}

/* ---- constants and variables ---- */

/* Four namespaces, four instruction families.  *_FAST: the function's own
 * locals, slots of frame->localsplus addressed by index (the compiler
 * resolved the names); an empty slot is VAL_NULL and reading it is an
 * UnboundLocalError.  *_NAME: module and class bodies, a dict lookup in
 * frame->locals, then globals, then builtins.  *_GLOBAL: globals then
 * builtins.  *_DEREF: cells shared with nested functions (next section). */

TARGET(LOAD_CONST) {
    PUSH(GETCONST(oparg));
    DISPATCH();
}

/* 3.11 has no separate "known to be bound" form (3.12's LOAD_FAST_CHECK
 * split): every read tests for the empty slot, one compare of a value
 * just loaded, predicted not taken. */
#define LOAD_LOCAL_CHECKED(v)                                              \
    Value v = GETLOCAL(oparg);                                             \
    if (v == VAL_NULL) {                                                   \
        vm_unbound_local(frame, oparg);                                    \
        GOTO_ERROR();                                                      \
    }

TARGET(LOAD_FAST) {
    LOAD_LOCAL_CHECKED(v);
    PUSH(v);
    DISPATCH();
}

/* The reads of a local that `s += t` may append to in place (vm/specialize.c,
 * "appending to a str in place"): the value may be kept by whatever takes
 * it, so it is no longer the local's alone. */
TARGET(LOAD_FAST_DISOWN) {
    LOAD_LOCAL_CHECKED(v);
    rt_str_disown(v);
    PUSH(v);
    DISPATCH();
}

/* (NULL len -- NULL len value), then PRECALL 1, CALL 1: the builtin len
 * keeps nothing; any other callable may. */
TARGET(LOAD_FAST_LEN_ARG) {
    LOAD_LOCAL_CHECKED(v);
    if (TOP() != vm_builtin_len || SECOND() != rt_Null)
        rt_str_disown(v);
    PUSH(v);
    DISPATCH();
}

TARGET(STORE_FAST) {
    /* The old value is overwritten, not released: nothing to decref. */
    GETLOCAL(oparg) = POP();
    DISPATCH();
}

TARGET(DELETE_FAST) {
    if (GETLOCAL(oparg) == VAL_NULL) {
        vm_unbound_local(frame, oparg);
        GOTO_ERROR();
    }
    GETLOCAL(oparg) = VAL_NULL;
    DISPATCH();
}

TARGET(LOAD_NAME) {                 /* locals, then globals, then builtins */
    Value v = vm_module_name(frame, GETNAME(oparg));
    if (v == VAL_NULL && (v = vm_load_name(frame, GETNAME(oparg))) == VAL_NULL)
        GOTO_ERROR();
    PUSH(v);
    DISPATCH();
}

TARGET(STORE_NAME) {                /* into the locals dict */
    Value v = POP();
    /* Module code's locals are its globals dict; a class body's are the
     * namespace __prepare__ returned, which may be any mapping. */
    if (frame->locals == VAL_NULL) {
        rt_raisef(&rt_SystemError, "no locals found when storing %R", GETNAME(oparg));
        GOTO_ERROR();
    }
    bool ok = is_dict(frame->locals) ? rt_dict_store_str(frame->locals, GETNAME(oparg), v) >= 0
                                     : rt_setitem(frame->locals, GETNAME(oparg), v) == 0;
    if (!ok)
        GOTO_ERROR();
    DISPATCH();
}

TARGET(DELETE_NAME) {
    if (!vm_delete_name(frame, GETNAME(oparg)))
        GOTO_ERROR();
    DISPATCH();
}

/* Shared with 3.12's LOAD_GLOBAL_312 (OP), as are the specialized forms
 * with theirs (bytecodes_internal.h): they differ only in their caches.
 * Blocks, not do { } while (0): DISPATCH is `break` in the switch strategy.
 * `f(x)` for a global f: the compiler folds PUSH_NULL into the low bit,
 * and the NULL goes below the function, where CALL expects it (above it
 * for 3.13's LOAD_GLOBAL_313, where 3.13's CALL expects it). */
#define PUSH_GLOBAL(v, OP)                                                 \
    do {                                                                   \
        bool null_above_ = (int)OP_##OP == OP_LOAD_GLOBAL_313;             \
        if ((oparg & 1) && !null_above_)                                   \
            PUSH(rt_Null);                                                 \
        PUSH(v);                                                           \
        if ((oparg & 1) && null_above_)                                    \
            PUSH(rt_Null);                                                 \
    } while (0)
#define LOAD_GLOBAL_BODY(OP)                                               \
    {                                                                      \
        ADAPTIVE(vm_specialize_load_global(instr_, frame->globals, frame->builtins, \
                                           GETNAME(oparg >> 1)));          \
        Value v = vm_load_global(frame, GETNAME(oparg >> 1));              \
        if (v == VAL_NULL)                                                 \
            GOTO_ERROR();                                                  \
        PUSH_GLOBAL(v, OP);                                                \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_GLOBAL) {               /* the low bit asks for a NULL */
    LOAD_GLOBAL_BODY(LOAD_GLOBAL);
}

/* The global at a known entry of the globals dict. */
#define LOAD_GLOBAL_MODULE_BODY(self, OP)                                  \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        DEOPT_IF(!is_dict(frame->globals), self, OP);                      \
        DictEntry *e = vm_hint_entry(frame->globals, caches[1], GETNAME(oparg >> 1)); \
        DEOPT_IF(e == NULL, self, OP);                                     \
        PUSH_GLOBAL(e->value, OP);                                         \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_GLOBAL_MODULE) {
    LOAD_GLOBAL_MODULE_BODY(LOAD_GLOBAL_MODULE, LOAD_GLOBAL);
}

/* A builtin at a known entry of the builtins, the name still absent from
 * the globals (no key added to them since: their keys version). */
#define LOAD_GLOBAL_BUILTIN_BODY(self, OP)                                 \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        DEOPT_IF(!is_dict(frame->globals) || !is_dict(frame->builtins), self, OP); \
        DEOPT_IF(VAL_AS(ObjDict, frame->globals)->keys_version != vm_cache_u32(caches + 2), \
                 self, OP);                                                \
        DictEntry *e = vm_hint_entry(frame->builtins, caches[1], GETNAME(oparg >> 1)); \
        DEOPT_IF(e == NULL, self, OP);                                     \
        PUSH_GLOBAL(e->value, OP);                                         \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_GLOBAL_BUILTIN) {
    LOAD_GLOBAL_BUILTIN_BODY(LOAD_GLOBAL_BUILTIN, LOAD_GLOBAL);
}

TARGET(STORE_GLOBAL) {
    if (rt_dict_store_str(frame->globals, GETNAME(oparg), POP()) < 0)
        GOTO_ERROR();
    DISPATCH();
}

TARGET(DELETE_GLOBAL) {
    int r = rt_dict_del(frame->globals, GETNAME(oparg));
    if (r < 0)
        GOTO_ERROR();
    if (r == 0) {
        rt_raise_name_error(GETNAME(oparg));
        GOTO_ERROR();
    }
    DISPATCH();
}

/* ---- cells and closures ---- */

/* A variable that a nested function uses lives in a cell, a one-slot box
 * both functions point to.  The owner's slot is turned into a cell on
 * entry (MAKE_CELL); the nested function's cells arrive in its closure
 * tuple and COPY_FREE_VARS puts them in the last localsplus slots.
 * LOAD_DEREF/STORE_DEREF then go through the box. */

TARGET(MAKE_CELL) {                 /* wrap local oparg in a new cell */
    /* A captured parameter already holds its argument: the cell is made
     * around the current value (VAL_NULL for a plain local). */
    GETLOCAL(oparg) = rt_cell_new(GETLOCAL(oparg));
    DISPATCH();
}

TARGET(COPY_FREE_VARS) {            /* the closure's cells into the last slots */
    Value closure = frame->func ? frame->func->closure : VAL_NULL;
    if (closure == VAL_NULL || rt_tuple_len(closure) < (size_t)oparg) {
        rt_raisef(&rt_SystemError, "function has no closure of %d cells", oparg);
        GOTO_ERROR();
    }
    int offset = frame->code->nlocalsplus - oparg;
    for (int i = 0; i < oparg; i++)
        GETLOCAL(offset + i) = rt_tuple_get(closure, i);
    DISPATCH();
}

TARGET(LOAD_CLOSURE) {
    /* The cell itself, not its contents: BUILD_TUPLE collects the cells
     * into the closure that MAKE_FUNCTION (flag 0x08) gives the new
     * function. */
    PUSH(GETLOCAL(oparg));
    DISPATCH();
}

TARGET(LOAD_DEREF) {
    Value cell = GETLOCAL(oparg);
    if (!IS_CELL(cell) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
        vm_unbound_deref(frame, oparg);
        GOTO_ERROR();
    }
    PUSH(VAL_AS(ObjCell, cell)->ref);
    DISPATCH();
}

TARGET(LOAD_CLASSDEREF) {           /* class body: locals dict, then the cell */
    /* A class body that reads a variable of the enclosing function: a name
     * assigned in the class body itself wins, as in any class namespace. */
    Value name = rt_tuple_get(frame->code->localsplusnames, oparg);
    Value v;
    int found = vm_locals_get(frame, name, &v);
    if (found < 0)
        GOTO_ERROR();
    if (found == 0) {
        Value cell = GETLOCAL(oparg);
        if (!IS_CELL(cell) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
            vm_unbound_deref(frame, oparg);
            GOTO_ERROR();
        }
        v = VAL_AS(ObjCell, cell)->ref;
    }
    PUSH(v);
    DISPATCH();
}

TARGET(STORE_DEREF) {               /* into the cell */
    Value cell = GETLOCAL(oparg);
    if (!IS_CELL(cell)) {
        rt_raisef(&rt_SystemError, "STORE_DEREF on a slot without a cell");
        GOTO_ERROR();
    }
    VAL_AS(ObjCell, cell)->ref = POP();
    DISPATCH();
}

TARGET(DELETE_DEREF) {              /* empty the cell */
    Value cell = GETLOCAL(oparg);
    if (!IS_CELL(cell) || VAL_AS(ObjCell, cell)->ref == VAL_NULL) {
        vm_unbound_deref(frame, oparg);
        GOTO_ERROR();
    }
    VAL_AS(ObjCell, cell)->ref = VAL_NULL;
    DISPATCH();
}

/* ---- operators ---- */

/* 3.11 has one BINARY_OP whose oparg names the operator (NB_ADD...,
 * in-place forms offset by NB_INPLACE_OFFSET).  The body handles the
 * cases that dominate loops without leaving the loop: small ints (tagged,
 * no allocation; overflow falls through to rt_binary_op, which promotes to
 * GMP) and two floats.  Everything else — and every operator the fast
 * paths do not name — takes the full protocol in runtime/abstract.c
 * (__add__, __radd__, NotImplemented). */

TARGET(UNARY_POSITIVE) {
    Value r = rt_unary_op(TOP(), UN_POS);
    if (r == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    DISPATCH();
}

TARGET(UNARY_NEGATIVE) {
    Value x = TOP(), r;
    /* -SMALL_MIN is one past the largest small int: the general path
     * promotes it to a big int. */
    if (val_is_small(x) && small_value(x) != SMALL_MIN)
        r = small_new(-small_value(x));
    else if ((r = rt_unary_op(x, UN_NEG)) == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    DISPATCH();
}

TARGET(UNARY_INVERT) {
    frame->instr = THIS_INSTR();        /* ~bool's DeprecationWarning names this line */
    Value r = rt_unary_op(TOP(), UN_INVERT);
    if (r == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    DISPATCH();
}

TARGET(UNARY_NOT) {
    int t = rt_truthy(TOP());
    if (t < 0)
        GOTO_ERROR();
    SET_TOP(rt_bool(!t));
    DISPATCH();
}

TARGET(BINARY_OP) {                 /* oparg: NB_* */
    ADAPTIVE(vm_specialize_binary_op(instr_, SECOND(), TOP(), oparg, frame->code));
    Value right = TOP(), left = SECOND(), r;
    /* Small ints are a few bits narrower than a machine word, so the
     * exact result of + and - always fits in intptr_t; small_fits says
     * whether it is still small (else rt_binary_op makes a GMP int).  For
     * *, the machine multiplication itself may overflow: checked. */
    if (val_is_small(left) && val_is_small(right)) {
        intptr_t a = small_value(left), b = small_value(right), c;
        switch (oparg) {
        case NB_ADD: case NB_ADD + NB_INPLACE_OFFSET:
            c = a + b;              /* cannot overflow a machine word */
            if (small_fits(c)) { r = small_new(c); goto binop_done; }
            break;
        case NB_SUBTRACT: case NB_SUBTRACT + NB_INPLACE_OFFSET:
            c = a - b;
            if (small_fits(c)) { r = small_new(c); goto binop_done; }
            break;
        case NB_MULTIPLY: case NB_MULTIPLY + NB_INPLACE_OFFSET:
            if (!__builtin_mul_overflow(a, b, &c) && small_fits(c)) {
                r = small_new(c);
                goto binop_done;
            }
            break;
        case NB_TRUE_DIVIDE: case NB_TRUE_DIVIDE + NB_INPLACE_OFFSET:
            /* int / int: exact operands below 2**53 make one correctly
             * rounded division (CPython's fast path too); 0 raises. */
            if (b != 0 && vm_exact_double(a) && vm_exact_double(b)) {
                r = rt_float_new((double)a / (double)b);
                goto binop_done;
            }
            break;
        }
    } else if (is_float(left) || is_float(right)) {
        /* A float with a float or a small int (converted as Python's mixed
         * arithmetic converts it: rounded to nearest).  + - * cannot raise
         * (inf and nan are results); / by zero and ** take the general path. */
        double a, b;
        if (vm_as_double(left, &a) && vm_as_double(right, &b)) {
            switch (oparg) {
            case NB_ADD: case NB_ADD + NB_INPLACE_OFFSET:
                r = rt_float_new(a + b); goto binop_done;
            case NB_SUBTRACT: case NB_SUBTRACT + NB_INPLACE_OFFSET:
                r = rt_float_new(a - b); goto binop_done;
            case NB_MULTIPLY: case NB_MULTIPLY + NB_INPLACE_OFFSET:
                r = rt_float_new(a * b); goto binop_done;
            case NB_TRUE_DIVIDE: case NB_TRUE_DIVIDE + NB_INPLACE_OFFSET:
                if (b != 0.0) {
                    r = rt_float_new(a / b);
                    goto binop_done;
                }
                break;
            }
        }
    }
    r = rt_binary_op(left, right, oparg);
    if (r == VAL_NULL)
        GOTO_ERROR();
binop_done:
    STACK_SHRINK(1);
    SET_TOP(r);
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
}

/* The specialized forms of BINARY_OP: the operator is the one their name
 * says (oparg is it, or its in-place form), the operands' types are
 * checked on every execution.  An int result that is not small, or a big
 * int operand, takes the general path, without a miss: it is still an
 * int operation.  (A body's DISPATCH stays outside the do-while of such a
 * macro: in the switch strategy it is `continue`, which there would only
 * end the do-while.) */

#define BINARY_OP_INT(self, c_op)                                          \
    do {                                                                   \
        Value right = TOP(), left = SECOND(), r;                           \
        DEOPT_IF(!is_int(left) || !is_int(right), self, BINARY_OP);        \
        intptr_t c;                                                        \
        if (val_is_small(left) && val_is_small(right) &&                   \
            !c_op(small_value(left), small_value(right), &c) && small_fits(c)) \
            r = small_new(c);                                              \
        else if ((r = rt_binary_op(left, right, oparg)) == VAL_NULL)       \
            GOTO_ERROR();                                                  \
        STACK_SHRINK(1);                                                   \
        SET_TOP(r);                                                        \
        SKIP_CACHES(BINARY_OP);                                            \
    } while (0)

TARGET(BINARY_OP_ADD_INT) {
    BINARY_OP_INT(BINARY_OP_ADD_INT, __builtin_add_overflow);
    DISPATCH();
}

TARGET(BINARY_OP_SUBTRACT_INT) {
    BINARY_OP_INT(BINARY_OP_SUBTRACT_INT, __builtin_sub_overflow);
    DISPATCH();
}

TARGET(BINARY_OP_MULTIPLY_INT) {
    BINARY_OP_INT(BINARY_OP_MULTIPLY_INT, __builtin_mul_overflow);
    DISPATCH();
}

/* Two floats: + - * never raise (inf and nan are results). */
#define BINARY_OP_FLOAT(self, op)                                          \
    do {                                                                   \
        Value right = TOP(), left = SECOND();                              \
        DEOPT_IF(!is_float(left) || !is_float(right), self, BINARY_OP);    \
        STACK_SHRINK(1);                                                   \
        SET_TOP(rt_float_new(AS_FLOAT(left)->value op AS_FLOAT(right)->value)); \
        SKIP_CACHES(BINARY_OP);                                            \
    } while (0)

TARGET(BINARY_OP_ADD_FLOAT) {
    BINARY_OP_FLOAT(BINARY_OP_ADD_FLOAT, +);
    DISPATCH();
}

TARGET(BINARY_OP_SUBTRACT_FLOAT) {
    BINARY_OP_FLOAT(BINARY_OP_SUBTRACT_FLOAT, -);
    DISPATCH();
}

TARGET(BINARY_OP_MULTIPLY_FLOAT) {
    BINARY_OP_FLOAT(BINARY_OP_MULTIPLY_FLOAT, *);
    DISPATCH();
}

TARGET(BINARY_OP_ADD_UNICODE) {     /* str + str */
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!is_str(left) || !is_str(right), BINARY_OP_ADD_UNICODE, BINARY_OP);
    Value r = rt_str_concat(left, right);
    if (r == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1);
    SET_TOP(r);
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
}

/* str + str, then `LOAD_CONST k; BINARY_OP +` with k a str (the specializer
 * saw them follow): the three joined in one block and the two instructions
 * stepped over, so `"[" + body + "]"` makes no `"[" + body`.  Both
 * operands exact strs, as k is, so the second + could only have
 * concatenated.  Only the fall-through path is fused: a jump to the
 * LOAD_CONST runs it as it is. */
TARGET(BINARY_OP_ADD_UNICODE_CONST) {
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!is_str(left) || !is_str(right), BINARY_OP_ADD_UNICODE_CONST, BINARY_OP);
    SKIP_CACHES(BINARY_OP);
    Value r = rt_str_concat3(left, right, GETCONST(NEXT_INSTR_OPARG()));
    if (r == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1);
    SET_TOP(r);
    JUMPBY(1);                          /* the LOAD_CONST */
    JUMPBY(1);                          /* the second BINARY_OP */
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
}

/* int op int, then every `LOAD_CONST k; BINARY_OP op` after it while k is
 * an int and the value so far stays within 128 bits (rt_int_i128_step):
 * the LCG's `(state * A + B) % (1 << 64)` makes one int, not three.  The
 * specializer saw at least one such pair follow; the rest run as they are
 * (a result that needs GMP, x // 0) from the first pair not taken. */
TARGET(BINARY_OP_INT_CHAIN) {
    Value right = TOP(), left = SECOND(), r;
    DEOPT_IF(!is_int(left) || !is_int(right), BINARY_OP_INT_CHAIN, BINARY_OP);
    SKIP_CACHES(BINARY_OP);
#ifdef __SIZEOF_INT128__
    RtI128 acc;
    if ((val_is_small(left) && val_is_small(right) &&
         vm_small_int_op(small_value(left), small_value(right), oparg, &acc)) ||
        rt_int_i128_start(left, right, oparg, &acc)) {
        const uint16_t *u;
        while ((u = NEXT_INSTR_UNIT(), (u[0] & 0xff) == OP_LOAD_CONST) &&
               vm_base_opcode(u[1] & 0xff) == OP_BINARY_OP &&
               rt_int_i128_step(&acc, u[1] >> 8, GETCONST(NEXT_INSTR_OPARG()))) {
            JUMPBY(1);                  /* the LOAD_CONST */
            JUMPBY(1);                  /* its BINARY_OP */
            SKIP_CACHES(BINARY_OP);
        }
        r = acc >= SMALL_MIN && acc <= SMALL_MAX ? small_new((intptr_t)acc) : rt_int_from_i128(acc);
        STACK_SHRINK(1);
        SET_TOP(r);
        DISPATCH();
    }
#endif
    if ((r = rt_binary_op(left, right, oparg)) == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1);
    SET_TOP(r);
    DISPATCH();
}

/* s = s + t (or s += t) followed by STORE_FAST s, where every read of s
 * in this code object is accounted for (vm/specialize.c): if s's str is
 * owned, only the local holds it (the copy on the stack goes away here),
 * so t is appended into its block.  The STORE_FAST that follows stores
 * the same str back. */
TARGET(BINARY_OP_INPLACE_ADD_UNICODE) {
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!is_str(left) || !is_str(right), BINARY_OP_INPLACE_ADD_UNICODE, BINARY_OP);
    SKIP_CACHES(BINARY_OP);
    Value r = GETLOCAL(NEXT_INSTR_OPARG()) == left ? rt_str_append_owned(left, right)
                                                   : rt_str_concat(left, right);
    if (r == VAL_NULL)
        GOTO_ERROR();                   /* MemoryError: a big str the heap cannot give */
    STACK_SHRINK(1);
    SET_TOP(r);
    DISPATCH();
}

/* Shared with 3.12's COMPARE_OP_312 (OP).  Two small ints compare as
 * machine words: no objects, no method lookup, and the result is one of
 * the two bool singletons.  Floats, or a float and an int below 2**53
 * (exact as a double): C's comparisons are Python's, nan included. */
#define COMPARE_OP_BODY(OP)                                                \
    {                                                                      \
        ADAPTIVE(vm_specialize_compare_op(instr_, SECOND(), TOP(), oparg, frame->code)); \
        Value right = TOP(), left = SECOND(), r;                           \
        double a, b;                                                       \
        if (val_is_small(left) && val_is_small(right)) {                   \
            r = rt_bool(rt_compare_bool(left, right, oparg));              \
        } else if ((is_float(left) || is_float(right)) && vm_as_exact_double(left, &a) && \
                   vm_as_exact_double(right, &b)) {                        \
            r = rt_bool(a < b ? rt_cmp_holds(-1, oparg) : a > b ? rt_cmp_holds(1, oparg) \
                        : a == b ? rt_cmp_holds(0, oparg) : oparg == CMP_NE); \
        } else if (is_str(left) && is_str(right)) {                       \
            unsigned where_ = vm_cmp_outcomes_where_true(oparg);           \
            r = rt_bool(vm_cmp_outcome_str(left, right, where_) & where_); \
        } else if ((r = rt_richcompare(left, right, oparg)) == VAL_NULL) { \
            GOTO_ERROR();                                                  \
        }                                                                  \
        STACK_SHRINK(1);                                                   \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(COMPARE_OP) {                /* oparg: CMP_* */
    COMPARE_OP_BODY(COMPARE_OP);
}

/* COMPARE_OP_*_JUMP: a comparison and the POP_JUMP_IF that follows it, in
 * one body (CPython 3.11's superinstruction).  The outcome is one VM_CMP_*
 * bit; the cache's mask says for which outcomes the jump is taken and in
 * which direction.  No bool is pushed, and the jump instruction is stepped
 * over: its operand is read (NEXT_INSTR_OPARG), its body never runs.  The
 * specializer made this form only when the jump follows at once.  3.12's
 * forms (OP COMPARE_OP_312) have no room for the mask: they work it out
 * from the comparison and the jump's opcode, the unit after their cache. */
#define COMPARE_JUMP_MASK(OP)                                              \
    ((int)OP_##OP == OP_COMPARE_OP ? CACHE_UNITS()[1]                            \
     : vm_cmp_jump_mask_312(oparg, CACHE_UNITS()[CACHES_##OP] & 0xff))
#define COMPARE_AND_JUMP(outcome, OP)                                      \
    do {                                                                   \
        unsigned mask_ = COMPARE_JUMP_MASK(OP);                            \
        STACK_SHRINK(2);                                                   \
        SKIP_CACHES(OP);                                                   \
        int distance_ = NEXT_INSTR_OPARG();                                \
        JUMPBY(1);                      /* past the jump instruction */    \
        if ((outcome) & mask_) {                                           \
            if (mask_ & VM_JUMP_BACKWARD) {                                \
                JUMPBY(-distance_);                                        \
                CHECK_EVAL_BREAKER_BACK_EDGE(distance_);                   \
            } else {                                                       \
                JUMPBY(distance_);                                         \
            }                                                              \
        }                                                                  \
    } while (0)

#define COMPARE_OP_INT_JUMP_BODY(self, OP)      /* two small ints */        \
    {                                                                      \
        Value right = TOP(), left = SECOND();                              \
        DEOPT_IF(!val_is_small(left) || !val_is_small(right), self, OP);   \
        COMPARE_AND_JUMP(vm_cmp_outcome_int(small_value(left), small_value(right)), OP); \
        DISPATCH();                                                        \
    }

#define COMPARE_OP_FLOAT_JUMP_BODY(self, OP)    /* two floats; NaN is unordered */ \
    {                                                                      \
        Value right = TOP(), left = SECOND();                              \
        DEOPT_IF(!is_float(left) || !is_float(right), self, OP);           \
        COMPARE_AND_JUMP(vm_cmp_outcome_double(AS_FLOAT(left)->value,      \
                                               AS_FLOAT(right)->value), OP); \
        DISPATCH();                                                        \
    }

#define COMPARE_OP_STR_JUMP_BODY(self, OP)      /* two exact strs */        \
    {                                                                      \
        Value right = TOP(), left = SECOND();                              \
        DEOPT_IF(!is_str(left) || !is_str(right), self, OP);               \
        /* outside COMPARE_AND_JUMP: it reads the mask before it steps */ \
        unsigned outcome_ = vm_cmp_outcome_str(left, right, COMPARE_JUMP_MASK(OP)); \
        COMPARE_AND_JUMP(outcome_, OP);                                    \
        DISPATCH();                                                        \
    }

TARGET(COMPARE_OP_INT_JUMP) {
    COMPARE_OP_INT_JUMP_BODY(COMPARE_OP_INT_JUMP, COMPARE_OP);
}

TARGET(COMPARE_OP_FLOAT_JUMP) {
    COMPARE_OP_FLOAT_JUMP_BODY(COMPARE_OP_FLOAT_JUMP, COMPARE_OP);
}

TARGET(COMPARE_OP_STR_JUMP) {
    COMPARE_OP_STR_JUMP_BODY(COMPARE_OP_STR_JUMP, COMPARE_OP);
}

TARGET(IS_OP) {                     /* oparg 1: is not */
    Value right = POP();
    /* Identity is equality of the Value words: the same object, or the
     * same small int (ints are values, not objects, while small).  The
     * xor with oparg turns `is` into `is not`. */
    SET_TOP(rt_bool((TOP() == right) ^ oparg));
    DISPATCH();
}

TARGET(CONTAINS_OP) {               /* oparg 1: not in */
    Value container = POP();
    /* __contains__, or for a type without it a search by iteration (or
     * __getitem__ with 0, 1, 2...), as the data model says. */
    int r = rt_contains(container, TOP());
    if (r < 0)
        GOTO_ERROR();
    SET_TOP(rt_bool(r ^ oparg));
    DISPATCH();
}

/* ---- subscripts ---- */

/* A list indexed by a small non-negative int is read or written in place;
 * the unsigned comparison also rejects negative indexes, which take the
 * general path (it wraps them and raises IndexError). */

/* Shared with 3.12's BINARY_SUBSCR_312 (OP), as are the forms below. */
#define BINARY_SUBSCR_BODY(OP)                                             \
    {                                                                      \
        ADAPTIVE(vm_specialize_binary_subscr(instr_, SECOND(), TOP()));    \
        Value key = TOP(), container = SECOND(), r;                        \
        if (is_list(container) && vm_index_in(key, AS_LIST(container)->length)) { \
            r = AS_LIST(container)->items[small_value(key)];               \
        } else if (is_tuple(container) && vm_index_in(key, AS_TUPLE(container)->length)) { \
            r = AS_TUPLE(container)->items[small_value(key)];              \
        } else if ((r = rt_getitem(container, key)) == VAL_NULL) {         \
            GOTO_ERROR();                                                  \
        }                                                                  \
        STACK_SHRINK(1);                                                   \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(BINARY_SUBSCR) {
    BINARY_SUBSCR_BODY(BINARY_SUBSCR);
}

/* The specialized forms: an exact list or tuple with an index in range
 * (a negative or too large one is a miss: the base form raises or wraps),
 * an ASCII str likewise, an exact dict. */

#define BINARY_SUBSCR_SEQ_INT(self, OP, is_kind, AS_KIND)                 \
    do {                                                                   \
        Value key = TOP(), container = SECOND();                           \
        DEOPT_IF(!is_kind(container) || !vm_index_in(key, AS_KIND(container)->length), \
                 self, OP);                                                \
        STACK_SHRINK(1);                                                   \
        SET_TOP(AS_KIND(container)->items[small_value(key)]);              \
        SKIP_CACHES(OP);                                                   \
    } while (0)

TARGET(BINARY_SUBSCR_LIST_INT) {
    BINARY_SUBSCR_SEQ_INT(BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR, is_list, AS_LIST);
    DISPATCH();
}

TARGET(BINARY_SUBSCR_TUPLE_INT) {
    BINARY_SUBSCR_SEQ_INT(BINARY_SUBSCR_TUPLE_INT, BINARY_SUBSCR, is_tuple, AS_TUPLE);
    DISPATCH();
}

/* An ASCII str (every character one byte) indexed by a small
 * non-negative int: the shared one-character str, no decoding.  A
 * non-ASCII str, or an index out of range, is a miss. */
#define BINARY_SUBSCR_STR_INT(self, OP)                                    \
    do {                                                                   \
        Value key = TOP(), container = SECOND();                           \
        DEOPT_IF(!is_str(container) || !vm_index_in(key, AS_STR(container)->nbytes) || \
                 AS_STR(container)->length != AS_STR(container)->nbytes, self, OP); \
        unsigned char c = (unsigned char)AS_STR(container)->data[small_value(key)]; \
        STACK_SHRINK(1);                                                   \
        SET_TOP(rt_latin1_chars[c] ? rt_latin1_chars[c] : rt_str_from_codepoint(c)); \
        SKIP_CACHES(OP);                                                   \
    } while (0)

TARGET(BINARY_SUBSCR_STR_INT) {
    BINARY_SUBSCR_STR_INT(BINARY_SUBSCR_STR_INT, BINARY_SUBSCR);
    DISPATCH();
}

#define BINARY_SUBSCR_DICT_BODY(self, OP)                                  \
    {                                                                      \
        Value key = TOP(), container = SECOND();                           \
        DEOPT_IF(!is_dict(container), self, OP);                           \
        bool error;                                                        \
        Value r = rt_dict_get(container, key, &error);                     \
        if (r == VAL_NULL && (error || (r = rt_getitem(container, key)) == VAL_NULL)) \
            GOTO_ERROR();               /* unhashable, or the KeyError */  \
        STACK_SHRINK(1);                                                   \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(BINARY_SUBSCR_DICT) {
    BINARY_SUBSCR_DICT_BODY(BINARY_SUBSCR_DICT, BINARY_SUBSCR);
}

TARGET(STORE_SUBSCR) {              /* container[key] = value */
    ADAPTIVE(vm_specialize_store_subscr(instr_, SECOND(), TOP()));
    Value key = TOP(), container = SECOND(), v = THIRD();
    if (is_list(container) && val_is_small(key) &&
        (size_t)small_value(key) < AS_LIST(container)->length) {
        AS_LIST(container)->items[small_value(key)] = v;
    } else if (rt_setitem(container, key, v) < 0) {
        GOTO_ERROR();
    }
    STACK_SHRINK(3);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
}

TARGET(STORE_SUBSCR_LIST_INT) {
    Value key = TOP(), container = SECOND();
    DEOPT_IF(!is_list(container) || !vm_index_in(key, AS_LIST(container)->length),
             STORE_SUBSCR_LIST_INT, STORE_SUBSCR);
    AS_LIST(container)->items[small_value(key)] = THIRD();
    STACK_SHRINK(3);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
}

TARGET(STORE_SUBSCR_DICT) {
    Value container = SECOND();
    DEOPT_IF(!is_dict(container), STORE_SUBSCR_DICT, STORE_SUBSCR);
    if (!rt_dict_set(container, TOP(), THIRD()))
        GOTO_ERROR();
    STACK_SHRINK(3);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
}

TARGET(DELETE_SUBSCR) {
    if (rt_delitem(SECOND(), TOP()) < 0)
        GOTO_ERROR();
    STACK_SHRINK(2);
    DISPATCH();
}

TARGET(BUILD_SLICE) {
    /* x[a:b] builds slice(a, b, None) and subscripts with it; the
     * container interprets the slice (lists, str and tuples clip it). */
    Value step = oparg == 3 ? POP() : rt_None;
    Value stop = POP();
    SET_TOP(rt_slice_new(TOP(), stop, step));
    DISPATCH();
}

/* ---- attributes ---- */

/* LOAD_METHOD avoids creating a bound-method object for `obj.meth(...)`:
 * when the attribute is a plain function found on the type, it pushes the
 * function and obj (which becomes the first argument); otherwise NULL and
 * the attribute, and CALL sees the difference in the NULL slot. */

TARGET(LOAD_ATTR) {
    /* The whole attribute protocol is in the runtime (data descriptors on
     * the type, then the instance dict, then other class attributes, then
     * __getattr__); the names are interned, so dict probes compare
     * pointers.  Specialized forms follow. */
    ADAPTIVE(vm_specialize_load_attr(instr_, TOP(), GETNAME(oparg), frame->code));
    frame->instr = THIS_INSTR();        /* frame.f_lineno of this frame */
    Value r = rt_getattr(TOP(), GETNAME(oparg));
    if (r == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(r);
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
}

/* The specialized forms of LOAD_ATTR, STORE_ATTR and LOAD_METHOD on an
 * instance first check the type's version tag (vm/specialize.c): while it
 * is the one seen when specializing, the class and its MRO are unchanged,
 * so what the lookup found then it would find now — and the instance's
 * layout (where its dict is) is the type's.  Another type (a subclass
 * running the same method) gets a second chance: the lookup cache says
 * whether the same answer holds for it (vm_plain_instance_attr...); if it
 * does, the cache takes that type's tag, so a site that sees a few related
 * classes neither keeps missing nor keeps asking. */

/* The forms are shared with 3.12's (bytecodes_internal.h): `self` is the
 * form, OP its base instruction, whose caches it has, and `name` the
 * attribute's name (3.12's LOAD_ATTR_312 keeps it in oparg >> 1). */

/* obj.name found in the instance dict, at a known entry. */
#define LOAD_ATTR_WITH_HINT_BODY(self, OP, name)                           \
    {                                                                      \
        uint16_t *caches = CACHE_UNITS();                                  \
        Value owner = TOP();                                               \
        ObjType *type = val_type(owner);                                   \
        if (type->version_tag != vm_cache_u32(caches + 1)) {               \
            DEOPT_IF(!vm_plain_instance_attr(type, name), self, OP);       \
            vm_cache_set_u32(caches + 1, type->version_tag);               \
        }                                                                  \
        Value dict = *(Value *)((char *)val_obj(owner) + type->dict_offset); \
        Value *at = vm_instance_hint(dict, caches[3], name);               \
        DEOPT_IF(at == NULL, self, OP);                                    \
        SET_TOP(*at);                                                      \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_WITH_HINT) {
    LOAD_ATTR_WITH_HINT_BODY(LOAD_ATTR_WITH_HINT, LOAD_ATTR, GETNAME(oparg));
}

/* module.name: a global of the module, at a known entry of its dict. */
#define LOAD_ATTR_MODULE_BODY(self, OP, name)                              \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        Value owner = TOP();                                               \
        DEOPT_IF(!IS_EXACT(owner, rt_module_type), self, OP);              \
        DictEntry *e = vm_hint_entry(VAL_AS(ObjModule, owner)->dict, caches[3], name); \
        DEOPT_IF(e == NULL, self, OP);                                     \
        SET_TOP(e->value);                                                 \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_MODULE) {
    LOAD_ATTR_MODULE_BODY(LOAD_ATTR_MODULE, LOAD_ATTR, GETNAME(oparg));
}

/* obj.name, a __slots__ member: the field at a known offset of obj (an
 * empty one is a miss: the base form raises the AttributeError). */
#define LOAD_ATTR_SLOT_BODY(self, OP)                                      \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        Value owner = TOP();                                               \
        DEOPT_IF(val_type(owner)->version_tag != vm_cache_u32(caches + 1), self, OP); \
        Value v = *(Value *)((char *)val_obj(owner) + caches[3]);          \
        DEOPT_IF(v == VAL_NULL, self, OP);                                 \
        SET_TOP(v);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_SLOT) {
    LOAD_ATTR_SLOT_BODY(LOAD_ATTR_SLOT, LOAD_ATTR);
}

/* obj.name, a property of the class: its getter (a Python function,
 * kept in the code object's cache_objs, after the property) called on obj. */
#define LOAD_ATTR_PROPERTY_BODY(self, OP, name)                            \
    {                                                                      \
        uint16_t *caches = CACHE_UNITS();                                  \
        Value owner = TOP();                                               \
        ObjType *type = val_type(owner);                                   \
        Value *prop = &AS_LIST(frame->code->cache_objs)->items[caches[3]]; \
        if (type->version_tag != vm_cache_u32(caches + 1)) {               \
            DEOPT_IF(!vm_same_descr(type, name, prop[0]), self, OP);       \
            vm_cache_set_u32(caches + 1, type->version_tag);               \
        }                                                                  \
        Value r = rt_call1(prop[1], owner);                                \
        if (r == VAL_NULL)                                                 \
            GOTO_ERROR();                                                  \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_PROPERTY) {
    LOAD_ATTR_PROPERTY_BODY(LOAD_ATTR_PROPERTY, LOAD_ATTR, GETNAME(oparg));
}

/* obj.meth where the method is not called at once (`getrandbits =
 * self.getrandbits`, a callback): the function or builtin type's method
 * found on the class (kept in the code object's cache_objs) bound to obj,
 * as the generic lookup would, once the instance dict is known to lack
 * the name.  The bound method is still made: only the lookup is saved. */
#define LOAD_ATTR_BOUND_METHOD_BODY(self, OP, name)                        \
    {                                                                      \
        uint16_t *caches = CACHE_UNITS();                                  \
        Value owner = TOP();                                               \
        ObjType *type = val_type(owner);                                   \
        Value method = AS_LIST(frame->code->cache_objs)->items[caches[3]]; \
        if (type->version_tag != vm_cache_u32(caches + 1)) {               \
            DEOPT_IF(!vm_same_method(type, name, method), self, OP);       \
            vm_cache_set_u32(caches + 1, type->version_tag);               \
        }                                                                  \
        Value dict = *(Value *)((char *)val_obj(owner) + type->dict_offset); \
        DEOPT_IF(!vm_instance_lacks(dict, name), self, OP);                \
        Value r = val_type(method)->descr_get(method, owner, obj_val(type)); \
        if (r == VAL_NULL)                                                 \
            GOTO_ERROR();                                                  \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_BOUND_METHOD) {
    LOAD_ATTR_BOUND_METHOD_BODY(LOAD_ATTR_BOUND_METHOD, LOAD_ATTR, GETNAME(oparg));
}

/* obj.name, a getset descriptor of a C type found on obj's class (kept in
 * the code object's cache_objs): its getter called on obj.  Another class
 * at the site is checked as the specializer checked the first. */
#define LOAD_ATTR_GETSET_BODY(self, OP, name)                              \
    {                                                                      \
        uint16_t *caches = CACHE_UNITS();                                  \
        Value owner = TOP();                                               \
        ObjType *type = val_type(owner);                                   \
        Value descr = AS_LIST(frame->code->cache_objs)->items[caches[3]];  \
        if (type->version_tag != vm_cache_u32(caches + 1)) {               \
            DEOPT_IF(!vm_same_descr(type, name, descr) ||                  \
                     rt_getset_getter_for(descr, type) == NULL, self, OP); \
            vm_cache_set_u32(caches + 1, type->version_tag);               \
        }                                                                  \
        Value r = AS_GETSET(descr)->def->get(owner);                       \
        if (r == VAL_NULL)                                                 \
            GOTO_ERROR();                                                  \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_ATTR_GETSET) {
    LOAD_ATTR_GETSET_BODY(LOAD_ATTR_GETSET, LOAD_ATTR, GETNAME(oparg));
}

TARGET(STORE_ATTR) {                /* owner.name = value */
    ADAPTIVE(vm_specialize_store_attr(instr_, TOP(), GETNAME(oparg)));
    if (rt_setattr(TOP(), GETNAME(oparg), SECOND()) < 0)
        GOTO_ERROR();
    STACK_SHRINK(2);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
}

/* owner.name = value into the instance dict: at a known entry, or added. */
TARGET(STORE_ATTR_WITH_HINT) {
    uint16_t *caches = CACHE_UNITS();
    Value owner = TOP();
    ObjType *type = val_type(owner);
    if (type->version_tag != vm_cache_u32(caches + 1)) {
        DEOPT_IF(!vm_plain_instance_attr(type, GETNAME(oparg)), STORE_ATTR_WITH_HINT, STORE_ATTR);
        vm_cache_set_u32(caches + 1, type->version_tag);
    }
    Value *dict = (Value *)((char *)val_obj(owner) + type->dict_offset);
    if (!vm_store_values_at_hint(*dict, GETNAME(oparg), SECOND(), caches[3]) &&
        !vm_store_at_hint(dict, GETNAME(oparg), SECOND(), caches + 3))
        GOTO_ERROR();
    STACK_SHRINK(2);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
}

/* owner.name = value into a __slots__ member, at a known offset. */
TARGET(STORE_ATTR_SLOT) {
    const uint16_t *caches = CACHE_UNITS();
    Value owner = TOP();
    DEOPT_IF(val_type(owner)->version_tag != vm_cache_u32(caches + 1), STORE_ATTR_SLOT, STORE_ATTR);
    *(Value *)((char *)val_obj(owner) + caches[3]) = SECOND();
    STACK_SHRINK(2);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
}

TARGET(DELETE_ATTR) {
    if (rt_delattr(TOP(), GETNAME(oparg)) < 0)
        GOTO_ERROR();
    STACK_SHRINK(1);
    DISPATCH();
}

/* Shared with 3.12's LOAD_ATTR_312 (OP) when its low bit asks for a method:
 * `name` is the attribute's name, as for the forms below. */
#define LOAD_METHOD_BODY(OP, name)                                         \
    {                                                                      \
        Value owner = TOP(), meth;                                         \
        int r = rt_get_method(owner, name, &meth);                         \
        if (r < 0)                                                         \
            GOTO_ERROR();                                                  \
        if (r == 1) {                                                      \
            SET_TOP(meth);                                                 \
            PUSH(owner);                                                   \
        } else {                                                           \
            SET_TOP(rt_Null);                                              \
            PUSH(meth);                                                    \
        }                                                                  \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_METHOD) {
    ADAPTIVE(vm_specialize_load_method(instr_, TOP(), GETNAME(oparg)));
    LOAD_METHOD_BODY(LOAD_METHOD, GETNAME(oparg));
}

/* obj.meth(...): a function (or a builtin type's method) of the class,
 * pushed unbound with obj; the instance dict must not have the name. */
#define LOAD_METHOD_WITH_DICT_BODY(self, OP, name)                         \
    {                                                                      \
        uint16_t *caches = CACHE_UNITS();                                  \
        Value owner = TOP();                                               \
        ObjType *type = val_type(owner);                                   \
        if (type->version_tag != vm_cache_u32(caches + 1)) {               \
            DEOPT_IF(!vm_same_method(type, name, vm_cache_value(caches + 4)), self, OP); \
            vm_cache_set_u32(caches + 1, type->version_tag);               \
        }                                                                  \
        Value dict = *(Value *)((char *)val_obj(owner) + type->dict_offset); \
        DEOPT_IF(!vm_instance_lacks(dict, name), self, OP);                \
        SET_TOP(vm_cache_value(caches + 4));                               \
        PUSH(owner);                                                       \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_METHOD_WITH_DICT) {
    LOAD_METHOD_WITH_DICT_BODY(LOAD_METHOD_WITH_DICT, LOAD_METHOD, GETNAME(oparg));
}

/* The same for an instance without a dict (a list's append...). */
#define LOAD_METHOD_NO_DICT_BODY(self, OP)                                 \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        Value owner = TOP();                                               \
        DEOPT_IF(val_type(owner)->version_tag != vm_cache_u32(caches + 1), self, OP); \
        SET_TOP(vm_cache_value(caches + 4));                               \
        PUSH(owner);                                                       \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_METHOD_NO_DICT) {
    LOAD_METHOD_NO_DICT_BODY(LOAD_METHOD_NO_DICT, LOAD_METHOD);
}

/* Class.f(...): the class's function itself (no binding), NULL below it;
 * the class's own version tag guards it. */
#define LOAD_METHOD_CLASS_BODY(self, OP)                                   \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        Value owner = TOP();                                               \
        DEOPT_IF(!IS_EXACT(owner, rt_type_type) ||                         \
                 AS_TYPE(owner)->version_tag != vm_cache_u32(caches + 1), self, OP); \
        SET_TOP(rt_Null);                                                  \
        PUSH(vm_cache_value(caches + 4));                                  \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_METHOD_CLASS) {
    LOAD_METHOD_CLASS_BODY(LOAD_METHOD_CLASS, LOAD_METHOD);
}

/* module.f(...): a global of the module, at a known entry; NULL below it. */
#define LOAD_METHOD_MODULE_BODY(self, OP, name)                            \
    {                                                                      \
        const uint16_t *caches = CACHE_UNITS();                            \
        Value owner = TOP();                                               \
        DEOPT_IF(!IS_EXACT(owner, rt_module_type), self, OP);              \
        DictEntry *e = vm_hint_entry(VAL_AS(ObjModule, owner)->dict, caches[3], name); \
        DEOPT_IF(e == NULL, self, OP);                                     \
        SET_TOP(rt_Null);                                                  \
        PUSH(e->value);                                                    \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(LOAD_METHOD_MODULE) {
    LOAD_METHOD_MODULE_BODY(LOAD_METHOD_MODULE, LOAD_METHOD, GETNAME(oparg));
}

/* ---- calls ---- */

/* The 3.11 call sequence: [PUSH_NULL or LOAD_METHOD] callable args...
 * [KW_NAMES] PRECALL CALL.  Below the callable sits either rt_Null or, for
 * a method call, the function with `self` in the callable's slot; CALL
 * passes the arguments as one vector starting at self (or the first
 * argument).  A Python function does not recurse into C: its frame is
 * pushed and the loop continues in it (ENTER_FRAME); RETURN_VALUE resumes
 * the caller after the CALL's cache units. */

TARGET(KW_NAMES) {                  /* names of the next CALL's keyword args */
    kwnames = GETCONST(oparg);
    DISPATCH();
}

TARGET(PRECALL) {                   /* unpack a bound method into NULL's slot */
    /* A bound method called as `m = obj.meth; m(x)` becomes the function
     * plus self, so CALL pushes a frame for the function directly instead
     * of calling the method object (which would re-enter the loop from C). */
    ADAPTIVE(vm_specialize_precall(instr_, sp, oparg, kwnames, frame->code));
    if (PEEK(oparg + 2) == rt_Null && IS_EXACT(PEEK(oparg + 1), rt_method_type)) {
        ObjMethod *m = VAL_AS(ObjMethod, PEEK(oparg + 1));
        PEEK(oparg + 2) = m->func;
        PEEK(oparg + 1) = m->self;
    }
    SKIP_CACHES(PRECALL);
    DISPATCH();
}

/* A Python function: nothing to unpack (CALL's forms do the call). */
TARGET(PRECALL_PYFUNC) {
    DEOPT_IF(!is_function(PEEK(oparg + 1 + (PEEK(oparg + 2) != rt_Null))), PRECALL_PYFUNC,
             PRECALL);
    SKIP_CACHES(PRECALL);
    DISPATCH();
}

/* The PRECALL_NO_KW forms call a builtin themselves, without keywords, and
 * step over the CALL that follows (the specializer checked it is the next
 * code unit), as CPython 3.11's do.  Their operands are CALL's: either
 * [NULL, callable, args...] or [method, self, args...]; the result replaces
 * them all.  frame->instr names the call for the callee (warnings).  As
 * after CALL, the eval breaker is checked once the call is done: what it
 * called may have tripped a signal (_thread.interrupt_main, os.kill),
 * whose handler runs before the next instruction.
 * 3.12's CALL_NO_KW forms share their bodies (`self` the form, OP its base
 * instruction, PRECALL or CALL_312): with no CALL after them, they end
 * after CALL_312's own caches. */
#define PRECALL_OPERANDS(total, args)                                      \
    int total = oparg + (PEEK(oparg + 2) != rt_Null);                      \
    Value *args = sp - total
#define PRECALL_DONE(r, OP)                                                \
    do {                                                                   \
        if ((r) == VAL_NULL)                                               \
            GOTO_ERROR();                                                  \
        STACK_SHRINK(oparg + 1);                                           \
        SET_TOP(r);                                                        \
        SKIP_CACHES(OP);                                                   \
        if ((int)OP_##OP == OP_PRECALL) {                                  \
            JUMPBY(1);                  /* the CALL */                     \
            SKIP_CACHES(CALL);                                             \
        }                                                                  \
        CHECK_EVAL_BREAKER_AFTER_CALL();                                   \
    } while (0)

#define PRECALL_NO_KW_BUILTIN_FAST_BODY(FORM, OP)   /* f(args), f a builtin */ \
    {                                                                      \
        PRECALL_OPERANDS(total, args);                                     \
        Value callable = PEEK(total + 1);                                  \
        DEOPT_IF(!IS_EXACT(callable, rt_builtin_type) ||                   \
                 VAL_AS(ObjBuiltin, callable)->self != VAL_NULL || kwnames != VAL_NULL, \
                 FORM, OP);                                                \
        frame->instr = THIS_INSTR();                                       \
        Value r = VAL_AS(ObjBuiltin, callable)->fn(args, (size_t)total, VAL_NULL); \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_BUILTIN_FAST) {
    PRECALL_NO_KW_BUILTIN_FAST_BODY(PRECALL_NO_KW_BUILTIN_FAST, PRECALL);
}

/* obj.meth(args) for a method of obj's builtin type (str.join...): self
 * is args[0], and of the method's own type. */
#define PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST_BODY(self, OP)                \
    {                                                                      \
        PRECALL_OPERANDS(total, args);                                     \
        Value callable = PEEK(total + 1);                                  \
        DEOPT_IF(!IS_EXACT(callable, rt_method_descr_type) || total == oparg || \
                 kwnames != VAL_NULL || val_type(args[0]) != VAL_AS(ObjBuiltin, callable)->owner, \
                 self, OP);                                                \
        frame->instr = THIS_INSTR();                                       \
        Value r = VAL_AS(ObjBuiltin, callable)->fn(args, (size_t)total, VAL_NULL); \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST) {
    PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST_BODY(PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST, PRECALL);
}

#define PRECALL_NO_KW_TYPE_1_BODY(self, OP)         /* type(x) */          \
    {                                                                      \
        DEOPT_IF(PEEK(3) != rt_Null || PEEK(2) != obj_val(&rt_type_type) || oparg != 1 || \
                 kwnames != VAL_NULL, self, OP);                           \
        Value r = obj_val(val_type(TOP()));                                \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_TYPE_1) {
    PRECALL_NO_KW_TYPE_1_BODY(PRECALL_NO_KW_TYPE_1, PRECALL);
}

#define PRECALL_NO_KW_LEN_BODY(self, OP)            /* len(x) */           \
    {                                                                      \
        DEOPT_IF(PEEK(3) != rt_Null || PEEK(2) != vm_builtin_len || oparg != 1 || \
                 kwnames != VAL_NULL, self, OP);                           \
        frame->instr = THIS_INSTR();    /* __len__ may ask */              \
        ssize_t n = rt_len(TOP());                                         \
        Value r = n < 0 ? VAL_NULL : rt_int_from_i64(n);                   \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_LEN) {
    PRECALL_NO_KW_LEN_BODY(PRECALL_NO_KW_LEN, PRECALL);
}

/* isinstance(x, cls): x's exact type answers at once; anything else asks
 * the builtin (tuples of classes, __instancecheck__). */
#define PRECALL_NO_KW_ISINSTANCE_BODY(self, OP)                            \
    {                                                                      \
        DEOPT_IF(PEEK(4) != rt_Null || PEEK(3) != vm_builtin_isinstance || oparg != 2 || \
                 kwnames != VAL_NULL, self, OP);                           \
        frame->instr = THIS_INSTR();    /* __instancecheck__ may ask */    \
        Value r = obj_val(val_type(SECOND())) == TOP()                     \
                ? rt_True : VAL_AS(ObjBuiltin, vm_builtin_isinstance)->fn(sp - 2, 2, VAL_NULL); \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_ISINSTANCE) {
    PRECALL_NO_KW_ISINSTANCE_BODY(PRECALL_NO_KW_ISINSTANCE, PRECALL);
}

#define PRECALL_NO_KW_LIST_APPEND_BODY(self, OP)    /* lst.append(x), an exact list */ \
    {                                                                      \
        DEOPT_IF(PEEK(3) != vm_list_append || !is_list(SECOND()) || oparg != 1 || \
                 kwnames != VAL_NULL, self, OP);                           \
        Value r = rt_list_append(SECOND(), TOP()) ? rt_None : VAL_NULL;    \
        PRECALL_DONE(r, OP);                                               \
        DISPATCH();                                                        \
    }

TARGET(PRECALL_NO_KW_LIST_APPEND) {
    PRECALL_NO_KW_LIST_APPEND_BODY(PRECALL_NO_KW_LIST_APPEND, PRECALL);
}

/* The start of the two forms that use the str str.join has just made
 * (vm/specialize.c, "what follows str.join"): the guard (the callable is
 * str.join, self an exact str, no keywords), then the join, its result in
 * r and `made` whether it allocated r. */
#define STR_JOIN_HERE(self, r, made)                                       \
    PRECALL_OPERANDS(total, args);                                         \
    DEOPT_IF(!IS_EXACT(PEEK(total + 1), rt_method_descr_type) ||           \
             VAL_AS(ObjBuiltin, PEEK(total + 1))->fn != rt_str_join_method || \
             total != 2 || kwnames != VAL_NULL || !is_str(args[0]), self, PRECALL); \
    frame->instr = THIS_INSTR();                                           \
    bool made;                                                             \
    Value r = rt_str_join(args[0], args[1], &made)

/* sep.join(x).encode(k), 3.11 code: str.join called here, and when what it
 * returns is an ASCII str it has just made, the str becomes the bytes of
 * its encoding in its own block (rt_bytes_from_dead_str) and the join's
 * CALL, the LOAD_METHOD encode, LOAD_CONST k (when there is one), PRECALL
 * and CALL after it are stepped over: vm_plan_join_sites saw them follow,
 * k naming UTF-8, ASCII or Latin-1 (none: UTF-8), and for an ASCII text the
 * three encode alike.  Nothing but this instruction ever referred to the
 * str, so no one sees it change, and `"\n".join(lines).encode()` takes
 * one block where it took two until the next collection (regex's
 * scan_bytes: 3.4 MB each).  An item given back (a single exact str) or a
 * non-ASCII text, which encode may reject, goes on to the encode as it
 * is; so does the path of a jump to the LOAD_METHOD. */
TARGET(PRECALL_NO_KW_STR_JOIN_ENCODE) {
    STR_JOIN_HERE(PRECALL_NO_KW_STR_JOIN_ENCODE, r, made);
    if (r == VAL_NULL || !made || !AS_STR(r)->ascii) {
        PRECALL_DONE(r, PRECALL);
        DISPATCH();
    }
    STACK_SHRINK(oparg + 1);
    SET_TOP(rt_bytes_from_dead_str(r));
    SKIP_CACHES(PRECALL);
    JUMPBY(1);                          /* the join's CALL */
    SKIP_CACHES(CALL);
    JUMPBY(1);                          /* LOAD_METHOD encode */
    SKIP_CACHES(LOAD_METHOD);
    if ((*NEXT_INSTR_UNIT() & 0xff) == OP_LOAD_CONST)
        JUMPBY(1);                      /* k */
    JUMPBY(1);                          /* encode's PRECALL */
    SKIP_CACHES(PRECALL);
    JUMPBY(1);                          /* and its CALL */
    SKIP_CACHES(CALL);
    CHECK_EVAL_BREAKER_AFTER_CALL();
    DISPATCH();
}

/* `left + sep.join(x)`, and `+ k` after it (k a str constant: the pair
 * BINARY_OP_ADD_UNICODE_CONST fuses), 3.11 code: str.join called here, and
 * when what it returns is a str it has just made and rt_str_concat_into
 * can make the sum in that str's block (all exact ASCII strs, room in the
 * block), the BINARY_OP after the join's CALL, and the `LOAD_CONST k;
 * BINARY_OP +` after it if there is one, are stepped over.  Nothing but
 * this instruction ever referred to the joined str, so no one sees it
 * change; the sum takes no block of its own: records' `"[" + ", ".join(
 * ...) + "]"` of 2.3 MB made two such blocks, alive together until the
 * next collection, where CPython frees the join at once.  Anything else
 * goes on to the BINARY_OP as it is, as does the path of a jump to it. */
TARGET(PRECALL_NO_KW_STR_JOIN_CONCAT) {
    STR_JOIN_HERE(PRECALL_NO_KW_STR_JOIN_CONCAT, r, made);
    if (r == VAL_NULL || !made) {
        PRECALL_DONE(r, PRECALL);
        DISPATCH();
    }
    STACK_SHRINK(oparg + 1);
    SET_TOP(r);
    SKIP_CACHES(PRECALL);
    JUMPBY(1);                          /* the join's CALL */
    SKIP_CACHES(CALL);
    Value k = vm_str_const_added(frame->code, NEXT_INSTR_UNIT() + 1 + CACHES_BINARY_OP);
    if (rt_str_concat_into(SECOND(), r, k)) {
        STACK_SHRINK(1);
        SET_TOP(r);
        JUMPBY(1);                      /* left + the join */
        SKIP_CACHES(BINARY_OP);
        if (k != VAL_NULL) {
            JUMPBY(1);                  /* k */
            JUMPBY(1);                  /* + k */
            SKIP_CACHES(BINARY_OP);
        }
    }
    CHECK_EVAL_BREAKER_AFTER_CALL();
    DISPATCH();
}

/* The call itself, shared by CALL and 3.12's CALL_312 (bytecodes_internal.h),
 * which differ only in their caches (OP names the instruction).
 *
 * Below the oparg arguments: either [NULL, callable] or, for a method call,
 * [function, self].  In the second case self is the first of oparg + 1
 * arguments, which then start one slot lower.  KW_NAMES applies to this
 * call only.  A Python function runs in this loop: push its frame, bind the
 * arguments straight from our stack (they are copied, so the slots can be
 * popped), and continue in the callee; the caller resumes after the caches.
 * Anything else (builtins, classes, bound methods, objects with __call__)
 * goes through the type's call slot; the result replaces the two slots
 * below the arguments.  The frame records where it is, so the callee can
 * ask for its line (warnings.warn, vm_frame_info), and what it called may
 * want the loop (a signal, sys.settrace).  A block, not do { } while (0):
 * DISPATCH is `break` in the switch strategy. */
#define CALL_BODY(OP) CALL_BODY_VIA(OP, CALL_NATIVE)
/* call_native(callable, args, nargs, kwnames): how anything but a Python
 * function is called (CALL_312's warm-up: CALL_NATIVE_WARMING). */
#define CALL_BODY_VIA(OP, call_native)                                      \
    {                                                                       \
        bool is_meth = PEEK(oparg + 2) != rt_Null;                          \
        int total = oparg + is_meth;                                        \
        Value callable = PEEK(total + 1);                                   \
        Value *args = sp - total;                                           \
        Value call_kwnames = kwnames;                                       \
        kwnames = VAL_NULL;                                                 \
        if (is_function(callable)) {                                        \
            Frame *callee = vm_function_frame(AS_FUNCTION(callable), args,  \
                                              total, call_kwnames);         \
            if (callee == NULL)                                             \
                GOTO_ERROR();                                               \
            STACK_SHRINK(oparg + 2);                                        \
            SAVE_FRAME(CACHES_##OP);                                        \
            callee->previous = frame;                                       \
            frame = callee;                                                 \
            ENTER_FRAME();                                                  \
        }                                                                   \
        frame->instr = THIS_INSTR();                                        \
        Value r = call_native(callable, args, total, call_kwnames);         \
        if (r == VAL_NULL)                                                  \
            GOTO_ERROR();                                                   \
        STACK_SHRINK(oparg + 1);                                            \
        SET_TOP(r);                                                         \
        SKIP_CACHES(OP);                                                    \
        CHECK_EVAL_BREAKER_AFTER_CALL();                                    \
        DISPATCH();                                                         \
    }

TARGET(CALL) {
    ADAPTIVE(vm_specialize_call(instr_, sp, oparg, kwnames));
    CALL_BODY(CALL);
}

/* A Python function given exactly its positional parameters, or fewer
 * with defaults for the rest: the frame is filled by copying, without the
 * general binding (vm_function_frame_positional).  The guard reads the
 * function's code on every call, so an assignment to __code__ or
 * __defaults__ is a miss at once.  OP: CALL, or CALL_312 for
 * 3.12's forms. */
#define CALL_PY_POSITIONAL(self, OP, fits)                                 \
    do {                                                                   \
        bool is_meth = PEEK(oparg + 2) != rt_Null;                         \
        int total = oparg + is_meth;                                       \
        Value callable = PEEK(total + 1);                                  \
        DEOPT_IF(!is_function(callable) || kwnames != VAL_NULL ||          \
                 !fits(AS_FUNCTION(callable), total), self, OP);           \
        Frame *callee = vm_function_frame_positional(AS_FUNCTION(callable), sp - total, total); \
        if (callee == NULL)                                                \
            GOTO_ERROR();                                                  \
        STACK_SHRINK(oparg + 2);                                           \
        SAVE_FRAME(CACHES_##OP);                                           \
        callee->previous = frame;                                          \
        frame = callee;                                                    \
        ENTER_FRAME();                                                     \
    } while (0)

TARGET(CALL_PY_EXACT_ARGS) {
    CALL_PY_POSITIONAL(CALL_PY_EXACT_ARGS, CALL, vm_exact_args);
}

TARGET(CALL_PY_WITH_DEFAULTS) {
    CALL_PY_POSITIONAL(CALL_PY_WITH_DEFAULTS, CALL, vm_args_with_defaults);
}

TARGET(CALL_FUNCTION_EX) {
    /* f(*args, **kwargs) and any call mixing unpacking with other
     * arguments: the compiler has already built the positional tuple (or
     * list) and the keyword dict; the body normalises both and calls. */
    Value kwargs = (oparg & 1) ? POP() : VAL_NULL;
    if (kwargs == rt_Null)          /* 3.14 pushes NULL for no kwargs */
        kwargs = VAL_NULL;
    Value args = POP();
    Value func = TOP();
    if (!is_tuple(args)) {
        if (val_type(args)->iter == NULL && val_type(args)->getitem == NULL) {
            rt_raisef(&rt_TypeError, "%S argument after * must be an iterable, not %s",
                      vm_func_desc(func), val_type(args)->name);
            GOTO_ERROR();
        }
        if ((args = rt_sequence_to_tuple(args)) == VAL_NULL)
            GOTO_ERROR();
    }
    if (kwargs != VAL_NULL && !is_dict(kwargs)) {
        Value d = rt_dict_new();
        if (!vm_dict_merge_kwargs(d, kwargs, func))
            GOTO_ERROR();
        kwargs = d;
    }
    frame->instr = THIS_INSTR();    /* as in CALL: the callee may ask */
    vm_entry_inline = is_function(func);    /* 3.12's C budget: vm/eval.c */
    Value r = CALL_TUPLE_DICT(func, args, kwargs);
    vm_entry_inline = false;
    if (r == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1);
    SET_TOP(r);                     /* replaces the NULL below func */
    CHECK_EVAL_BREAKER_AFTER_CALL();
    DISPATCH();
}

/* The code object on top, below it one item per flag set in oparg
 * (defaults, kwdefaults, annotations, closure). */
TARGET(MAKE_FUNCTION) {
    Value fn = vm_make_function(frame, sp, oparg);
    if (fn == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(1 + __builtin_popcount(oparg & 0x0f));
    PUSH(fn);
    DISPATCH();
}

TARGET(RETURN_VALUE) {              /* the top to the caller */
    Value retval = POP();
    /* The caller is either a Python frame of this same loop invocation
     * (continue it where its CALL saved it) or C code that entered the
     * loop for this frame (a builtin's callback, a generator resumption,
     * the module): then this invocation of the loop ends. */
    bool entry = frame->entry_c != NULL;
    if (frame->obj != NULL) {           /* its frame object keeps the position */
        frame->instr = THIS_INSTR();
        vm_frame_object_exit(frame);
    }
    frame = vm_drop_frame(frame);
    if (entry)
        LEAVE_EVAL(retval);             /* back to the C caller of the loop */
    RESTORE_FRAME();
    PUSH(retval);
    DISPATCH();
}

/* ---- jumps ---- */

/* Jumps are relative to the instruction after the jump, forward or
 * backward as the opcode's name says (the oparg is unsigned).  A backward
 * jump closes a loop — JUMP_BACKWARD ends a `for` body, a
 * POP_JUMP_BACKWARD_IF_* ends a `while cond:` body — so every one of them,
 * once taken, checks the eval breaker (CHECK_EVAL_BREAKER, dispatch.h): a
 * loop that calls nothing still stops at Ctrl-C.  The one exception is
 * JUMP_BACKWARD_NO_INTERRUPT, below. */

TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
}

TARGET(JUMP_BACKWARD) {             /* the back edge of a loop: a safe point */
    JUMPBY(-oparg);
    CHECK_EVAL_BREAKER_BACK_EDGE(oparg);
    DISPATCH();
}

/* The back edge of the SEND / YIELD_VALUE loop of `yield from` and
 * `await`.  No check here, as in CPython (bpo-30039): an interrupt is
 * handled by the innermost generator, when it resumes, not by each
 * delegating frame on the way down. */
TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPBY(-oparg);
    DISPATCH();
}

/* The eight conditional jumps pop their operand and jump when it passes
 * the test in their name.  Truth costs a call (rt_truthy: __bool__,
 * __len__) except for the two bool singletons a comparison pushes, which
 * vm_jump_truth recognises first. */

TARGET(POP_JUMP_FORWARD_IF_FALSE) {
    int t = vm_jump_truth(POP());
    if (t < 0)
        GOTO_ERROR();
    if (!t)
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(POP_JUMP_FORWARD_IF_TRUE) {
    int t = vm_jump_truth(POP());
    if (t < 0)
        GOTO_ERROR();
    if (t)
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(POP_JUMP_BACKWARD_IF_FALSE) { /* a loop's back edge */
    int t = vm_jump_truth(POP());
    if (t < 0)
        GOTO_ERROR();
    if (!t) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER_BACK_EDGE(oparg);
    }
    DISPATCH();
}

TARGET(POP_JUMP_BACKWARD_IF_TRUE) { /* `while cond:` loops back */
    int t = vm_jump_truth(POP());
    if (t < 0)
        GOTO_ERROR();
    if (t) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER_BACK_EDGE(oparg);
    }
    DISPATCH();
}

TARGET(POP_JUMP_FORWARD_IF_NONE) {
    if (POP() == rt_None)
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) {
    if (POP() != rt_None)
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(POP_JUMP_BACKWARD_IF_NONE) { /* a loop's back edge */
    if (POP() == rt_None) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER_BACK_EDGE(oparg);
    }
    DISPATCH();
}

TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) { /* a loop's back edge */
    if (POP() != rt_None) {
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER_BACK_EDGE(oparg);
    }
    DISPATCH();
}

TARGET(JUMP_IF_FALSE_OR_POP) {      /* `a and b` */
    int t = rt_truthy(TOP());
    if (t < 0)
        GOTO_ERROR();
    if (t)
        STACK_SHRINK(1);
    else
        JUMPBY(oparg);
    DISPATCH();
}

TARGET(JUMP_IF_TRUE_OR_POP) {       /* `a or b` */
    int t = rt_truthy(TOP());
    if (t < 0)
        GOTO_ERROR();
    if (t)
        JUMPBY(oparg);
    else
        STACK_SHRINK(1);
    DISPATCH();
}

/* ---- iteration ---- */

/* A for-loop keeps its iterator on the stack: FOR_ITER pushes the next item
 * or, when the iterator is exhausted, pops it and jumps past the loop.
 * Exhaustion is the type's `next` slot returning VAL_NULL with no
 * exception set (or StopIteration, which is cleared): no exception object
 * is made for the common end of a loop. */

TARGET(GET_ITER) {
    Value it = rt_iter(TOP());
    if (it == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(it);
    /* A for-loop: the FOR_ITER (3.12: FOR_ITER_312) after this takes the
     * form for the iterator it is about to step (see vm_for_iter_form),
     * once per loop. */
    uint16_t *next = NEXT_INSTR_UNIT();
    int next_op = *next & 0xff, base = vm_base_opcode(next_op);
    if (base == OP_FOR_ITER || base == OP_FOR_ITER_312) {
        int form = vm_for_iter_form(it, base, base == OP_FOR_ITER ? next + 1 : NULL);
        if (form != next_op) {
            vm_specialize_for_iter(next, form);
            REFRESH_NEXT_HANDLER(next);
        }
    }
    DISPATCH();
}

/* The end of a loop.  3.11's FOR_ITER pops the iterator and jumps past
 * the loop; 3.12's FOR_ITER_312 (which has a cache unit) jumps to the
 * END_FOR that ends it with a None pushed, and END_FOR pops both (so the
 * jump's target is the one the verifier proved).  OP is the base
 * instruction; its forms below share the ending. */
#define FOR_ITER_EXHAUSTED(OP)                                             \
    do {                                                                   \
        if ((int)OP_##OP == OP_FOR_ITER)                                        \
            STACK_SHRINK(1);                                               \
        else                                                               \
            PUSH(rt_None);                                                 \
        SKIP_CACHES(OP);                                                   \
        JUMPBY(oparg);                                                     \
    } while (0)

/* The next item on top of the iterator, or at exhaustion the end above.
 * Exhausted — or failed: only StopIteration ends the loop quietly. */
#define FOR_ITER_BODY(OP)                                                  \
    {                                                                      \
        UnaryFunc next = val_type(TOP())->next;                            \
        if (next == NULL) {                                                \
            rt_raisef(&rt_TypeError, "'%s' object is not an iterator", val_type(TOP())->name); \
            GOTO_ERROR();                                                  \
        }                                                                  \
        Value item = next(TOP());                                          \
        if (item != VAL_NULL) {                                            \
            PUSH(item);                                                    \
            SKIP_CACHES(OP);                                               \
            DISPATCH();                                                    \
        }                                                                  \
        if (rt_err_occurred() && !rt_err_matches(&rt_StopIteration))     \
            GOTO_ERROR();                                                  \
        MONITOR_FOR_ITER_END(TOP());                                       \
        rt_err_clear();                                                    \
        FOR_ITER_EXHAUSTED(OP);                                            \
        DISPATCH();                                                        \
    }

TARGET(FOR_ITER) {
    /* A loop GET_ITER did not start (a comprehension's) takes its form
     * here, the first time it steps an iterator a form knows. */
    uint16_t *self = CACHE_UNITS() - 1;
    int form = vm_for_iter_form(TOP(), OP_FOR_ITER, self + 1);
    if (form != OP_FOR_ITER && form != (*self & 0xff)) {
        vm_specialize_for_iter(self, form);
        REFRESH_HANDLER(self);
    }
    FOR_ITER_BODY(FOR_ITER);
}

/* The forms for the iterators of list, tuple and range (CPython 3.12's):
 * the iterator's next step, inline.  Exhausted, the iterator lets go of
 * its sequence, as its `next` slot does. */

#define FOR_ITER_SEQUENCE(self, OP, iter_type, Iter, field, AS_KIND)       \
    {                                                                      \
        Value iter = TOP();                                                \
        DEOPT_IF(val_type(iter) != &iter_type, self, OP);                  \
        Iter *it = VAL_AS(Iter, iter);                                     \
        if (it->field != VAL_NULL) {                                       \
            if ((size_t)it->index < AS_KIND(it->field)->length) {          \
                PUSH(AS_KIND(it->field)->items[it->index++]);              \
                SKIP_CACHES(OP);                                           \
                DISPATCH();                                                \
            }                                                              \
            it->field = VAL_NULL;                                          \
        }                                                                  \
        FOR_ITER_EXHAUSTED(OP);                                            \
        DISPATCH();                                                        \
    }

TARGET(FOR_ITER_LIST) {
    FOR_ITER_SEQUENCE(FOR_ITER_LIST, FOR_ITER, rt_listiter_type, ListIter, list, AS_LIST);
}

TARGET(FOR_ITER_TUPLE) {
    FOR_ITER_SEQUENCE(FOR_ITER_TUPLE, FOR_ITER, rt_tupleiter_type, TupleIter, tuple, AS_TUPLE);
}

/* `for ch in s`, s an ASCII str: the next byte's shared one-character str
 * (made on first need, as the iterator's own step does). */
TARGET(FOR_ITER_STR_ASCII) {
    Value iter = TOP();
    DEOPT_IF(val_type(iter) != &rt_str_ascii_iter_type, FOR_ITER_STR_ASCII, FOR_ITER);
    ObjStrIter *it = VAL_AS(ObjStrIter, iter);
    if (it->str != VAL_NULL) {
        const ObjStr *s = AS_STR(it->str);
        if (it->offset < s->nbytes) {
            unsigned char c = (unsigned char)s->data[it->offset++];
            it->index++;
            PUSH(rt_latin1_chars[c] ? rt_latin1_chars[c] : rt_str_from_codepoint(c));
            SKIP_CACHES(FOR_ITER);
            DISPATCH();
        }
        it->str = VAL_NULL;
    }
    FOR_ITER_EXHAUSTED(FOR_ITER);
    DISPATCH();
}

/* `for k, v in d.items()`: the step of the items iterator and the
 * UNPACK_SEQUENCE 2 after this (stepped over, its body never runs), with
 * the key and value pushed as the unpacking would push them, the key on
 * top.  The specializer made this form only when the unpacking follows. */
TARGET(FOR_ITER_DICT_ITEMS) {
    Value iter = TOP(), key, value;
    DEOPT_IF(val_type(iter) != &rt_dictitems_iter_type, FOR_ITER_DICT_ITEMS, FOR_ITER);
    if (rt_dictitems_iter_next(iter, &key, &value)) {
        PUSH(value);
        PUSH(key);
        SKIP_CACHES(FOR_ITER);
        JUMPBY(1);                      /* past the UNPACK_SEQUENCE */
        SKIP_CACHES(UNPACK_SEQUENCE);
        DISPATCH();
    }
    if (rt_err_occurred())              /* the dict changed size */
        GOTO_ERROR();
    FOR_ITER_EXHAUSTED(FOR_ITER);
    DISPATCH();
}

#define FOR_ITER_RANGE_BODY(self, OP)       /* the values are small ints */ \
    {                                                                      \
        Value iter = TOP();                                                \
        DEOPT_IF(val_type(iter) != &rt_rangeiter_type, self, OP);          \
        RangeIter *it = VAL_AS(RangeIter, iter);                           \
        if (it->remaining == 0) {                                          \
            FOR_ITER_EXHAUSTED(OP);                                        \
            DISPATCH();                                                    \
        }                                                                  \
        it->remaining--;                                                   \
        PUSH(small_new((intptr_t)it->next));                               \
        it->next += it->step;                                              \
        SKIP_CACHES(OP);                                                   \
        DISPATCH();                                                        \
    }

TARGET(FOR_ITER_RANGE) {
    FOR_ITER_RANGE_BODY(FOR_ITER_RANGE, FOR_ITER);
}

TARGET(GET_LEN) {
    /* Only `match`: a sequence pattern checks the length before it
     * unpacks, so that `case [a, b]` fails quietly on a 3-list. */
    ssize_t n = rt_len(TOP());
    if (n < 0)
        GOTO_ERROR();
    PUSH(rt_int_from_i64(n));
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE) {
    ADAPTIVE(vm_specialize_unpack_sequence(instr_, TOP(), oparg));
    Value seq = POP();
    /* `a, b = b, a` and `for k, v in d.items()`: a tuple of the right
     * length is pushed directly, last item first, so the first item ends on
     * top where the first STORE takes it. */
    if (is_tuple(seq) && AS_TUPLE(seq)->length == (size_t)oparg) {
        for (int i = oparg; --i >= 0;)
            PUSH(AS_TUPLE(seq)->items[i]);
    } else if (is_list(seq) && AS_LIST(seq)->length == (size_t)oparg) {
        for (int i = oparg; --i >= 0;)
            PUSH(AS_LIST(seq)->items[i]);
    } else {
        if (!vm_unpack(seq, sp, oparg, 0, false))
            GOTO_ERROR();
        sp += oparg;
    }
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE_TWO_TUPLE) {     /* a, b = t */
    Value seq = TOP();
    DEOPT_IF(!is_tuple(seq) || AS_TUPLE(seq)->length != 2, UNPACK_SEQUENCE_TWO_TUPLE,
             UNPACK_SEQUENCE);
    SET_TOP(AS_TUPLE(seq)->items[1]);
    PUSH(AS_TUPLE(seq)->items[0]);
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
}

/* a, b, c = seq for an exact tuple or list of oparg items */
#define UNPACK_SEQUENCE_ITEMS(self, is_kind, AS_KIND)                      \
    do {                                                                   \
        Value seq = TOP();                                                 \
        DEOPT_IF(!is_kind(seq) || AS_KIND(seq)->length != (size_t)oparg, self, UNPACK_SEQUENCE); \
        STACK_SHRINK(1);                                                   \
        for (int i = oparg; --i >= 0;)                                     \
            PUSH(AS_KIND(seq)->items[i]);                                  \
        SKIP_CACHES(UNPACK_SEQUENCE);                                      \
    } while (0)

TARGET(UNPACK_SEQUENCE_TUPLE) {
    UNPACK_SEQUENCE_ITEMS(UNPACK_SEQUENCE_TUPLE, is_tuple, AS_TUPLE);
    DISPATCH();
}

TARGET(UNPACK_SEQUENCE_LIST) {
    UNPACK_SEQUENCE_ITEMS(UNPACK_SEQUENCE_LIST, is_list, AS_LIST);
    DISPATCH();
}

TARGET(UNPACK_EX) {                 /* a, *b, c = seq */
    /* The oparg packs two counts: targets before the starred one (low
     * byte) and after it (high byte, so EXTENDED_ARG carries it). */
    int before = oparg & 0xff, after = oparg >> 8;
    Value seq = POP();
    if (!vm_unpack(seq, sp, before, after, true))
        GOTO_ERROR();
    sp += before + after + 1;
    DISPATCH();
}

/* ---- building containers ---- */

/* Displays ([a, b], {k: v}, f"{x}...") collect their items on the stack and
 * build the container in one step; comprehensions and unpacking displays
 * ([*a, *b]) append to a container that stays oparg items down the stack
 * while the loop runs above it. */

TARGET(BUILD_TUPLE) {
    /* isinstance(x, (A, B)): the tuple's only reader is the call after
     * it, which BUILD_TUPLE_ISINSTANCE answers from the stack; so is
     * t < (a, b)'s, which BUILD_TUPLE_COMPARE answers. */
    uint16_t *next = NEXT_INSTR_UNIT();
    int form = 0;
    if (vm_base_opcode(*next & 0xff) == OP_PRECALL && (*next >> 8) == 2 &&
        PEEK(oparg + 2) == vm_builtin_isinstance && PEEK(oparg + 3) == rt_Null)
        form = OP_BUILD_TUPLE_ISINSTANCE;
    else if ((*next & 0xff) == OP_COMPARE_OP && IS_EXACT(PEEK(oparg + 1), rt_tuple_type))
        form = OP_BUILD_TUPLE_COMPARE;
    uint16_t *self = CACHE_UNITS() - 1;
    if (form != 0 && (*self & 0xff) == OP_BUILD_TUPLE) {
        vm_specialize_build_tuple(self, form);
        REFRESH_HANDLER(self);
    }
    Value t = rt_tuple_from(sp - oparg, oparg);
    STACK_SHRINK(oparg);
    PUSH(t);
    DISPATCH();
}

/* BUILD_TUPLE n, PRECALL 2, CALL 2 of the builtin isinstance: the answer
 * with no tuple made, when every item is a class whose metaclass is type
 * (no __instancecheck__ to call) and either x's type derives from one or
 * x's type is a builtin one (whose __class__ cannot claim another class).
 * Nothing can fail then; anything else builds the tuple and calls. */
TARGET(BUILD_TUPLE_ISINSTANCE) {
    DEOPT_IF(PEEK(oparg + 2) != vm_builtin_isinstance || PEEK(oparg + 3) != rt_Null,
             BUILD_TUPLE_ISINSTANCE, BUILD_TUPLE);
    Value inst = PEEK(oparg + 1);
    bool found = false;
    for (int i = oparg; i > 0; i--) {
        Value cls = PEEK(i);
        DEOPT_IF(!IS_EXACT(cls, rt_type_type), BUILD_TUPLE_ISINSTANCE, BUILD_TUPLE);
        found = found || rt_isinstance_of(inst, AS_TYPE(cls));
    }
    DEOPT_IF(!found && rt_is_heaptype(val_type(inst)), BUILD_TUPLE_ISINSTANCE, BUILD_TUPLE);
    STACK_SHRINK(oparg + 2);
    SET_TOP(rt_bool(found));
    JUMPBY(1);                          /* past the PRECALL... */
    SKIP_CACHES(PRECALL);
    JUMPBY(1);                          /* ...and the CALL */
    SKIP_CACHES(CALL);
    DISPATCH();
}

/* BUILD_TUPLE n and the plain COMPARE_OP after it, the operand below the
 * n items an exact tuple: the items are compared with it as the tuple
 * they would make (rt_tuple_compare_items), with no tuple made: the
 * (self.x, self.y) < (other.x, other.y) of a sort's __lt__.  The
 * COMPARE_OP is stepped onto before comparing, so an error is its own (its
 * traceback position), then its caches are stepped over.  Anything else
 * (a COMPARE_OP specialized since, reached by a jump) deopts to BUILD_TUPLE. */
TARGET(BUILD_TUPLE_COMPARE) {
    const uint16_t *next = NEXT_INSTR_UNIT();
    Value left = PEEK(oparg + 1);
    DEOPT_IF((*next & 0xff) != OP_COMPARE_OP || !IS_EXACT(left, rt_tuple_type),
             BUILD_TUPLE_COMPARE, BUILD_TUPLE);
    int op = *next >> 8;
    JUMPBY(1);                          /* onto the COMPARE_OP */
    Value r = rt_tuple_compare_items(left, sp - oparg, (size_t)oparg, op);
    if (r == VAL_NULL)
        GOTO_ERROR();
    SKIP_CACHES(COMPARE_OP);
    STACK_SHRINK(oparg);
    SET_TOP(r);
    DISPATCH();
}

TARGET(BUILD_LIST) {
    Value l = rt_list_from(sp - oparg, oparg);
    STACK_SHRINK(oparg);
    PUSH(l);
    DISPATCH();
}

TARGET(BUILD_SET) {
    /* Added deepest first, i.e. in source order: with equal elements the
     * first one written is the one kept, as in CPython. */
    Value s = rt_set_new();
    for (int i = oparg; i > 0; i--)
        if (!rt_set_add(s, PEEK(i)))
            GOTO_ERROR();
    STACK_SHRINK(oparg);
    PUSH(s);
    DISPATCH();
}

TARGET(BUILD_MAP) {
    Value d = rt_dict_new_sized((size_t)oparg);
    for (int i = oparg; i > 0; i--)
        if (!rt_dict_set(d, PEEK(2 * i), PEEK(2 * i - 1)))
            GOTO_ERROR();
    STACK_SHRINK(2 * oparg);
    PUSH(d);
    DISPATCH();
}

TARGET(BUILD_CONST_KEY_MAP) {
    /* {'a': x, 'b': y}: when every key is a constant the compiler stores
     * them as one tuple constant, so only the values are on the stack. */
    Value keys = TOP();
    if (!is_tuple(keys) || rt_tuple_len(keys) != (size_t)oparg) {
        rt_raisef(&rt_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        GOTO_ERROR();
    }
    Value d = rt_dict_from_const_keys(keys, &PEEK(oparg + 1));
    if (d == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(oparg + 1);
    PUSH(d);
    DISPATCH();
}

TARGET(BUILD_STRING) {
    Value s = vm_build_string(sp - oparg, oparg);
    if (s == VAL_NULL)
        GOTO_ERROR();
    STACK_SHRINK(oparg);
    PUSH(s);
    DISPATCH();
}

/* The container these instructions add to was built by an earlier
 * BUILD_* of the same comprehension or display: only a crafted .pyc can
 * put something else there, and the verifier does not track types, so
 * each checks it with one type compare (vm_operand_is: SystemError). */

TARGET(LIST_APPEND) {
    /* The body of a list comprehension: the list being built sits oparg
     * slots down, under the iterator(s) of its for clauses. */
    Value v = POP(), list = PEEK(oparg);
    if (!is_list(list) && !vm_operand_is(list, &rt_list_type, OP_LIST_APPEND))
        GOTO_ERROR();
    if (!rt_list_append(list, v))
        GOTO_ERROR();
    DISPATCH();
}

TARGET(SET_ADD) {
    Value v = POP(), set = PEEK(oparg);
    if (!IS_EXACT(set, rt_set_type) && !vm_operand_is(set, &rt_set_type, OP_SET_ADD))
        GOTO_ERROR();
    if (!rt_set_add(set, v))
        GOTO_ERROR();
    DISPATCH();
}

TARGET(MAP_ADD) {
    Value v = POP(), k = POP(), dict = PEEK(oparg);
    if (!is_dict(dict) && !vm_operand_is(dict, &rt_dict_type, OP_MAP_ADD))
        GOTO_ERROR();
    if (!rt_dict_set(dict, k, v))
        GOTO_ERROR();
    DISPATCH();
}

TARGET(LIST_EXTEND) {
    Value iterable = POP();
    if (!vm_operand_is(PEEK(oparg), &rt_list_type, OP_LIST_EXTEND))
        GOTO_ERROR();
    if (!rt_list_extend(PEEK(oparg), iterable)) {
        if (rt_err_matches(&rt_TypeError) && val_type(iterable)->iter == NULL &&
            val_type(iterable)->getitem == NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "Value after * must be an iterable, not %s",
                      val_type(iterable)->name);
        }
        GOTO_ERROR();
    }
    DISPATCH();
}

TARGET(SET_UPDATE) {
    Value iterable = POP();
    if (!vm_operand_is(PEEK(oparg), &rt_set_type, OP_SET_UPDATE) ||
        !rt_set_update(PEEK(oparg), iterable))   /* in bulk, as CPython: same order */
        GOTO_ERROR();
    DISPATCH();
}

TARGET(DICT_UPDATE) {               /* {**a}: any mapping, by keys() and [] */
    Value update = POP();
    if (!vm_operand_is(PEEK(oparg), &rt_dict_type, OP_DICT_UPDATE))
        GOTO_ERROR();
    if (!rt_dict_merge(PEEK(oparg), update)) {
        if (rt_err_matches(&rt_AttributeError)) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "'%s' object is not a mapping", val_type(update)->name);
        }
        GOTO_ERROR();
    }
    DISPATCH();
}

/* f(**a): the callable, `func_depth` items down once the map is popped,
 * names the errors. */
#define DICT_MERGE_BODY(func_depth)                                         \
    {                                                                       \
        Value update = POP();                                               \
        if (!vm_operand_is(PEEK(oparg), &rt_dict_type, OP_DICT_MERGE) ||    \
            !vm_dict_merge_kwargs(PEEK(oparg), update, PEEK(func_depth)))   \
            GOTO_ERROR();                                                   \
        DISPATCH();                                                         \
    }

TARGET(DICT_MERGE) DICT_MERGE_BODY(oparg + 2)

TARGET(LIST_TO_TUPLE) {
    /* (*a, *b) is built as a list (its length is unknown until the end),
     * then turned into a tuple. */
    if (!vm_operand_is(TOP(), &rt_list_type, OP_LIST_TO_TUPLE))
        GOTO_ERROR();
    SET_TOP(rt_list_as_tuple(TOP()));
    DISPATCH();
}

TARGET(FORMAT_VALUE) {              /* an f-string field */
    Value spec = (oparg & 4) ? POP() : VAL_NULL;
    Value s = vm_format_value(TOP(), oparg, spec);
    if (s == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(s);
    DISPATCH();
}

/* ---- exceptions ---- */

/* Raising jumps to the unwinder (GOTO_ERROR); the exception table (eval.c)
 * picks the handler.  A handler starts with PUSH_EXC_INFO, which makes the
 * exception "being handled" (sys.exc_info) and saves the previous one on
 * the stack; POP_EXCEPT restores it when the handler ends.  RERAISE and a
 * bare `raise` keep the traceback: they use GOTO_UNWIND, which adds no
 * traceback entry. */

TARGET(RAISE_VARARGS) {
    Value cause = oparg == 2 ? POP() : VAL_NULL;
    if (oparg == 0) {
        Value handled = vm_handled_exception();
        if (handled == rt_None) {
            rt_raisef(&rt_RuntimeError, "No active exception to reraise");
            GOTO_ERROR();
        }
        rt_raise(handled);          /* keeps its traceback: no new entry */
        GOTO_UNWIND();
    }
    /* A fresh raise is chained to the exception being handled, even inside
     * a generator into which something was thrown earlier. */
    vm_thrown_exc = VAL_NULL;
    vm_do_raise(POP(), cause);
    GOTO_ERROR();
}

TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(obj_val(&rt_AssertionError));
    DISPATCH();
}

TARGET(PUSH_EXC_INFO) {             /* entering a handler */
    /* The previously handled exception is kept on the value stack, not in
     * a C variable, so handlers nest (an except inside an except) and a
     * generator suspended inside a handler keeps it in its frame. */
    Value e = TOP();
    if (!vm_operand_is_exception(e, false, OP_PUSH_EXC_INFO))
        GOTO_ERROR();
    SET_TOP(vm_exc_info->exc);
    PUSH(e);
    vm_exc_info->exc = e;
    DISPATCH();
}

TARGET(POP_EXCEPT) {                /* leaving a handler */
    /* Also reached on the way out of a handler by an exception (through
     * the exception table's cleanup entries), so sys.exc_info() is right
     * in the outer code whatever way the handler ended.  What it restores
     * is what PUSH_EXC_INFO saved, unless the bytecode is crafted: it must
     * be an exception or None, since sys.exc_info() and `raise` use it. */
    if (!vm_operand_is_exception(TOP(), true, OP_POP_EXCEPT))
        GOTO_ERROR();
    vm_exc_info->exc = POP();
    DISPATCH();
}

TARGET(CHECK_EXC_MATCH) {
    Value match = POP();
    if (!vm_valid_except_type(match)) {
        rt_raisef(&rt_TypeError, "catching classes that do not inherit from "
                  "BaseException is not allowed");
        GOTO_ERROR();
    }
    bool matches = rt_exc_matches(TOP(), match);
    PUSH(rt_bool(matches));
    DISPATCH();
}

/* Re-raise, keeping the traceback.  The handler is
 * looked up from the RERAISE itself (CPython uses INSTR_OFFSET here too);
 * the saved lasti below the exception only restores CPython's f_lasti,
 * which pvm does not expose. */
TARGET(RERAISE) {
    rt_raise(POP());
    GOTO_UNWIND();
}

/* ---- module-level odds and ends ---- */

/* Imports are the loader's business (loader/import.c); these bodies only
 * move their operands between the stack and it. */

TARGET(SETUP_ANNOTATIONS) {         /* create __annotations__ in the locals */
    /* The locals may be any mapping (a metaclass's __prepare__). */
    Value name = rt_str_intern_cstr("__annotations__"), ann;
    int found = vm_locals_get(frame, name, &ann);
    if (found < 0)
        GOTO_ERROR();
    if (frame->locals == VAL_NULL) {
        rt_raisef(&rt_SystemError, "no locals found when setting up annotations");
        GOTO_ERROR();
    }
    if (found == 0 && rt_setitem(frame->locals, name, rt_dict_new()) < 0)
        GOTO_ERROR();
    DISPATCH();
}

TARGET(PRINT_EXPR) {                /* the interactive echo: sys.displayhook */
    if (!vm_print_expr(POP()))
        GOTO_ERROR();
    DISPATCH();
}

TARGET(IMPORT_NAME) {
    /* `import a.b` pushes the top package a (bound to the name a);
     * `from a.b import c` (fromlist non-None) pushes a.b itself, which
     * IMPORT_FROM then reads c from.  level > 0 is a relative import. */
    Value fromlist = POP();
    Value level = TOP();
    if (!val_is_small(level)) {         /* a constant int, unless crafted */
        rt_raisef(&rt_SystemError, "IMPORT_NAME: the level is a %s, not an int",
                  val_type(level)->name);
        GOTO_ERROR();
    }
    frame->instr = THIS_INSTR();        /* a module's import-time warning names this line */
    Value module = ld_import_statement(GETNAME(oparg), frame->globals, fromlist,
                                       (int)small_value(level));
    if (module == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(module);
    DISPATCH();
}

TARGET(IMPORT_FROM) {
    Value attr = ld_import_from(TOP(), GETNAME(oparg));
    if (attr == VAL_NULL)
        GOTO_ERROR();
    PUSH(attr);
    DISPATCH();
}

TARGET(IMPORT_STAR) {               /* names into the locals */
    Value module = POP();
    if (ld_import_star(module, frame->locals) < 0)
        GOTO_ERROR();
    DISPATCH();
}

TARGET(LOAD_BUILD_CLASS) {
    /* `class C(B): body` is a call: __build_class__(body_function, 'C', B),
     * which runs the body (vm_run_class_body) and calls the metaclass. */
    Value bc;
    int found = vm_load_builtin(frame, RT_NAME("__build_class__"), &bc);
    if (found <= 0) {
        if (found == 0)
            rt_raisef(&rt_NameError, "__build_class__ not found");
        GOTO_ERROR();
    }
    PUSH(bc);
    DISPATCH();
}

/* ---- generators and coroutines ---- */

/* A generator is a frame that outlives its call.  RETURN_GENERATOR moves
 * the frame to the heap and hands back the generator object; each
 * resumption (vm_gen_resume) runs that frame as the entry frame of a
 * nested loop invocation, and YIELD_VALUE leaves that invocation with the
 * yielded value, saving the frame's registers for the next send().
 * `yield from` and `await` are a SEND / YIELD_VALUE loop that forwards
 * values to the inner iterator until it returns. */

/* The first instruction of a generator's code: the call returns
 * a new generator owning a heap copy of this frame, which resumes at the
 * next instruction (a POP_TOP of the first, always None, sent value). */
TARGET(RETURN_GENERATOR) {
    Frame *heap = vm_frame_to_heap(frame, sp);
    frame_save(heap, THIS_INSTR(), 0, frame_saved_sp(heap));
    Value gen = rt_gen_new(heap);
    bool entry = frame->entry_c != NULL;
    frame = vm_leave_frame(frame);
    if (entry)
        LEAVE_EVAL(gen);
    int next_op = *frame_resume_instr(frame) & 0xff;
    if (next_op == OP_GET_ITER || next_op == OP_GET_AITER)     /* for x in g(): */
        VAL_AS(ObjGen, gen)->loop_owned = true;
    RESTORE_FRAME();
    PUSH(gen);
    DISPATCH();
}

/* Suspend the generator: its resumer (gen.c) gets the value; the next
 * send() pushes the sent value and continues after this. */
TARGET(YIELD_VALUE) {
    Value v = POP();
    SAVE_FRAME(0);
    frame->gen->state = GEN_SUSPENDED;
    vm_depth--;
    vm_running = frame->previous;
    LEAVE_EVAL(v);
}

TARGET(GET_YIELD_FROM_ITER) {       /* for `yield from` */
    Value v = TOP();
    /* Generators and coroutines are driven as they are (SEND resumes their
     * frames); anything else is replaced by iter(v).  A coroutine may only
     * be delegated to from a coroutine (or a @types.coroutine generator). */
    if (IS_EXACT(v, rt_coroutine_type)) {
        if (!(frame->code->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
            rt_raisef(&rt_TypeError, "cannot 'yield from' a coroutine object in a "
                      "non-coroutine generator");
            GOTO_ERROR();
        }
    } else if (!IS_EXACT(v, rt_generator_type)) {
        Value it = rt_iter(v);
        if (it == VAL_NULL)
            GOTO_ERROR();
        SET_TOP(it);
    }
    DISPATCH();
}

/* Send the value into the receiver: push what it yields, or when it
 * returns, replace it by the result and jump past the yield-from loop. */
TARGET(SEND) {
    Value v = POP(), r;
    /* gen.c sends to a generator or coroutine by resuming its frame (a
     * nested loop invocation); other iterators get next() or send(). */
    int status = rt_iter_send(TOP(), v, &r);
    if (status == SEND_ERROR)
        GOTO_ERROR();
    if (status == SEND_RETURN) {
        TRACE_SEND_RETURN(r);           /* the tracing loop: an "exception" event */
        SET_TOP(r);
        JUMPBY(oparg);
        DISPATCH();
    }
    PUSH(r);
    DISPATCH();
}

/* The iterator `await obj` drives; oparg 1/2: the object
 * came from __aenter__/__aexit__ (for the error message). */
TARGET(GET_AWAITABLE) {
    Value it = vm_get_awaitable(TOP(), oparg);
    if (it == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(it);
    DISPATCH();
}

TARGET(ASYNC_GEN_WRAP) {            /* an async generator's yield */
    /* An async generator's frame yields both awaited values (passed up to
     * the event loop) and its own items; wrapping marks the items, so
     * gen.c can tell the two apart. */
    SET_TOP(rt_async_gen_wrap(TOP()));
    DISPATCH();
}

TARGET(GET_AITER) {                 /* `async for` */
    Value it = vm_get_aiter(TOP());
    if (it == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(it);
    DISPATCH();
}

TARGET(GET_ANEXT) {
    Value aw = vm_get_anext(TOP());
    if (aw == VAL_NULL)
        GOTO_ERROR();
    PUSH(aw);
    DISPATCH();
}

/* The end of `async for`: StopAsyncIteration ends
 * the loop, anything else is re-raised. */
TARGET(END_ASYNC_FOR) {
    Value e = POP();
    if (rt_isinstance_of(e, &rt_StopAsyncIteration)) {
        STACK_SHRINK(1);
        DISPATCH();
    }
    rt_raise(e);
    GOTO_UNWIND();
}

/* ---- with-statements ---- */

/* `with m as x:` — BEFORE_WITH leaves the bound __exit__ on the stack under
 * the result of __enter__().  A normal exit calls __exit__(None, None,
 * None) with ordinary CALL instructions; an exception goes through the
 * exception table to WITH_EXCEPT_START, whose result decides (in the
 * bytecode that follows) whether the exception is swallowed. */

TARGET(BEFORE_WITH) {
    Value r = vm_enter_exit(&TOP(), false);
    if (r == VAL_NULL)
        GOTO_ERROR();
    PUSH(r);
    DISPATCH();
}

TARGET(BEFORE_ASYNC_WITH) {
    Value r = vm_enter_exit(&TOP(), true);
    if (r == VAL_NULL)
        GOTO_ERROR();
    PUSH(r);
    DISPATCH();
}

/* The with body raised: push exit(type(exc), exc, exc.__traceback__).
 * oparg 1 (3.14, whose LOAD_SPECIAL left __exit__ as (meth, self|NULL)):
 * the exit is PEEK(5), its self PEEK(4) unless NULL. */
TARGET(WITH_EXCEPT_START) {
    Value e = TOP();
    if (!vm_operand_is_exception(e, false, OP_WITH_EXCEPT_START))
        GOTO_ERROR();
    Value args[4] = { PEEK(4), obj_val(val_type(e)), e, AS_EXC(e)->traceback };
    bool self = oparg == 1 && PEEK(4) != rt_Null;
    Value r = rt_call(oparg == 1 ? PEEK(5) : PEEK(4), args + !self, 3 + self, VAL_NULL);
    if (r == VAL_NULL)
        GOTO_ERROR();
    PUSH(r);
    DISPATCH();
}

/* ---- pattern matching ---- */

/* `match` compiles to tests that push a bool (MATCH_MAPPING,
 * MATCH_SEQUENCE) or a tuple of extracted values, None meaning "no match"
 * (MATCH_KEYS, MATCH_CLASS); the compiler's own jumps do the rest.  The
 * rules about which types count as sequences and which keys or attributes
 * match live in eval.c (vm_match_keys, vm_match_class). */

TARGET(MATCH_MAPPING) {
    /* dict, mappingproxy and the classes derived from or registered with
     * collections.abc.Mapping (TF_MATCH_MAPPING). */
    Value b = rt_bool((val_type(TOP())->flags & TF_MATCH_MAPPING) != 0);
    PUSH(b);
    DISPATCH();
}

TARGET(MATCH_SEQUENCE) {
    Value b = rt_bool(vm_is_match_sequence(TOP()));
    PUSH(b);
    DISPATCH();
}

/* Push a tuple of subject[k] for each key, or None when one is missing. */
TARGET(MATCH_KEYS) {
    if (!vm_operand_is(TOP(), &rt_tuple_type, OP_MATCH_KEYS))
        GOTO_ERROR();
    Value values = vm_match_keys(SECOND(), TOP());
    if (values == VAL_NULL)
        GOTO_ERROR();
    PUSH(values);
    DISPATCH();
}

/* Replace the subject by a tuple of the oparg positional then the named
 * attributes, or None when it does not match. */
TARGET(MATCH_CLASS) {
    Value names = POP(), type = POP();
    if (!vm_operand_is_names(names, OP_MATCH_CLASS))
        GOTO_ERROR();
    Value attrs = vm_match_class(TOP(), type, oparg, names);
    if (attrs == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(attrs);
    DISPATCH();
}

/* `except* T:` splits an exception group into the part that matches T (which
 * the clause handles, and which becomes the exception being handled) and the
 * rest (which the next clause sees): None once an earlier clause took it all.  */
TARGET(CHECK_EG_MATCH) {
    Value type = POP(), match, rest;
    if (!vm_operand_is_exception(TOP(), true, OP_CHECK_EG_MATCH) ||
        rt_eg_check_type(type) < 0 || rt_eg_match(TOP(), type, &match, &rest) < 0)
        GOTO_ERROR();
    if (match == rt_None) {
        PUSH(match);
        DISPATCH();
    }
    SET_TOP(rest);
    PUSH(match);
    vm_exc_info->exc = match;
    DISPATCH();
}

/* After the except* clauses: combine what they
 * raised or re-raised with what none of them handled into the one exception
 * (group) to propagate, or None when everything was handled. */
TARGET(PREP_RERAISE_STAR) {
    Value excs = POP();
    if (!vm_check_reraise_star(TOP(), excs))
        GOTO_ERROR();
    Value val = rt_prep_reraise_star(TOP(), excs);
    if (val == VAL_NULL)
        GOTO_ERROR();
    SET_TOP(val);
    DISPATCH();
}

/* CACHE is never executed (bodies skip their caches, and the verifier
 * rejects code that would reach one).  The threaded strategy also puts it
 * after the last instruction, for running off the end. */
TARGET(CACHE) {
    vm_bad_opcode(OP_CACHE);
    GOTO_ERROR();
}

/* The internal instructions of translated 3.12 code. */
#include "vm/bytecodes_internal.h"
