/*
 * stat.c — the _stat module: the file-mode constants and tests that
 * Lib/stat.py takes from C when it can (`from _stat import *`), as
 * CPython's Modules/_stat.c.
 *
 * stat.py has Python versions of all of it; the C ones are faster (every
 * os.path.isdir() asks S_ISDIR) and differ in one visible way, which is why
 * CPython's own results need this module: filemode() of a mode with no
 * known file type starts with '?' (the Python version says '-').
 */
#include <limits.h>
#include <sys/stat.h>
#include "modules/modutil.h"
#include "runtime/version.h"

/* A mode as CPython's _PyLong_AsMode_t reads it: an int (3.14: anything
 * with __index__), not negative, fitting unsigned long and then mode_t. */
static bool mode_arg(Value v, mode_t *mode)
{
    if (rt_py_minor >= 14 && (v = rt_index(v)) == VAL_NULL)
        return false;
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    if (rt_int_sign(v) < 0) {
        rt_raisef(&rt_OverflowError, "can't convert negative value to unsigned int");
        return false;
    }
    uint64_t n;
    if (!rt_int_as_u64(v, &n))
        return false;
    if (n != (mode_t)n) {
        rt_raisef(&rt_OverflowError, "mode out of range");
        return false;
    }
    *mode = (mode_t)n;
    return true;
}

static bool one_mode(const char *fname, Value *args, size_t nargs, Value kwnames, mode_t *mode)
{
    return rt_arg_one(fname, nargs, kwnames) && mode_arg(args[0], mode);
}

/* S_ISDIR(mode) ... : one test per file type; Linux has no doors, event
 * ports or whiteouts, so those three are always False. */
#define FILE_TEST(name, test)                                                 \
    static Value stat_##name(Value *args, size_t nargs, Value kwnames)       \
    {                                                                         \
        mode_t mode;                                                          \
        return one_mode("_stat." #name, args, nargs, kwnames, &mode) ? rt_bool(test) : VAL_NULL; \
    }
FILE_TEST(S_ISDIR, S_ISDIR(mode))
FILE_TEST(S_ISCHR, S_ISCHR(mode))
FILE_TEST(S_ISBLK, S_ISBLK(mode))
FILE_TEST(S_ISREG, S_ISREG(mode))
FILE_TEST(S_ISFIFO, S_ISFIFO(mode))
FILE_TEST(S_ISLNK, S_ISLNK(mode))
FILE_TEST(S_ISSOCK, S_ISSOCK(mode))
FILE_TEST(S_ISDOOR, mode != mode)
FILE_TEST(S_ISPORT, mode != mode)
FILE_TEST(S_ISWHT, mode != mode)
#undef FILE_TEST

/* The permission bits (S_IMODE) and the file-type bits (S_IFMT). */
static Value stat_S_IMODE(Value *args, size_t nargs, Value kwnames)
{
    mode_t mode;
    if (!one_mode("_stat.S_IMODE", args, nargs, kwnames, &mode))
        return VAL_NULL;
    return small_new(mode & 07777);
}

static Value stat_S_IFMT(Value *args, size_t nargs, Value kwnames)
{
    mode_t mode;
    if (!one_mode("_stat.S_IFMT", args, nargs, kwnames, &mode))
        return VAL_NULL;
    return small_new(mode & S_IFMT);
}

static char file_type(mode_t mode)
{
    return S_ISREG(mode) ? '-' : S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l'
         : S_ISBLK(mode) ? 'b' : S_ISCHR(mode) ? 'c' : S_ISFIFO(mode) ? 'p'
         : S_ISSOCK(mode) ? 's' : '?';
}

/* One rwx triple; `special` (setuid, setgid, sticky) turns x into s/t,
 * or S/T when x is not set. */
static void triple(char *out, mode_t mode, mode_t r, mode_t w, mode_t x, mode_t special,
                   char letter)
{
    out[0] = mode & r ? 'r' : '-';
    out[1] = mode & w ? 'w' : '-';
    if (mode & special)
        out[2] = mode & x ? letter : (char)(letter - 'a' + 'A');
    else
        out[2] = mode & x ? 'x' : '-';
}

/* filemode(0o100644) == '-rw-r--r--', as ls -l shows a mode. */
static Value stat_filemode(Value *args, size_t nargs, Value kwnames)
{
    mode_t mode;
    if (!one_mode("_stat.filemode", args, nargs, kwnames, &mode))
        return VAL_NULL;
    char buf[10];
    buf[0] = file_type(mode);
    triple(buf + 1, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's');
    triple(buf + 4, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's');
    triple(buf + 7, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't');
    return rt_str_new(buf, 10);
}

static const MethodDef stat_functions[] = {
    {"S_ISDIR", stat_S_ISDIR}, {"S_ISCHR", stat_S_ISCHR}, {"S_ISBLK", stat_S_ISBLK},
    {"S_ISREG", stat_S_ISREG}, {"S_ISFIFO", stat_S_ISFIFO}, {"S_ISLNK", stat_S_ISLNK},
    {"S_ISSOCK", stat_S_ISSOCK}, {"S_ISDOOR", stat_S_ISDOOR}, {"S_ISPORT", stat_S_ISPORT},
    {"S_ISWHT", stat_S_ISWHT}, {"S_IMODE", stat_S_IMODE}, {"S_IFMT", stat_S_IFMT},
    {"filemode", stat_filemode},
    {NULL, NULL},
};

typedef struct Constant {
    const char *name;
    long value;
} Constant;

/* CPython's values (S_IFMT is only the function): the C library's S_* bits; BSD's file flags (UF_*,
 * SF_*) with their BSD values, which Linux does not have; the indexes of
 * a stat tuple (ST_*). */
static const Constant constants[] = {
    {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK},
    {"S_IFREG", S_IFREG}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
    {"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
    {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
    {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
    {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
    {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
};

/* The BSD file flags 3.13 added. */
static const Constant constants_313[] = {
    {"UF_SETTABLE", 0xffff}, {"UF_TRACKED", 0x40}, {"UF_DATAVAULT", 0x80},
    {"SF_SETTABLE", 0xffff0000L}, {"SF_FIRMLINK", 0x800000}, {"SF_DATALESS", 0x40000000},
};

Value mod_stat_init(void)
{
    Value m = mod_module_new("_stat", stat_functions);
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, rt_int_from_i64(constants[i].value));
    for (size_t i = 0; rt_py_minor >= 13 && i < sizeof constants_313 / sizeof constants_313[0]; i++)
        mod_module_set(m, constants_313[i].name, rt_int_from_i64(constants_313[i].value));
    return m;
}
