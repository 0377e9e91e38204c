/*
 * files.c — is a file, is a directory, a file's bytes (files.h).
 *
 * ld_read_file reads with open() and read(), not stdio: fopen() takes a
 * 4 KiB buffer from malloc, a page every start-up would write for the
 * script's and each module's bytes (bench/README.md counts start-up's
 * pages).  A regular file's size sizes the block, so it is read in one
 * block and one read() when nothing is appending to it; anything else (a
 * pipe, a file that grows) is read to its end in a block doubled as it
 * fills.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/files.h"
#include "runtime/gc.h"

#define READ_LIMIT ((size_t)1 << 30)

bool ld_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool ld_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void *ld_read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    size_t cap = 4096;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size < READ_LIMIT)
        cap = (size_t)st.st_size + 2;           /* + 2: the NUL, and room for the read() that meets the end */
    char *buf = gc_alloc_atomic(cap);
    size_t n = 0;
    for (;;) {
        if (n + 1 == cap) {
            if (cap >= READ_LIMIT) {
                close(fd);
                errno = EFBIG;
                return NULL;
            }
            buf = gc_realloc(buf, cap *= 2);
        }
        ssize_t got = read(fd, buf + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int err = errno;
            close(fd);
            errno = err;
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    buf[n] = '\0';
    *size = n;
    return buf;
}
