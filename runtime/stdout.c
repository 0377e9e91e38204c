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
 *     as it is printed.
 *
 * This buffer is also the buffer of sys.stdout: modules/io_*.c make the
 * start-up sys.stdout (a TextIOWrapper over a BufferedWriter over FileIO(1))
 * write into it, so print(), sys.stdout.write and sys.stdout.buffer.write
 * keep their order.
 *
 * A write that fails raises OSError as CPython's BufferedWriter does: when
 * the reader of a pipe goes away (`pvm prog.pyc | head -1`) the program
 * gets BrokenPipeError (SIGPIPE is ignored, as CPython ignores it), and the
 * bytes that could not be written are dropped.  If the failure comes only
 * at exit, rt_stdout_exit reports it as CPython's finalisation does
 * ("Exception ignored in: <... name='<stdout>' ...>") and the exit status
 * becomes 120.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "runtime/gc.h"

#define STDOUT_BUFSIZE (64 * 1024)

static char buffer[STDOUT_BUFSIZE];
static size_t buffered;             /* bytes waiting in buffer[] */
static bool ready;                  /* setup() has run */
static bool line_buffered;          /* stdout is a terminal */
static int failed;                  /* errno of a failed write not yet raised, or 0 */

/* Hand n bytes to the kernel, looping over partial writes and signals;
 * false (errno in `failed`) when the kernel refuses them. */
static bool write_all(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            failed = errno;         /* EPIPE, EBADF, ENOSPC...: the bytes are lost */
            return false;
        }
        s += w;
        n -= (size_t)w;
    }
    return true;
}

/* OSError (BrokenPipeError for EPIPE) for the failed write, once. */
static bool raise_failure(void)
{
    int err = failed;
    failed = 0;
    Value args[2] = { small_new(err), rt_str_from_cstr(strerror(err)) };
    Value exc = rt_call(obj_val(&rt_OSError), args, 2, VAL_NULL);
    if (exc != VAL_NULL)
        rt_raise(exc);
    return false;
}

static void flush_at_exit(void)
{
    rt_stdout_flush();
}

/* Decide the buffering mode and arrange the final flush, once. */
static void setup(void)
{
    if (ready)
        return;
    ready = true;
    line_buffered = isatty(1) == 1;
    signal(SIGPIPE, SIG_IGN);       /* a closed pipe is EPIPE, as in CPython */
    atexit(flush_at_exit);
}

void rt_stdout_init(void)
{
    gc_exclude_static(buffer, sizeof buffer);   /* text, never pointers */
    setup();
}

void rt_stdout_flush(void)
{
    if (buffered == 0)
        return;
    size_t n = buffered;
    buffered = 0;
    write_all(buffer, n);
}

bool rt_stdout_flush_checked(void)
{
    rt_stdout_flush();
    return failed == 0 || raise_failure();
}

bool rt_stdout_write(const char *s, size_t n)
{
    if (!ready)
        setup();
    if (buffered + n > STDOUT_BUFSIZE) {
        if (!rt_stdout_flush_checked())
            return false;
        if (n > STDOUT_BUFSIZE)     /* too big to buffer: write it directly */
            return write_all(s, n) || raise_failure();
    }
    memcpy(buffer + buffered, s, n);
    buffered += n;
    if (line_buffered && memchr(s, '\n', n) != NULL)
        return rt_stdout_flush_checked();
    return true;
}

int rt_stdout_exit(int status)
{
    rt_stdout_flush();
    if (failed == 0)
        return status;
    fflush(stderr);
    Value r = rt_stdout_stream != VAL_NULL ? rt_repr(rt_stdout_stream) : VAL_NULL;
    fprintf(stderr, "Exception ignored in: %s\n", r != VAL_NULL ? rt_str_cstr(r)
            : "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    rt_err_clear();
    raise_failure();
    Value exc = rt_err_fetch();
    Value text = exc != VAL_NULL ? rt_str(exc) : VAL_NULL;
    fprintf(stderr, "%s: %s\n", exc != VAL_NULL ? val_type(exc)->name : "OSError",
            text != VAL_NULL ? rt_str_cstr(text) : "");
    rt_err_clear();
    return status == 0 ? 120 : status;
}
