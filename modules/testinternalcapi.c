/*
 * testinternalcapi.c — the _testinternalcapi module, reduced to what pvm
 * can answer truthfully.
 *
 * CPython builds _testinternalcapi for its own test suite: it exposes the
 * interpreter's internal state (the PyConfig it started with, sizes of C
 * structures, ...).  CPython's Lib/test asks it questions about the
 * interpreter that runs the tests; the one that matters most is
 * test.support.has_no_debug_ranges(), behind @requires_debug_ranges: it
 * imports this module and reads get_config()['code_debug_ranges'], and
 * without the module it raises SkipTest while test_traceback and test_dis
 * are being imported, so that neither module runs at all.
 *
 * pvm has the same answers to give: code objects carry CPython's location
 * table and co_positions() reports its column ranges, unless -X
 * no_debug_ranges or PYTHONNODEBUGRANGES turned them off
 * (rt_code_debug_ranges).  So the module holds only:
 *
 *   get_config()      a dict with the PyConfig keys pvm has a real value
 *                     for (the command line, the flags, the paths), each
 *                     under CPython's name; keys pvm has no counterpart
 *                     for (malloc_stats, dump_refs, _init_main, ...) are
 *                     left out rather than invented.  Up to 3.13: 3.14
 *                     removed it (its test.support asks _testcapi's
 *                     config_get instead, which pvm does not have, so
 *                     @requires_debug_ranges skips there).
 *   get_configs()     every version's: {'global_config', 'pre_config',
 *                     'config'}: the legacy Py_*Flag globals (ints, from
 *                     the same flags), the PyPreConfig keys pvm has
 *                     (isolated, use_environment, utf8_mode, dev_mode) and
 *                     get_config()'s dict; test.pythoninfo, test_embed
 *                     and test_regrtest read it.
 *   SIZEOF_PYGC_HEAD  16, the header test.support.check_sizeof adds for
 *                     objects CPython's cycle collector tracks: the same
 *                     16 bytes pvm's sys.getsizeof already counts
 *                     (sys_sizeof.c), which reports CPython's sizes.
 *
 * Nothing else of CPython's module is here (get_recursion_depth,
 * set_config, the locale codecs...); a test that needs one
 * fails to import it, as it should.
 */
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "runtime/code.h"
#include "modules/modutil.h"
#include "modules/api.h"

static void set_int(Value d, const char *key, long v)
{
    rt_dict_set_cstr(d, key, small_new(v));
}

/* A yes/no option: an int before 3.13, a bool from 3.13. */
static void set_bool(Value d, const char *key, long v)
{
    rt_dict_set_cstr(d, key, rt_py_minor >= 13 ? rt_bool(v != 0) : small_new(v));
}

/* sys.<name> copied into the dict as `key` (a list is copied, so that the
 * caller may change it); nothing when sys has no such attribute. */
static bool copy_sys(Value d, const char *key, const char *name)
{
    Value v = rt_getattr_cstr(mod_sys_module(), name);
    if (v == VAL_NULL) {
        rt_err_clear();
        return true;
    }
    if (IS_EXACT(v, rt_list_type))
        v = rt_list_from(AS_LIST(v)->items, AS_LIST(v)->length);
    rt_dict_set_cstr(d, key, v);
    return true;
}

/* The flags, under PyConfig's names (several are sys.flags inverted). */
static void add_flags(Value d)
{
    const ModSysFlags *f = mod_sys_flags();
    set_bool(d, "parser_debug", f->debug);
    set_bool(d, "inspect", f->inspect);
    set_bool(d, "interactive", f->interactive);
    set_int(d, "optimization_level", f->optimize);
    set_bool(d, "write_bytecode", !f->dont_write_bytecode);
    set_bool(d, "user_site_directory", !f->no_user_site);
    set_bool(d, "site_import", !f->no_site);
    set_bool(d, "use_environment", !f->ignore_environment);
    set_int(d, "verbose", f->verbose);
    set_int(d, "bytes_warning", f->bytes_warning);
    set_bool(d, "quiet", f->quiet);
    set_bool(d, "isolated", f->isolated);
    set_bool(d, "dev_mode", f->dev_mode);
    set_bool(d, "warn_default_encoding", f->warn_default_encoding);
    set_bool(d, "safe_path", f->safe_path);
    /* Without randomization the seed is PYTHONHASHSEED=0's; with it,
     * CPython reports 0 as well. */
    set_bool(d, "use_hash_seed", !f->hash_randomization);
    set_int(d, "hash_seed", 0);
}

/* -X options as the command line gave them: name, or name=value; from
 * 3.14 a dict as sys._xoptions (name: value, or True). */
static bool add_xoptions(Value d)
{
    Value xopts = rt_getattr_cstr(mod_sys_module(), "_xoptions");
    if (xopts == VAL_NULL)
        return false;
    if (rt_py_minor >= 14) {
        rt_dict_set_cstr(d, "xoptions", rt_dict_copy(xopts));
        return true;
    }
    Value list = rt_list_new(0), key, value;
    for (size_t i = 0; rt_dict_next(xopts, &i, &key, &value);) {
        if (value != rt_True) {
            key = rt_str_concat(key, rt_str_from_cstr("="));
            key = key == VAL_NULL ? VAL_NULL : rt_str_concat(key, value);
            if (key == VAL_NULL)
                return false;
        }
        rt_list_append(list, key);
    }
    rt_dict_set_cstr(d, "xoptions", list);
    return true;
}

/* PyConfig as a dict: get_config(), and get_configs()['config']. */
static Value config_dict(void)
{
    Value d = rt_dict_new();
    set_bool(d, "code_debug_ranges", rt_code_debug_ranges);
    add_flags(d);
    static const char *const from_sys[][2] = {
        { "argv", "argv" }, { "orig_argv", "orig_argv" },
        { "executable", "executable" }, { "base_executable", "_base_executable" },
        { "prefix", "prefix" }, { "base_prefix", "base_prefix" },
        { "exec_prefix", "exec_prefix" }, { "base_exec_prefix", "base_exec_prefix" },
        { "platlibdir", "platlibdir" }, { "stdlib_dir", "_stdlib_dir" },
        { "pycache_prefix", "pycache_prefix" }, { "warnoptions", "warnoptions" },
    };
    for (size_t k = 0; k < sizeof from_sys / sizeof from_sys[0]; k++)
        copy_sys(d, from_sys[k][0], from_sys[k][1]);
    Value fsenc = mod_call_method(mod_sys_module(), "getfilesystemencoding", NULL, 0);
    Value fserr = mod_call_method(mod_sys_module(), "getfilesystemencodeerrors", NULL, 0);
    if (fsenc == VAL_NULL || fserr == VAL_NULL || !add_xoptions(d))
        return VAL_NULL;
    rt_dict_set_cstr(d, "filesystem_encoding", fsenc);
    rt_dict_set_cstr(d, "filesystem_errors", fserr);
    return d;
}

static Value tic_get_config(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_config", nargs, kw))
        return VAL_NULL;
    return config_dict();
}

/* The Py_*Flag globals CPython's start-up sets from its config: ints in
 * every version. */
static Value global_config_dict(void)
{
    const ModSysFlags *f = mod_sys_flags();
    Value d = rt_dict_new();
    Value fsenc = mod_call_method(mod_sys_module(), "getfilesystemencoding", NULL, 0);
    Value fserr = mod_call_method(mod_sys_module(), "getfilesystemencodeerrors", NULL, 0);
    if (fsenc == VAL_NULL || fserr == VAL_NULL)
        return VAL_NULL;
    rt_dict_set_cstr(d, "Py_FileSystemDefaultEncoding", fsenc);
    rt_dict_set_cstr(d, "Py_FileSystemDefaultEncodeErrors", fserr);
    const struct { const char *name; int value; } flags[] = {
        { "Py_UTF8Mode", f->utf8_mode },
        { "Py_DebugFlag", f->debug },
        { "Py_VerboseFlag", f->verbose },
        { "Py_QuietFlag", f->quiet },
        { "Py_InteractiveFlag", f->interactive },
        { "Py_InspectFlag", f->inspect },
        { "Py_OptimizeFlag", f->optimize },
        { "Py_NoSiteFlag", f->no_site },
        { "Py_BytesWarningFlag", f->bytes_warning },
        { "Py_IgnoreEnvironmentFlag", f->ignore_environment },
        { "Py_DontWriteBytecodeFlag", f->dont_write_bytecode },
        { "Py_NoUserSiteDirectory", f->no_user_site },
        { "Py_HashRandomizationFlag", f->hash_randomization },
        { "Py_IsolatedFlag", f->isolated },
        { "Py_UnbufferedStdioFlag", mod_std_unbuffered() },
    };
    for (size_t k = 0; k < sizeof flags / sizeof flags[0]; k++)
        set_int(d, flags[k].name, flags[k].value);
    return d;
}

/* The PyPreConfig keys pvm has a value for (ints in every version). */
static Value pre_config_dict(void)
{
    const ModSysFlags *f = mod_sys_flags();
    Value d = rt_dict_new();
    set_int(d, "isolated", f->isolated);
    set_int(d, "use_environment", !f->ignore_environment);
    set_int(d, "utf8_mode", f->utf8_mode);
    set_int(d, "dev_mode", f->dev_mode);
    return d;
}

static Value tic_get_configs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_configs", nargs, kw))
        return VAL_NULL;
    Value global = global_config_dict(), pre = pre_config_dict(), config = config_dict();
    if (global == VAL_NULL || config == VAL_NULL)
        return VAL_NULL;
    Value d = rt_dict_new();
    rt_dict_set_cstr(d, "global_config", global);
    rt_dict_set_cstr(d, "pre_config", pre);
    rt_dict_set_cstr(d, "config", config);
    return d;
}

static const MethodDef testinternalcapi_functions[] = {
    {"get_config", tic_get_config},
    {"get_configs", tic_get_configs},
    {NULL, NULL}
};

/* 3.14's module has get_configs() alone. */
static const MethodDef testinternalcapi_functions_314[] = {
    {"get_configs", tic_get_configs},
    {NULL, NULL}
};

Value mod_testinternalcapi_init(void)
{
    Value m = mod_module_new("_testinternalcapi", rt_py_minor >= 14 ? testinternalcapi_functions_314
                                                                     : testinternalcapi_functions);
    mod_module_set(m, "SIZEOF_PYGC_HEAD", small_new(16));
    return m;
}
