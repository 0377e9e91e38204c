/*
 * vm.h — the virtual machine's interface to the rest of pvm: everything
 * outside vm/ that runs code or asks about the running code goes through
 * these functions.  Who calls what:
 *
 *   loader/import.c    vm_run_module (a module's body)
 *   loader/marshal.c   vm_verify_code (vm/verify.h) on every code object
 *   runtime/code.c     vm_verify_code on CodeType() and code.replace() results
 *   runtime/func.c     vm_function_call (the call slot of the function type),
 *                      vm_builtins
 *   runtime/class.c    vm_run_class_body, vm_globals, vm_super_args
 *   runtime/builtins.c vm_globals, vm_locals, vm_enter_recursive_call
 *   runtime/abstract.c, tuple.c, slots.c  vm_enter_recursive_call (C recursion)
 *   runtime/gen.c      vm_gen_resume, vm_gen_delegate, vm_gen_end_delegation,
 *                      vm_request_pending_work
 *   runtime/weakref.c  vm_request_pending_work
 *   runtime/finalize.c vm_request_pending_work
 *   modules/sys.c      the recursion limit, vm_handled_exception; the
 *                      switch interval (vm/thread.h)
 *   modules/time.c     vm_check_interrupt; vm/thread.h (time.sleep lets
 *                      other threads run; so do select.c, socket.c, fcntl.c)
 *   modules/signal.c   vm_signal_trip (its C signal handler), vm_check_interrupt
 *   modules/thread.c   vm_interrupt_main; vm/thread.h (threads, the
 *                      interpreter lock)
 *   loader/compile.c   vm_interrupt_pending (Ctrl-C while waiting for the
 *                      compile service)
 *   loader/exec.c      vm_current_frame (exec/eval's default globals/locals)
 *   tools/repl.c       vm_program_start, vm_exec_code, vm_interrupt_pending
 *   modules/gc.c       vm_gc_collect (gc.collect)
 *   modules/warnings.c vm_frame_info (the frame a warning is about)
 *   modules/tracemalloc.c  vm_positions, vm_set_exact_positions (the
 *                      traceback of an allocation)
 *   modules/sys.c, runtime/gen.c, runtime/traceback.c  frame objects:
 *                      vm_getframe, vm_frame_object_of, vm_frame_code
 *   modules/pyexpat.c  vm_traceback_add_c (the C callback a handler ran under)
 *   modules/sre_match.c  vm_check_interrupt (a long regular-expression match)
 *   tools/             vm_run_module, the dispatch strategies, the step
 *                      hook, --stats (and vm/frame.h, vm/opcodes.h,
 *                      vm/decode.h to read frames and bytecode)
 *
 * vm/ itself calls only runtime/ and loader/ (imports), never tools/.
 */
#ifndef PVM_VM_H
#define PVM_VM_H

#include <signal.h>                     /* sig_atomic_t */
#include "runtime/gen.h"
#include "runtime/object.h"

typedef struct Frame Frame;             /* vm/frame.h */

/* The Python frame running now (NULL before the program starts). */
Frame *vm_current_frame(void);

/* CallFunc of the function type: push a frame and run it to completion. */
Value vm_function_call(Value callable, Value *args, size_t nargs, Value kwnames);

/* Run module-level code with the given globals dict (which is also its
 * locals).  Returns the result or VAL_NULL with the exception set.  The
 * program's end is the caller's business (tools/main.c): joining threads,
 * then closing the generators still suspended (rt_gen_close_all). */
Value vm_run_module(ObjCode *code, Value globals);

/* Run a code object with these globals (a dict) and locals (any mapping):
 * exec(), eval() and the interactive prompt.  closure: a tuple of cells for
 * the code's free variables, or VAL_NULL. */
Value vm_exec_code(ObjCode *code, Value globals, Value locals, Value closure);

/* Run a class body (a function made by the class statement) with the
 * given dict as its locals; returns what the body returns (the __class__
 * cell or None). */
Value vm_run_class_body(Value func, Value locals);

/* globals() and locals() of the running Python frame; its builtins (pvm's
 * when no frame runs). */
Value vm_globals(void);
Value vm_locals(void);
Value vm_builtins(void);
/* Zero-argument super(): the class and the first argument of the running
 * method; false with RuntimeError set when there are none. */
bool vm_super_args(Value *type, Value *obj);

/* The Python frame `depth` calls out from the running one (0: the running
 * frame, the one that called the C function asking): its globals, code and
 * current line.  false when there are fewer frames.  (warnings.warn's
 * stacklevel, modules/warnings.c.) */
bool vm_frame_info(int depth, Value *globals, ObjCode **code, int *lineno);
/* The running thread's Python frames, innermost first: the code and the
 * current line of the first `max` in out; returns how many there are in
 * all (tracemalloc's tracebacks, modules/tracemalloc.c). */
typedef struct VmPosition {
    ObjCode *code;
    int lineno;
} VmPosition;
int vm_positions(VmPosition *out, int max);
/* While on, the running frame's instruction is known at every
 * instruction, not only at calls, so that vm_positions' first line is
 * the one allocating even in an instruction that calls nothing
 * (b'x' * n): the loops hand over to the tracing loop (vm/systrace.h),
 * which keeps it.  tracemalloc.start() / stop(). */
void vm_set_exact_positions(bool on);

/* Frame objects (vm/frameobject.c).  vm_getframe: sys._getframe(depth),
 * the frame object `depth` calls out from the running one, or VAL_NULL
 * with ValueError set.  vm_frame_object_of: the object of a frame record
 * (a generator's gi_frame).  vm_frame_code: the code of a frame object,
 * NULL if v is not one (types.TracebackType). */
Value vm_getframe(long depth);
Value vm_frame_object_of(Frame *f);
ObjCode *vm_frame_code(Value v);
/* CPython's _PyTraceback_Add: put "File <filename>, line <lineno>, in
 * <funcname>" in the traceback of the exception being raised, for a C
 * function between two Python frames (pyexpat's callbacks: a handler's
 * exception passes through "../Modules/pyexpat.c", line 417, in
 * StartElement).  The entry's frame never ran: a code object named so
 * with one instruction at that line, empty globals, no caller, as CPython
 * makes it. */
void vm_traceback_add_c(const char *funcname, const char *filename, int lineno);

/* A C loop that allocates item after item without returning to the loop
 * (list(iterable), str.join, dict.fromkeys, itertools' results) calls
 * this once per item: when the heap filled up and the collector spent its
 * reserve to let an allocation through, MemoryError is raised here, as
 * CPython's loops propagate a failed malloc, instead of the loop going on
 * until the reserve is gone too ("pvm: out of memory").  False with the
 * exception set.  One load while memory lasts. */
extern volatile sig_atomic_t vm_memory_pending;
bool vm_raise_pending_memory_error(void);
static inline bool vm_memory_check(void)
{
    return !vm_memory_pending || vm_raise_pending_memory_error();
}

/* The recursion limit (sys.setrecursionlimit). */
int vm_get_recursion_limit(void);
void vm_set_recursion_limit(int limit);
/* The depth counted against it now (Python frames, and until 3.12 the
 * C entries into the loop). */
int vm_recursion_depth(void);
/* A C function that may recurse without bound through C (comparing nested
 * containers, repr, a __call__ that is an instance) counts each level
 * against the same limit as Python frames (CPython's
 * Py_EnterRecursiveCall): false with RecursionError set ("maximum
 * recursion depth exceeded" + where, e.g. " in comparison") at the limit;
 * each true is paired with one vm_leave_recursive_call. */
bool vm_enter_recursive_call(const char *where);
void vm_leave_recursive_call(void);
/* A thread pvm starts learns where its C stack ends, below which a C
 * re-entry of the loop is a RecursionError whatever the limit (vm/eval.c). */
void vm_c_stack_init_thread(void);
/* 3.12 only (true and nothing to undo in other versions): a builtin
 * called the way CPython 3.12 calls one through its generic path (sorted()
 * calling list.sort) costs a unit of 3.12's C budget, " while calling a
 * Python object" when it runs out (vm/eval.c). */
bool vm_enter_builtin_call(void);
void vm_leave_builtin_call(void);
/* The same for a recursion that never leaves C (isinstance() walking
 * nested tuples): from 3.13 on it has its own, higher limit. */
bool vm_enter_c_recursion(const char *where);
void vm_leave_c_recursion(void);

/* The exception being handled (sys.exc_info()[1]), or rt_None; _in: the
 * one a handled-exception stack shows from its entry `top` down (another
 * thread's, for sys._current_exceptions). */
Value vm_handled_exception(void);
struct RtExcState;
Value vm_handled_exception_in(struct RtExcState *top);

/* ---- generators (runtime/gen.c drives these) ------------------------------ */

/* Resume a generator's heap frame: push `sent` onto its stack (or, when
 * `throwing`, raise the current exception at the suspended instruction),
 * run it until it yields, returns or raises, and return what it yielded or
 * returned (VAL_NULL with the exception set on error).  The frame's
 * generator's state says which.  `state` is the generator's own entry of
 * the handled-exception stack (runtime/gen.h), pushed while it runs. */
Value vm_gen_resume(Frame *frame, RtExcState *state, Value sent, bool throwing);

/* A suspended generator's frame stopped inside `yield from` / `await`:
 * the object it delegates to, or VAL_NULL when it stopped at a plain
 * yield.  vm_gen_end_delegation: that delegate ended (by raising) while
 * the frame was suspended; drop it and move the frame past the delegation
 * loop, where the result is sent in. */
Value vm_gen_delegate(Frame *frame);
void vm_gen_end_delegation(Frame *frame);
/* gen.throw() passed on to the generator it delegates to: for as long as
 * that runs, the delegating generator's frame counts as running (between
 * the thrower and the delegate, as f_back shows), as in CPython's
 * _gen_throw.  vm_gen_link returns what vm_gen_unlink restores. */
Frame *vm_gen_link(Frame *f);
void vm_gen_unlink(Frame *f, Frame *saved);

/* ---- interrupts and pending work ------------------------------------------
 * A signal (SIGINT, or any signal the program set a handler for with
 * signal.signal) sets a flag that the loop checks at every call and loop
 * back edge (the "eval breaker": one load and branch); the main thread
 * then runs the Python handlers (modules/signal.c) — SIGINT's default one
 * raises KeyboardInterrupt.  A C function that blocks or loops for long
 * calls vm_check_interrupt(), which runs them and returns false with the
 * exception a handler raised (time.sleep does, on EINTR).
 * vm_interrupt_pending only asks whether a signal waits (a blocking read
 * retrying after EINTR).  vm_signal_trip is what a C signal handler calls:
 * async-signal-safe, it only sets the flags.  The C handler also calls
 * vm_signal_arrived, which vm_signal_count counts: a wait that looks for a
 * signal now and then (a lock in the main thread) stops for one that
 * really arrived meanwhile, as EINTR would have stopped it, and not for
 * _thread.interrupt_main's, which CPython's lock does not see either. */
bool vm_check_interrupt(void);
bool vm_interrupt_pending(void);
void vm_signal_trip(void);
void vm_signal_arrived(void);
int vm_signal_count(void);
/* _thread.interrupt_main(signum): the signal's Python handler runs in the
 * main thread at its next safe point, as if the signal had arrived;
 * nothing happens when Python does not handle that signal. */
void vm_interrupt_main(int signum);
/* Ask the loop to call rt_finalize_run_pending, rt_weakref_run_pending and
 * rt_gen_run_pending at its next safe point (used by the finalisers of
 * objects with __del__, of weakly referenced objects and of generators,
 * which may not run Python code themselves). */
void vm_request_pending_work(void);
/* Program start (vm_run_module does it for a program it runs): ready the
 * generator types, catch SIGINT.  (At program exit, rt_gen_close_all
 * closes every generator still suspended.) */
void vm_program_start(void);

/* gc.collect(): clear what the frame stack still holds of returned calls
 * and popped values (live_end: the end of the calling C function's
 * arguments, args + nargs, where the running frame's live stack ends when
 * Python code called it) and the attribute lookup cache, collect, then run
 * what the collection made due (weak reference callbacks, closing
 * abandoned generators). */
void vm_gc_collect(const Value *live_end);
/* Whether gc.collect() is running (its finalizers too): faulthandler
 * writes "  Garbage-collecting" above the current thread's frames. */
extern bool vm_gc_collecting;

#ifdef PVM_FUZZ
/* The fuzzing build only (make fuzz): the program may pass `steps` safe
 * points (calls and loop iterations) before the loop stops it with an
 * exception no handler can catch (nor `finally` run), so that every run
 * of a fuzzed input ends. */
void vm_fuzz_set_budget(long steps);
#endif

/* ---- dispatch strategies ----------------------------------------------------
 * One process-wide choice of how the loop dispatches (vm/README.md explains
 * each): "threaded" (the default), "goto", "switch", "call", and "tailcall"
 * when the build has it.  Choose before running anything. */
bool vm_set_dispatch(const char *name);         /* false: no such strategy */
const char *vm_dispatch_name(int i);            /* i-th built-in, i = 0 is the
                                                   default; NULL past the end */

/* ---- instrumentation: separate instantiations of the loop -------------------
 * Neither costs anything when off: each is one more copy of the opcode
 * bodies (vm/eval_trace.c, vm/stats.c), selected instead of the chosen
 * strategy when it is on.  The switch takes effect for the next entry into
 * the loop (a module, a call from C, a generator resumption): set it
 * before running the program. */

/* Called before every instruction while set (NULL: off).  `instr` is the
 * instruction's first code unit — its EXTENDED_ARG prefix if it has one;
 * the hook is called once per instruction, not per prefix.  The frame's
 * state is saved: frame->instr == instr, the value stack is
 * [frame_stack_base(frame), sp), and frame->localsplus holds the locals.
 * The hook must not raise; it may call back into Python. */
typedef void (*VmStepHook)(Frame *frame, const uint16_t *instr, Value *sp);
void vm_set_step_hook(VmStepHook hook);

/* --stats: count executed instructions per opcode and opcode pairs;
 * vm_stats_report prints the tables to stderr (vm/stats.c). */
void vm_set_stats(bool on);
void vm_stats_report(void);

#endif
