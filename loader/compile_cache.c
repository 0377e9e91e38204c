/*
 * compile_cache.c — answers of the compile service kept on disk, so that a
 * program which compiles the same source every run (collections.namedtuple
 * and dataclasses exec generated code at import; `pvm prog.py` compiles
 * the script) does not start python3.11 every run.
 *
 * An entry is one file, DIR/<16 hex digits>.pvmc, named by a SipHash of
 * the request.  It holds
 *
 *     "PVMCC2\n\0"    8 bytes, the format (2: entries may hold an ast.parse
 *                     tree, marshalled, besides .pyc images)
 *     identity        8 bytes: which python3.11 compiled it (a hash of its
 *                     path, size and modification time)
 *     length          4 bytes, little-endian, then the request itself:
 *                     every field (op, mode, flags, optimize, filename,
 *                     source, header) byte for byte
 *     the .pyc image  the rest of the file
 *
 * An entry is used only when its identity and request are equal to the
 * new request's, byte for byte: a hash collision or a different compiler
 * can never give the wrong code, and the image is loaded and verified like
 * any .pyc.  Only successful compiles without warnings are kept (warnings
 * must be printed every time).  Files are written to a temporary name and
 * renamed, so a reader never sees half an entry; every failure to read or
 * write just means no cache.
 *
 * Where: $PVM_COMPILE_CACHE if set and not empty ("off" turns the cache
 * off), else
 * $XDG_CACHE_HOME/pvm, else ~/.cache/pvm.  The cache is off when the
 * compiler's executable cannot be found (its identity is unknown).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/compile_cache.h"
#include "loader/siphash.h"
#include "runtime/runtime.h"

#define MAGIC "PVMCC2\n"                /* with its NUL: 8 bytes */
#define MAX_ENTRY ((off_t)64 << 20)     /* larger files are not read */

/* The cache directory, or NULL when the cache is off. */
static const char *cache_dir(void)
{
    static char dir[4096] GC_LARGE_STATIC;
    const char *env = getenv("PVM_COMPILE_CACHE");
    if (env != NULL && env[0] != '\0')
        return strcmp(env, "off") == 0 ? NULL : env;
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int n;
    if (xdg != NULL && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/pvm", xdg);
    else if (home != NULL && home[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/.cache/pvm", home);
    else
        return NULL;
    return n > 0 && (size_t)n < sizeof dir ? dir : NULL;
}

/* Which compiler: a hash of its path, size and modification time; false
 * when it cannot be found. */
static bool compiler_identity(const char *compiler, uint64_t *id)
{
    struct stat st;
    if (stat(compiler, &st) != 0)
        return false;
    uint64_t facts[3] = { (uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec,
                          (uint64_t)st.st_mtim.tv_nsec };
    *id = rt_siphash13(rt_siphash13(0, 0, compiler, strlen(compiler)), 0, facts, sizeof facts);
    return true;
}

/* DIR/<hash>.pvmc for a request, and its identity; false when off. */
static bool entry_path(const char *compiler, const unsigned char *request, size_t n,
                       char *path, size_t size, uint64_t *id)
{
    const char *dir = cache_dir();
    if (dir == NULL || !compiler_identity(compiler, id))
        return false;
    uint64_t h = rt_siphash13(*id, 0x7076, request, n);
    int len = snprintf(path, size, "%s/%016llx.pvmc", dir, (unsigned long long)h);
    return len > 0 && (size_t)len < size;
}

/* The first 20 bytes of an entry: magic, identity, request length. */
static void entry_head(unsigned char head[20], uint64_t id, size_t n)
{
    memcpy(head, MAGIC, 8);
    for (int i = 0; i < 8; i++)
        head[8 + i] = (unsigned char)(id >> (8 * i));
    for (int i = 0; i < 4; i++)
        head[16 + i] = (unsigned char)(n >> (8 * i));
}

Value ld_cache_find(const char *compiler, const unsigned char *request, size_t n)
{
    char path[4200];
    uint64_t id;
    if (!entry_path(compiler, request, n, path, sizeof path, &id))
        return VAL_NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return VAL_NULL;
    struct stat st;
    unsigned char *data = NULL;
    Value pyc = VAL_NULL;
    size_t head = 8 + 8 + 4 + n;
    if (fstat(fd, &st) == 0 && st.st_size > (off_t)head && st.st_size <= MAX_ENTRY &&
        (data = malloc((size_t)st.st_size)) != NULL &&
        read(fd, data, (size_t)st.st_size) == st.st_size) {
        unsigned char want[20];
        entry_head(want, id, n);
        if (memcmp(data, want, 20) == 0 && memcmp(data + 20, request, n) == 0)
            pyc = rt_bytes_new(data + head, (size_t)st.st_size - head);
    }
    free(data);
    close(fd);
    return pyc;
}

static bool write_all(int fd, const void *p, size_t n)
{
    const unsigned char *b = p;
    while (n > 0) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        b += w;
        n -= (size_t)w;
    }
    return true;
}

void ld_cache_store(const char *compiler, const unsigned char *request, size_t n,
                    const unsigned char *pyc, size_t size)
{
    char path[4200], tmp[4300];
    uint64_t id;
    if (!entry_path(compiler, request, n, path, sizeof path, &id))
        return;
    const char *dir = cache_dir();
    /* mkdir -p of the directory, private to the user. */
    char parent[4200];
    snprintf(parent, sizeof parent, "%s", dir);
    for (char *p = parent + 1; *p != '\0'; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(parent, 0700);
            *p = '/';
        }
    mkdir(parent, 0700);
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    unsigned char head[20];
    entry_head(head, id, n);
    bool ok = write_all(fd, head, sizeof head) && write_all(fd, request, n) &&
              write_all(fd, pyc, size);
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
}
