/*
 * eval.c — the machine around the loop: its state, its entry points, and
 * everything the opcode bodies share whatever the dispatch strategy.
 *
 * The loop itself — fetch, decode, execute — is vm/bytecodes.h (the bodies)
 * instantiated once per strategy (vm/eval_*.c; vm/eval.h lists them and
 * vm/README.md compares them).  This file holds what does not depend on
 * how instructions are dispatched:
 *
 *   - the machine state: the running frame, the depth of Python frames and
 *     C re-entries (the recursion limit), the stack of handled exceptions,
 *     the eval breaker;
 *   - entering the loop from C: a module (vm_run_module), a function called
 *     by a builtin (vm_function_call), a class body, a generator resumed by
 *     runtime/gen.c (vm_gen_resume), and choosing which instantiation of
 *     the loop runs (vm_set_dispatch, the step hook, --stats);
 *   - calls: binding arguments to parameters exactly as CPython 3.11 does
 *     (bind_args), with its error messages;
 *   - unwinding (vm_unwind): the 3.11 exception table says where the
 *     handler of an instruction is;
 *   - the helpers of the longer bodies, exported as vm_* for the strategy
 *     files: name lookup, unpacking, f-strings, `with`, `await`/`async for`,
 *     `match`.
 *
 * Calls between Python functions do not recurse in C: CALL pushes a new
 * frame whose `previous` is the caller and continues the same loop;
 * RETURN_VALUE pops it and resumes the caller.  Only calls that pass
 * through C (a builtin calling a Python function, e.g. sorted(key=f))
 * enter the loop again, with an "entry" frame that makes it return.
 *
 * Errors: a body that fails does GOTO_ERROR().  The strategy records the
 * failing instruction in the frame and calls vm_unwind: the exception gets
 * a traceback entry for this frame, and the 3.11 exception table (a
 * separate small function, find_handler) says where the handler is: the
 * stack is cut to the handler's depth, the exception pushed, and execution
 * continues there.  With no handler the frame is popped and the caller
 * unwinds in turn.  The exceptions being handled (sys.exc_info) form a
 * stack of RtExcState entries: PUSH_EXC_INFO / POP_EXCEPT work on the top
 * one, and each running generator pushes its own, as CPython's
 * gi_exc_state.
 *
 * Generators: RETURN_GENERATOR copies the new frame to the GC heap and the
 * call returns a generator owning it (runtime/gen.c).  Every resumption —
 * next(), send(), FOR_ITER, SEND — goes through vm_gen_resume, which runs
 * the heap frame as an entry frame of a nested loop invocation (of the
 * process-wide strategy: vm_eval); YIELD_VALUE returns from it.  A direct
 * frame switch inside the loop would save that C call, but measured on a
 * 3M-yield loop pvm already takes half of python3.11's time, so the
 * simpler scheme stays.
 *
 * The eval breaker: RESUME (every function entry and generator resumption)
 * and every backward jump (every loop iteration) test one flag; SIGINT, the
 * generator finaliser and a thread waiting for the interpreter lock set
 * it, and vm_handle_breaker turns it into a KeyboardInterrupt, closes the
 * abandoned generators or hands the lock over (vm/thread.h).
 *
 * Threads: the machine state below is the running thread's.  When the
 * interpreter lock changes hands, vm/thread.c saves it for the outgoing
 * thread and loads the incoming one's (VM_THREAD_STATE in vm/thread.h
 * lists every such global), so nothing here tests which thread runs.
 */
#define _GNU_SOURCE                     /* pthread_getattr_np */
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include "loader/import.h"
#include "modules/api.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/gen.h"
#include "runtime/class.h"
#include "runtime/finalize.h"
#include "runtime/typeversion.h"
#include "runtime/weakref.h"
#include "runtime/version.h"
#include "vm/config.h"
#include "vm/monitoring.h"
#include "vm/decode.h"
#include "vm/eval.h"
#include "vm/frameobject.h"
#include "vm/opcodes.h"
#include "vm/thread.h"

/* ---- machine state -------------------------------------------------------- */

/* Per thread (vm/thread.h): */
Frame *vm_running;                      /* the innermost running Python frame */
int vm_depth;                           /* Python frames + C entries into the loop */
int vm_c_depth;
bool vm_entry_inline;
int vm_recursion_limit = PVM_RECURSION_LIMIT;

/* The exceptions being handled (RtExcState, runtime/gen.h): PUSH_EXC_INFO
 * and POP_EXCEPT work on the top entry; a running generator's entry sits
 * above its resumer's. */
static RtExcState thread_exc_state = { .exc = rt_None };
RtExcState *vm_exc_info = &thread_exc_state;

/* An exception thrown into a generator (gen.throw) is not chained to what
 * its resumer handles, only to what the generator itself handles
 * (CPython's _PyErr_ChainStackItem); chain_context leaves it alone. */
Value vm_thrown_exc = VAL_NULL;
Value vm_chained_exc = VAL_NULL;

/* The eval breaker: nonzero when the loop must stop at the next back edge
 * or call to handle an interrupt or pending work (checked with one load). */
volatile sig_atomic_t vm_eval_breaker;
static volatile sig_atomic_t signals_pending;
static volatile sig_atomic_t work_pending;
volatile sig_atomic_t vm_memory_pending;       /* the heap filled up (gc.c) */

int vm_get_recursion_limit(void) { return vm_recursion_limit; }
void vm_set_recursion_limit(int limit) { vm_recursion_limit = limit; }

int vm_recursion_depth(void)
{
    return vm_depth;
}

/* sys.exc_info(): the topmost entry that is handling something. */
Value vm_handled_exception(void)
{
    return vm_handled_exception_in(vm_exc_info);
}

Value vm_handled_exception_in(struct RtExcState *top)
{
    for (RtExcState *s = top; s != NULL; s = s->previous)
        if (s->exc != rt_None && s->exc != VAL_NULL)
            return s->exc;
    return rt_None;
}

/* ---- the exception table ------------------------------------------------------ */

/* Python 3.11 has no SETUP_FINALLY/POP_BLOCK: try blocks cost nothing until
 * something raises.  Instead each code object carries co_exceptiontable
 * (vm/decode.h reads it): entries (start, end, target, depth, lasti) sorted
 * by start.  An instruction inside [start, end) that raises continues at
 * `target` with the stack cut to `depth` items (plus the offset of the
 * raising instruction when `lasti` is set: `finally` and `with` use it to
 * re-raise).  Nested try blocks are flattened by the compiler into
 * non-overlapping ranges, so the first entry that covers the instruction
 * is the innermost handler. */

/* The handler covering instruction `lasti` (a code unit), if any. */
static bool find_handler(const ObjCode *code, int lasti, VmExcEntry *handler)
{
    VmExcTable table;
    vm_exc_table_start(&table, code);
    while (vm_exc_table_next(&table, handler)) {
        if (lasti >= handler->start && lasti < handler->end)
            return true;
        if (handler->start > lasti)
            return false;
    }
    return false;
}

/* ---- calling a Python function ------------------------------------------------ */

/* A call hands the callee a vector of argument values: the positional ones
 * first, then the keyword values, whose names are the tuple `kwnames`
 * (KW_NAMES sets it just before CALL).  bind_args turns that vector into
 * the callee's first localsplus slots — parameters in co_varnames order,
 * then *args and **kwargs — raising CPython's exact TypeErrors.  The
 * common case (positional arguments only, exactly as many as parameters)
 * is one memcpy. */

/* "'a', 'b', and 'c'" — CPython's list of missing argument names. */
static Value name_list(Value *names, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sb_adds(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_add_value_repr(&sb, names[i]);
    }
    return sb_finish(&sb);
}

/* After binding, a parameter slot still VAL_NULL was given no value and has
 * no default: CPython names all such parameters of one kind (positional,
 * or keyword-only) in a single TypeError. */
static bool missing_args(ObjFunction *fn, Value *locals, size_t from, size_t to,
                         const char *kind)
{
    ObjCode *co = fn->code;
    Value names[to - from + 1];
    size_t n = 0;
    for (size_t j = from; j < to; j++)
        if (locals[j] == VAL_NULL)
            names[n++] = rt_tuple_get(co->localsplusnames, j);
    if (n == 0)
        return true;
    rt_raisef(&rt_TypeError, "%S() missing %zu required %s argument%s: %S", fn->qualname,
              n, kind, n == 1 ? "" : "s", name_list(names, n));
    return false;
}

/* "f() takes 2 positional arguments but 3 were given" — with a range when
 * there are defaults, and a note on keyword-only arguments when some were
 * given, word for word as CPython's too_many_positional. */
static void too_many_positional(ObjFunction *fn, Value *locals, size_t given)
{
    ObjCode *co = fn->code;
    size_t defcount = fn->defaults ? rt_tuple_len(fn->defaults) : 0;
    size_t kwonly_given = 0;
    for (int j = co->argcount; j < co->argcount + co->kwonlyargcount; j++)
        kwonly_given += locals[j] != VAL_NULL;
    Value sig = defcount
        ? rt_str_format_c("from %zu to %d", co->argcount - defcount, co->argcount)
        : rt_str_format_c("%d", co->argcount);
    Value kwsig = kwonly_given
        ? rt_str_format_c(" positional argument%s (and %zu keyword-only argument%s)",
                          given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "")
        : rt_str_from_cstr("");
    rt_raisef(&rt_TypeError, "%S() takes %S positional argument%s but %zu%S %s given",
              fn->qualname, sig, co->argcount == 1 ? "" : "s", given, kwsig,
              given == 1 && !kwonly_given ? "was" : "were");
}

/* The slot of parameter `name` among the keyword-capable ones, or -1.
 * Keyword names at a call site are interned constants, like the parameter
 * names, so the pointer comparison of the first loop almost always finds
 * the slot; the second loop catches names built at run time (f(**d)). */
static int find_param(ObjCode *co, Value name, int from, int to)
{
    Value *names = AS_TUPLE(co->localsplusnames)->items;
    for (int j = from; j < to; j++)
        if (names[j] == name)
            return j;
    for (int j = from; j < to; j++)
        if (rt_str_equal(names[j], name))
            return j;
    return -1;
}

/* A keyword argument that has no parameter and no **kwargs: CPython first
 * looks for positional-only parameters among all the call's keywords and
 * names them all, in parameter order ("'a, b'"); only when there are none
 * is the keyword unexpected. */
static void raise_unknown_keyword(ObjFunction *fn, Value kwnames, Value name)
{
    ObjCode *co = fn->code;
    Value *names = AS_TUPLE(co->localsplusnames)->items;
    size_t nkw = AS_TUPLE(kwnames)->length;
    Value conflicts = VAL_NULL;
    for (int j = 0; j < co->posonlyargcount; j++)
        for (size_t k = 0; k < nkw; k++)
            if (rt_str_equal(names[j], AS_TUPLE(kwnames)->items[k])) {
                if (conflicts == VAL_NULL)
                    conflicts = rt_list_new(0);
                rt_list_append(conflicts, names[j]);
                break;
            }
    if (conflicts == VAL_NULL) {
        rt_raisef(&rt_TypeError, "%S() got an unexpected keyword argument '%S'",
                  fn->qualname, name);
        return;
    }
    Value joined = rt_str_join_items(rt_str_from_cstr(", "), AS_LIST(conflicts)->items,
                                     AS_LIST(conflicts)->length);
    if (joined != VAL_NULL)
        rt_raisef(&rt_TypeError, "%S() got some positional-only arguments passed as "
                  "keyword arguments: '%S'", fn->qualname, joined);
}

/* One keyword argument (one of kwnames): into its parameter's slot, else
 * into **kwargs, else a TypeError that says why (positional-only, unknown,
 * or given twice). */
static bool bind_keyword(ObjFunction *fn, Value *locals, Value kwdict, Value kwnames,
                         Value name, Value v)
{
    ObjCode *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    int j = find_param(co, name, co->posonlyargcount, total);
    if (j < 0) {
        if (kwdict != VAL_NULL)
            return rt_dict_set(kwdict, name, v);
        raise_unknown_keyword(fn, kwnames, name);
        return false;
    }
    if (locals[j] != VAL_NULL) {
        rt_raisef(&rt_TypeError, "%S() got multiple values for argument '%S'", fn->qualname, name);
        return false;
    }
    locals[j] = v;
    return true;
}

/* Fill defaults for missing positional and keyword-only parameters, then
 * report what is still missing. */
static bool apply_defaults(ObjFunction *fn, Value *locals)
{
    ObjCode *co = fn->code;
    size_t ndef = fn->defaults ? rt_tuple_len(fn->defaults) : 0;
    size_t first_default = co->argcount - ndef;
    for (size_t j = first_default; j < (size_t)co->argcount; j++)
        if (locals[j] == VAL_NULL)
            locals[j] = rt_tuple_get(fn->defaults, j - first_default);
    if (!missing_args(fn, locals, 0, co->argcount, "positional"))
        return false;
    int total = co->argcount + co->kwonlyargcount;
    for (int j = co->argcount; j < total; j++) {
        if (locals[j] == VAL_NULL && fn->kwdefaults != VAL_NULL)
            locals[j] = rt_dict_get_str(fn->kwdefaults, rt_tuple_get(co->localsplusnames, j));
    }
    return missing_args(fn, locals, co->argcount, total, "keyword-only");
}

/* Bind a call's arguments to the new frame's parameters, as CPython 3.11's
 * initialize_locals does, with the same error messages. */
static bool bind_args(Frame *f, ObjFunction *fn, Value *args, size_t argc, Value kwnames)
{
    ObjCode *co = fn->code;
    Value *locals = f->localsplus;
    size_t nkw = rt_nkwargs(kwnames);
    size_t npos = argc - nkw;
    size_t nparams = co->argcount;
    int total = co->argcount + co->kwonlyargcount;
    if (npos == nparams && nkw == 0 && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        if (npos > 0)                   /* the common case (args may be NULL when 0) */
            memcpy(locals, args, npos * sizeof(Value));
        return co->kwonlyargcount == 0 || apply_defaults(fn, locals);
    }
    /* The slots after the named parameters: *args (if any), then **kwargs
     * (if any).  Keywords are bound after the positionals, so "got
     * multiple values" is detected in bind_keyword; excess positionals
     * are reported only after the keywords, in CPython's order. */
    Value kwdict = VAL_NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = rt_dict_new();
        locals[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = npos < nparams ? npos : nparams;
    memcpy(locals, args, n * sizeof(Value));
    if (co->flags & CO_VARARGS)
        locals[total] = rt_tuple_from(args + n, npos - n);
    for (size_t i = 0; i < nkw; i++)
        if (!bind_keyword(fn, locals, kwdict, kwnames, rt_tuple_get(kwnames, i), args[npos + i]))
            return false;
    if (npos > nparams && !(co->flags & CO_VARARGS)) {
        too_many_positional(fn, locals, npos);
        return false;
    }
    return apply_defaults(fn, locals);
}

/* Python frames and C re-entries of the loop both count against the
 * recursion limit: a Python recursion needs no C stack, but a recursion
 * through C (a __repr__ calling repr()) does, and must stop before the C
 * stack overflows.  runtime/ counts its own C recursions (comparing nested
 * containers, repr, a __call__ that is itself an instance) the same way,
 * through vm_enter_recursive_call (CPython's Py_EnterRecursiveCall, whose
 * `where` ends the message: " in comparison").
 *
 * 3.12 and 3.13 keep two budgets instead (their Python/ceval.c): Python
 * frames count against the recursion limit alone, and C's recursion
 * against a budget of its own whatever the limit, C_RECURSION_LIMIT units
 * (1500 in 3.12; 10000 in 3.13, whose test lets the count run one unit
 * past it: nested tuples compare 9,999 deep at module level, 1,498 in
 * 3.12, the main frame's entry having taken two units):
 * a C function entering the loop costs two units (PY_EVAL_C_STACK_UNITS),
 * Py_EnterRecursiveCall one, with its `where`; so does a builtin called
 * through CPython's generic call path (cfunction_enter_call: " while
 * calling a Python object"), which is how 3.12's sorted() calls list.sort
 * and how a CALL runs before it is specialized (CALL_312's warm-up).  Whichever
 * budget runs out first words the error.  What 3.12 runs inline costs only
 * its frame: a generator resumed (SEND_GEN, FOR_ITER_GEN), which pvm always
 * resumes through C, and the function of f(*args, **kwargs), which
 * CALL_FUNCTION_EX marks for run_entry_frame (vm_entry_inline).  3.12's
 * other inline calls, once specialized (a property's getter, a class's
 * __getitem__ or __getattribute__), cost two units here as through C. */
enum { C_RECURSION_LIMIT_312 = 1500, C_RECURSION_LIMIT_313 = 10001, EVAL_C_UNITS = 2 };

/* The C stack's own guard.  The counts above keep a C recursion within
 * the C stack at the default limits, but sys.setrecursionlimit(200000)
 * lets a recursion through map() or a `yield from` chain (each level a C
 * re-entry of the loop) run past the end of the stack, where CPython 3.11
 * dies of SIGSEGV.  So every C re-entry also compares its own address
 * with this thread's floor: the lowest address the stack may reach less
 * a margin for the C work between two re-entries (a parse, a format, a
 * match).  The floor is found when first needed; a thread pvm starts
 * finds its own (vm_c_stack_init_thread), the main thread's follows from
 * where its stack starts and RLIMIT_STACK. */
static __thread const char *c_stack_floor;
static __thread bool c_stack_known;

enum { C_STACK_MARGIN = 256 << 10, C_STACK_UNLIMITED = 64 << 20 };

static const char *floor_of(const char *top, size_t size)
{
    size_t margin = size / 4 < C_STACK_MARGIN ? size / 4 : C_STACK_MARGIN;
    return top - size + margin;
}

#ifdef __GLIBC__
extern void *__libc_stack_end;
#endif

void vm_c_stack_init_thread(void)
{
    pthread_attr_t attr;
    void *low;
    size_t size;
    c_stack_known = true;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    if (pthread_attr_getstack(&attr, &low, &size) == 0)
        c_stack_floor = floor_of((const char *)low + size, size);
    pthread_attr_destroy(&attr);
}

static void find_main_stack_floor(void)
{
    c_stack_known = true;
#ifdef __GLIBC__
    /* pthread_getattr_np would read /proc/self/maps for the main thread. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0)
        return;
    size_t size = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > C_STACK_UNLIMITED
                ? C_STACK_UNLIMITED : (size_t)rl.rlim_cur;
    c_stack_floor = floor_of(__libc_stack_end, size);
#else
    vm_c_stack_init_thread();
#endif
}

/* An address in the caller's C frame, costing no stack slot of its own:
 * the stack pointer (the words above it are the caller's and its
 * callers'). */
static inline __attribute__((always_inline)) const char *c_stack_here(void)
{
#if defined(__x86_64__)
    const char *sp;
    __asm__ volatile("mov %%rsp, %0" : "=r"(sp));
    return sp;
#else
    return __builtin_frame_address(0);
#endif
}

static bool c_stack_full(void)
{
    if (!c_stack_known)
        find_main_stack_floor();
    if (c_stack_here() >= c_stack_floor)
        return false;
    rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded (the C stack is full)");
    return true;
}

static bool two_budgets(void)
{
    return rt_py_minor == 12 || rt_py_minor == 13;
}

static bool enter_c_units(int units, const char *where)
{
    vm_c_depth += units;
    if (vm_c_depth > (rt_py_minor == 12 ? C_RECURSION_LIMIT_312 : C_RECURSION_LIMIT_313)) {
        vm_c_depth -= units;
        rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}

static bool enter_limited(const char *where)
{
    if (++vm_depth > vm_recursion_limit) {
        vm_depth--;
        rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}

/* A Python frame: against the recursion limit in every version. */
bool vm_enter_frame(void)
{
    return enter_limited("");
}

bool vm_enter_recursive_call(const char *where)
{
    if (c_stack_full())
        return false;
    return two_budgets() ? enter_c_units(1, where) : enter_limited(where);
}

void vm_leave_recursive_call(void)
{
    if (two_budgets())
        vm_c_depth--;
    else
        vm_depth--;
}

bool vm_enter_builtin_call(void)
{
    return !two_budgets() || enter_c_units(1, " while calling a Python object");
}

void vm_leave_builtin_call(void)
{
    if (two_budgets())
        vm_c_depth--;
}

/* A recursion that stays in C (isinstance over nested tuples): 3.13 counts
 * it against its C budget (above), 3.14 against a limit of its own as high
 * (CPython 3.14 checks the C stack's address instead); before 3.13 as any
 * C recursion. */
bool vm_enter_c_recursion(const char *where)
{
    if (rt_py_minor <= 13)
        return vm_enter_recursive_call(where);
    if (++vm_c_depth > C_RECURSION_LIMIT_313) {
        vm_c_depth--;
        rt_raisef(&rt_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}

void vm_leave_c_recursion(void)
{
    if (rt_py_minor <= 13)
        vm_leave_recursive_call();
    else
        vm_c_depth--;
}

/* A frame ready to run fn with these arguments, or NULL with the error set.
 * The frame is pushed before binding because binding writes straight into
 * its localsplus; on failure it is popped again, so a failed call leaves
 * the frame stack and the depth as they were. */
Frame *vm_function_frame(ObjFunction *fn, Value *args, size_t nargs, Value kwnames)
{
    if (!vm_enter_frame())
        return NULL;
    Frame *f = vm_frame_push(fn->code);
    f->func = fn;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    /* Code with no fast locals of its own (module code called as a
     * function) names its variables in the globals, as CPython's
     * _PyFunction_Vectorcall gives it them as its locals. */
    if (!(fn->code->flags & CO_OPTIMIZED))
        f->locals = fn->globals;
    if (!bind_args(f, fn, args, nargs, kwnames)) {
        vm_frame_pop(f);
        vm_depth--;
        return NULL;
    }
    return f;
}

static void on_memory_exhausted(void);

/* Run a frame from C: it is an "entry" frame, whose return leaves this
 * vm_eval, and its caller is whatever Python frame was running (so a
 * traceback through sorted(key=f) shows both the caller and f).  Each such
 * entry costs one C stack frame of the loop: that is what the recursion
 * limit protects. */
static Value run_entry_frame(Frame *f)
{
    int units = two_budgets() && !vm_entry_inline ? EVAL_C_UNITS : 0;
    vm_entry_inline = false;
    if (c_stack_full() || (units > 0 && !enter_c_units(units, ""))) {
        vm_frame_pop(f);                /* as if the frame had never run */
        vm_depth--;
        return VAL_NULL;
    }
    f->entry_c = c_stack_here();
    f->previous = vm_running;
    Value r = vm_eval(f, false);
    vm_c_depth -= units;
    return r;
}

/* The Python frame running now (NULL before the program starts). */
Frame *vm_current_frame(void) { return vm_running; }

Value vm_function_call(Value callable, Value *args, size_t nargs, Value kwnames)
{
    Frame *f = vm_function_frame(AS_FUNCTION(callable), args, nargs, kwnames);
    if (f == NULL)
        return VAL_NULL;
    return run_entry_frame(f);
}

/* Before the program's first instruction: generators ready, signals
 * caught (Ctrl-C among them), a full heap turned into MemoryError.
 * Idempotent: the first vm_run_module (the program's __main__) calls it,
 * and the interactive prompt calls it once, then runs each input with
 * vm_exec_code. */
void vm_program_start(void)
{
    static bool started;
    if (started)
        return;
    started = true;
    rt_gen_init();
    vm_frame_type_init();
    vm_frame_scrub_at_collections();
    mod_signal_startup();
    gc_set_exhausted_hook(on_memory_exhausted);
}

/* Run module code.  The first call is the program's __main__, which sets
 * up what the whole run needs. */
Value vm_run_module(ObjCode *code, Value globals)
{
    vm_program_start();
    if (vm_running == NULL) {                   /* the program: nothing handled yet */
        thread_exc_state.exc = rt_None;
        vm_exc_info = &thread_exc_state;
    }
    if (!vm_enter_frame())
        return VAL_NULL;
    Frame *f = vm_frame_push(code);
    f->globals = globals;
    f->locals = globals;
    f->builtins = rt_builtins_of(globals);
    return run_entry_frame(f);
}

/* `class C: ...` compiles the body to a function that LOAD_BUILD_CLASS's
 * __build_class__ calls with a fresh namespace dict as its locals: the
 * body's STORE_NAMEs fill the dict that becomes the class's. */
Value vm_run_class_body(Value func, Value locals)
{
    Frame *f = vm_function_frame(AS_FUNCTION(func), NULL, 0, VAL_NULL);
    if (f == NULL)
        return VAL_NULL;
    f->locals = locals;
    return run_entry_frame(f);
}

/* exec(), eval() and the interactive prompt: code run with any globals and
 * locals.  As in CPython, it runs as a function made of the code: a code
 * object of a function gets the argument errors a call would give, and
 * `closure` (exec's closure=, a tuple of cells) fills its free variables.
 * The builtins are globals['__builtins__'] (a dict or a module). */
Value vm_exec_code(ObjCode *code, Value globals, Value locals, Value closure)
{
    ObjFunction *fn = AS_FUNCTION(rt_function_new(code, globals, code->qualname));
    fn->builtins = rt_builtins_of(globals);
    fn->closure = closure;
    Frame *f = vm_function_frame(fn, NULL, 0, VAL_NULL);
    if (f == NULL)
        return VAL_NULL;
    f->locals = locals;
    return run_entry_frame(f);
}

/* ---- generators ------------------------------------------------------------------ */

/* Resuming a generator: its frame (on the GC heap since RETURN_GENERATOR)
 * becomes an entry frame linked below the resumer, its exception state is
 * pushed on the handled-exception stack, and the loop runs it until
 * YIELD_VALUE or RETURN_VALUE leaves.  The frame's saved position is a
 * code unit, so any strategy can continue it — and gen.c may move it (to
 * leave a `yield from` loop) without knowing how the loop dispatches. */

Value vm_gen_resume(Frame *f, RtExcState *state, Value sent, bool throwing)
{
    if (c_stack_full() || !vm_enter_frame())
        return VAL_NULL;
    Frame *resumer = vm_running;
    /* The generator's own "exception being handled" goes on top for as
     * long as it runs, and its frame hangs below the resumer's, so a
     * traceback from inside it shows who resumed it. */
    state->previous = vm_exc_info;
    vm_exc_info = state;
    f->entry_c = c_stack_here();
    f->previous = resumer;
    /* The sent value is what the suspended YIELD_VALUE evaluates to: it is
     * pushed, and the instruction after the yield consumes it.  A throw()
     * instead raises at the yield (the loop's `throwing` entry). */
    if (f->obj != NULL && f->obj->resume_at > 0) {
        /* A trace function jumped from the yield (vm/framejump.c): go on
         * at the target, where nothing takes a sent value. */
        f->instr = f->next_instr = f->code->instrs + f->obj->resume_at - 1;
        f->obj->resume_at = 0;
        if (throwing)
            vm_thrown_exc = rt_err_peek();
    } else if (!throwing) {
        *f->sp++ = sent;
    } else {
        /* 3.12's handlers count on the stack as CPython leaves it here:
         * with None pushed, as a send(None) would (the handler of a
         * `yield from` loop, CLEANUP_THROW, takes three items). */
        if (f->code->pyminor >= 12)
            *f->sp++ = rt_None;
        if (vm_monitor_on)
            vm_monitor_throw(f);
        vm_thrown_exc = rt_err_peek();
        rt_exc_set_context(vm_thrown_exc, state->exc);
    }
    Value r = vm_eval(f, throwing);
    /* Whether it yielded, returned or raised, the generator is detached
     * again: its frame keeps no link to this resumer. */
    vm_exc_info = state->previous;
    state->previous = NULL;
    f->previous = NULL;
    vm_running = resumer;
    return r;
}

/* `yield from` and `await` compile to a loop whose suspension point is
 *
 *     SEND target; YIELD_VALUE; RESUME 2 (yield from) or 3 (await);
 *     JUMP_BACKWARD_NO_INTERRUPT to the SEND
 *
 * with the delegate, the iterator SEND drives, on top of the stack.  So a
 * generator is delegating when its frame stopped at that YIELD_VALUE:
 * runtime/gen.c asks, to pass throw() and close() on to the delegate.
 * Everything is checked, the code being untrusted: the instruction before
 * is a SEND and its target lies inside the code. */
static const uint16_t *delegating_send(Frame *f)
{
    const uint16_t *code = f->code->instrs, *end = code + f->code->ninstrs;
    if (f->next_instr <= code + 1 || f->next_instr >= end || f->sp <= frame_stack_base(f))
        return NULL;
    uint16_t next = *f->next_instr;
    if ((next & 0xff) != OP_RESUME || (next >> 8) < 2)
        return NULL;
    /* 3.12's SEND_312 has a cache unit before the YIELD_VALUE. */
    int caches = f->code->pyminor >= 12 ? CACHES_SEND_312 : 0;
    const uint16_t *send = f->next_instr - 2 - caches;
    int op = f->code->pyminor >= 12 ? OP_SEND_312 : OP_SEND;
    /* Its target, send + 1 + caches + oparg, is an instruction of the code. */
    if (send < code || (*send & 0xff) != op || (*send >> 8) > end - send - 2 - caches)
        return NULL;
    return send;
}

Value vm_gen_delegate(Frame *f)
{
    return delegating_send(f) != NULL ? f->sp[-1] : VAL_NULL;
}

/* The delegate ended while the generator was suspended (a throw() or
 * close() passed on to it raised): as SEND does when its receiver returns,
 * drop the delegate and continue at SEND's target, past the loop. */
void vm_gen_end_delegation(Frame *f)
{
    const uint16_t *send = delegating_send(f);
    if (send == NULL)
        return;
    /* 3.12: the target is an END_SEND, which drops the delegate itself. */
    bool is_312 = (*send & 0xff) == OP_SEND_312;
    if (!is_312)
        f->sp--;
    f->next_instr = send + 1 + (is_312 ? CACHES_SEND_312 : 0) + (*send >> 8);
    f->instr = f->next_instr - 1;
}

Frame *vm_gen_link(Frame *f)
{
    Frame *saved = vm_running;
    f->previous = saved;
    vm_running = f;
    return saved;
}

void vm_gen_unlink(Frame *f, Frame *saved)
{
    vm_running = saved;
    f->previous = NULL;
}

/* ---- interrupts and pending work ------------------------------------------------- */

/* A signal handler may only set flags.  It sets two: "signals pending"
 * (signals_pending; which ones is modules/signal.c's business) and "look
 * at the flags" (vm_eval_breaker), which is the only one the loop tests —
 * at RESUME and at every backward jump, so that every loop iteration and
 * every call notices it, while straight-line code pays nothing.  The
 * generator finaliser uses the same path, because the collector may run in
 * the middle of any allocation, where running Python code (a generator's
 * `finally`) would be unsafe. */

void vm_signal_trip(void)
{
    signals_pending = 1;
    vm_eval_breaker = 1;
}

static volatile sig_atomic_t signals_arrived;

void vm_signal_arrived(void)
{
    signals_arrived++;
}

int vm_signal_count(void)
{
    return signals_arrived;
}

/* Only the main thread runs signal handlers, as in CPython: SIGINT's
 * default_int_handler raises KeyboardInterrupt, the program's own run here. */
bool vm_check_interrupt(void)
{
    if (!signals_pending || !vm_is_main_thread())
        return true;
    signals_pending = 0;
    /* Keep the breaker set if generator work is still queued. */
    vm_eval_breaker = work_pending;
    return mod_signal_run_handlers();
}

/* The collector found the heap full and spent its reserve: MemoryError at
 * the next safe point (runtime/gc.c explains why not at once). */
static void on_memory_exhausted(void)
{
    vm_memory_pending = 1;
    vm_eval_breaker = 1;
}

/* Read without the interpreter lock, by a thread about to block again. */
bool vm_interrupt_pending(void)
{
    return signals_pending && vm_is_main_thread();
}

/* _thread.interrupt_main(signum): as if the signal had arrived, when
 * Python handles it (CPython's PyErr_SetInterruptEx). */
void vm_interrupt_main(int signum)
{
    mod_signal_simulate(signum);
}

void vm_request_pending_work(void)
{
    work_pending = 1;
    vm_eval_breaker = 1;
}

/* The fuzzing build (PVM_FUZZ): every safe point spends one step of a
 * budget, and a spent budget ends the program with SystemError, so that
 * no input can run forever (tests/fuzz/README.md). */
#ifdef PVM_FUZZ
long vm_fuzz_budget = LONG_MAX;

void vm_fuzz_set_budget(long steps)
{
    vm_fuzz_budget = steps;
}

static bool fuzz_budget_spent(void)
{
    return vm_fuzz_budget < 0;
}
#else
static bool fuzz_budget_spent(void) { return false; }
#endif

/* The collector scans frames conservatively, slots above a frame's stack
 * top included, where values popped long ago linger: the list a runaway
 * loop was filling is usually among them.  Before MemoryError unwinds,
 * those slots are cleared in every frame of the chain, so that what the
 * program lets go of can really be collected. */
static void clear_stale_slots(void)
{
    for (Frame *f = vm_running; f != NULL; f = f->previous)
        for (Value *p = f->sp; p < f->localsplus + f->code->framesize; p++)
            *p = VAL_NULL;
}

/* The queued work: the __del__ of objects found unreachable, the callbacks
 * of weak references whose referents died (CPython's order when an object's
 * last reference goes: __del__, then its weak references are cleared), then
 * closing abandoned generators (a generator's weak references are cleared
 * before it is finalised).  The request is taken first, so a callback's own
 * frame does not start the generators early. */
static void run_pending_work(void)
{
    work_pending = 0;
    rt_finalize_run_pending();
    rt_weakref_run_pending();
    rt_gen_run_pending();
}

/* The MemoryError the collector asked for (on_memory_exhausted), raised
 * at the loop's next safe point or, sooner, by a C loop that allocates
 * without returning to the loop (vm_memory_check).  Only the loop clears
 * the stale slots: under a C function, the slots above its frame's saved
 * stack top may be the very arguments it is still reading.  Always
 * false. */
static bool raise_memory_error(bool at_safe_point)
{
    vm_memory_pending = 0;
    vm_eval_breaker = work_pending || signals_pending || vm_thread_drop_requested();
    gc_memory_error_raised();
    if (at_safe_point)
        clear_stale_slots();
    rt_raise_nomemory();
    return false;
}

bool vm_raise_pending_memory_error(void)
{
    return raise_memory_error(false);
}

/* What the loop does when the eval breaker is set: let a thread waiting
 * for the interpreter lock have it, run queued work (weak-reference
 * callbacks, closing abandoned generators), then turn a pending SIGINT
 * into KeyboardInterrupt.  Returns false with the exception set.  The
 * fence orders clearing the breaker before reading the flags: a flag set
 * after the read sets the breaker again, and is seen at the next safe
 * point. */
bool vm_handle_breaker(void)
{
    if (fuzz_budget_spent()) {
        rt_raisef(&rt_SystemError, "the fuzzing step budget is spent");
        return false;
    }
    vm_eval_breaker = 0;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    if (vm_memory_pending)
        return raise_memory_error(true);
    if (vm_thread_drop_requested())
        vm_thread_yield();
    if (work_pending)
        run_pending_work();
    if (vm_trace_on)                    /* every loop hands over (vm/systrace.h) */
        vm_eval_breaker = 1;
    return vm_check_interrupt();
}

/* The callables a call the loop made leaves behind in its C frame: a
 * builtin (a bound one holds its self: `proxy.method()`), a bound method.
 * Only the block's first word, its type, is read, as the collector reads
 * it (gc_block_word): the block may be any, a free one too. */
static bool call_leftover(const void *block)
{
    const ObjType *t = (const ObjType *)gc_block_word(block, 0);
    return t == &rt_builtin_type || t == &rt_method_type;
}

/* gc.collect().  The words of the C stack from here up to the innermost
 * loop's entry (its entry frame's entry_c) that point to a callable
 * (call_leftover) do not count: the loop keeps its operands on the
 * frames' value stacks, and what its C frame and the calls from it to
 * gc.collect still hold, in a spill slot or a callee-saved register, is a
 * stale copy that CPython's reference counting has already dropped.  What
 * such a callable alone holds is finalised and loses its weak references
 * (test_array's test_weakref: the array behind `p.tobytes()`), but is not
 * freed (gc_collect_past_stack).  Only callables: the same words also keep
 * the callee-saved registers of the C frames that called the loop (a
 * sort's items while its key function runs), which must count; C code
 * does not hold a callable alone across a call into Python.  The C frames
 * above the loop's entry count as ever.
 * CPython's collection also frees what the weak-reference callbacks
 * and finalizers it runs let go of (a thread's _threading_local data, the
 * values of a WeakKeyDictionary); here that takes another collection, so
 * collect again while the last one queued such work — a few rounds at
 * most, as each round can only release what the previous one's callbacks
 * dropped. */
bool vm_gc_collecting;

void vm_gc_collect(const Value *live_end)
{
    bool was_collecting = vm_gc_collecting;
    vm_gc_collecting = true;
    vm_frame_scrub(live_end);
    /* The attribute lookup cache, a root, holds what class attributes held
     * when looked up: a dead class in a cycle through its own attribute
     * (`class A: od = {}` with A.od[A] = None) stayed until evicted. */
    rt_type_cache_clear();
    rt_gen_watch_unstarted();
    Frame *entry = vm_running;
    while (entry != NULL && entry->entry_c == NULL)
        entry = entry->previous;
    for (int round = 0; round < 4; round++) {
        if (entry != NULL)
            gc_collect_past_stack(call_leftover, entry->entry_c);
        else
            gc_collect();
        if (!work_pending)
            break;
        run_pending_work();
    }
    vm_gc_collecting = was_collecting;
}


/* ---- what builtins may ask about the running frame ----------------------------- */

bool vm_frame_info(int depth, Value *globals, ObjCode **code, int *lineno)
{
    Frame *f = vm_running;
    for (; f != NULL && depth > 0; depth--)
        f = f->previous;
    if (f == NULL)
        return false;
    *globals = f->globals;
    *code = f->code;
    *lineno = rt_code_line(f->code, frame_lasti(f));
    return true;
}

/* Whether f has reached its RESUME: the instructions before it (MAKE_CELL,
 * COPY_FREE_VARS, RETURN_GENERATOR) belong to the call, and CPython 3.11
 * leaves such an incomplete frame out of tracemalloc's tracebacks (the
 * cell made for `def f(x): def g(): return x` is the caller's line's). */
static bool frame_started(const Frame *f)
{
    for (const uint16_t *u = f->code->instrs; u <= f->instr; u++)
        if ((*u & 0xff) == OP_RESUME)
            return true;
    return false;
}

int vm_positions(VmPosition *out, int max)
{
    int n = 0;
    for (Frame *f = vm_running; f != NULL; f = f->previous) {
        if (!frame_started(f))
            continue;
        if (n < max)
            out[n] = (VmPosition){ f->code, rt_code_line(f->code, frame_lasti(f)) };
        n++;
    }
    return n;
}

/* globals(): the running frame's, or the builtins before any frame runs
 * (a builtin called during start-up). */
Value vm_globals(void)
{
    return vm_running ? vm_running->globals : rt_builtins_dict;
}

Value vm_builtins(void)
{
    return vm_running ? vm_running->builtins : rt_builtins_dict;
}

/* locals(): the frame's dict, or in a function its frame object's
 * f_locals — as in CPython, one dict per frame, brought up to date with the
 * fast locals and cells on every call, and writing to it changes nothing.
 * Up to 3.12 a class body's locals() brings its cells (__class__) into the
 * namespace as f_locals does.  Inside a comprehension inlined into a
 * module or class body, a new dict (vm/frameobject.c says which). */
Value vm_locals(void)
{
    Frame *f = vm_running;
    if (f == NULL)
        return rt_builtins_dict;
    if (f->locals != VAL_NULL &&
        (f->code->nlocalsplus == 0 ||
         (rt_py_minor >= 13 && !vm_hidden_bound(f->code, f->localsplus))))
        return f->locals;
    return vm_frame_object_locals(vm_frame_object(f));
}

/* Zero-argument super(): the enclosing class (the __class__ cell) and the
 * method's first argument, found in the running frame. */
bool vm_super_args(Value *type, Value *obj)
{
    Frame *f = vm_running;
    if (f == NULL || f->code->argcount == 0) {
        rt_raisef(&rt_RuntimeError, "super(): no arguments");
        return false;
    }
    const uint8_t *kinds = AS_BYTES(f->code->localspluskinds)->data;
    Value first = f->localsplus[0];
    if (first != VAL_NULL && (kinds[0] & CO_FAST_CELL) && IS_EXACT(first, rt_cell_type))
        first = VAL_AS(ObjCell, first)->ref;
    rt_str_disown(first);               /* kept by the super object */
    if (first == VAL_NULL) {
        rt_raisef(&rt_RuntimeError, "super(): arg[0] deleted");
        return false;
    }
    for (int i = 0; i < f->code->nlocalsplus; i++) {
        if (!(kinds[i] & CO_FAST_FREE) ||
            strcmp(rt_str_cstr(rt_tuple_get(f->code->localsplusnames, i)), "__class__") != 0)
            continue;
        Value cell = f->localsplus[i];
        Value cls = IS_EXACT(cell, rt_cell_type) ? VAL_AS(ObjCell, cell)->ref : VAL_NULL;
        if (cls == VAL_NULL) {
            rt_raisef(&rt_RuntimeError, "super(): empty __class__ cell");
            return false;
        }
        *type = cls;
        *obj = first;
        return true;
    }
    rt_raisef(&rt_RuntimeError, "super(): __class__ cell not found");
    return false;
}

/* ---- helpers for the longer bodies ----------------------------------------------- */

/* The bodies in bytecodes.h keep their fast paths inline and call these
 * for the rest (STYLE.md: fast path in the loop, slow path in a named
 * function).  They are exported with the vm_ prefix because each strategy
 * is its own translation unit; none of them is on a path where a call
 * costs more than the dictionary lookups or allocations it makes. */

/* LOAD_GLOBAL: the module's dict, then the builtins the function was
 * created with: two hash lookups of an interned string, which compare by
 * pointer.  Globals of a dict subclass, or builtins of any other kind
 * (exec(code, {'__builtins__': mapping})), are indexed instead, as
 * CPython's slow path does: KeyError from either means look further. */
Value vm_load_global(Frame *frame, Value name)
{
    Value v;
    if (is_dict(frame->globals) && is_dict(frame->builtins)) {
        bool error;
        v = rt_dict_get_name(frame->globals, name, &error);
        if (v == VAL_NULL && !error)
            v = rt_dict_get_name(frame->builtins, name, &error);
        if (error)
            return VAL_NULL;
    } else {
        int r = vm_mapping_get(frame->globals, name, &v);
        if (r == 0)
            r = vm_load_builtin(frame, name, &v);
        if (r < 0)
            return VAL_NULL;
    }
    if (v == VAL_NULL)
        rt_raise_name_error(name);
    return v;
}

/* name in the frame's builtins: 1 found (*out set), 0 absent, -1 error. */
int vm_load_builtin(Frame *frame, Value name, Value *out)
{
    return vm_mapping_get(frame->builtins, name, out);
}

/* name in the frame's locals mapping: a dict (module code, most class
 * bodies) is read directly; any other mapping (what a metaclass's
 * __prepare__ returned) through its __getitem__, where KeyError means
 * absent.  1 found (*out set), 0 absent, -1 error. */
int vm_locals_get(Frame *frame, Value name, Value *out)
{
    *out = VAL_NULL;
    if (frame->locals == VAL_NULL)
        return 0;
    return vm_mapping_get(frame->locals, name, out);
}

int vm_mapping_get(Value mapping, Value name, Value *out)
{
    if (is_dict(mapping)) {
        /* A name (always an exact str): the probe that compares by
         * pointer, as LOAD_GLOBAL's, and cannot fail. */
        if (IS_EXACT(name, rt_str_type)) {
            bool error;
            *out = rt_dict_get_name(mapping, name, &error);
            return error ? -1 : *out != VAL_NULL;
        }
        bool err = false;
        *out = rt_dict_get(mapping, name, &err);
        return err ? -1 : *out != VAL_NULL;
    }
    *out = rt_getitem(mapping, name);
    if (*out != VAL_NULL)
        return 1;
    if (!rt_err_matches(&rt_KeyError))
        return -1;
    rt_err_clear();
    return 0;
}

/* LOAD_NAME (module and class bodies, exec's code): the locals mapping,
 * then the globals, then the builtins, as CPython 3.11's LOAD_NAME.
 * Module code's locals are its globals, an exact dict: one probe by the
 * name's cached hash (rt_dict_get_name), and a name not there goes
 * straight to the builtins, an exact dict too but in exec() with other
 * builtins.  A class body's namespace may be any mapping a metaclass's
 * __prepare__ returned (or exec's locals): a non-dict, or a dict
 * subclass, goes through __getitem__, where KeyError means "not here,
 * look further" and any other exception propagates.  The globals are
 * read as a dict whatever their class (CPython's PyDict_GetItem). */
Value vm_load_name(Frame *frame, Value name)
{
    Value locals = frame->locals, v;
    bool error;
    if (locals != VAL_NULL && is_dict(locals)) {
        v = rt_dict_get_name(locals, name, &error);
        if (v != VAL_NULL || error)
            return v;
    } else if (locals != VAL_NULL && vm_mapping_get(locals, name, &v) != 0) {
        return v;
    }
    if (frame->globals != locals || !is_dict(locals)) {
        v = rt_dict_get_name(frame->globals, name, &error);
        if (v != VAL_NULL || error)
            return v;
    }
    if (is_dict(frame->builtins)) {
        v = rt_dict_get_name(frame->builtins, name, &error);
        if (error)
            return VAL_NULL;
    } else if (vm_load_builtin(frame, name, &v) < 0) {
        return VAL_NULL;
    }
    if (v == VAL_NULL)
        rt_raise_name_error(name);
    return v;
}

/* DELETE_NAME: from the locals mapping (any mapping in a class body whose
 * metaclass's __prepare__ made it, or exec's locals); absent is NameError,
 * and code without locals (a crafted function) SystemError, as CPython. */
bool vm_delete_name(Frame *frame, Value name)
{
    if (frame->locals == VAL_NULL) {
        rt_raisef(&rt_SystemError, "no locals when deleting %R", name);
        return false;
    }
    int r = is_dict(frame->locals) ? rt_dict_del(frame->locals, name)
                                   : (rt_delitem(frame->locals, name) < 0 ? -1 : 1);
    if (r == 1)
        return true;
    if (r < 0 && !rt_err_matches(&rt_KeyError) && is_dict(frame->locals))
        return false;
    rt_err_clear();
    rt_raise_name_error(name);
    return false;
}

/* PRINT_EXPR: an expression statement typed at the interactive prompt
 * (compiled in 'single' mode) hands its value to sys.displayhook. */
bool vm_print_expr(Value v)
{
    Value hook = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "displayhook");
    if (hook == VAL_NULL) {
        rt_raisef(&rt_RuntimeError, "lost sys.displayhook");
        return false;
    }
    return rt_call1(hook, v) != VAL_NULL;
}

/* The errors of reading an empty slot, with 3.11's wording: a local (or a
 * cell of this function) is "local variable"; a free variable, owned by
 * an enclosing function that has not assigned it yet, is a NameError. */
Value vm_unbound_local(Frame *frame, int i)
{
    return rt_raisef(&rt_UnboundLocalError,
                     "cannot access local variable '%S' where it is not associated with a value",
                     rt_tuple_get(frame->code->localsplusnames, i));
}

Value vm_unbound_deref(Frame *frame, int i)
{
    Value name = rt_tuple_get(frame->code->localsplusnames, i);
    uint8_t kind = AS_BYTES(frame->code->localspluskinds)->data[i];
    if (kind & CO_FAST_FREE)
        return rt_raisef(&rt_NameError, "cannot access free variable '%S' where it is not "
                         "associated with a value in enclosing scope", name);
    return vm_unbound_local(frame, i);
}

/* UNPACK_SEQUENCE / UNPACK_EX: items of `seq` onto the stack at dest, in
 * stack order (last item deepest... i.e. first item on top).  `before` items,
 * then optionally a list of the rest, then `after` items. */
bool vm_unpack(Value seq, Value *dest, int before, int after, bool star)
{
    size_t want = (size_t)before + (size_t)after;
    Value *items = NULL;
    size_t n = 0;
    if (is_tuple(seq) || is_list(seq)) {
        items = is_tuple(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
        n = is_tuple(seq) ? AS_TUPLE(seq)->length : AS_LIST(seq)->length;
    } else {
        if (val_type(seq)->iter == NULL && val_type(seq)->getitem == NULL) {
            rt_raisef(&rt_TypeError, "cannot unpack non-iterable %s object", val_type(seq)->name);
            return false;
        }
        Value list = rt_sequence_to_list(seq);
        if (list == VAL_NULL)
            return false;
        items = AS_LIST(list)->items;
        n = AS_LIST(list)->length;
    }
    if (!star && n != want) {
        if (n > want && rt_py_minor >= 14 &&      /* 3.14: the count when a length is known */
            (IS_EXACT(seq, rt_list_type) || IS_EXACT(seq, rt_tuple_type) ||
             IS_EXACT(seq, rt_dict_type)))
            rt_raisef(&rt_ValueError, "too many values to unpack (expected %zu, got %zu)",
                      want, n);
        else if (n > want)
            rt_raisef(&rt_ValueError, "too many values to unpack (expected %zu)", want);
        else
            rt_raisef(&rt_ValueError, "not enough values to unpack (expected %zu, got %zu)",
                      want, n);
        return false;
    }
    if (star && n < want) {
        rt_raisef(&rt_ValueError, "not enough values to unpack (expected at least %zu, got %zu)",
                  want, n);
        return false;
    }
    /* dest[0] is the deepest slot: it receives the last item. */
    size_t slots = want + (star ? 1 : 0);
    for (int i = 0; i < before; i++)
        dest[slots - 1 - i] = items[i];
    if (star)
        dest[after] = rt_list_from(items + before, n - want);
    for (int i = 0; i < after; i++)
        dest[after - 1 - i] = items[n - after + i];
    return true;
}

/* FORMAT_VALUE: an f-string replacement field.  The low two flag bits are
 * the conversion (!s, !r, !a); bit 2 says a format spec is on the stack.
 * Without a spec a str is already the answer: f"{name}" costs no call. */
Value vm_format_value(Value v, int flags, Value spec)
{
    switch (flags & 3) {
    case 1: v = rt_str(v); break;
    case 2: v = rt_repr(v); break;
    case 3: v = rt_ascii(v); break;
    }
    if (v == VAL_NULL)
        return VAL_NULL;
    if (spec == VAL_NULL && is_str(v))
        return v;
    return rt_format(v, spec != VAL_NULL ? spec : rt_str_from_cstr(""));
}

/* BUILD_STRING: the pieces of an f-string, all str by now (literal parts
 * and FORMAT_VALUE results), concatenated into one new string. */
Value vm_build_string(Value *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!vm_operand_is(items[i], &rt_str_type, OP_BUILD_STRING))
            return VAL_NULL;
    size_t nbytes = 0, length = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        nbytes += rt_str_nbytes(items[i]);
        length += AS_STR(items[i])->length;
        ascii &= AS_STR(items[i])->ascii;
    }
    Value s = rt_str_uninit(nbytes, length, ascii);
    if (s == VAL_NULL)
        return VAL_NULL;
    char *p = AS_STR(s)->data;
    for (size_t i = 0; i < n; i++) {
        memcpy(p, rt_str_cstr(items[i]), rt_str_nbytes(items[i]));
        p += rt_str_nbytes(items[i]);
    }
    return s;
}

Value vm_template_string(Value *items, int oparg)
{
    if (oparg == 0) {
        if (!vm_operand_is(items[0], &rt_tuple_type, OP_TEMPLATE_STRING) ||
            !vm_operand_is(items[1], &rt_tuple_type, OP_TEMPLATE_STRING))
            return VAL_NULL;
        Value strings = items[0], interpolations = items[1];
        if (rt_tuple_len(strings) != rt_tuple_len(interpolations) + 1)
            return rt_raisef(&rt_SystemError, "TEMPLATE_STRING: %zu strings for %zu interpolations",
                             rt_tuple_len(strings), rt_tuple_len(interpolations));
        for (size_t i = 0; i < rt_tuple_len(strings); i++)
            if (!vm_operand_is(rt_tuple_get(strings, i), &rt_str_type, OP_TEMPLATE_STRING))
                return VAL_NULL;
        for (size_t i = 0; i < rt_tuple_len(interpolations); i++)
            if (!vm_operand_is(rt_tuple_get(interpolations, i), &rt_interpolation_type,
                               OP_TEMPLATE_STRING))
                return VAL_NULL;
        return rt_template_new(strings, interpolations);
    }
    Value format = oparg & 1 ? items[2] : VAL_NULL;
    if (!vm_operand_is(items[1], &rt_str_type, OP_TEMPLATE_STRING) ||
        (format != VAL_NULL && !vm_operand_is(format, &rt_str_type, OP_TEMPLATE_STRING)))
        return VAL_NULL;
    return rt_interpolation_new(items[0], items[1], oparg >> 2, format);
}

/* The closure MAKE_FUNCTION gets must fill the code's free variables:
 * COPY_FREE_VARS copies its cells into them, and the *_DEREF family
 * trusts they are cells.  The compiler builds it with LOAD_CLOSUREs and
 * BUILD_TUPLE; a crafted .pyc could pass anything. */
static bool check_closure(ObjCode *code, Value closure)
{
    if (!vm_operand_is(closure, &rt_tuple_type, OP_MAKE_FUNCTION))
        return false;
    if (rt_tuple_len(closure) != (size_t)code->nfrees) {
        rt_raisef(&rt_SystemError, "MAKE_FUNCTION: %S needs %d closure cells, not %zu",
                  code->qualname, code->nfrees, rt_tuple_len(closure));
        return false;
    }
    for (size_t i = 0; i < rt_tuple_len(closure); i++)
        if (!vm_operand_is(rt_tuple_get(closure, i), &rt_cell_type, OP_MAKE_FUNCTION))
            return false;
    return true;
}

/* One optional part of a new function, `flag` saying which (MAKE_FUNCTION's
 * flags; 3.13's SET_FUNCTION_ATTRIBUTE oparg): checked, since the
 * compiler always passes these types but a crafted .pyc need not; false
 * with SystemError when it is wrong. */
bool vm_set_function_attribute(Value func, int flag, Value attr)
{
    if (!vm_operand_is(func, &rt_function_type, OP_MAKE_FUNCTION))
        return false;
    ObjFunction *fn = AS_FUNCTION(func);
    switch (flag) {
    case 0x08:
        if (!check_closure(fn->code, attr))
            return false;
        fn->closure = attr;
        return true;
    case 0x04:
        if (!is_tuple(attr) && !vm_operand_is(attr, &rt_dict_type, OP_MAKE_FUNCTION))
            return false;
        fn->annotations = attr;
        return true;
    case 0x02:
        if (!vm_operand_is(attr, &rt_dict_type, OP_MAKE_FUNCTION))
            return false;
        fn->kwdefaults = attr;
        return true;
    case 0x01:
        if (!vm_operand_is(attr, &rt_tuple_type, OP_MAKE_FUNCTION))
            return false;
        fn->defaults = attr;
        return true;
    case 0x10:                          /* 3.14: __annotate__ (runtime/func.c) */
        return rt_func_set_annotate(fn, attr);
    }
    rt_raisef(&rt_SystemError, "SET_FUNCTION_ATTRIBUTE: bad flag %d", flag);
    return false;
}

/* MAKE_FUNCTION: code on top (top[-1]), below it the optional parts flags
 * asks for, closure first; the caller pops them (1 + one per flag bit).
 * VAL_NULL with SystemError when one is wrong. */
Value vm_make_function(Frame *frame, Value *top, int flags)
{
    Value codev = *--top;
    if (!vm_operand_is(codev, &rt_code_type, OP_MAKE_FUNCTION))
        return VAL_NULL;
    ObjFunction *fn = AS_FUNCTION(rt_function_new(AS_CODE(codev), frame->globals,
                                                  AS_CODE(codev)->qualname));
    fn->builtins = frame->builtins;
    for (int flag = 0x08; flag != 0; flag >>= 1)
        if ((flags & flag) && !vm_set_function_attribute(obj_val(fn), flag, *--top))
            return VAL_NULL;
    return obj_val(fn);
}

/* 3.13's CALL_KW: the keyword names a tuple of str, at most one per
 * argument (the verifier checks 3.11's KW_NAMES constant; this one is a
 * stack value).  False with SystemError otherwise. */
bool vm_kwnames_valid(Value names, int nargs)
{
    bool ok = is_tuple(names) && rt_tuple_len(names) <= (size_t)nargs;
    for (size_t i = 0; ok && i < rt_tuple_len(names); i++)
        ok = is_str(rt_tuple_get(names, i));
    if (!ok)
        rt_raisef(&rt_SystemError, "CALL_KW: the keyword names are not a tuple of at most %d str",
                  nargs);
    return ok;
}

/* RAISE_VARARGS with an exception (and maybe a cause). */
void vm_do_raise(Value exc, Value cause)
{
    if (rt_raise(exc) != VAL_NULL || !rt_err_occurred())
        return;
    Value raised = rt_err_peek();
    if (!rt_isinstance_of(raised, &rt_BaseException))
        return;          /* rt_raise already reported a TypeError */
    /* The raise statement chains what is handled now, over any earlier
     * __context__ (`raise saved` in a later handler), as CPython's
     * _PyErr_SetObject; chain_context then leaves it alone. */
    rt_exc_set_context(raised, vm_handled_exception());
    vm_chained_exc = raised;
    if (cause == VAL_NULL)
        return;
    if (IS_EXACT(cause, rt_type_type) && (AS_TYPE(cause)->flags & TF_EXCEPTION)) {
        cause = rt_call0(cause);
        if (cause == VAL_NULL)
            return;
    } else if (cause != rt_None && !rt_isinstance_of(cause, &rt_BaseException)) {
        rt_err_clear();
        rt_raisef(&rt_TypeError, "exception causes must derive from BaseException");
        return;
    }
    AS_EXC(raised)->cause = cause;
    AS_EXC(raised)->suppress_context = true;
}

/* An exception raised while another is being handled remembers it as its
 * __context__ (what "During handling of the above exception" prints).  Run
 * at `error:` in every frame the exception passes, it acts only once: where
 * the exception was raised, the handled exception is the same one CPython's
 * _PyErr_SetObject sees (callees share their caller's exc_info).  Once is
 * until a handler takes it (vm_chained_exc: the one on its way up); a
 * re-raise (`raise`, the end of a finally) chains nothing, as in CPython,
 * so a __context__ a handler set to None stays None. */
static void chain_context(Value exc)
{
    if (exc == vm_thrown_exc || exc == vm_chained_exc || !rt_isinstance_of(exc, &rt_BaseException))
        return;
    vm_chained_exc = exc;
    Value ctx = AS_EXC(exc)->context;
    if (ctx == VAL_NULL || ctx == rt_None)
        rt_exc_set_context(exc, vm_handled_exception());
}

/* `except X:` — X must be an exception class or a tuple of them.  CPython
 * checks this only when an exception actually reaches the clause, so a bad
 * clause that is never tested is not an error (CHECK_EXC_MATCH). */
static bool is_exception_class(Value v)
{
    return rt_isinstance_of(v, &rt_type_type) && rt_is_subtype(AS_TYPE(v), &rt_BaseException);
}

bool vm_valid_except_type(Value v)
{
    if (!is_tuple(v))
        return is_exception_class(v);
    for (size_t i = 0; i < rt_tuple_len(v); i++)
        if (!is_exception_class(rt_tuple_get(v, i)))
            return false;
    return true;
}

/* "f()" — how CPython names a callable in call-time error messages:
 * module.qualname() except for builtins, and str() of the object when it
 * has no __qualname__ (an instance with __call__). */
Value vm_func_desc(Value func)
{
    Value q = rt_lookup_attr(func, RT_NAME("__qualname__"));
    if (q == VAL_NULL) {
        rt_err_clear();
        Value s = rt_str(func);
        return s != VAL_NULL ? s : rt_str_format_c("%s object", val_type(func)->name);
    }
    Value m = rt_lookup_attr(func, RT_NAME("__module__"));
    rt_err_clear();
    if (m != VAL_NULL && is_str(m) && strcmp(rt_str_cstr(m), "builtins") != 0)
        return rt_str_format_c("%S.%S()", m, q);
    return rt_str_format_c("%S()", q);
}

/* f(**mapping) naming a keyword twice is an error here; a key that is no
 * str is one only at the call (rt_call_tuple_dict), as in CPython. */
static void raise_repeated_kwarg(Value k, Value func)
{
    rt_raisef(&rt_TypeError, "%S got multiple values for keyword argument '%S'",
              vm_func_desc(func), k);
}

static bool repeated_kwarg(Value dict, Value k, Value func)
{
    bool error;
    if (rt_dict_get(dict, k, &error) == VAL_NULL)
        return error;
    raise_repeated_kwarg(k, func);
    return true;
}

/* DICT_MERGE: f(**mapping) — keyword names must not repeat.  A mapping
 * that is not a dict is read as CPython's dict merge reads one, in its
 * order of errors: for k in mapping.keys(): the repeat check, then
 * mapping[k]; one without keys() is "not a mapping" (format_kwargs_error). */
bool vm_dict_merge_kwargs(Value dict, Value update, Value func)
{
    Value k, v;
    if (rt_isinstance_of(update, &rt_dict_type)) {
        for (size_t pos = 0; rt_dict_next(update, &pos, &k, &v);)
            if (repeated_kwarg(dict, k, func) || !rt_dict_set(dict, k, v))
                return false;
        return true;
    }
    Value keys_method = rt_lookup_attr(update, RT_NAME("keys"));
    if (keys_method == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "%S argument after ** must be a mapping, not %s",
                      vm_func_desc(func), val_type(update)->name);
        return false;
    }
    Value keys = rt_call0(keys_method);
    Value it = keys == VAL_NULL ? VAL_NULL : rt_iter(keys);
    if (it == VAL_NULL)
        return false;
    while ((k = rt_next(it)) != VAL_NULL) {
        if (repeated_kwarg(dict, k, func))
            return false;
        if ((v = rt_getitem(update, k)) == VAL_NULL) {
            /* 3.12 on takes any KeyError out of the merge for a repeat */
            if (rt_py_minor >= 12 && rt_err_matches(&rt_KeyError)) {
                rt_err_clear();
                raise_repeated_kwarg(k, func);
            }
            return false;
        }
        if (!rt_dict_set(dict, k, v))
            return false;
    }
    return !rt_err_occurred();
}

/* ---- helpers: coroutines and async iteration ------------------------------------------ */

/* `await x` runs x's __await__() iterator by the same SEND/YIELD_VALUE loop
 * as `yield from`, so these helpers only find and check the iterator:
 * GET_AWAITABLE for await, GET_AITER/GET_ANEXT for `async for` (whose
 * __anext__ returns an awaitable that the loop then awaits).  The error
 * messages name the protocol the object broke, as CPython's do. */

/* A special method looked up on the type and bound to obj, as CPython's
 * _PyObject_LookupSpecial; VAL_NULL without an exception when absent. */
static Value lookup_special(Value obj, Value name)
{
    Value m = rt_type_lookup(val_type(obj), name);
    if (m == VAL_NULL)
        return VAL_NULL;
    ObjType *mt = val_type(m);
    if (mt->descr_get != NULL)
        return mt->descr_get(m, obj, obj_val(val_type(obj)));
    return m;
}

/* GET_AWAITABLE: where is 0 for `await`, 1/2 after __aenter__/__aexit__. */
Value vm_get_awaitable(Value v, int where)
{
    Value it = rt_coro_get_awaitable_iter(v);
    if (it == VAL_NULL) {
        if (where != 0 && rt_err_matches(&rt_TypeError) &&
            rt_type_lookup(val_type(v), RT_NAME("__await__")) == VAL_NULL) {
            rt_err_clear();
            rt_raisef(&rt_TypeError, "'async with' received an object from %s that does not "
                      "implement __await__: %s", where == 1 ? "__aenter__" : "__aexit__",
                      val_type(v)->name);
        }
        return VAL_NULL;
    }
    if (IS_EXACT(it, rt_coroutine_type) && rt_gen_delegate(VAL_AS(ObjGen, it)) != VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "coroutine is being awaited already");
    return it;
}

Value vm_get_aiter(Value obj)
{
    Value meth = lookup_special(obj, RT_NAME("__aiter__"));
    if (meth == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'async for' requires an object with __aiter__ "
                         "method, got %s", val_type(obj)->name);
    Value it = rt_call0(meth);
    if (it == VAL_NULL)
        return VAL_NULL;
    if (rt_type_lookup(val_type(it), RT_NAME("__anext__")) == VAL_NULL)
        return rt_raisef(&rt_TypeError, "'async for' received an object from __aiter__ "
                         "that does not implement __anext__: %s", val_type(it)->name);
    return it;
}

Value vm_get_anext(Value aiter)
{
    if (IS_EXACT(aiter, rt_async_generator_type))
        return rt_async_gen_anext(aiter);
    Value meth = lookup_special(aiter, RT_NAME("__anext__"));
    if (meth == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'async for' requires an iterator with __anext__ "
                         "method, got %s", val_type(aiter)->name);
    Value next = rt_call0(meth);
    if (next == VAL_NULL)
        return VAL_NULL;
    Value aw = rt_coro_get_awaitable_iter(next);
    if (aw == VAL_NULL) {
        /* Any error, chained as CPython's _PyErr_FormatFromCause does. */
        Value cause = rt_err_fetch();
        rt_raisef(&rt_TypeError, "'async for' received an invalid object from __anext__: %s",
                  val_type(next)->name);
        AS_EXC(rt_err_peek())->cause = cause;
        AS_EXC(rt_err_peek())->context = cause;
        AS_EXC(rt_err_peek())->suppress_context = true;
    }
    return aw;
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: replace the manager on top of the stack
 * by its bound __exit__ and return what its __enter__() returns. */
Value vm_enter_exit(Value *top, bool async)
{
    Value mgr = *top;
    const char *proto = async ? "asynchronous context manager" : "context manager";
    Value enter = lookup_special(mgr, async ? RT_NAME("__aenter__") : RT_NAME("__enter__"));
    if (enter == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol",
                         val_type(mgr)->name, proto);
    Value exit = lookup_special(mgr, async ? RT_NAME("__aexit__") : RT_NAME("__exit__"));
    if (exit == VAL_NULL)
        return rt_err_occurred() ? VAL_NULL
             : rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol "
                         "(missed %s method)", val_type(mgr)->name, proto,
                         async ? "__aexit__" : "__exit__");
    *top = exit;
    return rt_call0(enter);
}

/* LOAD_SPECIAL's four methods, with 3.14's messages when one is missing
 * (the `with` looks up __exit__ first).  A type that has the other
 * protocol's pair is told which statement it wanted. */
static const struct {
    const char *name, *protocol, *other_enter, *other_exit, *other_statement;
} special_methods[] = {
    { "__enter__", "context manager", "__aenter__", "__aexit__", "async with" },
    { "__exit__", "context manager", "__aenter__", "__aexit__", "async with" },
    { "__aenter__", "asynchronous context manager", "__enter__", "__exit__", "with" },
    { "__aexit__", "asynchronous context manager", "__enter__", "__exit__", "with" },
};

Value vm_load_special(Value owner, int which)
{
    if (which < 0 || which > 3) {
        rt_raisef(&rt_SystemError, "LOAD_SPECIAL: bad oparg %d", which);
        return VAL_NULL;
    }
    static Value names[4];              /* each interned at its first use */
    if (names[which] == VAL_NULL)
        names[which] = rt_str_intern_cstr(special_methods[which].name);
    Value m = lookup_special(owner, names[which]);
    if (m != VAL_NULL || rt_err_occurred())
        return m;
    ObjType *t = val_type(owner);
    bool other = rt_type_lookup(t, rt_str_intern_cstr(special_methods[which].other_enter)) != VAL_NULL &&
                 rt_type_lookup(t, rt_str_intern_cstr(special_methods[which].other_exit)) != VAL_NULL;
    Value name = rt_type_fullname(t);
    if (other)
        return rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol "
                         "(missed %s method) but it supports the %s%s protocol. "
                         "Did you mean to use '%s'?", rt_str_cstr(name),
                         special_methods[which].protocol, special_methods[which].name,
                         which < 2 ? "asynchronous " : "", "context manager",
                         special_methods[which].other_statement);
    return rt_raisef(&rt_TypeError, "'%s' object does not support the %s protocol (missed %s method)",
                     rt_str_cstr(name), special_methods[which].protocol, special_methods[which].name);
}

/* LOAD_COMMON_CONSTANT's values, by oparg (the translation checks 0..4). */
Value vm_common_constant(int which)
{
    switch (which) {
    case 0: return obj_val(&rt_AssertionError);
    case 1: return obj_val(&rt_NotImplementedError);
    case 2: return obj_val(&rt_tuple_type);
    }
    Value f = rt_dict_get_cstr(rt_builtins_dict, which == 3 ? "all" : "any");
    return f != VAL_NULL ? f : rt_None;
}

/* ---- helpers: pattern matching ------------------------------------------------------------ */

/* The compiler turns a `case` into tests and jumps; only the parts with
 * rules of their own are helpers: which subjects are sequences or
 * mappings, how `{k: p}` reads keys (via .get, so __missing__ is not
 * consulted) and how `C(a, b=p)` reads attributes (positional
 * sub-patterns through __match_args__). */

/* `case [a, b]:` matches sequences but not str, bytes or bytearray: the
 * types flagged TF_MATCH_SEQUENCE (runtime/object.h). */
bool vm_is_match_sequence(Value v)
{
    return (val_type(v)->flags & TF_MATCH_SEQUENCE) != 0;
}

/* MATCH_KEYS: the values of subject[key] for each key, via subject.get so
 * that a missing key (not __missing__) fails the match: None then. */
Value vm_match_keys(Value subject, Value keys)
{
    size_t n = rt_tuple_len(keys);
    if (n == 0)
        return rt_empty_tuple;
    Value get = is_dict(subject) ? VAL_NULL : rt_getattr_cstr(subject, "get");
    if (!is_dict(subject) && get == VAL_NULL)
        return VAL_NULL;
    Value seen = rt_set_new();
    Value values = rt_tuple_new(n);
    Value dummy = obj_val(&rt_null_obj);
    for (size_t i = 0; i < n; i++) {
        Value key = rt_tuple_get(keys, i);
        int dup = rt_contains(seen, key);
        if (dup < 0 || (dup == 0 && !rt_set_add(seen, key)))
            return VAL_NULL;
        if (dup)
            return rt_raisef(&rt_ValueError, "mapping pattern checks duplicate key (%R)", key);
        Value v;
        if (get == VAL_NULL) {
            bool err = false;
            v = rt_dict_get(subject, key, &err);
            if (err)
                return VAL_NULL;
            if (v == VAL_NULL)
                return rt_None;
        } else {
            v = rt_call2(get, key, dummy);
            if (v == VAL_NULL)
                return VAL_NULL;
            if (v == dummy)
                return rt_None;
        }
        AS_TUPLE(values)->items[i] = v;
    }
    return values;
}

/* One attribute for a class pattern; VAL_NULL with no exception when the
 * subject lacks it (no match). */
static Value match_class_attr(Value subject, ObjType *type, Value name, Value seen)
{
    int dup = rt_contains(seen, name);
    if (dup < 0 || (dup == 0 && !rt_set_add(seen, name)))
        return VAL_NULL;
    if (dup)
        return rt_raisef(&rt_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         type->name, name);
    Value attr = rt_getattr(subject, name);
    if (attr == VAL_NULL && rt_err_matches(&rt_AttributeError))
        rt_err_clear();
    return attr;
}

/* Builtin types whose single positional sub-pattern matches the subject
 * itself: `case int(x):` (CPython's _Py_TPFLAGS_MATCH_SELF). */
static bool matches_self(ObjType *t)
{
    return t == &rt_bool_type || t == &rt_bytearray_type || t == &rt_bytes_type ||
           t == &rt_dict_type || t == &rt_float_type || t == &rt_frozenset_type ||
           t == &rt_int_type || t == &rt_list_type || t == &rt_set_type ||
           t == &rt_str_type || t == &rt_tuple_type;
}

/* The positional sub-patterns' attribute names: type.__match_args__ (or
 * the subject itself for the types above); false with an error set. */
static bool match_positional(Value subject, ObjType *type, int nargs, Value seen, Value attrs)
{
    Value match_args = rt_getattr_cstr(obj_val(type), "__match_args__");
    bool self = false;
    if (match_args == VAL_NULL) {
        if (!rt_err_matches(&rt_AttributeError))
            return false;
        rt_err_clear();
        match_args = rt_empty_tuple;
        for (ObjType *t = type; t != NULL && !self; t = t->base)
            self = matches_self(t);
    } else if (!is_tuple(match_args)) {
        rt_raisef(&rt_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->name,
                  val_type(match_args)->name);
        return false;
    }
    int allowed = self ? 1 : (int)rt_tuple_len(match_args);
    if (allowed < nargs) {
        rt_raisef(&rt_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                  type->name, allowed, allowed == 1 ? "" : "s", nargs);
        return false;
    }
    if (self)
        return rt_list_append(attrs, subject);
    for (int i = 0; i < nargs; i++) {
        Value name = rt_tuple_get(match_args, i);
        if (!is_str(name)) {
            rt_raisef(&rt_TypeError, "__match_args__ elements must be strings (got %s)",
                      val_type(name)->name);
            return false;
        }
        Value attr = match_class_attr(subject, type, name, seen);
        if (attr == VAL_NULL || !rt_list_append(attrs, attr))
            return false;
    }
    return true;
}

/* MATCH_CLASS: the tuple of attributes, rt_None for no match, VAL_NULL on
 * error (CPython's match_class). */
Value vm_match_class(Value subject, Value typev, int nargs, Value names)
{
    if (!rt_isinstance_of(typev, &rt_type_type))
        return rt_raisef(&rt_TypeError, "called match pattern must be a %s",
                         rt_py_minor >= 12 ? "class" : "type");
    ObjType *type = AS_TYPE(typev);
    if (!rt_isinstance_of(subject, type))
        return rt_None;
    Value seen = rt_set_new(), attrs = rt_list_new(0);
    if (nargs > 0 && !match_positional(subject, type, nargs, seen, attrs))
        return rt_err_occurred() ? VAL_NULL : rt_None;
    for (size_t i = 0; i < rt_tuple_len(names); i++) {
        Value attr = match_class_attr(subject, type, rt_tuple_get(names, i), seen);
        if (attr == VAL_NULL)
            return rt_err_occurred() ? VAL_NULL : rt_None;
        rt_list_append(attrs, attr);
    }
    return rt_list_as_tuple(attrs);
}

/* ---- run-time checks: what the verifier cannot prove ------------------------------------ */

/* The verifier (vm/verify.c) proves everything that does not depend on the
 * values a program computes: operands, jumps, stack depths, the exception
 * table.  It does not track types, so a crafted .pyc can still hand
 * LIST_APPEND something that is not a list, or POP_EXCEPT something that
 * is not an exception — python3.11's compiler never does, and CPython
 * would then crash.  The instructions check such operands where they use
 * them (one type compare, usually after an inline exact-type test) and
 * raise SystemError naming the instruction, as CPython's internal-call
 * checks do ("bad argument to internal function"). */

static bool bad_operand(int opcode, const char *expected, Value got)
{
    rt_raisef(&rt_SystemError, "%s: expected %s, got %s", vm_opcode_info[opcode].name,
              expected, val_type(got)->name);
    return false;
}

bool vm_operand_is(Value v, ObjType *type, int opcode)
{
    return rt_isinstance_of(v, type) || bad_operand(opcode, type->name, v);
}

bool vm_operand_is_exception(Value v, bool or_none, int opcode)
{
    if ((val_type(v)->flags & TF_EXCEPTION) || (or_none && v == rt_None))
        return true;
    return bad_operand(opcode, or_none ? "an exception or None" : "an exception", v);
}

/* MATCH_CLASS's attribute names: a tuple of str. */
bool vm_operand_is_names(Value v, int opcode)
{
    if (!vm_operand_is(v, &rt_tuple_type, opcode))
        return false;
    for (size_t i = 0; i < rt_tuple_len(v); i++)
        if (!is_str(rt_tuple_get(v, i)))
            return bad_operand(opcode, "a tuple of str", v);
    return true;
}

/* PREP_RERAISE_STAR: the exception the except* clauses saw, and the list of
 * what each raised (None for nothing). */
bool vm_check_reraise_star(Value orig, Value excs)
{
    if (!vm_operand_is_exception(orig, true, OP_PREP_RERAISE_STAR) ||
        !vm_operand_is(excs, &rt_list_type, OP_PREP_RERAISE_STAR))
        return false;
    for (size_t i = 0; i < AS_LIST(excs)->length; i++)
        if (!vm_operand_is_exception(AS_LIST(excs)->items[i], true, OP_PREP_RERAISE_STAR))
            return false;
    return true;
}

/* ---- helpers: generators owned by a for-loop (see gen.c) ------------------------------------ */

/* The unwinder is about to discard stack slots [from, to): close the
 * loop-owned generators among them, keeping the exception in flight. */
static void drop_loop_generators(Value *from, Value *to)
{
    for (Value *p = from; p < to; p++)
        if (*p != VAL_NULL && vm_is_loop_owned_gen(*p))
            rt_gen_drop(*p);
}

/* ---- unwinding ------------------------------------------------------------------------ */

/* Shared by every strategy, because it runs on code units and frames, not
 * on a strategy's registers: the strategy stores the failing instruction
 * in frame->instr, passes its stack pointer, and continues at the code
 * unit returned (converting it to its own instruction pointer: the
 * threaded strategy looks it up in its index). */

/* A handler keeps the bottom h.depth items of the stack, which must all be
 * there.  The verifier proves it for the stack between instructions, but a
 * body that pops its inputs before failing (UNPACK_SEQUENCE), or a
 * generator moved past its `yield from` loop (vm_gen_end_delegation), can
 * leave fewer in crafted code: the slots above sp hold stale words, never
 * to be read.  Then the handler is not used, and SystemError replaces the
 * exception. */
static bool handler_fits(Frame *frame, Value *handler_sp, Value *sp)
{
    if (handler_sp <= sp)
        return true;
    rt_err_clear();
    rt_raisef(&rt_SystemError, "%S: exception handler deeper than the stack",
              frame->code->qualname);
    return false;
}

/* After an exception, in every strategy: find the handler of the failing
 * instruction in the 3.11 exception table (find_handler); if there is one,
 * cut the stack to its depth, push the exception (and the lasti it asks
 * for) and continue there.  Otherwise pop the frame, add a traceback entry
 * for the caller's call site, and try the caller — until the entry frame of
 * this loop invocation is popped. */
/* RERAISE 1 (the end of an `except` or `finally` that did not handle the
 * exception) puts the frame back at the instruction that first raised —
 * the lasti its handler pushed — which is where the frame is shown to be
 * if the exception leaves it (f_lineno, f_lasti), as CPython 3.11 does;
 * the handler is still looked up from the RERAISE. */
static const uint16_t *reraised_from(Frame *frame, Value *sp)
{
    const uint16_t *at = frame->instr;
    int arg = *at >> 8;
    if ((*at & 0xff) != OP_RERAISE || arg == 0 || sp - arg < frame_stack_base(frame))
        return at;
    Value lasti = sp[-arg];
    if (!val_is_small(lasti) || small_value(lasti) < 0 ||
        small_value(lasti) >= (intptr_t)frame->code->ninstrs)
        return at;
    return frame->code->instrs + small_value(lasti);
}

VmUnwind vm_unwind(Frame *frame, Value *sp, bool traceback)
{
    if (!traceback)
        vm_chained_exc = rt_err_peek();
    for (;;) {
        bool reraise = !traceback;
        if (traceback) {
            Value exc = rt_err_peek();
            if (exc == VAL_NULL) {
                rt_raisef(&rt_SystemError, "error return without exception set");
                exc = rt_err_peek();
            }
            chain_context(exc);
            rt_exc_add_traceback(exc, vm_frame_object_val(frame), frame->code,
                                 frame_lasti(frame));
            if (vm_trace_on)
                vm_trace_exception(frame);
        }
        traceback = true;
        VmExcEntry h;
        Value *base = frame_stack_base(frame);
        if (!fuzz_budget_spent() && find_handler(frame->code, frame_lasti(frame), &h) &&
            handler_fits(frame, base + h.depth, sp)) {
            /* The lasti pushed for a RERAISE 1 is the one it restores,
             * as CPython's exception_unwind pushes the frame's prev_instr
             * after RERAISE set it (the handler, from the RERAISE). */
            const uint16_t *at = reraise ? reraised_from(frame, sp) : frame->instr;
            drop_loop_generators(base + h.depth, sp);
            sp = base + h.depth;
            if (h.lasti)
                *sp++ = small_new(at - frame->code->instrs);
            if (vm_monitor_on)          /* a callback that raises: its exception is handled */
                vm_monitor_exception(frame, 1, h.target);
            *sp++ = rt_err_fetch();
            vm_chained_exc = VAL_NULL;
            return (VmUnwind){ frame, sp, frame->code->instrs + h.target };
        }
        /* No handler here: pop the frame and let the caller unwind. */
        drop_loop_generators(base, sp);
        int left_at = frame_lasti(frame);   /* PY_UNWIND's offset: the re-raise */
        if (reraise)
            frame->instr = reraised_from(frame, sp);
        if (vm_trace_on)
            vm_trace_unwind(frame, left_at);
        bool entry = frame->entry_c != NULL;
        frame = vm_leave_frame(frame);
        if (entry)
            return (VmUnwind){ NULL, NULL, NULL };
        sp = frame->sp;
    }
}

/* Verified code never gets here (vm/verify.c rejects what would); the
 * error still names the right thing, for code built some other way. */
void vm_bad_opcode(int opcode)
{
    const char *name = vm_opcode_info[opcode].name;
    if (opcode == OP_CACHE)
        rt_raisef(&rt_SystemError, "executed an inline cache unit (CACHE), or ran off "
                  "the end of the code");
    else if (name != NULL)
        rt_raisef(&rt_SystemError, "pvm does not support the %s instruction", name);
    else
        rt_raisef(&rt_SystemError, "unknown opcode %d", opcode);
}

/* ---- choosing the loop ------------------------------------------------------------------- */

/* The strategies built into this binary, the default first.  The default
 * is the fastest measured over the whole of bench/ (geometric mean of the
 * time ratios to python3.11 in `make bench`: threaded 1.12, goto 1.16;
 * vm/README.md has the numbers). */
static const struct {
    const char *name;
    VmLoop loop;
} strategies[] = {
    { "threaded", vm_eval_threaded },
    { "goto", vm_eval_goto },
    { "switch", vm_eval_switch },
    { "call", vm_eval_call },
#ifdef PVM_HAVE_TAILCALL
    { "tailcall", vm_eval_tailcall },
#endif
};
enum { NSTRATEGIES = sizeof strategies / sizeof strategies[0] };

/* One process-wide choice, so that a generator resumed from C (gen.c ->
 * vm_gen_resume) or a function called back by a builtin runs under the
 * same strategy as the code around it. */
static VmLoop chosen = vm_eval_threaded;   /* --dispatch */
static VmLoop active = vm_eval_threaded;   /* chosen, or an instrumented variant */
static bool counting;                   /* --stats */
VmStepHook vm_step_hook;

static void select_active(void)
{
    active = vm_step_hook != NULL ? vm_eval_trace : counting ? vm_eval_stats : chosen;
}

const char *vm_dispatch_name(int i)
{
    return i >= 0 && i < NSTRATEGIES ? strategies[i].name : NULL;
}

bool vm_set_dispatch(const char *name)
{
    for (int i = 0; i < NSTRATEGIES; i++) {
        if (strcmp(strategies[i].name, name) == 0) {
            chosen = strategies[i].loop;
            select_active();
            return true;
        }
    }
    return false;
}

void vm_set_stats(bool on)
{
    counting = on;
    select_active();
}

void vm_set_step_hook(VmStepHook hook)
{
    vm_step_hook = hook;
    select_active();
}

Value vm_eval(Frame *frame, bool throwing)
{
    return (vm_trace_on ? vm_eval_trace : active)(frame, throwing);
}
