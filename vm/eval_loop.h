/*
 * eval_loop.h — the eval loop as ONE C function, for the strategies whose
 * dispatch stays inside a function: switch, goto, threaded, and the two
 * instrumented variants built on goto (trace, stats).
 *
 * Like bytecodes.h this is a template, included once per strategy.  Before
 * including it, the strategy defines the dispatch macros (dispatch.h) and:
 *
 *   LOOP_FUNCTION          the name of the function to define
 *   LOOP_LOCALS            declarations at the top (a label table, `opcode`)
 *   INSTR_POINTER          the type of next_instr
 *   DISPATCH_LOOP_BEGIN    what comes before the bodies
 *   DISPATCH_LOOP_END      what comes after them
 *   DISPATCH_FROM_OUTSIDE  dispatch from the code after the bodies
 *   NEXT_UNIT()            the code unit where the next instruction starts
 *   LOOP_TRACES            (defined in the tracing loop only) do not hand
 *                          over to the tracing loop at the eval breaker
 *
 * The registers are C locals, so the compiler keeps them in machine
 * registers across the bodies (no body takes the address of one: that
 * would force it into memory for the whole function).
 *
 * Calls between Python functions do not recurse in C: CALL pushes a new
 * frame and jumps to resume_frame; RETURN_VALUE pops it and restores the
 * caller's registers.  Only an "entry" frame (run from C: the module, a
 * function called by a builtin, a generator resumed by gen.c) makes the
 * loop return.
 */

/* Leaving a body other than by DISPATCH: to labels of this function. */
#define GOTO_ERROR() goto error
#define GOTO_UNWIND() goto exception_unwind
#define GOTO_BREAKER() goto handle_breaker
#define ENTER_FRAME() goto resume_frame
#define LEAVE_EVAL(v) return (v)

/* The computed-goto strategies' table: every byte value starts as
 * "unknown", then each 3.11 opcode's entry is overridden with its body's
 * label (hence the silenced warning).  A specialized form's entry is its
 * own body's, unless the strategy says otherwise (the tracing loop runs
 * the base forms: SPECIALIZED_LABEL_ENTRY). */
#define LABEL_TABLE(table)                                                  \
    _Pragma("GCC diagnostic push")                                          \
    _Pragma("GCC diagnostic ignored \"-Woverride-init\"")                   \
    static void *const table[256] = {                                       \
        [0 ... 255] = &&unknown_opcode,                                     \
        PVM_OPCODES(LABEL_ENTRY)                                            \
        PVM_INTERNAL(LABEL_ENTRY)                                           \
        PVM_SPECIALIZED(SPECIALIZED_LABEL_ENTRY)                            \
        PVM_SPECIALIZED_312(SPECIALIZED_LABEL_ENTRY)                        \
    };                                                                      \
    _Pragma("GCC diagnostic pop")
#define LABEL_ENTRY(name, num, ...) [num] = &&TARGET_##name,
#ifndef SPECIALIZED_LABEL_ENTRY
#define SPECIALIZED_LABEL_ENTRY LABEL_ENTRY
#endif

Value LOOP_FUNCTION(Frame *frame, bool throwing)
{
    LOOP_LOCALS
    INSTR_POINTER next_instr;
    Value *sp;
    int oparg;
    Value kwnames = VAL_NULL;           /* set by KW_NAMES for the next CALL */
    VmUnwind unwound;

    if (throwing) {                     /* gen.throw(): raise at the suspended yield */
        vm_running = frame;
        sp = frame_saved_sp(frame);
#ifdef LOOP_TRACES
        if (vm_trace_on)                /* the frame's "call" event comes first */
            vm_trace_throw_entry(frame);
#endif
        goto error_saved;
    }
resume_frame:                           /* ENTER_FRAME(): a new frame, or a resumed one */
    vm_running = frame;
    RESTORE_FRAME();
    DISPATCH_LOOP_BEGIN

#include "vm/bytecodes.h"

    DISPATCH_LOOP_END

unknown_opcode:
    vm_bad_opcode(*THIS_INSTR() & 0xff);
    goto error;

handle_breaker:
    /* RESUME or a backward jump found the eval breaker set, and named
     * itself in frame->instr.  The stack pointer is saved too: what the
     * breaker runs (generator finalisers) may look at the running frame. */
    frame->sp = sp;
    if (!vm_handle_breaker())
        goto error_saved;
#ifndef LOOP_TRACES
    if (vm_trace_on)                    /* sys.settrace: on in the tracing loop */
        return vm_trace_take_over(frame, NEXT_UNIT());
#endif
    DISPATCH_FROM_OUTSIDE();

    /* ---- unwinding: the same for every strategy (vm_unwind in eval.c) ---- */

error:
    frame->instr = THIS_INSTR();
error_saved:
    unwound = vm_unwind(frame, sp, true);
    goto unwound;

exception_unwind:
    frame->instr = THIS_INSTR();
    unwound = vm_unwind(frame, sp, false);
unwound:
    if (unwound.frame == NULL)
        return VAL_NULL;                /* left the entry frame */
    frame = unwound.frame;
    sp = unwound.sp;
    kwnames = VAL_NULL;
    JUMP_TO_INSTR(unwound.resume);
    DISPATCH_FROM_OUTSIDE();
}
