/*
 * os.c — the basics of os and os.path (posixpath): the working directory,
 * environ (a dict snapshot of the environment), listdir, a few file
 * operations, and os.path's pure string functions written after
 * Lib/posixpath.py (join, split, splitext, basename, dirname, normpath,
 * abspath) plus the stat-based tests (exists, isfile, isdir, getsize).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "modules/modutil.h"

extern char **environ;

static Value os_error(const char *path)
{
    int e = errno;
    ObjType *t = e == ENOENT ? &rt_FileNotFoundError : e == EEXIST ? &rt_FileExistsError
               : e == EACCES ? &rt_PermissionError : e == EISDIR ? &rt_IsADirectoryError
               : e == ENOTDIR ? &rt_NotADirectoryError : &rt_OSError;
    Value args = path ? rt_tuple_pack(3, small_new(e), rt_str_from_cstr(strerror(e)),
                                      rt_str_from_cstr(path))
                      : rt_tuple_pack(2, small_new(e), rt_str_from_cstr(strerror(e)));
    return rt_raise_args(t, args);
}

static const char *path_arg(const char *fname, Value v)
{
    if (rt_is_str(v))
        return rt_str_cstr(v);
    rt_raisef(&rt_TypeError, "%s: path should be string, bytes or os.PathLike, not %s", fname,
              val_type(v)->name);
    return NULL;
}

static Value os_getcwd(Value *args, size_t nargs, Value kw)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL)
        return os_error(NULL);
    return rt_str_from_cstr(buf);
}

static Value os_listdir(Value *args, size_t nargs, Value kw)
{
    const char *p = nargs ? path_arg("listdir", args[0]) : ".";
    if (p == NULL)
        return VAL_NULL;
    DIR *d = opendir(p);
    if (d == NULL)
        return os_error(p);
    Value out = rt_list_new(0);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            rt_list_append(out, rt_str_from_cstr(e->d_name));
    closedir(d);
    return out;
}

static Value os_getenv(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("getenv", nargs, 1, 2))
        return VAL_NULL;
    const char *k = path_arg("getenv", args[0]);
    if (k == NULL)
        return VAL_NULL;
    const char *v = getenv(k);
    return v ? rt_str_from_cstr(v) : nargs > 1 ? args[1] : rt_None;
}

static Value os_getpid(Value *args, size_t nargs, Value kw)
{
    return small_new(getpid());
}

#define PATH_OP(name, call)                                              \
    static Value os_##name(Value *args, size_t nargs, Value kw)         \
    {                                                                    \
        if (!rt_arg_range(#name, nargs, 1, 2))                    \
            return VAL_NULL;                                             \
        const char *p = path_arg(#name, args[0]);                        \
        if (p == NULL)                                                   \
            return VAL_NULL;                                             \
        return (call) < 0 ? os_error(p) : rt_None;                       \
    }
PATH_OP(remove, unlink(p))
PATH_OP(unlink, unlink(p))
PATH_OP(rmdir, rmdir(p))
PATH_OP(mkdir, mkdir(p, 0777))
PATH_OP(chdir, chdir(p))

static Value os_rename(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range("rename", nargs, 2, 2))
        return VAL_NULL;
    const char *a = path_arg("rename", args[0]), *b = path_arg("rename", args[1]);
    if (a == NULL || b == NULL)
        return VAL_NULL;
    return rename(a, b) < 0 ? os_error(a) : rt_None;
}

static Value os_makedirs(Value *args, size_t nargs, Value kw)
{
    if (nargs < 1)
        return rt_raisef(&rt_TypeError, "makedirs() missing required argument 'name'");
    const char *p = path_arg("makedirs", args[0]);
    if (p == NULL)
        return VAL_NULL;
    Value ok = rt_kwarg(args, nargs, kw, "exist_ok");
    char *buf = gc_strdup(p);
    for (char *s = buf + 1; *s; s++)
        if (*s == '/') {
            *s = '\0';
            mkdir(buf, 0777);
            *s = '/';
        }
    if (mkdir(buf, 0777) < 0) {
        struct stat st;
        if (errno == EEXIST && ok != VAL_NULL && rt_truthy(ok) && stat(buf, &st) == 0 &&
            S_ISDIR(st.st_mode))
            return rt_None;
        return os_error(p);
    }
    return rt_None;
}

static const MethodDef os_functions[] = {
    {"getcwd", os_getcwd}, {"listdir", os_listdir}, {"getenv", os_getenv},
    {"getpid", os_getpid}, {"remove", os_remove}, {"unlink", os_unlink},
    {"rmdir", os_rmdir}, {"mkdir", os_mkdir}, {"chdir", os_chdir}, {"rename", os_rename},
    {"makedirs", os_makedirs},
    {NULL, NULL}
};

/* ---- os.path ------------------------------------------------------------------ */

static Value str_arg(const char *fname, Value v)
{
    return path_arg(fname, v) ? v : VAL_NULL;
}

static Value s(const char *p, size_t n) { return rt_str_new(p, n); }

static Value p_join(Value *args, size_t nargs, Value kw)
{
    if (nargs < 1)
        return rt_raisef(&rt_TypeError, "join() missing 1 required positional argument: 'a'");
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (str_arg("join", args[i]) == VAL_NULL)
            return VAL_NULL;
        const char *b = rt_str_cstr(args[i]);
        if (b[0] == '/')
            sb.len = 0;
        else if (sb.len > 0 && sb.data[sb.len - 1] != '/')
            sb_addc(&sb, '/');
        sb_adds(&sb, b);
    }
    return sb_finish(&sb);
}

/* (head, tail) where tail is everything after the final slash. */
static Value p_split(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("split", nargs, kw) || !str_arg("split", args[0]))
        return VAL_NULL;
    const char *p = rt_str_cstr(args[0]);
    size_t n = rt_str_nbytes(args[0]), i = n;
    while (i > 0 && p[i - 1] != '/')
        i--;
    size_t h = i;
    /* Strip trailing slashes from head unless it is all slashes. */
    size_t k = h;
    while (k > 0 && p[k - 1] == '/')
        k--;
    if (k > 0)
        h = k;
    return rt_tuple_pack(2, s(p, h), s(p + i, n - i));
}

static Value p_basename(Value *args, size_t nargs, Value kw)
{
    Value t = p_split(args, nargs, kw);
    return t == VAL_NULL ? VAL_NULL : rt_tuple_get(t, 1);
}

static Value p_dirname(Value *args, size_t nargs, Value kw)
{
    Value t = p_split(args, nargs, kw);
    return t == VAL_NULL ? VAL_NULL : rt_tuple_get(t, 0);
}

static Value p_splitext(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("splitext", nargs, kw) || !str_arg("splitext", args[0]))
        return VAL_NULL;
    const char *p = rt_str_cstr(args[0]);
    size_t n = rt_str_nbytes(args[0]);
    size_t sep = 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] == '/')
            sep = i + 1;
    size_t dot = n;
    for (size_t i = n; i > sep; i--)
        if (p[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    if (dot < n) {
        /* Leading dots of the file name do not start an extension. */
        size_t f = sep;
        while (f < dot && p[f] == '.')
            f++;
        if (f < dot)
            return rt_tuple_pack(2, s(p, dot), s(p + dot, n - dot));
    }
    return rt_tuple_pack(2, args[0], rt_str_empty());
}

static Value normpath(const char *p)
{
    if (*p == '\0')
        return rt_str_from_cstr(".");
    int initial = p[0] == '/' ? (p[1] == '/' && p[2] != '/' ? 2 : 1) : 0;
    Value comps = rt_list_new(0);
    const char *q = p;
    while (*q) {
        while (*q == '/')
            q++;
        const char *e = q;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - q);
        if (len == 0 || (len == 1 && q[0] == '.')) {
        } else if (len == 2 && q[0] == '.' && q[1] == '.') {
            ObjList *l = AS_LIST(comps);
            if ((!initial && l->length == 0) ||
                (l->length > 0 && strcmp(rt_str_cstr(l->items[l->length - 1]), "..") == 0))
                rt_list_append(comps, s(q, len));
            else if (l->length > 0)
                l->length--;
        } else {
            rt_list_append(comps, s(q, len));
        }
        q = e;
    }
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < initial; i++)
        sb_addc(&sb, '/');
    ObjList *l = AS_LIST(comps);
    for (size_t i = 0; i < l->length; i++) {
        if (i)
            sb_addc(&sb, '/');
        sb_add_value_str(&sb, l->items[i]);
    }
    if (sb.len == 0)
        sb_addc(&sb, '.');
    return sb_finish(&sb);
}

static Value p_normpath(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("normpath", nargs, kw) || !str_arg("normpath", args[0]))
        return VAL_NULL;
    return normpath(rt_str_cstr(args[0]));
}

static Value p_abspath(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("abspath", nargs, kw) || !str_arg("abspath", args[0]))
        return VAL_NULL;
    const char *p = rt_str_cstr(args[0]);
    if (p[0] == '/')
        return normpath(p);
    Value cwd = os_getcwd(NULL, 0, VAL_NULL);
    if (cwd == VAL_NULL)
        return VAL_NULL;
    Value parts[2] = { cwd, args[0] };
    Value j = p_join(parts, 2, VAL_NULL);
    return j == VAL_NULL ? VAL_NULL : normpath(rt_str_cstr(j));
}

static Value p_isabs(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("isabs", nargs, kw) || !str_arg("isabs", args[0]))
        return VAL_NULL;
    return rt_bool(rt_str_cstr(args[0])[0] == '/');
}

static int stat_mode(Value *args, size_t nargs, Value kw, const char *name, struct stat *st)
{
    if (!rt_arg_one(name, nargs, kw))
        return -1;
    if (!rt_is_str(args[0]))
        return 0;
    return stat(rt_str_cstr(args[0]), st) == 0 ? 1 : 0;
}

static Value p_exists(Value *args, size_t nargs, Value kw)
{
    struct stat st;
    int r = stat_mode(args, nargs, kw, "exists", &st);
    return r < 0 ? VAL_NULL : rt_bool(r);
}

static Value p_isfile(Value *args, size_t nargs, Value kw)
{
    struct stat st;
    int r = stat_mode(args, nargs, kw, "isfile", &st);
    return r < 0 ? VAL_NULL : rt_bool(r && S_ISREG(st.st_mode));
}

static Value p_isdir(Value *args, size_t nargs, Value kw)
{
    struct stat st;
    int r = stat_mode(args, nargs, kw, "isdir", &st);
    return r < 0 ? VAL_NULL : rt_bool(r && S_ISDIR(st.st_mode));
}

static Value p_getsize(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("getsize", nargs, kw) || !str_arg("getsize", args[0]))
        return VAL_NULL;
    struct stat st;
    if (stat(rt_str_cstr(args[0]), &st) < 0)
        return os_error(rt_str_cstr(args[0]));
    return rt_int_from_i64(st.st_size);
}

static const MethodDef path_functions[] = {
    {"join", p_join}, {"split", p_split}, {"basename", p_basename}, {"dirname", p_dirname},
    {"splitext", p_splitext}, {"normpath", p_normpath}, {"abspath", p_abspath},
    {"isabs", p_isabs}, {"exists", p_exists}, {"isfile", p_isfile}, {"isdir", p_isdir},
    {"getsize", p_getsize},
    {NULL, NULL}
};

static Value path_module;

Value mod_os_path_init(void)
{
    if (path_module != VAL_NULL)
        return path_module;
    Value m = mod_module_new("posixpath", path_functions);
    mod_module_set(m, "sep", rt_str_from_cstr("/"));
    mod_module_set(m, "curdir", rt_str_from_cstr("."));
    mod_module_set(m, "pardir", rt_str_from_cstr(".."));
    path_module = m;
    return m;
}

Value mod_os_init(void)
{
    Value m = mod_module_new("os", os_functions);
    Value env = rt_dict_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq)
            rt_dict_set(env, rt_str_new(*e, (size_t)(eq - *e)), rt_str_from_cstr(eq + 1));
    }
    mod_module_set(m, "environ", env);
    mod_module_set(m, "path", mod_os_path_init());
    mod_module_set(m, "sep", rt_str_from_cstr("/"));
    mod_module_set(m, "linesep", rt_str_from_cstr("\n"));
    mod_module_set(m, "name", rt_str_from_cstr("posix"));
    mod_module_set(m, "curdir", rt_str_from_cstr("."));
    mod_module_set(m, "pardir", rt_str_from_cstr(".."));
    mod_module_set(m, "devnull", rt_str_from_cstr("/dev/null"));
    mod_module_set(m, "pathsep", rt_str_from_cstr(":"));
    return m;
}
