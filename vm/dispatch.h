/*
 * dispatch.h — the contract between the opcode bodies and the strategies.
 *
 * Every opcode body (vm/bytecodes.h) is written once, as
 *
 *     TARGET(NAME) {
 *         ...             // the work
 *         DISPATCH();     // on to the next instruction
 *     }
 *
 * and each dispatch strategy is one translation unit that defines the
 * macros below its own way, then includes the bodies.  What the macros
 * become (the full explanation, with measurements, is vm/README.md):
 *
 *   macro          switch        goto           threaded        call           tailcall
 *   ----------     ------------  -------------  --------------  -------------  ----------------
 *   TARGET(X)      case OP_X:    TARGET_X:      TARGET_X:       static int     static Value
 *                                                               op_X(Regs *r)  op_X(regs...)
 *   DISPATCH()     continue      fetch; goto    goto *entry->   return GO_ON   fetch; musttail
 *                  (to the one   *table[op]     handler         (to the loop)  return table[op]
 *                  switch)                                                     (regs...)
 *   GOTO_ERROR()   goto error    goto error     goto error      return         musttail return
 *                                                               GO_ERROR       tc_error(regs...)
 *   registers      C locals      C locals       C locals        fields of *r   parameters
 *   next_instr     code unit     code unit      entry of the    code unit      code unit
 *                                               decoded code
 *
 * The macros every strategy must define:
 *
 *   TARGET(name)          start of a body
 *   DISPATCH()            fetch the next instruction and run its body
 *   NEXTOPARG()           fetch a code unit into opcode/oparg (EXTENDED_ARG)
 *   DISPATCH_SAME_OPARG() run the body of the opcode just fetched
 *   JUMPBY(n)             move next_instr by n instructions (relative jump)
 *   SKIP_CACHES(name)     step over the inline cache units after `name`
 *   THIS_INSTR()          the code unit (const uint16_t *) of the running
 *                         instruction; after EXTENDED_ARG, its last unit
 *   JUMP_TO_INSTR(u)      continue at code unit u (resumption, handlers)
 *   CACHE_UNITS()         the running instruction's inline cache units
 *                         (uint16_t *, in ObjCode.instrs), before SKIP_CACHES
 *   REFRESH_HANDLER(i)    the opcode unit i was rewritten (specialized or
 *                         back to its base form): a strategy that keeps its
 *                         own copy of what to run (threaded) updates it
 *   NEXT_INSTR_OPARG()    the oparg of the instruction at next_instr (a
 *                         fused form runs the jump after it itself)
 *   NEXT_INSTR_UNIT()     the code unit of the instruction at next_instr,
 *   REFRESH_NEXT_HANDLER(i)  and the same as REFRESH_HANDLER for it
 *   GO_TO_BODY(name)      run the body of `name` for this instruction
 *                         (a specialized form's miss runs its base form)
 *   GOTO_ERROR()          an exception is set: unwind to a handler
 *   GOTO_UNWIND()         re-raise: unwind without a new traceback entry
 *   GOTO_BREAKER()        the eval breaker is set: handle it, then go on
 *                         (frame->instr already names the instruction)
 *   ENTER_FRAME()         start running the frame now in `frame`
 *   LEAVE_EVAL(v)         return v from this invocation of the loop
 *
 * and the registers: `frame` (Frame *), `next_instr`, `sp` (Value *),
 * `oparg` (int), `kwnames` (Value: the names KW_NAMES set for the next
 * CALL).  The macros below are common to all strategies.
 *
 * Instruction format: see opcodes.h.  A code unit is read as one 16-bit
 * little-endian word: the low byte is the opcode, the high byte the oparg.
 */
#ifndef PVM_DISPATCH_H
#define PVM_DISPATCH_H

#include "vm/config.h"
#include "vm/frame.h"
#include "vm/opcodes.h"
#include "vm/specialize.h"

/* ---- the value stack ------------------------------------------------------ */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define STACK_SHRINK(n) (sp -= (n))

/* ---- operands ----------------------------------------------------------------- */

#define GETLOCAL(i) (frame->localsplus[i])
#define GETNAME(i) (AS_TUPLE(frame->code->names)->items[i])
#define GETCONST(i) (AS_TUPLE(frame->code->consts)->items[i])

/* ---- code units (the strategies that run the code units as they are) ----- */

/* Fetch the code unit at next_instr and advance past it. */
#define FETCH_UNIT()                                \
    do {                                            \
        uint16_t word_ = *next_instr++;             \
        opcode = word_ & 0xff;                      \
        oparg = word_ >> 8;                         \
    } while (0)

/* ---- specialization (vm/specialize.h) ----------------------------------------- */

/* In a base instruction with inline caches: count down; at zero, call the
 * specializer, which sees the opcode unit as `instr_` and may rewrite it.
 * This execution goes on in the base body either way. */
#define ADAPTIVE(specialize)                            \
    do {                                                \
        uint16_t *cache_ = CACHE_UNITS();               \
        if (vm_counter_expired(cache_[0])) {            \
            uint16_t *instr_ = cache_ - 1;              \
            specialize;                                 \
            REFRESH_HANDLER(instr_);                    \
        } else {                                        \
            cache_[0] -= 1 << VM_COUNTER_SHIFT;         \
        }                                               \
    } while (0)

/* In a specialized instruction: a guard failed, so the cached answer may
 * be wrong; the base form does the work (and counts toward re-specializing). */
#define DEOPT_IF(cond, self, base)                      \
    do {                                                \
        if (cond) {                                     \
            VM_STAT_MISS(OP_##self);                    \
            GO_TO_BODY(base);                           \
        }                                               \
    } while (0)

/* The oparg of the instruction at next_instr (after SKIP_CACHES: the one
 * after this), which a fused form executes itself (COMPARE_OP_INT_JUMP's
 * jump).  The code-unit strategies read its unit (threaded, its entry). */
#ifndef NEXT_INSTR_OPARG
#define NEXT_INSTR_OPARG() (*next_instr >> 8)
#endif

/* The code unit of the instruction at next_instr, which GET_ITER rewrites
 * (the FOR_ITER after it), and telling a strategy that keeps its own copy
 * of what to run (threaded) that it was rewritten. */
#ifndef NEXT_INSTR_UNIT
#define NEXT_INSTR_UNIT() ((uint16_t *)next_instr)
#define REFRESH_NEXT_HANDLER(instr) ((void)0)
#endif

/* Counting misses is the --stats loop's (vm/stats.c); elsewhere, nothing. */
#ifndef VM_STAT_MISS
#define VM_STAT_MISS(op) ((void)0)
#endif

/* The code-unit strategies: the caches follow the opcode unit, and the
 * loop reads the opcode from ObjCode.instrs itself, so a rewrite needs no
 * further step (threaded defines these its own way). */
#ifndef CACHE_UNITS
#define CACHE_UNITS() ((uint16_t *)next_instr)
#define REFRESH_HANDLER(instr) ((void)0)
#endif

/* A cell slot holds a cell once MAKE_CELL (or COPY_FREE_VARS) ran; bytecode
 * that skips it leaves NULL there (the fuzzer's 3.14 campaign: STORE_DEREF
 * dereferenced it), which the DEREF instructions report as the slot's
 * error, not a crash. */
#define IS_CELL(v) ((v) != VAL_NULL && IS_EXACT(v, rt_cell_type))

/* ---- safe points ------------------------------------------------------------- */

/* The fuzzing build (make fuzz, PVM_FUZZ) bounds every run by a step
 * budget counted at the same safe points: every loop iteration and every
 * call passes one, and the code between two is straight-line.  The step
 * is counted first: under sys.settrace the breaker stays set, and a
 * traced loop (a trace function that sets f_lineno back, round 4's
 * timeout) spent no step and ran on.  The normal build tests the one
 * flag. */
#ifdef PVM_FUZZ
#define EVAL_BREAKER_SET() (--vm_fuzz_budget < 0 || vm_eval_breaker)
#else
#define EVAL_BREAKER_SET() vm_eval_breaker
#endif

/* At a safe point (RESUME, the back edge of a loop): one load and a branch
 * predicted not taken, unless a signal or queued work set the breaker.
 * The KeyboardInterrupt it may raise belongs to this instruction (its
 * traceback line, the handler that covers it), so frame->instr names it
 * before the breaker runs. */
#define CHECK_EVAL_BREAKER()                        \
    do {                                            \
        if (EVAL_BREAKER_SET()) {                   \
            frame->instr = THIS_INSTR();            \
            GOTO_BREAKER();                         \
        }                                           \
    } while (0)

/* After a call of a C function, which recorded its instruction in
 * frame->instr before calling and has stepped over its caches: the
 * breaker may have been set by the call (sys.settrace, a signal handler
 * installed), and the loop goes on after the caches once it is handled. */
#define CHECK_EVAL_BREAKER_AFTER_CALL()             \
    do {                                            \
        if (EVAL_BREAKER_SET())                     \
            GOTO_BREAKER();                         \
    } while (0)

/* A CALL of anything but a Python function; the tracing loop's reports
 * the call to sys.setprofile's function (vm/systrace.h). */
#ifndef CALL_NATIVE
#define CALL_NATIVE(callable, args, nargs, kwnames) rt_call(callable, args, nargs, kwnames)
#endif
/* CALL_FUNCTION_EX's call, reported the same way. */
#ifndef CALL_TUPLE_DICT
#define CALL_TUPLE_DICT(callable, args, kwargs) rt_call_tuple_dict(callable, args, kwargs)
#endif

/* SEND's receiver returned: under a trace function, CPython 3.11 reports
 * the StopIteration that carried the value as an "exception" event. */
#ifndef TRACE_SEND_RETURN
#define TRACE_SEND_RETURN(value) ((void)0)
#endif

/* A generator ended a FOR_ITER loop (its StopIteration, if any, still
 * set), or SEND's receiver returned `value`: sys.monitoring's
 * STOP_ITERATION, in the tracing loop only (vm/monitoring.c). */
#ifndef MONITOR_FOR_ITER_END
#define MONITOR_FOR_ITER_END(iter) ((void)0)
#endif
#ifndef MONITOR_SEND_END
#define MONITOR_SEND_END(receiver, value) ((void)0)
#endif

/* The same at a back edge, once the jump back by `back` is taken: THIS_INSTR
 * would now name the unit before the loop's first instruction, so the
 * jump is named by stepping onto it and back (only when the breaker is
 * set).  As in CPython, the interrupt is raised at the jump. */
#define CHECK_EVAL_BREAKER_BACK_EDGE(back)          \
    do {                                            \
        if (EVAL_BREAKER_SET()) {                   \
            JUMPBY(back);                           \
            frame->instr = THIS_INSTR();            \
            JUMPBY(-(back));                        \
            GOTO_BREAKER();                         \
        }                                           \
    } while (0)

/* ---- frames: saving and restoring the registers ------------------------------ */

/* Before the frame stops running (a call, a yield): remember this
 * instruction (for tracebacks), where to resume (after its `caches` cache
 * units) and the stack pointer. */
#define SAVE_FRAME(caches) frame_save(frame, THIS_INSTR(), (caches), sp)

/* Continue the frame now in `frame` where it was saved. */
#define RESTORE_FRAME()                             \
    do {                                            \
        JUMP_TO_INSTR(frame_resume_instr(frame));   \
        sp = frame_saved_sp(frame);                 \
    } while (0)

#endif
