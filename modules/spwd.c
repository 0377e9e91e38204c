/*
 * spwd.c — the `spwd` module: the shadow password database (getspnam,
 * getspall) as spwd.struct_spwd records, CPython 3.11's Modules/spwdmodule.c.
 * Reading /etc/shadow needs privileges: a lookup the system refuses is
 * PermissionError, one that finds nothing KeyError.  Deprecated by PEP 594
 * (the import warns) and gone in 3.13 (registry.c).
 */
#include <errno.h>
#include <string.h>
#include <shadow.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "modules/posix.h"

/* Nine fields as a tuple; sp_nam and sp_pwd, the older names of the first
 * two, as attributes only. */
static const char *const spwd_fields[] = {
    "sp_namp", "sp_pwdp", "sp_lstchg", "sp_min", "sp_max", "sp_warn",
    "sp_inact", "sp_expire", "sp_flag", "sp_nam", "sp_pwd",
};
static const RtStructSeqDesc spwd_desc = { "spwd.struct_spwd", spwd_fields, 11, 9, true };
static ObjType *spwd_type;

static Value name_or_none(const char *s)
{
    return s != NULL ? mod_posix_name(s, strlen(s), false) : rt_None;
}

static Value spwd_of(const struct spwd *p)
{
    Value name = name_or_none(p->sp_namp), pwd = name_or_none(p->sp_pwdp);
    /* CPython reads each number as a C long: sp_flag's "none", ULONG_MAX,
     * shows as -1. */
    Value items[11] = {
        name, pwd,
        rt_int_from_i64(p->sp_lstchg), rt_int_from_i64(p->sp_min),
        rt_int_from_i64(p->sp_max), rt_int_from_i64(p->sp_warn),
        rt_int_from_i64(p->sp_inact), rt_int_from_i64(p->sp_expire),
        rt_int_from_i64((long)p->sp_flag),
        name, pwd,
    };
    return rt_structseq_new(spwd_type, items);
}

static Value sp_getspnam(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("spwd.getspnam", kw) || !rt_arg_one("spwd.getspnam", nargs, kw))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "getspnam() argument must be str, not %T", args[0]);
    size_t len;
    const char *name = mod_posix_fsencode(args[0], &len);
    if (name == NULL)
        return VAL_NULL;
    if (strlen(name) != len)
        return rt_raisef(&rt_ValueError, "embedded null byte");
    errno = 0;
    struct spwd *p = getspnam(name);
    if (p == NULL) {
        if (errno == EACCES)
            return mod_posix_error();
        return rt_raisef(&rt_KeyError, "getspnam(): name not found");
    }
    return spwd_of(p);
}

static Value sp_getspall(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("spwd.getspall", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    setspent();
    for (struct spwd *p; (p = getspent()) != NULL;)
        rt_list_append(list, spwd_of(p));
    endspent();
    return list;
}

static const MethodDef spwd_functions[] = {
    {"getspnam", sp_getspnam}, {"getspall", sp_getspall},
    {NULL, NULL}
};

Value mod_spwd_init(void)
{
    if (rt_warn(&rt_DeprecationWarning,
                "'spwd' is deprecated and slated for removal in Python 3.13", 1) < 0)
        return VAL_NULL;
    Value m = mod_module_new("spwd", spwd_functions);
    if (spwd_type == NULL)
        spwd_type = rt_structseq_type_new(&spwd_desc);
    mod_module_set(m, "struct_spwd", obj_val(spwd_type));
    return m;
}
