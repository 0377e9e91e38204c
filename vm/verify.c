/*
 * verify.c — the bytecode verifier (verify.h): what the eval loop may
 * assume about a code object, proved once at load time.
 *
 * The model is the JVM's class-file verifier and WebAssembly's validator:
 * instead of checking every operand and every stack access each time an
 * instruction runs, check once that no execution can go wrong, then run
 * the fast loop.  CPython does not do this (it trusts its .pyc files, and a
 * crafted one crashes it); pvm does, because a .pyc is untrusted input.
 *
 * Four passes over one code object:
 *
 *   1. Decoding (decode): split the code units into instructions — up to
 *      three EXTENDED_ARG prefixes, the opcode's own unit, then exactly as
 *      many inline CACHE units as vm/opcodes.h says — and remember where each
 *      instruction starts.  A decoding problem (an unknown opcode, a chain of
 *      prefixes running off the end) is only noted: unreachable bytes are
 *      harmless, and are reported only if the dataflow reaches them.
 *   2. The exception table (read_table): every entry is parsed and checked,
 *      and each instruction learns which entry, if any, covers it.
 *   3. The dataflow (run_dataflow): starting at the first instruction with
 *      an empty stack, a worklist follows every edge — the fall-through,
 *      the jump, and the exception edge to the handler that covers the
 *      instruction — and gives each instruction reached two facts about
 *      its stack on entry: its depth, and which of its slots may hold a
 *      NULL rather than an object (a call's, or an unbound local that
 *      LOAD_FAST_AND_CLEAR saved).  Each instruction is checked when it is
 *      first reached (check_instr), and every later path to it must arrive
 *      with the same depth.  The NULL sets merge at joins and only grow:
 *      an instruction is followed again only when its set grew, at most
 *      twice per slot of its stack, which makes this pass quadratic at
 *      worst (python's code holds a few such slots at a time, and revisits
 *      few instructions); without NULLs, linear.  Only an instruction that
 *      accepts a NULL there may take one; that rule is reported only when
 *      every other rule of the pass holds.
 *   4. Loops (find_unsafe_loop): a depth-first search for a cycle that
 *      never checks the eval breaker.  Every cycle has an edge that does
 *      not go forward, so the search runs only when the dataflow met such
 *      an edge other than a checked back edge (may_spin): in python3.11's
 *      output, the `yield from`/await loop's JUMP_BACKWARD_NO_INTERRUPT,
 *      and a nested `with` block's cleanup handler, placed before code it
 *      covers; and it starts from those edges' targets.
 *
 * The rules, in the words the rejection uses (one line, naming the code
 * object, the offset in bytes as dis shows it, the instruction and the
 * rule; loader/marshal.c adds the file name):
 *
 *   decoding    no CACHE unit or unknown (or specialised) opcode reached as an
 *               instruction; at most 3 EXTENDED_ARG prefixes, none at the end
 *               of the code, none before an opcode without an argument, and
 *               the oparg they build below 2**31; the caches inside the code
 *   operands    co_consts, co_names (LOAD_GLOBAL's name is oparg >> 1) and
 *               localsplus indexes in range; *_FAST on plain locals (a
 *               captured one lives in a cell), the *_DEREF family and
 *               LOAD_CLOSURE on cells or free variables, MAKE_CELL on cells,
 *               COPY_FREE_VARS n on exactly the last n slots when they are
 *               free variables; small enumerations in range (arg_range);
 *               KW_NAMES names a tuple of str
 *   jumps       land on the first unit of an instruction inside the code,
 *               never in the prologue and never on a CALL
 *   table       every entry parses; start < end <= code length, both on
 *               instruction boundaries; the target an instruction; depth +
 *               lasti + 1 <= co_stacksize; entries sorted and disjoint, as
 *               python3.11 writes them, and none over the prologue
 *   stack       never below zero (an instruction needs `popped` items,
 *               opcodes.h), never above co_stacksize, the same depth on
 *               every path into an instruction, no fall-through past the
 *               last instruction; an instruction covered by a handler keeps
 *               at least the handler's depth when it raises, and the
 *               handler starts at depth + lasti + 1 (the saved offset and
 *               the exception)
 *   nulls       a call's NULL (PUSH_NULL; LOAD_GLOBAL, LOAD_ATTR and
 *               LOAD_SUPER_ATTR with the low bit; LOAD_METHOD; LOAD_SPECIAL)
 *               is taken only by its call (PRECALL, CALL, CALL_KW,
 *               CALL_FUNCTION_EX; 3.14's POP_TOP too), an unbound local
 *               (LOAD_FAST_AND_CLEAR) only by STORE_FAST; SWAP and COPY
 *               move them, and a slot may hold one if it may on any path
 *   loops       every cycle passes a safe point: a JUMP_BACKWARD or
 *               POP_JUMP_BACKWARD_* (which check the eval breaker) or a
 *               YIELD_VALUE (find_unsafe_loop), so that Ctrl-C can always
 *               stop a program
 *   structure   KW_NAMES is followed by PRECALL, PRECALL n by CALL n, CALL
 *               n preceded by PRECALL n; the prologue — MAKE_CELL and
 *               COPY_FREE_VARS, then RETURN_GENERATOR in generator and
 *               coroutine code (and only there) — comes first and nowhere
 *               else, and gives every cell and free-variable slot its cell;
 *               YIELD_VALUE only in generator code; SEND (no prefix)
 *               is followed by YIELD_VALUE, and RESUME 2 or 3 comes only
 *               right after such a SEND and YIELD_VALUE (the `yield from`
 *               loop whose shape runtime/gen.c relies on to find the
 *               delegate)
 *
 * 3.12 code is verified after its translation (vm/translate.c), with the
 * same rules and a few allowances 3.12's inlined comprehensions need:
 * MAKE_CELL outside the prologue on a hidden or free slot, *_FAST (and
 * LOAD_FAST_AND_CLEAR) on a cell slot, and such slots without a cell from
 * the prologue; internal opcodes (vm/opcodes_internal.h) are unknown in
 * 3.11 code.  `tests/run_verify_stdlib.sh` with PYVER=3.12 checks
 * python3.12's standard library.
 *
 * Every rule holds for all of the bytecode python3.11 writes: `make
 * verify-stdlib` checks the whole standard library.  Stack effects are
 * vm/opcodes.h's, which a unit test compares with dis.stack_effect; the one
 * addition is RETURN_GENERATOR, after which the generator resumes with the
 * first value sent to it on the stack (the POP_TOP after it drops it).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "vm/decode.h"
#include "vm/opcodes.h"
#include "vm/opcodes312.h"
#include "vm/verify.h"

/* A decoding problem, noted by decode() and reported if the instruction
 * is reached. */
enum { DECODE_OK, DECODE_CACHE, DECODE_UNKNOWN, DECODE_PREFIXES, DECODE_BIG_ARG,
       DECODE_PREFIX_NO_ARG, DECODE_PREFIX_AT_END, DECODE_CACHES_PAST_END };

enum { MAX_PREFIXES = 3 };

#define GENERATOR_FLAGS (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)

/* What the dataflow and pass 4 know about an opcode beyond vm/opcodes.h,
 * a bit each (a table rather than a switch per question: the dataflow asks
 * them of every instruction it follows). */
enum {
    ENDS = 1,                   /* execution never continues with the next instruction */
    CHECKS_BREAKER = 2,         /* a back edge that checks the eval breaker (pass 4) */
    KEEPS_ITEMS = 4,            /* leaves the bottom items it pops in place, rather than
                                   replacing them with new objects (a NULL among them stays) */
    MAKES_NULL = 8,             /* may push a NULL (null_made) */
    MOVES_NULLS = 16,           /* SWAP and COPY (nulls_after) */
    PLACED = 32,                /* has a rule about where it stands (check_structure) */
};

static const uint8_t traits[256] = {
    [OP_RETURN_VALUE] = ENDS, [OP_RETURN_CONST] = ENDS, [OP_RAISE_VARARGS] = ENDS,
    [OP_RERAISE] = ENDS | KEEPS_ITEMS, [OP_JUMP_FORWARD] = ENDS,
    [OP_JUMP_BACKWARD_NO_INTERRUPT] = ENDS,
    [OP_JUMP_BACKWARD] = ENDS | CHECKS_BREAKER, [OP_JUMP_BACKWARD_313] = ENDS | CHECKS_BREAKER,
    [OP_POP_JUMP_BACKWARD_IF_FALSE] = CHECKS_BREAKER,
    [OP_POP_JUMP_BACKWARD_IF_TRUE] = CHECKS_BREAKER,
    [OP_POP_JUMP_BACKWARD_IF_NONE] = CHECKS_BREAKER,
    [OP_POP_JUMP_BACKWARD_IF_NOT_NONE] = CHECKS_BREAKER,
    [OP_LIST_APPEND] = KEEPS_ITEMS, [OP_SET_ADD] = KEEPS_ITEMS,
    [OP_MAP_ADD] = KEEPS_ITEMS, [OP_LIST_EXTEND] = KEEPS_ITEMS, [OP_SET_UPDATE] = KEEPS_ITEMS,
    [OP_DICT_UPDATE] = KEEPS_ITEMS, [OP_DICT_MERGE] = KEEPS_ITEMS,
    [OP_DICT_MERGE_313] = KEEPS_ITEMS, [OP_WITH_EXCEPT_START] = KEEPS_ITEMS,
    [OP_PUSH_NULL] = MAKES_NULL, [OP_LOAD_METHOD] = MAKES_NULL, [OP_LOAD_GLOBAL] = MAKES_NULL,
    [OP_LOAD_GLOBAL_312] = MAKES_NULL, [OP_LOAD_ATTR_312] = MAKES_NULL,
    [OP_LOAD_SUPER_ATTR] = MAKES_NULL, [OP_LOAD_GLOBAL_313] = MAKES_NULL,
    [OP_LOAD_ATTR_313] = MAKES_NULL, [OP_LOAD_SUPER_ATTR_313] = MAKES_NULL,
    [OP_LOAD_SPECIAL] = MAKES_NULL, [OP_LOAD_FAST_AND_CLEAR] = MAKES_NULL,
    [OP_SWAP] = MOVES_NULLS, [OP_COPY] = MOVES_NULLS,
    [OP_MAKE_CELL] = PLACED, [OP_COPY_FREE_VARS] = PLACED, [OP_RETURN_GENERATOR] = PLACED,
    [OP_YIELD_VALUE] = PLACED, [OP_KW_NAMES] = PLACED, [OP_PRECALL] = PLACED | KEEPS_ITEMS,
    [OP_CALL] = PLACED, [OP_SEND] = PLACED, [OP_SEND_312] = PLACED, [OP_RESUME] = PLACED,
};

/* One instruction, in 24 bytes.  Positions are code units (a unit is 2
 * bytes). */
typedef struct Instr {
    int64_t arg;                /* the whole oparg, prefixes included */
    int32_t start;              /* its first unit (its first EXTENDED_ARG, if any) */
    int32_t next;               /* the unit after it and its caches */
    int32_t handler;            /* the exception-table entry covering it, or -1 */
    uint8_t opcode, prefixes, problem;
    uint8_t kind;               /* its OperandKind (vm_opcode_info) */
} Instr;

/* The stack slots that may hold a NULL (pass 3, "NULLs" below): immutable
 * lists sharing their tails, a node per slot, from the top of the stack
 * down (slots decrease); a list is the index of its top node, -1 when
 * empty. */
typedef struct NullSlot {
    int32_t slot;               /* its index from the bottom of the stack */
    int32_t below;
    uint8_t kinds;              /* NULL_OF_CALL | NULL_UNBOUND */
} NullSlot;

/* The first NULL rule broken (reported only if every other rule of pass 3
 * holds, as when the NULLs were a pass of their own): an instruction
 * taking one, too many nodes, or no memory for them.  Once there is one,
 * the lists stop growing (every edge carries the empty list). */
typedef enum { NULLS_FINE, NULLS_TAKEN, NULLS_TOO_MANY, NULLS_NO_MEMORY } NullTrouble;

typedef struct Nulls {
    NullSlot *nodes;            /* in the scratch block until they outgrow it */
    int32_t nnodes, cap;
    NullSlot *spread;           /* scratch: one list's top part, `room` items */
    int32_t room;
    int32_t limit;              /* at most this many nodes (see MAX_NULL_NODES) */
    bool nodes_on_heap, spread_on_heap;
    NullTrouble trouble;
    const Instr *taker;         /* NULLS_TAKEN: the instruction, */
    int64_t pos;                /* which item from the top, */
    uint8_t bad;                /* and the kinds it may not take there */
} Nulls;

typedef struct Verifier {
    ObjCode *code;
    int32_t nunits;
    int32_t stacksize;          /* the code's co_stacksize, */
    int32_t nlocalsplus;        /* its number of locals, cells and free variables, */
    const uint8_t *kinds;       /* their kinds (co_localspluskinds), */
    size_t nconsts, nnames;     /* and the lengths of co_consts and co_names */
    Instr *ins;
    int32_t count;              /* instructions */
    int32_t *index;             /* unit -> the instruction starting there, or -1 */
    VmExcEntry *entries;        /* the exception table */
    int32_t nentries;
    int32_t *depth;             /* per instruction: stack depth on entry; -1 unreached */
    int32_t *nulls;             /* per instruction: its NULL list on entry */
    int32_t *work;              /* the worklist: instructions to check */
    uint8_t *mark;              /* the dataflow's QUEUED and CHECKED; then find_unsafe_loop's
                                   colour and next edge, per instruction */
    uint8_t *made;              /* check_cells_made: per slot, the cell the prologue makes */
    int32_t nwork;
    int32_t prologue;           /* instructions [0, prologue) are the prologue */
    bool may_spin;              /* an edge back that checks nothing: pass 4 must look */
    int32_t maxdepth;
    Nulls lists;                /* the NULL lists' nodes */
    char *err;
    size_t errlen;
    bool failed;
} Verifier;

/* ---- rejection ----------------------------------------------------------------- */

static const char *qualname(const Verifier *v)
{
    return rt_str_cstr(v->code->qualname);
}

/* The instruction as dis names it: "LOAD_CONST 135", "POP_TOP", "opcode 231". */
static void instr_text(const Instr *in, char *buf, size_t size)
{
    const char *name = vm_opcode_info[in->opcode].name;
    if (name == NULL || in->problem == DECODE_UNKNOWN)
        snprintf(buf, size, "opcode %d", in->opcode);
    else if (in->opcode >= VM_HAVE_ARGUMENT)
        snprintf(buf, size, "%s %lld", name, (long long)in->arg);
    else
        snprintf(buf, size, "%s", name);
}

/* Reject the code because of instruction `in`; always returns false. */
static bool reject(Verifier *v, const Instr *in, const char *fmt, ...)
{
    if (v->failed)
        return false;
    v->failed = true;
    char rule[256], text[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rule, sizeof rule, fmt, ap);
    va_end(ap);
    instr_text(in, text, sizeof text);
    snprintf(v->err, v->errlen, "bad bytecode in '%.80s' at code offset %d (%s): %s",
             qualname(v), 2 * in->start, text, rule);
    return false;
}

/* Reject the code because of exception-table entry number i (e: the
 * entry, or NULL when it could not be read). */
static bool reject_entry(Verifier *v, int32_t i, const VmExcEntry *e, const char *fmt, ...)
{
    if (v->failed)
        return false;
    v->failed = true;
    char rule[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rule, sizeof rule, fmt, ap);
    va_end(ap);
    /* The entry as dis lists it: first and last instruction offsets. */
    if (e == NULL)
        snprintf(v->err, v->errlen, "bad exception table in '%.80s', entry %d: %s",
                 qualname(v), i, rule);
    else
        snprintf(v->err, v->errlen, "bad exception table in '%.80s', entry %d "
                 "(%d to %d -> %d [%d]%s): %s", qualname(v), i, 2 * e->start,
                 2 * e->end - 2, 2 * e->target, e->depth, e->lasti ? " lasti" : "", rule);
    return false;
}

/* ---- pass 1: decoding ------------------------------------------------------------- */

static const uint8_t *kinds(const Verifier *v) { return v->kinds; }

/* Decode the instruction starting at unit `at` into *in. */
static void decode_one(const Verifier *v, int32_t at, Instr *in)
{
    const uint16_t *units = v->code->instrs;
    int32_t nunits = v->nunits;
    int32_t start = at;
    uint64_t arg = 0;
    int prefixes = 0;
    while (__builtin_expect((units[at] & 0xff) == OP_EXTENDED_ARG, 0) &&  /* rare */
           at + 1 < nunits) {
        arg = ((arg << 8) | (uint64_t)(units[at] >> 8)) & 0xffffffffffu;
        prefixes++;
        at++;
    }
    int op = units[at] & 0xff;
    arg = (arg << 8) | (uint64_t)(units[at] >> 8);
    const OpcodeInfo *info = &vm_opcode_info[op];
    in->start = start;
    in->next = at + 1 + info->caches;
    in->handler = -1;
    in->arg = prefixes > MAX_PREFIXES ? 0 : (int64_t)arg;
    in->opcode = (uint8_t)op;
    in->kind = (uint8_t)info->kind;
    in->prefixes = (uint8_t)(prefixes > 255 ? 255 : prefixes);
    in->problem = DECODE_OK;
    if (op == OP_EXTENDED_ARG)
        in->problem = DECODE_PREFIX_AT_END;
    else if (op == OP_CACHE)
        in->problem = DECODE_CACHE;
    else if (info->name == NULL || (op >= VM_FIRST_INTERNAL && v->code->pyminor < 12))
        in->problem = DECODE_UNKNOWN;
    else if (prefixes > MAX_PREFIXES)
        in->problem = DECODE_PREFIXES;
    else if (arg > INT32_MAX)
        in->problem = DECODE_BIG_ARG;
    else if (prefixes > 0 && op < VM_HAVE_ARGUMENT)
        in->problem = DECODE_PREFIX_NO_ARG;
    else if (in->next > nunits)
        in->problem = DECODE_CACHES_PAST_END;
    if (in->next > nunits)
        in->next = nunits;
}

/* What decode needs of an opcode, in 3 bytes (vm_opcode_info's entries
 * are 24).  `plain`: decode_one need not be asked about it when no prefix
 * comes before it: one of 3.11's own, neither CACHE nor EXTENDED_ARG (the
 * internal ones are known only in 3.12 code). */
static const struct { uint8_t plain, caches, kind; } decoding[256] = {
#define DECODING(name, num, caches, kind, ...) \
    [num] = { (num) != OP_CACHE && (num) != OP_EXTENDED_ARG, caches, OPK_##kind },
    PVM_OPCODES(DECODING)
#undef DECODING
};

/* Pass 1.  Most instructions are a lone unit with a plain opcode: those
 * are decoded here, in a few machine instructions each, and only the
 * others go to decode_one, which notes their problems. */
static void decode(Verifier *v)
{
    const uint16_t *units = v->code->instrs;
    int32_t nunits = v->nunits, *index = v->index;
    Instr *ins = v->ins;
    memset(index, 0xff, ((size_t)nunits + 1) * sizeof *index);    /* all -1 */
    int32_t count = 0;
    for (int32_t at = 0, next; at < nunits; at = next, count++) {
        index[at] = count;
        Instr *in = &ins[count];
        int op = units[at] & 0xff;
        if (!decoding[op].plain) {
            decode_one(v, at, in);
            next = in->next;
            continue;
        }
        next = at + 1 + decoding[op].caches;
        in->arg = units[at] >> 8;
        in->start = at;
        in->handler = -1;
        in->opcode = (uint8_t)op;
        in->prefixes = 0;
        in->problem = DECODE_OK;
        in->kind = decoding[op].kind;
        if (next > nunits) {
            in->problem = DECODE_CACHES_PAST_END;
            next = nunits;
        }
        in->next = next;
    }
    v->count = count;
}

static bool check_decoding(Verifier *v, const Instr *in)
{
    if (in->problem == DECODE_OK)
        return true;
    switch (in->problem) {
    case DECODE_CACHE:
        return reject(v, in, "an inline cache unit reached as an instruction");
    case DECODE_UNKNOWN:
        return reject(v, in, "not a Python 3.%d opcode", v->code->pyminor);
    case DECODE_PREFIXES:
        return reject(v, in, "%d EXTENDED_ARG prefixes (at most %d)", in->prefixes, MAX_PREFIXES);
    case DECODE_BIG_ARG:
        return reject(v, in, "EXTENDED_ARG prefixes make an oparg of 2**31 or more");
    case DECODE_PREFIX_NO_ARG:
        return reject(v, in, "EXTENDED_ARG prefix on an opcode without an argument");
    case DECODE_PREFIX_AT_END:
        return reject(v, in, "EXTENDED_ARG at the end of the code");
    case DECODE_CACHES_PAST_END:
        return reject(v, in, "its %d inline cache units run past the end of the code",
                      vm_opcode_info[in->opcode].caches);
    }
    return true;
}

/* In 3.12 code a comprehension is inlined into its function: a slot it
 * uses (a hidden one, or a cell of the function) may be made a cell in the
 * middle of the code (MAKE_CELL where the comprehension starts), and is
 * saved and restored with LOAD_FAST_AND_CLEAR / STORE_FAST even when it is
 * a cell.  The bodies of the *_DEREF family check for the cell. */
static bool inlined_slot(const Verifier *v, int64_t slot)
{
    return v->code->pyminor >= 12 && slot >= 0 && slot < v->nlocalsplus &&
           (kinds(v)[slot] & (CO_FAST_HIDDEN | CO_FAST_CELL));
}

/* The prologue puts a cell in every cell and free-variable slot before
 * anything else runs — MAKE_CELL for each cell, COPY_FREE_VARS for the
 * free variables, which are the last slots — so that the *_DEREF family
 * and LOAD_CLOSURE always find a cell there.  Returns false with the code
 * rejected when a slot is left without one. */
static bool check_cells_made(Verifier *v)
{
    if (v->code->ncells == 0 && v->code->nfrees == 0)
        return true;
    int32_t n = v->nlocalsplus;
    const Instr *last = &v->ins[v->prologue > 0 ? v->prologue - 1 : 0];
    uint8_t *made = v->made;
    memset(made, 0, (size_t)n + 1);
    for (int32_t i = 0; i < v->prologue; i++) {
        const Instr *in = &v->ins[i];
        if (in->opcode == OP_MAKE_CELL && in->arg < n)
            made[in->arg] = CO_FAST_CELL;
        if (in->opcode == OP_COPY_FREE_VARS && in->arg == v->code->nfrees)
            memset(made + n - v->code->nfrees, CO_FAST_FREE, (size_t)v->code->nfrees);
    }
    int32_t missing = -1;
    for (int32_t s = 0; s < n && missing < 0; s++)
        if ((kinds(v)[s] & (CO_FAST_CELL | CO_FAST_FREE) & ~made[s]) && !inlined_slot(v, s))
            missing = s;
    if (missing < 0)
        return true;
    return reject(v, last, "the prologue leaves %s slot %d ('%.40s') without a cell",
                  kinds(v)[missing] & CO_FAST_FREE ? "free variable" : "cell variable",
                  missing, rt_str_cstr(rt_tuple_get(v->code->localsplusnames, missing)));
}

/* The prologue: MAKE_CELL and COPY_FREE_VARS, then, in generator and
 * coroutine code, RETURN_GENERATOR.  Nothing may jump into it, and no
 * handler may cover it (a second RETURN_GENERATOR would turn a
 * generator's own frame into another one; a handler reached before the
 * first would run generator code in a frame that is not one). */
static bool find_prologue(Verifier *v)
{
    int32_t p = 0;
    while (p < v->count && (v->ins[p].opcode == OP_MAKE_CELL ||
                            v->ins[p].opcode == OP_COPY_FREE_VARS))
        p++;
    if (v->code->flags & GENERATOR_FLAGS) {
        const Instr *in = &v->ins[p < v->count ? p : v->count - 1];
        if (p == v->count || in->opcode != OP_RETURN_GENERATOR)
            return reject(v, in, "generator or coroutine code (flags 0x%x) that does not "
                          "start with RETURN_GENERATOR", (unsigned)v->code->flags);
        p++;
    }
    v->prologue = p;
    return check_cells_made(v);
}

/* ---- pass 2: the exception table ------------------------------------------------- */

/* A jump or handler target: the start of an instruction after the
 * prologue, not a CALL (which only its PRECALL may reach).  Returns the
 * instruction's index, or -1 with the reason in *why. */
static int32_t target_instr(const Verifier *v, int64_t unit, const char **why)
{
    if (unit < 0 || unit >= v->nunits) {
        *why = "outside the code";
        return -1;
    }
    int32_t i = v->index[unit];
    if (i < 0)
        *why = "inside an instruction";
    else if (i < v->prologue)
        *why = "in the prologue (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR)";
    else if (v->ins[i].opcode == OP_CALL)
        *why = "a CALL, which only its PRECALL may reach";
    else
        return i;
    return -1;
}

/* Check one entry against the code and the entry before it (which ended
 * at unit prev_end), and mark the instructions it covers. */
static bool check_entry(Verifier *v, int32_t i, const VmExcEntry *e, int32_t prev_end)
{
    const char *why;
    if (e->start >= e->end)
        return reject_entry(v, i, e, "empty range");
    if (e->end > v->nunits)
        return reject_entry(v, i, e, "range ends past the end of the code (%d bytes)",
                            2 * v->nunits);
    if (v->index[e->start] < 0 || (e->end < v->nunits && v->index[e->end] < 0))
        return reject_entry(v, i, e, "range boundary inside an instruction");
    if (e->start < prev_end)
        return reject_entry(v, i, e, "overlaps or precedes the entry before it");
    if (e->start < (v->prologue < v->count ? v->ins[v->prologue].start : v->nunits))
        return reject_entry(v, i, e, "covers the prologue (MAKE_CELL, COPY_FREE_VARS, "
                            "RETURN_GENERATOR)");
    if (target_instr(v, e->target, &why) < 0)
        return reject_entry(v, i, e, "target %s", why);
    if ((int64_t)e->depth + e->lasti + 1 > v->code->stacksize)
        return reject_entry(v, i, e, "handler stack of %d items > co_stacksize %d",
                            e->depth + e->lasti + 1, v->code->stacksize);
    for (int32_t u = e->start; u < e->end; u++)
        if (v->index[u] >= 0)
            v->ins[v->index[u]].handler = i;
    return true;
}

static bool read_table(Verifier *v)
{
    VmExcTable t;
    vm_exc_table_start(&t, v->code);
    int32_t prev_end = 0;
    v->nentries = 0;
    for (;;) {
        const uint8_t *before = t.p;
        VmExcEntry e;
        if (!vm_exc_table_next(&t, &e)) {
            if (before == t.end)
                return true;                    /* the end of the table */
            return reject_entry(v, v->nentries, NULL, "truncated, or a number too large");
        }
        /* Each valid entry covers at least one unit, disjointly: there are
         * never more entries than units. */
        if (!check_entry(v, v->nentries, &e, prev_end))
            return false;
        v->entries[v->nentries++] = e;
        prev_end = e.end;
    }
}

/* ---- pass 3: operands and structure of one instruction --------------------------- */

static size_t nconsts(const Verifier *v) { return v->nconsts; }

/* The valid opargs of an opcode whose operand is a plain number. */
static void arg_range(int opcode, int64_t *lo, int64_t *hi)
{
    *lo = 0;
    *hi = INT32_MAX;
    switch (opcode) {
    case OP_IS_OP: case OP_CONTAINS_OP:     /* is / is not, in / not in */
    case OP_CONTAINS_OP_313:
    case OP_CALL_FUNCTION_EX:               /* without / with **kwargs */
    case OP_CALL_FUNCTION_EX_313:
        *hi = 1;
        break;
    case OP_RAISE_VARARGS:                  /* re-raise, raise e, raise e from c */
    case OP_GET_AWAITABLE:                  /* await, after __aenter__, __aexit__ */
        *hi = 2;
        break;
    case OP_BUILD_SLICE:                    /* start:stop or start:stop:step */
        *lo = 2, *hi = 3;
        break;
    case OP_RESUME:                         /* start, after yield, yield from, await */
        *hi = 3;
        break;
    case OP_CALL_INTRINSIC_1:               /* 3.12's intrinsic functions */
        *lo = 1, *hi = VM_MAX_INTRINSIC_1;
        break;
    case OP_CALL_INTRINSIC_2:
        *lo = 1, *hi = VM_MAX_INTRINSIC_2;
        break;
    case OP_FORMAT_VALUE:                   /* conversion (bits 0-1), spec (bit 2) */
        *hi = 7;
        break;
    case OP_MAKE_FUNCTION:                  /* one flag per optional part */
        *hi = 15;
        break;
    case OP_SET_FUNCTION_ATTRIBUTE:         /* one of those flags, 3.14's annotate 16 */
        *lo = 1, *hi = 16;
        break;
    case OP_BINARY_OP:                      /* NB_*, plain and in-place */
        *hi = 2 * NB_INPLACE_OFFSET - 1;
        break;
    case OP_COPY: case OP_SWAP:             /* the n-th item, counting from 1 */
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_MAP_ADD: case OP_LIST_EXTEND:
    case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_DICT_MERGE_313:
        *lo = 1;                            /* the container is below the item */
        break;
    }
}

/* A localsplus operand: in range, of the right kind (`exact`: of exactly
 * that kind; else with one of its bits). */
static bool check_slot(Verifier *v, const Instr *in, unsigned want, bool exact,
                       const char *what)
{
    int32_t n = v->nlocalsplus;
    if (in->arg >= n)
        return reject(v, in, "local index %lld out of range (%d locals, cells and free "
                      "variables)", (long long)in->arg, n);
    unsigned kind = kinds(v)[in->arg] & ~(unsigned)CO_FAST_ARG;    /* 3.14's argument bits */
    if (exact ? kind != want : !(kind & want))
        return reject(v, in, "slot %lld ('%.40s') is not %s", (long long)in->arg,
                      rt_str_cstr(rt_tuple_get(v->code->localsplusnames, in->arg)), what);
    return true;
}

/* Whether `slot` is a plain local's, as most *_FAST operands are. */
static inline bool plain_local(const Verifier *v, int64_t slot)
{
    return slot < v->nlocalsplus && (kinds(v)[slot] & ~CO_FAST_ARG) == CO_FAST_LOCAL;
}

/* A plain local's slot (of an inlined comprehension, 3.12 and later: a
 * local or a cell). */
static bool check_local(Verifier *v, const Instr *in, int64_t slot)
{
    if (plain_local(v, slot))
        return true;
    Instr one = *in;
    one.arg = slot;
    if (inlined_slot(v, slot))
        return check_slot(v, &one, CO_FAST_LOCAL | CO_FAST_CELL, false, "a local variable");
    return check_slot(v, &one, CO_FAST_LOCAL, true, "a plain local variable");
}

/* COPY_FREE_VARS n fills the last n slots from the closure: they must be
 * free variables. */
static bool check_copy_free_vars(Verifier *v, const Instr *in)
{
    int32_t n = v->nlocalsplus;
    if (in->arg > n)
        return reject(v, in, "copies %lld cells into %d slots", (long long)in->arg, n);
    for (int64_t i = n - in->arg; i < n; i++)
        if (!(kinds(v)[i] & CO_FAST_FREE))
            return reject(v, in, "slot %lld ('%.40s') is not a free variable", (long long)i,
                          rt_str_cstr(rt_tuple_get(v->code->localsplusnames, i)));
    return true;
}

/* How far the name index is shifted into the oparg (the low bits are flags). */
static int name_shift(int opcode)
{
    switch (opcode) {
    case OP_LOAD_GLOBAL: case OP_LOAD_GLOBAL_312: case OP_LOAD_ATTR_312:
    case OP_LOAD_GLOBAL_313: case OP_LOAD_ATTR_313:
        return 1;
    case OP_LOAD_SUPER_ATTR: case OP_LOAD_SUPER_ATTR_313:
        return 2;
    }
    return 0;
}

static bool check_operand(Verifier *v, const Instr *in)
{
    int64_t lo, hi, name;
    switch ((OperandKind)in->kind) {
    case OPK_CONST:
        if ((size_t)in->arg >= nconsts(v))
            return reject(v, in, "constant index %lld out of range (%zu constants)",
                          (long long)in->arg, nconsts(v));
        return true;
    case OPK_NAME:
        name = in->arg >> name_shift(in->opcode);
        if ((size_t)name >= v->nnames)
            return reject(v, in, "name index %lld%s out of range (%zu names)", (long long)name,
                          name_shift(in->opcode) == 1 ? " (oparg >> 1)"
                          : name_shift(in->opcode) == 2 ? " (oparg >> 2)" : "",
                          v->nnames);
        return true;
    case OPK_LOCAL:                     /* a captured local lives in a cell: *_DEREF */
        return plain_local(v, in->arg) || check_local(v, in, in->arg);
    case OPK_LOCAL2:                    /* 3.13: two locals, oparg >> 4 and & 15 */
        return check_local(v, in, in->arg >> 4) && check_local(v, in, in->arg & 15);
    case OPK_FREE:
        if (inlined_slot(v, in->arg) && (kinds(v)[in->arg] & CO_FAST_HIDDEN))
            return true;                /* 3.12: made a cell where it is inlined */
        if (in->opcode == OP_MAKE_CELL && v->code->pyminor < 12)
            return check_slot(v, in, CO_FAST_CELL, false, "a cell variable");
        return check_slot(v, in, CO_FAST_CELL | CO_FAST_FREE, false,
                          "a cell or free variable");
    case OPK_COMPARE:
        if (in->arg > CMP_GE)
            return reject(v, in, "comparison %lld out of range (0..%d)", (long long)in->arg,
                          CMP_GE);
        return true;
    case OPK_ARG:
        if (in->opcode == OP_COPY_FREE_VARS)
            return check_copy_free_vars(v, in);
        arg_range(in->opcode, &lo, &hi);
        if (in->arg < lo || in->arg > hi)
            return reject(v, in, "oparg %lld out of range (%lld..%lld)", (long long)in->arg,
                          (long long)lo, (long long)hi);
        return true;
    default:                            /* NONE; jumps are checked by the dataflow */
        return true;
    }
}

/* The instruction before / after instruction i in the code, or NULL. */
static const Instr *before(const Verifier *v, int32_t i) { return i > 0 ? &v->ins[i - 1] : NULL; }
static const Instr *after(const Verifier *v, int32_t i)
{
    return i + 1 < v->count ? &v->ins[i + 1] : NULL;
}

static bool is_op(const Instr *in, int opcode) { return in != NULL && in->opcode == opcode; }

/* KW_NAMES k: co_consts[k] is the tuple of the next CALL's keyword names,
 * which are among its arguments. */
static bool check_kw_names(Verifier *v, int32_t i)
{
    const Instr *in = &v->ins[i], *next = after(v, i);
    if (!is_op(next, OP_PRECALL) && !is_op(next, OP_CALL_312))
        return reject(v, in, "not followed by %s", v->code->pyminor < 12 ? "PRECALL" : "CALL");
    Value names = rt_tuple_get(v->code->consts, in->arg);
    if (!is_tuple(names))
        return reject(v, in, "co_consts[%lld] is a %s, not a tuple of str",
                      (long long)in->arg, val_type(names)->name);
    for (size_t k = 0; k < rt_tuple_len(names); k++)
        if (!is_str(rt_tuple_get(names, k)))
            return reject(v, in, "co_consts[%lld] is not a tuple of str", (long long)in->arg);
    if ((int64_t)rt_tuple_len(names) > next->arg)
        return reject(v, in, "%zu keyword names for a call with %lld arguments",
                      rt_tuple_len(names), (long long)next->arg);
    return true;
}

/* The rules about where an instruction may stand (see the file comment). */
static bool check_structure(Verifier *v, int32_t i)
{
    const Instr *in = &v->ins[i];
    switch (in->opcode) {
    case OP_MAKE_CELL: case OP_COPY_FREE_VARS: case OP_RETURN_GENERATOR:
        if (in->opcode == OP_MAKE_CELL && v->code->pyminor >= 12 &&
            (inlined_slot(v, in->arg) || (kinds(v)[in->arg] & CO_FAST_FREE)))
            return true;                /* 3.12 makes cells where it inlines */
        if (i >= v->prologue)
            return reject(v, in, "outside the prologue at the start of the code");
        return true;
    case OP_YIELD_VALUE:
        if (!(v->code->flags & GENERATOR_FLAGS))
            return reject(v, in, "outside generator or coroutine code");
        return true;
    case OP_KW_NAMES:
        return check_kw_names(v, i);
    case OP_PRECALL:
        if (!is_op(after(v, i), OP_CALL) || after(v, i)->arg != in->arg)
            return reject(v, in, "not followed by CALL %lld", (long long)in->arg);
        return true;
    case OP_CALL:
        if (!is_op(before(v, i), OP_PRECALL) || before(v, i)->arg != in->arg)
            return reject(v, in, "not preceded by PRECALL %lld", (long long)in->arg);
        return true;
    case OP_SEND: case OP_SEND_312:
        if (in->prefixes > 0 || !is_op(after(v, i), OP_YIELD_VALUE))
            return reject(v, in, "not the `yield from` loop (SEND without prefix, then "
                          "YIELD_VALUE)");
        return true;
    case OP_RESUME:
        if (in->arg >= 2 && !(is_op(before(v, i), OP_YIELD_VALUE) &&
                              (is_op(before(v, i - 1), OP_SEND) ||
                               is_op(before(v, i - 1), OP_SEND_312))))
            return reject(v, in, "outside the `yield from` loop (after SEND, YIELD_VALUE)");
        return true;
    }
    return true;
}

/* ---- pass 3: the stack items that may be NULL ------------------------------------ */

/* Two kinds of stack item are NULL rather than an object, and only some
 * instructions may take one:
 *
 *   a call's NULL   PUSH_NULL; LOAD_GLOBAL, LOAD_ATTR (3.12+), LOAD_SUPER_ATTR
 *                   with the oparg's low bit; LOAD_METHOD (3.11) and 3.14's
 *                   LOAD_SPECIAL.  It sits below the callable (above it in
 *                   3.13 and 3.14), and only the call takes it: PRECALL,
 *                   CALL, CALL_KW, CALL_FUNCTION_EX (and 3.14's kwargs
 *                   slot, a NULL when there are none); in 3.14 POP_TOP
 *                   too, which drops `with`'s __exit__ self slot.
 *   an unbound local  LOAD_FAST_AND_CLEAR (3.12+: an inlined comprehension
 *                   saves its variable, which may be unbound); only
 *                   STORE_FAST and its 3.13 pairs take it back.
 *
 * SWAP and COPY move either kind, and the instructions that leave items
 * in place under their operands (LIST_APPEND's list, DICT_MERGE's call)
 * keep them.  Any other instruction that takes one would use NULL as an
 * object: python itself crashes there.  The dataflow carries, beside the
 * depth, the set of an instruction's stack slots that may be NULL on
 * entry, and of which kind, merged at every join (may be NULL if it may
 * on any path in).  A set only grows, so an instruction is followed
 * again only when its set grew; python's code holds a few such slots at a
 * time, so each set is a short list.  The lists are immutable and share
 * their tails (a push makes one node), so that an instruction's set costs
 * one index, and two paths that agree usually arrive with the same one. */

enum { NULL_OF_CALL = 1, NULL_UNBOUND = 2, NULL_ANY = 3 };

/* Nodes are made only when a set grows, and an instruction is followed
 * again only when its set grew, so bounding the nodes bounds the work and
 * the memory too: the bound is far above what python's code needs
 * (_pydecimal's 37 000 code units make 1 300 nodes), and keeps a crafted
 * file's cost linear in its size, at most MAX_NULL_NODES (96 MiB). */
enum { MAX_NULL_NODES = 8 << 20 };

static int32_t null_limit(int32_t count)
{
    return count < (MAX_NULL_NODES - 65536) / 32 ? 32 * count + 65536 : MAX_NULL_NODES;
}

/* Room for `need` items of `size` bytes in *array (*cap of them now),
 * which starts in the scratch block and moves to the heap if it outgrows
 * it (*on_heap).  False when there is no memory. */
static bool grow(void **array, int32_t *cap, bool *on_heap, int64_t need, size_t size)
{
    if (need <= *cap)
        return true;
    int64_t more = 2 * (int64_t)*cap > need ? 2 * (int64_t)*cap : need;
    if (more > INT32_MAX)
        return false;
    void *p = *on_heap ? realloc(*array, (size_t)more * size) : malloc((size_t)more * size);
    if (p == NULL)
        return false;
    if (!*on_heap)
        memcpy(p, *array, (size_t)*cap * size);
    *array = p;
    *cap = (int32_t)more;
    *on_heap = true;
    return true;
}

static int32_t null_push(Nulls *n, int32_t below, int32_t slot, uint8_t kinds)
{
    if (n->nnodes >= n->limit) {
        if (n->trouble == NULLS_FINE)
            n->trouble = NULLS_TOO_MANY;
        return below;
    }
    if (!grow((void **)&n->nodes, &n->cap, &n->nodes_on_heap, n->nnodes + 1, sizeof *n->nodes)) {
        if (n->trouble == NULLS_FINE)
            n->trouble = NULLS_NO_MEMORY;
        return below;
    }
    n->nodes[n->nnodes] = (NullSlot){ .slot = slot, .below = below, .kinds = kinds };
    return n->nnodes++;
}

/* Put `slot` at n->spread[*count] (growing the spread as needed), and
 * count it.  False when there is no memory. */
static bool null_spread(Nulls *n, int32_t *count, NullSlot slot)
{
    if (*count == n->room &&
        !grow((void **)&n->spread, &n->room, &n->spread_on_heap, (int64_t)*count + 1,
              sizeof *n->spread)) {
        if (n->trouble == NULLS_FINE)
            n->trouble = NULLS_NO_MEMORY;
        return false;
    }
    n->spread[(*count)++] = slot;
    return true;
}

/* The kinds of NULL slot `slot` may hold in `list`. */
static uint8_t null_kinds(const Nulls *n, int32_t list, int64_t slot)
{
    for (; list >= 0 && n->nodes[list].slot >= slot; list = n->nodes[list].below)
        if (n->nodes[list].slot == slot)
            return n->nodes[list].kinds;
    return 0;
}

/* `list` without its slots from `depth` up. */
static int32_t null_cut(const Nulls *n, int32_t list, int64_t depth)
{
    while (list >= 0 && n->nodes[list].slot >= depth)
        list = n->nodes[list].below;
    return list;
}

/* `list` with spread[0..count) pushed on it, spread highest slot first. */
static int32_t null_rebuild(Nulls *n, int32_t list, int32_t count)
{
    for (int32_t k = count - 1; k >= 0; k--)
        list = null_push(n, list, n->spread[k].slot, n->spread[k].kinds);
    return list;
}

/* Whether every slot list `a` has is in `b`, with no kind more. */
static bool null_within(const Nulls *n, int32_t a, int32_t b)
{
    for (; a >= 0 && a != b; a = n->nodes[a].below) {
        b = null_cut(n, b, n->nodes[a].slot + 1);
        if (b < 0 || n->nodes[b].slot != n->nodes[a].slot ||
            (n->nodes[a].kinds & ~n->nodes[b].kinds))
            return false;
    }
    return true;
}

/* The union of two lists (a slot may be NULL if it may in either), which
 * are not within one another. */
static int32_t null_union(Nulls *n, int32_t a, int32_t b)
{
    int32_t count = 0;
    while (a != b && a >= 0 && b >= 0) {
        NullSlot x = n->nodes[a], y = n->nodes[b];
        if (x.slot >= y.slot)
            a = x.below;
        if (y.slot >= x.slot)
            b = y.below;
        NullSlot both = { .slot = x.slot > y.slot ? x.slot : y.slot,
            .kinds = (uint8_t)((x.slot >= y.slot ? x.kinds : 0) | (y.slot >= x.slot ? y.kinds : 0)) };
        if (!null_spread(n, &count, both))
            return b;
    }
    return null_rebuild(n, a == b || b < 0 ? a : b, count);
}

/* The kinds of NULL instruction `in` accepts as its item `pos` from the
 * top (1: the top), among the ones it pops.  Items it leaves in place
 * without reading (the `unused` of its stack effect) take any. */
static uint8_t null_accepted(const Verifier *v, const Instr *in, int64_t pos)
{
    int64_t n = in->arg;
    switch (in->opcode) {
    case OP_SWAP: case OP_COPY:
        return NULL_ANY;
    case OP_PRECALL: case OP_CALL: case OP_CALL_312: case OP_CALL_KW_313:
        return pos == n + 2 ? NULL_OF_CALL : 0;
    case OP_CALL_313:
        return pos == n + 1 ? NULL_OF_CALL : 0;
    case OP_CALL_FUNCTION_EX:
        return pos == 3 + (n & 1) ? NULL_OF_CALL : 0;
    case OP_CALL_FUNCTION_EX_313:       /* 3.14: a NULL for no kwargs */
        return pos == 2 + (n & 1) || (pos == 1 && v->code->pyminor >= 14) ? NULL_OF_CALL : 0;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE:
        return pos >= 2 && pos <= n ? NULL_ANY : 0;
    case OP_MAP_ADD:
        return pos >= 3 && pos <= n + 1 ? NULL_ANY : 0;
    case OP_DICT_MERGE:
        return (pos >= 2 && pos <= n) || pos == n + 2 ? NULL_ANY : 0;
    case OP_DICT_MERGE_313:
        return (pos >= 2 && pos <= n) || pos == n + 2 || pos == n + 3 ? NULL_ANY : 0;
    case OP_RERAISE:
        return pos >= 2 ? NULL_ANY : 0;
    case OP_WITH_EXCEPT_START:          /* 3.14 (oparg 1): __exit__'s self slot */
        return pos == 2 || pos == 3 ? NULL_ANY
               : pos == 4 && n == 1 && v->code->pyminor >= 14 ? NULL_OF_CALL : 0;
    case OP_STORE_FAST: case OP_STORE_FAST_STORE_FAST: case OP_STORE_FAST_LOAD_FAST:
        return NULL_UNBOUND;
    case OP_POP_TOP:                    /* 3.14 drops `with`'s __exit__ self slot */
        return v->code->pyminor >= 14 ? NULL_OF_CALL : 0;
    }
    return 0;
}

/* The kind of NULL the j-th item `in` pushes (0: the lowest) may be
 * (only MAKES_NULL opcodes make one). */
static uint8_t null_made(const Instr *in, int64_t j)
{
    switch (in->opcode) {
    case OP_PUSH_NULL: case OP_LOAD_METHOD:
        return j == 0 ? NULL_OF_CALL : 0;
    case OP_LOAD_GLOBAL: case OP_LOAD_GLOBAL_312: case OP_LOAD_ATTR_312: case OP_LOAD_SUPER_ATTR:
        return j == 0 && (in->arg & 1) ? NULL_OF_CALL : 0;
    case OP_LOAD_GLOBAL_313: case OP_LOAD_ATTR_313: case OP_LOAD_SUPER_ATTR_313:
        return j == 1 && (in->arg & 1) ? NULL_OF_CALL : 0;
    case OP_LOAD_SPECIAL:
        return j == 1 ? NULL_OF_CALL : 0;
    case OP_LOAD_FAST_AND_CLEAR:
        return NULL_UNBOUND;
    }
    return 0;
}

/* The items instruction `in` takes, with the state `list` and `depth`
 * items on entry, popping `popped`, must not be NULL where it does not
 * accept one (else the trouble is noted, and false returned).  3.14's
 * WITH_EXCEPT_START also reads __exit__, below the items it pops. */
static bool check_nulls_taken(Verifier *v, const Instr *in, int32_t list, int64_t depth,
                              int64_t popped)
{
    Nulls *n = &v->lists;
    if (list < 0)
        return true;
    int64_t taken = popped;
    if (in->opcode == OP_WITH_EXCEPT_START && in->arg == 1)
        taken++;
    for (; list >= 0 && n->nodes[list].slot >= depth - taken; list = n->nodes[list].below) {
        int64_t pos = depth - n->nodes[list].slot;
        uint8_t bad = n->nodes[list].kinds & ~null_accepted(v, in, pos);
        if (bad) {
            n->trouble = NULLS_TAKEN;
            n->taker = in;
            n->pos = pos;
            n->bad = bad;
            return false;
        }
    }
    return true;
}

/* The bottom items of the `popped` that an instruction with traits `t`
 * leaves in place (KEEPS_ITEMS), rather than replacing them. */
static inline int64_t kept_items(uint8_t t, int64_t popped, int64_t pushed)
{
    return (t & KEEPS_ITEMS) ? (popped < pushed ? popped : pushed) : 0;
}

/* The state after `in`, entered with `list` and `depth`, leaving `pushed`
 * items in place of the `popped` it pops: nulls_after's work when `in`
 * makes or moves a NULL. */
static int32_t nulls_changed(Nulls *n, const Instr *in, int32_t list, int64_t depth,
                             int64_t popped, int64_t pushed)
{
    uint8_t t = traits[in->opcode];
    if ((t & MOVES_NULLS) && in->opcode == OP_SWAP) {
        int64_t low = depth - in->arg;
        uint8_t top = null_kinds(n, list, depth - 1), bottom = null_kinds(n, list, low);
        if (top == 0 && bottom == 0)
            return list;
        int32_t count = 0, old = list;
        bool room = !bottom || null_spread(n, &count, (NullSlot){ .slot = (int32_t)depth - 1,
                                                                   .kinds = bottom });
        for (; room && list >= 0 && n->nodes[list].slot >= low; list = n->nodes[list].below)
            if (n->nodes[list].slot != low && n->nodes[list].slot != depth - 1)
                room = null_spread(n, &count, n->nodes[list]);
        if (room && top)
            room = null_spread(n, &count, (NullSlot){ .slot = (int32_t)low, .kinds = top });
        return room ? null_rebuild(n, list, count) : old;
    }
    if (t & MOVES_NULLS) {              /* COPY */
        uint8_t copied = null_kinds(n, list, depth - in->arg);
        return copied ? null_push(n, list, (int32_t)depth, copied) : list;
    }
    int64_t kept = kept_items(t, popped, pushed);
    int64_t base = depth - popped + kept;
    list = null_cut(n, list, base);
    if (t & MAKES_NULL)
        for (int64_t j = 0; j < pushed - kept; j++)
            if (null_made(in, j))
                list = null_push(n, list, (int32_t)(base + j), null_made(in, j));
    return list;
}

/* The state after `in` (as nulls_changed).  Most instructions make and
 * move none, and find none among the items they pop: the list stays; a
 * call drops its NULL: the list is cut. */
static inline int32_t nulls_after(Nulls *n, const Instr *in, int32_t list, int64_t depth,
                                  int64_t popped, int64_t pushed)
{
    uint8_t t = traits[in->opcode];
    if (t & (MAKES_NULL | MOVES_NULLS))
        return nulls_changed(n, in, list, depth, popped, pushed);
    if (list < 0 || n->nodes[list].slot < depth - popped)
        return list;
    return null_cut(n, list, depth - popped + kept_items(t, popped, pushed));
}

/* The NULL rule's rejection, if it was broken (after every other rule of
 * pass 3 held). */
static bool report_nulls(Verifier *v)
{
    const Nulls *n = &v->lists;
    switch (n->trouble) {
    case NULLS_FINE:
        return true;
    case NULLS_TAKEN:
        if (n->bad & NULL_OF_CALL)
            return reject(v, n->taker, "stack item %lld from the top may be a call's NULL "
                          "(from PUSH_NULL, LOAD_GLOBAL, LOAD_ATTR or LOAD_METHOD), which "
                          "only the call takes", (long long)n->pos);
        return reject(v, n->taker, "stack item %lld from the top may be an unbound local "
                      "(from LOAD_FAST_AND_CLEAR), which only STORE_FAST takes",
                      (long long)n->pos);
    case NULLS_TOO_MANY:
        return reject(v, &v->ins[0], "more stack items that may be NULL than the verifier "
                      "follows (%d list nodes)", n->limit);
    case NULLS_NO_MEMORY:
        return reject(v, &v->ins[0], "no memory to verify it");
    }
    return true;
}

/* ---- pass 3: the dataflow -------------------------------------------------------- */

/* The stack effect of an instruction (vm_stack_effect, vm/opcodes.h),
 * inlined into its one caller, follow_edges: as a call for every
 * instruction followed, returning its three counts through memory, it was
 * 7% of the verifier's work. */
static inline __attribute__((always_inline)) VmStackEffect stack_effect(int opcode,
                                                                        int64_t oparg)
{
    VmStackEffect e;
    bool jump;
    switch (opcode) {
#define EFFECT(name, num, caches, kind, in, out, ...) \
    case num: \
        jump = false; \
        e.popped = (in); \
        e.pushed = (out); \
        jump = true; \
        e.pushed_jumping = (out); \
        return e;
    PVM_OPCODES(EFFECT)
    PVM_INTERNAL(EFFECT)
#undef EFFECT
    }
    return (VmStackEffect){ -1, -1, -1 };
}

VmStackEffect vm_stack_effect(int opcode, int64_t oparg)
{
    return stack_effect(opcode, oparg);
}

/* The dataflow's marks (Verifier.mark), per instruction: the first edge
 * to reach an instruction sets them, so they need no clearing before. */
enum { QUEUED = 1, CHECKED = 2 };

/* A later edge to instruction `to` (see reach): the same depth, and `to`
 * queued again if the edge brings a NULL it had not seen. */
static bool reach_again(Verifier *v, int32_t to, int64_t depth, int32_t list)
{
    if (v->depth[to] != depth)
        return reject(v, &v->ins[to], "stack depth %d on one path, %lld on another",
                      v->depth[to], (long long)depth);
    if (list == v->nulls[to] || null_within(&v->lists, list, v->nulls[to]))
        return true;
    v->nulls[to] = null_union(&v->lists, list, v->nulls[to]);
    if (!(v->mark[to] & QUEUED)) {
        v->mark[to] |= QUEUED;
        v->work[v->nwork++] = to;
    }
    return true;
}

/* An edge from instruction `from` reaches instruction `to` with `depth`
 * items on the stack, `list` the slots that may be NULL among them.  The
 * first edge to reach an instruction queues it (or, given `next`, hands it
 * back there to be checked at once); a later one must bring the same
 * depth, and queues it again if it brings a NULL it had not seen. */
static inline bool reach(Verifier *v, const Instr *from, int32_t to, int64_t depth,
                         int32_t list, int32_t *next)
{
    if (depth > v->stacksize)
        return reject(v, from, "stack overflow: %lld items > co_stacksize %d",
                      (long long)depth, v->stacksize);
    if (v->depth[to] >= 0)
        return reach_again(v, to, depth, list);
    v->depth[to] = (int32_t)depth;
    if (depth > v->maxdepth)
        v->maxdepth = (int32_t)depth;
    v->nulls[to] = list;
    v->mark[to] = QUEUED;
    if (next != NULL)
        *next = to;
    else
        v->work[v->nwork++] = to;
    return true;
}

/* A jump from `in` to unit `unit`, arriving with `depth` and `list`. */
static bool reach_jump(Verifier *v, const Instr *in, int64_t unit, int64_t depth, int32_t list)
{
    const char *why;
    int32_t to = target_instr(v, unit, &why);
    if (to < 0)
        return reject(v, in, "jump target %lld %s", (long long)(2 * unit), why);
    return reach(v, in, to, depth, list, NULL);
}

/* The edges out of instruction i, with its state on entry.  The
 * fall-through comes last, and an instruction it reaches first is not
 * queued but handed back in *next (else -1): the worklist is a stack, and
 * would hand it back at once anyway. */
static bool follow_edges(Verifier *v, int32_t i, int32_t *next)
{
    const Instr *in = &v->ins[i];
    int op = in->opcode;
    OperandKind kind = in->kind;
    bool jumps = kind == OPK_JFWD || kind == OPK_JBACK;
    int64_t depth = v->depth[i];
    VmStackEffect effect = stack_effect(op, in->arg);
    int64_t popped = effect.popped, pushed = effect.pushed;
    int64_t pushed_jumping = jumps ? effect.pushed_jumping : pushed;
    if (op == OP_RETURN_GENERATOR)
        pushed = 1;                     /* the first value sent to the generator */
    if (depth < popped)
        return reject(v, in, "stack underflow: needs %lld items, has %lld",
                      (long long)popped, (long long)depth);
    /* The NULLs on entry, and after the instruction when it falls through
     * and when it jumps: none without one on entry or one made.  Once the
     * rule is broken, no list grows (report_nulls rejects the code if the
     * other rules hold). */
    int32_t list = v->nulls[i], falling = -1, jumping = -1;
    if (v->lists.trouble != NULLS_FINE || !check_nulls_taken(v, in, list, depth, popped)) {
        list = -1;
    } else if (list >= 0 || (traits[op] & MAKES_NULL)) {
        falling = nulls_after(&v->lists, in, list, depth, popped, pushed);
        if (jumps)
            jumping = nulls_after(&v->lists, in, list, depth, popped, pushed_jumping);
    }
    /* The exception edge.  The handler keeps the bottom h->depth items of
     * the stack as the instruction leaves them when it raises, so those
     * must not be among the items it consumes (the ones it uses and leaves
     * in place, such as PUSH_EXC_INFO's, may be).  A body that pops its
     * inputs before failing, as UNPACK_SEQUENCE does, can still leave
     * fewer: the unwinder checks that at run time (vm_unwind). */
    if (in->handler >= 0) {
        const VmExcEntry *h = &v->entries[in->handler];
        int64_t consumed = popped - (pushed < pushed_jumping ? pushed : pushed_jumping);
        if (consumed < 0)
            consumed = 0;
        if (depth - consumed < h->depth)
            return reject(v, in, "its handler (exception table entry %d) keeps %d stack "
                          "items, but only %lld remain when it raises", in->handler,
                          h->depth, (long long)(depth - consumed));
        if (v->index[h->target] <= i)
            v->may_spin = true;
        if (!reach(v, in, v->index[h->target], h->depth + h->lasti + 1,
                   null_cut(&v->lists, list, h->depth), NULL))
            return false;
    }
    if (jumps) {
        if (kind == OPK_JBACK && !(traits[op] & CHECKS_BREAKER))
            v->may_spin = true;
        int64_t unit = kind == OPK_JFWD ? in->next + in->arg : in->next - in->arg;
        if (!reach_jump(v, in, unit, depth - popped + pushed_jumping, jumping))
            return false;
    }
    if (traits[op] & ENDS)
        return true;
    if (in->next >= v->nunits)
        return reject(v, in, "execution falls off the end of the code");
    return reach(v, in, v->index[in->next], depth - popped + pushed, falling, next);
}

/* Instruction i, reached: its own rules the first time, then its edges
 * (again each time a path brings it a NULL it had not seen); *next as
 * follow_edges. */
static bool check_instr(Verifier *v, int32_t i, int32_t *next)
{
    const Instr *in = &v->ins[i];
    bool first = !(v->mark[i] & CHECKED);
    v->mark[i] = CHECKED;
    if (first && !(check_decoding(v, in) && check_operand(v, in) &&
                   (!(traits[in->opcode] & PLACED) || check_structure(v, i))))
        return false;
    return follow_edges(v, i, next);
}

static bool run_dataflow(Verifier *v)
{
    v->nwork = 0;
    v->maxdepth = 0;
    if (!reach(v, &v->ins[0], 0, 0, -1, NULL))
        return false;
    while (v->nwork > 0)
        for (int32_t i = v->work[--v->nwork], next; i >= 0; i = next) {
            next = -1;
            if (!check_instr(v, i, &next))
                return false;
        }
    return report_nulls(v);
}

/* ---- pass 4: every loop passes a safe point ------------------------------------- */

/* The eval breaker is checked at the back edges that end a loop (JUMP_BACKWARD,
 * the POP_JUMP_BACKWARD_* family), and a frame suspends at YIELD_VALUE.  A
 * cycle of instructions through none of them (JUMP_BACKWARD_NO_INTERRUPT
 * back to the start, or a handler before the instruction it covers) would
 * loop forever without Ctrl-C — or the fuzzing build's step budget — being
 * able to stop it.  python3.11 never writes one: its loops close with a
 * checked back edge, and JUMP_BACKWARD_NO_INTERRUPT closes only the
 * `yield from` loop, which yields. */

/* The k-th edge out of instruction i that a loop may not close through
 * (0: fall-through, 1: jump, 2: exception); -1 when there is none. */
static inline int32_t unsafe_edge(const Verifier *v, int32_t i, int k)
{
    const Instr *in = &v->ins[i];
    OperandKind kind = in->kind;
    switch (k) {
    case 0:
        if ((traits[in->opcode] & ENDS) || in->opcode == OP_YIELD_VALUE)
            return -1;
        return v->index[in->next];
    case 1:
        if ((kind != OPK_JFWD && kind != OPK_JBACK) || (traits[in->opcode] & CHECKS_BREAKER))
            return -1;
        return v->index[kind == OPK_JFWD ? in->next + in->arg : in->next - in->arg];
    default:
        return in->handler >= 0 ? v->index[v->entries[in->handler].target] : -1;
    }
}

/* A depth-first search over the unsafe edges from `root`, unless an
 * earlier search saw it: an edge to an instruction still on the path
 * closes a cycle.  Returns that instruction, or -1.  mark[i]: 0 not seen;
 * 1 + k on the path, edge k to follow next (k = 3: none left); DONE. */
enum { DONE = 5 };

static int32_t search_loops(Verifier *v, int32_t root)
{
    if (v->mark[root] != 0)
        return -1;
    int32_t top = 0;
    v->work[top++] = root;
    v->mark[root] = 1;
    while (top > 0) {
        int32_t i = v->work[top - 1];
        int k = v->mark[i] - 1;
        if (k == 3) {
            v->mark[i] = DONE;
            top--;
            continue;
        }
        v->mark[i]++;
        int32_t to = unsafe_edge(v, i, k);
        if (to < 0 || v->mark[to] == DONE)
            continue;
        if (v->mark[to] != 0)
            return to;
        v->mark[to] = 1;
        v->work[top++] = to;
    }
    return -1;
}

/* Every cycle has an unsafe edge that does not go forward (a fall-through
 * and a forward jump do), so searching from the targets of those alone
 * meets every cycle, and in python's code they lead nowhere much: the
 * handler of an inner `with` block's cleanup comes before the code it
 * covers.  Only when that finds a cycle, the search from every
 * instruction the dataflow reached (a cycle may hang off a checked back
 * edge) finds the one the rejection names. */
static bool find_unsafe_loop(Verifier *v)
{
    memset(v->mark, 0, (size_t)v->count);
    bool loop = false;
    for (int32_t i = 0; i < v->count && !loop; i++) {
        if (v->depth[i] < 0)
            continue;
        int32_t jump = unsafe_edge(v, i, 1), handler = unsafe_edge(v, i, 2);
        loop = (jump >= 0 && jump <= i && search_loops(v, jump) >= 0) ||
               (handler >= 0 && handler <= i && search_loops(v, handler) >= 0);
    }
    if (!loop)
        return true;
    memset(v->mark, 0, (size_t)v->count);
    for (int32_t root = 0; root < v->count; root++) {
        int32_t to = v->depth[root] >= 0 ? search_loops(v, root) : -1;
        if (to >= 0)
            return reject(v, &v->ins[to], "a loop that never passes a safe point (a "
                          "JUMP_BACKWARD, a POP_JUMP_BACKWARD_* or a yield): nothing "
                          "could interrupt it");
    }
    return true;
}

/* ---- the entry point -------------------------------------------------------------- */

/* Scratch space, all proportional to the code: at most one instruction
 * and one table entry per unit, the first NULL list nodes (python's code
 * makes about one per 30 units; more go to the heap) and the first items
 * of their spread (grown likewise).  A small code object's scratch — most
 * of them — fits in a buffer on the C stack, so that verifying it
 * allocates nothing; a small one, since a thread may have been started
 * with a small stack (threading.stack_size). */
enum { SMALL_SCRATCH = 4 << 10, FIRST_SPREAD = 64 };

static size_t first_nodes(size_t nunits) { return nunits / 8 + 16; }

static size_t scratch_size(const ObjCode *code, size_t n)
{
    return n * sizeof(Instr) + n * sizeof(VmExcEntry) +
           (first_nodes(n) + FIRST_SPREAD) * sizeof(NullSlot) +
           (n + 1 + 4 * n) * sizeof(int32_t) + n + (size_t)code->nlocalsplus + 1;
}

/* Lay the scratch block out: the Instrs first (their int64_t needs the
 * block's alignment), the bytes last. */
static void lay_out(Verifier *v, void *block)
{
    size_t n = (size_t)v->nunits;
    v->ins = block;
    v->entries = (VmExcEntry *)(v->ins + n);
    v->lists.nodes = (NullSlot *)(v->entries + n);
    v->lists.cap = (int32_t)first_nodes(n);
    v->lists.spread = v->lists.nodes + v->lists.cap;
    v->lists.room = FIRST_SPREAD;
    v->index = (int32_t *)(v->lists.spread + FIRST_SPREAD);
    v->depth = v->index + n + 1;
    v->nulls = v->depth + n;
    v->work = v->nulls + n;
    v->mark = (uint8_t *)(v->work + n);
    v->made = v->mark + n;
}

bool vm_verify_code(ObjCode *code, char *err, size_t errlen)
{
    char dummy[1];
    Verifier v = { .code = code, .nunits = (int32_t)code->ninstrs, .stacksize = code->stacksize,
                   .nlocalsplus = code->nlocalsplus,
                   .kinds = AS_BYTES(code->localspluskinds)->data,
                   .nconsts = rt_tuple_len(code->consts), .nnames = rt_tuple_len(code->names),
                   .err = errlen ? err : dummy, .errlen = errlen ? errlen : sizeof dummy };
    v.err[0] = '\0';
    if (v.nunits <= 0) {
        snprintf(v.err, v.errlen, "bad bytecode in '%.80s': no code", qualname(&v));
        return false;
    }
    _Alignas(Instr) unsigned char small[SMALL_SCRATCH];
    size_t size = scratch_size(code, (size_t)v.nunits);
    void *block = size <= sizeof small ? small : malloc(size);
    if (block == NULL) {
        snprintf(v.err, v.errlen, "bad bytecode in '%.80s': no memory to verify it",
                 qualname(&v));
        return false;
    }
    lay_out(&v, block);
    decode(&v);
    v.lists.limit = null_limit(v.count);
    memset(v.depth, 0xff, (size_t)v.count * sizeof *v.depth);             /* all -1 */
    bool ok = find_prologue(&v) && read_table(&v) && run_dataflow(&v) &&
              (!v.may_spin || find_unsafe_loop(&v));
    if (v.lists.nodes_on_heap)
        free(v.lists.nodes);
    if (v.lists.spread_on_heap)
        free(v.lists.spread);
    if (block != small)
        free(block);
    if (ok)
        code->framesize = (size_t)code->nlocalsplus + (size_t)v.maxdepth;
    return ok;
}
