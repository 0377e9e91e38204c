/*
 * grp.c — the `grp` module: the group database (getgrgid, getgrnam,
 * getgrall) as grp.struct_group records, CPython's Modules/grpmodule.c.
 */
#include <errno.h>
#include <string.h>
#include <grp.h>
#include <unistd.h>
#include "runtime/structseq.h"
#include "modules/modutil.h"
#include "modules/posix.h"
#include "runtime/version.h"

static const char *const group_fields[] = { "gr_name", "gr_passwd", "gr_gid", "gr_mem" };
static const RtStructSeqDesc group_desc = { "grp.struct_group", group_fields, 4, 4, true };
static ObjType *group_type;

static Value group_of(const struct group *g)
{
    Value members = rt_list_new(0);
    for (char **m = g->gr_mem; *m != NULL; m++)
        rt_list_append(members, mod_posix_name(*m, strlen(*m), false));
    Value items[4] = {
        mod_posix_name(g->gr_name, strlen(g->gr_name), false),
        mod_posix_name(g->gr_passwd, strlen(g->gr_passwd), false),
        rt_int_from_i64(g->gr_gid), members,
    };
    return rt_structseq_new(group_type, items);
}

static size_t buffer_size(void)
{
    long n = sysconf(_SC_GETGR_R_SIZE_MAX);
    return n > 0 ? (size_t)n : 1024;
}

static Value gr_getgrgid(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "id" };
    static const ArgSpec spec = { "getgrgid", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!is_int(a[0]) && !rt_isinstance_of(a[0], &rt_int_type) &&
        mod_lookup_special(a[0], "__index__") == VAL_NULL)
        return rt_raisef(&rt_TypeError, "gid should be integer, not %T", a[0]);
    Value i = rt_index(a[0]);
    int64_t gid;
    if (i == VAL_NULL)
        return VAL_NULL;
    /* CPython's gid converter: out of range is an OverflowError. */
    bool fits = rt_int_as_i64(i, &gid) && gid >= -1 && gid < UINT32_MAX;
    rt_err_clear();
    if (!fits)
        return rt_raisef(&rt_OverflowError, "gid is %s",
                         rt_int_sign(i) < 0 ? "less than minimum" : "greater than maximum");
    struct group gr, *res = NULL;
    for (size_t size = buffer_size(); fits; size *= 2) {
        char *buf = gc_alloc_atomic(size);
        if (getgrgid_r((gid_t)gid, &gr, buf, size, &res) != ERANGE)
            break;
    }
    if (res == NULL)
        return rt_raisef(&rt_KeyError, "getgrgid(): gid not found: %S", a[0]);
    return group_of(res);
}

static Value gr_getgrnam(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name" };
    static const ArgSpec spec = { "getgrnam", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, rt_py_minor >= 13
                         ? "getgrnam() argument 1 must be str, not %T"
                         : "getgrnam() argument 'name' must be str, not %T", a[0]);
    size_t len;
    const char *name = mod_posix_fsencode(a[0], &len);
    if (name == NULL)
        return VAL_NULL;
    if (strlen(name) != len)
        return rt_raisef(&rt_ValueError, "embedded null byte");
    struct group gr, *res = NULL;
    for (size_t size = buffer_size();; size *= 2) {
        char *buf = gc_alloc_atomic(size);
        if (getgrnam_r(name, &gr, buf, size, &res) != ERANGE)
            break;
    }
    if (res == NULL)
        return rt_raisef(&rt_KeyError, "getgrnam(): name not found: %R", a[0]);
    return group_of(res);
}

static Value gr_getgrall(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getgrall", nargs, kw))
        return VAL_NULL;
    Value list = rt_list_new(0);
    setgrent();
    for (struct group *g; (g = getgrent()) != NULL;)
        rt_list_append(list, group_of(g));
    endgrent();
    return list;
}

static const MethodDef grp_functions[] = {
    {"getgrgid", gr_getgrgid}, {"getgrnam", gr_getgrnam}, {"getgrall", gr_getgrall},
    {NULL, NULL}
};

Value mod_grp_init(void)
{
    Value m = mod_module_new("grp", grp_functions);
    if (group_type == NULL)
        group_type = rt_structseq_type_new(&group_desc);
    mod_module_set(m, "struct_group", obj_val(group_type));
    return m;
}
