/*
 * opcodes312.h — the CPython 3.12 instruction set as a .pyc holds it, and
 * what pvm runs for each instruction.
 *
 * 3.12's format is 3.11's (opcodes.h): 16-bit code units, EXTENDED_ARG
 * prefixes, inline CACHE units after some instructions, relative jumps
 * counted from the end of the instruction and its caches.  What changed is
 * the list: numbers, cache counts, and a dozen instructions.  This table
 * is 3.12's Lib/opcode.py (tests/unit/test_opcodes.c compares the names,
 * numbers and cache counts with python3.12's `opcode` module), plus, for
 * each, the instruction pvm runs in its place (vm/translate.c): a 3.11
 * opcode, an internal one (vm/opcodes_internal.h), or -1 for the numbers
 * that never appear in a .pyc (CACHE reached as an instruction,
 * INTERPRETER_EXIT, RESERVED).  The INSTRUMENTED_* numbers (237 and up)
 * exist only inside a running CPython and are not listed.
 *
 * Oparg changes the translation makes: COMPARE_OP's is cmp << 4 in 3.12
 * (the low bits are CPython's own cache hints), so COMPARE_OP_312 gets
 * oparg >> 4; YIELD_VALUE's oparg (a stack depth in 3.12) is dropped, as
 * 3.11's takes none; CALL_INTRINSIC_1/2 with an intrinsic that is a 3.11
 * instruction become that instruction.
 *
 * X(name, number, caches, pvm opcode)
 */
#ifndef PVM_OPCODES312_H
#define PVM_OPCODES312_H

#include "vm/opcodes.h"

#define PVM_OPCODES_312(X) \
    X(CACHE,                         0, 0, -1) \
    X(POP_TOP,                       1, 0, OP_POP_TOP) \
    X(PUSH_NULL,                     2, 0, OP_PUSH_NULL) \
    X(INTERPRETER_EXIT,              3, 0, -1) \
    X(END_FOR,                       4, 0, OP_END_FOR) \
    X(END_SEND,                      5, 0, OP_END_SEND) \
    X(NOP,                           9, 0, OP_NOP) \
    X(UNARY_NEGATIVE,               11, 0, OP_UNARY_NEGATIVE) \
    X(UNARY_NOT,                    12, 0, OP_UNARY_NOT) \
    X(UNARY_INVERT,                 15, 0, OP_UNARY_INVERT) \
    X(RESERVED,                     17, 0, -1) \
    X(BINARY_SUBSCR,                25, 1, OP_BINARY_SUBSCR_312) \
    X(BINARY_SLICE,                 26, 0, OP_BINARY_SLICE) \
    X(STORE_SLICE,                  27, 0, OP_STORE_SLICE) \
    X(GET_LEN,                      30, 0, OP_GET_LEN) \
    X(MATCH_MAPPING,                31, 0, OP_MATCH_MAPPING) \
    X(MATCH_SEQUENCE,               32, 0, OP_MATCH_SEQUENCE) \
    X(MATCH_KEYS,                   33, 0, OP_MATCH_KEYS) \
    X(PUSH_EXC_INFO,                35, 0, OP_PUSH_EXC_INFO) \
    X(CHECK_EXC_MATCH,              36, 0, OP_CHECK_EXC_MATCH) \
    X(CHECK_EG_MATCH,               37, 0, OP_CHECK_EG_MATCH) \
    X(WITH_EXCEPT_START,            49, 0, OP_WITH_EXCEPT_START) \
    X(GET_AITER,                    50, 0, OP_GET_AITER) \
    X(GET_ANEXT,                    51, 0, OP_GET_ANEXT) \
    X(BEFORE_ASYNC_WITH,            52, 0, OP_BEFORE_ASYNC_WITH) \
    X(BEFORE_WITH,                  53, 0, OP_BEFORE_WITH) \
    X(END_ASYNC_FOR,                54, 0, OP_END_ASYNC_FOR) \
    X(CLEANUP_THROW,                55, 0, OP_CLEANUP_THROW) \
    X(STORE_SUBSCR,                 60, 1, OP_STORE_SUBSCR) \
    X(DELETE_SUBSCR,                61, 0, OP_DELETE_SUBSCR) \
    X(GET_ITER,                     68, 0, OP_GET_ITER) \
    X(GET_YIELD_FROM_ITER,          69, 0, OP_GET_YIELD_FROM_ITER) \
    X(LOAD_BUILD_CLASS,             71, 0, OP_LOAD_BUILD_CLASS) \
    X(LOAD_ASSERTION_ERROR,         74, 0, OP_LOAD_ASSERTION_ERROR) \
    X(RETURN_GENERATOR,             75, 0, OP_RETURN_GENERATOR) \
    X(RETURN_VALUE,                 83, 0, OP_RETURN_VALUE) \
    X(SETUP_ANNOTATIONS,            85, 0, OP_SETUP_ANNOTATIONS) \
    X(LOAD_LOCALS,                  87, 0, OP_LOAD_LOCALS) \
    X(POP_EXCEPT,                   89, 0, OP_POP_EXCEPT) \
    X(STORE_NAME,                   90, 0, OP_STORE_NAME) \
    X(DELETE_NAME,                  91, 0, OP_DELETE_NAME) \
    X(UNPACK_SEQUENCE,              92, 1, OP_UNPACK_SEQUENCE) \
    X(FOR_ITER,                     93, 1, OP_FOR_ITER_312) \
    X(UNPACK_EX,                    94, 0, OP_UNPACK_EX) \
    X(STORE_ATTR,                   95, 4, OP_STORE_ATTR) \
    X(DELETE_ATTR,                  96, 0, OP_DELETE_ATTR) \
    X(STORE_GLOBAL,                 97, 0, OP_STORE_GLOBAL) \
    X(DELETE_GLOBAL,                98, 0, OP_DELETE_GLOBAL) \
    X(SWAP,                         99, 0, OP_SWAP) \
    X(LOAD_CONST,                  100, 0, OP_LOAD_CONST) \
    X(LOAD_NAME,                   101, 0, OP_LOAD_NAME) \
    X(BUILD_TUPLE,                 102, 0, OP_BUILD_TUPLE) \
    X(BUILD_LIST,                  103, 0, OP_BUILD_LIST) \
    X(BUILD_SET,                   104, 0, OP_BUILD_SET) \
    X(BUILD_MAP,                   105, 0, OP_BUILD_MAP) \
    X(LOAD_ATTR,                   106, 9, OP_LOAD_ATTR_312) \
    X(COMPARE_OP,                  107, 1, OP_COMPARE_OP_312) \
    X(IMPORT_NAME,                 108, 0, OP_IMPORT_NAME) \
    X(IMPORT_FROM,                 109, 0, OP_IMPORT_FROM) \
    X(JUMP_FORWARD,                110, 0, OP_JUMP_FORWARD) \
    X(POP_JUMP_IF_FALSE,           114, 0, OP_POP_JUMP_FORWARD_IF_FALSE) \
    X(POP_JUMP_IF_TRUE,            115, 0, OP_POP_JUMP_FORWARD_IF_TRUE) \
    X(LOAD_GLOBAL,                 116, 4, OP_LOAD_GLOBAL_312) \
    X(IS_OP,                       117, 0, OP_IS_OP) \
    X(CONTAINS_OP,                 118, 0, OP_CONTAINS_OP) \
    X(RERAISE,                     119, 0, OP_RERAISE) \
    X(COPY,                        120, 0, OP_COPY) \
    X(RETURN_CONST,                121, 0, OP_RETURN_CONST) \
    X(BINARY_OP,                   122, 1, OP_BINARY_OP) \
    X(SEND,                        123, 1, OP_SEND_312) \
    X(LOAD_FAST,                   124, 0, OP_LOAD_FAST) \
    X(STORE_FAST,                  125, 0, OP_STORE_FAST) \
    X(DELETE_FAST,                 126, 0, OP_DELETE_FAST) \
    X(LOAD_FAST_CHECK,             127, 0, OP_LOAD_FAST) \
    X(POP_JUMP_IF_NOT_NONE,        128, 0, OP_POP_JUMP_FORWARD_IF_NOT_NONE) \
    X(POP_JUMP_IF_NONE,            129, 0, OP_POP_JUMP_FORWARD_IF_NONE) \
    X(RAISE_VARARGS,               130, 0, OP_RAISE_VARARGS) \
    X(GET_AWAITABLE,               131, 0, OP_GET_AWAITABLE) \
    X(MAKE_FUNCTION,               132, 0, OP_MAKE_FUNCTION) \
    X(BUILD_SLICE,                 133, 0, OP_BUILD_SLICE) \
    X(JUMP_BACKWARD_NO_INTERRUPT,  134, 0, OP_JUMP_BACKWARD_NO_INTERRUPT) \
    X(MAKE_CELL,                   135, 0, OP_MAKE_CELL) \
    X(LOAD_CLOSURE,                136, 0, OP_LOAD_CLOSURE) \
    X(LOAD_DEREF,                  137, 0, OP_LOAD_DEREF) \
    X(STORE_DEREF,                 138, 0, OP_STORE_DEREF) \
    X(DELETE_DEREF,                139, 0, OP_DELETE_DEREF) \
    X(JUMP_BACKWARD,               140, 0, OP_JUMP_BACKWARD) \
    X(LOAD_SUPER_ATTR,             141, 1, OP_LOAD_SUPER_ATTR) \
    X(CALL_FUNCTION_EX,            142, 0, OP_CALL_FUNCTION_EX) \
    X(LOAD_FAST_AND_CLEAR,         143, 0, OP_LOAD_FAST_AND_CLEAR) \
    X(EXTENDED_ARG,                144, 0, OP_EXTENDED_ARG) \
    X(LIST_APPEND,                 145, 0, OP_LIST_APPEND) \
    X(SET_ADD,                     146, 0, OP_SET_ADD) \
    X(MAP_ADD,                     147, 0, OP_MAP_ADD) \
    X(COPY_FREE_VARS,              149, 0, OP_COPY_FREE_VARS) \
    X(YIELD_VALUE,                 150, 0, OP_YIELD_VALUE) \
    X(RESUME,                      151, 0, OP_RESUME) \
    X(MATCH_CLASS,                 152, 0, OP_MATCH_CLASS) \
    X(FORMAT_VALUE,                155, 0, OP_FORMAT_VALUE) \
    X(BUILD_CONST_KEY_MAP,         156, 0, OP_BUILD_CONST_KEY_MAP) \
    X(BUILD_STRING,                157, 0, OP_BUILD_STRING) \
    X(LIST_EXTEND,                 162, 0, OP_LIST_EXTEND) \
    X(SET_UPDATE,                  163, 0, OP_SET_UPDATE) \
    X(DICT_MERGE,                  164, 0, OP_DICT_MERGE) \
    X(DICT_UPDATE,                 165, 0, OP_DICT_UPDATE) \
    X(CALL,                        171, 3, OP_CALL_312) \
    X(KW_NAMES,                    172, 0, OP_KW_NAMES) \
    X(CALL_INTRINSIC_1,            173, 0, OP_CALL_INTRINSIC_1) \
    X(CALL_INTRINSIC_2,            174, 0, OP_CALL_INTRINSIC_2) \
    X(LOAD_FROM_DICT_OR_GLOBALS,   175, 0, OP_LOAD_FROM_DICT_OR_GLOBALS) \
    X(LOAD_FROM_DICT_OR_DEREF,     176, 0, OP_LOAD_FROM_DICT_OR_DEREF) \

/* The intrinsics of CALL_INTRINSIC_1 and CALL_INTRINSIC_2 (3.12's and
 * 3.13's Include/internal/pycore_intrinsics.h). */
enum {
    INTRINSIC_PRINT = 1, INTRINSIC_IMPORT_STAR, INTRINSIC_STOPITERATION_ERROR,
    INTRINSIC_ASYNC_GEN_WRAP, INTRINSIC_UNARY_POSITIVE, INTRINSIC_LIST_TO_TUPLE,
    INTRINSIC_TYPEVAR, INTRINSIC_PARAMSPEC, INTRINSIC_TYPEVARTUPLE,
    INTRINSIC_SUBSCRIPT_GENERIC, INTRINSIC_TYPEALIAS,
    VM_MAX_INTRINSIC_1 = INTRINSIC_TYPEALIAS,
};
enum {
    INTRINSIC_PREP_RERAISE_STAR = 1, INTRINSIC_TYPEVAR_WITH_BOUND,
    INTRINSIC_TYPEVAR_WITH_CONSTRAINTS, INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
    INTRINSIC_SET_TYPEPARAM_DEFAULT,    /* 3.13 */
    VM_MAX_INTRINSIC_2 = INTRINSIC_SET_TYPEPARAM_DEFAULT,
};

/* 3.12's opcode numbers, as OP312_<NAME>. */
enum {
#define OPCODE312_ENUM(name, num, ...) OP312_##name = num,
    PVM_OPCODES_312(OPCODE312_ENUM)
#undef OPCODE312_ENUM
};

#endif
