/*
 * stdout.c — pvm's standard output: CPython's two buffers in front of file
 * descriptor 1.
 *
 * print() is the hottest way a Python program talks to the world, and one
 * write(2) system call per print would dominate the run time of a program
 * that prints in a loop.  So output is buffered, and as the order in which
 * bytes reach fd 1 is part of what a program prints (sys.stdout.buffer.write
 * and os.write(1, ...) can overtake text), it is buffered where CPython
 * buffers it, with CPython's sizes:
 *
 *   - the text of print() and sys.stdout.write waits in the TextIOWrapper's
 *     pending chunk (text[], _CHUNK_SIZE 8192 bytes).  It moves on to the
 *     BufferedWriter (write_text_out) when the new piece would make it
 *     larger than a chunk (3.11, 3.12: it goes first, and a piece of a
 *     chunk or more by itself; 3.13: with the piece), when it reaches a
 *     chunk, on a newline or carriage return when stdout
 *     is a terminal (line_buffering: the BufferedWriter is flushed too), at
 *     once under -u (write_through), and on sys.stdout.flush();
 *   - the BufferedWriter's buffer (buffer[]: sys.stdout.buffer.write, and
 *     the text handed on) holds st_blksize bytes of fd 1 (4096 for a pipe,
 *     1024 for a terminal): a piece that does not fit makes it go out
 *     first, and a piece larger than the whole buffer (from 3.13 on, as
 *     large) goes out directly;
 *     it is also written out at exit (an atexit handler, registered on
 *     first use), before a traceback is printed on stderr (the caller of
 *     rt_print_exception calls rt_stdout_flush first), and by
 *     sys.stdout.flush(), sys.stdout.buffer.flush(), print(flush=True);
 *   - under -u or PYTHONUNBUFFERED, CPython's sys.stdout.buffer is the raw
 *     FileIO: every write is a write(2), and output survives os._exit() in
 *     a forked child.
 *
 * modules/io_*.c make the start-up sys.stdout (a TextIOWrapper over a
 * BufferedWriter over FileIO(1)) write into these buffers, text through
 * rt_stdout_write_text and bytes through rt_stdout_write.
 *
 * Write errors are the program's, as in CPython (whose stdout is an
 * io.BufferedWriter over a file that ignores SIGPIPE; so does pvm, from
 * main()): a
 * failed write raises OSError — BrokenPipeError when the reader of a pipe
 * went away (`pvm prog.pyc | head -1`), OSError [Errno 28] on a full disk
 * (`> /dev/full`).  CPython's buffer keeps data that a flush could not
 * write, and drops what a write could not make room for; so does this
 * one, so that the same output meets the same errors: a program that
 * overfills the pipe gets BrokenPipeError at that print(); one whose output
 * still sits in the buffer at exit (or after a flush that failed, even one
 * the program caught) gets, from rt_stdout_exit, CPython's "Exception
 * ignored in: <... name='<stdout>' ...>" report and exit status 120.
 *
 * A write blocked on a full pipe waits without the interpreter lock, and a
 * signal cuts it short: the program's Python handlers run before the next
 * write, as in CPython, so that one that raises ends the print (write_all).
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/gc.h"
#include "runtime/version.h"
#include "vm/thread.h"
#include "vm/vm.h"

#define STDOUT_BUFSIZE (64 * 1024)   /* the largest st_blksize honoured */
#define TEXT_CHUNK 8192                 /* TextIOWrapper's _CHUNK_SIZE */

static char buffer[STDOUT_BUFSIZE] GC_LARGE_STATIC;
static size_t buffered;             /* bytes waiting in buffer[] */
static size_t bufsize = 8192;       /* the BufferedWriter's size: fd 1's st_blksize */
static char text[TEXT_CHUNK] GC_LARGE_STATIC;
static size_t text_len;             /* text bytes waiting in text[] */
static bool ready;                  /* setup() has run */
static bool line_buffered;          /* sys.stdout.line_buffering: a terminal */
static bool write_through;          /* sys.stdout.write_through: -u */
static bool plain_text;             /* set up, neither line_buffered nor write_through */
static bool unbuffered;             /* -u: no BufferedWriter, bytes go out at once */

/* The thread writing the buffer out (vm_thread_serial() + 1; 0: none).
 * A checked write releases the interpreter lock while write(2) blocks and
 * runs Python's signal handlers between writes, so another thread, or a
 * handler, may print meanwhile: what fits is added behind the bytes being
 * written, but a second flush must wait for the first (enter_flush). */
static uint64_t writer;

/* The threads waiting to become the writer are served in the order they
 * came, by ticket: each takes next_ticket, and waits until now_serving
 * reaches it.  Without the queue a thread printing in a loop starved the
 * others: it holds the interpreter lock except while write(2) runs, with
 * `writer` set, so a waiting thread got the lock only then, found the
 * flush under way, let go and came back at the next write, for ever
 * (print in the main thread while a daemon thread printed without pause
 * hung 4 runs in 20 with stdout a pipe). */
static uint64_t next_ticket, now_serving;

/* Hand the n bytes at s to the kernel, looping over partial writes; *done
 * counts those it took.  false when it stopped short: errno says why, or
 * is 0 when a signal handler raised (the exception is set).
 *
 * A checked write is the program's (print, sys.stdout): as in CPython's
 * _bufferedwriter_flush_unlocked, a signal cuts a write blocked on a full
 * pipe short and the Python handlers run before the next one, so a
 * handler that raises ends the print instead of waiting for a reader
 * that may never come; the interpreter lock is released while a write
 * blocks (vm_blocking_write).  An unchecked write is pvm's own ordering
 * or last flush, where no Python code may run: a signal only makes it
 * try again. */
static bool write_all(const char *s, size_t n, bool checked, size_t *done)
{
    *done = 0;
    while (*done < n) {
        ssize_t w = checked ? vm_blocking_write(1, s + *done, n - *done, 0, false)
                            : write(1, s + *done, n - *done);
        if (w < 0 && errno == EINTR && !checked)
            continue;
        if (w == -2) {                  /* a handler raised */
            errno = 0;
            return false;
        }
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return false;
        }
        *done += (size_t)w;
        if (checked && !vm_check_interrupt()) {
            errno = 0;
            return false;
        }
    }
    return true;
}

/* Write the buffer out, and what a handler adds to it meanwhile; false
 * as write_all when the kernel refused some of it (which stays in the
 * buffer for a later try) or a handler raised. */
static bool flush_buffer(bool checked)
{
    size_t done = 0, took;
    bool ok = true;
    while (ok && done < buffered) {
        ok = write_all(buffer + done, buffered - done, checked, &took);
        done += took;
    }
    int e = errno;
    memmove(buffer, buffer + done, buffered - done);
    buffered -= done;
    errno = e;
    return ok;
}

/* Become the writer: wait, the interpreter lock released, for another
 * thread's flush to end (none is left to end it when no other thread
 * runs: the child of a fork() made in the middle of one, or the teardown,
 * which stops the other threads where they are: vm_thread_others_run).
 * The writer's own thread is refused, as by CPython's ENTER_BUFFERED: a
 * signal handler that flushes in the middle of a flush gets RuntimeError. */
static bool enter_flush(void)
{
    uint64_t me = vm_thread_serial() + 1;
    if (writer == me) {
        rt_raisef(&rt_RuntimeError, "reentrant call inside <_io.BufferedWriter name='<stdout>'>");
        return false;
    }
    if (writer == 0 && now_serving == next_ticket) {
        writer = me;                    /* no one is writing or waiting */
        return true;
    }
    uint64_t ticket = next_ticket++;
    while ((writer != 0 || now_serving != ticket) && vm_thread_others_run()) {
        vm_release_lock();
        sched_yield();
        vm_reacquire_lock();
    }
    /* Served, or the others are gone: their tickets with them. */
    now_serving = vm_thread_others_run() ? now_serving + 1 : next_ticket;
    writer = me;
    return true;
}

/* A checked write's failure as the program's exception (a handler's is
 * set already). */
static bool raise_write_error(void)
{
    if (errno != 0)
        rt_raise_os_error(errno);
    return false;
}

/* pvm's own flush: the pending text joins the buffer, and both go out;
 * false as flush_buffer (the text waits while it finds no room). */
static bool flush_all(void)
{
    if (text_len > 0) {
        if (buffered + text_len > STDOUT_BUFSIZE && !flush_buffer(false))
            return false;
        memcpy(buffer + buffered, text, text_len);
        buffered += text_len;
        text_len = 0;
    }
    return flush_buffer(false);
}

/* Is a flush under way in a thread that will end it?  A writer the
 * teardown stopped mid-flush (vm_thread_finalize_begin) never will: its
 * buffer is the teardown's to write (what that thread's last write(2)
 * took may go out twice; CPython stops the process there with a fatal
 * error, "could not acquire lock for <_io.BufferedWriter name='<stdout>'>
 * at interpreter shutdown, possibly due to daemon threads"). */
static bool flush_under_way(void)
{
    if (writer != 0 && !vm_thread_others_run())
        writer = 0;
    return writer != 0;
}

/* The last chance, for paths that end without rt_stdout_exit (which
 * reports errors): nothing can be reported any more. */
static void flush_at_exit(void)
{
    if (!flush_under_way())
        flush_all();
}

/* Decide the buffering mode and arrange the final flush, once. */
static void setup(void)
{
    if (ready)
        return;
    ready = true;
    line_buffered = isatty(1) == 1;
    plain_text = !line_buffered && !write_through;
    struct stat st;
    if (fstat(1, &st) == 0 && st.st_blksize > 1)    /* as CPython's open() */
        bufsize = st.st_blksize < STDOUT_BUFSIZE ? (size_t)st.st_blksize : STDOUT_BUFSIZE;
    atexit(flush_at_exit);
}

void rt_stdout_init(void)
{
    gc_exclude_static(buffer, sizeof buffer);   /* text, never pointers */
    gc_exclude_static(text, sizeof text);
    setup();
}

void rt_stdout_after_fork(void)
{
    if (writer != vm_thread_serial() + 1)
        writer = 0;
    now_serving = next_ticket;
}

/* Not while a flush is under way: the writer goes on with the buffer. */
void rt_stdout_flush(void)
{
    int e = errno;
    if (!flush_under_way())
        flush_all();
    errno = e;
}

bool rt_stdout_flush_buffer_checked(void)
{
    if (buffered == 0)
        return true;
    if (!enter_flush())
        return false;
    bool ok = flush_buffer(true);
    writer = 0;
    return ok || raise_write_error();
}

/* A piece the BufferedWriter writes directly rather than keep: larger
 * than the buffer, or from 3.13 on as large. */
static bool too_big(size_t n)
{
    return n > bufsize || (n == bufsize && rt_py_minor >= 13);
}

bool rt_stdout_write(const char *s, size_t n)
{
    if (!ready)
        setup();
    if (buffered + n > bufsize || too_big(n)) {
        if (!enter_flush())
            return false;
        size_t took;
        bool ok = flush_buffer(true);
        if (!ok && errno != 0)
            buffered = 0;           /* no room made: this data is lost */
        else if (ok && too_big(n))      /* written directly */
            ok = write_all(s, n, true, &took);
        writer = 0;
        if (!ok)
            return raise_write_error();
        if (too_big(n))
            return true;
    }
    memcpy(buffer + buffered, s, n);
    buffered += n;
    if (unbuffered) {
        /* CPython's -u sys.stdout.buffer is the raw FileIO, with no buffer
         * to keep what a failed write did not write: it is gone (unless
         * the failure was to find a flush under way, which goes on). */
        if (rt_stdout_flush_buffer_checked())
            return true;
        if (writer == 0)
            buffered = 0;
        return false;
    }
    return true;
}

/* CPython's _textiowrapper_writeflush: the pending text, and the m bytes
 * at more after it, go to the BufferedWriter as one piece.  They leave
 * text[] first, as a write that blocks lets other threads (and signal
 * handlers) add text behind them.  noinline: its two-chunk frame would
 * otherwise be set up by every rt_stdout_write_text, which seldom calls
 * it. */
__attribute__((noinline)) static bool write_text_out(const char *more, size_t m)
{
    if (text_len == 0)
        return m == 0 || rt_stdout_write(more, m);
    char chunk[2 * TEXT_CHUNK];
    size_t n = text_len + m;
    char *piece = n <= sizeof chunk ? chunk : malloc(n);
    if (piece == NULL) {
        rt_raise_nomemory();
        return false;
    }
    memcpy(piece, text, text_len);
    memcpy(piece + text_len, more, m);
    text_len = 0;
    bool ok = rt_stdout_write(piece, n);
    if (piece != chunk)
        free(piece);
    return ok;
}

/* rt_stdout_write_text's every case.  3.11 and 3.12 never gather more
 * than a chunk: the text waiting goes on first when the new piece would
 * make it larger; 3.13 adds the piece, and all goes on together once it
 * reaches a chunk. */
static bool write_text(const char *s, size_t n)
{
    if (!ready)
        setup();
    while (rt_py_minor < 13 && text_len > 0 && text_len + n > TEXT_CHUNK)
        if (!write_text_out(NULL, 0))
            return false;
    bool needflush = line_buffered && (memchr(s, '\n', n) != NULL || memchr(s, '\r', n) != NULL);
    bool ok = true;
    if (text_len + n >= TEXT_CHUNK || needflush || write_through) {
        ok = write_text_out(s, n);
    } else {
        memcpy(text + text_len, s, n);
        text_len += n;
    }
    return ok && (!needflush || rt_stdout_flush_buffer_checked());
}

/* print()'s way: most pieces only join the pending text. */
bool rt_stdout_write_text(const char *s, size_t n)
{
    if (plain_text && text_len + n < TEXT_CHUNK) {
        memcpy(text + text_len, s, n);
        text_len += n;
        return true;
    }
    return write_text(s, n);
}

bool rt_stdout_flush_checked(void)
{
    return write_text_out(NULL, 0) && rt_stdout_flush_buffer_checked();
}

void rt_stdout_set_text_mode(bool line_buffering, bool through)
{
    if (!ready)
        setup();
    line_buffered = line_buffering;
    write_through = through;
    plain_text = !line_buffered && !write_through;
}

void rt_stdout_set_unbuffered(void)
{
    unbuffered = write_through = true;
    plain_text = false;
}

int rt_stdout_exit(int status)
{
    if (flush_under_way() || flush_all())
        return status;
    int e = errno;
    fflush(stderr);
    Value r = rt_stdout_stream != VAL_NULL ? rt_repr(rt_stdout_stream) : VAL_NULL;
    fprintf(stderr, "Exception ignored in: %s\n", r != VAL_NULL ? rt_str_cstr(r)
            : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    rt_err_clear();
    rt_raise_os_error(e);
    Value exc = rt_err_fetch();
    Value message = exc != VAL_NULL ? rt_str(exc) : VAL_NULL;
    fprintf(stderr, "%s: %s\n", exc != VAL_NULL ? val_type(exc)->name : "OSError",
            message != VAL_NULL ? rt_str_cstr(message) : "");
    rt_err_clear();
    return 120;
}
