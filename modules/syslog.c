/*
 * syslog.c — the syslog module (CPython 3.11's Modules/syslogmodule.c): the
 * C library's openlog, syslog, closelog and setlogmask, the LOG_MASK and
 * LOG_UPTO macros, and the LOG_* constants.
 *
 * As in CPython: syslog() opens the log first if the program has not (with
 * the script's name, the last part of sys.argv[0], as ident); the ident
 * string is kept alive while the log is open, since openlog(3) keeps the
 * pointer, not a copy; the argument errors are CPython's, including
 * syslog()'s one message for every bad call ("[priority,] message
 * string"); LOG_MASK and LOG_UPTO compute what the C macros compute on
 * x86-64 for any long (an int shift, its count taken mod 32).  pvm raises
 * no audit events (modules/sys_hooks.c), so neither does this module.
 */
#include <string.h>
#include <syslog.h>
#include "modules/modutil.h"
#include "runtime/version.h"
#include "vm/thread.h"

static Value ident_kept;        /* the str openlog(3) was given, or VAL_NULL */
static bool log_open;

/* A C long argument ("l"): CPython's errors for what is not an index or
 * too large. */
static bool as_long(Value v, int64_t *out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, out)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C long");
        return false;
    }
    return true;
}

/* The default ident: sys.argv[0] after its last '/', or NULL (openlog(3)
 * then uses the program's name). */
static Value ident_from_argv(void)
{
    Value argv = rt_sys_namespace != VAL_NULL ? rt_dict_get_cstr(rt_sys_namespace, "argv") : VAL_NULL;
    if (argv == VAL_NULL || !is_list(argv) || AS_LIST(argv)->length == 0)
        return VAL_NULL;
    Value script = AS_LIST(argv)->items[0];
    if (!rt_is_str(script) || rt_str_nbytes(script) == 0)
        return VAL_NULL;
    const char *s = rt_str_cstr(script), *slash = strrchr(s, '/');
    return slash ? rt_str_from_cstr(slash + 1) : script;
}

/* openlog(ident=None, logoption=0, facility=LOG_USER) */
static Value sl_openlog(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "ident", "logoption", "facility" };
    static const ArgSpec spec = { "openlog", names, 3, 0, 0, 3, false };
    Value a[3];
    int64_t option = 0, facility = LOG_USER;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (a[0] != VAL_NULL && !rt_is_str(a[0]))      /* PyArg_ParseTupleAndKeywords' words; 3.12's Clinic */
        return rt_raisef(&rt_TypeError, "openlog() argument %s must be str, not %s",
                         rt_py_minor < 12 ? "1" : "'ident'",
                         a[0] == rt_None ? "None" : val_type(a[0])->name);
    if ((a[1] != VAL_NULL && !as_long(a[1], &option)) ||
        (a[2] != VAL_NULL && !as_long(a[2], &facility)))
        return VAL_NULL;
    Value ident = a[0] != VAL_NULL ? a[0] : ident_from_argv();
    const char *ident_text = ident != VAL_NULL ? mod_str_utf8(ident) : NULL;
    if (ident != VAL_NULL && ident_text == NULL)
        return VAL_NULL;
    openlog(ident_text, (int)option, (int)facility);
    ident_kept = ident;
    log_open = true;
    return rt_None;
}

/* syslog([priority=LOG_INFO,] message) */
/* 3.11 parses syslog()'s arguments twice with PyArg_ParseTuple ("iU", then
 * "U"), and any failure is its one message. */
static bool syslog_args_311(Value *args, size_t nargs, int64_t *priority)
{
    bool ok = (nargs == 1 || nargs == 2) && rt_is_str(args[nargs - 1]);
    if (ok && nargs == 2) {
        ok = is_int(args[0]) || is_bool(args[0]) || rt_isinstance_of(args[0], &rt_int_type) ||
             mod_lookup_special(args[0], "__index__") != VAL_NULL;
        ok = ok && as_long(args[0], priority) && *priority >= INT32_MIN && *priority <= INT32_MAX;
        rt_err_clear();
    }
    if (!ok)
        rt_raisef(&rt_TypeError, "[priority,] message string");
    return ok;
}

/* 3.12's Argument Clinic: an optional group, an int priority, a str
 * message without NULs. */
static bool syslog_args_312(Value *args, size_t nargs, int64_t *priority)
{
    if (nargs != 1 && nargs != 2) {
        rt_raisef(&rt_TypeError, "syslog.syslog requires 1 to 2 arguments");
        return false;
    }
    if (nargs == 2) {
        if (!as_long(args[0], priority))
            return false;
        if (*priority > INT32_MAX || *priority < INT32_MIN) {
            rt_raisef(&rt_OverflowError, "signed integer is %s",
                      *priority > 0 ? "greater than maximum" : "less than minimum");
            return false;
        }
    }
    Value message = args[nargs - 1];
    if (!rt_is_str(message)) {
        rt_raisef(&rt_TypeError, "syslog() argument %zu must be str, not %s", nargs,
                  message == rt_None ? "None" : val_type(message)->name);
        return false;
    }
    if (strlen(rt_str_cstr(message)) != rt_str_nbytes(message)) {
        rt_raisef(&rt_ValueError, "embedded null character");
        return false;
    }
    return true;
}

static Value sl_syslog(Value *args, size_t nargs, Value kw)
{
    int64_t priority = LOG_INFO;
    if (!rt_arg_nokw("syslog", kw))
        return VAL_NULL;
    if (!(rt_py_minor < 12 ? syslog_args_311 : syslog_args_312)(args, nargs, &priority))
        return VAL_NULL;
    const char *text = mod_str_utf8(args[nargs - 1]);
    if (text == NULL)
        return VAL_NULL;
    if (!log_open && sl_openlog(NULL, 0, VAL_NULL) == VAL_NULL)
        rt_err_clear();             /* openlog(3) is optional */
    vm_release_lock();
    syslog((int)priority, "%s", text);
    vm_reacquire_lock();
    return rt_None;
}

static Value sl_closelog(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("syslog.closelog", nargs, kw))
        return VAL_NULL;
    if (log_open) {
        closelog();
        ident_kept = VAL_NULL;
        log_open = false;
    }
    return rt_None;
}

/* setlogmask(mask) -> the previous mask (0 changes nothing) */
static Value sl_setlogmask(Value *args, size_t nargs, Value kw)
{
    int64_t mask;
    if (rt_py_minor >= 12 && !rt_arg_one("syslog.setlogmask", nargs, kw))
        return VAL_NULL;
    if (!rt_arg_nokw("setlogmask", kw))
        return VAL_NULL;
    if (nargs != 1)
        return rt_raisef(&rt_TypeError, "mask for priority");
    if (!as_long(args[0], &mask))
        return VAL_NULL;
    return small_new(setlogmask((int)mask));
}

/* The C macros LOG_MASK(pri) = 1 << pri and LOG_UPTO(pri) = (1 << (pri+1)) - 1,
 * evaluated in int as x86-64 shifts do. */
static Value shift_macro(const char *name, Value *args, size_t nargs, Value kw, int plus)
{
    int64_t pri;
    bool args_ok = rt_py_minor < 12
        ? rt_arg_nokw(name, kw) && rt_arg_count(name, nargs, 1, 1)
        : rt_arg_one(rt_str_cstr(rt_str_format_c("syslog.%s", name)), nargs, kw);
    if (!args_ok || !as_long(args[0], &pri))
        return VAL_NULL;
    uint32_t bit = (uint32_t)1 << (((uint64_t)pri + (uint64_t)plus) & 31);
    return small_new((int32_t)(plus ? bit - 1 : bit));
}

static Value sl_log_mask(Value *a, size_t n, Value kw) { return shift_macro("LOG_MASK", a, n, kw, 0); }
static Value sl_log_upto(Value *a, size_t n, Value kw) { return shift_macro("LOG_UPTO", a, n, kw, 1); }

static const MethodDef syslog_functions[] = {
    {"openlog", sl_openlog}, {"syslog", sl_syslog}, {"closelog", sl_closelog},
    {"setlogmask", sl_setlogmask}, {"LOG_MASK", sl_log_mask}, {"LOG_UPTO", sl_log_upto},
    {NULL, NULL}
};

#define SYSLOG_CONSTANTS(X) \
    X(LOG_EMERG) X(LOG_ALERT) X(LOG_CRIT) X(LOG_ERR) X(LOG_WARNING) X(LOG_NOTICE) \
    X(LOG_INFO) X(LOG_DEBUG) X(LOG_PID) X(LOG_CONS) X(LOG_NDELAY) X(LOG_ODELAY) \
    X(LOG_NOWAIT) X(LOG_PERROR) X(LOG_KERN) X(LOG_USER) X(LOG_MAIL) X(LOG_DAEMON) \
    X(LOG_AUTH) X(LOG_LPR) X(LOG_LOCAL0) X(LOG_LOCAL1) X(LOG_LOCAL2) X(LOG_LOCAL3) \
    X(LOG_LOCAL4) X(LOG_LOCAL5) X(LOG_LOCAL6) X(LOG_LOCAL7) X(LOG_SYSLOG) X(LOG_CRON) \
    X(LOG_UUCP) X(LOG_NEWS) X(LOG_AUTHPRIV)

Value mod_syslog_init(void)
{
    Value m = mod_module_new("syslog", syslog_functions);
#define SET_CONSTANT(name) mod_module_set(m, #name, small_new(name));
    SYSLOG_CONSTANTS(SET_CONSTANT)
    if (rt_py_minor >= 13)
        SET_CONSTANT(LOG_FTP)
#undef SET_CONSTANT
    return m;
}
