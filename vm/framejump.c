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

/* The operand of the unit at i, with its EXTENDED_ARG prefixes. */
static int get_arg(const uint16_t *code, int i)
{
    unsigned oparg = code[i] >> 8;
    for (int k = 1; k <= 3 && i >= k && (code[i - k] & 0xff) == OP_EXTENDED_ARG; k++)
        oparg |= (unsigned)(code[i - k] >> 8) << (8 * k);
    return (int)oparg;
}

/* The larger of an instruction's two stack effects (taken, not taken). */
static int stack_effect(int op, int oparg)
{
    int64_t a = vm_stack_pushed(op, oparg, false) - vm_stack_popped(op, oparg, false);
    int64_t b = vm_stack_pushed(op, oparg, true) - vm_stack_popped(op, oparg, true);
    if (vm_stack_popped(op, oparg, false) < 0)
        return 0;
    return (int)(a > b ? a : b);
}

static void set_target(int64_t *stacks, int j, int len, int64_t stack)
{
    if (j >= 0 && j < len)
        stacks[j] = stack;
}

/* The stack before each code unit: UNINITIALIZED where none can be. */
static int64_t *mark_stacks(const ObjCode *co, const uint16_t *code, int len)
{
    int64_t *stacks = gc_alloc_atomic(sizeof(int64_t) * (size_t)(len + 1));
    for (int i = 1; i <= len; i++)
        stacks[i] = UNINITIALIZED;
    stacks[0] = EMPTY_STACK;
    if (co->flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
        stacks[0] = push_value(stacks[0], OBJECT);   /* the first None sent */
    for (bool todo = true; todo;) {
        todo = false;
        for (int i = 0; i < len; i++) {
            int64_t next = stacks[i], target;
            if (next == UNINITIALIZED)
                continue;
            int op = code[i] & 0xff, arg = get_arg(code, i), j;
            switch (op) {
            case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP:
            case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_FORWARD_IF_TRUE:
            case OP_POP_JUMP_BACKWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
                j = vm_opcode_info[op].kind == OPK_JBACK ? i + 1 - arg : i + 1 + arg;
                if (j >= 0 && j < i && stacks[j] == UNINITIALIZED)
                    todo = true;
                if (op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP) {
                    target = next;
                    next = pop_value(next);
                } else {
                    next = pop_value(next);
                    target = next;
                }
                set_target(stacks, j, len, target);
                stacks[i + 1] = next;
                break;
            case OP_JUMP_FORWARD:
                set_target(stacks, i + 1 + arg, len, next);
                break;
            case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT:
                j = i + 1 - arg;
                if (j >= 0 && j < i && stacks[j] == UNINITIALIZED)
                    todo = true;
                set_target(stacks, j, len, next);
                break;
            case OP_GET_ITER: case OP_GET_AITER:
                stacks[i + 1] = push_value(pop_value(next), ITERATOR);
                break;
            case OP_FOR_ITER:
                set_target(stacks, i + 1 + arg, len, pop_value(next));
                stacks[i + 1] = push_value(next, OBJECT);
                break;
            case OP_SEND:               /* the receiver returned: past the loop */
                set_target(stacks, i + 1 + arg, len, pop_value(next));
                stacks[i + 1] = next;
                break;
            case OP_END_ASYNC_FOR:
                stacks[i + 1] = pop_value(pop_value(pop_value(next)));
                break;
            case OP_PUSH_EXC_INFO:
                stacks[i + 1] = push_value(next, EXCEPT);
                break;
            case OP_POP_EXCEPT:
                stacks[i + 1] = pop_value(next);
                break;
            case OP_RETURN_VALUE: case OP_RAISE_VARARGS: case OP_RERAISE:
                break;                  /* the end of a block */
            case OP_PUSH_NULL:
                stacks[i + 1] = push_value(next, NUL);
                break;
            case OP_LOAD_GLOBAL:
                if (arg & 1)
                    next = push_value(next, NUL);
                stacks[i + 1] = push_value(next, OBJECT);
                break;
            case OP_LOAD_METHOD:
                stacks[i + 1] = push_value(push_value(pop_value(next), NUL), OBJECT);
                break;
            case OP_PRECALL:            /* CPython counts the arguments here */
                for (int k = 0; k < arg; k++)
                    next = pop_value(next);
                stacks[i + 1] = next;
                break;
            case OP_CALL:               /* ...and the callable and NULL here */
                stacks[i + 1] = push_value(pop_value(pop_value(next)), OBJECT);
                break;
            case OP_SWAP:
                stacks[i + 1] = stack_swap(next, arg);
                break;
            case OP_COPY:
                stacks[i + 1] = push_value(next, peek_kind(next, arg));
                break;
            default:
                for (int delta = stack_effect(op, arg); delta != 0; delta += delta < 0 ? 1 : -1)
                    next = delta < 0 ? pop_value(next) : push_value(next, OBJECT);
                stacks[i + 1] = next;
            }
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
    const uint16_t *code = (const uint16_t *)AS_BYTES(co->code)->data;
    int len = (int)co->ninstrs;
    int *lines = line_starts(co, len), line = INT_MAX;
    for (int i = 0; i < len; i++)
        if (lines[i] >= new_lineno && lines[i] < line)
            line = lines[i];
    if (line == INT_MAX) {
        rt_raisef(&rt_ValueError, "line %d comes after the current code block", (int)new_lineno);
        return false;
    }
    int64_t *stacks = mark_stacks(co, code, len);
    int64_t start = stacks[frame_lasti(f)], best = OVERFLOWED;
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
    /* Pop what the target's stack lacks; a handled exception's entry gives
     * back the exception handled before (what PUSH_EXC_INFO saved). */
    for (; start > best; start = pop_value(start)) {
        Value v = *--f->sp;
        if (top_of_stack(start) == EXCEPT)
            vm_exc_info->exc = v;
    }
    f->instr = f->next_instr = f->code->instrs + best_addr;
    fo->jumped = true;
    fo->lineno = 0;
    return true;
}
