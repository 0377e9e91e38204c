/*
 * sitedirs.c — the site-packages directories on sys.path, as CPython's
 * site module puts them there at start-up (Lib/site.py, main()), so that a
 * program finds the packages installed for the python3.11 beside pvm
 * (Debian's python3-yaml in /usr/lib/python3/dist-packages, `pip install
 * --user`'s in ~/.local/lib/python3.11/site-packages).
 *
 * In site.py's order, each directory only if it exists and is not on
 * sys.path already:
 *   1. the user's site-packages, USERBASE/lib/python3.X/site-packages, where
 *      USERBASE is $PYTHONUSERBASE or ~/.local; not under -s, -I or
 *      PYTHONNOUSERSITE, nor in a set-user-ID or set-group-ID process
 *      (site's check_enableusersite);
 *   2. the global ones, site.getsitepackages() for sys.prefix, then for
 *      sys.exec_prefix if it differs: the python whose standard library pvm
 *      runs was asked at build time for its list for one prefix
 *      (mod_sys_site_dirs(), the prefix written "{prefix}": the layout is the
 *      distribution's — Debian patches site.py — and pvm cannot run site.py
 *      to learn it without the start-up cost of importing os), and the
 *      prefixes are this process's (PYTHONHOME moves them);
 *   after each directory, the directories its .pth files name (sorted by
 *   file name; one per line, relative to the site directory; lines that
 *   start with "#" and blank lines are skipped; since 3.11.8, 3.12.2 and
 *   3.13, files whose names start with a dot are not read).
 *
 * What pvm leaves out, and why: a .pth line starting with "import" is code
 * site.py runs with exec() (setuptools' distutils-precedence.pth imports
 * os and _distutils_hack), and sitecustomize and usercustomize are modules
 * site.py imports.  Running them would cost every `pvm hello.pyc` what
 * `import site` costs (~25 ms against a 6 ms start-up), so pvm does not;
 * `import site` in a program still runs Lib/site.py, which does all of it.
 * Likewise the module `site` is not in sys.modules at start.  `pvm -S`
 * adds nothing (tools/main.c).
 */
#define _GNU_SOURCE             /* getdents64 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/files.h"
#include "runtime/runtime.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "modules/sys.h"
#include "runtime/version.h"

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* site.makepath: os.path.abspath(os.path.join(dir, name)); dir is
 * absolute.  NULL for a path too long to exist. */
static Value make_path(const char *dir, const char *name, size_t n)
{
    if (n > 0 && name[0] == '/')
        return mod_normpath(name, n);
    char joined[PATH_MAX];
    int len = snprintf(joined, sizeof joined, "%s/%.*s", dir, (int)n, name);
    return len > 0 && (size_t)len < sizeof joined ? mod_normpath(joined, (size_t)len) : VAL_NULL;
}

/* Whether site.py passes over .pth files whose names start with a dot
 * (gh-113659, a security fix: in 3.13, and in 3.12.2 and 3.11.8 on). */
static bool skips_hidden(void)
{
    int micro = mod_sys_micro_version();
    return rt_py_minor >= 13 || (rt_py_minor == 12 && micro >= 2) ||
           (rt_py_minor == 11 && micro >= 8);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .pth file names in dir, sorted as site.py sorts them; NULL-ended.
 * The directory is read with getdents64 into a buffer on the stack, not
 * opendir's 32 KiB of malloc: start-up's stack is already made present
 * (runtime/gc.c), and every page a start-up writes costs (bench/README.md). */
static char **pth_files(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t n = 0, cap = 8;
    char **names = gc_alloc(cap * sizeof *names);
    bool skip_hidden = skips_hidden();
    char buf[4096];
    for (ssize_t got; (got = getdents64(fd, buf, sizeof buf)) > 0;) {
        for (ssize_t at = 0; at < got;) {
            const struct dirent64 *e = (const struct dirent64 *)(buf + at);
            at += e->d_reclen;
            size_t len = strlen(e->d_name);
            if (len < 4 || strcmp(e->d_name + len - 4, ".pth") != 0 ||
                (skip_hidden && e->d_name[0] == '.'))
                continue;
            if (n + 1 == cap)
                names = gc_realloc(names, (cap *= 2) * sizeof *names);
            names[n++] = gc_strdup(e->d_name);
        }
    }
    close(fd);
    names[n] = NULL;
    qsort(names, n, sizeof *names, by_name);
    return names;
}

/* site.addpackage, for the lines that name directories. */
static void add_pth_dirs(Value path, const char *dir, const char *pth)
{
    char file[PATH_MAX];
    size_t size;
    char *text = (size_t)snprintf(file, sizeof file, "%s/%s", dir, pth) < sizeof file &&
                 ld_is_file(file) ? ld_read_file(file, &size) : NULL;
    for (char *line = text, *next; line != NULL && *line != '\0'; line = next) {
        size_t n = strcspn(line, "\n");
        next = line[n] == '\n' ? line + n + 1 : line + n;
        while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;                                    /* line.rstrip() */
        if (line[0] == '#' || strspn(line, " \t") >= n)
            continue;                               /* a comment, or blank */
        if (strncmp(line, "import ", 7) == 0 || strncmp(line, "import\t", 7) == 0)
            continue;                               /* code: not run (above) */
        Value sub = make_path(dir, line, n);
        if (sub != VAL_NULL && exists(rt_str_cstr(sub)))
            mod_sys_append_path(path, sub);
    }
}

/* site.addsitedir: the directory, then its .pth files' directories. */
static void add_site_dir(Value path, const char *dir)
{
    if (!ld_is_dir(dir))
        return;
    mod_sys_append_path(path, mod_normpath(dir, strlen(dir)));
    char **names = pth_files(dir);
    for (size_t i = 0; names != NULL && names[i] != NULL; i++)
        add_pth_dirs(path, dir, names[i]);
}

/* site.getusersitepackages() into dir; false when the user site is off. */
static bool user_site(char *dir, size_t size)
{
    if (mod_sys_flags()->no_user_site || geteuid() != getuid() || getegid() != getgid())
        return false;
    const char *base = getenv("PYTHONUSERBASE");      /* site.py reads it even under -E */
    const char *home = getenv("HOME");
    int len;
    if (base != NULL && base[0] != '\0')
        len = snprintf(dir, size, "%s/lib/python3.%d/site-packages", base, rt_py_minor);
    else if (home != NULL && home[0] != '\0')
        len = snprintf(dir, size, "%s/.local/lib/python3.%d/site-packages", home, rt_py_minor);
    else
        return false;
    return len > 0 && (size_t)len < size;
}

/* The global site directories for one prefix: each entry of the recorded
 * list with "{prefix}" replaced by it. */
static void add_global_dirs(Value path, const char *prefix)
{
    static const char mark[] = "{prefix}";
    char dir[PATH_MAX];
    for (const char *dirs = mod_sys_site_dirs(); *dirs != '\0';) {
        int n = (int)strcspn(dirs, ":");
        bool marked = strncmp(dirs, mark, sizeof mark - 1) == 0;
        int len = marked ? snprintf(dir, sizeof dir, "%s%.*s", prefix, n - (int)(sizeof mark - 1),
                                    dirs + sizeof mark - 1)
                         : snprintf(dir, sizeof dir, "%.*s", n, dirs);
        if (len > 0 && (size_t)len < sizeof dir)
            add_site_dir(path, dir);
        dirs += dirs[n] == ':' ? n + 1 : n;
    }
}

void mod_site_add_dirs(Value path)
{
    char dir[PATH_MAX];
    if (user_site(dir, sizeof dir))
        add_site_dir(path, dir);
    const char *prefix = mod_sys_prefix(false), *exec_prefix = mod_sys_prefix(true);
    add_global_dirs(path, prefix);
    if (strcmp(exec_prefix, prefix) != 0)
        add_global_dirs(path, exec_prefix);
}
