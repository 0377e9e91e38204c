/*
 * opcodes313.h — the CPython 3.13 instruction set as a .pyc holds it, and
 * what pvm runs for each instruction.
 *
 * 3.13 keeps the format of 3.11 and 3.12 (16-bit code units, EXTENDED_ARG
 * prefixes, inline CACHE units, relative jumps counted from the end of the
 * instruction and its caches) but renumbers everything: the instructions
 * without an argument come first (HAVE_ARGUMENT is 44), then the others in
 * alphabetical order.  It also gives caches to instructions that had none
 * (TO_BOOL 3; CONTAINS_OP, JUMP_BACKWARD and the POP_JUMP_IF_* 1) and adds
 * a dozen instructions.  This table is 3.13's Lib/_opcode_metadata.py
 * (tests/unit/test_opcodes.c compares names, numbers and cache counts with
 * python3.13's `opcode` module), plus, for each, the instruction pvm runs
 * in its place (vm/translate.c): a 3.11 opcode, an internal one
 * (vm/opcodes_internal.h), or -1 for the numbers a .pyc never holds
 * (CACHE reached as an instruction, INTERPRETER_EXIT, RESERVED,
 * ENTER_EXECUTOR, which only CPython's optimizer writes, and
 * EXIT_INIT_CHECK, which only its specialized calls reach).  The
 * INSTRUMENTED_* numbers (236 and up) exist only inside a running CPython
 * and are not listed.
 *
 * What changed in meaning, and how the translation copes:
 *   - a call's two slots are (callable, NULL) where 3.11 and 3.12 have
 *     (NULL, callable): LOAD_GLOBAL, LOAD_ATTR, LOAD_SUPER_ATTR push the
 *     NULL after the value, and CALL, CALL_KW, CALL_FUNCTION_EX (and
 *     DICT_MERGE, which names the callable in its errors) have `_313`
 *     forms that read them so;
 *   - keyword names come on the stack (CALL_KW), not from KW_NAMES;
 *   - MAKE_FUNCTION takes only the code object; SET_FUNCTION_ATTRIBUTE
 *     adds defaults, keyword defaults, annotations or the closure;
 *   - f-strings: FORMAT_SIMPLE, FORMAT_WITH_SPEC and CONVERT_VALUE are
 *     3.11's FORMAT_VALUE with oparg 0, 4 and the conversion;
 *   - END_FOR pops one item (a POP_TOP follows it); FOR_ITER_312 pushes
 *     None at exhaustion and jumps to it, so END_FOR is POP_TOP here;
 *   - COMPARE_OP's comparison is oparg >> 5 (bit 4 asks for a bool, which
 *     the jump or UNARY_NOT after it computes anyway);
 *   - RESUME's bit 2 (the except depth) is dropped, YIELD_VALUE's oparg
 *     too; LOAD_FAST_CHECK is LOAD_FAST (pvm always checks); LOAD_FAST
 *     of a cell or free slot is 3.11's LOAD_CLOSURE (3.13 has no
 *     LOAD_CLOSURE in a .pyc).
 *
 * X(name, number, caches, pvm opcode)
 */
#ifndef PVM_OPCODES313_H
#define PVM_OPCODES313_H

#include "vm/opcodes.h"

/* Lib/opcode.py says 44, but WITH_EXCEPT_START (44) takes no argument: its
 * oparg byte is ignored and dis shows none. */
#define VM_HAVE_ARGUMENT_313 45

#define PVM_OPCODES_313(X) \
    X(CACHE,                         0, 0, -1) \
    X(BEFORE_ASYNC_WITH,             1, 0, OP_BEFORE_ASYNC_WITH) \
    X(BEFORE_WITH,                   2, 0, OP_BEFORE_WITH) \
    X(BINARY_SLICE,                  4, 0, OP_BINARY_SLICE) \
    X(BINARY_SUBSCR,                 5, 1, OP_BINARY_SUBSCR_312) \
    X(CHECK_EG_MATCH,                6, 0, OP_CHECK_EG_MATCH) \
    X(CHECK_EXC_MATCH,               7, 0, OP_CHECK_EXC_MATCH) \
    X(CLEANUP_THROW,                 8, 0, OP_CLEANUP_THROW) \
    X(DELETE_SUBSCR,                 9, 0, OP_DELETE_SUBSCR) \
    X(END_ASYNC_FOR,                10, 0, OP_END_ASYNC_FOR) \
    X(END_FOR,                      11, 0, OP_POP_TOP) \
    X(END_SEND,                     12, 0, OP_END_SEND) \
    X(EXIT_INIT_CHECK,              13, 0, -1) \
    X(FORMAT_SIMPLE,                14, 0, OP_FORMAT_VALUE) \
    X(FORMAT_WITH_SPEC,             15, 0, OP_FORMAT_VALUE) \
    X(GET_AITER,                    16, 0, OP_GET_AITER) \
    X(RESERVED,                     17, 0, -1) \
    X(GET_ANEXT,                    18, 0, OP_GET_ANEXT) \
    X(GET_ITER,                     19, 0, OP_GET_ITER) \
    X(GET_LEN,                      20, 0, OP_GET_LEN) \
    X(GET_YIELD_FROM_ITER,          21, 0, OP_GET_YIELD_FROM_ITER) \
    X(INTERPRETER_EXIT,             22, 0, -1) \
    X(LOAD_ASSERTION_ERROR,         23, 0, OP_LOAD_ASSERTION_ERROR) \
    X(LOAD_BUILD_CLASS,             24, 0, OP_LOAD_BUILD_CLASS) \
    X(LOAD_LOCALS,                  25, 0, OP_LOAD_LOCALS) \
    X(MAKE_FUNCTION,                26, 0, OP_MAKE_FUNCTION) \
    X(MATCH_KEYS,                   27, 0, OP_MATCH_KEYS) \
    X(MATCH_MAPPING,                28, 0, OP_MATCH_MAPPING) \
    X(MATCH_SEQUENCE,               29, 0, OP_MATCH_SEQUENCE) \
    X(NOP,                          30, 0, OP_NOP) \
    X(POP_EXCEPT,                   31, 0, OP_POP_EXCEPT) \
    X(POP_TOP,                      32, 0, OP_POP_TOP) \
    X(PUSH_EXC_INFO,                33, 0, OP_PUSH_EXC_INFO) \
    X(PUSH_NULL,                    34, 0, OP_PUSH_NULL) \
    X(RETURN_GENERATOR,             35, 0, OP_RETURN_GENERATOR) \
    X(RETURN_VALUE,                 36, 0, OP_RETURN_VALUE) \
    X(SETUP_ANNOTATIONS,            37, 0, OP_SETUP_ANNOTATIONS) \
    X(STORE_SLICE,                  38, 0, OP_STORE_SLICE) \
    X(STORE_SUBSCR,                 39, 1, OP_STORE_SUBSCR) \
    X(TO_BOOL,                      40, 3, OP_TO_BOOL) \
    X(UNARY_INVERT,                 41, 0, OP_UNARY_INVERT) \
    X(UNARY_NEGATIVE,               42, 0, OP_UNARY_NEGATIVE) \
    X(UNARY_NOT,                    43, 0, OP_UNARY_NOT) \
    X(WITH_EXCEPT_START,            44, 0, OP_WITH_EXCEPT_START) \
    X(BINARY_OP,                    45, 1, OP_BINARY_OP) \
    X(BUILD_CONST_KEY_MAP,          46, 0, OP_BUILD_CONST_KEY_MAP) \
    X(BUILD_LIST,                   47, 0, OP_BUILD_LIST) \
    X(BUILD_MAP,                    48, 0, OP_BUILD_MAP) \
    X(BUILD_SET,                    49, 0, OP_BUILD_SET) \
    X(BUILD_SLICE,                  50, 0, OP_BUILD_SLICE) \
    X(BUILD_STRING,                 51, 0, OP_BUILD_STRING) \
    X(BUILD_TUPLE,                  52, 0, OP_BUILD_TUPLE) \
    X(CALL,                         53, 3, OP_CALL_313) \
    X(CALL_FUNCTION_EX,             54, 0, OP_CALL_FUNCTION_EX_313) \
    X(CALL_INTRINSIC_1,             55, 0, OP_CALL_INTRINSIC_1) \
    X(CALL_INTRINSIC_2,             56, 0, OP_CALL_INTRINSIC_2) \
    X(CALL_KW,                      57, 0, OP_CALL_KW_313) \
    X(COMPARE_OP,                   58, 1, OP_COMPARE_OP_312) \
    X(CONTAINS_OP,                  59, 1, OP_CONTAINS_OP_313) \
    X(CONVERT_VALUE,                60, 0, OP_FORMAT_VALUE) \
    X(COPY,                         61, 0, OP_COPY) \
    X(COPY_FREE_VARS,               62, 0, OP_COPY_FREE_VARS) \
    X(DELETE_ATTR,                  63, 0, OP_DELETE_ATTR) \
    X(DELETE_DEREF,                 64, 0, OP_DELETE_DEREF) \
    X(DELETE_FAST,                  65, 0, OP_DELETE_FAST) \
    X(DELETE_GLOBAL,                66, 0, OP_DELETE_GLOBAL) \
    X(DELETE_NAME,                  67, 0, OP_DELETE_NAME) \
    X(DICT_MERGE,                   68, 0, OP_DICT_MERGE_313) \
    X(DICT_UPDATE,                  69, 0, OP_DICT_UPDATE) \
    X(ENTER_EXECUTOR,               70, 0, -1) \
    X(EXTENDED_ARG,                 71, 0, OP_EXTENDED_ARG) \
    X(FOR_ITER,                     72, 1, OP_FOR_ITER_312) \
    X(GET_AWAITABLE,                73, 0, OP_GET_AWAITABLE) \
    X(IMPORT_FROM,                  74, 0, OP_IMPORT_FROM) \
    X(IMPORT_NAME,                  75, 0, OP_IMPORT_NAME) \
    X(IS_OP,                        76, 0, OP_IS_OP) \
    X(JUMP_BACKWARD,                77, 1, OP_JUMP_BACKWARD_313) \
    X(JUMP_BACKWARD_NO_INTERRUPT,   78, 0, OP_JUMP_BACKWARD_NO_INTERRUPT) \
    X(JUMP_FORWARD,                 79, 0, OP_JUMP_FORWARD) \
    X(LIST_APPEND,                  80, 0, OP_LIST_APPEND) \
    X(LIST_EXTEND,                  81, 0, OP_LIST_EXTEND) \
    X(LOAD_ATTR,                    82, 9, OP_LOAD_ATTR_313) \
    X(LOAD_CONST,                   83, 0, OP_LOAD_CONST) \
    X(LOAD_DEREF,                   84, 0, OP_LOAD_DEREF) \
    X(LOAD_FAST,                    85, 0, OP_LOAD_FAST) \
    X(LOAD_FAST_AND_CLEAR,          86, 0, OP_LOAD_FAST_AND_CLEAR) \
    X(LOAD_FAST_CHECK,              87, 0, OP_LOAD_FAST) \
    X(LOAD_FAST_LOAD_FAST,          88, 0, OP_LOAD_FAST_LOAD_FAST) \
    X(LOAD_FROM_DICT_OR_DEREF,      89, 0, OP_LOAD_FROM_DICT_OR_DEREF) \
    X(LOAD_FROM_DICT_OR_GLOBALS,    90, 0, OP_LOAD_FROM_DICT_OR_GLOBALS) \
    X(LOAD_GLOBAL,                  91, 4, OP_LOAD_GLOBAL_313) \
    X(LOAD_NAME,                    92, 0, OP_LOAD_NAME) \
    X(LOAD_SUPER_ATTR,              93, 1, OP_LOAD_SUPER_ATTR_313) \
    X(MAKE_CELL,                    94, 0, OP_MAKE_CELL) \
    X(MAP_ADD,                      95, 0, OP_MAP_ADD) \
    X(MATCH_CLASS,                  96, 0, OP_MATCH_CLASS) \
    X(POP_JUMP_IF_FALSE,            97, 1, OP_POP_JUMP_IF_FALSE_313) \
    X(POP_JUMP_IF_NONE,             98, 1, OP_POP_JUMP_IF_NONE_313) \
    X(POP_JUMP_IF_NOT_NONE,         99, 1, OP_POP_JUMP_IF_NOT_NONE_313) \
    X(POP_JUMP_IF_TRUE,            100, 1, OP_POP_JUMP_IF_TRUE_313) \
    X(RAISE_VARARGS,               101, 0, OP_RAISE_VARARGS) \
    X(RERAISE,                     102, 0, OP_RERAISE) \
    X(RETURN_CONST,                103, 0, OP_RETURN_CONST) \
    X(SEND,                        104, 1, OP_SEND_312) \
    X(SET_ADD,                     105, 0, OP_SET_ADD) \
    X(SET_FUNCTION_ATTRIBUTE,      106, 0, OP_SET_FUNCTION_ATTRIBUTE) \
    X(SET_UPDATE,                  107, 0, OP_SET_UPDATE) \
    X(STORE_ATTR,                  108, 4, OP_STORE_ATTR) \
    X(STORE_DEREF,                 109, 0, OP_STORE_DEREF) \
    X(STORE_FAST,                  110, 0, OP_STORE_FAST) \
    X(STORE_FAST_LOAD_FAST,        111, 0, OP_STORE_FAST_LOAD_FAST) \
    X(STORE_FAST_STORE_FAST,       112, 0, OP_STORE_FAST_STORE_FAST) \
    X(STORE_GLOBAL,                113, 0, OP_STORE_GLOBAL) \
    X(STORE_NAME,                  114, 0, OP_STORE_NAME) \
    X(SWAP,                        115, 0, OP_SWAP) \
    X(UNPACK_EX,                   116, 0, OP_UNPACK_EX) \
    X(UNPACK_SEQUENCE,             117, 1, OP_UNPACK_SEQUENCE) \
    X(YIELD_VALUE,                 118, 0, OP_YIELD_VALUE) \
    X(RESUME,                      149, 0, OP_RESUME) \

/* 3.13's opcode numbers, as OP313_<NAME>. */
enum {
#define OPCODE313_ENUM(name, num, ...) OP313_##name = num,
    PVM_OPCODES_313(OPCODE313_ENUM)
#undef OPCODE313_ENUM
};

#endif
