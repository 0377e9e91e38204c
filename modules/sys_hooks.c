/*
 * sys_hooks.c — the places where CPython lets a program replace what the
 * interpreter does, each with CPython's default behaviour:
 *
 *   sys.displayhook(value)        the prompt shows an expression's value
 *   sys.excepthook(t, v, tb)      an exception nobody caught is shown
 *   sys.unraisablehook(args)      an exception that cannot propagate (a
 *                                 failing __del__, a generator's close)
 *   sys.breakpointhook(*a, **k)   what breakpoint() calls ($PYTHONBREAKPOINT)
 *   sys.audit / addaudithook      PEP 578 audit events
 *
 * Each default is also kept as sys.__displayhook__, __excepthook__,
 * __unraisablehook__ and __breakpointhook__, so a program can restore it.
 *
 * The top level (tools/main.c) and the prompt (tools/repl.c) report an
 * uncaught exception through mod_sys_report_uncaught, which is CPython's
 * PyErr_Print: when sys.excepthook is still the default, the traceback is
 * printed directly; otherwise the program's hook is called, and if that
 * fails both exceptions are shown ("Error in sys.excepthook:" ...
 * "Original exception was:").
 *
 * Audit hooks: pvm raises no audit events of its own; sys.audit(event,
 * *args) calls the hooks a program added, in order, as CPython does for
 * the events Python code raises.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include "runtime/runtime.h"
#include "runtime/codecs.h"
#include "runtime/structseq.h"
#include "modules/api.h"
#include "modules/sys.h"
#include "modules/modutil.h"
#include "runtime/version.h"

static Value audit_hooks;              /* list, made on first addaudithook */

/* sys.stdout or sys.stderr, or RuntimeError "lost sys.stdout". */
static Value sys_stream(const char *name)
{
    Value s = mod_sys_get(name);
    if (s == VAL_NULL || s == rt_None)
        return rt_raisef(&rt_RuntimeError, "lost sys.%s", name);
    return s;
}

/* ---- displayhook ------------------------------------------------------------------- */

/* sys.displayhook(value): what the interactive prompt does with the value of
 * an expression statement (PRINT_EXPR): None is not shown; anything else
 * is written to sys.stdout as its repr and a newline, and bound to
 * builtins._ (set to None first, so that a repr() that reads _ does not
 * see the value being shown). */
/* A repr that sys.stdout's encoding cannot encode is written with its
 * unencodable characters escaped (backslashreplace): as bytes to
 * stdout.buffer, or decoded again without one (CPython's
 * sys_displayhook_unencodable). */
static bool write_unencodable(Value out, Value text)
{
    Value encoding = rt_getattr_cstr(out, "encoding");
    Value b = encoding != VAL_NULL
        ? rt_codec_encode(text, encoding, rt_str_from_cstr("backslashreplace")) : VAL_NULL;
    if (b == VAL_NULL)
        return false;
    Value buffer = rt_lookup_attr(out, RT_NAME("buffer"));
    if (buffer == VAL_NULL && rt_err_occurred())
        return false;
    if (buffer != VAL_NULL)
        return mod_call_method(buffer, "write", &b, 1) != VAL_NULL;
    Value again = rt_codec_decode(b, encoding, rt_str_from_cstr("strict"));
    return again != VAL_NULL && mod_call_method(out, "write", &again, 1) != VAL_NULL;
}

static Value sys_displayhook(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("sys.displayhook", nargs, kwnames))
        return VAL_NULL;
    if (args[0] == rt_None)
        return rt_None;
    rt_dict_set_cstr(rt_builtins_dict, "_", rt_None);
    Value out = sys_stream("stdout");
    Value text = out != VAL_NULL ? rt_repr(args[0]) : VAL_NULL;
    Value write = text != VAL_NULL ? rt_getattr_cstr(out, "write") : VAL_NULL;
    if (write == VAL_NULL)
        return VAL_NULL;
    if (rt_call1(write, text) == VAL_NULL) {
        if (!rt_err_matches(&rt_UnicodeEncodeError))
            return VAL_NULL;
        rt_err_clear();
        if (!write_unencodable(out, text))
            return VAL_NULL;
    }
    if (rt_call1(write, rt_str_from_cstr("\n")) == VAL_NULL)
        return VAL_NULL;
    rt_dict_set_cstr(rt_builtins_dict, "_", args[0]);
    return rt_None;
}

/* ---- excepthook ---------------------------------------------------------------------- */

static bool is_exception(Value v)
{
    return (val_type(v)->flags & TF_EXCEPTION) != 0;
}

static void display_to(FILE *out, Value value, Value tb)
{
    if (!is_exception(value)) {
        fprintf(out, "TypeError: print_exception(): Exception expected for value, "
                "%s found\n", val_type(value)->name);
        return;
    }
    if (tb != VAL_NULL && val_type(tb) == &rt_traceback_type)
        AS_EXC(value)->traceback = tb;
    rt_print_exception_fallback(out, value);
}

/* 3.13's PyErr_Display asks the traceback module first
 * (traceback._print_exception_bltin(value)); false when that fails, the
 * error cleared, for the C printer to show it. */
static bool display_by_traceback_module(Value value, Value tb)
{
    if (rt_py_minor < 13 || !is_exception(value))
        return false;
    if (tb != VAL_NULL && val_type(tb) == &rt_traceback_type)
        AS_EXC(value)->traceback = tb;
    Value saved = rt_err_fetch();
    Value module = mod_import("traceback");
    Value print = module != VAL_NULL ? rt_getattr_cstr(module, "_print_exception_bltin")
                                     : VAL_NULL;
    bool ok = print != VAL_NULL && rt_call1(print, value) != VAL_NULL;
    rt_err_clear();
    if (saved != VAL_NULL)
        rt_raise(saved);
    return ok;
}

/* The C printer's text written to err, sys.stderr: a program that
 * replaced it (captured_stderr) gets the text through its write(). */
static void display_to_stream(Value err, Value value, Value tb)
{
    Value sys = VAL_AS(ObjModule, mod_sys_module())->dict;
    if (err == VAL_NULL || err == rt_None || err == rt_dict_get_cstr(sys, "__stderr__")) {
        display_to(stderr, value, tb);
        return;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (out == NULL) {
        display_to(stderr, value, tb);
        return;
    }
    display_to(out, value, tb);
    fclose(out);
    Value text = rt_str_new(buf, len);
    free(buf);
    Value saved = rt_err_fetch();
    Value write = rt_getattr_cstr(err, "write");
    if (write == VAL_NULL || rt_call1(write, text) == VAL_NULL)
        rt_err_clear();
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* CPython's PyErr_Display: the traceback attached to value, as the
 * traceback module prints it, written to sys.stderr; the C printer ends
 * with sys.stderr.flush(), its errors ignored (a program that replaced
 * the method sees the call; 3.13's traceback module makes none). */
static void display(Value value, Value tb)
{
    rt_stdout_flush();
    if (display_by_traceback_module(value, tb))
        return;
    Value err = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "stderr");
    display_to_stream(err, value, tb);
    if (err == VAL_NULL || err == rt_None)
        return;
    Value saved = rt_err_fetch();
    if (mod_call_method(err, "flush", NULL, 0) == VAL_NULL)
        rt_err_clear();
    if (saved != VAL_NULL)
        rt_raise(saved);
}

/* sys.excepthook(type, value, traceback) */
static Value sys_excepthook(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("excepthook", kwnames) || !rt_arg_range("excepthook", nargs, 3, 3))
        return VAL_NULL;
    display(args[1], args[2]);
    return rt_None;
}

static Value default_excepthook;

Value mod_sys_report_uncaught(Value exc)
{
    Value sys = VAL_AS(ObjModule, mod_sys_module())->dict;
    Value type = obj_val(val_type(exc)), tb = AS_EXC(exc)->traceback;
    rt_dict_set_cstr(sys, "last_type", type);
    rt_dict_set_cstr(sys, "last_value", exc);
    rt_dict_set_cstr(sys, "last_traceback", tb);
    Value hook = rt_dict_get_cstr(sys, "excepthook");
    if (hook == default_excepthook) {
        display(exc, tb);
        return VAL_NULL;
    }
    if (hook == VAL_NULL) {
        rt_stdout_flush();
        fputs("sys.excepthook is missing\n", stderr);
        display(exc, tb);
        return VAL_NULL;
    }
    Value args[3] = { type, exc, tb };
    if (rt_call(hook, args, 3, VAL_NULL) != VAL_NULL) {
        rt_stdout_flush();
        return VAL_NULL;
    }
    Value failure = rt_err_fetch();
    if (rt_isinstance_of(failure, &rt_SystemExit))
        return failure;
    rt_stdout_flush();
    fputs("Error in sys.excepthook:\n", stderr);
    display(failure, AS_EXC(failure)->traceback);
    fputs("\nOriginal exception was:\n", stderr);
    display(exc, tb);
    return VAL_NULL;
}

/* ---- unraisablehook ---------------------------------------------------------------- */

static const char *const unraisable_fields[] = {
    "exc_type", "exc_value", "exc_traceback", "err_msg", "object",
};

/* "module.Name" of an exception class, "Name" for a builtin one. */
static void print_type_name(Value type)
{
    Value mod = rt_getattr_cstr(type, "__module__");
    Value name = mod != VAL_NULL ? rt_getattr_cstr(type, "__qualname__") : VAL_NULL;
    if (name == VAL_NULL || !is_str(name)) {
        rt_err_clear();
        fputs("<unknown>", stderr);
        return;
    }
    if (is_str(mod) && strcmp(rt_str_cstr(mod), "builtins") != 0)
        fprintf(stderr, "%s.", rt_str_cstr(mod));
    fputs(rt_str_cstr(name), stderr);
}

/* CPython's write_unraisable_exc_file: "Exception ignored in: <obj>" (or
 * err_msg), the traceback, then "Type: message". */
static void write_unraisable(Value type, Value value, Value tb, Value msg, Value obj)
{
    rt_stdout_flush();
    if (obj != rt_None) {
        Value r = rt_repr(obj);
        if (msg != rt_None && is_str(msg))
            fprintf(stderr, "%s: ", rt_str_cstr(msg));
        else
            fputs("Exception ignored in: ", stderr);
        fprintf(stderr, "%s\n", r != VAL_NULL ? rt_str_cstr(r) : "<object repr() failed>");
        rt_err_clear();
    } else if (msg != rt_None && is_str(msg)) {
        fprintf(stderr, "%s:\n", rt_str_cstr(msg));
    }
    if (is_exception(value)) {
        if (tb != rt_None && val_type(tb) == &rt_traceback_type)
            AS_EXC(value)->traceback = tb;
        rt_print_unraisable(value);
        return;
    }
    if (type == rt_None)
        return;
    print_type_name(type);
    Value s = value != rt_None ? rt_str(value) : VAL_NULL;
    fprintf(stderr, s != VAL_NULL ? ": %s\n" : "\n", s != VAL_NULL ? rt_str_cstr(s) : "");
    rt_err_clear();
}

static ObjType *unraisable_type;

/* The type of sys.unraisablehook's argument (CPython does not expose it
 * either: it reaches Python code only as the argument of the hook). */
static ObjType *unraisable_args_type(void)
{
    static const RtStructSeqDesc desc = { "UnraisableHookArgs", unraisable_fields, 5, 5 };
    if (unraisable_type == NULL)
        unraisable_type = rt_structseq_type_new(&desc);
    return unraisable_type;
}

/* sys.unraisablehook(unraisable): an UnraisableHookArgs. */
static Value sys_unraisablehook(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("sys.unraisablehook", nargs, kwnames))
        return VAL_NULL;
    if (val_type(args[0]) != unraisable_args_type())
        return rt_raisef(&rt_TypeError, "sys.unraisablehook argument type must be "
                         "UnraisableHookArgs");
    const Value *v = AS_TUPLE(args[0])->items;
    if (v[0] != rt_None && !(rt_isinstance_of(v[0], &rt_type_type) &&
                             (AS_TYPE(v[0])->flags & TF_EXCEPTION)))
        return rt_raisef(&rt_TypeError, "sys.unraisablehook argument type must be subclass "
                         "of BaseException");
    write_unraisable(v[0], v[1], v[2], v[3], v[4]);
    return rt_None;
}

/* CPython's _PyErr_WriteUnraisableMsg: an exception nobody can catch (a
 * thread's, a weak reference callback's...) goes to sys.unraisablehook as
 * UnraisableHookArgs, err_msg "Exception ignored " + what (None when what
 * is NULL: the hook then says "Exception ignored in: obj").  Without a hook
 * it is written here; a hook that fails is itself reported, as CPython
 * does. */
void mod_sys_write_unraisable(Value exc, const char *what, Value obj)
{
    Value tb = AS_EXC(exc)->traceback != VAL_NULL ? AS_EXC(exc)->traceback : rt_None;
    Value msg = what != NULL ? rt_str_format_c("Exception ignored %s", what) : rt_None;
    Value items[5] = { obj_val(val_type(exc)), exc, tb, msg, obj != VAL_NULL ? obj : rt_None };
    Value hook = mod_sys_get("unraisablehook");
    if (hook == VAL_NULL || hook == rt_None) {
        write_unraisable(items[0], items[1], items[2], items[3], items[4]);
        return;
    }
    Value args = rt_structseq_new(unraisable_args_type(), items);
    if (rt_call(hook, &args, 1, VAL_NULL) != VAL_NULL)
        return;
    Value hook_exc = rt_err_fetch();
    write_unraisable(obj_val(val_type(hook_exc)), hook_exc, AS_EXC(hook_exc)->traceback,
                     rt_str_from_cstr("Exception ignored in sys.unraisablehook"), hook);
}

/* ---- breakpointhook ------------------------------------------------------------------ */

/* Import a dotted module and return it (not its top-level package). */
static Value import_module(Value name)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return rt_raisef(&rt_ImportError, "__import__ not found");
    Value args[4] = { name, rt_None, rt_None, rt_tuple_pack(1, rt_str_from_cstr("*")) };
    return rt_call(import, args, 4, VAL_NULL);
}

/* sys.breakpointhook(*args, **kws): $PYTHONBREAKPOINT names the function
 * ("pdb.set_trace" when unset or empty, "0" disables), which is imported
 * and called; one that cannot be imported is a RuntimeWarning, as in
 * CPython. */
static Value sys_breakpointhook(Value *args, size_t nargs, Value kwnames)
{
    const char *env = mod_sys_getenv("PYTHONBREAKPOINT");
    if (env == NULL || env[0] == '\0')
        env = "pdb.set_trace";
    else if (strcmp(env, "0") == 0)
        return rt_None;
    const char *dot = strrchr(env, '.');
    if (dot != env) {                   /* ".x": no module to import */
        Value modname = dot ? rt_str_new(env, (size_t)(dot - env)) : rt_str_from_cstr("builtins");
        Value attr = rt_str_from_cstr(dot ? dot + 1 : env);
        Value module = import_module(modname);
        Value hook = module != VAL_NULL ? rt_getattr(module, attr) : VAL_NULL;
        if (hook != VAL_NULL)
            return rt_call(hook, args, nargs, kwnames);
        if (!rt_err_matches(module == VAL_NULL ? &rt_ImportError : &rt_AttributeError))
            return VAL_NULL;
        rt_err_clear();
    }
    char msg[300];
    snprintf(msg, sizeof msg, "Ignoring unimportable $PYTHONBREAKPOINT: \"%.250s\"", env);
    return rt_warn(&rt_RuntimeWarning, msg, 0) < 0 ? VAL_NULL : rt_None;
}

/* builtins.breakpoint(*args, **kws): sys.breakpointhook(*args, **kws)
 * (installed by sitebuiltins.c with the other builtins modules/ adds). */
Value mod_builtin_breakpoint(Value *args, size_t nargs, Value kwnames)
{
    Value hook = mod_sys_get("breakpointhook");
    if (hook == VAL_NULL)
        return rt_raisef(&rt_RuntimeError, "lost sys.breakpointhook");
    return rt_call(hook, args, nargs, kwnames);
}

/* ---- audit hooks ---------------------------------------------------------------------- */

/* Call every hook with (event, args). */
static bool run_audit_hooks(Value event, Value args)
{
    if (audit_hooks == VAL_NULL)
        return true;
    for (size_t i = 0; i < AS_LIST(audit_hooks)->length; i++)
        if (rt_call2(AS_LIST(audit_hooks)->items[i], event, args) == VAL_NULL)
            return false;
    return true;
}

/* sys.audit(event, *args) */
static Value sys_audit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("audit", kwnames))
        return VAL_NULL;
    /* 3.14 reads its arguments with Argument Clinic: the event is always
     * checked, in its words. */
    if (rt_py_minor >= 14 && nargs == 0)
        return rt_raisef(&rt_TypeError, "audit expected at least 1 argument, got 0");
    if (rt_py_minor >= 14 && !rt_isinstance_of(args[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "audit() argument 1 must be str, not %T", args[0]);
    if (nargs == 0)
        return rt_raisef(&rt_TypeError, "audit() missing 1 required positional argument: "
                         "'event'");
    if (audit_hooks == VAL_NULL)            /* no hooks: nothing is even checked */
        return rt_None;
    if (!rt_isinstance_of(args[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "expected str for argument 'event', not %T", args[0]);
    return run_audit_hooks(args[0], rt_tuple_from(args + 1, nargs - 1)) ? rt_None : VAL_NULL;
}

/* sys.addaudithook(hook): the hooks already there see "sys.addaudithook"
 * first, and may veto it by raising (an Exception subclass is swallowed,
 * leaving the hook out, as in CPython). */
static Value sys_addaudithook(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "hook" };
    static const ArgSpec spec = { "addaudithook", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!run_audit_hooks(rt_str_from_cstr("sys.addaudithook"), rt_empty_tuple)) {
        if (!rt_err_matches(&rt_Exception))
            return VAL_NULL;
        rt_err_clear();
        return rt_None;
    }
    if (audit_hooks == VAL_NULL)
        audit_hooks = rt_list_new(1);
    rt_list_append(audit_hooks, a[0]);
    return rt_None;
}

/* ---- into sys --------------------------------------------------------------------------- */

static const MethodDef hook_functions[] = {
    {"displayhook", sys_displayhook},
    {"excepthook", sys_excepthook},
    {"unraisablehook", sys_unraisablehook},
    {"breakpointhook", sys_breakpointhook},
    {"audit", sys_audit},
    {"addaudithook", sys_addaudithook},
    {NULL, NULL},
};

void mod_sys_add_hooks(Value m)
{
    Value d = VAL_AS(ObjModule, m)->dict;
    mod_module_add_functions(m, hook_functions);
    for (const MethodDef *f = hook_functions; f->name; f++) {
        Value fn = rt_dict_get_cstr(d, f->name);
        if (strstr(f->name, "hook") != NULL && strncmp(f->name, "add", 3) != 0)
            rt_dict_set_cstr(d, rt_str_cstr(rt_str_format_c("__%s__", f->name)), fn);
    }
    default_excepthook = rt_dict_get_cstr(d, "excepthook");
    rt_unraisable_handler = mod_sys_write_unraisable;
}
