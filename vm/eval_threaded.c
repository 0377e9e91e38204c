/*
 * eval_threaded.c — the `threaded` strategy: direct threading over
 * pre-decoded code.
 *
 * The first time the loop runs a code object it translates it, once, into
 * an array of entries { address of the body's label, operand } — the code
 * is "threaded" through the bodies.  Dispatch is then one load of the
 * label address and one indirect jump: no opcode byte to fetch, no table
 * to index, no EXTENDED_ARG to execute.  The translation:
 *
 *   - EXTENDED_ARG prefixes are folded into their instruction's operand;
 *   - inline CACHE units are left out, so an entry is one instruction and
 *     SKIP_CACHES does nothing; a body that uses its caches finds them in
 *     the code units, after the unit its entry records (CACHE_UNITS);
 *   - when specialization rewrites an instruction in the code units
 *     (vm/specialize.h), the body that did it points its entry at the new
 *     form's body (REFRESH_HANDLER), so both forms of the code agree;
 *   - jump operands are re-expressed in entries (the distance from the
 *     entry after the jump), so JUMPBY works unchanged;
 *   - `index` maps every code unit to the entry of the instruction it
 *     belongs to.  Frames keep code-unit positions (see eval.h), so
 *     resuming a frame, jumping to an exception handler or resuming a
 *     generator that gen.c repositioned goes through this map, and each
 *     entry remembers its code unit for THIS_INSTR (tracebacks).
 *
 * The decoded form is kept in the code object (ObjCode.threaded: one load
 * per call finds it; the frame caches it in frame->decoded for returns).  A translation made after some of the
 * code was specialized starts from the specialized forms.  A jump into the middle of an instruction
 * (never produced by CPython) lands on the start of that instruction.
 */
#include <stdlib.h>
#include "vm/eval.h"
#include "vm/dispatch.h"

typedef struct Threaded {
    void *handler;                      /* the body's label */
    int32_t oparg;                      /* EXTENDED_ARG folded; jumps in entries */
    uint32_t unit;                      /* the instruction's (last) code unit */
} Threaded;

typedef struct ThreadedCode {
    const uint32_t *index;              /* code unit -> entry; ninstrs + 1 of them */
    Threaded entries[];                 /* one per instruction, plus a sentinel */
} ThreadedCode;

/* ---- translation ------------------------------------------------------------- */

static inline int unit_op(const ObjCode *code, size_t i) { return code->instrs[i] & 0xff; }
static inline int unit_arg(const ObjCode *code, size_t i) { return code->instrs[i] >> 8; }

/* Where the instruction starting at unit `start` ends: past its
 * EXTENDED_ARG prefixes, its own unit and its caches.  *op_unit is its
 * own unit. */
static size_t instruction_end(const ObjCode *code, size_t start, size_t *op_unit)
{
    size_t i = start, n = code->ninstrs;
    while (i + 1 < n && unit_op(code, i) == OP_EXTENDED_ARG)
        i++;
    *op_unit = i;
    /* A specialized form has its base instruction's caches (the table
     * knows only the base opcodes: with a specialized byte, the cache units
     * would be read as instructions of their own). */
    size_t end = i + 1 + vm_opcode_info[vm_base_opcode(unit_op(code, i))].caches;
    return end < n ? end : n;
}

/* The entry a jump to code unit `target` reaches (clamped: a bad target
 * reaches the sentinel, whose body raises SystemError). */
static int32_t entry_at(const uint32_t *index, const ObjCode *code, long target)
{
    if (target < 0 || (size_t)target > code->ninstrs)
        target = (long)code->ninstrs;
    return (int32_t)index[target];
}

enum { STACK_UNITS = 256 };    /* code units whose bounds translate keeps on the C stack */

static ThreadedCode *translate(const ObjCode *code, void *const *labels)
{
    /* One pass over the code units finds each instruction's first unit
     * and its own unit (after its EXTENDED_ARG prefixes), counting them;
     * two passes over those instructions then map every unit to its
     * instruction's entry (jump targets need the whole map before any
     * jump can be translated) and fill the entries.  Each instruction's
     * end is worked out once: the three passes over the code units this
     * replaced cost pip list's imports 2% of their time. */
    size_t n = code->ninstrs, count = 0, op_unit;
    uint32_t stack_bounds[2 * (STACK_UNITS + 1)], *starts = stack_bounds;
    bool malloced = false;      /* a big function's from malloc, not the collected heap */
    if (n > STACK_UNITS) {
        starts = malloc(2 * (n + 1) * sizeof *starts);
        malloced = starts != NULL;
        if (!malloced)          /* the collector's reserve, or pvm's out-of-memory end */
            starts = gc_alloc_atomic(2 * (n + 1) * sizeof *starts);
    }
    uint32_t *op_units = starts + n + 1;
    for (size_t i = 0; i < n; count++) {
        starts[count] = (uint32_t)i;
        i = instruction_end(code, i, &op_unit);
        op_units[count] = (uint32_t)op_unit;
    }
    starts[count] = (uint32_t)n;
    /* One pointer-free block: entries (+ sentinel), then the index. */
    size_t head = sizeof(ThreadedCode) + (count + 1) * sizeof(Threaded);
    ThreadedCode *tc = gc_alloc_atomic(head + (n + 1) * sizeof(uint32_t));
    uint32_t *index = (uint32_t *)((char *)tc + head);
    tc->index = index;
    for (size_t k = 0; k < count; k++)
        for (size_t u = starts[k]; u < starts[k + 1]; u++)
            index[u] = (uint32_t)k;
    index[n] = (uint32_t)count;
    for (size_t k = 0; k < count; k++) {
        size_t i = starts[k], end = starts[k + 1];
        op_unit = op_units[k];
        int op = unit_op(code, op_unit), base = vm_base_opcode(op);
        /* Each EXTENDED_ARG contributes the next 8 high bits. */
        int32_t oparg = 0;
        for (size_t u = i; u <= op_unit; u++)
            oparg = (int32_t)((uint32_t)oparg << 8 | unit_arg(code, u));
        /* A jump's target is relative to the unit after the instruction and
         * its caches (`end`); re-expressed relative to entry k + 1, which
         * is where next_instr points while the jump's body runs. */
        if (vm_opcode_info[base].kind == OPK_JFWD)
            oparg = entry_at(index, code, (long)end + oparg) - (int32_t)(k + 1);
        else if (vm_opcode_info[base].kind == OPK_JBACK)
            oparg = (int32_t)(k + 1) - entry_at(index, code, (long)end - oparg);
        tc->entries[k] = (Threaded){ labels[op], oparg, (uint32_t)op_unit };
    }
    /* Running off the end (impossible in valid code): a SystemError. */
    tc->entries[count] = (Threaded){ labels[OP_CACHE], 0, (uint32_t)(n ? n - 1 : 0) };
    if (malloced)
        free(starts);
    return tc;
}

/* The translation, made on first need and kept in the code object. */
static const ThreadedCode *threaded_code(const ObjCode *code, void *const *labels)
{
    if (code->threaded == NULL)
        ((ObjCode *)code)->threaded = translate(code, labels);
    return code->threaded;
}

/* The entry of code unit u of the frame's code (JUMP_TO_INSTR). */
static inline const Threaded *threaded_entry(Frame *f, const uint16_t *u, void *const *labels)
{
    const ThreadedCode *tc = f->decoded;
    if (tc == NULL)
        f->decoded = tc = threaded_code(f->code, labels);
    return tc->entries + tc->index[u - f->code->instrs];
}

/* The first code unit of entry e (its EXTENDED_ARG prefixes included):
 * where another loop continues the frame (sys.settrace's hand-over). */
static const uint16_t *entry_start(Frame *f, const Threaded *e)
{
    const ThreadedCode *tc = f->decoded;
    uint32_t k = (uint32_t)(e - tc->entries), u = e->unit;
    while (u > 0 && tc->index[u - 1] == k)
        u--;
    return f->code->instrs + u;
}

/* ---- the loop ------------------------------------------------------------------- */

#define LOOP_FUNCTION vm_eval_threaded
#define LOOP_LOCALS LABEL_TABLE(dispatch_table)
#define INSTR_POINTER const Threaded *

#define TARGET(name) TARGET_##name:
#define DISPATCH()                                  \
    do {                                            \
        oparg = next_instr->oparg;                  \
        goto *(next_instr++)->handler;              \
    } while (0)
/* EXTENDED_ARG is folded away by the translation: its body never runs. */
#define NEXTOPARG() ((void)0)
#define DISPATCH_SAME_OPARG() goto unknown_opcode
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) ((void)0)
#define THIS_INSTR() (frame->code->instrs + next_instr[-1].unit)
#define GO_TO_BODY(name) goto TARGET_##name
/* The caches stay in the code units (ObjCode.instrs), after the unit the
 * entry came from; a specialized opcode there is copied into the entry. */
#undef CACHE_UNITS
#undef REFRESH_HANDLER
#define CACHE_UNITS() ((uint16_t *)frame->code->instrs + next_instr[-1].unit + 1)
#define REFRESH_HANDLER(instr) \
    (((Threaded *)next_instr)[-1].handler = dispatch_table[*(instr) & 0xff])
#undef NEXT_INSTR_OPARG
#define NEXT_INSTR_OPARG() (next_instr->oparg)
#undef NEXT_INSTR_UNIT
#undef REFRESH_NEXT_HANDLER
#define NEXT_INSTR_UNIT() ((uint16_t *)frame->code->instrs + next_instr->unit)
#define REFRESH_NEXT_HANDLER(instr) \
    (((Threaded *)next_instr)->handler = dispatch_table[*(instr) & 0xff])
#define JUMP_TO_INSTR(u) (next_instr = threaded_entry(frame, (u), dispatch_table))

#define DISPATCH_LOOP_BEGIN DISPATCH();
#define DISPATCH_LOOP_END
#define DISPATCH_FROM_OUTSIDE() DISPATCH()
#define NEXT_UNIT() entry_start(frame, next_instr)

#include "vm/eval_loop.h"
