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
 * X(name, number, caches, operand kind, popped, pushed, effect), the
 * operand kinds being
 *   NONE     no operand (oparg ignored)      ARG      a plain number
 *   CONST    index into co_consts            NAME     index into co_names
 *   LOCAL    index into localsplus (a local) FREE     index into localsplus (cell/free)
 *   JFWD     forward jump distance           JBACK    backward jump distance
 *   COMPARE  index into cmp_op ('<' ...)  LOCAL2   two locals, oparg >> 4 and & 15 (3.13)
 * LOAD_GLOBAL's NAME operand is `oparg >> 1` (the low bit asks for a NULL).
 * The comment after an entry says what it does; `name` is co_names[oparg].
 *
 * The stack effect, as data.  `popped` is how many items, counted from the
 * top, the instruction uses — the ones it removes and the ones below them
 * that it reads or rewrites in place — and `pushed` how many it leaves
 * there instead.  Both are C expressions of `oparg` and `jump` (true when
 * the instruction jumps; only FOR_ITER, SEND and JUMP_IF_*_OR_POP leave a
 * different stack when they jump).  So `popped` is also the depth the
 * stack must have (LIST_APPEND 2 needs 3 items: it pops one and appends it
 * to the list 2 below, leaving 2), and `pushed - popped` is the change in
 * depth.  vm_stack_popped and vm_stack_pushed (opcodes.c) evaluate them.
 * COPY and SWAP need oparg >= 1.
 *
 * `effect` says the same for the reader, in Forth notation: (inputs --
 * outputs), the top of the stack rightmost; items[n] stands for n items,
 * unused[n] for n items the instruction passes over without touching, and
 * [x] for an item present or not according to oparg.  ", jump: (...)"
 * gives the stack when the instruction jumps, ", or (...)" another case of
 * the same size.  A few words that recur:
 *   NULL      the marker below a callable that is not a method (3.11 calls
 *             always take two slots: NULL+callable or method+self)
 *   localsplus  the frame's slots: locals, then cells, then free variables
 *   cell      a box shared between a function and its closures
 *
 * tests/unit/test_opcodes.c checks the list against python3.11: names,
 * numbers and caches against Lib/opcode.py, pushed - popped against
 * dis.stack_effect(op, oparg, jump=...) for every opcode and kind of oparg,
 * and the item counts of `effect` against popped and pushed.
 *
 * Only the base 3.11 opcodes are listed; the numbers CPython reserves for
 * its specialised forms are never valid in a .pyc file and, like every other
 * unlisted byte, dispatch to one "unknown opcode" error.
 */
#ifndef PVM_OPCODES_H
#define PVM_OPCODES_H

#include <stdbool.h>
#include <stdint.h>

#define PVM_OPCODES(X) \
    X(CACHE,                          0, 0, NONE,  0,         0,            "(--)") /* inline cache unit; never executed, skipped after its owner */ \
    X(POP_TOP,                        1, 0, NONE,  1,         0,            "(x --)") /* discard the top of stack */ \
    X(PUSH_NULL,                      2, 0, NONE,  0,         1,            "(-- NULL)") /* the NULL a CALL expects below a plain callable */ \
    X(NOP,                            9, 0, NONE,  0,         0,            "(--)") /* do nothing (keeps a line number alive) */ \
    X(UNARY_POSITIVE,                10, 0, NONE,  1,         1,            "(x -- +x)") \
    X(UNARY_NEGATIVE,                11, 0, NONE,  1,         1,            "(x -- -x)") \
    X(UNARY_NOT,                     12, 0, NONE,  1,         1,            "(x -- bool)") /* not x */ \
    X(UNARY_INVERT,                  15, 0, NONE,  1,         1,            "(x -- ~x)") \
    X(BINARY_SUBSCR,                 25, 4, NONE,  2,         1,            "(container key -- value)") /* container[key] */ \
    X(GET_LEN,                       30, 0, NONE,  1,         2,            "(obj -- obj len)") /* len(obj), for match patterns */ \
    X(MATCH_MAPPING,                 31, 0, NONE,  1,         2,            "(subj -- subj bool)") /* is subj a Mapping? */ \
    X(MATCH_SEQUENCE,                32, 0, NONE,  1,         2,            "(subj -- subj bool)") /* is subj a Sequence (not str/bytes)? */ \
    X(MATCH_KEYS,                    33, 0, NONE,  2,         3,            "(subj keys -- subj keys values|None)") /* look keys up in subj */ \
    X(PUSH_EXC_INFO,                 35, 0, NONE,  1,         2,            "(exc -- prev_exc exc)") /* handler entry: save the old current exception */ \
    X(CHECK_EXC_MATCH,               36, 0, NONE,  2,         2,            "(exc type -- exc bool)") /* isinstance(exc, type) for `except type` */ \
    X(CHECK_EG_MATCH,                37, 0, NONE,  2,         2,            "(eg type -- rest match)") /* split an ExceptionGroup for `except*`; no match: (eg None) */ \
    X(WITH_EXCEPT_START,             49, 0, NONE,  4,         5,            "(exit lasti prev exc -- exit lasti prev exc res)") /* res = exit(type(exc), exc, tb) */ \
    X(GET_AITER,                     50, 0, NONE,  1,         1,            "(obj -- aiter)") /* obj.__aiter__() */ \
    X(GET_ANEXT,                     51, 0, NONE,  1,         2,            "(aiter -- aiter awaitable)") /* awaitable of aiter.__anext__() */ \
    X(BEFORE_ASYNC_WITH,             52, 0, NONE,  1,         2,            "(mgr -- __aexit__ awaitable)") /* bind __aexit__, call __aenter__ */ \
    X(BEFORE_WITH,                   53, 0, NONE,  1,         2,            "(mgr -- __exit__ value)") /* enter a with block: value = mgr.__enter__() */ \
    X(END_ASYNC_FOR,                 54, 0, NONE,  2,         0,            "(aiter exc --)") /* end async for on StopAsyncIteration, else re-raise */ \
    X(STORE_SUBSCR,                  60, 1, NONE,  3,         0,            "(value container key --)") /* container[key] = value */ \
    X(DELETE_SUBSCR,                 61, 0, NONE,  2,         0,            "(container key --)") /* del container[key] */ \
    X(GET_ITER,                      68, 0, NONE,  1,         1,            "(obj -- iter)") /* iter(obj) */ \
    X(GET_YIELD_FROM_ITER,           69, 0, NONE,  1,         1,            "(obj -- iter)") /* iter(obj), unless obj is already a generator/coroutine */ \
    X(PRINT_EXPR,                    70, 0, NONE,  1,         0,            "(x --)") /* interactive mode: sys.displayhook(x) */ \
    X(LOAD_BUILD_CLASS,              71, 0, NONE,  0,         1,            "(-- __build_class__)") /* from builtins */ \
    X(LOAD_ASSERTION_ERROR,          74, 0, NONE,  0,         1,            "(-- AssertionError)") /* for a failing assert */ \
    X(RETURN_GENERATOR,              75, 0, NONE,  0,         0,            "(--)") /* make a generator/coroutine of this frame and return it */ \
    X(LIST_TO_TUPLE,                 82, 0, NONE,  1,         1,            "(list -- tuple)") /* tuple(list) */ \
    X(RETURN_VALUE,                  83, 0, NONE,  1,         0,            "(x --)") /* pop the frame, give x to the caller */ \
    X(IMPORT_STAR,                   84, 0, NONE,  1,         0,            "(module --)") /* from module import *, into the locals */ \
    X(SETUP_ANNOTATIONS,             85, 0, NONE,  0,         0,            "(--)") /* create __annotations__ in the locals if missing */ \
    X(YIELD_VALUE,                   86, 0, NONE,  1,         1,            "(x -- sent)") /* suspend the generator, yield x; resumes with the sent value */ \
    X(ASYNC_GEN_WRAP,                87, 0, NONE,  1,         1,            "(x -- wrapped)") /* mark a value yielded by an async generator */ \
    X(PREP_RERAISE_STAR,             88, 0, NONE,  2,         1,            "(orig list -- exc|None)") /* combine what except* clauses raised */ \
    X(POP_EXCEPT,                    89, 0, NONE,  1,         0,            "(prev_exc --)") /* handler exit: restore the saved current exception */ \
    X(STORE_NAME,                    90, 0, NAME,  1,         0,            "(x --)") /* locals[name] = x (module/class bodies) */ \
    X(DELETE_NAME,                   91, 0, NAME,  0,         0,            "(--)") /* del locals[name] */ \
    X(UNPACK_SEQUENCE,               92, 1, ARG,   1,         oparg,        "(seq -- items[oparg])") /* exactly oparg items, the first on top */ \
    X(FOR_ITER,                      93, 0, JFWD,  1,         jump ? 0 : 2, "(iter -- iter next), jump: (iter --)") /* jump forward when exhausted */ \
    X(UNPACK_EX,                     94, 0, ARG,   1,         (oparg & 0xff) + (oparg >> 8) + 1, "(seq -- after[oparg>>8] list before[oparg&0xff])") /* a, *b, c = seq */ \
    X(STORE_ATTR,                    95, 4, NAME,  2,         0,            "(value obj --)") /* obj.name = value */ \
    X(DELETE_ATTR,                   96, 0, NAME,  1,         0,            "(obj --)") /* del obj.name */ \
    X(STORE_GLOBAL,                  97, 0, NAME,  1,         0,            "(x --)") /* globals[name] = x */ \
    X(DELETE_GLOBAL,                 98, 0, NAME,  0,         0,            "(--)") /* del globals[name] */ \
    X(SWAP,                          99, 0, ARG,   oparg,     oparg,        "(a unused[oparg-2] b -- b unused[oparg-2] a)") /* swap the top with the oparg-th item */ \
    X(LOAD_CONST,                   100, 0, CONST, 0,         1,            "(-- value)") /* co_consts[oparg] */ \
    X(LOAD_NAME,                    101, 0, NAME,  0,         1,            "(-- value)") /* look name up in locals, globals, builtins */ \
    X(BUILD_TUPLE,                  102, 0, ARG,   oparg,     1,            "(items[oparg] -- tuple)") \
    X(BUILD_LIST,                   103, 0, ARG,   oparg,     1,            "(items[oparg] -- list)") \
    X(BUILD_SET,                    104, 0, ARG,   oparg,     1,            "(items[oparg] -- set)") \
    X(BUILD_MAP,                    105, 0, ARG,   2 * oparg, 1,            "(keys_values[2*oparg] -- dict)") /* k1 v1 k2 v2 ... */ \
    X(LOAD_ATTR,                    106, 4, NAME,  1,         1,            "(obj -- value)") /* obj.name */ \
    X(COMPARE_OP,                   107, 2, COMPARE, 2,         1,            "(left right -- result)") /* rich comparison cmp_op[oparg] */ \
    X(IMPORT_NAME,                  108, 0, NAME,  2,         1,            "(level fromlist -- module)") /* __import__(name, ..., fromlist, level) */ \
    X(IMPORT_FROM,                  109, 0, NAME,  1,         2,            "(module -- module attr)") /* module.name, or the submodule */ \
    X(JUMP_FORWARD,                 110, 0, JFWD,  0,         0,            "(--)") /* jump forward oparg units */ \
    X(JUMP_IF_FALSE_OR_POP,         111, 0, JFWD,  1,         jump ? 1 : 0, "(x --), jump: (x -- x)") /* `and`: jump keeping x if false */ \
    X(JUMP_IF_TRUE_OR_POP,          112, 0, JFWD,  1,         jump ? 1 : 0, "(x --), jump: (x -- x)") /* `or`: jump keeping x if true */ \
    X(POP_JUMP_FORWARD_IF_FALSE,    114, 0, JFWD,  1,         0,            "(x --)") /* jump forward if x is false */ \
    X(POP_JUMP_FORWARD_IF_TRUE,     115, 0, JFWD,  1,         0,            "(x --)") /* jump forward if x is true */ \
    X(LOAD_GLOBAL,                  116, 5, NAME,  0,         1 + (oparg & 1), "(-- [NULL] value)") /* globals then builtins; NULL first if oparg & 1 */ \
    X(IS_OP,                        117, 0, ARG,   2,         1,            "(left right -- bool)") /* `is`, or `is not` when oparg is 1 */ \
    X(CONTAINS_OP,                  118, 0, ARG,   2,         1,            "(left right -- bool)") /* `in`, or `not in` when oparg is 1 */ \
    X(RERAISE,                      119, 0, ARG,   oparg + 1, oparg,        "(values[oparg] exc -- values[oparg])") /* raise exc again; oparg set: values[0], the lasti, restores the raising offset */ \
    X(COPY,                         120, 0, ARG,   oparg,     oparg + 1,    "(x unused[oparg-1] -- x unused[oparg-1] x)") /* push a copy of the oparg-th item */ \
    X(BINARY_OP,                    122, 1, ARG,   2,         1,            "(left right -- result)") /* binary operator oparg (NB_* in runtime/object.h) */ \
    X(SEND,                         123, 0, JFWD,  2,         jump ? 1 : 2, "(recv value -- recv yielded), jump: (recv value -- result)") /* send value into recv; jump when it returns */ \
    X(LOAD_FAST,                    124, 0, LOCAL, 0,         1,            "(-- value)") /* localsplus[oparg]; UnboundLocalError if unset */ \
    X(STORE_FAST,                   125, 0, LOCAL, 1,         0,            "(x --)") /* localsplus[oparg] = x */ \
    X(DELETE_FAST,                  126, 0, LOCAL, 0,         0,            "(--)") /* clear localsplus[oparg] */ \
    X(POP_JUMP_FORWARD_IF_NOT_NONE, 128, 0, JFWD,  1,         0,            "(x --)") /* jump forward if x is not None */ \
    X(POP_JUMP_FORWARD_IF_NONE,     129, 0, JFWD,  1,         0,            "(x --)") /* jump forward if x is None */ \
    X(RAISE_VARARGS,                130, 0, ARG,   oparg,     0,            "(args[oparg] --)") /* 0: re-raise; 1: raise exc; 2: raise exc from cause */ \
    X(GET_AWAITABLE,                131, 0, ARG,   1,         1,            "(obj -- awaitable)") /* for await; oparg says where (error text) */ \
    X(MAKE_FUNCTION,                132, 0, ARG,   1 + __builtin_popcount(oparg & 0x0f), 1,            "([defaults] [kwdefaults] [annotations] [closure] code -- func)") /* one per flag 1, 2, 4, 8 */ \
    X(BUILD_SLICE,                  133, 0, ARG,   oparg == 3 ? 3 : 2, 1,            "(start stop [step] -- slice)") /* step when oparg is 3 */ \
    X(JUMP_BACKWARD_NO_INTERRUPT,   134, 0, JBACK, 0,         0,            "(--)") /* jump back oparg units; no eval breaker (yield from) */ \
    X(MAKE_CELL,                    135, 0, FREE,  0,         0,            "(--)") /* wrap localsplus[oparg] in a new cell */ \
    X(LOAD_CLOSURE,                 136, 0, FREE,  0,         1,            "(-- cell)") /* push the cell in localsplus[oparg] itself */ \
    X(LOAD_DEREF,                   137, 0, FREE,  0,         1,            "(-- value)") /* the cell's contents; NameError if the cell is empty */ \
    X(STORE_DEREF,                  138, 0, FREE,  1,         0,            "(x --)") /* store x into the cell in localsplus[oparg] */ \
    X(DELETE_DEREF,                 139, 0, FREE,  0,         0,            "(--)") /* empty the cell in localsplus[oparg] */ \
    X(JUMP_BACKWARD,                140, 0, JBACK, 0,         0,            "(--)") /* jump back oparg units (a loop); checks the eval breaker */ \
    X(CALL_FUNCTION_EX,             142, 0, ARG,   3 + (oparg & 1), 1,            "(NULL func args [kwargs] -- result)") /* f(*args, **kwargs); kwargs if oparg & 1 */ \
    X(EXTENDED_ARG,                 144, 0, ARG,   0,         0,            "(--)") /* prefix: next oparg |= this oparg << 8 */ \
    X(LIST_APPEND,                  145, 0, ARG,   oparg + 1, oparg,        "(list unused[oparg-1] x -- list unused[oparg-1])") /* list.append(x) */ \
    X(SET_ADD,                      146, 0, ARG,   oparg + 1, oparg,        "(set unused[oparg-1] x -- set unused[oparg-1])") /* set.add(x) */ \
    X(MAP_ADD,                      147, 0, ARG,   oparg + 2, oparg,        "(dict unused[oparg-1] k v -- dict unused[oparg-1])") /* dict[k] = v */ \
    X(LOAD_CLASSDEREF,              148, 0, FREE,  0,         1,            "(-- value)") /* class body: locals first, then the cell localsplus[oparg] */ \
    X(COPY_FREE_VARS,               149, 0, ARG,   0,         0,            "(--)") /* copy oparg closure cells into the last localsplus slots */ \
    X(RESUME,                       151, 0, ARG,   0,         0,            "(--)") /* start (0) or resumption (1 yield, 2 yield from, 3 await) of a frame */ \
    X(MATCH_CLASS,                  152, 0, ARG,   3,         1,            "(subj cls names -- attrs|None)") /* case cls(...): oparg positional patterns */ \
    X(FORMAT_VALUE,                 155, 0, ARG,   1 + ((oparg & 4) != 0), 1,            "(x [spec] -- str)") /* f-string field: oparg & 3 conversion, oparg & 4 a spec */ \
    X(BUILD_CONST_KEY_MAP,          156, 0, ARG,   oparg + 1, 1,            "(values[oparg] keys -- dict)") /* keys: a tuple constant */ \
    X(BUILD_STRING,                 157, 0, ARG,   oparg,     1,            "(strs[oparg] -- str)") /* concatenate */ \
    X(LOAD_METHOD,                  160,10, NAME,  1,         2,            "(obj -- meth obj), or (obj -- NULL attr)") /* look up a method for a call, unbound if possible */ \
    X(LIST_EXTEND,                  162, 0, ARG,   oparg + 1, oparg,        "(list unused[oparg-1] seq -- list unused[oparg-1])") /* list.extend(seq) */ \
    X(SET_UPDATE,                   163, 0, ARG,   oparg + 1, oparg,        "(set unused[oparg-1] seq -- set unused[oparg-1])") /* set.update(seq) */ \
    X(DICT_MERGE,                   164, 0, ARG,   oparg + 3, oparg + 2,    "(func unused dict unused[oparg-1] map -- func unused dict unused[oparg-1])") /* f(**map): duplicate keys are an error */ \
    X(DICT_UPDATE,                  165, 0, ARG,   oparg + 1, oparg,        "(dict unused[oparg-1] map -- dict unused[oparg-1])") /* dict.update(map) */ \
    X(PRECALL,                      166, 1, ARG,   oparg + 2, oparg + 2,    "(NULL method args[oparg] -- func self args[oparg])") /* unpack a bound method, else nothing */ \
    X(CALL,                         171, 4, ARG,   oparg + 2, 1,            "(NULL callable args[oparg] -- result), or (meth self args[oparg] -- result)") /* call */ \
    X(KW_NAMES,                     172, 0, CONST, 0,         0,            "(--)") /* the next CALL's last len(co_consts[oparg]) args are keywords */ \
    X(POP_JUMP_BACKWARD_IF_NOT_NONE,173, 0, JBACK, 1,         0,            "(x --)") /* jump back if x is not None; checks the eval breaker */ \
    X(POP_JUMP_BACKWARD_IF_NONE,    174, 0, JBACK, 1,         0,            "(x --)") /* jump back if x is None; checks the eval breaker */ \
    X(POP_JUMP_BACKWARD_IF_FALSE,   175, 0, JBACK, 1,         0,            "(x --)") /* jump back if x is false; checks the eval breaker */ \
    X(POP_JUMP_BACKWARD_IF_TRUE,    176, 0, JBACK, 1,         0,            "(x --)") /* jump back if x is true; checks the eval breaker */ \

enum {
#define OPCODE_ENUM(name, num, ...) OP_##name = num,
    PVM_OPCODES(OPCODE_ENUM)
#undef OPCODE_ENUM
};

/* The internal instructions 3.12 code is translated into (appended to the
 * table below: vm_opcode_info, the stack effects, every dispatch table). */
#include "vm/opcodes_internal.h"

/* ---- specialized instructions ---------------------------------------------
 * The forms the eval loop rewrites an instruction into once it has seen what
 * it operates on (vm/specialize.c; CPython 3.11's adaptive interpreter is
 * the model).  They exist only in ObjCode.instrs, the copy the loop runs,
 * never in a .pyc (there, like every unlisted byte, they are unknown
 * opcodes), and each has its base instruction's operand and inline caches.
 * Numbers and names are CPython 3.11's where it has the form (dis's
 * _specialized_instructions); the forms 3.11 lacks (PVM_OWN_SPECIALIZED)
 * take numbers from 181 up, with CPython 3.12's names where it has them,
 * and numbers pvm's loop leaves free below: those of 3.11's *_ADAPTIVE
 * forms (pvm's base instructions count for themselves) and of forms pvm
 * does not make (BINARY_SUBSCR_GETITEM, JUMP_BACKWARD_QUICK).  The forms
 * of 3.12's `_312` instructions are listed apart (PVM_SPECIALIZED_312,
 * opcodes_internal.h).
 *
 * X(name, number, base instruction) */
#define PVM_SPECIALIZED(X) PVM_CPYTHON_SPECIALIZED(X) PVM_OWN_SPECIALIZED(X)

#define PVM_CPYTHON_SPECIALIZED(X) \
    X(BINARY_OP_ADD_FLOAT,            4, BINARY_OP)   /* float + float */ \
    X(BINARY_OP_ADD_INT,              5, BINARY_OP)   /* int + int (small: inline) */ \
    X(BINARY_OP_ADD_UNICODE,          6, BINARY_OP)   /* str + str */ \
    X(BINARY_OP_INPLACE_ADD_UNICODE,  7, BINARY_OP)   /* s = s + str into the local s: appended in place if s is owned */ \
    X(BINARY_OP_MULTIPLY_FLOAT,       8, BINARY_OP)   /* float * float */ \
    X(BINARY_OP_MULTIPLY_INT,        13, BINARY_OP)   /* int * int */ \
    X(BINARY_OP_SUBTRACT_FLOAT,      14, BINARY_OP)   /* float - float */ \
    X(BINARY_OP_SUBTRACT_INT,        16, BINARY_OP)   /* int - int */ \
    X(BINARY_SUBSCR_DICT,            18, BINARY_SUBSCR) /* dict[key] */ \
    X(BINARY_SUBSCR_LIST_INT,        20, BINARY_SUBSCR) /* list[i], 0 <= i < len */ \
    X(BINARY_SUBSCR_TUPLE_INT,       21, BINARY_SUBSCR) /* tuple[i], 0 <= i < len */ \
    X(CALL_PY_EXACT_ARGS,            23, CALL)        /* a Python function given exactly its positional parameters */ \
    X(CALL_PY_WITH_DEFAULTS,         24, CALL)        /* the same, the missing last ones from its defaults */ \
    X(COMPARE_OP_FLOAT_JUMP,         27, COMPARE_OP)  /* float ? float, and the POP_JUMP_IF after it */ \
    X(COMPARE_OP_INT_JUMP,           28, COMPARE_OP)  /* small int ? small int, and the jump */ \
    X(COMPARE_OP_STR_JUMP,           29, COMPARE_OP)  /* str == or != str, and the jump */ \
    X(LOAD_ATTR_MODULE,              41, LOAD_ATTR)   /* a module's global, at a known dict entry */ \
    X(LOAD_ATTR_SLOT,                42, LOAD_ATTR)   /* a __slots__ member, at a known offset */ \
    X(LOAD_ATTR_WITH_HINT,           43, LOAD_ATTR)   /* from the instance dict, at a known entry */ \
    X(LOAD_GLOBAL_BUILTIN,           48, LOAD_GLOBAL) /* a builtin at a known entry; globals' keys unchanged */ \
    X(LOAD_GLOBAL_MODULE,            55, LOAD_GLOBAL) /* a global at a known entry of the globals */ \
    X(LOAD_METHOD_CLASS,             57, LOAD_METHOD) /* Class.f(...): a class's own function, no binding */ \
    X(LOAD_METHOD_MODULE,            58, LOAD_METHOD) /* mod.f(...): a module's global */ \
    X(LOAD_METHOD_NO_DICT,           59, LOAD_METHOD) /* a method of a type whose instances have no dict */ \
    X(LOAD_METHOD_WITH_DICT,         62, LOAD_METHOD) /* a method of a class, the instance dict lacking the name */ \
    X(PRECALL_NO_KW_BUILTIN_FAST,    73, PRECALL)     /* a builtin function, called here; CALL skipped */ \
    X(PRECALL_NO_KW_ISINSTANCE,      77, PRECALL)     /* isinstance(x, cls), called here */ \
    X(PRECALL_NO_KW_LEN,             78, PRECALL)     /* len(x), called here */ \
    X(PRECALL_NO_KW_LIST_APPEND,     79, PRECALL)     /* list.append(x) on an exact list */ \
    X(PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST, 80, PRECALL) /* obj.meth(...) of a builtin type, called here */ \
    X(PRECALL_NO_KW_TYPE_1,         141, PRECALL)     /* type(x) */ \
    X(PRECALL_PYFUNC,               143, PRECALL)     /* a Python function: nothing to unpack */ \
    X(STORE_ATTR_SLOT,              158, STORE_ATTR)  /* into a __slots__ member, at a known offset */ \
    X(STORE_ATTR_WITH_HINT,         159, STORE_ATTR)  /* into the instance dict, at a known entry or added */ \
    X(STORE_SUBSCR_DICT,            169, STORE_SUBSCR) /* dict[key] = value */ \
    X(STORE_SUBSCR_LIST_INT,        170, STORE_SUBSCR) /* list[i] = value, 0 <= i < len */ \
    X(UNPACK_SEQUENCE_LIST,         178, UNPACK_SEQUENCE) /* a list of oparg items */ \
    X(UNPACK_SEQUENCE_TUPLE,        179, UNPACK_SEQUENCE) /* a tuple of oparg items */ \
    X(UNPACK_SEQUENCE_TWO_TUPLE,    180, UNPACK_SEQUENCE) /* a tuple of two */

#define PVM_OWN_SPECIALIZED(X) \
    X(LOAD_ATTR_PROPERTY,           181, LOAD_ATTR)   /* a property of the class: call its getter */ \
    X(LOAD_ATTR_GETSET,              34, LOAD_ATTR)   /* a getset descriptor of a C type (obj.__class__): call its getter */ \
    X(LOAD_ATTR_BOUND_METHOD,        45, LOAD_ATTR)   /* obj.meth not called here: the class's function or builtin method, bound to obj */ \
    X(FOR_ITER_LIST,                182, FOR_ITER)    /* a list's iterator, stepped in the loop */ \
    X(FOR_ITER_TUPLE,               183, FOR_ITER)    /* a tuple's iterator, stepped in the loop */ \
    X(FOR_ITER_RANGE,               184, FOR_ITER)    /* a range's iterator, stepped in the loop */ \
    X(BUILD_TUPLE_ISINSTANCE,        17, BUILD_TUPLE) /* isinstance(x, (A, B)) answered with no tuple made: PRECALL and CALL skipped */ \
    X(BUILD_TUPLE_COMPARE,          168, BUILD_TUPLE) /* t < (a, b): the items compared with the tuple below them, COMPARE_OP run here: no tuple */ \
    X(FOR_ITER_STR_ASCII,            19, FOR_ITER)    /* an ASCII str's iterator, stepped in the loop */ \
    X(FOR_ITER_DICT_ITEMS,          177, FOR_ITER)    /* a dict items iterator and the UNPACK_SEQUENCE 2 after it: no (k, v) tuple */ \
    X(BINARY_OP_ADD_UNICODE_CONST,   22, BINARY_OP)   /* str + str + "k": the LOAD_CONST and BINARY_OP after it fused */ \
    X(BINARY_SUBSCR_STR_INT,          3, BINARY_SUBSCR) /* ASCII str[i], 0 <= i < len: the shared one-character str */ \
    X(BINARY_OP_INT_CHAIN,           26, BINARY_OP)   /* int op int, op k, op k...: 128-bit, no ints between */ \
    X(LOAD_FAST_DISOWN,              38, LOAD_FAST)   /* a read of a local that may hold an owned str: clears the flag */ \
    X(LOAD_FAST_LEN_ARG,             39, LOAD_FAST)   /* the same, but len(local) keeps it */ \
    X(PRECALL_NO_KW_STR_JOIN_ENCODE, 64, PRECALL)     /* sep.join(x).encode(k): the str made becomes the bytes in its block */ \
    X(PRECALL_NO_KW_STR_JOIN_CONCAT, 47, PRECALL)     /* left + sep.join(x) [+ k]: made in the joined str's block */

enum {
#define SPECIALIZED_ENUM(name, num, ...) OP_##name = num,
    PVM_SPECIALIZED(SPECIALIZED_ENUM)
    PVM_SPECIALIZED_312(SPECIALIZED_ENUM)
#undef SPECIALIZED_ENUM
};

/* The name of an opcode byte, specialized forms included (NULL: neither);
 * the base instruction of a specialized form (itself for any other). */
const char *vm_opcode_name(int opcode);
int vm_base_opcode(int opcode);

/* The byte CPython 3.11 would have in its adaptive code (code objects'
 * _co_code_adaptive, dis's adaptive=True) where pvm's loop runs `opcode`:
 * the specialized forms CPython has keep their (shared) numbers; pvm's own
 * forms (PVM_OWN_SPECIALIZED), which 3.11's dis cannot name or would name
 * wrongly, show their base instruction, as an instruction CPython has not
 * specialized does. */
int vm_cpython_adaptive_opcode(int opcode);

/* CACHES_<NAME>: the inline cache units after each opcode. */
enum {
#define OPCODE_CACHES(name, num, caches, ...) CACHES_##name = caches,
    PVM_OPCODES(OPCODE_CACHES)
#undef OPCODE_CACHES
};

/* The operand kinds, as an enum for tables. */
typedef enum { OPK_NONE, OPK_ARG, OPK_CONST, OPK_NAME, OPK_LOCAL, OPK_FREE,
               OPK_JFWD, OPK_JBACK, OPK_COMPARE, OPK_LOCAL2 } OperandKind;

typedef struct OpcodeInfo {
    const char *name;           /* NULL: not a 3.11 opcode */
    unsigned char caches;
    OperandKind kind;
    const char *effect;         /* "(inputs -- outputs)" */
} OpcodeInfo;

/* Indexed by opcode byte, all 256 entries (vm/opcodes.c). */
extern const OpcodeInfo vm_opcode_info[256];

/* The stack effect of one instruction (see above): how many items from the
 * top it uses, and how many it leaves in their place; `jump`: the
 * instruction jumps.  -1 for a byte that is not a 3.11 opcode.  In 64 bits,
 * so that no oparg a file can hold (up to 2**31 - 1) overflows them. */
int64_t vm_stack_popped(int opcode, int64_t oparg, bool jump);
int64_t vm_stack_pushed(int opcode, int64_t oparg, bool jump);

/* All three counts of one instruction at once (one dispatch, for the
 * verifier, which needs them for every instruction it follows): popped,
 * and pushed when it does not jump and when it does. */
typedef struct VmStackEffect {
    int64_t popped, pushed, pushed_jumping;
} VmStackEffect;

VmStackEffect vm_stack_effect(int opcode, int64_t oparg);     /* in vm/verify.c */

#endif
