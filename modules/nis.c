/*
 * nis.c — the `nis` module, CPython 3.11's Modules/nismodule.c: lookups
 * in Sun's NIS (Yellow Pages) through the C library's client, libnsl
 * (opened when `nis` is first imported, MOD_LIBRARY): match, cat, maps,
 * get_default_domain, and nis.error carrying libnsl's message ("Local
 * domain name not set" on a machine outside any NIS domain).  Map names
 * have CPython's aliases ("passwd" is "passwd.byname"; mail.aliases keeps
 * the NUL its keys and values are stored with, which is hidden).
 * maps() asks the server through libnsl's yp_maplist, where CPython makes
 * the same YPPROC_MAPLIST call by hand.  Deprecated by PEP 594 (the import
 * warns) and gone in 3.13 (registry.c).
 */
#include <string.h>
#include <rpc/rpc.h>
#include <rpcsvc/ypclnt.h>
#include <rpcsvc/yp_prot.h>
#include "modules/modutil.h"
#include "modules/posix.h"

/* libnsl exports yp_maplist but its header leaves the declaration out
 * (#if 0 in <rpcsvc/ypclnt.h>): this is its prototype in libnsl 1.3. */
int yp_maplist(const char *domain, struct ypmaplist **maps);

#define NSL_FUNCTIONS(X) \
    X(yp_get_default_domain) X(yp_match) X(yp_all) X(yp_maplist) X(yperr_string)
MOD_LIBRARY(nsl, "libnsl.so.2", NSL_FUNCTIONS)

static ObjType nis_error = {
    .ob.type = &rt_type_type, .name = "nis.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value raise_nis(int err)
{
    return rt_raisef(&nis_error, "%s", nsl.yperr_string(err));
}

/* The map an alias stands for, and whether its entries carry a final NUL. */
static const char *map_name(const char *map, bool *nul_terminated)
{
    static const struct { const char *alias, *map; bool nul; } aliases[] = {
        {"passwd", "passwd.byname", false}, {"group", "group.byname", false},
        {"networks", "networks.byaddr", false}, {"hosts", "hosts.byname", false},
        {"protocols", "protocols.bynumber", false}, {"services", "services.byname", false},
        {"aliases", "mail.aliases", true}, {"ethers", "ethers.byname", false},
    };
    *nul_terminated = false;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(map, aliases[i].alias) == 0 || strcmp(map, aliases[i].map) == 0) {
            *nul_terminated = aliases[i].nul;
            return aliases[i].map;
        }
    return map;
}

/* The domain argument, or the machine's default domain. */
static bool domain_of(Value v, char **domain)
{
    if (v != VAL_NULL) {
        *domain = (char *)mod_str_utf8(v);
        return *domain != NULL;
    }
    int err = nsl.yp_get_default_domain(domain);
    if (err != 0) {
        raise_nis(err);
        return false;
    }
    return true;
}

static bool str_args(const ArgSpec *spec, Value *args, size_t nargs, Value kw, Value *out)
{
    if (!rt_parse_args(spec, args, nargs, kw, out))
        return false;
    for (int i = 0; i < spec->nparams; i++)
        if (out[i] != VAL_NULL && !rt_is_str(out[i])) {
            rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %T",
                      spec->fname, i + 1, out[i]);
            return false;
        }
    return true;
}

static Value nis_match(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "key", "map", "domain" };
    static const ArgSpec spec = { "match", names, 3, 0, 2, 3, false };
    Value a[3];
    char *domain;
    if (!str_args(&spec, args, nargs, kw, a) || !domain_of(a[2], &domain))
        return VAL_NULL;
    size_t keylen;
    const char *key = mod_posix_fsencode(a[0], &keylen);
    const char *map = mod_str_utf8(a[1]);
    if (key == NULL || map == NULL)
        return VAL_NULL;
    bool nul;
    map = map_name(map, &nul);
    char *value;
    int len;
    int err = nsl.yp_match(domain, map, key, (int)keylen + nul, &value, &len);
    if (err != 0)
        return raise_nis(err);
    return mod_posix_name(value, (size_t)(len - nul), false);
}

typedef struct {
    Value dict;
    bool nul;
} CatState;

/* yp_all's callback: one entry, or the end (a status other than YP_TRUE). */
static int cat_entry(int status, char *key, int keylen, char *val, int vallen, char *data)
{
    CatState *s = (CatState *)data;
    if (status != YP_TRUE)
        return 1;
    if (s->nul) {
        keylen--;
        vallen--;
    }
    rt_dict_set(s->dict, mod_posix_name(key, (size_t)keylen, false),
                mod_posix_name(val, (size_t)vallen, false));
    return 0;
}

static Value nis_cat(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "map", "domain" };
    static const ArgSpec spec = { "cat", names, 2, 0, 1, 2, false };
    Value a[2];
    char *domain;
    if (!str_args(&spec, args, nargs, kw, a) || !domain_of(a[1], &domain))
        return VAL_NULL;
    const char *map = mod_str_utf8(a[0]);
    if (map == NULL)
        return VAL_NULL;
    CatState state = { rt_dict_new(), false };
    map = map_name(map, &state.nul);
    struct ypall_callback cb = { cat_entry, (char *)&state };
    int err = nsl.yp_all(domain, map, &cb);
    return err != 0 ? raise_nis(err) : state.dict;
}

static Value nis_maps(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "domain" };
    static const ArgSpec spec = { "maps", names, 1, 0, 0, 1, false };
    Value a[1];
    char *domain;
    if (!str_args(&spec, args, nargs, kw, a) || !domain_of(a[0], &domain))
        return VAL_NULL;
    struct ypmaplist *maps = NULL;
    /* CPython first looks for the master of a well-known map and says so
     * when there is none: what a failing yp_maplist means here. */
    if (nsl.yp_maplist(domain, &maps) != 0)
        return rt_raisef(&nis_error, "No NIS master found for any map");
    Value list = rt_list_new(0);
    for (struct ypmaplist *m = maps; m != NULL; m = m->next)
        rt_list_append(list, rt_str_from_cstr(m->map));
    return list;
}

static Value nis_get_default_domain(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("nis.get_default_domain", nargs, kw))
        return VAL_NULL;
    char *domain;
    if (!domain_of(VAL_NULL, &domain))
        return VAL_NULL;
    return mod_posix_name(domain, strlen(domain), false);
}

static const MethodDef nis_functions[] = {
    {"match", nis_match}, {"cat", nis_cat}, {"get_default_domain", nis_get_default_domain},
    {"maps", nis_maps},
    {NULL, NULL}
};

Value mod_nis_init(void)
{
    if (rt_warn(&rt_DeprecationWarning,
                "'nis' is deprecated and slated for removal in Python 3.13", 1) < 0)
        return VAL_NULL;
    if (!nsl_ready())
        return VAL_NULL;
    if (nis_error.mro == VAL_NULL)
        rt_type_ready(&nis_error, NULL);
    Value m = mod_module_new("nis", nis_functions);
    mod_module_set(m, "error", obj_val(&nis_error));
    return m;
}
