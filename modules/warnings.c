/*
 * warnings.c — the `_warnings` module, after CPython 3.11's
 * Python/_warnings.c: warn(), warn_explicit() and the state they share
 * with CPython's Lib/warnings.py, which imports `filters`,
 * `_defaultaction`, `_onceregistry`, `warn`, `warn_explicit` and
 * `_filters_mutated` from here and builds catch_warnings, filterwarnings
 * and the formatting on them.  C code warns through rt_warn
 * (runtime/warnings.c), which calls warn().
 *
 * One warning goes through:
 *   1. the frame it is about (stacklevel, vm_frame_info): its file, line,
 *      globals (__name__ is the module, __warningregistry__ the registry);
 *   2. the registry: a warning already shown from that line is not shown
 *      again, until the filters change (`version` in the registry is the
 *      filters' version, bumped by _filters_mutated);
 *   3. the first filter (action, message regex, category, module regex,
 *      line) that matches, else the default action: "error" raises it,
 *      "ignore" drops it, "always"/"default"/"module"/"once" show it at
 *      most that often;
 *   4. showing it: warnings._showwarnmsg(WarningMessage(...)) when
 *      Lib/warnings.py is imported (so catch_warnings(record=True) and a
 *      replaced showwarning see it), else printed to sys.stderr here as
 *      "file:line: Category: text" and the source line.
 * While Lib/warnings.py is imported, its `filters`, `defaultaction` and
 * `onceregistry` are the ones used (a program may rebind them).
 *
 * The default filters are python3.11's: DeprecationWarning shown in
 * __main__ only, PendingDeprecationWarning, ImportWarning and
 * ResourceWarning ignored.
 */
#include <stdio.h>
#include <string.h>
#include "modules/modutil.h"
#include "modules/api.h"
#include "vm/vm.h"
#include "runtime/version.h"

static Value filters, once_registry, default_action;
static Value warnings_context;          /* 3.14: the ContextVar _warnings_context */
static long filters_version;

/* ---- the state, and Lib/warnings.py's view of it ------------------------------------- */

static Value filter_tuple(const char *action, ObjType *category, const char *module)
{
    return rt_tuple_pack(5, rt_str_from_cstr(action), rt_None, obj_val(category),
                         module ? rt_str_from_cstr(module) : rt_None, small_new(0));
}

static void init_state(void)
{
    if (filters != VAL_NULL)
        return;
    filters = rt_list_new(5);
    rt_list_append(filters, filter_tuple("default", &rt_DeprecationWarning, "__main__"));
    rt_list_append(filters, filter_tuple("ignore", &rt_DeprecationWarning, NULL));
    rt_list_append(filters, filter_tuple("ignore", &rt_PendingDeprecationWarning, NULL));
    rt_list_append(filters, filter_tuple("ignore", &rt_ImportWarning, NULL));
    rt_list_append(filters, filter_tuple("ignore", &rt_ResourceWarning, NULL));
    once_registry = rt_dict_new();
    default_action = rt_str_from_cstr("default");
    filters_version = 0;
}

/* warnings.<name> when Lib/warnings.py is imported; VAL_NULL (no
 * exception) when it is not or has no such attribute. */
static Value warnings_attr(const char *name)
{
    Value module = rt_dict_get_cstr(mod_sys_modules(), "warnings");
    if (module == VAL_NULL)
        return VAL_NULL;
    return rt_lookup_attr(module, rt_str_intern_cstr(name));
}

/* What Lib/warnings.py has for `name` when it is imported (it may have
 * rebound it), else our own *state; kept in *state either way. */
static Value synced(const char *name, Value *state)
{
    Value v = warnings_attr(name);
    if (v != VAL_NULL)
        *state = v;
    return rt_err_occurred() ? VAL_NULL : *state;
}

static Value current_filters(void)
{
    Value f = synced("filters", &filters);
    if (f != VAL_NULL && !rt_isinstance_of(f, &rt_list_type))
        return rt_raisef(&rt_ValueError, "_warnings.filters must be a list");
    return f;
}

static Value current_default_action(void)
{
    Value a = synced("defaultaction", &default_action);
    if (a != VAL_NULL && !rt_is_str(a))
        return rt_raisef(&rt_TypeError, "_warnings.defaultaction must be a string, not '%s'",
                         val_type(a)->name);
    return a;
}

static Value current_once_registry(void)
{
    Value r = synced("onceregistry", &once_registry);
    if (r != VAL_NULL && !rt_isinstance_of(r, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "_warnings.onceregistry must be a dict, not '%s'",
                         val_type(r)->name);
    return r;
}

/* ---- the frame a warning is about ------------------------------------------------------- */

/* importlib's own frames, which a stack level skips as CPython does. */
static bool is_internal(ObjCode *code)
{
    const char *f = rt_str_cstr(code->filename);
    return strstr(f, "importlib") != NULL && strstr(f, "_bootstrap") != NULL;
}

typedef struct {
    Value filename, module, registry;
    int lineno;
} Context;

/* CPython's setup_context: stack level 1 is the frame that called warn(). */
static bool setup_context(ssize_t level, Context *c)
{
    Value globals;
    ObjCode *code;
    int depth = 0;
    bool found = vm_frame_info(0, &globals, &code, &c->lineno);
    bool skip_internal = found && level > 0 && !is_internal(code);
    while (found && --level > 0) {
        found = vm_frame_info(++depth, &globals, &code, &c->lineno);
        while (found && skip_internal && is_internal(code))
            found = vm_frame_info(++depth, &globals, &code, &c->lineno);
    }
    if (found) {
        c->filename = code->filename;
    } else {
        globals = VAL_AS(ObjModule, mod_sys_module())->dict;
        c->filename = rt_str_from_cstr("sys");
        c->lineno = 1;
    }
    c->registry = rt_dict_get_cstr(globals, "__warningregistry__");
    if (c->registry == VAL_NULL) {
        c->registry = rt_dict_new();
        rt_dict_set_cstr(globals, "__warningregistry__", c->registry);
    }
    c->module = rt_dict_get_cstr(globals, "__name__");
    if (c->module == VAL_NULL || (c->module != rt_None && !rt_is_str(c->module)))
        c->module = rt_str_from_cstr("<string>");
    return true;
}

/* The module name of a file: its name without ".py" ("<unknown>" if empty). */
static Value normalize_module(Value filename)
{
    size_t n = rt_str_nbytes(filename);
    const char *s = rt_str_cstr(filename);
    if (n == 0)
        return rt_str_from_cstr("<unknown>");
    if (n >= 3 && strcmp(s + n - 3, ".py") == 0)
        return rt_str_new(s, n - 3);
    return filename;
}

/* ---- registries ---------------------------------------------------------------------- */

/* Was `key` already shown?  A registry from before the filters last
 * changed is emptied first.  With `set`, it is marked as shown now.
 * -1 on error. */
static int already_warned(Value registry, Value key, bool set)
{
    Value version = rt_dict_get_cstr(registry, "version");
    if (version == VAL_NULL || !val_is_small(version) || small_value(version) != filters_version) {
        if (mod_call_method(registry, "clear", NULL, 0) == VAL_NULL)
            return -1;
        rt_dict_set_cstr(registry, "version", small_new(filters_version));
    } else {
        bool err = false;
        Value shown = rt_dict_get(registry, key, &err);
        if (err)
            return -1;
        if (shown != VAL_NULL) {
            int r = rt_truthy(shown);
            if (r != 0)
                return r;
        }
    }
    return set && !rt_dict_set(registry, key, rt_True) ? -1 : 0;
}

/* ---- filters -------------------------------------------------------------------------------- */

/* A filter's message or module part against the warning's: None matches
 * everything, a str (the default filters') only itself, anything else is a
 * compiled regex whose match() decides.  -1 on error. */
static int matches(Value pattern, Value text)
{
    if (pattern == rt_None)
        return 1;
    if (is_str(pattern))
        return rt_is_str(text) && strcmp(rt_str_cstr(pattern), rt_str_cstr(text)) == 0;
    Value m = mod_call_method(pattern, "match", &text, 1);
    return m == VAL_NULL ? -1 : rt_truthy(m);
}

/* Search one list of filters: *action is the action of the first filter
 * matching (and *item that filter), VAL_NULL when none does.  False on
 * error; `what` names the list in its errors. */
static bool search_filters(Value list, const char *what, Value category, Value text, int lineno,
                           Value module, Value *action, Value *item)
{
    *action = VAL_NULL;
    for (size_t i = 0; i < AS_LIST(list)->length; i++) {
        Value f = AS_LIST(list)->items[i];
        if (!is_tuple(f) || rt_tuple_len(f) != 5) {
            rt_raisef(&rt_ValueError, "%s item %zu isn't a 5-tuple", what, i);
            return false;
        }
        Value act = rt_tuple_get(f, 0);
        if (!rt_is_str(act)) {
            rt_raisef(&rt_TypeError, "action must be a string, not '%s'", val_type(act)->name);
            return false;
        }
        int good_msg = matches(rt_tuple_get(f, 1), text);
        int good_mod = good_msg > 0 ? matches(rt_tuple_get(f, 3), module) : good_msg;
        Value sub = good_mod > 0 ? rt_call2(rt_dict_get_cstr(rt_builtins_dict, "issubclass"),
                                            category, rt_tuple_get(f, 2)) : rt_False;
        ssize_t ln;
        if (good_msg < 0 || good_mod < 0 || sub == VAL_NULL)
            return false;
        if (!rt_isinstance_of(rt_tuple_get(f, 4), &rt_int_type)) {
            rt_raisef(&rt_TypeError, "an integer is required");
            return false;
        }
        if (!mod_int_as_ssize(rt_tuple_get(f, 4), &ln))
            return false;
        if (good_msg && good_mod && sub == rt_True && (ln == 0 || ln == lineno)) {
            *item = f;
            *action = act;
            return true;
        }
    }
    return true;
}

/* 3.14: the filters of the catch_warnings context in force (the
 * _warnings_context ContextVar holds it when sys.flags.context_aware_warnings
 * is set), rt_None when there is none. */
static Value context_filters(void)
{
    if (warnings_context == VAL_NULL)
        return rt_None;
    Value none = rt_None;
    Value ctx = mod_call_method(warnings_context, "get", &none, 1);
    if (ctx == VAL_NULL || ctx == rt_None)
        return ctx;
    Value list = rt_getattr(ctx, RT_NAME("_filters"));
    if (list != VAL_NULL && !rt_isinstance_of(list, &rt_list_type))
        return rt_raisef(&rt_ValueError, "_warnings_context _filters must be a list");
    return list;
}

/* The action of the first filter matching (the context's, else the
 * global ones), and the filter (*item; None for the default action).
 * VAL_NULL on error. */
static Value find_action(Value category, Value text, int lineno, Value module, Value *item)
{
    Value action, list = context_filters();
    if (list == VAL_NULL)
        return VAL_NULL;
    const char *what = "_warnings_context _filters";
    if (list == rt_None) {
        list = current_filters();
        what = "_warnings.filters";
    }
    if (list == VAL_NULL ||
        !search_filters(list, what, category, text, lineno, module, &action, item))
        return VAL_NULL;
    if (action != VAL_NULL)
        return action;
    *item = rt_None;
    return current_default_action();
}

/* ---- showing a warning ------------------------------------------------------------------- */

static bool write_stderr(Value stderr_file, const char *s)
{
    Value text = rt_str_from_cstr(s);
    return mod_call_method(stderr_file, "write", &text, 1) != VAL_NULL;
}

/* Line `lineno` of the file (1-based), without its newline; VAL_NULL when
 * it cannot be read.  A relative name is also looked for on sys.path, as
 * CPython's _Py_FindSourceFile does. */
static Value source_line(Value filename, int lineno)
{
    const char *name = rt_str_cstr(filename);
    FILE *f = fopen(name, "r");
    const char *tail = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    Value path = mod_sys_path();
    for (size_t i = 0; f == NULL && name[0] != '/' && i < AS_LIST(path)->length; i++) {
        Value dir = AS_LIST(path)->items[i];
        if (!is_str(dir))
            continue;
        Value joined = rt_str_format_c("%s/%s", rt_str_cstr(dir), tail);
        f = fopen(rt_str_cstr(joined), "r");
    }
    if (f == NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    int c, line = 1;
    while ((c = fgetc(f)) != EOF && line <= lineno) {
        if (c == '\n')
            line++;
        else if (line == lineno)
            sb_addc(&sb, (char)c);
    }
    fclose(f);
    return line > lineno || (line == lineno && c == EOF) ? sb_finish(&sb) : VAL_NULL;
}

/* "file:line: Category: text" and "  the source line" on sys.stderr, when
 * Lib/warnings.py is not there to do it (CPython's show_warning; a failure
 * to write is not reported). */
static bool write_warning(Value filename, int lineno, Value text, Value category, Value line)
{
    Value sys = mod_sys_module();
    Value err = rt_lookup_attr(sys, RT_NAME("stderr"));
    if (err == VAL_NULL || err == rt_None) {
        if (rt_err_occurred())
            return false;
        fputs("lost sys.stderr\n", stderr);
        return true;
    }
    Value name = rt_getattr_cstr(category, "__name__");
    Value str = name ? rt_str(text) : VAL_NULL;
    if (str == VAL_NULL)
        return false;
    Value head = rt_str_format_c("%s:%d: %S: %S\n", rt_str_cstr(filename), lineno, name, str);
    if (!write_stderr(err, rt_str_cstr(head)))
        return false;
    if (line == VAL_NULL)
        line = source_line(filename, lineno);
    if (line == VAL_NULL || !rt_is_str(line))
        return true;
    const char *s = rt_str_cstr(line);
    s += strspn(s, " \t\f");
    Value indented = rt_str_format_c("  %s\n", s);
    return write_stderr(err, rt_str_cstr(indented));
}

static void print_warning(Value filename, int lineno, Value text, Value category, Value line)
{
    if (!write_warning(filename, lineno, text, category, line))
        rt_err_clear();
}

/* warnings._showwarnmsg(WarningMessage(...)), or print_warning. */
static bool show(Value category, Value text, Value message, Value filename, int lineno,
                 Value line, Value source)
{
    Value show_fn = warnings_attr("_showwarnmsg");
    if (show_fn == VAL_NULL) {
        if (rt_err_occurred())
            return false;
        print_warning(filename, lineno, text, category, line);
        return true;
    }
    if (!rt_callable(show_fn)) {
        rt_raisef(&rt_TypeError, "warnings._showwarnmsg() must be set to a callable");
        return false;
    }
    Value cls = warnings_attr("WarningMessage");
    if (cls == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_RuntimeError, "unable to get warnings.WarningMessage");
        return false;
    }
    Value args[7] = { message, category, filename, small_new(lineno), rt_None, rt_None,
                      source ? source : rt_None };
    Value msg = rt_call(cls, args, 7, VAL_NULL);
    return msg != VAL_NULL && rt_call1(show_fn, msg) != VAL_NULL;
}

/* ---- warn_explicit: the whole decision ---------------------------------------------------- */

/* Record in the registries what `action` says, and decide whether to show:
 * 1 show, 0 already shown, -1 error. */
static int record(Value action, Value item, Value registry, Value key, Value text,
                  Value category)
{
    const char *a = rt_str_cstr(action);
    if (strcmp(a, "always") == 0)
        return 1;
    bool has_registry = registry != VAL_NULL && registry != rt_None;
    if (has_registry && !rt_dict_set(registry, key, rt_True))
        return -1;
    int r = 0;
    if (strcmp(a, "once") == 0) {
        /* CPython's C code marks (text, category) in the module's registry
         * when there is one, else in the once registry. */
        Value once = has_registry ? registry : current_once_registry();
        r = once == VAL_NULL ? -1 : already_warned(once, rt_tuple_pack(2, text, category), true);
    } else if (strcmp(a, "module") == 0) {
        if (has_registry)
            r = already_warned(registry, rt_tuple_pack(3, text, category, small_new(0)), true);
    } else if (strcmp(a, "default") != 0) {
        rt_raisef(&rt_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                  action, item);
        return -1;
    }
    return r < 0 ? -1 : r == 0;
}

static Value warn_explicit(Value category, Value message, Value filename, int lineno,
                           Value module, Value registry, Value line, Value source)
{
    init_state();
    if (module == rt_None)                      /* as CPython: a warning at shutdown */
        return rt_None;
    if (registry != VAL_NULL && registry != rt_None && !rt_isinstance_of(registry, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "'registry' must be a dict or None");
    if (source == rt_None)
        source = VAL_NULL;
    if (module == VAL_NULL)
        module = normalize_module(filename);
    Value text = message;
    if (rt_isinstance_of(message, &rt_Warning)) {
        if ((text = rt_str(message)) == VAL_NULL)
            return VAL_NULL;
        category = obj_val(val_type(message));
    } else if ((message = rt_call1(category, message)) == VAL_NULL) {
        return VAL_NULL;
    }
    Value key = rt_tuple_pack(3, text, category, small_new(lineno));
    if (registry != VAL_NULL && registry != rt_None) {
        int r = already_warned(registry, key, false);
        if (r != 0)
            return r < 0 ? VAL_NULL : rt_None;
    }
    Value item = rt_None;
    Value action = find_action(category, text, lineno, module, &item);
    if (action == VAL_NULL)
        return VAL_NULL;
    const char *a = rt_str_cstr(action);
    if (strcmp(a, "error") == 0)
        return rt_raise(message);
    if (strcmp(a, "ignore") == 0)
        return rt_None;
    int r = record(action, item, registry, key, text, category);
    if (r < 0)
        return VAL_NULL;
    if (r > 0 && !show(category, text, message, filename, lineno, line, source))
        return VAL_NULL;
    return rt_None;
}

/* ---- the module's functions ------------------------------------------------------------- */

/* The category a warning is raised as: a Warning instance's own class,
 * else the one given (UserWarning by default), which must be a Warning. */
static Value warning_category(Value message, Value category)
{
    if (rt_isinstance_of(message, &rt_Warning))
        return obj_val(val_type(message));
    if (category == VAL_NULL || category == rt_None)
        return obj_val(&rt_UserWarning);
    if (!rt_isinstance_of(category, &rt_type_type) ||
        !rt_is_subtype(AS_TYPE(category), &rt_Warning))
        return rt_raisef(&rt_TypeError, "category must be a Warning subclass, not '%s'",
                         val_type(category)->name);
    return category;
}

/* warn(message, category=None, stacklevel=1, source=None) */
static Value w_warn(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "message", "category", "stacklevel", "source" };
    static const ArgSpec spec = { "warn", names, 4, 0, 1, 4, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value category = warning_category(a[0], a[1]);
    ssize_t level = 1;
    if (category == VAL_NULL || (a[2] != VAL_NULL && !rt_as_ssize(a[2], &level)))
        return VAL_NULL;
    Context c;
    if (!setup_context(level, &c))
        return VAL_NULL;
    return warn_explicit(category, a[0], c.filename, c.lineno, c.module, c.registry, VAL_NULL,
                         a[3]);
}

/* warn_explicit(message, category, filename, lineno, module=None,
 *               registry=None, module_globals=None, source=None) */
static Value w_warn_explicit(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "message", "category", "filename", "lineno", "module",
                                         "registry", "module_globals", "source" };
    static const ArgSpec spec = { "warn_explicit", names, 8, 0, 4, 8, false };
    Value a[8];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!rt_is_str(a[2]))
        return rt_raisef(&rt_TypeError, rt_py_minor >= 12
                         ? "warn_explicit() argument 'filename' must be str, not %s"
                         : "warn_explicit() argument 3 must be str, not %s",
                         val_type(a[2])->name);
    ssize_t lineno;
    if (!rt_as_ssize(a[3], &lineno))
        return VAL_NULL;
    if (a[6] != VAL_NULL && a[6] != rt_None && !rt_isinstance_of(a[6], &rt_dict_type))
        return rt_raisef(&rt_TypeError, "module_globals must be a dict, not '%s'",
                         val_type(a[6])->name);
    return warn_explicit(a[1], a[0], a[2], (int)lineno, a[4], a[5], VAL_NULL, a[7]);
}

static Value w_filters_mutated(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_warnings._filters_mutated", nargs, kw))
        return VAL_NULL;
    filters_version++;
    return rt_None;
}

/* 3.14's _acquire_lock() and _release_lock(), which Lib/warnings.py holds
 * around changes to the filters: pvm's global lock already serializes
 * them with warn(), so there is nothing more to hold. */
static Value w_lock_noop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("_warnings lock", nargs, kw))
        return VAL_NULL;
    return rt_None;
}

static const MethodDef warnings_functions[] = {
    {"warn", w_warn}, {"warn_explicit", w_warn_explicit},
    {"_filters_mutated", w_filters_mutated}, {NULL, NULL}
};

/* What 3.14's Lib/warnings.py also imports, or it falls back to
 * _py_warnings entirely. */
static const MethodDef warnings_functions_314[] = {
    {"_filters_mutated_lock_held", w_filters_mutated},
    {"_acquire_lock", w_lock_noop}, {"_release_lock", w_lock_noop}, {NULL, NULL}
};

Value mod__warnings_init(void)
{
    init_state();
    Value m = mod_module_new("_warnings", warnings_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "_warnings provides basic warning filtering support.\n"
        "It is a helper module to speed up interpreter start-up."));
    mod_module_set(m, "filters", filters);
    mod_module_set(m, "_defaultaction", default_action);
    mod_module_set(m, "_onceregistry", once_registry);
    if (rt_py_minor >= 14) {
        mod_module_add_functions(m, warnings_functions_314);
        Value contextvars = mod_import("_contextvars");
        Value make = contextvars == VAL_NULL ? VAL_NULL
                   : rt_getattr(contextvars, RT_NAME("ContextVar"));
        warnings_context = make == VAL_NULL ? VAL_NULL
                         : rt_call1(make, rt_str_from_cstr("_warnings_context"));
        if (warnings_context == VAL_NULL)
            return VAL_NULL;
        mod_module_set(m, "_warnings_context", warnings_context);
    }
    return m;
}
