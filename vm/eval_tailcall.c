/*
 * eval_tailcall.c — the `tailcall` strategy: every body is a C function
 * that ends by tail-calling the next instruction's body.
 *
 * The registers are the functions' parameters — frame, next_instr, sp,
 * oparg, kwnames — which the calling convention keeps in machine registers
 * (the first six integer arguments on x86-64 and AArch64), and DISPATCH is
 *
 *     word = *next_instr++;  oparg = word >> 8;
 *     __attribute__((musttail)) return handlers[word & 0xff](frame, next_instr, sp, oparg, kwnames);
 *
 * `musttail` (clang 13+) guarantees the call compiles to a jump, so the C
 * stack does not grow: this is computed goto with each body a separate
 * function, which the compiler allocates registers for one body at a time
 * (the reason CPython 3.14 and wasm3 dispatch this way).  The exits are
 * tail calls too (tc_error, tc_enter_frame...), and LEAVE_EVAL is a plain
 * `return v`, which returns straight to vm_eval_tailcall's caller.
 *
 * GCC 12 has no musttail, so the Makefile compiles this file with clang
 * when $(CC) cannot, and leaves it out (no PVM_HAVE_TAILCALL, no
 * "tailcall" in --list-dispatch) when neither can.
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

#define MUSTTAIL __attribute__((musttail))
#define PARAMS Frame *frame, const uint16_t *next_instr, Value *sp, int oparg, Value kwnames
#define REGS frame, next_instr, sp, oparg, kwnames

typedef Value (*Handler)(PARAMS);
static const Handler handlers[256];

/* The exits, defined after the bodies.  noinline: inlined, their calls
 * to vm_unwind would make every body that can fail save and restore
 * callee-saved registers on its fast path too (clang 14 has no
 * preserve_none calling convention to avoid that). */
__attribute__((noinline)) static Value tc_error(PARAMS);
__attribute__((noinline)) static Value tc_reraise(PARAMS);
__attribute__((noinline)) static Value tc_breaker(PARAMS);
__attribute__((noinline)) static Value tc_enter_frame(PARAMS);

#define TARGET(name) static Value op_##name(PARAMS)
#define DISPATCH()                                          \
    do {                                                    \
        uint16_t word_ = *next_instr++;                     \
        oparg = word_ >> 8;                                 \
        MUSTTAIL return handlers[word_ & 0xff](REGS);       \
    } while (0)
#define NEXTOPARG()                                         \
    uint16_t unit_ = *next_instr++;                         \
    int opcode = unit_ & 0xff;                              \
    oparg = unit_ >> 8
#define DISPATCH_SAME_OPARG() MUSTTAIL return handlers[opcode](REGS)
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) (next_instr += CACHES_##name)
#define THIS_INSTR() (next_instr - 1)
#define GO_TO_BODY(name) MUSTTAIL return op_##name(REGS)
#define JUMP_TO_INSTR(u) (next_instr = (u))
#define GOTO_ERROR() do { MUSTTAIL return tc_error(REGS); } while (0)
#define GOTO_UNWIND() do { MUSTTAIL return tc_reraise(REGS); } while (0)
#define GOTO_BREAKER() do { MUSTTAIL return tc_breaker(REGS); } while (0)
#define ENTER_FRAME() do { MUSTTAIL return tc_enter_frame(REGS); } while (0)
#define LEAVE_EVAL(v) return (v)

#include "vm/bytecodes.h"

static Value op_unknown(PARAMS)
{
    vm_bad_opcode(*THIS_INSTR() & 0xff);
    GOTO_ERROR();
}

#define HANDLER_ENTRY(name, num, ...) [num] = op_##name,
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winitializer-overrides"
static const Handler handlers[256] = {
    [0 ... 255] = op_unknown,
    PVM_OPCODES(HANDLER_ENTRY)
    PVM_INTERNAL(HANDLER_ENTRY)
    PVM_SPECIALIZED(HANDLER_ENTRY)
    PVM_SPECIALIZED_312(HANDLER_ENTRY)
};
#pragma GCC diagnostic pop

/* ---- the exits ------------------------------------------------------------------- */

/* Continue at the handler vm_unwind found, or leave (VAL_NULL). */
#define RESUME_AT(unwound)                                  \
    do {                                                    \
        VmUnwind u_ = (unwound);                            \
        if (u_.frame == NULL)                               \
            return VAL_NULL;                                \
        frame = u_.frame;                                   \
        sp = u_.sp;                                         \
        next_instr = u_.resume;                             \
        kwnames = VAL_NULL;                                 \
        DISPATCH();                                         \
    } while (0)

static Value tc_thrown(PARAMS)
{
    RESUME_AT(vm_unwind(frame, sp, true));
}

static Value tc_error(PARAMS)
{
    frame->instr = THIS_INSTR();
    RESUME_AT(vm_unwind(frame, sp, true));
}

static Value tc_reraise(PARAMS)
{
    frame->instr = THIS_INSTR();
    RESUME_AT(vm_unwind(frame, sp, false));
}

static Value tc_breaker(PARAMS)
{
    frame->sp = sp;                     /* frame->instr is already set */
    if (!vm_handle_breaker())
        RESUME_AT(vm_unwind(frame, sp, true));
    if (vm_trace_on)                    /* sys.settrace: on in the tracing loop */
        return vm_trace_take_over(frame, next_instr);
    DISPATCH();
}

static Value tc_enter_frame(PARAMS)
{
    vm_running = frame;
    RESTORE_FRAME();
    DISPATCH();
}

Value vm_eval_tailcall(Frame *frame, bool throwing)
{
    if (throwing) {                     /* gen.throw(): raise at the suspended yield */
        vm_running = frame;
        return tc_thrown(frame, frame_resume_instr(frame), frame_saved_sp(frame), 0, VAL_NULL);
    }
    return tc_enter_frame(frame, NULL, NULL, 0, VAL_NULL);
}
