/*
 * eval.h — what the dispatch strategies share (internal to vm/).
 *
 * pvm's loop exists in several instantiations, one per dispatch strategy
 * (vm/eval_switch.c, eval_goto.c, eval_threaded.c, eval_call.c,
 * eval_tailcall.c) plus two instrumented ones (eval_trace.c for the step
 * hook, stats.c for --stats).  Each is its own translation unit that
 * includes the same opcode bodies (vm/bytecodes.h) under its own dispatch
 * macros.  Everything the bodies touch besides their registers lives in
 * vm/eval.c and is declared here:
 *
 *   - the machine state: the running frame, the call depth, the stack of
 *     handled exceptions, the eval breaker;
 *   - the helpers of the longer bodies (global lookup, argument binding,
 *     unpacking, pattern matching, ...), exported with a vm_ prefix;
 *   - the slow paths every strategy runs the same way: unwinding after an
 *     exception (vm_unwind) and the eval breaker (vm_handle_breaker).
 *
 * Positions: whatever a strategy's own instruction pointer is (a code unit
 * pointer, or an entry of pre-decoded code), a Frame always stores code
 * unit pointers (frame->instr, frame->next_instr).  So the unwinder, the
 * generators (runtime/gen.c), tracebacks and the tracer need to know nothing
 * about how the loop dispatches.
 */
#ifndef PVM_EVAL_H
#define PVM_EVAL_H

#include <signal.h>
#include "loader/import.h"
#include "runtime/runtime.h"
#include "runtime/class.h"
#include "runtime/gen.h"
#include "runtime/version.h"
#include "vm/frame.h"
#include "vm/systrace.h"
#include "vm/vm.h"
#include "vm/intrinsics.h"

/* ---- machine state (eval.c) ------------------------------------------------ */

extern Frame *vm_running;               /* the innermost running Python frame */
extern int vm_depth;                    /* Python frames + C entries into the loop */
extern int vm_c_depth;                  /* C recursions: 3.12's and 3.13's budget, 3.14's C-only ones */
extern bool vm_entry_inline;            /* 3.12: the next entry is one 3.12 runs inline */
extern int vm_recursion_limit;          /* sys.setrecursionlimit's */
extern RtExcState *vm_exc_info;         /* top of the handled-exception stack */
extern Value vm_thrown_exc;             /* see chain_context in eval.c */
extern Value vm_chained_exc;            /* the same */
/* Nonzero when the loop must stop at the next RESUME or back edge. */
extern volatile sig_atomic_t vm_eval_breaker;

/* ---- the strategies ----------------------------------------------------------- */

/* One instantiation of the loop: run `frame` until its entry frame returns
 * (or yields); `throwing` raises the current exception at the frame's saved
 * instruction first (gen.throw).  Returns VAL_NULL with the exception set. */
typedef Value (*VmLoop)(Frame *frame, bool throwing);

Value vm_eval_switch(Frame *frame, bool throwing);
Value vm_eval_goto(Frame *frame, bool throwing);
Value vm_eval_threaded(Frame *frame, bool throwing);
Value vm_eval_call(Frame *frame, bool throwing);
#ifdef PVM_HAVE_TAILCALL
Value vm_eval_tailcall(Frame *frame, bool throwing);
#endif
Value vm_eval_trace(Frame *frame, bool throwing);
Value vm_eval_stats(Frame *frame, bool throwing);

/* Enter the loop (whichever instantiation is selected) for a frame. */
Value vm_eval(Frame *frame, bool throwing);

/* The step hook (vm.h), read by the trace loop before each instruction. */
extern VmStepHook vm_step_hook;

/* ---- slow paths ------------------------------------------------------------------ */

/* Where execution continues after an exception: the frame holding the
 * handler (NULL: the exception leaves this loop invocation, return
 * VAL_NULL), its stack pointer and the code unit to resume at. */
typedef struct VmUnwind {
    Frame *frame;
    Value *sp;
    const uint16_t *resume;
} VmUnwind;

/* frame->instr is the instruction that failed and sp its stack.  With
 * `traceback`, the exception first gets its context chained and a traceback
 * entry for this frame (false for RERAISE: it keeps its traceback). */
VmUnwind vm_unwind(Frame *frame, Value *sp, bool traceback);

/* The eval breaker was found set: run pending work, turn SIGINT into
 * KeyboardInterrupt.  False with the exception set. */
bool vm_handle_breaker(void);

#ifdef PVM_FUZZ
/* The fuzzing build's step budget (vm/dispatch.h, vm_fuzz_set_budget). */
extern long vm_fuzz_budget;
#endif

/* The error for an opcode byte with no body (or one pvm lacks). */
void vm_bad_opcode(int opcode);

/* ---- frames ---------------------------------------------------------------------- */

/* A Python frame counts against the recursion limit: false with
 * RecursionError set at the limit (eval.c, with 3.12's second budget). */
bool vm_enter_frame(void);

/* A frame ready to run fn with these arguments (its caller not yet linked),
 * or NULL with the error set: argument binding, recursion limit. */
Frame *vm_function_frame(ObjFunction *fn, Value *args, size_t nargs, Value kwnames);

/* CALL_PY_EXACT_ARGS and CALL_PY_WITH_DEFAULTS: nargs positional
 * arguments that the specialized form's guard proved bind as they are
 * (vm_exact_args), the parameters after them from the defaults
 * (vm_args_with_defaults): nothing to check, no keyword to match.  Inline,
 * with the frame written field by field: it is most of a call's cost. */
static inline Frame *vm_function_frame_positional(ObjFunction *fn, Value *args, int nargs)
{
    if (__builtin_expect(vm_depth >= vm_recursion_limit, 0)) {
        vm_enter_frame();               /* fails: raises RecursionError */
        return NULL;
    }
    vm_depth++;
    ObjCode *co = fn->code;
    Frame *f = vm_frame_alloc(co);
    vm_frame_init_header(f, co);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    Value *locals = f->localsplus;
    int i = 0;
    for (; i < nargs; i++)
        locals[i] = args[i];
    if (nargs < co->argcount) {
        const ObjTuple *defaults = AS_TUPLE(fn->defaults);
        const Value *from = defaults->items + defaults->length - (size_t)(co->argcount - nargs);
        for (; i < co->argcount; i++)
            locals[i] = *from++;
    }
    for (; i < co->nlocalsplus; i++)
        locals[i] = VAL_NULL;
    return f;
}

/* Leave a finished frame; returns its caller, which becomes the running
 * frame.  A generator's frame is not on the chunk stack: its generator
 * keeps it (or drops it).  vm_leave_frame first lets a frame object made
 * for it copy what it still shows (vm/frameobject.h); vm_drop_frame is the
 * rest, for RETURN_VALUE, which tests for the object itself. */
void vm_frame_object_exit(Frame *f);
static inline Frame *vm_drop_frame(Frame *f)
{
    Frame *caller = f->previous;
    vm_depth--;
    if (f->gen == NULL)
        vm_frame_pop(f);
    vm_running = caller;
    return caller;
}

static inline Frame *vm_leave_frame(Frame *f)
{
    if (__builtin_expect(f->obj != NULL, 0))
        vm_frame_object_exit(f);
    return vm_drop_frame(f);
}

/* ---- helpers of the bodies (eval.c) ------------------------------------------------ */

Value vm_load_global(Frame *frame, Value name);
int vm_locals_get(Frame *frame, Value name, Value *out);
/* mapping[name] into *out: 1 found, 0 absent (KeyError), -1 error. */
int vm_mapping_get(Value mapping, Value name, Value *out);
/* name in the frame's builtins (any mapping): 1 found, 0 absent, -1 error. */
int vm_load_builtin(Frame *frame, Value name, Value *out);
Value vm_load_name(Frame *frame, Value name);

/* LOAD_NAME's fast path, for module code, whose locals are its globals
 * (an exact dict): the name's entry there, else (surely absent) its entry
 * in the builtins, an exact dict too; VAL_NULL for all the rest, which is
 * vm_load_name's: a class body's namespace, exec's other mappings, a key
 * only its __eq__ can match (RT_DICT_ASK_EQ), a name nowhere.  No
 * mapping protocol and no error to report: rt_dict_entry_of_str compares
 * interned pointers and cached hashes and runs no Python code. */
static inline Value vm_module_name(Frame *frame, Value name)
{
    if (frame->locals != frame->globals || !is_dict(frame->globals))
        return VAL_NULL;
    int64_t ix = rt_dict_entry_of_str(frame->globals, name);
    if (ix >= 0)
        return VAL_AS(ObjDict, frame->globals)->entries[ix].value;
    if (ix != -1 || !is_dict(frame->builtins))
        return VAL_NULL;
    ix = rt_dict_entry_of_str(frame->builtins, name);
    return ix >= 0 ? VAL_AS(ObjDict, frame->builtins)->entries[ix].value : VAL_NULL;
}

bool vm_print_expr(Value v);
Value vm_unbound_local(Frame *frame, int i);
Value vm_unbound_deref(Frame *frame, int i);
bool vm_unpack(Value seq, Value *dest, int before, int after, bool star);
Value vm_format_value(Value v, int flags, Value spec);
Value vm_build_string(Value *items, size_t n);
Value vm_make_function(Frame *frame, Value *top, int flags);
bool vm_set_function_attribute(Value func, int flag, Value attr);
bool vm_kwnames_valid(Value names, int nargs);
void vm_do_raise(Value exc, Value cause);
bool vm_valid_except_type(Value v);
Value vm_func_desc(Value func);
bool vm_dict_merge_kwargs(Value dict, Value update, Value func);
Value vm_get_awaitable(Value v, int where);
Value vm_get_aiter(Value obj);
Value vm_get_anext(Value aiter);
Value vm_enter_exit(Value *top, bool async);
Value vm_load_special(Value owner, int which);
Value vm_common_constant(int which);
/* TEMPLATE_STRING (3.14's BUILD_INTERPOLATION and BUILD_TEMPLATE) on its
 * 2 or 3 operands, the deepest first. */
Value vm_template_string(Value *items, int oparg);
bool vm_is_match_sequence(Value v);
Value vm_match_keys(Value subject, Value keys);
Value vm_match_class(Value subject, Value typev, int nargs, Value names);
bool vm_delete_name(Frame *frame, Value name);

/* ---- run-time checks of what the verifier cannot prove (eval.c) -------------------- */

/* Is the stack operand v of the type the instruction needs (an instance of
 * type; an exception instance, or also None; a tuple of str)?  If not,
 * false with SystemError set, naming the instruction. */
bool vm_operand_is(Value v, ObjType *type, int opcode);
bool vm_operand_is_exception(Value v, bool or_none, int opcode);
bool vm_operand_is_names(Value v, int opcode);
bool vm_check_reraise_star(Value orig, Value excs);

/* The truth of a conditional jump's operand (0/1, -1 on error): the bool
 * singletons a comparison pushes without a call, anything else through
 * rt_truthy (__bool__, then __len__). */
static inline int vm_jump_truth(Value v)
{
    if (v == rt_True)
        return 1;
    if (v == rt_False)
        return 0;
    return rt_truthy(v);
}

/* A generator made by the call a for-loop iterates, owned by the loop's
 * stack slot (see gen.c): discarding the slot closes it. */
static inline bool vm_is_loop_owned_gen(Value v)
{
    return !val_is_small(v) && (val_obj(v)->type == &rt_generator_type ||
                                val_obj(v)->type == &rt_async_generator_type) &&
           VAL_AS(ObjGen, v)->loop_owned;
}

#endif
