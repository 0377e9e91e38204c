/*
 * pyc.c — the .pyc file around the marshalled code: reading the file,
 * checking its 16-byte header (PEP 552), and naming the Python version that
 * wrote a file pvm will not run.
 *
 * The header is four little-endian 32-bit words:
 *
 *   magic   a 16-bit number followed by b"\r\n"; it changes whenever the
 *           bytecode changes, so it identifies the CPython version (3495 is
 *           3.11's final number);
 *   flags   0 = the next two words are the source's mtime and size;
 *           bit 0 = hash-based: the next 8 bytes are a SipHash of the source;
 *           bit 1 = check_source (meaningful only with bit 0); nothing else;
 *   8 bytes of mtime+size or of source hash — pvm has no source to compare
 *           them with, so it records but never checks them.
 *
 * Then one marshalled object, which must be a code object (marshal.c).
 * Bytes after that object are ignored, as importlib ignores them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "loader/pyc.h"
#include "runtime/version.h"

enum { HEADER_SIZE = 16 };
#define MAX_FILE_SIZE ((size_t)1 << 30)     /* 1 GiB: far beyond any real .pyc */

/* ---- The magic-number table ----------------------------------------------------- */

/* Every magic number CPython has used, as ranges per version: the 3.x
 * history is in the comment above MAGIC_NUMBER in 3.11's
 * Lib/importlib/_bootstrap_external.py (and, for 3.12-3.14, in theirs);
 * the 2.x numbers come from Python 2's Python/import.c.  Each version
 * since 3.12 has a block of 50 numbers, so a file from a 3.15 pre-release
 * is named as such too. */
typedef struct MagicRange {
    uint16_t first, last;
    const char *version;
} MagicRange;

static const MagicRange magic_ranges[] = {
    {20121, 20121, "1.5"},  {50428, 50428, "1.6"},  {50823, 50823, "2.0"},
    {60202, 60202, "2.1"},  {60717, 60717, "2.2"},  {62011, 62021, "2.3"},
    {62041, 62061, "2.4"},  {62071, 62131, "2.5"},  {62151, 62161, "2.6"},
    {62171, 62211, "2.7"},
    {3000, 3131, "3.0"},    {3141, 3151, "3.1"},    {3160, 3180, "3.2"},
    {3190, 3230, "3.3"},    {3250, 3310, "3.4"},    {3320, 3351, "3.5"},
    {3360, 3379, "3.6"},    {3390, 3394, "3.7"},    {3400, 3413, "3.8"},
    {3420, 3425, "3.9"},    {3430, 3439, "3.10"},   {3450, 3495, "3.11"},
    {3500, 3531, "3.12"},   {3550, 3571, "3.13"},   {3600, 3627, "3.14"},
    {3650, 3699, "3.15"},   /* 3.14's pycore_magic_number.h: "3.15 will start with 3650" */
};

const char *ld_magic_version(uint16_t magic)
{
    for (size_t i = 0; i < sizeof magic_ranges / sizeof magic_ranges[0]; i++)
        if (magic >= magic_ranges[i].first && magic <= magic_ranges[i].last)
            return magic_ranges[i].version;
    return NULL;
}

/* ---- The header --------------------------------------------------------------------- */

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int ld_magic_minor(uint16_t magic)
{
    switch (magic) {
    case LD_MAGIC_311: return 11;
    case LD_MAGIC_312: return 12;
    case LD_MAGIC_313: return 13;
    case LD_MAGIC_314: return 14;
    }
    return 0;
}

uint16_t ld_process_magic(void)
{
    switch (rt_py_minor) {
    case 12: return LD_MAGIC_312;
    case 13: return LD_MAGIC_313;
    case 14: return LD_MAGIC_314;
    }
    return LD_MAGIC_311;
}

int ld_pyc_file_minor(const char *path)
{
    unsigned char p[4];
    struct stat st;
    /* Never open a FIFO here: that would wait for, or release, its writer. */
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    ssize_t got = read(fd, p, sizeof p);
    close(fd);
    if (got < 4 || p[2] != '\r' || p[3] != '\n')
        return 0;
    return ld_magic_minor((uint16_t)(p[0] | p[1] << 8));
}

/* The magic: this process's version's, or a message naming what the file
 * is instead. */
static bool check_magic(const unsigned char *p, const char *name, char *err, size_t errsize)
{
    uint16_t magic = (uint16_t)(p[0] | p[1] << 8);
    if (p[2] == '\r' && p[3] == '\n') {
        if (magic == ld_process_magic())
            return true;
        const char *version = ld_magic_version(magic);
        if (version) {
            snprintf(err, errsize, "%s: compiled by Python %s (magic %u); "
                     "pvm runs Python 3.%d bytecode (magic %d)",
                     name, version, (unsigned)magic, rt_py_minor, ld_process_magic());
            return false;
        }
    }
    snprintf(err, errsize, "%s: not a Python 3.%d bytecode file "
             "(bad magic number %02x %02x %02x %02x at offset 0)",
             name, rt_py_minor, p[0], p[1], p[2], p[3]);
    return false;
}

/* The flags word: bit 0 hash-based, bit 1 check_source (only with bit 0). */
static bool check_flags(uint32_t flags, const char *name, char *err, size_t errsize)
{
    if (flags & ~3u) {
        snprintf(err, errsize, "%s: bad flags 0x%08x in the .pyc header at offset 4",
                 name, (unsigned)flags);
        return false;
    }
    if (flags == 2) {
        snprintf(err, errsize, "%s: bad flags 0x%08x in the .pyc header at offset 4 "
                 "(check_source without hash-based)", name, (unsigned)flags);
        return false;
    }
    return true;
}

/* Check the 16-byte header of data[0..size) and fill *h. */
static bool read_header(const unsigned char *data, size_t size, const char *name,
                        PycHeader *h, char *err, size_t errsize)
{
    if (size < 4 || size < HEADER_SIZE) {
        if (size >= 4 && !check_magic(data, name, err, errsize))
            return false;
        snprintf(err, errsize, "%s: truncated file at offset %zu (reading the "
                 "16-byte .pyc header)", name, size);
        return false;
    }
    if (!check_magic(data, name, err, errsize))
        return false;
    h->magic = (uint16_t)(data[0] | data[1] << 8);
    h->flags = le32(data + 4);
    if (!check_flags(h->flags, name, err, errsize))
        return false;
    h->mtime = le32(data + 8);
    h->source_size = le32(data + 12);
    h->source_hash = (uint64_t)le32(data + 8) | (uint64_t)le32(data + 12) << 32;
    return true;
}

/* Keep a message on one line whatever bytes the file name holds. */
static void one_line(char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}

/* ---- Loading ---------------------------------------------------------------------------- */

static Value load_bytes(const unsigned char *data, size_t size, const char *name,
                        LdVerify verify, PycHeader *header, char *err, size_t errsize)
{
    PycHeader local;
    char dummy[1];
    if (!header)
        header = &local;
    if (!err || errsize == 0)
        err = dummy, errsize = sizeof dummy;
    err[0] = '\0';
    if (!read_header(data, size, name, header, err, errsize)) {
        one_line(err);
        return VAL_NULL;
    }
    Value code = ld_unmarshal_opt(data + HEADER_SIZE, size - HEADER_SIZE, name,
                                  HEADER_SIZE, verify, err, errsize);
    if (code && !is_code(code)) {
        snprintf(err, errsize, "%s: the top-level object is a %s, not a code object "
                 "at offset %d", name, val_type(code)->name, HEADER_SIZE);
        one_line(err);
        return VAL_NULL;
    }
    return code;
}

Value ld_load_pyc_bytes(const unsigned char *data, size_t size, const char *name,
                        PycHeader *header, char *err, size_t errsize)
{
    return load_bytes(data, size, name, LD_VERIFY, header, err, errsize);
}

/* "pvm: can't open file '/abs/x.pyc': [Errno 2] No such file or directory",
 * the way python3.11 words it (the path made absolute against the cwd). */
static void open_error(const char *path, int errnum, char *err, size_t errsize)
{
    char cwd[4096];
    bool relative = path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL;
    snprintf(err, errsize, "pvm: can't open file '%s%s%s': [Errno %d] %s",
             relative ? cwd : "", relative ? "/" : "", path, errnum, strerror(errnum));
    one_line(err);
}

/* Read up to n bytes (fewer only at the end of the file); -1 with errno
 * set on error. */
static ssize_t read_up_to(int fd, unsigned char *buf, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = read(fd, buf + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        done += (size_t)r;
    }
    return (ssize_t)done;
}

/* The rest of the file after the header, into malloc'd memory; false with
 * errno set on failure (EFBIG past MAX_FILE_SIZE).  `known` is the size
 * fstat gave a regular file (0 for anything else): that much is read at
 * once, with no further read(2) to meet the end of the file. */
static bool read_rest(int fd, unsigned char **data, size_t *size, size_t known)
{
    if (known > *size && known <= MAX_FILE_SIZE) {
        unsigned char *all = realloc(*data, known);
        if (all == NULL) {
            errno = ENOMEM;
            return false;
        }
        *data = all;
        ssize_t r = read_up_to(fd, all + *size, known - *size);
        if (r < 0)
            return false;
        *size += (size_t)r;             /* fewer if the file shrank meanwhile */
        return true;
    }
    size_t cap = 1 << 16;
    while (*size == cap || cap < *size + 4096)
        cap *= 2;
    for (;;) {
        unsigned char *bigger = realloc(*data, cap);
        if (bigger == NULL) {
            errno = ENOMEM;
            return false;
        }
        *data = bigger;
        ssize_t r = read_up_to(fd, *data + *size, cap - *size);
        if (r < 0)
            return false;
        *size += (size_t)r;
        if (*size < cap)
            return true;
        if (cap >= MAX_FILE_SIZE) {
            errno = EFBIG;
            return false;
        }
        cap *= 2;
    }
}

/* Open a file to load: not a directory; opened without blocking, so that a
 * FIFO with no writer reads as empty instead of hanging, then read in
 * blocking mode (a pipe from `pvm <(...)` is read to its end; a regular
 * file ignores the flag).  -1 with errno set on failure; *known is the
 * size of a regular file, else 0. */
static int open_for_reading(const char *path, size_t *known)
{
    *known = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    bool statted = fstat(fd, &st) == 0;
    if (statted && S_ISREG(st.st_mode)) {
        *known = (size_t)st.st_size;
        return fd;
    }
    if (statted && S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

Value ld_load_pyc_file(const char *path, PycHeader *header, char *err, size_t errsize)
{
    return ld_load_pyc_file_opt(path, LD_VERIFY, header, err, errsize);
}

/* The header is read and checked first, so that a file that is not a .pyc
 * (/dev/zero, a text file, a stream of garbage) is refused after 16 bytes;
 * then the rest, up to 1 GiB. */
Value ld_load_pyc_file_opt(const char *path, LdVerify verify, PycHeader *header,
                           char *err, size_t errsize)
{
    char dummy[1];
    PycHeader local;
    if (!err || errsize == 0)
        err = dummy, errsize = sizeof dummy;
    if (!header)
        header = &local;
    size_t known;
    int fd = open_for_reading(path, &known);
    if (fd < 0) {
        open_error(path, errno, err, errsize);
        return VAL_NULL;
    }
    unsigned char *data = malloc(HEADER_SIZE);
    ssize_t n = data ? read_up_to(fd, data, HEADER_SIZE) : -1;
    size_t size = n > 0 ? (size_t)n : 0;
    bool ok = n >= 0 && read_header(data, size, path, header, err, errsize);
    int errnum = errno;
    if (ok && !read_rest(fd, &data, &size, known)) {
        errnum = errno;
        if (errnum == EFBIG)
            snprintf(err, errsize, "%s: file larger than 1 GiB", path);
        else
            open_error(path, errnum, err, errsize);
        ok = false;
    } else if (n < 0) {
        open_error(path, errnum, err, errsize);
    }
    close(fd);
    if (!ok) {
        free(data);
        one_line(err);
        return VAL_NULL;
    }
    /* The objects copy what they keep, so the buffer can go afterwards. */
    Value code = load_bytes(data, size, path, verify, header, err, errsize);
    free(data);
    return code;
}
