/*
 * opcodes_internal.h — pvm's internal instructions: what the loop runs for
 * the CPython 3.12 and 3.13 instructions that have no 3.11 equivalent.
 *
 * pvm runs one instruction set, 3.11's (vm/opcodes.h).  A 3.12 code object
 * is translated once, when it is loaded (vm/translate.c), into a copy of
 * its code units that this loop can run: most 3.12 instructions are 3.11's
 * under the same or another number (POP_JUMP_IF_FALSE is 3.11's
 * POP_JUMP_FORWARD_IF_FALSE, YIELD_VALUE moved from 86 to 150), a few
 * constant CALL_INTRINSIC_1/2 forms are 3.11 instructions (UNARY_POSITIVE,
 * LIST_TO_TUPLE, ASYNC_GEN_WRAP, PREP_RERAISE_STAR), and the rest become
 * the instructions below.
 *
 * The translation keeps every instruction at its offset, with as many
 * inline cache units as 3.12 gives it, so that the exception table, the
 * line table, jumps, tracebacks and f_lasti mean the same in the copy and
 * in co_code.  That is why a 3.12 instruction whose 3.11 counterpart has
 * a different number of caches (LOAD_GLOBAL 4, not 5; CALL 3, not 4 and
 * no PRECALL; LOAD_ATTR 9 with the method bit of 3.11's LOAD_METHOD) has
 * an internal form of its own here, the `_312` ones.
 *
 * Numbers: from 232 up for 3.12's, from 214 to 231 for 3.13's, clear of
 * 3.11's opcodes (up to 176) and of the numbers pvm gives its specialized
 * forms (181 on).  They are never valid
 * in a 3.11 code object (the verifier refuses them there, vm/verify.c).
 *
 * X(name, number, caches, operand kind, popped, pushed, effect), the
 * columns of PVM_OPCODES (vm/opcodes.h).  LOAD_SUPER_ATTR's name is
 * oparg >> 2, LOAD_GLOBAL_312's and LOAD_ATTR_312's oparg >> 1.
 *
 * 3.13 (vm/opcodes313.h) adds the `_313` forms: its calls find the NULL
 * above the callable, not below it, and its jumps, CONTAINS_OP and TO_BOOL
 * have caches; and the instructions 3.13 introduced.  LOCAL2 is an operand
 * of two 4-bit local indexes, oparg >> 4 and oparg & 15.
 *
 * 3.14 (vm/opcodes314.h) runs 3.13's forms, plus the three instructions
 * it introduced that no other one does (252-255: BUILD_TEMPLATE and
 * BUILD_INTERPOLATION share TEMPLATE_STRING, 255); the rest of 3.14's
 * changes are oparg and cache rewrites in vm/translate.c.
 */
#ifndef PVM_OPCODES_INTERNAL_H
#define PVM_OPCODES_INTERNAL_H

#define PVM_INTERNAL(X) \
    X(END_FOR,                      232, 0, NONE,  2,         0,            "(iter value --)") /* the end of a for loop: FOR_ITER_312 jumps here when exhausted */ \
    X(END_SEND,                     233, 0, NONE,  2,         1,            "(recv value -- value)") /* the end of a yield-from loop: drop the receiver */ \
    X(BINARY_SLICE,                 234, 0, NONE,  3,         1,            "(container start stop -- value)") /* container[start:stop] */ \
    X(STORE_SLICE,                  235, 0, NONE,  4,         0,            "(value container start stop --)") /* container[start:stop] = value */ \
    X(CLEANUP_THROW,                236, 0, NONE,  3,         2,            "(sub_iter last_sent exc -- None value)") /* a throw() into a yield from: StopIteration's value, else re-raise */ \
    X(LOAD_LOCALS,                  237, 0, NONE,  0,         1,            "(-- locals)") /* the frame's locals mapping */ \
    X(RETURN_CONST,                 238, 0, CONST, 0,         0,            "(--)") /* return co_consts[oparg] */ \
    X(LOAD_FAST_AND_CLEAR,          239, 0, LOCAL, 0,         1,            "(-- value)") /* localsplus[oparg] (maybe unbound), then unbind it */ \
    X(LOAD_SUPER_ATTR,              240, 1, NAME,  3,         1 + (oparg & 1), "(super class self -- [NULL] attr)") /* super(class, self).name; oparg & 2: with arguments; & 1: for a call */ \
    X(CALL_INTRINSIC_1,             241, 0, ARG,   1,         1,            "(x -- result)") /* intrinsic function oparg (vm/intrinsics.c) */ \
    X(CALL_INTRINSIC_2,             242, 0, ARG,   2,         1,            "(x y -- result)") /* intrinsic function oparg of two arguments */ \
    X(LOAD_FROM_DICT_OR_GLOBALS,    243, 0, NAME,  1,         1,            "(mapping -- value)") /* mapping[name], else a global or builtin */ \
    X(LOAD_FROM_DICT_OR_DEREF,      244, 0, FREE,  1,         1,            "(mapping -- value)") /* mapping[name], else the cell's contents */ \
    X(LOAD_GLOBAL_312,              245, 4, NAME,  0,         1 + (oparg & 1), "(-- [NULL] value)") /* LOAD_GLOBAL with 3.12's 4 caches */ \
    X(COMPARE_OP_312,               246, 1, COMPARE, 2,       1,            "(left right -- result)") /* COMPARE_OP with 1 cache (oparg already >> 4) */ \
    X(BINARY_SUBSCR_312,            247, 1, NONE,  2,         1,            "(container key -- value)") /* BINARY_SUBSCR with 1 cache */ \
    X(LOAD_ATTR_312,                248, 9, NAME,  1,         1 + (oparg & 1), "(obj -- [meth|NULL] value|obj)") /* obj.name; oparg & 1: as LOAD_METHOD */ \
    X(CALL_312,                     249, 3, ARG,   oparg + 2, 1,            "(NULL callable args[oparg] -- result), or (meth self args[oparg] -- result)") /* CALL with 3 caches and no PRECALL */ \
    X(FOR_ITER_312,                 250, 1, JFWD,  1,         2,            "(iter -- iter next), jump: (iter -- iter None)") /* at exhaustion jump to the END_FOR */ \
    X(SEND_312,                     251, 1, JFWD,  2,         2,            "(recv value -- recv yielded), jump: (recv value -- recv result)") /* on return jump to the END_SEND */ \
    X(TO_BOOL,                      214, 3, NONE,  1,         1,            "(value -- bool)") /* 3.13: bool(value), before a jump or UNARY_NOT */ \
    X(LOAD_FAST_LOAD_FAST,          215, 0, LOCAL2, 0,        2,            "(-- first second)") /* 3.13: localsplus[oparg >> 4], then localsplus[oparg & 15] */ \
    X(STORE_FAST_LOAD_FAST,         216, 0, LOCAL2, 1,        1,            "(x -- value)") /* 3.13: localsplus[oparg >> 4] = x, then push localsplus[oparg & 15] */ \
    X(STORE_FAST_STORE_FAST,        217, 0, LOCAL2, 2,        0,            "(second first --)") /* 3.13: localsplus[oparg >> 4] = first, localsplus[oparg & 15] = second */ \
    X(CALL_313,                     218, 3, ARG,   oparg + 2, 1,            "(callable NULL args[oparg] -- result), or (meth self args[oparg] -- result)") /* 3.13's CALL: NULL above the callable */ \
    X(CALL_KW_313,                  219, 0, ARG,   oparg + 3, 1,            "(callable NULL|self args[oparg] kwnames -- result)") /* 3.13: the last len(kwnames) args are keywords */ \
    X(CALL_FUNCTION_EX_313,         220, 0, ARG,   3 + (oparg & 1), 1,      "(func NULL args [kwargs] -- result)") /* 3.13's f(*args, **kwargs) */ \
    X(SET_FUNCTION_ATTRIBUTE,       221, 0, ARG,   2,         1,            "(attr func -- func)") /* 3.13: defaults (1), kwdefaults (2), annotations (4) or closure (8) */ \
    X(LOAD_GLOBAL_313,              222, 4, NAME,  0,         1 + (oparg & 1), "(-- value [NULL])") /* 3.13: the NULL after the value */ \
    X(LOAD_ATTR_313,                223, 9, NAME,  1,         1 + (oparg & 1), "(obj -- value|meth [NULL|self])") /* 3.13: oparg & 1 pushes meth self, or attr NULL */ \
    X(LOAD_SUPER_ATTR_313,          224, 1, NAME,  3,         1 + (oparg & 1), "(super class self -- attr [NULL])") /* 3.13's super().name */ \
    X(CONTAINS_OP_313,              225, 1, ARG,   2,         1,            "(left right -- bool)") /* CONTAINS_OP with 1 cache */ \
    X(JUMP_BACKWARD_313,            226, 1, JBACK, 0,         0,            "(--)") /* JUMP_BACKWARD with 1 cache */ \
    X(POP_JUMP_IF_FALSE_313,        227, 1, JFWD,  1,         0,            "(x --)") /* POP_JUMP_FORWARD_IF_FALSE with 1 cache */ \
    X(POP_JUMP_IF_TRUE_313,         228, 1, JFWD,  1,         0,            "(x --)") /* POP_JUMP_FORWARD_IF_TRUE with 1 cache */ \
    X(POP_JUMP_IF_NONE_313,         229, 1, JFWD,  1,         0,            "(x --)") /* POP_JUMP_FORWARD_IF_NONE with 1 cache */ \
    X(POP_JUMP_IF_NOT_NONE_313,     230, 1, JFWD,  1,         0,            "(x --)") /* POP_JUMP_FORWARD_IF_NOT_NONE with 1 cache */ \
    X(DICT_MERGE_313,               231, 0, ARG,   oparg + 4, oparg + 3,    "(func NULL unused dict unused[oparg-1] map -- func NULL unused dict unused[oparg-1])") /* 3.13's f(**map) */ \
    X(LOAD_SMALL_INT,               252, 0, ARG,   0,         1,            "(-- int)") /* 3.14: the int oparg (0..255) */ \
    X(LOAD_COMMON_CONSTANT,         253, 0, ARG,   0,         1,            "(-- value)") /* 3.14: AssertionError, NotImplementedError, tuple, all or any (oparg 0..4) */ \
    X(LOAD_SPECIAL,                 254, 0, ARG,   1,         2,            "(owner -- meth NULL)") /* 3.14: __enter__, __exit__, __aenter__ or __aexit__ (oparg 0..3) of type(owner), bound */ \
    X(TEMPLATE_STRING,              255, 0, ARG,   2 + (oparg & 1), 1,      "(value expression [format] -- interpolation)") /* 3.14's t-strings: BUILD_INTERPOLATION's oparg (conversion << 2 | 2 | format); oparg 0 is BUILD_TEMPLATE, (strings interpolations -- template) */ \

enum {
#define INTERNAL_ENUM(name, num, caches, ...) OP_##name = num, CACHES_##name = caches,
    PVM_INTERNAL(INTERNAL_ENUM)
#undef INTERNAL_ENUM
};

/* The first internal number: every opcode from here on is internal (the
 * 3.13 forms, 214-231, come before 3.12's). */
enum { VM_FIRST_INTERNAL = OP_TO_BOOL };

/* The specialized forms of the `_312` instructions (vm/specialize.h): each
 * is a 3.11 form, its twin, with its body shared with it (vm/bytecodes.h)
 * and 3.12's caches, which hold the same fields as its twin's (the layouts
 * in specialize.h fit both).  The specializers choose among the 3.11 forms;
 * for a `_312` instruction they write the twin's 3.12 form instead
 * (vm_specialized_312).  Numbers: free ones between the 3.11 forms and
 * the internal instructions.
 *
 * 3.13 code shares them: its BINARY_SUBSCR, COMPARE_OP and FOR_ITER are
 * 3.12's instructions, its CALL_313 and its LOAD_ATTR_313 without the
 * method bit run CALL_312's and LOAD_ATTR_312's bodies and take their
 * forms (specialize.c, internal_form); LOAD_GLOBAL_313, which pushes its
 * NULL after the value, has two forms of its own, the last two numbers.
 *
 * X(name, number, base instruction, 3.11 twin) */
#define PVM_SPECIALIZED_312(X) \
    X(LOAD_GLOBAL_MODULE_312,       185, LOAD_GLOBAL_312, LOAD_GLOBAL_MODULE) \
    X(LOAD_GLOBAL_BUILTIN_312,      186, LOAD_GLOBAL_312, LOAD_GLOBAL_BUILTIN) \
    X(LOAD_ATTR_MODULE_312,         187, LOAD_ATTR_312, LOAD_ATTR_MODULE) \
    X(LOAD_ATTR_SLOT_312,           188, LOAD_ATTR_312, LOAD_ATTR_SLOT) \
    X(LOAD_ATTR_WITH_HINT_312,      189, LOAD_ATTR_312, LOAD_ATTR_WITH_HINT) \
    X(LOAD_ATTR_PROPERTY_312,       190, LOAD_ATTR_312, LOAD_ATTR_PROPERTY) \
    X(LOAD_ATTR_GETSET_312,          40, LOAD_ATTR_312, LOAD_ATTR_GETSET) \
    X(LOAD_ATTR_BOUND_METHOD_312,    46, LOAD_ATTR_312, LOAD_ATTR_BOUND_METHOD) \
    X(LOAD_ATTR_METHOD_MODULE_312,  191, LOAD_ATTR_312, LOAD_METHOD_MODULE) \
    X(LOAD_ATTR_METHOD_CLASS_312,   192, LOAD_ATTR_312, LOAD_METHOD_CLASS) \
    X(LOAD_ATTR_METHOD_NO_DICT_312, 193, LOAD_ATTR_312, LOAD_METHOD_NO_DICT) \
    X(LOAD_ATTR_METHOD_WITH_DICT_312, 194, LOAD_ATTR_312, LOAD_METHOD_WITH_DICT) \
    X(COMPARE_OP_INT_JUMP_312,      195, COMPARE_OP_312, COMPARE_OP_INT_JUMP) \
    X(COMPARE_OP_FLOAT_JUMP_312,    196, COMPARE_OP_312, COMPARE_OP_FLOAT_JUMP) \
    X(COMPARE_OP_STR_JUMP_312,      197, COMPARE_OP_312, COMPARE_OP_STR_JUMP) \
    X(BINARY_SUBSCR_LIST_INT_312,   198, BINARY_SUBSCR_312, BINARY_SUBSCR_LIST_INT) \
    X(BINARY_SUBSCR_TUPLE_INT_312,  199, BINARY_SUBSCR_312, BINARY_SUBSCR_TUPLE_INT) \
    X(BINARY_SUBSCR_DICT_312,       200, BINARY_SUBSCR_312, BINARY_SUBSCR_DICT) \
    X(BINARY_SUBSCR_STR_INT_312,     44, BINARY_SUBSCR_312, BINARY_SUBSCR_STR_INT) \
    X(CALL_PY_EXACT_ARGS_312,       201, CALL_312, CALL_PY_EXACT_ARGS) \
    X(CALL_PY_WITH_DEFAULTS_312,    202, CALL_312, CALL_PY_WITH_DEFAULTS) \
    X(CALL_NO_KW_BUILTIN_FAST_312,  203, CALL_312, PRECALL_NO_KW_BUILTIN_FAST) \
    X(CALL_NO_KW_METHOD_DESCRIPTOR_FAST_312, 204, CALL_312, PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST) \
    X(CALL_NO_KW_TYPE_1_312,        205, CALL_312, PRECALL_NO_KW_TYPE_1) \
    X(CALL_NO_KW_LEN_312,           206, CALL_312, PRECALL_NO_KW_LEN) \
    X(CALL_NO_KW_ISINSTANCE_312,    207, CALL_312, PRECALL_NO_KW_ISINSTANCE) \
    X(CALL_NO_KW_LIST_APPEND_312,   208, CALL_312, PRECALL_NO_KW_LIST_APPEND) \
    X(FOR_ITER_LIST_312,            209, FOR_ITER_312, FOR_ITER_LIST) \
    X(FOR_ITER_TUPLE_312,           210, FOR_ITER_312, FOR_ITER_TUPLE) \
    X(FOR_ITER_RANGE_312,           211, FOR_ITER_312, FOR_ITER_RANGE) \
    X(LOAD_GLOBAL_MODULE_313,       212, LOAD_GLOBAL_313, LOAD_GLOBAL_MODULE) \
    X(LOAD_GLOBAL_BUILTIN_313,      213, LOAD_GLOBAL_313, LOAD_GLOBAL_BUILTIN) \


#endif
