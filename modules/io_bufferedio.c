/*
 * io_bufferedio.c — the buffered binary streams (CPython's
 * Modules/_io/bufferedio.c): BufferedReader, BufferedWriter and
 * BufferedRandom over a raw stream, and BufferedRWPair over two.
 *
 * One layout serves the first three: a read-ahead buffer (rbuf[rpos..rlen)
 * holds bytes read from the raw stream but not yet by the program) and a
 * write buffer (wbuf[0..wlen) holds bytes written but not yet handed to the
 * raw stream).  At most one of them holds anything at a time: reading
 * flushes the writes first, and writing or seeking drops the read-ahead
 * after moving the raw position back to where the program is.  The raw
 * stream is called through its methods (readinto, write, seek...), so any
 * RawIOBase works; FileIO's descriptor is read directly.
 *
 * The writer that open()/sys made over descriptor 1 is special: its bytes
 * go into runtime/stdout.c's buffer, which print() fills too.
 *
 * Buffered writers the program did not close are closed, so flushed, when
 * they are collected or at exit, as CPython finalises them (_IOBase.__del__,
 * runtime/finalize.h).
 *
 * A raw read or write releases the interpreter lock, so another thread may
 * call the same object meanwhile and find its buffers half-updated.  As
 * CPython's ENTER_BUFFERED, each object is held by one thread at a time:
 * every method runs through with_lock() below.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <unistd.h>
#include "modules/io.h"
#include "runtime/buffer.h"
#include "vm/thread.h"
#include "vm/vm.h"

typedef struct Buffered {
    IoObject base;
    Value raw;                  /* VAL_NULL once detached */
    bool ok, detached, readable, writable, to_stdout;
    size_t bufsize;
    unsigned char *rbuf, *wbuf;
    size_t rpos, rlen, wlen;
    uint64_t owner;             /* vm_thread_serial() + 1 of the thread inside; 0: none */
} Buffered;

#define BUF(v) VAL_AS(Buffered, v)

Value io_buffered_raw(Value obj)
{
    ObjType *t = val_type(obj);
    bool mine = t == &io_bufferedreader_type || t == &io_bufferedwriter_type ||
                t == &io_bufferedrandom_type;
    return mine && BUF(obj)->ok ? BUF(obj)->raw : VAL_NULL;
}

static Value err_detached(void)
{
    return rt_raisef(&rt_ValueError, "raw stream has been detached");
}

static bool is_buffered(Value v)
{
    return val_type(v) == &io_bufferedreader_type || rt_isinstance_of(v, &io_bufferedreader_type) ||
           rt_isinstance_of(v, &io_bufferedwriter_type) || rt_isinstance_of(v, &io_bufferedrandom_type);
}

static Buffered *self_ok(Value *args, size_t nargs, const char *name)
{
    if (!io_self(args, nargs, &io_bufferediobase_type, name) || !is_buffered(args[0])) {
        if (!rt_err_occurred())
            rt_raisef(&rt_TypeError, "descriptor '%s' requires a buffered object", name);
        return NULL;
    }
    Buffered *b = BUF(args[0]);
    if (b->detached) {
        err_detached();
        return NULL;
    }
    if (!b->ok) {
        rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return b;
}

/* raw.closed, with a message of the operation's own when true. */
static bool check_open(Buffered *b, const char *msg)
{
    int c = io_is_closed(b->raw);
    if (c > 0)
        rt_raisef(&rt_ValueError, "%s", msg);
    return c == 0;
}

/* ---- one thread at a time ---------------------------------------------------------------------- */

/* Wait, the interpreter lock released, until no other thread is inside b.
 * When no other thread runs, the owner is gone: the child of a fork() made
 * while another thread was inside, or the teardown, which stops the other
 * threads where they are (vm_thread_others_run; CPython waits a second
 * there, then stops the process with a fatal error).  The thread already
 * inside is refused, as by CPython's ENTER_BUFFERED: a signal handler, or
 * a raw stream's method, that calls the object back in the middle of a
 * write would find its buffer half-updated.  false with RuntimeError set. */
static bool lock_enter(Value self)
{
    Buffered *b = BUF(self);
    uint64_t me = vm_thread_serial() + 1;
    if (b->owner == me) {
        rt_raisef(&rt_RuntimeError, "reentrant call inside %R", self);
        return false;
    }
    while (b->owner != 0 && vm_thread_others_run()) {
        vm_release_lock();
        sched_yield();
        vm_reacquire_lock();
    }
    b->owner = me;
    return true;
}

static void lock_leave(Buffered *b)
{
    b->owner = 0;
}

static Value with_lock(Value (*body)(Value *, size_t, Value), Value *args, size_t nargs, Value kw)
{
    if (nargs == 0 || val_is_small(args[0]) || !is_buffered(args[0]))
        return body(args, nargs, kw);       /* body raises the TypeError */
    if (!lock_enter(args[0]))
        return VAL_NULL;
    Value result = body(args, nargs, kw);
    lock_leave(BUF(args[0]));
    return result;
}

/* ---- talking to the raw stream -------------------------------------------------------------- */

/* An InterruptedError from a raw stream of the program's: cleared, so that
 * the call is made again (CPython's _PyIO_trap_eintr; FileIO retries by
 * itself, PEP 475). */
static bool trap_eintr(void)
{
    if (!rt_err_matches(&rt_InterruptedError))
        return false;
    rt_err_clear();
    return true;
}

/* The count a raw readinto() or write() of n bytes returned, in 0..n. */
static bool raw_count(Value got, size_t n, const char *method, ssize_t *k)
{
    if (!rt_as_ssize(got, k))
        return false;
    if (*k < 0 || (size_t)*k > n) {
        rt_raisef(&rt_OSError, "raw %s() returned invalid length %zd (should have been "
                  "between 0 and %zu)", method, *k, n);
        return false;
    }
    return true;
}

/* Up to n bytes from the raw stream into dst: the count, 0 at end, -1 on
 * error, -2 when a non-blocking raw stream has nothing (None). */
static ssize_t raw_read(Buffered *b, unsigned char *dst, size_t n)
{
    if (IS_EXACT(b->raw, io_fileio_type) && io_fileio_fd(b->raw) >= 0)
        return io_fileio_read(b->raw, dst, n);
    Value ba = rt_bytearray_new(NULL, 0);
    ObjByteArray *a = VAL_AS(ObjByteArray, ba);
    a->data = gc_alloc_atomic(n + 1);
    a->length = a->capacity = n;
    Value got;
    while ((got = io_call(b->raw, "readinto", 1, ba)) == VAL_NULL)
        if (!trap_eintr())
            return -1;
    if (got == rt_None)
        return -2;
    ssize_t k;
    if (!rt_as_ssize(got, &k)) {        /* not an int: OSError from it, as CPython */
        Value cause = rt_err_fetch();
        Value exc = rt_exc_new(&rt_OSError, rt_tuple_pack(1, rt_str_from_cstr("raw readinto() failed")));
        if (exc != VAL_NULL) {
            AS_EXC(exc)->cause = AS_EXC(exc)->context = cause;
            AS_EXC(exc)->suppress_context = true;
            rt_raise(exc);
        }
        return -1;
    }
    if (!raw_count(got, n, "readinto", &k))
        return -1;
    memcpy(dst, a->data, (size_t)k);
    return k;
}

/* BlockingIOError(EAGAIN, ..., written): a non-blocking raw stream took
 * no more; `written` of the caller's bytes are in the stream or the buffer
 * (CPython's _set_BlockingIOError). */
static void raise_blocked(size_t written)
{
    Value exc = rt_exc_new(&rt_BlockingIOError,
                           rt_tuple_pack(3, small_new(EAGAIN),
                                         rt_str_from_cstr("write could not complete without blocking"),
                                         rt_int_from_i64((int64_t)written)));
    if (exc != VAL_NULL)
        rt_raise(exc);
}

/* One raw write of n bytes: the count it took, -1 on error, -2 when a
 * non-blocking raw stream took nothing (None; no exception set). */
static ssize_t raw_write(Buffered *b, const unsigned char *p, size_t n)
{
    Value got;
    while ((got = io_call(b->raw, "write", 1, rt_bytes_new(p, n))) == VAL_NULL)
        if (!trap_eintr())
            return -1;
    if (got == rt_None)
        return -2;
    ssize_t k;
    return raw_count(got, n, "write", &k) ? k : -1;
}

/* Hand the n bytes at p to the raw stream until no more than `keep` are
 * left (the caller buffers those); *done counts those it took.  A blocking
 * write that a signal cuts short returns what it wrote (write(2)), so the
 * handlers run after each write, before one that may block for good; one
 * that raises stops here, what was written counted (CPython's
 * _bufferedwriter_flush_unlocked).  0, or raw_write's -1 (exception set)
 * or -2 (blocked). */
static int raw_write_all(Buffered *b, const unsigned char *p, size_t n, size_t keep, size_t *done)
{
    *done = 0;
    while (n - *done > keep) {
        ssize_t k = raw_write(b, p + *done, n - *done);
        if (k < 0)
            return (int)k;
        *done += (size_t)k;
        if (!vm_check_interrupt())
            return -1;
    }
    return 0;
}

/* Hand the write buffer to the raw stream; what it does not take stays
 * (a failed flush is tried again by the next one, as in CPython), moved to
 * the buffer's start.  0, -1 or -2 as raw_write_all. */
static int flush_some(Buffered *b)
{
    if (b->wlen == 0)
        return 0;
    if (b->to_stdout) {
        size_t n = b->wlen;
        b->wlen = 0;
        return rt_stdout_write((const char *)b->wbuf, n) ? 0 : -1;
    }
    size_t done;
    int r = raw_write_all(b, b->wbuf, b->wlen, 0, &done);
    memmove(b->wbuf, b->wbuf + done, b->wlen - done);
    b->wlen -= done;
    return r;
}

/* flush_some, a blocked raw stream raised as BlockingIOError (none of the
 * caller's bytes written); false with the exception set. */
static bool flush_writes(Buffered *b)
{
    int r = flush_some(b);
    if (r == -2)
        raise_blocked(0);
    return r == 0;
}

/* Drop the read-ahead, moving the raw stream back to the program's place. */
static bool drop_readahead(Buffered *b)
{
    size_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead == 0)
        return true;
    return io_call(b->raw, "seek", 2, rt_int_from_i64(-(int64_t)ahead), small_new(1)) != VAL_NULL;
}

/* Refill the read buffer (empty) with one raw read: its result as raw_read. */
static ssize_t fill(Buffered *b)
{
    if (!flush_writes(b))
        return -1;
    b->rpos = b->rlen = 0;
    ssize_t r = raw_read(b, b->rbuf, b->bufsize);
    if (r > 0)
        b->rlen = (size_t)r;
    return r;
}

/* ---- construction ------------------------------------------------------------------------------ */

static bool init_common(Value *args, size_t nargs, Value kw, const char *fname, bool r, bool w)
{
    static const char *const names[] = { "raw", "buffer_size" };
    ArgSpec spec = { fname, names, 2, 0, 1, 2, false };
    Value a[2];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return false;
    Buffered *b = BUF(args[0]);
    b->ok = false;
    if (r && io_check_ability(a[0], "readable", "readable") == VAL_NULL)
        return false;
    if (w && io_check_ability(a[0], "writable", "writable") == VAL_NULL)
        return false;
    if (r && w && io_check_ability(a[0], "seekable", "seekable") == VAL_NULL)
        return false;
    ssize_t size = IO_DEFAULT_BUFFER_SIZE;
    if (a[1] != VAL_NULL && !rt_as_ssize(a[1], &size))
        return false;
    if (size <= 0) {
        rt_raisef(&rt_ValueError, "buffer size must be strictly positive");
        return false;
    }
    unsigned char *rbuf = NULL, *wbuf = NULL;   /* the size is the program's choice */
    if ((r && (rbuf = gc_try_alloc_atomic((size_t)size)) == NULL) ||
        (w && (wbuf = gc_try_alloc_atomic((size_t)size)) == NULL)) {
        rt_raise(obj_val(&rt_MemoryError));
        return false;
    }
    b->raw = a[0];
    b->readable = r;
    b->writable = w;
    b->bufsize = (size_t)size;
    b->rbuf = rbuf;
    b->wbuf = wbuf;
    b->rpos = b->rlen = b->wlen = 0;
    b->detached = false;
    b->ok = true;
    return true;
}

static Value reader_init(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferedreader_type, "__init__"))
        return VAL_NULL;
    return init_common(args, nargs, kw, "BufferedReader", true, false) ? rt_None : VAL_NULL;
}

static Value writer_init(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferedwriter_type, "__init__"))
        return VAL_NULL;
    return init_common(args, nargs, kw, "BufferedWriter", false, true) ? rt_None : VAL_NULL;
}

static Value random_init(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferedrandom_type, "__init__"))
        return VAL_NULL;
    return init_common(args, nargs, kw, "BufferedRandom", true, true) ? rt_None : VAL_NULL;
}

static Value reader_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    return io_new(t, sizeof(Buffered), reader_init, args, nargs, kw);
}

static Value writer_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    return io_new(t, sizeof(Buffered), writer_init, args, nargs, kw);
}

static Value random_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    return io_new(t, sizeof(Buffered), random_init, args, nargs, kw);
}

Value io_buffered_new(ObjType *type, Value *args, size_t nargs)
{
    NativeFunc init = type == &io_bufferedreader_type ? reader_init
                    : type == &io_bufferedwriter_type ? writer_init : random_init;
    return io_construct(type, sizeof(Buffered), init, args, nargs);
}

void io_buffered_set_stdout(Value buffered)
{
    BUF(buffered)->to_stdout = true;
}

/* ---- reading ------------------------------------------------------------------------------------ */

static Buffered *reading(Value *args, size_t nargs, const char *name)
{
    Buffered *b = self_ok(args, nargs, name);
    if (b == NULL)
        return NULL;
    if (!b->readable) {
        io_unsupported(name);
        return NULL;
    }
    char msg[40];
    snprintf(msg, sizeof msg, "%s of closed file", strcmp(name, "read1") ? name : "read");
    return check_open(b, msg) ? b : NULL;
}

/* Append up to n bytes (n < 0: to the end) to sb: from the read-ahead, then
 * the raw stream.  false on error; *blocked when the raw stream had nothing. */
static bool read_into(Buffered *b, StrBuf *sb, ssize_t n, bool *blocked)
{
    *blocked = false;
    if (!flush_writes(b))
        return false;
    for (;;) {
        size_t have = b->rlen - b->rpos;
        size_t want = n < 0 ? have : (size_t)n - sb->len;
        size_t k = have < want ? have : want;
        sb_add(sb, (const char *)b->rbuf + b->rpos, k);
        b->rpos += k;
        if (n >= 0 && sb->len >= (size_t)n)
            return true;
        ssize_t r = fill(b);
        if (r < 0) {
            *blocked = r == -2;
            return r == -2;
        }
        if (r == 0)
            return true;
    }
}

/* read() over pvm's own FileIO: the read-ahead, then the raw stream's
 * readall(), which reads the rest of a file into a bytes of its size, as
 * CPython's _bufferedreader_read_all hands the rest to raw.readall(). */
static Value read_all_fileio(Buffered *b)
{
    if (!flush_writes(b))
        return VAL_NULL;
    const unsigned char *head = b->rbuf + b->rpos;     /* stays: readall does not fill */
    size_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    Value rest = io_fileio_readall(b->raw);
    if (rest == VAL_NULL || ahead == 0)
        return rest;
    size_t more = rest == rt_None ? 0 : AS_BYTES(rest)->length;
    Value all = rt_bytes_uninit(ahead + more);
    memcpy(AS_BYTES(all)->data, head, ahead);
    if (more > 0)
        memcpy(AS_BYTES(all)->data + ahead, AS_BYTES(rest)->data, more);
    return all;
}

static Value buffered_read(Value *args, size_t nargs, Value kw)
{
    Buffered *b = reading(args, nargs, "read");
    ssize_t n;
    if (b == NULL || !rt_arg_range("read", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    if (n < -1)
        return rt_raisef(&rt_ValueError, "read length must be non-negative or -1");
    if (n > 0 && (size_t)n > b->rlen - b->rpos && !gc_size_ok((size_t)n))
        return rt_raise_nomemory();     /* CPython asks for n bytes first */
    if (n < 0 && IS_EXACT(b->raw, io_fileio_type) && io_fileio_fd(b->raw) >= 0)
        return read_all_fileio(b);
    StrBuf sb;
    sb_init(&sb);
    bool blocked;
    if (!read_into(b, &sb, n, &blocked))
        return VAL_NULL;
    if (blocked && sb.len == 0)
        return rt_None;
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

/* read1(n): what the buffer has, or one raw read when it is empty. */
static Value buffered_read1(Value *args, size_t nargs, Value kw)
{
    Buffered *b = reading(args, nargs, "read1");
    ssize_t n;
    if (b == NULL || !rt_arg_range("read1", nargs - 1, 0, 1) || !io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    if (n < 0)
        n = (ssize_t)b->bufsize;
    if (n == 0)
        return rt_bytes_new(NULL, 0);
    if (b->rlen == b->rpos && fill(b) < 0 && rt_err_occurred())
        return VAL_NULL;
    size_t have = b->rlen - b->rpos, k = have < (size_t)n ? have : (size_t)n;
    Value r = rt_bytes_new(b->rbuf + b->rpos, k);
    b->rpos += k;
    return r;
}

static Value buffered_peek(Value *args, size_t nargs, Value kw)
{
    Buffered *b = reading(args, nargs, "peek");
    if (b == NULL || !rt_arg_range("peek", nargs - 1, 0, 1))
        return VAL_NULL;
    if (b->rlen == b->rpos && fill(b) < 0 && rt_err_occurred())
        return VAL_NULL;
    return rt_bytes_new(b->rbuf + b->rpos, b->rlen - b->rpos);
}

/* readinto1 of n bytes into sb: what the buffer holds, then at most one
 * raw read -- straight from the raw stream when more than a buffer's worth
 * is still wanted, else into the buffer if it gave nothing (CPython's
 * _buffered_readinto_generic).  False with the exception set. */
static bool readinto1(Buffered *b, StrBuf *sb, size_t n)
{
    size_t have = b->rlen - b->rpos, k = have < n ? have : n;
    sb_add(sb, (const char *)b->rbuf + b->rpos, k);
    b->rpos += k;
    if (k == n)
        return true;
    size_t remaining = n - k;
    if (remaining > b->bufsize) {
        if (!flush_writes(b))
            return false;
        b->rpos = b->rlen = 0;
        unsigned char *dst = gc_alloc_atomic(remaining);
        ssize_t r = raw_read(b, dst, remaining);       /* -2, nothing yet: 0 */
        if (r > 0)
            sb_add(sb, (const char *)dst, (size_t)r);
        return r != -1;
    }
    if (k > 0)
        return true;
    if (fill(b) < 0 && rt_err_occurred())
        return false;
    have = b->rlen - b->rpos;
    k = have < n ? have : n;
    sb_add(sb, (const char *)b->rbuf + b->rpos, k);
    b->rpos += k;
    return true;
}

static Value readinto_common(Value *args, size_t nargs, Value kw, const char *name, bool one)
{
    Buffered *b = reading(args, nargs, name);
    RtBuffer v;
    if (b == NULL || !io_onearg(args, nargs, kw, NULL, name) || !io_rw_buffer(args[1], &v, name, NULL))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    bool blocked, ok;
    if (one)
        ok = readinto1(b, &sb, (size_t)v.len);
    else
        ok = read_into(b, &sb, v.len, &blocked);
    if (ok && sb.len > 0)
        memcpy(v.buf, sb.data, sb.len);
    rt_release_buffer(&v);
    return ok ? small_new((intptr_t)sb.len) : VAL_NULL;
}

static Value buffered_readinto(Value *args, size_t nargs, Value kw) { return readinto_common(args, nargs, kw, "readinto", false); }
static Value buffered_readinto1(Value *args, size_t nargs, Value kw) { return readinto_common(args, nargs, kw, "readinto1", true); }

static Value readline_limit(Buffered *b, ssize_t limit)
{
    StrBuf sb;
    sb_init(&sb);
    if (!flush_writes(b))
        return VAL_NULL;
    for (;;) {
        size_t have = b->rlen - b->rpos;
        if (limit >= 0 && have > (size_t)limit - sb.len)
            have = (size_t)limit - sb.len;
        const unsigned char *nl = memchr(b->rbuf + b->rpos, '\n', have);
        size_t k = nl != NULL ? (size_t)(nl - (b->rbuf + b->rpos)) + 1 : have;
        sb_add(&sb, (const char *)b->rbuf + b->rpos, k);
        b->rpos += k;
        if (nl != NULL || (limit >= 0 && sb.len >= (size_t)limit))
            break;
        ssize_t r = fill(b);
        if (r == -1)
            return VAL_NULL;
        if (r <= 0)
            break;
    }
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

static Value buffered_readline(Value *args, size_t nargs, Value kw)
{
    Buffered *b = reading(args, nargs, "readline");
    ssize_t n;
    if (b == NULL || !rt_arg_range("readline", nargs - 1, 0, 1) ||
        !io_size_arg(args, nargs, 1, &n))
        return VAL_NULL;
    return readline_limit(b, n);
}

static Value next_line(Value *args, size_t nargs, Value kw)
{
    Buffered *b = reading(args, nargs, "readline");
    if (b == NULL)
        return VAL_NULL;
    Value line = readline_limit(b, -1);
    return line == VAL_NULL || AS_BYTES(line)->length == 0 ? VAL_NULL : line;
}

static Value buffered_next(Value self)
{
    if (!IS_EXACT(self, io_bufferedreader_type) && !IS_EXACT(self, io_bufferedrandom_type))
        return io_iobase_type.next(self);
    Value args[1] = { self };
    return with_lock(next_line, args, 1, VAL_NULL);
}

/* ---- writing ------------------------------------------------------------------------------------ */

/* Keep the n bytes at p (more than the buffer has room for): the buffer
 * flushed, then all but the last buffer's worth straight to the raw stream,
 * the rest buffered.  A non-blocking raw stream that takes no more has what
 * fits buffered and raises BlockingIOError with the count taken, as
 * CPython's _io_BufferedWriter_write_impl.  false with the exception set. */
static bool write_through(Buffered *b, const unsigned char *p, size_t n)
{
    int r = flush_some(b);
    if (r == -1)
        return false;
    if (r == -2) {
        size_t room = b->bufsize - b->wlen, k = n < room ? n : room;
        memcpy(b->wbuf + b->wlen, p, k);
        b->wlen += k;
        if (k < n)
            raise_blocked(k);
        return k == n;
    }
    size_t done;
    r = raw_write_all(b, p, n, b->bufsize, &done);
    if (r == -1)
        return false;
    size_t rest = n - done, k = rest < b->bufsize ? rest : b->bufsize;
    memcpy(b->wbuf, p + done, k);
    b->wlen = k;
    if (k < rest)
        raise_blocked(done + k);
    return k == rest;
}

static Value buffered_write(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "write");
    if (b == NULL || !io_onearg(args, nargs, kw, NULL, "write"))
        return VAL_NULL;
    if (!b->writable)
        return io_unsupported("write");
    RtBuffer v;
    if (rt_get_buffer(args[1], &v, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    ssize_t n = v.len;
    if (!b->to_stdout && !check_open(b, "write to closed file")) {
        rt_release_buffer(&v);
        return VAL_NULL;
    }
    bool ok = true;
    if (b->to_stdout) {
        ok = rt_stdout_write(v.buf, (size_t)n);
    } else if (b->rlen > b->rpos && !drop_readahead(b)) {
        ok = false;
    } else if (b->wlen + (size_t)n <= b->bufsize) {
        memcpy(b->wbuf + b->wlen, v.buf, (size_t)n);
        b->wlen += (size_t)n;
    } else {
        ok = write_through(b, v.buf, (size_t)n);
    }
    b->rpos = b->rlen = 0;
    rt_release_buffer(&v);
    return ok ? small_new(n) : VAL_NULL;
}

static Value buffered_flush(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "flush");
    if (b == NULL)
        return VAL_NULL;
    if (b->to_stdout)
        return rt_stdout_flush_buffer_checked() ? rt_None : VAL_NULL;
    if (!check_open(b, b->writable ? "flush of closed file" : "I/O operation on closed file."))
        return VAL_NULL;
    if (!flush_writes(b))
        return VAL_NULL;
    if (b->writable && b->rlen > b->rpos && !drop_readahead(b))
        return VAL_NULL;
    return b->writable ? io_call(b->raw, "flush", 0) : rt_None;
}

/* ---- positions ------------------------------------------------------------------------------------ */

static Value buffered_tell(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "tell");
    if (b == NULL)
        return VAL_NULL;
    Value pos = io_call(b->raw, "tell", 0);
    int64_t p;
    if (pos == VAL_NULL || !rt_int_as_i64(pos, &p))
        return VAL_NULL;
    p = p - (int64_t)(b->rlen - b->rpos) + (int64_t)b->wlen;
    if (p < 0)
        return rt_raisef(&rt_OSError, "Raw stream returned invalid position %lld", (long long)p);
    return rt_int_from_i64(p);
}

static Value buffered_seek(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "seek");
    if (b == NULL || !rt_arg_range("seek", nargs - 1, 1, 2))
        return VAL_NULL;
    ssize_t whence = 0;
    if (nargs > 2 && !rt_as_ssize(args[2], &whence))
        return VAL_NULL;
    if (whence < 0 || whence > 2)
        return rt_raisef(&rt_ValueError, "whence value %zd unsupported", whence);
    if (!check_open(b, "seek of closed file"))
        return VAL_NULL;
    Value target = rt_index(args[1]);   /* CPython's PyNumber_AsOff_t */
    if (target == VAL_NULL || !flush_writes(b))
        return VAL_NULL;
    if (whence == 1) {
        int64_t p;
        if (!rt_int_as_i64(target, &p))
            return VAL_NULL;
        target = rt_int_from_i64(p - (int64_t)(b->rlen - b->rpos));
    }
    b->rpos = b->rlen = 0;
    Value pos = io_call(b->raw, "seek", 2, target, small_new(whence));
    int64_t p;
    if (pos == VAL_NULL || (pos = rt_index(pos)) == VAL_NULL || !rt_int_as_i64(pos, &p))
        return VAL_NULL;
    if (p < 0)
        return rt_raisef(&rt_OSError, "Raw stream returned invalid position %lld", (long long)p);
    return rt_int_from_i64(p);
}

static Value buffered_truncate(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "truncate");
    if (b == NULL || !rt_arg_range("truncate", nargs - 1, 0, 1))
        return VAL_NULL;
    if (!b->writable)
        return io_unsupported("truncate");
    if (!check_open(b, "truncate of closed file") || !flush_writes(b) || !drop_readahead(b))
        return VAL_NULL;
    Value pos = nargs > 1 ? args[1] : rt_None;
    if (pos == rt_None && (pos = io_call(b->raw, "tell", 0)) == VAL_NULL)
        return VAL_NULL;
    return io_call(b->raw, "truncate", 1, pos);
}

/* ---- the rest, mostly the raw stream's ---------------------------------------------------------- */

/* close() and detach() flush through the method, which takes the lock
 * itself (a subclass's flush may call other methods), then change the
 * object under the lock: not in the middle of another thread's write. */
static Value buffered_close(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "close");
    if (b == NULL || !lock_enter(args[0]))
        return VAL_NULL;
    int c = io_is_closed(b->raw);
    lock_leave(b);
    if (c != 0)
        return c < 0 ? VAL_NULL : rt_None;
    if (b->base.finalizing)
        io_dealloc_warn(b->raw, args[0]);
    Value flushed = io_call(args[0], "flush", 0);     /* a reader's too: it may be replaced */
    Value exc = flushed == VAL_NULL ? rt_err_fetch() : VAL_NULL;
    if (!lock_enter(args[0]))
        return VAL_NULL;
    Value r = io_call(b->raw, "close", 0);
    b->rpos = b->rlen = b->wlen = 0;
    lock_leave(b);
    return io_close_after(r, exc);
}

static Value buffered_detach(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "detach");
    if (b == NULL || io_call(args[0], "flush", 0) == VAL_NULL || !lock_enter(args[0]))
        return VAL_NULL;
    Value raw = b->raw;
    b->raw = VAL_NULL;
    b->detached = true;
    lock_leave(b);
    return raw;
}

static Value raw_method(Value *args, size_t nargs, const char *name)
{
    Buffered *b = self_ok(args, nargs, name);
    return b == NULL ? VAL_NULL : io_call(b->raw, name, 0);
}

static Value buffered_fileno(Value *args, size_t nargs, Value kw) { return raw_method(args, nargs, "fileno"); }
static Value buffered_isatty(Value *args, size_t nargs, Value kw) { return raw_method(args, nargs, "isatty"); }
static Value buffered_seekable(Value *args, size_t nargs, Value kw) { return raw_method(args, nargs, "seekable"); }

static Value buffered_readable(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "readable");
    return b == NULL ? VAL_NULL : b->readable ? io_call(b->raw, "readable", 0) : rt_False;
}

static Value buffered_writable(Value *args, size_t nargs, Value kw)
{
    Buffered *b = self_ok(args, nargs, "writable");
    return b == NULL ? VAL_NULL : b->writable ? io_call(b->raw, "writable", 0) : rt_False;
}

static Value raw_attr(Value self, const char *name)
{
    Value args[1] = { self };
    Buffered *b = self_ok(args, 1, name);
    return b == NULL ? VAL_NULL : rt_getattr_cstr(b->raw, name);
}

static Value get_closed(Value self) { return raw_attr(self, "closed"); }
static Value get_name(Value self) { return raw_attr(self, "name"); }
static Value get_mode(Value self) { return raw_attr(self, "mode"); }

static Value get_raw(Value self)
{
    return BUF(self)->raw == VAL_NULL ? rt_None : BUF(self)->raw;
}

static Value buffered_repr(Value self)
{
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, "<");
    sb_adds(&sb, val_type(self)->name);
    if (BUF(self)->raw != VAL_NULL && !io_repr_attr(&sb, self, "name", "name"))
        return VAL_NULL;
    sb_adds(&sb, ">");
    return sb_finish(&sb);
}

static const GetSetDef buffered_getsets[] = {
    {"closed", get_closed, 0, 0}, {"name", get_name, 0, 0}, {"mode", get_mode, 0, 0},
    {"raw", get_raw, 0, 0},
    {NULL, 0, 0, 0},
};

/* The methods that change the buffers, each run under the object's lock
 * (tell only reads them, and takes no lock in CPython either: a signal
 * handler may ask where a file is in the middle of its write). */
#define LOCKED(name) \
    static Value name##_locked(Value *args, size_t nargs, Value kw) \
    { return with_lock(name, args, nargs, kw); }
LOCKED(buffered_read)
LOCKED(buffered_read1)
LOCKED(buffered_peek)
LOCKED(buffered_readinto)
LOCKED(buffered_readinto1)
LOCKED(buffered_readline)
LOCKED(buffered_write)
LOCKED(buffered_flush)
LOCKED(buffered_seek)
LOCKED(buffered_truncate)

/* What every buffered class has; the reading and the writing methods are
 * added below to the classes that read or write, as in CPython, where a
 * BufferedWriter's read is _BufferedIOBase's (UnsupportedOperation). */
IO_NOARGS(buffered_flush_noargs, buffered_flush_locked, NULL, "flush")
IO_NOARGS(buffered_tell_noargs, buffered_tell, NULL, "tell")
IO_NOARGS(buffered_close_noargs, buffered_close, NULL, "close")
IO_NOARGS(buffered_detach_noargs, buffered_detach, NULL, "detach")
IO_NOARGS(buffered_fileno_noargs, buffered_fileno, NULL, "fileno")
IO_NOARGS(buffered_isatty_noargs, buffered_isatty, NULL, "isatty")
IO_NOARGS(buffered_seekable_noargs, buffered_seekable, NULL, "seekable")

/* _dealloc_warn(source): the raw stream's, for a layer over this one
 * being finalised (io.h). */
static Value buffered_dealloc_warn(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferediobase_type, "_dealloc_warn") ||
        !io_onearg(args, nargs, kw, NULL, "_dealloc_warn"))
        return VAL_NULL;
    Buffered *b = BUF(args[0]);
    if (is_buffered(args[0]) && b->ok && b->raw != VAL_NULL)
        io_dealloc_warn(b->raw, args[1]);
    return rt_None;
}

/* CPython's object size and its buffer's. */
static Value buffered_sizeof(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferediobase_type, "__sizeof__"))
        return VAL_NULL;
    if (!is_buffered(args[0]))
        return rt_raisef(&rt_TypeError, "descriptor '__sizeof__' requires a buffered object");
    if (!io_noargs(args, nargs, kw, NULL, "__sizeof__"))
        return VAL_NULL;
    return rt_int_from_i64((int64_t)(152 + BUF(args[0])->bufsize));
}

const MethodDef io_buffered_methods[] = {
    {"flush", buffered_flush_noargs}, {"tell", buffered_tell_noargs},
    {"seek", buffered_seek_locked},
    {"truncate", buffered_truncate_locked}, {"close", buffered_close_noargs},
    {"detach", buffered_detach_noargs}, {"fileno", buffered_fileno_noargs},
    {"isatty", buffered_isatty_noargs},
    {"seekable", buffered_seekable_noargs}, {"__sizeof__", buffered_sizeof},
    {"_dealloc_warn", buffered_dealloc_warn},
    {NULL, NULL},
};

IO_NOARGS(buffered_readable_noargs, buffered_readable, NULL, "readable")

static const MethodDef reading_methods[] = {
    {"read", buffered_read_locked}, {"read1", buffered_read1_locked},
    {"peek", buffered_peek_locked},
    {"readinto", buffered_readinto_locked}, {"readinto1", buffered_readinto1_locked},
    {"readline", buffered_readline_locked}, {"readable", buffered_readable_noargs},
    {NULL, NULL},
};

IO_NOARGS(buffered_writable_noargs, buffered_writable, NULL, "writable")

static const MethodDef writing_methods[] = {
    {"write", buffered_write_locked}, {"writable", buffered_writable_noargs},
    {NULL, NULL},
};

/* Buffered streams are closed when collected (_IOBase.__del__): a writer's
 * bytes are written, and an unclosed one, a reader's too, warns naming
 * itself rather than its raw stream.  A writer iterates as _IOBase does
 * (its readline is unsupported). */
#define BUFFERED_TYPE(var, tname, newfn, nextfn)                                         \
    ObjType var = {                                                                     \
        .ob.type = &rt_type_type, .name = tname,                                        \
        .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SPLIT_INIT | TF_FINALIZER,           \
        .base = &io_bufferediobase_type, .dict_offset = offsetof(IoObject, dict),       \
        .instance_size = sizeof(Buffered), .getsets = buffered_getsets,                 \
        .members = io_finalizing_members,                                               \
        .new_ = newfn, .repr = buffered_repr, .next = nextfn,                           \
    };
BUFFERED_TYPE(io_bufferedreader_type, "_io.BufferedReader", reader_new, buffered_next)
BUFFERED_TYPE(io_bufferedwriter_type, "_io.BufferedWriter", writer_new, NULL)
BUFFERED_TYPE(io_bufferedrandom_type, "_io.BufferedRandom", random_new, buffered_next)

/* Each class's own __init__, and its reading or writing methods (or both). */
void io_buffered_ready(void)
{
    static const MethodDef r[] = { {"__init__", reader_init}, {NULL, NULL} };
    static const MethodDef w[] = { {"__init__", writer_init}, {NULL, NULL} };
    static const MethodDef x[] = { {"__init__", random_init}, {NULL, NULL} };
    rt_type_add_methods(&io_bufferedreader_type, r);
    rt_type_add_methods(&io_bufferedreader_type, reading_methods);
    rt_type_add_methods(&io_bufferedwriter_type, w);
    rt_type_add_methods(&io_bufferedwriter_type, writing_methods);
    rt_type_add_methods(&io_bufferedrandom_type, x);
    rt_type_add_methods(&io_bufferedrandom_type, reading_methods);
    rt_type_add_methods(&io_bufferedrandom_type, writing_methods);
}

/* ---- BufferedRWPair: a reader and a writer as one stream ------------------------------------- */

typedef struct RWPair {
    IoObject base;
    Value reader, writer;
} RWPair;

#define PAIR(v) VAL_AS(RWPair, v)

static Value rwpair_init(Value *args, size_t nargs, Value kw)
{
    if (!io_self(args, nargs, &io_bufferedrwpair_type, "__init__"))
        return VAL_NULL;
    if (nargs < 3 || nargs > 4)
        return rt_raisef(&rt_TypeError, "BufferedRWPair expected 2 or 3 arguments, got %zu",
                         nargs - 1);
    Value rargs[2] = { args[1], nargs > 3 ? args[3] : small_new(IO_DEFAULT_BUFFER_SIZE) };
    Value wargs[2] = { args[2], rargs[1] };
    Value r = io_buffered_new(&io_bufferedreader_type, rargs, 2);
    Value w = r == VAL_NULL ? VAL_NULL : io_buffered_new(&io_bufferedwriter_type, wargs, 2);
    if (w == VAL_NULL)
        return VAL_NULL;
    PAIR(args[0])->reader = r;
    PAIR(args[0])->writer = w;
    return rt_None;
}

static Value rwpair_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    return io_new(t, sizeof(RWPair), rwpair_init, args, nargs, kw);
}

static Value forward(Value *args, size_t nargs, Value kw, bool to_writer, const char *name)
{
    if (!io_self(args, nargs, &io_bufferedrwpair_type, name) ||
        !io_nokw(args, kw, "BufferedRWPair", name))
        return VAL_NULL;
    RWPair *p = PAIR(args[0]);
    if (p->reader == VAL_NULL)
        return rt_raisef(&rt_ValueError, "I/O operation on uninitialized object");
    return mod_call_method(to_writer ? p->writer : p->reader, name, args + 1, nargs - 1);
}

#define PAIR_METHOD(fn, name, w) \
    static Value fn(Value *args, size_t nargs, Value kw) { return forward(args, nargs, kw, w, name); }
PAIR_METHOD(pair_read, "read", false)
PAIR_METHOD(pair_peek, "peek", false)
PAIR_METHOD(pair_read1, "read1", false)
PAIR_METHOD(pair_readinto, "readinto", false)
PAIR_METHOD(pair_readinto1, "readinto1", false)
PAIR_METHOD(pair_readable, "readable", false)
PAIR_METHOD(pair_write, "write", true)
PAIR_METHOD(pair_flush, "flush", true)
PAIR_METHOD(pair_writable, "writable", true)

static Value pair_close(Value *args, size_t nargs, Value kw)
{
    Value w = forward(args, nargs, kw, true, "close");
    Value exc = w == VAL_NULL ? rt_err_fetch() : VAL_NULL;
    return io_close_after(forward(args, nargs, kw, false, "close"), exc);
}

static Value pair_isatty(Value *args, size_t nargs, Value kw)
{
    Value w = forward(args, nargs, kw, true, "isatty");
    if (w == VAL_NULL || w == rt_True)
        return w;
    return forward(args, nargs, kw, false, "isatty");
}

static Value pair_get_closed(Value self)
{
    return PAIR(self)->writer == VAL_NULL ? rt_False : rt_getattr_cstr(PAIR(self)->writer, "closed");
}

static const GetSetDef rwpair_getsets[] = {
    {"closed", pair_get_closed, 0, 0},
    {NULL, 0, 0, 0},
};

IO_NOARGS(pair_readable_noargs, pair_readable, "BufferedRWPair", "readable")
IO_NOARGS(pair_flush_noargs, pair_flush, "BufferedRWPair", "flush")
IO_NOARGS(pair_writable_noargs, pair_writable, "BufferedRWPair", "writable")
IO_NOARGS(pair_close_noargs, pair_close, "BufferedRWPair", "close")
IO_NOARGS(pair_isatty_noargs, pair_isatty, "BufferedRWPair", "isatty")

const MethodDef io_bufferedrwpair_methods[] = {
    {"__init__", rwpair_init}, {"read", pair_read}, {"peek", pair_peek}, {"read1", pair_read1},
    {"readinto", pair_readinto}, {"readinto1", pair_readinto1}, {"readable", pair_readable_noargs},
    {"write", pair_write}, {"flush", pair_flush_noargs}, {"writable", pair_writable_noargs},
    {"close", pair_close_noargs}, {"isatty", pair_isatty_noargs},
    {NULL, NULL},
};

ObjType io_bufferedrwpair_type = {
    .ob.type = &rt_type_type, .name = "_io.BufferedRWPair",
    .flags = TF_BASETYPE | TF_WEAKREFABLE | TF_SPLIT_INIT,
    .base = &io_bufferediobase_type, .dict_offset = offsetof(IoObject, dict),
    .instance_size = sizeof(RWPair), .getsets = rwpair_getsets, .new_ = rwpair_new,
};
