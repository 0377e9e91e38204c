/*
 * opcodes314.h — the CPython 3.14 instruction set as a .pyc holds it, and
 * what pvm runs for each instruction.
 *
 * 3.14 keeps the code-unit format of 3.11-3.13 (16-bit units, EXTENDED_ARG
 * prefixes, inline CACHE units, relative jumps counted from the end of the
 * instruction and its caches) and 3.13's numbering scheme (the instructions
 * without an argument first, then the others alphabetically; RESUME 128),
 * but every number moved again.  Lib/opcode.py says HAVE_ARGUMENT is 43,
 * yet WITH_EXCEPT_START (43) takes no argument, as in 3.13.  This table is
 * 3.14's Lib/_opcode_metadata.py without the specialized forms (which 3.14
 * numbers among the others, BINARY_OP_INPLACE_ADD_UNICODE at 3, and which
 * a .pyc never holds) and without the INSTRUMENTED_* and ENTER_EXECUTOR
 * numbers (234 and up), which exist only inside a running CPython.
 * tests/unit/test_opcodes.c compares names, numbers and cache counts with
 * python3.14's `opcode` module (tools/python314), and the stack effect of
 * what pvm runs with its dis.stack_effect.
 *
 * What 3.14 changed against 3.13:
 *   - gone: BINARY_SUBSCR (now BINARY_OP with NB_SUBSCR, oparg 26),
 *     RETURN_CONST (LOAD_CONST + RETURN_VALUE), LOAD_ASSERTION_ERROR
 *     (LOAD_COMMON_CONSTANT 0), BEFORE_WITH and BEFORE_ASYNC_WITH
 *     (LOAD_SPECIAL of __enter__/__exit__, then CALL), BUILD_CONST_KEY_MAP;
 *   - new: LOAD_SMALL_INT (oparg is the int, 0..255), LOAD_COMMON_CONSTANT
 *     (AssertionError, NotImplementedError, tuple, all, any), LOAD_SPECIAL
 *     (a special method and its self, for `with`), LOAD_FAST_BORROW and
 *     LOAD_FAST_BORROW_LOAD_FAST_BORROW (LOAD_FAST and LOAD_FAST_LOAD_FAST
 *     without a new reference), NOT_TAKEN (a NOP marking the fall-through
 *     of a conditional jump, for monitoring), POP_ITER (pops the iterator
 *     after a loop), BUILD_TEMPLATE and BUILD_INTERPOLATION (t-strings);
 *   - BINARY_OP has 5 caches (was 1), CALL_KW 3 (was 0); CALL_FUNCTION_EX
 *     takes no oparg; END_ASYNC_FOR takes a backward jump.
 *
 * The last column is the instruction pvm runs in its place (vm/translate.c):
 * where the name is 3.13's, 3.13's choice; -1 for the numbers a .pyc never
 * holds (CACHE reached as an instruction, INTERPRETER_EXIT, RESERVED,
 * EXIT_INIT_CHECK) and for the new instructions that have no body yet.
 *
 * X(name, number, caches, pvm opcode)
 */
#ifndef PVM_OPCODES314_H
#define PVM_OPCODES314_H

#include "vm/opcodes.h"

/* Lib/opcode.py says 43, but WITH_EXCEPT_START (43) takes no argument. */
#define VM_HAVE_ARGUMENT_314 44

#define PVM_OPCODES_314(X) \
    X(CACHE,                         0, 0, -1) \
    X(BINARY_SLICE,                  1, 0, OP_BINARY_SLICE) \
    X(BUILD_TEMPLATE,                2, 0, OP_TEMPLATE_STRING) \
    X(CALL_FUNCTION_EX,              4, 0, OP_CALL_FUNCTION_EX_313) \
    X(CHECK_EG_MATCH,                5, 0, OP_CHECK_EG_MATCH) \
    X(CHECK_EXC_MATCH,               6, 0, OP_CHECK_EXC_MATCH) \
    X(CLEANUP_THROW,                 7, 0, OP_CLEANUP_THROW) \
    X(DELETE_SUBSCR,                 8, 0, OP_DELETE_SUBSCR) \
    X(END_FOR,                       9, 0, OP_POP_TOP) \
    X(END_SEND,                     10, 0, OP_END_SEND) \
    X(EXIT_INIT_CHECK,              11, 0, -1) \
    X(FORMAT_SIMPLE,                12, 0, OP_FORMAT_VALUE) \
    X(FORMAT_WITH_SPEC,             13, 0, OP_FORMAT_VALUE) \
    X(GET_AITER,                    14, 0, OP_GET_AITER) \
    X(GET_ANEXT,                    15, 0, OP_GET_ANEXT) \
    X(GET_ITER,                     16, 0, OP_GET_ITER) \
    X(RESERVED,                     17, 0, -1) \
    X(GET_LEN,                      18, 0, OP_GET_LEN) \
    X(GET_YIELD_FROM_ITER,          19, 0, OP_GET_YIELD_FROM_ITER) \
    X(INTERPRETER_EXIT,             20, 0, -1) \
    X(LOAD_BUILD_CLASS,             21, 0, OP_LOAD_BUILD_CLASS) \
    X(LOAD_LOCALS,                  22, 0, OP_LOAD_LOCALS) \
    X(MAKE_FUNCTION,                23, 0, OP_MAKE_FUNCTION) \
    X(MATCH_KEYS,                   24, 0, OP_MATCH_KEYS) \
    X(MATCH_MAPPING,                25, 0, OP_MATCH_MAPPING) \
    X(MATCH_SEQUENCE,               26, 0, OP_MATCH_SEQUENCE) \
    X(NOP,                          27, 0, OP_NOP) \
    X(NOT_TAKEN,                    28, 0, OP_NOP) \
    X(POP_EXCEPT,                   29, 0, OP_POP_EXCEPT) \
    X(POP_ITER,                     30, 0, OP_POP_TOP) \
    X(POP_TOP,                      31, 0, OP_POP_TOP) \
    X(PUSH_EXC_INFO,                32, 0, OP_PUSH_EXC_INFO) \
    X(PUSH_NULL,                    33, 0, OP_PUSH_NULL) \
    X(RETURN_GENERATOR,             34, 0, OP_RETURN_GENERATOR) \
    X(RETURN_VALUE,                 35, 0, OP_RETURN_VALUE) \
    X(SETUP_ANNOTATIONS,            36, 0, OP_SETUP_ANNOTATIONS) \
    X(STORE_SLICE,                  37, 0, OP_STORE_SLICE) \
    X(STORE_SUBSCR,                 38, 1, OP_STORE_SUBSCR) \
    X(TO_BOOL,                      39, 3, OP_TO_BOOL) \
    X(UNARY_INVERT,                 40, 0, OP_UNARY_INVERT) \
    X(UNARY_NEGATIVE,               41, 0, OP_UNARY_NEGATIVE) \
    X(UNARY_NOT,                    42, 0, OP_UNARY_NOT) \
    X(WITH_EXCEPT_START,            43, 0, OP_WITH_EXCEPT_START) \
    X(BINARY_OP,                    44, 5, OP_BINARY_OP) \
    X(BUILD_INTERPOLATION,          45, 0, OP_TEMPLATE_STRING) \
    X(BUILD_LIST,                   46, 0, OP_BUILD_LIST) \
    X(BUILD_MAP,                    47, 0, OP_BUILD_MAP) \
    X(BUILD_SET,                    48, 0, OP_BUILD_SET) \
    X(BUILD_SLICE,                  49, 0, OP_BUILD_SLICE) \
    X(BUILD_STRING,                 50, 0, OP_BUILD_STRING) \
    X(BUILD_TUPLE,                  51, 0, OP_BUILD_TUPLE) \
    X(CALL,                         52, 3, OP_CALL_313) \
    X(CALL_INTRINSIC_1,             53, 0, OP_CALL_INTRINSIC_1) \
    X(CALL_INTRINSIC_2,             54, 0, OP_CALL_INTRINSIC_2) \
    X(CALL_KW,                      55, 3, OP_CALL_KW_313) \
    X(COMPARE_OP,                   56, 1, OP_COMPARE_OP_312) \
    X(CONTAINS_OP,                  57, 1, OP_CONTAINS_OP_313) \
    X(CONVERT_VALUE,                58, 0, OP_FORMAT_VALUE) \
    X(COPY,                         59, 0, OP_COPY) \
    X(COPY_FREE_VARS,               60, 0, OP_COPY_FREE_VARS) \
    X(DELETE_ATTR,                  61, 0, OP_DELETE_ATTR) \
    X(DELETE_DEREF,                 62, 0, OP_DELETE_DEREF) \
    X(DELETE_FAST,                  63, 0, OP_DELETE_FAST) \
    X(DELETE_GLOBAL,                64, 0, OP_DELETE_GLOBAL) \
    X(DELETE_NAME,                  65, 0, OP_DELETE_NAME) \
    X(DICT_MERGE,                   66, 0, OP_DICT_MERGE_313) \
    X(DICT_UPDATE,                  67, 0, OP_DICT_UPDATE) \
    X(END_ASYNC_FOR,                68, 0, OP_END_ASYNC_FOR) \
    X(EXTENDED_ARG,                 69, 0, OP_EXTENDED_ARG) \
    X(FOR_ITER,                     70, 1, OP_FOR_ITER_312) \
    X(GET_AWAITABLE,                71, 0, OP_GET_AWAITABLE) \
    X(IMPORT_FROM,                  72, 0, OP_IMPORT_FROM) \
    X(IMPORT_NAME,                  73, 0, OP_IMPORT_NAME) \
    X(IS_OP,                        74, 0, OP_IS_OP) \
    X(JUMP_BACKWARD,                75, 1, OP_JUMP_BACKWARD_313) \
    X(JUMP_BACKWARD_NO_INTERRUPT,   76, 0, OP_JUMP_BACKWARD_NO_INTERRUPT) \
    X(JUMP_FORWARD,                 77, 0, OP_JUMP_FORWARD) \
    X(LIST_APPEND,                  78, 0, OP_LIST_APPEND) \
    X(LIST_EXTEND,                  79, 0, OP_LIST_EXTEND) \
    X(LOAD_ATTR,                    80, 9, OP_LOAD_ATTR_313) \
    X(LOAD_COMMON_CONSTANT,         81, 0, -1) \
    X(LOAD_CONST,                   82, 0, OP_LOAD_CONST) \
    X(LOAD_DEREF,                   83, 0, OP_LOAD_DEREF) \
    X(LOAD_FAST,                    84, 0, OP_LOAD_FAST) \
    X(LOAD_FAST_AND_CLEAR,          85, 0, OP_LOAD_FAST_AND_CLEAR) \
    X(LOAD_FAST_BORROW,             86, 0, OP_LOAD_FAST) \
    X(LOAD_FAST_BORROW_LOAD_FAST_BORROW,  87, 0, OP_LOAD_FAST_LOAD_FAST) \
    X(LOAD_FAST_CHECK,              88, 0, OP_LOAD_FAST) \
    X(LOAD_FAST_LOAD_FAST,          89, 0, OP_LOAD_FAST_LOAD_FAST) \
    X(LOAD_FROM_DICT_OR_DEREF,      90, 0, OP_LOAD_FROM_DICT_OR_DEREF) \
    X(LOAD_FROM_DICT_OR_GLOBALS,    91, 0, OP_LOAD_FROM_DICT_OR_GLOBALS) \
    X(LOAD_GLOBAL,                  92, 4, OP_LOAD_GLOBAL_313) \
    X(LOAD_NAME,                    93, 0, OP_LOAD_NAME) \
    X(LOAD_SMALL_INT,               94, 0, -1) \
    X(LOAD_SPECIAL,                 95, 0, -1) \
    X(LOAD_SUPER_ATTR,              96, 1, OP_LOAD_SUPER_ATTR_313) \
    X(MAKE_CELL,                    97, 0, OP_MAKE_CELL) \
    X(MAP_ADD,                      98, 0, OP_MAP_ADD) \
    X(MATCH_CLASS,                  99, 0, OP_MATCH_CLASS) \
    X(POP_JUMP_IF_FALSE,           100, 1, OP_POP_JUMP_IF_FALSE_313) \
    X(POP_JUMP_IF_NONE,            101, 1, OP_POP_JUMP_IF_NONE_313) \
    X(POP_JUMP_IF_NOT_NONE,        102, 1, OP_POP_JUMP_IF_NOT_NONE_313) \
    X(POP_JUMP_IF_TRUE,            103, 1, OP_POP_JUMP_IF_TRUE_313) \
    X(RAISE_VARARGS,               104, 0, OP_RAISE_VARARGS) \
    X(RERAISE,                     105, 0, OP_RERAISE) \
    X(SEND,                        106, 1, OP_SEND_312) \
    X(SET_ADD,                     107, 0, OP_SET_ADD) \
    X(SET_FUNCTION_ATTRIBUTE,      108, 0, OP_SET_FUNCTION_ATTRIBUTE) \
    X(SET_UPDATE,                  109, 0, OP_SET_UPDATE) \
    X(STORE_ATTR,                  110, 4, OP_STORE_ATTR) \
    X(STORE_DEREF,                 111, 0, OP_STORE_DEREF) \
    X(STORE_FAST,                  112, 0, OP_STORE_FAST) \
    X(STORE_FAST_LOAD_FAST,        113, 0, OP_STORE_FAST_LOAD_FAST) \
    X(STORE_FAST_STORE_FAST,       114, 0, OP_STORE_FAST_STORE_FAST) \
    X(STORE_GLOBAL,                115, 0, OP_STORE_GLOBAL) \
    X(STORE_NAME,                  116, 0, OP_STORE_NAME) \
    X(SWAP,                        117, 0, OP_SWAP) \
    X(UNPACK_EX,                   118, 0, OP_UNPACK_EX) \
    X(UNPACK_SEQUENCE,             119, 1, OP_UNPACK_SEQUENCE) \
    X(YIELD_VALUE,                 120, 0, OP_YIELD_VALUE) \
    X(RESUME,                      128, 0, OP_RESUME) \

/* What 3.14's dis shows for an operand, by opcode (its Lib/opcode.py has*
 * lists, the pairs of locals and _is_backward_jump in Lib/dis.py), so that
 * `pvm dis` does not depend on what pvm runs in the instruction's place:
 *   CONST   co_consts[oparg]          NAME    co_names[oparg] (LOAD_GLOBAL,
 *   LOCAL   localsplus name[oparg]            LOAD_ATTR, LOAD_SUPER_ATTR:
 *   LOCAL2  two of them, oparg>>4 and &15     shifted, see tools/dis.c)
 *   JFWD    a jump forward, JBACK backward (END_ASYNC_FOR's "from" target),
 *           relative to the end of the instruction and its caches.
 * The other instructions' operands are numbers or tools/dis.c's special
 * cases.  X(name, kind) */
#define PVM_OPERANDS_314(X) \
    X(DELETE_ATTR,                       NAME) \
    X(DELETE_DEREF,                      LOCAL) \
    X(DELETE_FAST,                       LOCAL) \
    X(DELETE_GLOBAL,                     NAME) \
    X(DELETE_NAME,                       NAME) \
    X(END_ASYNC_FOR,                     JBACK) \
    X(FOR_ITER,                          JFWD) \
    X(IMPORT_FROM,                       NAME) \
    X(IMPORT_NAME,                       NAME) \
    X(JUMP_BACKWARD,                     JBACK) \
    X(JUMP_BACKWARD_NO_INTERRUPT,        JBACK) \
    X(JUMP_FORWARD,                      JFWD) \
    X(LOAD_ATTR,                         NAME) \
    X(LOAD_CONST,                        CONST) \
    X(LOAD_DEREF,                        LOCAL) \
    X(LOAD_FAST,                         LOCAL) \
    X(LOAD_FAST_AND_CLEAR,               LOCAL) \
    X(LOAD_FAST_BORROW,                  LOCAL) \
    X(LOAD_FAST_BORROW_LOAD_FAST_BORROW, LOCAL2) \
    X(LOAD_FAST_CHECK,                   LOCAL) \
    X(LOAD_FAST_LOAD_FAST,               LOCAL2) \
    X(LOAD_FROM_DICT_OR_DEREF,           LOCAL) \
    X(LOAD_FROM_DICT_OR_GLOBALS,         NAME) \
    X(LOAD_GLOBAL,                       NAME) \
    X(LOAD_NAME,                         NAME) \
    X(LOAD_SUPER_ATTR,                   NAME) \
    X(MAKE_CELL,                         LOCAL) \
    X(POP_JUMP_IF_FALSE,                 JFWD) \
    X(POP_JUMP_IF_NONE,                  JFWD) \
    X(POP_JUMP_IF_NOT_NONE,              JFWD) \
    X(POP_JUMP_IF_TRUE,                  JFWD) \
    X(SEND,                              JFWD) \
    X(STORE_ATTR,                        NAME) \
    X(STORE_DEREF,                       LOCAL) \
    X(STORE_FAST,                        LOCAL) \
    X(STORE_FAST_LOAD_FAST,              LOCAL2) \
    X(STORE_FAST_STORE_FAST,             LOCAL2) \
    X(STORE_GLOBAL,                      NAME) \
    X(STORE_NAME,                        NAME) \

/* LOAD_COMMON_CONSTANT's values and LOAD_SPECIAL's method names, by oparg,
 * as 3.14's dis names them (Lib/opcode.py's _common_constants: a type by
 * its name, a function by its repr; _special_method_names). */
#define PVM_COMMON_CONSTANTS_314 \
    "AssertionError", "NotImplementedError", "tuple", "<built-in function all>", \
    "<built-in function any>"
#define PVM_SPECIAL_METHODS_314 "__enter__", "__exit__", "__aenter__", "__aexit__"

/* 3.14's opcode numbers, as OP314_<NAME>. */
enum {
#define OPCODE314_ENUM(name, num, ...) OP314_##name = num,
    PVM_OPCODES_314(OPCODE314_ENUM)
#undef OPCODE314_ENUM
};

#endif
