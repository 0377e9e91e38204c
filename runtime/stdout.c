/*
 * stdout.c — pvm's standard output: one buffer in front of file descriptor 1.
 *
 * print() is the hottest way a Python program talks to the world, and one
 * write(2) system call per print would dominate the run time of a program
 * that prints in a loop.  So, like CPython's io.BufferedWriter, output goes
 * into a 64 KiB buffer that is handed to the kernel only when:
 *
 *   - the buffer is full (or a single piece is larger than the buffer);
 *   - the program exits (an atexit handler, registered on first use);
 *   - a traceback is about to be printed on stderr (the caller of
 *     rt_print_exception calls rt_stdout_flush first, so that the two streams
 *     appear in the order the program produced them);
 *   - print(..., flush=True) or sys.stdout.flush() asks for it;
 *   - stdout is a terminal and the text holds a newline: CPython line-buffers
 *     an interactive stdout, so a prompt-less program shows each line as soon
 *     as it is printed;
 *   - always, under -u or PYTHONUNBUFFERED: CPython's sys.stdout then writes
 *     through to the raw file, so every write is a write(2), and output
 *     survives os._exit() in a forked child.
 *
 * This buffer is also the buffer of sys.stdout: modules/io_*.c make the
 * start-up sys.stdout (a TextIOWrapper over a BufferedWriter over FileIO(1))
 * write into it, so print(), sys.stdout.write and sys.stdout.buffer.write
 * keep their order.
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
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/gc.h"

#define STDOUT_BUFSIZE (64 * 1024)

static char buffer[STDOUT_BUFSIZE] GC_LARGE_STATIC;
static size_t buffered;             /* bytes waiting in buffer[] */
static bool ready;                  /* setup() has run */
static bool line_buffered;          /* stdout is a terminal */
static bool unbuffered;             /* -u: every write goes out at once */

/* Hand n bytes to the kernel, looping over partial writes and signals.
 * Returns how many were written; fewer than n with errno set on error. */
static size_t write_all(const char *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(1, s + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            break;
        }
        done += (size_t)w;
    }
    return done;
}

/* Write the buffer out; false with errno set when the kernel refused
 * some of it, which stays in the buffer for a later try. */
static bool flush_buffer(void)
{
    if (buffered == 0)
        return true;
    size_t done = write_all(buffer, buffered);
    if (done < buffered) {
        int e = errno;
        memmove(buffer, buffer + done, buffered - done);
        buffered -= done;
        errno = e;
        return false;
    }
    buffered = 0;
    return true;
}

/* The last chance, for paths that end without rt_stdout_exit (which
 * reports errors): nothing can be reported any more. */
static void flush_at_exit(void)
{
    flush_buffer();
}

/* Decide the buffering mode and arrange the final flush, once. */
static void setup(void)
{
    if (ready)
        return;
    ready = true;
    line_buffered = isatty(1) == 1;
    atexit(flush_at_exit);
}

void rt_stdout_init(void)
{
    gc_exclude_static(buffer, sizeof buffer);   /* text, never pointers */
    setup();
}

void rt_stdout_flush(void)
{
    int e = errno;
    flush_buffer();
    errno = e;
}

bool rt_stdout_flush_checked(void)
{
    if (flush_buffer())
        return true;
    rt_raise_os_error(errno);
    return false;
}

bool rt_stdout_write(const char *s, size_t n)
{
    if (!ready)
        setup();
    if (buffered + n > STDOUT_BUFSIZE) {
        if (!flush_buffer()) {
            buffered = 0;           /* no room made: this data is lost */
            rt_raise_os_error(errno);
            return false;
        }
        if (n > STDOUT_BUFSIZE) {   /* too big to buffer: write it directly */
            if (write_all(s, n) < n) {
                rt_raise_os_error(errno);
                return false;
            }
            return true;
        }
    }
    memcpy(buffer + buffered, s, n);
    buffered += n;
    if (unbuffered || (line_buffered && memchr(s, '\n', n) != NULL))
        return rt_stdout_flush_checked();
    return true;
}

void rt_stdout_set_unbuffered(void)
{
    unbuffered = true;
}

int rt_stdout_exit(int status)
{
    if (flush_buffer())
        return status;
    int e = errno;
    fflush(stderr);
    Value r = rt_stdout_stream != VAL_NULL ? rt_repr(rt_stdout_stream) : VAL_NULL;
    fprintf(stderr, "Exception ignored in: %s\n", r != VAL_NULL ? rt_str_cstr(r)
            : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    rt_err_clear();
    rt_raise_os_error(e);
    Value exc = rt_err_fetch();
    Value text = exc != VAL_NULL ? rt_str(exc) : VAL_NULL;
    fprintf(stderr, "%s: %s\n", exc != VAL_NULL ? val_type(exc)->name : "OSError",
            text != VAL_NULL ? rt_str_cstr(text) : "");
    rt_err_clear();
    return 120;
}
