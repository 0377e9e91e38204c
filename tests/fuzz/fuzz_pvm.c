/*
 * fuzz_pvm.c — the libFuzzer target: a .pyc from the fuzzer goes through
 * the loader, the bytecode verifier and, when they accept it, a bounded
 * run of the program.  Built and run by `make fuzz` (tests/fuzz/README.md),
 * with clang's AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer,
 * and pvm compiled with
 *
 *   PVM_FUZZ          every run stops after a step budget (vm/dispatch.h):
 *                     a loop that never ends is the program's business,
 *                     not a finding;
 *   PVM_GC_REDZONES   ASan sees overflows of objects in the GC heap
 *                     (runtime/gc.c).
 *
 * What is a finding: any sanitizer report, signal, abort, or exit (pvm
 * must turn every bad input into an error line or a Python exception).
 * A run that takes longer than libFuzzer's -timeout is one too, unless
 * python3.11 takes as long on the same file (a C loop such as
 * sum(range(10**11)) is slow by design).
 *
 * The run has no I/O and cannot change anything outside the process:
 * stdin and stdout are /dev/null, sys.path is empty (no module is read
 * from disk), `open`, `input`, and `compile`, `exec` and `eval` (source
 * would start the compile service's python3.11) are gone from the
 * builtins, and only the built-in modules listed in `allowed` can be
 * imported (every other one, present or added later, is None in
 * sys.modules: "import of os halted").  Each input
 * runs with a fresh copy of the builtins, of sys.modules and of sys's own
 * attributes, with no trace or profile function, sys.monitoring's tools
 * all free and the int digits limit and recursion limit of start-up, so
 * that one input cannot change how the next one behaves.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "loader/import.h"
#include "loader/pyc.h"
#include "modules/api.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "vm/monitoring.h"
#include "vm/systrace.h"
#include "vm/vm.h"

enum { STEP_BUDGET = 20000 };                   /* calls + loop iterations */
#define HEAP_LIMIT ((size_t)512 << 20)

/* The built-in modules a fuzzed program may import: no file system, no
 * clock, no process state.  gc and _weakref let the golden programs of
 * finalizers/ run (they import gc first); each import makes a fresh
 * module, so gc.callbacks does not reach the next input. */
static const char *const allowed[] = {
    "sys", "math", "random", "itertools", "functools", "operator", "bisect", "heapq",
    "collections", "collections.abc", "array", "io", "string", "copy", "json", "re",
    "gc", "_weakref", "_collections", "_functools", "_operator", "_heapq", "_bisect",
    "_random", "_struct", "_json", "_sre", "_string", "_abc", "_contextvars", "_typing",
    "_pickle", "_decimal", "_codecs", "_statistics", "binascii", "zlib", "unicodedata",
    "cmath", "errno", "marshal", "_md5", "_sha1", "_sha3", "_blake2",
};

static Value clean_builtins;                    /* the builtins every run starts from */
static Value clean_modules;                     /* sys.modules every run starts from */
static Value clean_sys;                         /* sys's attributes every run starts from */
static int clean_int_max_str_digits;

static bool is_allowed(Value name)
{
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (strcmp(rt_str_cstr(name), allowed[i]) == 0)
            return true;
    return false;
}

static void quiet_std_streams(void)
{
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        close(null);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    quiet_std_streams();
    /* PVM_FUZZ_PYTHON=3.12 (3.13, 3.14): the process runs that version's
     * bytecode, as pvm does for a .pyc of that version (tools/main.c); a
     * file of another version is rejected at its magic number, so
     * run_fuzz.sh runs one campaign per version. */
    const char *version = getenv("PVM_FUZZ_PYTHON");
    if (version != NULL && strncmp(version, "3.1", 3) == 0 && version[3] >= '1' &&
        version[3] <= '4' && version[4] == '\0')
        rt_py_minor = 10 + (version[3] - '0');
    rt_init();
    gc_set_heap_limit(HEAP_LIMIT);
    ModSysFlags flags = mod_sys_default_flags();
    mod_sys_set_flags(&flags);
    char *args[] = { (char *)"fuzz.pyc" };
    mod_sys_set_orig_argv(1, args);
    ld_import_init();
    mod_builtins_init(false);
    mod_sys_set_argv(1, args);
    if (getenv("PVM_FUZZ_DISPATCH") != NULL)
        vm_set_dispatch(getenv("PVM_FUZZ_DISPATCH"));
    Value names = mod_module_names(), modules = mod_sys_modules();
    for (size_t i = 0; i < rt_tuple_len(names); i++)
        if (!is_allowed(rt_tuple_get(names, i)))
            rt_dict_set(modules, rt_tuple_get(names, i), rt_None);
    clean_modules = rt_dict_copy(modules);
    clean_builtins = rt_dict_copy(rt_builtins_dict);
    clean_sys = rt_dict_copy(VAL_AS(ObjModule, mod_sys_module())->dict);
    clean_int_max_str_digits = rt_int_max_str_digits;
    /* No files, and no source: compile(), exec() and eval() of a string
     * would start the compile service, a python3.11 co-process. */
    static const char *const removed[] = { "open", "compile", "exec", "eval", "input",
                                           "breakpoint", "help" };
    for (size_t i = 0; i < sizeof removed / sizeof removed[0]; i++)
        rt_dict_del(clean_builtins, rt_str_intern_cstr(removed[i]));
    AS_LIST(mod_sys_path())->length = 0;
    return 0;
}

/* A dict back to its start-up copy, in place (sys.modules and sys's
 * attributes are dicts others hold). */
static void restore_dict(Value dict, Value clean)
{
    Value keys = rt_list_new(0), k, v;
    for (size_t pos = 0; rt_dict_next(dict, &pos, &k, &v);)
        rt_list_append(keys, k);
    for (size_t i = 0; i < AS_LIST(keys)->length; i++)
        rt_dict_del(dict, AS_LIST(keys)->items[i]);
    rt_dict_update(dict, clean);
}

/* What an input may have changed in sys and the tracing machinery, back to
 * start-up's (sys.modules too): sys.stdout = None or sys.settrace(f) must
 * not reach the next input.  sys.path is start-up's list, emptied. */
static void reset_sys(void)
{
    restore_dict(mod_sys_modules(), clean_modules);
    restore_dict(VAL_AS(ObjModule, mod_sys_module())->dict, clean_sys);
    AS_LIST(mod_sys_path())->length = 0;
    vm_set_trace(rt_None);
    vm_set_profile(rt_None);
    vm_monitoring_reset();
    rt_int_max_str_digits = clean_int_max_str_digits;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    Value code = ld_load_pyc_bytes(data, size, "fuzz.pyc", NULL, err, sizeof err);
    if (code == VAL_NULL)
        return 0;                       /* rejected with one line: fine */
    reset_sys();
    vm_set_recursion_limit(1000);
    Value module = rt_module_new(rt_str_from_cstr("__main__"));
    Value globals = VAL_AS(ObjModule, module)->dict;
    rt_dict_set_cstr(globals, "__builtins__", rt_dict_copy(clean_builtins));
    rt_dict_set_cstr(globals, "__file__", rt_str_from_cstr("fuzz.py"));
    rt_dict_set_cstr(mod_sys_modules(), "__main__", module);
    vm_fuzz_set_budget(STEP_BUDGET);
    if (vm_run_module(AS_CODE(code), globals) == VAL_NULL)
        rt_err_clear();                 /* an exception is a fine outcome */
    rt_stdout_flush();
    return 0;
}
