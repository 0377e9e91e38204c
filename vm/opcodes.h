/*
 * opcodes.h — the CPython 3.11 instruction set, declared once.
 *
 * Instruction format (3.11): a sequence of 16-bit code units, each an opcode
 * byte followed by an oparg byte.  EXTENDED_ARG (144) prefixes widen the next
 * instruction's oparg by 8 bits each.  Many instructions are followed by
 * inline CACHE units (opcode 0) that CPython's specialising interpreter
 * writes into; pvm skips exactly `caches` units after such an instruction.
 * Jumps are relative, in code units, from the instruction after the jump and
 * its caches: JFWD adds oparg, JBACK subtracts it.
 *
 * X(name, number, caches, operand kind), the operand kinds being
 *   NONE     no operand (oparg ignored)      ARG      a plain number
 *   CONST    index into co_consts            NAME     index into co_names
 *   LOCAL    index into localsplus (a local) FREE     index into localsplus (cell/free)
 *   JFWD     forward jump distance           JBACK    backward jump distance
 *   COMPARE  index into cmp_op ('<' ...)
 * LOAD_GLOBAL's NAME operand is `oparg >> 1` (the low bit asks for a NULL).
 *
 * Only the base 3.11 opcodes are listed; the numbers CPython reserves for
 * its specialised forms are never valid in a .pyc file and, like every other
 * unlisted byte, dispatch to one "unknown opcode" error.
 * The list is checked against python3.11's Lib/opcode.py by tests/unit.
 */
#ifndef PVM_OPCODES_H
#define PVM_OPCODES_H

#define PVM_OPCODES(X) \
    X(CACHE, 0, 0, NONE) \
    X(POP_TOP, 1, 0, NONE) \
    X(PUSH_NULL, 2, 0, NONE) \
    X(NOP, 9, 0, NONE) \
    X(UNARY_POSITIVE, 10, 0, NONE) \
    X(UNARY_NEGATIVE, 11, 0, NONE) \
    X(UNARY_NOT, 12, 0, NONE) \
    X(UNARY_INVERT, 15, 0, NONE) \
    X(BINARY_SUBSCR, 25, 4, NONE) \
    X(GET_LEN, 30, 0, NONE) \
    X(MATCH_MAPPING, 31, 0, NONE) \
    X(MATCH_SEQUENCE, 32, 0, NONE) \
    X(MATCH_KEYS, 33, 0, NONE) \
    X(PUSH_EXC_INFO, 35, 0, NONE) \
    X(CHECK_EXC_MATCH, 36, 0, NONE) \
    X(CHECK_EG_MATCH, 37, 0, NONE) \
    X(WITH_EXCEPT_START, 49, 0, NONE) \
    X(GET_AITER, 50, 0, NONE) \
    X(GET_ANEXT, 51, 0, NONE) \
    X(BEFORE_ASYNC_WITH, 52, 0, NONE) \
    X(BEFORE_WITH, 53, 0, NONE) \
    X(END_ASYNC_FOR, 54, 0, NONE) \
    X(STORE_SUBSCR, 60, 1, NONE) \
    X(DELETE_SUBSCR, 61, 0, NONE) \
    X(GET_ITER, 68, 0, NONE) \
    X(GET_YIELD_FROM_ITER, 69, 0, NONE) \
    X(PRINT_EXPR, 70, 0, NONE) \
    X(LOAD_BUILD_CLASS, 71, 0, NONE) \
    X(LOAD_ASSERTION_ERROR, 74, 0, NONE) \
    X(RETURN_GENERATOR, 75, 0, NONE) \
    X(LIST_TO_TUPLE, 82, 0, NONE) \
    X(RETURN_VALUE, 83, 0, NONE) \
    X(IMPORT_STAR, 84, 0, NONE) \
    X(SETUP_ANNOTATIONS, 85, 0, NONE) \
    X(YIELD_VALUE, 86, 0, NONE) \
    X(ASYNC_GEN_WRAP, 87, 0, NONE) \
    X(PREP_RERAISE_STAR, 88, 0, NONE) \
    X(POP_EXCEPT, 89, 0, NONE) \
    X(STORE_NAME, 90, 0, NAME) \
    X(DELETE_NAME, 91, 0, NAME) \
    X(UNPACK_SEQUENCE, 92, 1, ARG) \
    X(FOR_ITER, 93, 0, JFWD) \
    X(UNPACK_EX, 94, 0, ARG) \
    X(STORE_ATTR, 95, 4, NAME) \
    X(DELETE_ATTR, 96, 0, NAME) \
    X(STORE_GLOBAL, 97, 0, NAME) \
    X(DELETE_GLOBAL, 98, 0, NAME) \
    X(SWAP, 99, 0, ARG) \
    X(LOAD_CONST, 100, 0, CONST) \
    X(LOAD_NAME, 101, 0, NAME) \
    X(BUILD_TUPLE, 102, 0, ARG) \
    X(BUILD_LIST, 103, 0, ARG) \
    X(BUILD_SET, 104, 0, ARG) \
    X(BUILD_MAP, 105, 0, ARG) \
    X(LOAD_ATTR, 106, 4, NAME) \
    X(COMPARE_OP, 107, 2, COMPARE) \
    X(IMPORT_NAME, 108, 0, NAME) \
    X(IMPORT_FROM, 109, 0, NAME) \
    X(JUMP_FORWARD, 110, 0, JFWD) \
    X(JUMP_IF_FALSE_OR_POP, 111, 0, JFWD) \
    X(JUMP_IF_TRUE_OR_POP, 112, 0, JFWD) \
    X(POP_JUMP_FORWARD_IF_FALSE, 114, 0, JFWD) \
    X(POP_JUMP_FORWARD_IF_TRUE, 115, 0, JFWD) \
    X(LOAD_GLOBAL, 116, 5, NAME) \
    X(IS_OP, 117, 0, ARG) \
    X(CONTAINS_OP, 118, 0, ARG) \
    X(RERAISE, 119, 0, ARG) \
    X(COPY, 120, 0, ARG) \
    X(BINARY_OP, 122, 1, ARG) \
    X(SEND, 123, 0, JFWD) \
    X(LOAD_FAST, 124, 0, LOCAL) \
    X(STORE_FAST, 125, 0, LOCAL) \
    X(DELETE_FAST, 126, 0, LOCAL) \
    X(POP_JUMP_FORWARD_IF_NOT_NONE, 128, 0, JFWD) \
    X(POP_JUMP_FORWARD_IF_NONE, 129, 0, JFWD) \
    X(RAISE_VARARGS, 130, 0, ARG) \
    X(GET_AWAITABLE, 131, 0, ARG) \
    X(MAKE_FUNCTION, 132, 0, ARG) \
    X(BUILD_SLICE, 133, 0, ARG) \
    X(JUMP_BACKWARD_NO_INTERRUPT, 134, 0, JBACK) \
    X(MAKE_CELL, 135, 0, FREE) \
    X(LOAD_CLOSURE, 136, 0, FREE) \
    X(LOAD_DEREF, 137, 0, FREE) \
    X(STORE_DEREF, 138, 0, FREE) \
    X(DELETE_DEREF, 139, 0, FREE) \
    X(JUMP_BACKWARD, 140, 0, JBACK) \
    X(CALL_FUNCTION_EX, 142, 0, ARG) \
    X(EXTENDED_ARG, 144, 0, ARG) \
    X(LIST_APPEND, 145, 0, ARG) \
    X(SET_ADD, 146, 0, ARG) \
    X(MAP_ADD, 147, 0, ARG) \
    X(LOAD_CLASSDEREF, 148, 0, FREE) \
    X(COPY_FREE_VARS, 149, 0, ARG) \
    X(RESUME, 151, 0, ARG) \
    X(MATCH_CLASS, 152, 0, ARG) \
    X(FORMAT_VALUE, 155, 0, ARG) \
    X(BUILD_CONST_KEY_MAP, 156, 0, ARG) \
    X(BUILD_STRING, 157, 0, ARG) \
    X(LOAD_METHOD, 160, 10, NAME) \
    X(LIST_EXTEND, 162, 0, ARG) \
    X(SET_UPDATE, 163, 0, ARG) \
    X(DICT_MERGE, 164, 0, ARG) \
    X(DICT_UPDATE, 165, 0, ARG) \
    X(PRECALL, 166, 1, ARG) \
    X(CALL, 171, 4, ARG) \
    X(KW_NAMES, 172, 0, CONST) \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, 0, JBACK) \
    X(POP_JUMP_BACKWARD_IF_NONE, 174, 0, JBACK) \
    X(POP_JUMP_BACKWARD_IF_FALSE, 175, 0, JBACK) \
    X(POP_JUMP_BACKWARD_IF_TRUE, 176, 0, JBACK) \

enum {
#define OPCODE_ENUM(name, num, caches, kind) OP_##name = num,
    PVM_OPCODES(OPCODE_ENUM)
#undef OPCODE_ENUM
};

/* CACHES_<NAME>: the inline cache units after each opcode. */
enum {
#define OPCODE_CACHES(name, num, caches, kind) CACHES_##name = caches,
    PVM_OPCODES(OPCODE_CACHES)
#undef OPCODE_CACHES
};

/* The operand kinds, as an enum for tables. */
typedef enum { OPK_NONE, OPK_ARG, OPK_CONST, OPK_NAME, OPK_LOCAL, OPK_FREE,
               OPK_JFWD, OPK_JBACK, OPK_COMPARE } OperandKind;

typedef struct OpcodeInfo {
    const char *name;           /* NULL: not a 3.11 opcode */
    unsigned char caches;
    OperandKind kind;
} OpcodeInfo;

/* Indexed by opcode byte, all 256 entries (vm/opcodes.c). */
extern const OpcodeInfo vm_opcode_info[256];

#endif
