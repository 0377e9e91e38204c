/*
 * pwd.c — the `pwd` module: the password database (getpwuid, getpwnam,
 * getpwall) as pwd.struct_passwd records, CPython's Modules/pwdmodule.c.
 * The C library's re-entrant lookups are used, so a lookup in one thread
 * cannot overwrite another's result.
 */
#include <errno.h>
#include <string.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "modules/posix.h"

static const char *const passwd_fields[] = {
    "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell",
};
static const RtStructSeqDesc passwd_desc = { "pwd.struct_passwd", passwd_fields, 7, 7, true };
static ObjType *passwd_type;

static Value passwd_of(const struct passwd *p)
{
    Value items[7] = {
        mod_posix_name(p->pw_name, strlen(p->pw_name), false),
        mod_posix_name(p->pw_passwd, strlen(p->pw_passwd), false),
        rt_int_from_i64(p->pw_uid), rt_int_from_i64(p->pw_gid),
        mod_posix_name(p->pw_gecos, strlen(p->pw_gecos), false),
        mod_posix_name(p->pw_dir, strlen(p->pw_dir), false),
        mod_posix_name(p->pw_shell, strlen(p->pw_shell), false),
    };
    return rt_structseq_new(passwd_type, items);
}

static size_t buffer_size(void)
{
    long n = sysconf(_SC_GETPW_R_SIZE_MAX);
    return n > 0 ? (size_t)n : 1024;
}

static Value pw_getpwuid(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("getpwuid", nargs, kw))
        return VAL_NULL;
    if (!is_int(args[0]) && !rt_isinstance_of(args[0], &rt_int_type) &&
        mod_lookup_special(args[0], "__index__") == VAL_NULL)
        return rt_raisef(&rt_TypeError, "uid should be integer, not %T", args[0]);
    Value i = rt_index(args[0]);
    int64_t uid;
    if (i == VAL_NULL)
        return VAL_NULL;
    /* CPython's uid converter: out of range is "not found", without the value. */
    bool fits = rt_int_as_i64(i, &uid) && uid >= -1 && uid <= UINT32_MAX;
    rt_err_clear();
    if (!fits)
        return rt_raisef(&rt_KeyError, "getpwuid(): uid not found");
    struct passwd pw, *res = NULL;
    int err = 0;
    for (size_t size = buffer_size(); fits; size *= 2) {
        char *buf = gc_alloc_atomic(size);
        err = getpwuid_r((uid_t)uid, &pw, buf, size, &res);
        if (err != ERANGE)
            break;
    }
    if (res == NULL)
        return rt_raisef(&rt_KeyError, "getpwuid(): uid not found: %S", args[0]);
    return passwd_of(res);
}

static Value pw_getpwnam(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("getpwnam", nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "getpwnam() argument must be str, not %T", args[0]);
    size_t len;
    const char *name = mod_posix_fsencode(args[0], &len);
    if (name == NULL)
        return VAL_NULL;
    if (strlen(name) != len)
        return rt_raisef(&rt_ValueError, "embedded null byte");
    struct passwd pw, *res = NULL;
    for (size_t size = buffer_size();; size *= 2) {
        char *buf = gc_alloc_atomic(size);
        if (getpwnam_r(name, &pw, buf, size, &res) != ERANGE)
            break;
    }
    if (res == NULL)
        return rt_raisef(&rt_KeyError, "getpwnam(): name not found: %R", args[0]);
    return passwd_of(res);
}

static Value pw_getpwall(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getpwall", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    setpwent();
    for (struct passwd *p; (p = getpwent()) != NULL;)
        rt_list_append(list, passwd_of(p));
    endpwent();
    return list;
}

static const MethodDef pwd_functions[] = {
    {"getpwuid", pw_getpwuid}, {"getpwnam", pw_getpwnam}, {"getpwall", pw_getpwall},
    {NULL, NULL}
};

Value mod_pwd_init(void)
{
    Value m = mod_module_new("pwd", pwd_functions);
    if (passwd_type == NULL)
        passwd_type = rt_structseq_type_new(&passwd_desc);
    mod_module_set(m, "struct_passwd", obj_val(passwd_type));
    return m;
}
