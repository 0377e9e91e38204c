/*
 * sys.c — the sys module: what the interpreter knows about itself and about
 * how it was started.
 *
 * The command line (tools/main.c) fills in argv, path and flags.optimize before
 * __main__ runs; the import system (loader/import.c) owns the contents of
 * modules.  sys.stdout/stderr/stdin are fileio.c's stream objects, so
 * sys.stdout.write shares print()'s buffer.
 *
 * version_info and flags are "struct sequences": tuples whose items also have
 * names (sys.version_info.major == sys.version_info[0]).  pvm has one small
 * type for them here.  sys.implementation is a SimpleNamespace.
 *
 * Version: pvm runs the bytecode of CPython 3.11 (magic 3495, the same for
 * every 3.11.x), so it reports 3.11 — and the micro version of the CPython
 * 3.11 release it is tested against (3.11.7), since programs that print
 * sys.version_info should print what that python3.11 prints.  sys.version
 * says "pvm" so nobody mistakes it for CPython.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "modules/api.h"
#include "runtime/version.h"
#include "vm/vm.h"

#define PY_MICRO 7

static Value sys_module, sys_path, sys_modules, sys_argv;
static int optimize_level;
static bool dont_write_bytecode;        /* -B, PYTHONDONTWRITEBYTECODE */

/* ---- struct sequences ------------------------------------------------------------ */

typedef struct StructSeqType {
    ObjType type;
    const char *const *fields;
    size_t nfields;
} StructSeqType;

static Value structseq_getattr(Value self, Value name)
{
    StructSeqType *t = (StructSeqType *)val_type(self);
    for (size_t i = 0; i < t->nfields; i++)
        if (strcmp(t->fields[i], rt_str_cstr(name)) == 0)
            return AS_TUPLE(self)->items[i];
    return rt_attr_fallback(self, name);
}

/* sys.version_info(major=3, minor=11, ...) */
static Value structseq_repr(Value self)
{
    StructSeqType *t = (StructSeqType *)val_type(self);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, t->type.name);
    sb_addc(&sb, '(');
    for (size_t i = 0; i < t->nfields; i++) {
        if (i > 0)
            sb_adds(&sb, ", ");
        sb_adds(&sb, t->fields[i]);
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, AS_TUPLE(self)->items[i]))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static void structseq_ready(StructSeqType *t)
{
    t->type.ob.type = &rt_type_type;
    t->type.base = &rt_tuple_type;
    t->type.flags |= TF_TUPLE_SUBCLASS;
    t->type.repr = structseq_repr;
    t->type.getattr = structseq_getattr;
    rt_type_ready(&t->type, NULL);
}

static Value structseq_new(StructSeqType *t, const Value *items)
{
    Value v = rt_tuple_from(items, t->nfields);
    AS_TUPLE(v)->ob.type = &t->type;
    return v;
}

static const char *const version_fields[] = { "major", "minor", "micro", "releaselevel", "serial" };
static StructSeqType version_info_type = {
    .type.name = "sys.version_info", .fields = version_fields, .nfields = 5,
};

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
    "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
    "safe_path", "int_max_str_digits",
};
static StructSeqType flags_type = {
    .type.name = "sys.flags", .fields = flags_fields, .nfields = 18,
};

static Value make_flags(void)
{
    Value items[18];
    for (int i = 0; i < 18; i++)
        items[i] = small_new(0);
    items[3] = small_new(optimize_level);
    items[4] = small_new(dont_write_bytecode);
    items[11] = small_new(1);                       /* hash_randomization */
    items[13] = rt_False;                           /* dev_mode */
    items[16] = rt_False;                           /* safe_path */
    items[17] = small_new(-1);                      /* int_max_str_digits: default */
    return structseq_new(&flags_type, items);
}

/* ---- SimpleNamespace (sys.implementation) ------------------------------------------ */

static Value namespace_repr(Value self)
{
    Value d = VAL_AS(ObjInstance, self)->dict;
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "namespace(");
    Value k, v;
    bool first = true;
    for (size_t i = 0; rt_dict_next(d, &i, &k, &v); first = false) {
        if (!first)
            sb_adds(&sb, ", ");
        if (!sb_add_value_str(&sb, k))
            return VAL_NULL;
        sb_addc(&sb, '=');
        if (!sb_add_value_repr(&sb, v))
            return VAL_NULL;
    }
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static ObjType namespace_type = {
    .ob.type = &rt_type_type, .name = "types.SimpleNamespace",
    .dict_offset = offsetof(ObjInstance, dict), .repr = namespace_repr,
};

static Value make_implementation(Value version_info)
{
    ObjInstance *ns = gc_alloc(sizeof *ns);
    ns->ob.type = &namespace_type;
    ns->dict = rt_dict_new();
    rt_dict_set_cstr(ns->dict, "name", rt_str_from_cstr("pvm"));
    rt_dict_set_cstr(ns->dict, "cache_tag", rt_str_from_cstr("cpython-311"));
    rt_dict_set_cstr(ns->dict, "version", version_info);
    rt_dict_set_cstr(ns->dict, "hexversion", rt_int_from_i64(0x030B00F0 | PY_MICRO << 8));
    rt_dict_set_cstr(ns->dict, "_multiarch", rt_str_from_cstr("x86_64-linux-gnu"));
    return obj_val(ns);
}

/* ---- functions ------------------------------------------------------------------- */

/* sys.displayhook(value): what the interactive prompt does with the value of
 * an expression statement (PRINT_EXPR): None is not shown; anything else
 * is written to sys.stdout as its repr and a newline, and bound to
 * builtins._ (set to None first, so that a repr() that reads _ does not
 * see the value being shown). */
static Value sys_displayhook(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("displayhook", nargs, kwnames))
        return VAL_NULL;
    if (args[0] == rt_None)
        return rt_None;
    rt_dict_set_cstr(rt_builtins_dict, "_", rt_None);
    Value out = rt_dict_get_cstr(VAL_AS(ObjModule, sys_module)->dict, "stdout");
    if (out == VAL_NULL || out == rt_None)
        return rt_raisef(&rt_RuntimeError, "lost sys.stdout");
    Value text = rt_repr(args[0]);
    Value write = text != VAL_NULL ? rt_getattr_cstr(out, "write") : VAL_NULL;
    if (write == VAL_NULL || rt_call1(write, text) == VAL_NULL ||
        rt_call1(write, rt_str_from_cstr("\n")) == VAL_NULL)
        return VAL_NULL;
    rt_dict_set_cstr(rt_builtins_dict, "_", args[0]);
    return rt_None;
}

/* sys.exit([status]): raise SystemExit(status); the command line turns it
 * into the exit status (main.c). */
static Value sys_exit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("exit", kwnames) || !rt_arg_range("exit", nargs, 0, 1))
        return VAL_NULL;
    if (nargs == 0 || args[0] == rt_None)
        return rt_raise_args(&rt_SystemExit, rt_empty_tuple);
    return rt_raise_args(&rt_SystemExit, rt_tuple_pack(1, args[0]));
}

static Value sys_getrecursionlimit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("getrecursionlimit", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_i64(vm_get_recursion_limit());
}

static Value sys_setrecursionlimit(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("setrecursionlimit", nargs, kwnames))
        return VAL_NULL;
    if (!rt_isinstance_of(args[0], &rt_int_type))
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    int64_t n;
    if (!rt_int_as_i64(args[0], &n))
        return VAL_NULL;
    if (n < 1)
        return rt_raisef(&rt_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX)
        return rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
    vm_set_recursion_limit((int)n);
    return rt_None;
}

static Value sys_intern(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("intern", nargs, kwnames))
        return VAL_NULL;
    if (!is_str(args[0]))
        return rt_raisef(&rt_TypeError, "intern() argument must be str, not %T", args[0]);
    return rt_str_intern(args[0]);
}

static Value sys_exc_info(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("exc_info", nargs, kwnames))
        return VAL_NULL;
    Value e = vm_handled_exception();
    if (e == rt_None)
        return rt_tuple_pack(3, rt_None, rt_None, rt_None);
    return rt_tuple_pack(3, obj_val(val_type(e)), e, AS_EXC(e)->traceback);
}

static Value sys_exception(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("exception", nargs, kwnames))
        return VAL_NULL;
    return vm_handled_exception();
}

static Value sys_get_int_max_str_digits(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("get_int_max_str_digits", nargs, kwnames))
        return VAL_NULL;
    return rt_int_from_i64(rt_int_max_str_digits);
}

static Value sys_set_int_max_str_digits(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "maxdigits" };
    static const ArgSpec spec = { "set_int_max_str_digits", names, 1, 0, 1, 1, false };
    Value a[1];
    int64_t n;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!is_int(a[0]))
        return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", a[0]);
    if (!rt_int_as_i64(a[0], &n))
        return VAL_NULL;
    if (n != 0 && n < 640)
        return rt_raisef(&rt_ValueError, "maxdigits must be 0 or larger than %d", 640);
    rt_int_max_str_digits = (int)n;
    return rt_None;
}

static Value sys_getdefaultencoding(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("getdefaultencoding", nargs, kwnames) ? rt_str_from_cstr("utf-8") : VAL_NULL;
}

static const MethodDef sys_functions[] = {
    {"exit", sys_exit},
    {"displayhook", sys_displayhook},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"intern", sys_intern},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getdefaultencoding},
    {NULL, NULL},
};

/* ---- the module ---------------------------------------------------------------------- */

/* The path of the running executable, as sys.executable. */
static Value executable_path(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? rt_str_new(buf, (size_t)n) : rt_str_empty();
}

static void set_streams(Value d)
{
    static const char *const names[] = { "stdin", "stdout", "stderr" };
    for (int fd = 0; fd < 3; fd++) {
        Value s = mod_std_stream(fd);
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", names[fd]);
        rt_dict_set_cstr(d, names[fd], s);
        rt_dict_set_cstr(d, dunder, s);
    }
}

static void set_version(Value d)
{
    Value vi[5] = { small_new(3), small_new(11), small_new(PY_MICRO),
                    rt_str_from_cstr("final"), small_new(0) };
    Value version_info = structseq_new(&version_info_type, vi);
    char text[160];
#ifdef __VERSION__
    const char *cc = __VERSION__;
#else
    const char *cc = "unknown compiler";
#endif
    snprintf(text, sizeof text, "3.11.%d (pvm %s, CPython 3.11 bytecode) [%s%s]", PY_MICRO,
             PVM_VERSION, strstr(cc, "clang") ? "" : "GCC ", cc);
    rt_dict_set_cstr(d, "version", rt_str_from_cstr(text));
    rt_dict_set_cstr(d, "version_info", version_info);
    rt_dict_set_cstr(d, "hexversion", rt_int_from_i64(0x030B00F0 | PY_MICRO << 8));
    rt_dict_set_cstr(d, "api_version", small_new(1013));
    rt_dict_set_cstr(d, "implementation", make_implementation(version_info));
}

static Value make_sys(void)
{
    structseq_ready(&version_info_type);
    structseq_ready(&flags_type);
    rt_type_ready(&namespace_type, NULL);
    Value m = rt_module_new(rt_str_from_cstr("sys"));
    VAL_AS(ObjModule, m)->builtin = true;
    Value d = VAL_AS(ObjModule, m)->dict;
    for (const MethodDef *f = sys_functions; f->name; f++)
        rt_dict_set_cstr(d, f->name, rt_builtin_new(f->name, f->fn, VAL_NULL));
    rt_dict_set_cstr(d, "argv", sys_argv ? sys_argv : (sys_argv = rt_list_new(0)));
    rt_dict_set_cstr(d, "orig_argv", rt_list_new(0));
    rt_dict_set_cstr(d, "path", mod_sys_path());
    rt_dict_set_cstr(d, "modules", mod_sys_modules());
    rt_dict_set_cstr(d, "meta_path", rt_list_new(0));
    rt_dict_set_cstr(d, "path_hooks", rt_list_new(0));
    rt_dict_set_cstr(d, "warnoptions", rt_list_new(0));
    set_streams(d);
    set_version(d);
    rt_dict_set_cstr(d, "flags", make_flags());
    rt_dict_set_cstr(d, "maxsize", rt_int_from_i64(INT64_MAX));
    rt_dict_set_cstr(d, "maxunicode", rt_int_from_i64(0x10FFFF));
    rt_dict_set_cstr(d, "platform", rt_str_from_cstr("linux"));
    rt_dict_set_cstr(d, "byteorder", rt_str_from_cstr(
        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big"));
    rt_dict_set_cstr(d, "executable", executable_path());
    rt_dict_set_cstr(d, "builtin_module_names", mod_module_names());
    rt_dict_set_cstr(d, "dont_write_bytecode", rt_bool(dont_write_bytecode));
    rt_dict_set_cstr(d, "__displayhook__", rt_dict_get_cstr(d, "displayhook"));
    rt_dict_set_cstr(d, "pycache_prefix", rt_None);
    return m;
}

Value mod_sys_module(void)
{
    if (sys_module == VAL_NULL)
        sys_module = make_sys();
    return sys_module;
}

/* The import system imports sys by name too: the same module each time. */
Value mod_sys_init(void)
{
    return mod_sys_module();
}

Value mod_sys_path(void)
{
    if (sys_path == VAL_NULL)
        sys_path = rt_list_new(0);
    return sys_path;
}

Value mod_sys_modules(void)
{
    if (sys_modules == VAL_NULL)
        sys_modules = rt_dict_new();
    return sys_modules;
}

void mod_sys_set_argv(int argc, char **argv)
{
    if (sys_argv == VAL_NULL)
        sys_argv = rt_list_new((size_t)argc);
    for (int i = 0; i < argc; i++)
        rt_list_append(sys_argv, rt_str_from_cstr(argv[i]));
}

void mod_sys_set_optimize(int level)
{
    optimize_level = level;
    if (sys_module != VAL_NULL)
        rt_dict_set_cstr(VAL_AS(ObjModule, sys_module)->dict, "flags", make_flags());
}

int mod_sys_optimize(void)
{
    return optimize_level;
}

void mod_sys_set_dont_write_bytecode(bool on)
{
    dont_write_bytecode = on;
    if (sys_module != VAL_NULL) {
        Value d = VAL_AS(ObjModule, sys_module)->dict;
        rt_dict_set_cstr(d, "dont_write_bytecode", rt_bool(on));
        rt_dict_set_cstr(d, "flags", make_flags());
    }
}
