/*
 * framejump.c — jumping: a trace function assigns frame.f_lineno during a
 * "line" event, and the frame goes on at the first instruction of that
 * line (a debugger's `jump`).  CPython 3.11's rules (Objects/frameobject.c,
 * frame_setlineno), with its error messages.
 *
 * A jump is allowed only where the value stack can be made to fit: the
 * stack at the target must be the stack here with some items popped.  To
 * know what the stack holds at every instruction, the code is interpreted
 * abstractly (mark_stacks): each stack is a small number, 3 bits per item
 * saying what kind of value sits there — an iterator (a `for` loop's), an
 * exception being handled, an ordinary object, the NULL below a callable,
 * a handler's saved position.  A jump out of a `for` loop pops its
 * iterator; into one is refused ("can't jump into the body of a for
 * loop"), and so on.
 */
#include <limits.h>
#include <stdio.h>
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "vm/decode.h"
#include "vm/eval.h"
#include "vm/frameobject.h"
#include "vm/opcodes.h"
#include "vm/systrace.h"

enum { ITERATOR = 1, EXCEPT = 2, OBJECT = 3, NUL = 4, LASTI = 5 };

#define BITS 3
#define MASK ((1 << BITS) - 1)
#define MAX_ENTRIES (63 / BITS)
#define WILL_OVERFLOW (1ULL << ((MAX_ENTRIES - 1) * BITS))
#define EMPTY_STACK 0
#define UNINITIALIZED (-2)
#define OVERFLOWED (-1)

static int64_t push_value(int64_t stack, int kind)
{
    return (uint64_t)stack >= WILL_OVERFLOW ? OVERFLOWED : (stack << BITS) | kind;
}

static int64_t pop_value(int64_t stack) { return stack >> BITS; }
static int top_of_stack(int64_t stack) { return (int)(stack & MASK); }
static int peek_kind(int64_t stack, int n) { return (int)((stack >> (BITS * (n - 1))) & MASK); }

static int64_t stack_swap(int64_t stack, int n)
{
    int to_swap = peek_kind(stack, n), top = top_of_stack(stack);
    int shift = BITS * (n - 1);
    int64_t replaced_low = (stack & ~((int64_t)MASK << shift)) | ((int64_t)top << shift);
    return (replaced_low & ~(int64_t)MASK) | to_swap;
}

static int64_t pop_to_level(int64_t stack, int level)
{
    if (level == 0)
        return EMPTY_STACK;
    int64_t max_item = (1 << BITS) - 1;
    int64_t level_max_stack = max_item << ((level - 1) * BITS);
    while (stack > level_max_stack)
        stack = pop_value(stack);
    return stack;
}

static void set_target(int64_t *stacks, int j, int len, int64_t stack)
{
    if (j >= 0 && j < len)
        stacks[j] = stack;
}

/* An instruction's net stack effect, going the way `jump` says. */
static int stack_effect(int op, int oparg, bool jump)
{
    if (vm_stack_popped(op, oparg, jump) < 0)
        return 0;
    return (int)(vm_stack_pushed(op, oparg, jump) - vm_stack_popped(op, oparg, jump));
}

static int64_t apply_effect(int64_t stack, int delta)
{
    for (; delta != 0; delta += delta < 0 ? 1 : -1)
        stack = delta < 0 ? pop_value(stack) : push_value(stack, OBJECT);
    return stack;
}

/* Instructions after which control never falls through. */
static bool ends_block(int op)
{
    switch (op) {
    case OP_RETURN_VALUE: case OP_RETURN_CONST: case OP_RAISE_VARARGS: case OP_RERAISE:
    case OP_JUMP_FORWARD: case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
    case OP_JUMP_BACKWARD_313:
        return true;
    default:
        return false;
    }
}

/* The stack after the instruction `in` whose stack before is `stack`, by
 * the way it goes: fallen through (`jump` false) or jumping.  Every
 * version's instructions as pvm runs them (vm/translate.c), so one walk
 * serves 3.11 to 3.13: where they differ is the order of a callable and
 * its NULL (3.13 puts the NULL above), and what FOR_ITER leaves at the
 * loop's exit (3.11 pops the iterator; 3.12's jumps to END_FOR, which pops
 * it with the value). */
static int64_t stack_after(const VmInstr *in, int64_t stack, bool jump)
{
    int op = in->opcode, arg = (int)in->arg;
    switch (op) {
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
        return jump ? stack : pop_value(stack);
    case OP_GET_ITER: case OP_GET_AITER:
        return push_value(pop_value(stack), ITERATOR);
    case OP_FOR_ITER:
        return jump ? pop_value(stack) : push_value(stack, OBJECT);
    case OP_FOR_ITER_312:
        return push_value(stack, OBJECT);
    case OP_SEND:               /* the receiver returned: past the loop */
        return jump ? pop_value(stack) : stack;
    case OP_PUSH_EXC_INFO:
        return push_value(stack, EXCEPT);
    case OP_POP_EXCEPT:
        return pop_value(stack);
    case OP_PUSH_NULL:
        return push_value(stack, NUL);
    case OP_LOAD_GLOBAL: case OP_LOAD_GLOBAL_312:
        if (arg & 1)
            stack = push_value(stack, NUL);
        return push_value(stack, OBJECT);
    case OP_LOAD_GLOBAL_313:
        stack = push_value(stack, OBJECT);
        return arg & 1 ? push_value(stack, NUL) : stack;
    case OP_LOAD_METHOD:
        return push_value(push_value(pop_value(stack), NUL), OBJECT);
    case OP_LOAD_ATTR_312:
        return arg & 1 ? push_value(push_value(pop_value(stack), NUL), OBJECT) : stack;
    case OP_LOAD_ATTR_313:
        return arg & 1 ? push_value(push_value(pop_value(stack), OBJECT), NUL) : stack;
    case OP_PRECALL:            /* 3.11: CPython counts the arguments here */
        for (int k = 0; k < arg; k++)
            stack = pop_value(stack);
        return stack;
    case OP_CALL:               /* ...and the callable and NULL here */
        return push_value(pop_value(pop_value(stack)), OBJECT);
    case OP_SWAP:
        return stack_swap(stack, arg);
    case OP_COPY:
        return push_value(stack, peek_kind(stack, arg));
    default:
        return apply_effect(stack, stack_effect(op, arg, jump));
    }
}

/* The stack before each code unit: UNINITIALIZED where none can be (and
 * at cache units, where no instruction starts). */
static int64_t *mark_stacks(const ObjCode *co, int len)
{
    int64_t *stacks = gc_alloc_atomic(sizeof(int64_t) * (size_t)(len + 1));
    for (int i = 1; i <= len; i++)
        stacks[i] = UNINITIALIZED;
    stacks[0] = EMPTY_STACK;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        stacks[0] = push_value(stacks[0], OBJECT);   /* the first None sent */
    for (bool todo = true; todo;) {
        todo = false;
        VmDecoder d = { co, 0, 0, false };
        VmInstr in;
        while (vm_decode_next(&d, &in)) {
            int i = in.offset / 2, next_i = (int)d.unit, j;
            int64_t stack = stacks[i];
            if (stack == UNINITIALIZED)
                continue;
            if (vm_jump_target(&in, &j)) {
                j /= 2;
                if (j >= 0 && j < i && stacks[j] == UNINITIALIZED)
                    todo = true;
                set_target(stacks, j, len, stack_after(&in, stack, true));
            }
            if (!ends_block(in.opcode))
                set_target(stacks, next_i, len, stack_after(&in, stack, false));
        }
        /* A handler starts with the stack of its range cut to its depth. */
        VmExcTable table;
        VmExcEntry h;
        vm_exc_table_start(&table, co);
        while (vm_exc_table_next(&table, &h)) {
            if (h.start < 0 || h.start >= len || h.target < 0 || h.target >= len ||
                stacks[h.start] == UNINITIALIZED || stacks[h.target] != UNINITIALIZED)
                continue;
            todo = true;
            int64_t target = pop_to_level(stacks[h.start], h.depth);
            if (h.lasti)
                target = push_value(target, LASTI);
            stacks[h.target] = push_value(target, EXCEPT);
        }
    }
    return stacks;
}

static bool compatible_kind(int from, int to)
{
    if (to == 0)
        return false;
    if (to == OBJECT)
        return from != NUL;
    if (to == NUL)
        return true;
    return from == to;
}

static bool compatible_stack(int64_t from, int64_t to)
{
    if (from < 0 || to < 0)
        return false;
    while (from > to)
        from = pop_value(from);
    while (from) {
        if (!compatible_kind(top_of_stack(from), top_of_stack(to)))
            return false;
        from = pop_value(from);
        to = pop_value(to);
    }
    return to == 0;
}

static const char *explain_incompatible_stack(int64_t to)
{
    if (to == OVERFLOWED)
        return "stack is too deep to analyze";
    if (to == UNINITIALIZED)
        return "can't jump into an exception handler, or code may be unreachable";
    switch (top_of_stack(to)) {
    case EXCEPT:
        return "can't jump into an 'except' block as there's no exception";
    case LASTI:
        return "can't jump into a re-raising block as there's no location";
    case ITERATOR:
        return "can't jump into the body of a for loop";
    default:                            /* an object, or the NULL below a callable */
        return "incompatible stacks";
    }
}

/* The line each unit starts, or -1 (CPython's marklines). */
static int *line_starts(ObjCode *co, int len)
{
    int *lines = gc_alloc_atomic(sizeof(int) * (size_t)(len > 0 ? len : 1));
    const int *all = rt_code_lines(co);
    int last = -1;
    for (int i = 0; i < len; i++) {
        int line = all[i];
        lines[i] = -1;
        if (line != last && line != -1) {
            lines[i] = line;
            last = line;
        }
    }
    return lines;
}

/* 3.12 and later: the target may use a local the compiler proved bound
 * there; every unbound one becomes None, with a warning (which a filter
 * may turn into the error that refuses the jump). */
static bool bind_unbound_locals(Frame *f)
{
    int n = f->code->nlocalsplus, unbound = 0;
    for (int i = 0; i < n; i++)
        unbound += f->localsplus[i] == VAL_NULL;
    if (unbound == 0)
        return true;
    char msg[64];
    snprintf(msg, sizeof msg, "assigning None to %d unbound local%s", unbound,
             unbound == 1 ? "" : "s");
    if (rt_warn(&rt_RuntimeWarning, msg, 1) < 0)
        return false;
    for (int i = 0; i < n; i++)
        if (f->localsplus[i] == VAL_NULL)
            f->localsplus[i] = rt_None;
    return true;
}

bool vm_frame_jump(ObjFrame *fo, long new_lineno)
{
    Frame *f = fo->frame;
    ObjCode *co = fo->code;
    if (new_lineno > INT_MAX || new_lineno < INT_MIN) {
        rt_raisef(&rt_ValueError, "lineno out of range");
        return false;
    }
    if (new_lineno < co->firstlineno) {
        rt_raisef(&rt_ValueError, "line %d comes before the current code block", (int)new_lineno);
        return false;
    }
    int len = (int)co->ninstrs;
    int *lines = line_starts(co, len), line = INT_MAX;
    for (int i = 0; i < len; i++)
        if (lines[i] >= new_lineno && lines[i] < line)
            line = lines[i];
    if (line == INT_MAX) {
        rt_raisef(&rt_ValueError, "line %d comes after the current code block", (int)new_lineno);
        return false;
    }
    int64_t *stacks = mark_stacks(co, len);
    int64_t start = stacks[frame_lasti(f)], best = OVERFLOWED;
    /* From a yield's "return" event (vm_trace_jump_refused allows no other
     * but a line event): the generator goes on at the target when resumed,
     * without the value it yields (CPython 3.12's "value popped by yield"). */
    bool yielding = vm_base_opcode(*f->instr & 0xff) == OP_YIELD_VALUE;
    if (yielding)
        start = pop_value(start);
    int best_addr = -1, err = -1;
    const char *msg = "cannot find bytecode for specified line";
    for (int i = 0; i < len; i++) {
        if (lines[i] != line)
            continue;
        if (compatible_stack(start, stacks[i])) {
            err = 0;
            if (stacks[i] > best) {
                best = stacks[i];
                best_addr = i;
            }
        } else if (err < 0) {
            if (start == OVERFLOWED) {
                msg = "stack to deep to analyze";
            } else if (start == UNINITIALIZED) {
                msg = "can't jump from unreachable code";
            } else {
                msg = explain_incompatible_stack(stacks[i]);
                err = 1;
            }
        }
    }
    if (err) {
        rt_raisef(&rt_ValueError, "%s", msg);
        return false;
    }
    if (f->code->pyminor >= 12 && !bind_unbound_locals(f))
        return false;
    /* Pop what the target's stack lacks; a handled exception's entry gives
     * back the exception handled before (what PUSH_EXC_INFO saved).  At a
     * yield the value yielded stays on top, to be yielded. */
    Value yielded = yielding ? *--f->sp : VAL_NULL;
    for (; start > best; start = pop_value(start)) {
        Value v = *--f->sp;
        if (top_of_stack(start) == EXCEPT)
            vm_exc_info->exc = v;
    }
    fo->lineno = 0;
    if (yielding) {
        *f->sp++ = yielded;
        fo->resume_at = best_addr + 1;  /* vm_gen_resume goes there */
        return true;
    }
    f->instr = f->next_instr = f->code->instrs + best_addr;
    fo->jumped = true;
    return true;
}
