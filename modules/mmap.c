/*
 * mmap.c — the mmap module (CPython's Modules/mmapmodule.c for Linux):
 * mmap.mmap, a file (or anonymous memory) mapped into the process, seen
 * as a mutable byte sequence with a file position.
 *
 * The object is its mapping: `data` and `size` (NULL once closed), the
 * position read/write/seek move, the descriptor (a dup of the caller's,
 * -1 for anonymous memory) that size() and resize() use, and the access
 * mode.  It exports its bytes through the buffer protocol (memoryview,
 * re, struct.unpack_from, bytes(m) read them in place); since the memory
 * is unmapped by close() and moved by resize(), those refuse while a
 * lasting buffer (a memoryview) is out — `exports` counts them
 * (runtime/buffer.h).
 *
 * m[i] is an int, m[i:j] bytes, and iterating gives one-byte bytes, as in
 * CPython (whose sequence and mapping slots differ there).
 *
 * A map found unreachable stays mapped (CPython's dealloc unmaps it): the
 * collector's finalisers are unordered, and the __del__ of an object
 * unreachable at the same time may still read the map or close it, which
 * would unmap what might by then be another mapping.  close() it, or use
 * `with`.
 */
#define _GNU_SOURCE             /* mremap, MAP_* and MADV_* of Linux */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "modules/modutil.h"
#include "modules/posix.h"
#include "runtime/buffer.h"

typedef enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY } Access;

typedef struct ObjMmap {
    Object ob;
    unsigned char *data;        /* NULL once closed */
    ssize_t size, pos;
    int64_t offset;
    int fd;                     /* -1: anonymous memory */
    Access access;
    int exports;                /* lasting buffers out */
} ObjMmap;

static ObjType mmap_type, mmapiter_type;

#define MMAP(v) VAL_AS(ObjMmap, v)

/* ---- the checks every method starts with ------------------------------------------- */

static ObjMmap *valid(Value self)
{
    ObjMmap *m = MMAP(self);
    if (m->data == NULL) {
        rt_raisef(&rt_ValueError, "mmap closed or invalid");
        return NULL;
    }
    return m;
}

static bool writable(ObjMmap *m)
{
    if (m->access != ACCESS_READ)
        return true;
    rt_raisef(&rt_TypeError, "mmap can't modify a readonly memory map.");
    return false;
}

/* Whether a lasting buffer of m is still out (runtime/buffer.h). */
static bool exported(ObjMmap *m)
{
    return rt_buffer_exported(&m->exports);
}

static bool resizeable(ObjMmap *m)
{
    if (exported(m)) {
        rt_raisef(&rt_BufferError, "mmap can't resize with extant buffers exported.");
        return false;
    }
    if (m->access == ACCESS_WRITE || m->access == ACCESS_DEFAULT)
        return true;
    rt_raisef(&rt_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    return false;
}

/* An "i" argument. */
static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* An "n" argument (Py_ssize_t). */
static bool ssize_arg(Value v, ssize_t *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && mod_int_as_ssize(i, out);
}

/* An optional size: None or absent means `dflt` (CPython's
 * _Py_convert_optional_to_ssize_t). */
static bool opt_ssize_arg(Value v, ssize_t dflt, ssize_t *out)
{
    if (v == VAL_NULL || v == rt_None) {
        *out = dflt;
        return true;
    }
    if (!is_int(v) && !rt_isinstance_of(v, &rt_int_type) && mod_lookup_special(v, "__index__") == VAL_NULL) {
        rt_raisef(&rt_TypeError, "argument should be integer or None, not '%T'", v);
        return false;
    }
    return ssize_arg(v, out);
}

/* ---- creating ------------------------------------------------------------------------ */

/* mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
 *      access=ACCESS_DEFAULT, offset=0) */
static Value mmap_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "fileno", "length", "flags", "prot", "access",
                                         "offset" };
    static const ArgSpec spec = { "mmap", names, 6, 0, 2, 6, false };
    Value a[6];
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    ssize_t size, offset = 0;
    if (!rt_parse_args(&spec, args, nargs, kw, a) || !int_arg(a[0], &fd) ||
        !ssize_arg(a[1], &size) || (a[2] != VAL_NULL && !int_arg(a[2], &flags)) ||
        (a[3] != VAL_NULL && !int_arg(a[3], &prot)) ||
        (a[4] != VAL_NULL && !int_arg(a[4], &access)) ||
        (a[5] != VAL_NULL && !ssize_arg(a[5], &offset)))
        return VAL_NULL;
    if (size < 0)
        return rt_raisef(&rt_OverflowError, "memory mapped length must be positive");
    if (offset < 0)
        return rt_raisef(&rt_OverflowError, "memory mapped offset must be positive");
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
        return rt_raisef(&rt_ValueError, "mmap can't specify both access and flags, prot.");
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED, prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED, prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE, prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
            access = prot & PROT_WRITE ? ACCESS_WRITE : ACCESS_READ;
        break;
    default:
        return rt_raisef(&rt_ValueError, "mmap invalid access parameter.");
    }
    struct stat st;
    if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (size == 0) {
            if (st.st_size == 0)
                return rt_raisef(&rt_ValueError, "cannot mmap an empty file");
            if (offset >= st.st_size)
                return rt_raisef(&rt_ValueError, "mmap offset is greater than file size");
            size = (ssize_t)(st.st_size - offset);
        } else if (offset > st.st_size || st.st_size - offset < size) {
            return rt_raisef(&rt_ValueError, "mmap length is greater than file size");
        }
    }
    int own_fd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    } else if ((own_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0) {
        return mod_posix_error();
    }
    void *data = mmap(NULL, (size_t)size, prot, flags, fd, offset);
    if (data == MAP_FAILED) {
        int e = errno;
        if (own_fd >= 0)
            close(own_fd);
        errno = e;
        return mod_posix_error();
    }
    ObjMmap *m = rt_alloc_instance(type, sizeof *m);
    m->data = data;
    m->size = size;
    m->offset = offset;
    m->fd = own_fd;
    m->access = (Access)access;
    return obj_val(m);
}

/* ---- closing ---------------------------------------------------------------------------- */

static Value mmap_close(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("close", nargs - 1, kw))
        return VAL_NULL;
    ObjMmap *m = MMAP(args[0]);
    if (exported(m))
        return rt_raisef(&rt_BufferError, "cannot close exported pointers exist");
    if (m->fd >= 0)
        close(m->fd);
    m->fd = -1;
    if (m->data != NULL)
        munmap(m->data, (size_t)m->size);
    m->data = NULL;
    return rt_None;
}

/* close() and resize() refuse while a lasting buffer is out: first the
 * running frame's dead value-stack slots above their arguments are
 * cleared (rt_buffer_before_resize), as for bytearray's methods
 * (runtime/bytes.c). */
static Value mmap_close_entry(Value *args, size_t nargs, Value kw)
{
    rt_buffer_before_resize(&MMAP(args[0])->exports, args, nargs);
    return mmap_close(args, nargs, kw);
}

static Value mmap_closed(Value self)
{
    return rt_bool(MMAP(self)->data == NULL);
}

static Value mmap_enter(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("__enter__", nargs - 1, kw) || valid(args[0]) == NULL)
        return VAL_NULL;
    return args[0];
}

static Value mmap_exit(Value *args, size_t nargs, Value kw)
{
    return mmap_close_entry(args, 1, VAL_NULL);
}

/* ---- reading and writing at the position ------------------------------------------------ */

/* read(n=None) */
static Value mmap_read(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ssize_t n;
    if (!rt_arg_nokw("read", kw) || !rt_arg_count("read", nargs - 1, 0, 1) ||
        (m = valid(args[0])) == NULL || !opt_ssize_arg(nargs > 1 ? args[1] : VAL_NULL, -1, &n))
        return VAL_NULL;
    ssize_t left = m->pos < m->size ? m->size - m->pos : 0;
    if (n < 0 || n > left)
        n = left;
    Value out = rt_bytes_new(m->data + m->pos, (size_t)n);
    m->pos += n;
    return out;
}

static Value mmap_read_byte(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    if (!rt_arg_none("read_byte", nargs - 1, kw) || (m = valid(args[0])) == NULL)
        return VAL_NULL;
    if (m->pos >= m->size)
        return rt_raisef(&rt_ValueError, "read byte out of range");
    return small_new(m->data[m->pos++]);
}

static Value mmap_readline(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    if (!rt_arg_none("readline", nargs - 1, kw) || (m = valid(args[0])) == NULL)
        return VAL_NULL;
    ssize_t start = m->pos < m->size ? m->pos : m->size;
    unsigned char *nl = memchr(m->data + start, '\n', (size_t)(m->size - start));
    ssize_t end = nl != NULL ? nl - m->data + 1 : m->size;
    m->pos = end;
    return rt_bytes_new(m->data + start, (size_t)(end - start));
}

static Value mmap_write(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ModBuffer b;
    if (!rt_arg_nokw("write", kw) || !rt_arg_count("write", nargs - 1, 1, 1) ||
        (m = valid(args[0])) == NULL || !mod_get_buffer(args[1], &b) || !writable(m))
        return VAL_NULL;
    if (m->pos > m->size || m->size - m->pos < (ssize_t)b.len)
        return rt_raisef(&rt_ValueError, "data out of range");
    memcpy(m->data + m->pos, b.data, b.len);
    m->pos += (ssize_t)b.len;
    return rt_int_from_i64((int64_t)b.len);
}

/* A "b" argument: an int in 0..255. */
static bool byte_arg(Value v, unsigned char *out)
{
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &n)) {
        rt_err_clear();
        n = rt_int_sign(i) < 0 ? -1 : 256;
    }
    if (n < 0 || n > 255) {
        rt_raisef(&rt_OverflowError, n < 0 ? "unsigned byte integer is less than minimum"
                                           : "unsigned byte integer is greater than maximum");
        return false;
    }
    *out = (unsigned char)n;
    return true;
}

static Value mmap_write_byte(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    unsigned char c;
    if (!rt_arg_nokw("write_byte", kw) || !rt_arg_count("write_byte", nargs - 1, 1, 1) ||
        (m = valid(args[0])) == NULL || !byte_arg(args[1], &c) || !writable(m))
        return VAL_NULL;
    if (m->pos >= m->size)
        return rt_raisef(&rt_ValueError, "write byte out of range");
    m->data[m->pos++] = c;
    return rt_None;
}

/* ---- searching -------------------------------------------------------------------------- */

/* A find() bound: negative counts from the end; clamped to 0..size. */
static ssize_t clamp_bound(ssize_t i, ssize_t size)
{
    if (i < 0)
        i += size;
    return i < 0 ? 0 : i > size ? size : i;
}

/* find/rfind(sub[, start[, end]]) */
static Value search(Value *args, size_t nargs, Value kw, const char *fname, bool reverse)
{
    ObjMmap *m;
    ModBuffer sub;
    if (!rt_arg_nokw(fname, kw) || !rt_arg_count(fname, nargs - 1, 1, 3) ||
        (m = valid(args[0])) == NULL || !mod_get_buffer(args[1], &sub))
        return VAL_NULL;
    ssize_t start = m->pos, end = m->size;
    if ((nargs > 2 && args[2] != rt_None && !ssize_arg(args[2], &start)) ||
        (nargs > 3 && args[3] != rt_None && !ssize_arg(args[3], &end)))
        return VAL_NULL;
    start = clamp_bound(start, m->size);
    end = clamp_bound(end, m->size);
    ssize_t n = (ssize_t)sub.len;
    if (end - start < n)
        return small_new(-1);
    if (reverse) {
        for (ssize_t i = end - n; i >= start; i--)
            if (memcmp(m->data + i, sub.data, (size_t)n) == 0)
                return rt_int_from_i64(i);
        return small_new(-1);
    }
    unsigned char *hit = memmem(m->data + start, (size_t)(end - start), sub.data, (size_t)n);
    return rt_int_from_i64(hit == NULL ? -1 : hit - m->data);
}

static Value mmap_find(Value *args, size_t nargs, Value kw)
{
    return search(args, nargs, kw, "find", false);
}

static Value mmap_rfind(Value *args, size_t nargs, Value kw)
{
    return search(args, nargs, kw, "rfind", true);
}

/* ---- the position and the size --------------------------------------------------------- */

/* seek(pos, whence=0) */
static Value mmap_seek(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ssize_t dist, where;
    int how = 0;
    if (!rt_arg_nokw("seek", kw) || !rt_arg_count("seek", nargs - 1, 1, 2) ||
        (m = valid(args[0])) == NULL || !ssize_arg(args[1], &dist) ||
        (nargs > 2 && !int_arg(args[2], &how)))
        return VAL_NULL;
    switch (how) {
    case 0:
        where = dist;
        break;
    case 1:
        if (__builtin_add_overflow(m->pos, dist, &where))
            goto out_of_range;
        break;
    case 2:
        if (__builtin_add_overflow(m->size, dist, &where))
            goto out_of_range;
        break;
    default:
        return rt_raisef(&rt_ValueError, "unknown seek type");
    }
    if (where > m->size || where < 0)
        goto out_of_range;
    m->pos = where;
    return rt_None;
out_of_range:
    return rt_raisef(&rt_ValueError, "seek out of range");
}

static Value mmap_tell(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    if (!rt_arg_none("tell", nargs - 1, kw) || (m = valid(args[0])) == NULL)
        return VAL_NULL;
    return rt_int_from_i64(m->pos);
}

/* size(): the file's size (not the mapping's), or the mapping's for
 * anonymous memory. */
static Value mmap_size(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    if (!rt_arg_none("size", nargs - 1, kw) || (m = valid(args[0])) == NULL)
        return VAL_NULL;
    if (m->fd < 0)
        return rt_int_from_i64(m->size);
    struct stat st;
    if (fstat(m->fd, &st) < 0)
        return mod_posix_error();
    return rt_int_from_i64(st.st_size);
}

static Value mmap_resize(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ssize_t n;
    if (!rt_arg_nokw("resize", kw) || !rt_arg_count("resize", nargs - 1, 1, 1) ||
        (m = valid(args[0])) == NULL || !resizeable(m) || !ssize_arg(args[1], &n))
        return VAL_NULL;
    if (n < 0 || SSIZE_MAX - n < m->offset)
        return rt_raisef(&rt_ValueError, "new size out of range");
    if (m->fd >= 0 && ftruncate(m->fd, m->offset + n) < 0)
        return mod_posix_error();
    void *data = mremap(m->data, (size_t)m->size, (size_t)n, MREMAP_MAYMOVE);
    if (data == MAP_FAILED)
        return mod_posix_error();
    m->data = data;
    m->size = n;
    return rt_None;
}

/* As close's entry point. */
static Value mmap_resize_entry(Value *args, size_t nargs, Value kw)
{
    rt_buffer_before_resize(&MMAP(args[0])->exports, args, nargs);
    return mmap_resize(args, nargs, kw);
}

/* flush(offset=0, size=len) */
static Value mmap_flush(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ssize_t offset = 0, size;
    if (!rt_arg_nokw("flush", kw) || !rt_arg_count("flush", nargs - 1, 0, 2) ||
        (m = valid(args[0])) == NULL)
        return VAL_NULL;
    size = m->size;
    if ((nargs > 1 && !ssize_arg(args[1], &offset)) || (nargs > 2 && !ssize_arg(args[2], &size)))
        return VAL_NULL;
    if (size < 0 || offset < 0 || m->size - offset < size)
        return rt_raisef(&rt_ValueError, "flush values out of range");
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY)
        return rt_None;
    if (msync(m->data + offset, (size_t)size, MS_SYNC) < 0)
        return mod_posix_error();
    return rt_None;
}

/* move(dest, src, count) */
static Value mmap_move(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    ssize_t dest, src, n;
    if (!rt_arg_nokw("move", kw) || !rt_arg_count("move", nargs - 1, 3, 3) ||
        (m = valid(args[0])) == NULL || !ssize_arg(args[1], &dest) ||
        !ssize_arg(args[2], &src) || !ssize_arg(args[3], &n) || !writable(m))
        return VAL_NULL;
    if (dest < 0 || src < 0 || n < 0 || m->size - dest < n || m->size - src < n)
        return rt_raisef(&rt_ValueError, "source, destination, or count out of range");
    memmove(m->data + dest, m->data + src, (size_t)n);
    return rt_None;
}

/* madvise(option, start=0, length=len - start) */
static Value mmap_madvise(Value *args, size_t nargs, Value kw)
{
    ObjMmap *m;
    int option;
    ssize_t start = 0, length;
    if (!rt_arg_nokw("madvise", kw) || !rt_arg_count("madvise", nargs - 1, 1, 3) ||
        (m = valid(args[0])) == NULL || !int_arg(args[1], &option) ||
        (nargs > 2 && !ssize_arg(args[2], &start)))
        return VAL_NULL;
    length = m->size;
    if (nargs > 3 && !ssize_arg(args[3], &length))
        return VAL_NULL;
    if (start < 0 || start >= m->size)
        return rt_raisef(&rt_ValueError, "madvise start out of bounds");
    if (length < 0)
        return rt_raisef(&rt_ValueError, "madvise length invalid");
    if (SSIZE_MAX - start < length)
        return rt_raisef(&rt_OverflowError, "madvise length too large");
    if (start + length > m->size)
        length = m->size - start;
    if (madvise(m->data + start, (size_t)length, option) < 0)
        return mod_posix_error();
    return rt_None;
}

/* ---- the sequence ------------------------------------------------------------------------ */

static ssize_t mmap_len(Value self)
{
    ObjMmap *m = valid(self);
    return m == NULL ? -1 : m->size;
}

/* An index key, counted from the end when negative: false + IndexError
 * when outside the map. */
static bool item_index(ObjMmap *m, Value key, ssize_t *out)
{
    Value i = rt_index(key);
    if (i == VAL_NULL)
        return false;
    if (!mod_int_as_ssize(i, out)) {
        rt_err_clear();
        rt_raisef(&rt_IndexError, "cannot fit '%T' into an index-sized integer", key);
        return false;
    }
    if (*out < 0)
        *out += m->size;
    if (*out < 0 || *out >= m->size) {
        rt_raisef(&rt_IndexError, "mmap index out of range");
        return false;
    }
    return true;
}

static Value mmap_getitem(Value self, Value key)
{
    ObjMmap *m = valid(self);
    if (m == NULL)
        return VAL_NULL;
    if (IS_EXACT(key, rt_slice_type)) {
        ssize_t start, stop, step, n;
        if (!rt_slice_indices(key, m->size, &start, &stop, &step, &n))
            return VAL_NULL;
        if (step == 1)
            return rt_bytes_new(m->data + start, (size_t)n);
        unsigned char *buf = gc_alloc_atomic((size_t)n + 1);
        for (ssize_t k = 0; k < n; k++)
            buf[k] = m->data[start + k * step];
        return rt_bytes_new(buf, (size_t)n);
    }
    if (rt_index_or_null(key) == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "mmap indices must be integers");
        return VAL_NULL;
    }
    ssize_t i;
    if (!item_index(m, key, &i))
        return VAL_NULL;
    return small_new(m->data[i]);
}

static int mmap_setitem(Value self, Value key, Value v)
{
    ObjMmap *m = valid(self);
    if (m == NULL || !writable(m))
        return -1;
    bool is_slice = IS_EXACT(key, rt_slice_type);
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, is_slice ? "mmap doesn't support slice deletion"
                                          : "mmap doesn't support item deletion");
        return -1;
    }
    if (is_slice) {
        ssize_t start, stop, step, n;
        ModBuffer b;
        if (!rt_slice_indices(key, m->size, &start, &stop, &step, &n) || !mod_get_buffer(v, &b))
            return -1;
        if ((ssize_t)b.len != n) {
            rt_raisef(&rt_IndexError, "mmap slice assignment is wrong size");
            return -1;
        }
        for (ssize_t k = 0; k < n; k++)
            m->data[start + k * step] = b.data[k];
        return 0;
    }
    if (rt_index_or_null(key) == VAL_NULL) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "mmap indices must be integer");
        return -1;
    }
    ssize_t i;
    if (!item_index(m, key, &i))
        return -1;
    if (!is_int(v) && !rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "mmap item value must be an int");
        return -1;
    }
    int64_t byte;
    if (!rt_int_as_i64(v, &byte) || byte < 0 || byte > 255) {
        rt_err_clear();
        rt_raisef(&rt_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    m->data[i] = (unsigned char)byte;
    return 0;
}

/* iter(m): one-byte bytes objects, read live (CPython's sequence iterator
 * over sq_item). */
typedef struct ObjMmapIter {
    Object ob;
    Value map;                  /* VAL_NULL once exhausted */
    ssize_t next;
} ObjMmapIter;

static Value mmap_iter(Value self)
{
    if (valid(self) == NULL)
        return VAL_NULL;
    ObjMmapIter *it = gc_alloc(sizeof *it);
    it->ob.type = &mmapiter_type;
    it->map = self;
    return obj_val(it);
}

static Value mmapiter_next(Value self)
{
    ObjMmapIter *it = VAL_AS(ObjMmapIter, self);
    if (it->map == VAL_NULL)
        return VAL_NULL;
    ObjMmap *m = valid(it->map);
    if (m == NULL)
        return VAL_NULL;
    if (it->next >= m->size) {
        it->map = VAL_NULL;
        return VAL_NULL;
    }
    return rt_bytes_new(m->data + it->next++, 1);
}

static ObjType mmapiter_type = {
    .ob.type = &rt_type_type, .name = "iterator", .iter = rt_iter_self, .next = mmapiter_next,
};

/* ---- the buffer protocol ------------------------------------------------------------------ */

static int mmap_getbuffer(Value self, RtBuffer *view, int flags)
{
    ObjMmap *m = valid(self);
    if (m == NULL)
        return -1;
    if (rt_buffer_fill(view, self, m->data, m->size, m->access == ACCESS_READ, "B", 1, flags) < 0)
        return -1;
    if (flags & RT_BUF_LASTING)
        m->exports++;
    return 0;
}

static void mmap_releasebuffer(Value self, RtBuffer *view)
{
    if (view->flags & RT_BUF_LASTING)
        MMAP(self)->exports--;
}

/* ---- repr --------------------------------------------------------------------------------- */

static Value mmap_repr(Value self)
{
    static const char *const modes[] = { "ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE",
                                         "ACCESS_COPY" };
    ObjMmap *m = MMAP(self);
    const char *name = VAL_AS(Object, self)->type->name;
    if (m->data == NULL)
        return rt_str_format_c("<%s closed=True>", name);
    return rt_str_format_c("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%ld>",
                           name, modes[m->access], m->size, m->pos, (long)m->offset);
}

static const GetSetDef mmap_getsets[] = {
    {"closed", mmap_closed, NULL, NULL},
    {NULL},
};

static const MethodDef mmap_methods[] = {
    {"close", mmap_close_entry}, {"find", mmap_find}, {"rfind", mmap_rfind},
    {"flush", mmap_flush}, {"madvise", mmap_madvise}, {"move", mmap_move},
    {"read", mmap_read}, {"read_byte", mmap_read_byte}, {"readline", mmap_readline},
    {"resize", mmap_resize_entry}, {"seek", mmap_seek}, {"size", mmap_size}, {"tell", mmap_tell},
    {"write", mmap_write}, {"write_byte", mmap_write_byte},
    {"__enter__", mmap_enter}, {"__exit__", mmap_exit},
    {NULL, NULL}
};

static ObjType mmap_type = {
    .ob.type = &rt_type_type, .name = "mmap.mmap", .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .instance_size = sizeof(ObjMmap), .new_ = mmap_new, .repr = mmap_repr,
    .len = mmap_len, .getitem = mmap_getitem, .setitem = mmap_setitem, .iter = mmap_iter,
    .getbuffer = mmap_getbuffer, .releasebuffer = mmap_releasebuffer, .getsets = mmap_getsets,
};

Value mod_mmap_init(void)
{
    static const struct { const char *name; long value; } constants[] = {
        {"ACCESS_DEFAULT", ACCESS_DEFAULT}, {"ACCESS_READ", ACCESS_READ},
        {"ACCESS_WRITE", ACCESS_WRITE}, {"ACCESS_COPY", ACCESS_COPY},
        {"MADV_DODUMP", MADV_DODUMP}, {"MADV_DOFORK", MADV_DOFORK},
        {"MADV_DONTDUMP", MADV_DONTDUMP}, {"MADV_DONTFORK", MADV_DONTFORK},
        {"MADV_DONTNEED", MADV_DONTNEED}, {"MADV_FREE", MADV_FREE},
        {"MADV_HUGEPAGE", MADV_HUGEPAGE}, {"MADV_HWPOISON", MADV_HWPOISON},
        {"MADV_MERGEABLE", MADV_MERGEABLE}, {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
        {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM},
        {"MADV_REMOVE", MADV_REMOVE}, {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
        {"MADV_UNMERGEABLE", MADV_UNMERGEABLE}, {"MADV_WILLNEED", MADV_WILLNEED},
        {"MAP_ANON", MAP_ANON}, {"MAP_ANONYMOUS", MAP_ANONYMOUS},
        {"MAP_DENYWRITE", MAP_DENYWRITE}, {"MAP_EXECUTABLE", MAP_EXECUTABLE},
        {"MAP_POPULATE", MAP_POPULATE}, {"MAP_PRIVATE", MAP_PRIVATE},
        {"MAP_SHARED", MAP_SHARED}, {"MAP_STACK", MAP_STACK},
        {"PROT_EXEC", PROT_EXEC}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
    };
    Value m = mod_module_new("mmap", NULL);
    mod_add_type(m, "mmap", &mmap_type, mmap_methods);
    if (mmapiter_type.mro == VAL_NULL)
        rt_type_ready(&mmapiter_type, NULL);
    mod_module_set(m, "error", obj_val(&rt_OSError));
    long page = sysconf(_SC_PAGESIZE);
    mod_module_set(m, "PAGESIZE", small_new(page));
    mod_module_set(m, "ALLOCATIONGRANULARITY", small_new(page));
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        mod_module_set(m, constants[i].name, small_new(constants[i].value));
    return m;
}
