/*
 * posix_dir.c — directories: listdir, scandir and its DirEntry objects,
 * mkdir, rmdir, unlink/remove, rename/replace, getcwd, chdir.
 *
 * scandir() is what os.walk, shutil.rmtree/copytree, glob and pathlib
 * stand on.  It returns an iterator (also a context manager that closes
 * the directory) of DirEntry objects, each carrying what readdir() said
 * about the entry: its name, inode and type (d_type).  is_dir(), is_file()
 * and is_symlink() answer from d_type without a system call when they
 * can; stat() calls fstatat() once per follow_symlinks choice and keeps
 * the result, as CPython's DirEntry does.  An entry's path is the
 * directory as given joined with the name ("./x" for scandir()); a
 * scandir over a descriptor gives bare names and stats relative to it.
 */
#define _GNU_SOURCE             /* fdopendir, F_DUPFD_CLOEXEC */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "runtime/class.h"
#include "modules/posix.h"

/* ---- listdir ---------------------------------------------------------------------------- */

static bool is_dot_or_dotdot(const char *name)
{
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

/* A DIR* on the path or on a copy of the descriptor (closedir closes the
 * copy, never the caller's fd); NULL with errno set. */
static DIR *open_dir(const PathArg *p)
{
    if (p->narrow != NULL)
        return opendir(p->narrow);
    int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (d == NULL) {
        int e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    rewinddir(d);
    return d;
}

/* os.listdir(path=None): the names in the directory, without . and .. */
static Value posix_listdir(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "listdir", names, 1, 0, 0, 1, false };
    Value a[1];
    PathArg p = mod_posix_path_spec("listdir", "path", true, true);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p))
        return VAL_NULL;
    DIR *d = open_dir(&p);
    if (d == NULL)
        return mod_posix_path_error(&p);
    Value out = rt_list_new(0);
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (!is_dot_or_dotdot(e->d_name))
            rt_list_append(out, mod_posix_name(e->d_name, strlen(e->d_name), p.is_bytes));
        errno = 0;
    }
    int err = errno;
    closedir(d);
    if (err != 0) {
        errno = err;
        return mod_posix_path_error(&p);
    }
    return out;
}

/* ---- DirEntry ---------------------------------------------------------------------------- */

typedef struct ObjDirEntry {
    Object ob;
    Value name, path;           /* str or bytes, as the scandir argument */
    Value stat, lstat;          /* cached os.stat_result, VAL_NULL until asked */
    unsigned char d_type;
    ino_t ino;
    int dir_fd;                 /* scandir over a descriptor: stat relative to it; else -1 */
    const char *c_path;         /* the path encoded (what fstatat is given) */
} ObjDirEntry;

static ObjType direntry_type, scandir_type;

#define AS_ENTRY(v) VAL_AS(ObjDirEntry, v)

static ObjDirEntry *entry_self(Value *args, size_t nargs, const char *method)
{
    if (nargs < 1 || !rt_isinstance_of(args[0], &direntry_type)) {
        rt_raisef(&rt_TypeError, "descriptor '%s' requires a 'posix.DirEntry' object", method);
        return NULL;
    }
    return AS_ENTRY(args[0]);
}

/* The entry's stat: followed or not, fetched once.  An OSError names the path. */
static Value entry_fetch_stat(ObjDirEntry *e, bool follow)
{
    Value *cache = follow ? &e->stat : &e->lstat;
    if (*cache != VAL_NULL)
        return *cache;
    struct stat st;
    int dir_fd = e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD;
    if (fstatat(dir_fd, e->c_path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0) {
        PathArg p = { .object = e->path };
        return mod_posix_path_error(&p);
    }
    *cache = mod_posix_stat_result(&st);
    return *cache;
}

static bool entry_is_symlink(ObjDirEntry *e, int *out)
{
    if (e->d_type != DT_UNKNOWN) {
        *out = e->d_type == DT_LNK;
        return true;
    }
    Value st = entry_fetch_stat(e, false);
    if (st == VAL_NULL)
        return false;
    *out = S_ISLNK((mode_t)small_value(AS_TUPLE(st)->items[0]));
    return true;
}

/* Is the entry of file type `mode_bits` (S_IFDIR, S_IFREG)?  From d_type
 * when it says, else from a stat; a file that vanished is "no". */
static Value entry_test(ObjDirEntry *e, bool follow, mode_t mode_bits, unsigned char dt)
{
    bool need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
    if (!need_stat)
        return rt_bool(e->d_type == dt);
    Value st = entry_fetch_stat(e, follow);
    if (st == VAL_NULL) {
        if (!rt_err_matches(&rt_FileNotFoundError))
            return VAL_NULL;
        rt_err_clear();
        return rt_False;
    }
    return rt_bool(((mode_t)small_value(AS_TUPLE(st)->items[0]) & S_IFMT) == mode_bits);
}

/* The keyword-only follow_symlinks=True of is_dir, is_file and stat. */
static bool follow_param(const char *fname, Value *args, size_t nargs, Value kwnames,
                         bool *follow)
{
    static const char *const names[] = { "follow_symlinks" };
    ArgSpec spec = { fname, names, 1, 0, 0, 0, false };
    Value a[1];
    return rt_parse_args(&spec, args + 1, nargs - 1, kwnames, a) &&
           mod_posix_bool(a[0], true, follow);
}

static Value entry_is_dir(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "is_dir");
    bool follow;
    if (e == NULL || !follow_param("is_dir", args, nargs, kwnames, &follow))
        return VAL_NULL;
    return entry_test(e, follow, S_IFDIR, DT_DIR);
}

static Value entry_is_file(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "is_file");
    bool follow;
    if (e == NULL || !follow_param("is_file", args, nargs, kwnames, &follow))
        return VAL_NULL;
    return entry_test(e, follow, S_IFREG, DT_REG);
}

static Value entry_is_symlink_method(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "is_symlink");
    int link;
    if (e == NULL || !rt_arg_none("is_symlink", nargs - 1, kwnames) ||
        !entry_is_symlink(e, &link))
        return VAL_NULL;
    return rt_bool(link);
}

/* DirEntry.stat(*, follow_symlinks=True): a symlink followed is a stat,
 * anything else an lstat (the same call for a non-link). */
static Value entry_stat(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "stat");
    bool follow;
    int link;
    if (e == NULL || !follow_param("stat", args, nargs, kwnames, &follow))
        return VAL_NULL;
    if (!follow)
        return entry_fetch_stat(e, false);
    if (!entry_is_symlink(e, &link))
        return VAL_NULL;
    return entry_fetch_stat(e, link);
}

static Value entry_inode(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "inode");
    if (e == NULL || !rt_arg_none("inode", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_int_from_u64(e->ino);
}

static Value entry_fspath(Value *args, size_t nargs, Value kwnames)
{
    ObjDirEntry *e = entry_self(args, nargs, "__fspath__");
    return e != NULL && rt_arg_none("__fspath__", nargs - 1, kwnames) ? e->path : VAL_NULL;
}

/* os.DirEntry[str]: a generic alias, as typing-minded code writes it. */
static Value entry_class_getitem(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("__class_getitem__", nargs - 1, kwnames))
        return VAL_NULL;
    return rt_generic_alias_new(args[0], args[1]);
}

static Value entry_repr(Value self)
{
    return rt_str_format_c("<DirEntry %R>", AS_ENTRY(self)->name);
}

static const MemberDef entry_members[] = {
    {"name", offsetof(ObjDirEntry, name), RT_MEMBER_VALUE_EX, RT_READONLY},
    {"path", offsetof(ObjDirEntry, path), RT_MEMBER_VALUE_EX, RT_READONLY},
    {NULL},
};

static Value entry_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return rt_raisef(&rt_TypeError, "cannot create 'posix.DirEntry' instances");
}

static const MethodDef entry_methods[] = {
    {"is_dir", entry_is_dir}, {"is_file", entry_is_file},
    {"is_symlink", entry_is_symlink_method}, {"stat", entry_stat},
    {"inode", entry_inode}, {"__fspath__", entry_fspath},
    {"__class_getitem__", entry_class_getitem, RT_METH_CLASS},
    {NULL, NULL},
};

static ObjType direntry_type = {
    .ob.type = &rt_type_type, .name = "posix.DirEntry",
    .repr = entry_repr, .new_ = entry_new, .members = entry_members,
};

/* ---- scandir ------------------------------------------------------------------------------ */

typedef struct ObjScandir {
    Object ob;
    DIR *dir;                   /* NULL once exhausted or closed */
    PathArg path;
    Value prefix;               /* what names are joined to: "dir/" (str or bytes) */
    const char *c_prefix;
} ObjScandir;

#define AS_SCANDIR(v) VAL_AS(ObjScandir, v)

static void scandir_close(ObjScandir *it)
{
    if (it->dir != NULL) {
        closedir(it->dir);
        it->dir = NULL;
    }
}

/* dir + '/' + name, without doubling a '/' the directory ends with. */
static const char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir), m = strlen(name);
    bool slash = n > 0 && dir[n - 1] != '/';
    char *s = gc_alloc_atomic(n + slash + m + 1);
    memcpy(s, dir, n);
    s[n] = '/';
    memcpy(s + n + slash, name, m + 1);
    return s;
}

static Value make_entry(ObjScandir *it, const struct dirent *d)
{
    ObjDirEntry *e = gc_alloc(sizeof *e);
    e->ob.type = &direntry_type;
    size_t len = strlen(d->d_name);
    e->name = mod_posix_name(d->d_name, len, it->path.is_bytes);
    e->d_type = d->d_type;
    e->ino = d->d_ino;
    e->dir_fd = it->path.narrow == NULL ? it->path.fd : -1;
    if (e->dir_fd >= 0) {
        e->c_path = gc_strdup(d->d_name);
        e->path = e->name;
    } else {
        e->c_path = join(it->c_prefix, d->d_name);
        e->path = mod_posix_name(e->c_path, strlen(e->c_path), it->path.is_bytes);
    }
    return obj_val(e);
}

/* An iterator dropped before its end closes its directory when collected
 * (CPython closes it in its destructor). */
static void scandir_finalize(void *obj, void *data)
{
    scandir_close(obj);
}

static Value scandir_next(Value self)
{
    ObjScandir *it = AS_SCANDIR(self);
    while (it->dir != NULL) {
        errno = 0;
        struct dirent *d = readdir(it->dir);
        if (d == NULL) {
            int err = errno;
            scandir_close(it);
            if (err != 0) {
                errno = err;
                return mod_posix_path_error(&it->path);
            }
            return VAL_NULL;
        }
        if (!is_dot_or_dotdot(d->d_name))
            return make_entry(it, d);
    }
    return VAL_NULL;
}

static Value scandir_close_method(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("close", nargs - 1, kwnames))
        return VAL_NULL;
    scandir_close(AS_SCANDIR(args[0]));
    return rt_None;
}

static Value scandir_enter(Value *args, size_t nargs, Value kwnames)
{
    return rt_arg_none("__enter__", nargs - 1, kwnames) ? args[0] : VAL_NULL;
}

static Value scandir_exit(Value *args, size_t nargs, Value kwnames)
{
    scandir_close(AS_SCANDIR(args[0]));
    return rt_False;
}

static const MethodDef scandir_methods[] = {
    {"close", scandir_close_method}, {"__enter__", scandir_enter}, {"__exit__", scandir_exit},
    {NULL, NULL},
};

static ObjType scandir_type = {
    .ob.type = &rt_type_type, .name = "posix.ScandirIterator",
    .iter = rt_iter_self, .next = scandir_next,
};

/* os.scandir(path=None) */
static Value posix_scandir(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "scandir", names, 1, 0, 0, 1, false };
    Value a[1];
    ObjScandir *it = gc_alloc(sizeof *it);
    it->ob.type = &scandir_type;
    it->path = mod_posix_path_spec("scandir", "path", true, true);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &it->path))
        return VAL_NULL;
    it->dir = open_dir(&it->path);
    if (it->dir == NULL)
        return mod_posix_path_error(&it->path);
    gc_register_finalizer(it, scandir_finalize, NULL);
    it->c_prefix = it->path.narrow != NULL ? it->path.narrow : "";
    return obj_val(it);
}

/* ---- mkdir, rmdir, unlink, rename ----------------------------------------------------------- */

/* os.mkdir(path, mode=0o777, *, dir_fd=None) */
static Value posix_mkdir(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path", "mode", "dir_fd" };
    static const ArgSpec spec = { "mkdir", names, 3, 0, 1, 2, false };
    Value a[3];
    PathArg p = mod_posix_path_spec("mkdir", "path", false, false);
    int mode = 0777, dir_fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        (a[1] != VAL_NULL && !mod_posix_fd(a[1], &mode)) || !mod_posix_dir_fd(a[2], &dir_fd))
        return VAL_NULL;
    if (mkdirat(dir_fd, p.narrow, (mode_t)mode) < 0)
        return mod_posix_path_error(&p);
    return rt_None;
}

/* rmdir / unlink / remove (path, *, dir_fd=None): unlinkat with or without AT_REMOVEDIR. */
static Value remove_common(const char *fname, int flags, Value *args, size_t nargs,
                           Value kwnames)
{
    static const char *const names[] = { "path", "dir_fd" };
    ArgSpec spec = { fname, names, 2, 0, 1, 1, false };
    Value a[2];
    PathArg p = mod_posix_path_spec(fname, "path", false, false);
    int dir_fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p) ||
        !mod_posix_dir_fd(a[1], &dir_fd))
        return VAL_NULL;
    if (unlinkat(dir_fd, p.narrow, flags) < 0)
        return mod_posix_path_error(&p);
    return rt_None;
}

static Value posix_rmdir(Value *args, size_t nargs, Value kwnames)
{
    return remove_common("rmdir", AT_REMOVEDIR, args, nargs, kwnames);
}

static Value posix_unlink(Value *args, size_t nargs, Value kwnames)
{
    return remove_common("unlink", 0, args, nargs, kwnames);
}

static Value posix_remove(Value *args, size_t nargs, Value kwnames)
{
    return remove_common("remove", 0, args, nargs, kwnames);
}

/* rename / replace (src, dst, *, src_dir_fd=None, dst_dir_fd=None) */
static Value rename_common(const char *fname, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "src", "dst", "src_dir_fd", "dst_dir_fd" };
    ArgSpec spec = { fname, names, 4, 0, 2, 2, false };
    Value a[4];
    PathArg src = mod_posix_path_spec(fname, "src", false, false);
    PathArg dst = mod_posix_path_spec(fname, "dst", false, false);
    int src_dir_fd, dst_dir_fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &src) ||
        !mod_posix_path(a[1], &dst) || !mod_posix_dir_fd(a[2], &src_dir_fd) ||
        !mod_posix_dir_fd(a[3], &dst_dir_fd))
        return VAL_NULL;
    if (renameat(src_dir_fd, src.narrow, dst_dir_fd, dst.narrow) < 0)
        return mod_posix_path_error2(&src, &dst);
    return rt_None;
}

static Value posix_rename(Value *args, size_t nargs, Value kwnames)
{
    return rename_common("rename", args, nargs, kwnames);
}

static Value posix_replace(Value *args, size_t nargs, Value kwnames)
{
    return rename_common("replace", args, nargs, kwnames);
}

/* ---- the working directory ---------------------------------------------------------------- */

static Value cwd(const char *fname, Value *args, size_t nargs, Value kwnames, bool as_bytes)
{
    if (!rt_arg_none(fname, nargs, kwnames))
        return VAL_NULL;
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL)
        return mod_posix_error();
    return mod_posix_name(buf, strlen(buf), as_bytes);
}

static Value posix_getcwd(Value *args, size_t nargs, Value kwnames)
{
    return cwd("posix.getcwd", args, nargs, kwnames, false);
}

static Value posix_getcwdb(Value *args, size_t nargs, Value kwnames)
{
    return cwd("posix.getcwdb", args, nargs, kwnames, true);
}

/* os.chdir(path): a descriptor means fchdir. */
static Value posix_chdir(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "chdir", names, 1, 0, 1, 1, false };
    Value a[1];
    PathArg p = mod_posix_path_spec("chdir", "path", true, false);
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_path(a[0], &p))
        return VAL_NULL;
    if ((p.narrow != NULL ? chdir(p.narrow) : fchdir(p.fd)) < 0)
        return mod_posix_path_error(&p);
    return rt_None;
}

static Value posix_fchdir(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fd" };
    static const ArgSpec spec = { "fchdir", names, 1, 0, 1, 1, false };
    Value a[1];
    int fd;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a) || !mod_posix_fd(a[0], &fd))
        return VAL_NULL;
    return fchdir(fd) < 0 ? mod_posix_error() : rt_None;
}

const MethodDef mod_posix_dir_functions[] = {
    {"listdir", posix_listdir}, {"scandir", posix_scandir}, {"mkdir", posix_mkdir},
    {"rmdir", posix_rmdir}, {"unlink", posix_unlink}, {"remove", posix_remove},
    {"rename", posix_rename}, {"replace", posix_replace}, {"getcwd", posix_getcwd},
    {"getcwdb", posix_getcwdb}, {"chdir", posix_chdir}, {"fchdir", posix_fchdir},
    {NULL, NULL},
};

void mod_posix_dir_init(Value m)
{
    if (direntry_type.mro == VAL_NULL) {
        rt_type_ready(&direntry_type, entry_methods);
        rt_type_ready(&scandir_type, scandir_methods);
    }
    mod_module_set(m, "DirEntry", obj_val(&direntry_type));
}
