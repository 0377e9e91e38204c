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
 * Each entry's comment gives the stack effect in Forth notation,
 * (inputs -- outputs) with the top of stack rightmost, then its meaning;
 * vm/bytecodes.h repeats the effect above each body.  "oparg deep" counts
 * down from the top, 1 being the top itself.  `name` is co_names[oparg].
 * A few words that recur:
 *   NULL      the marker below a callable that is not a method (3.11 calls
 *             always take two slots: NULL+callable or method+self)
 *   localsplus  the frame's slots: locals, then cells, then free variables
 *   cell      a box shared between a function and its closures
 *
 * Only the base 3.11 opcodes are listed; the numbers CPython reserves for
 * its specialised forms are never valid in a .pyc file and, like every other
 * unlisted byte, dispatch to one "unknown opcode" error.
 * The list is checked against python3.11's Lib/opcode.py by tests/unit.
 */
#ifndef PVM_OPCODES_H
#define PVM_OPCODES_H

#define PVM_OPCODES(X) \
    X(CACHE, 0, 0, NONE)                            /* (--) inline cache unit; never executed, skipped after its owner */ \
    X(POP_TOP, 1, 0, NONE)                          /* (x --) discard the top of stack */ \
    X(PUSH_NULL, 2, 0, NONE)                        /* (-- NULL) the NULL a CALL expects below a plain callable */ \
    X(NOP, 9, 0, NONE)                              /* (--) do nothing (keeps a line number alive) */ \
    X(UNARY_POSITIVE, 10, 0, NONE)                  /* (x -- +x) */ \
    X(UNARY_NEGATIVE, 11, 0, NONE)                  /* (x -- -x) */ \
    X(UNARY_NOT, 12, 0, NONE)                       /* (x -- not x) always a bool */ \
    X(UNARY_INVERT, 15, 0, NONE)                    /* (x -- ~x) */ \
    X(BINARY_SUBSCR, 25, 4, NONE)                   /* (container key -- container[key]) */ \
    X(GET_LEN, 30, 0, NONE)                         /* (obj -- obj len(obj)) for match patterns */ \
    X(MATCH_MAPPING, 31, 0, NONE)                   /* (subj -- subj bool) is subj a Mapping? */ \
    X(MATCH_SEQUENCE, 32, 0, NONE)                  /* (subj -- subj bool) is subj a Sequence (not str/bytes)? */ \
    X(MATCH_KEYS, 33, 0, NONE)                      /* (subj keys -- subj keys values|None) look keys up in subj */ \
    X(PUSH_EXC_INFO, 35, 0, NONE)                   /* (exc -- prev_exc exc) handler entry: save the old current exception */ \
    X(CHECK_EXC_MATCH, 36, 0, NONE)                 /* (exc type -- exc bool) isinstance(exc, type) for `except type` */ \
    X(CHECK_EG_MATCH, 37, 0, NONE)                  /* (eg type -- rest match) split an ExceptionGroup for `except*` */ \
    X(WITH_EXCEPT_START, 49, 0, NONE)               /* (exit lasti prev exc -- exit lasti prev exc res) call __exit__(type, exc, tb) */ \
    X(GET_AITER, 50, 0, NONE)                       /* (obj -- obj.__aiter__()) */ \
    X(GET_ANEXT, 51, 0, NONE)                       /* (aiter -- aiter awaitable) awaitable of aiter.__anext__() */ \
    X(BEFORE_ASYNC_WITH, 52, 0, NONE)               /* (mgr -- __aexit__ awaitable) bind __aexit__, call __aenter__ */ \
    X(BEFORE_WITH, 53, 0, NONE)                     /* (mgr -- __exit__ mgr.__enter__()) enter a with block */ \
    X(END_ASYNC_FOR, 54, 0, NONE)                   /* (aiter exc --) end async for on StopAsyncIteration, else re-raise */ \
    X(STORE_SUBSCR, 60, 1, NONE)                    /* (value container key --) container[key] = value */ \
    X(DELETE_SUBSCR, 61, 0, NONE)                   /* (container key --) del container[key] */ \
    X(GET_ITER, 68, 0, NONE)                        /* (obj -- iter(obj)) */ \
    X(GET_YIELD_FROM_ITER, 69, 0, NONE)             /* (obj -- iter) iter(obj), unless obj is already a generator/coroutine */ \
    X(PRINT_EXPR, 70, 0, NONE)                      /* (x --) interactive mode: sys.displayhook(x) */ \
    X(LOAD_BUILD_CLASS, 71, 0, NONE)                /* (-- builtins.__build_class__) */ \
    X(LOAD_ASSERTION_ERROR, 74, 0, NONE)            /* (-- AssertionError) for a failing assert */ \
    X(RETURN_GENERATOR, 75, 0, NONE)                /* (--) make a generator/coroutine of this frame and return it */ \
    X(LIST_TO_TUPLE, 82, 0, NONE)                   /* (list -- tuple(list)) */ \
    X(RETURN_VALUE, 83, 0, NONE)                    /* (x --) pop the frame, give x to the caller */ \
    X(IMPORT_STAR, 84, 0, NONE)                     /* (module --) from module import *, into the locals */ \
    X(SETUP_ANNOTATIONS, 85, 0, NONE)               /* (--) create __annotations__ in the locals if missing */ \
    X(YIELD_VALUE, 86, 0, NONE)                     /* (x -- sent) suspend the generator, yield x; resumes with the sent value */ \
    X(ASYNC_GEN_WRAP, 87, 0, NONE)                  /* (x -- wrapped) mark a value yielded by an async generator */ \
    X(PREP_RERAISE_STAR, 88, 0, NONE)               /* (orig list -- exc|None) combine what except* clauses raised */ \
    X(POP_EXCEPT, 89, 0, NONE)                      /* (prev_exc --) handler exit: restore the saved current exception */ \
    X(STORE_NAME, 90, 0, NAME)                      /* (x --) locals[co_names[oparg]] = x (module/class bodies) */ \
    X(DELETE_NAME, 91, 0, NAME)                     /* (--) del locals[co_names[oparg]] */ \
    X(UNPACK_SEQUENCE, 92, 1, ARG)                  /* (seq -- x[n-1] .. x[0]) unpack exactly oparg items, first on top */ \
    X(FOR_ITER, 93, 0, JFWD)                        /* (iter -- iter next) or at exhaustion pop iter and jump forward oparg */ \
    X(UNPACK_EX, 94, 0, ARG)                        /* (seq -- after.. list before..) a, *b, c: oparg = before | after << 8 */ \
    X(STORE_ATTR, 95, 4, NAME)                      /* (value obj --) obj.name = value */ \
    X(DELETE_ATTR, 96, 0, NAME)                     /* (obj --) del obj.name */ \
    X(STORE_GLOBAL, 97, 0, NAME)                    /* (x --) globals[name] = x */ \
    X(DELETE_GLOBAL, 98, 0, NAME)                   /* (--) del globals[name] */ \
    X(SWAP, 99, 0, ARG)                             /* (.. a .. b -- .. b .. a) swap top with the oparg-th item (1-based) */ \
    X(LOAD_CONST, 100, 0, CONST)                    /* (-- co_consts[oparg]) */ \
    X(LOAD_NAME, 101, 0, NAME)                      /* (-- value) look name up in locals, globals, builtins */ \
    X(BUILD_TUPLE, 102, 0, ARG)                     /* (x1 .. xn -- tuple) n = oparg */ \
    X(BUILD_LIST, 103, 0, ARG)                      /* (x1 .. xn -- list) n = oparg */ \
    X(BUILD_SET, 104, 0, ARG)                       /* (x1 .. xn -- set) n = oparg */ \
    X(BUILD_MAP, 105, 0, ARG)                       /* (k1 v1 .. kn vn -- dict) n = oparg pairs */ \
    X(LOAD_ATTR, 106, 4, NAME)                      /* (obj -- obj.name) */ \
    X(COMPARE_OP, 107, 2, COMPARE)                  /* (left right -- result) rich comparison cmp_op[oparg] */ \
    X(IMPORT_NAME, 108, 0, NAME)                    /* (level fromlist -- module) __import__(name, ..., fromlist, level) */ \
    X(IMPORT_FROM, 109, 0, NAME)                    /* (module -- module attr) module.name, or the submodule */ \
    X(JUMP_FORWARD, 110, 0, JFWD)                   /* (--) jump forward oparg units */ \
    X(JUMP_IF_FALSE_OR_POP, 111, 0, JFWD)           /* (x -- x | ) `and`: if x is false jump keeping it, else pop it */ \
    X(JUMP_IF_TRUE_OR_POP, 112, 0, JFWD)            /* (x -- x | ) `or`: if x is true jump keeping it, else pop it */ \
    X(POP_JUMP_FORWARD_IF_FALSE, 114, 0, JFWD)      /* (x --) jump forward oparg if x is false */ \
    X(POP_JUMP_FORWARD_IF_TRUE, 115, 0, JFWD)       /* (x --) jump forward oparg if x is true */ \
    X(LOAD_GLOBAL, 116, 5, NAME)                    /* (-- [NULL] value) globals then builtins; NULL first if oparg & 1 */ \
    X(IS_OP, 117, 0, ARG)                           /* (left right -- bool) `is`, or `is not` when oparg is 1 */ \
    X(CONTAINS_OP, 118, 0, ARG)                     /* (left right -- bool) `in`, or `not in` when oparg is 1 */ \
    X(RERAISE, 119, 0, ARG)                         /* ([lasti] exc --) raise exc again; oparg set: lasti below it restores the raising offset */ \
    X(COPY, 120, 0, ARG)                            /* (.. x .. -- .. x .. x) push a copy of the oparg-th item (1-based) */ \
    X(BINARY_OP, 122, 1, ARG)                       /* (left right -- result) apply binary operator oparg (NB_* in runtime/object.h) */ \
    X(SEND, 123, 0, JFWD)                           /* (recv value -- recv yielded) send value into recv; if it returns: (-- result), jump forward oparg */ \
    X(LOAD_FAST, 124, 0, LOCAL)                     /* (-- localsplus[oparg]) UnboundLocalError if unset */ \
    X(STORE_FAST, 125, 0, LOCAL)                    /* (x --) localsplus[oparg] = x */ \
    X(DELETE_FAST, 126, 0, LOCAL)                   /* (--) clear localsplus[oparg] */ \
    X(POP_JUMP_FORWARD_IF_NOT_NONE, 128, 0, JFWD)   /* (x --) jump forward oparg if x is not None */ \
    X(POP_JUMP_FORWARD_IF_NONE, 129, 0, JFWD)       /* (x --) jump forward oparg if x is None */ \
    X(RAISE_VARARGS, 130, 0, ARG)                   /* (args.. --) oparg 0: re-raise; 1: raise exc; 2: raise exc from cause */ \
    X(GET_AWAITABLE, 131, 0, ARG)                   /* (obj -- awaitable) for await; oparg says where (error text) */ \
    X(MAKE_FUNCTION, 132, 0, ARG)                   /* ([defaults kwdefaults annotations closure] code -- func) oparg flags 1,2,4,8 */ \
    X(BUILD_SLICE, 133, 0, ARG)                     /* (start stop [step] -- slice) oparg 2 or 3 items */ \
    X(JUMP_BACKWARD_NO_INTERRUPT, 134, 0, JBACK)    /* (--) jump back oparg units without checking for signals */ \
    X(MAKE_CELL, 135, 0, FREE)                      /* (--) wrap localsplus[oparg] in a new cell */ \
    X(LOAD_CLOSURE, 136, 0, FREE)                   /* (-- cell) push the cell in localsplus[oparg] itself */ \
    X(LOAD_DEREF, 137, 0, FREE)                     /* (-- cell contents) NameError if the cell is empty */ \
    X(STORE_DEREF, 138, 0, FREE)                    /* (x --) store x into the cell in localsplus[oparg] */ \
    X(DELETE_DEREF, 139, 0, FREE)                   /* (--) empty the cell in localsplus[oparg] */ \
    X(JUMP_BACKWARD, 140, 0, JBACK)                 /* (--) jump back oparg units (a loop); checks for pending signals */ \
    X(CALL_FUNCTION_EX, 142, 0, ARG)                /* (NULL func args [kwargs] -- result) f(*args, **kwargs); oparg & 1: kwargs */ \
    X(EXTENDED_ARG, 144, 0, ARG)                    /* (--) prefix: next oparg |= this oparg << 8 */ \
    X(LIST_APPEND, 145, 0, ARG)                     /* (list .. x -- list ..) list (oparg deep, after pop) .append(x) */ \
    X(SET_ADD, 146, 0, ARG)                         /* (set .. x -- set ..) set (oparg deep, after pop) .add(x) */ \
    X(MAP_ADD, 147, 0, ARG)                         /* (dict .. k v -- dict ..) dict (oparg deep, after pop)[k] = v */ \
    X(LOAD_CLASSDEREF, 148, 0, FREE)                /* (-- value) class body: locals first, then the cell localsplus[oparg] */ \
    X(COPY_FREE_VARS, 149, 0, ARG)                  /* (--) copy oparg closure cells into the last localsplus slots */ \
    X(RESUME, 151, 0, ARG)                          /* (--) start/resume point of a frame: 0 start, 1 after yield, 2/3 after yield from/await */ \
    X(MATCH_CLASS, 152, 0, ARG)                     /* (subj cls names -- attrs|None) case cls(...): oparg positional patterns */ \
    X(FORMAT_VALUE, 155, 0, ARG)                    /* (x [spec] -- str) f-string field: oparg&3 conversion, oparg&4 a spec */ \
    X(BUILD_CONST_KEY_MAP, 156, 0, ARG)             /* (v1 .. vn keys -- dict) keys is a tuple constant, n = oparg */ \
    X(BUILD_STRING, 157, 0, ARG)                    /* (s1 .. sn -- str) concatenate oparg strings */ \
    X(LOAD_METHOD, 160, 10, NAME)                   /* (obj -- meth obj | NULL attr) look up a method for a call, unbound if possible */ \
    X(LIST_EXTEND, 162, 0, ARG)                     /* (list .. seq -- list ..) list (oparg deep, after pop) .extend(seq) */ \
    X(SET_UPDATE, 163, 0, ARG)                      /* (set .. seq -- set ..) set (oparg deep, after pop) .update(seq) */ \
    X(DICT_MERGE, 164, 0, ARG)                      /* (dict .. map -- dict ..) merge for f(**map): duplicate keys are an error */ \
    X(DICT_UPDATE, 165, 0, ARG)                     /* (dict .. map -- dict ..) dict (oparg deep, after pop) .update(map) */ \
    X(PRECALL, 166, 1, ARG)                         /* (NULL bound args -- func self args) unpack a bound method before CALL, else nothing */ \
    X(CALL, 171, 4, ARG)                            /* (NULL callable | meth self, arg1 .. argn -- result) call with n = oparg arguments */ \
    X(KW_NAMES, 172, 0, CONST)                      /* (--) the next CALL's last len(co_consts[oparg]) args are keywords with these names */ \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE, 173, 0, JBACK) /* (x --) jump back oparg if x is not None */ \
    X(POP_JUMP_BACKWARD_IF_NONE, 174, 0, JBACK)     /* (x --) jump back oparg if x is None */ \
    X(POP_JUMP_BACKWARD_IF_FALSE, 175, 0, JBACK)    /* (x --) jump back oparg if x is false */ \
    X(POP_JUMP_BACKWARD_IF_TRUE, 176, 0, JBACK)     /* (x --) jump back oparg if x is true */ \

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
