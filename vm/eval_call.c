/*
 * eval_call.c — the `call` strategy: call threading.
 *
 * Every opcode body becomes a C function, op_NAME(Regs *regs), and the
 * loop calls them through a 256-entry table of function pointers:
 *
 *     do {
 *         word = *regs->next_instr++;
 *         regs->oparg = word >> 8;
 *         status = handlers[word & 0xff](regs);
 *     } while (status == GO_ON);
 *
 * The registers live in a struct in memory, passed by pointer: the bodies'
 * names `frame`, `sp`, `next_instr`, `oparg`, `kwnames` are macros for its
 * fields.  A body returns a status saying how it ended — GO_ON (the
 * DISPATCH of every body), or one of the exits the other strategies take
 * with a goto (error, re-raise, eval breaker, new frame, leave) — and the
 * loop handles the exits outside the hot inner loop.
 *
 * This is the form an interpreter takes in a language without computed
 * goto or guaranteed tail calls.  It pays a call and a return per
 * instruction, and the registers go through memory (every body reloads
 * `sp` from the struct and stores it back); the gain is that each handler
 * is a small separate function the compiler optimises on its own.
 */
#include "vm/eval.h"
#include "vm/dispatch.h"

typedef struct Regs {
    Frame *frame;
    const uint16_t *next_instr;
    Value *sp;
    int opcode, oparg;
    Value kwnames;                      /* set by KW_NAMES for the next CALL */
    Value result;                       /* what LEAVE_EVAL returns */
} Regs;

/* How a body ended. */
enum { GO_ON, GO_ERROR, GO_UNWIND, GO_BREAKER, GO_FRAME, GO_LEAVE };

typedef int (*Handler)(Regs *regs);
static const Handler handlers[256];

/* ---- the bodies, one function each --------------------------------------------- */

#define frame (regs->frame)
#define next_instr (regs->next_instr)
#define sp (regs->sp)
#define opcode (regs->opcode)
#define oparg (regs->oparg)
#define kwnames (regs->kwnames)

#define TARGET(name) static int op_##name(Regs *regs)
#define DISPATCH() return GO_ON
#define NEXTOPARG() FETCH_UNIT()
#define DISPATCH_SAME_OPARG() return handlers[opcode](regs)
#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(name) (next_instr += CACHES_##name)
#define THIS_INSTR() (next_instr - 1)
#define GO_TO_BODY(name) return op_##name(regs)
#define JUMP_TO_INSTR(u) (next_instr = (u))
#define GOTO_ERROR() return GO_ERROR
#define GOTO_UNWIND() return GO_UNWIND
#define GOTO_BREAKER() return GO_BREAKER
#define ENTER_FRAME() return GO_FRAME
#define LEAVE_EVAL(v) do { regs->result = (v); return GO_LEAVE; } while (0)

#include "vm/bytecodes.h"

static int op_unknown(Regs *regs)
{
    vm_bad_opcode(*THIS_INSTR() & 0xff);
    return GO_ERROR;
}

#undef frame
#undef next_instr
#undef sp
#undef opcode
#undef oparg
#undef kwnames

#define HANDLER_ENTRY(name, num, ...) [num] = op_##name,
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
static const Handler handlers[256] = {
    [0 ... 255] = op_unknown,
    PVM_OPCODES(HANDLER_ENTRY)
    PVM_INTERNAL(HANDLER_ENTRY)
    PVM_SPECIALIZED(HANDLER_ENTRY)
    PVM_SPECIALIZED_312(HANDLER_ENTRY)
};
#pragma GCC diagnostic pop

/* ---- the loop ------------------------------------------------------------------- */

/* After an exception: continue at the handler, or false when the exception
 * leaves this invocation of the loop. */
static bool unwind(Regs *regs, bool traceback)
{
    VmUnwind u = vm_unwind(regs->frame, regs->sp, traceback);
    if (u.frame == NULL)
        return false;
    regs->frame = u.frame;
    regs->sp = u.sp;
    regs->next_instr = u.resume;
    regs->kwnames = VAL_NULL;
    return true;
}

Value vm_eval_call(Frame *entry, bool throwing)
{
    Regs regs = { .frame = entry, .kwnames = VAL_NULL };
    int status = GO_FRAME;
    if (throwing) {                     /* gen.throw(): raise at the suspended yield */
        vm_running = entry;
        regs.sp = frame_saved_sp(entry);
        if (!unwind(&regs, true))
            return VAL_NULL;
        status = GO_ON;
    }
    for (;;) {
        switch (status) {
        case GO_ON:
            break;
        case GO_FRAME:                  /* a new frame, or a caller resumed */
            vm_running = regs.frame;
            regs.next_instr = frame_resume_instr(regs.frame);
            regs.sp = frame_saved_sp(regs.frame);
            break;
        case GO_ERROR:
        case GO_UNWIND:
            regs.frame->instr = regs.next_instr - 1;
            if (!unwind(&regs, status == GO_ERROR))
                return VAL_NULL;
            break;
        case GO_BREAKER:                /* frame->instr is already set */
            regs.frame->sp = regs.sp;
            if (vm_handle_breaker()) {
                if (vm_trace_on)        /* sys.settrace: on in the tracing loop */
                    return vm_trace_take_over(regs.frame, regs.next_instr);
            } else if (!unwind(&regs, true)) {
                return VAL_NULL;
            }
            break;
        case GO_LEAVE:
            return regs.result;
        }
        do {                            /* the hot loop */
            uint16_t word = *regs.next_instr++;
            regs.oparg = word >> 8;
            status = handlers[word & 0xff](&regs);
        } while (status == GO_ON);
    }
}
