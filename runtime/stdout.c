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
 * If the reader of a pipe goes away (EPIPE, as in `pvm prog.pyc | head -1`),
 * the remaining output is dropped quietly instead of failing again and again.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "runtime/builtins.h"
#include "runtime/gc.h"

#define STDOUT_BUFSIZE (64 * 1024)

static char buffer[STDOUT_BUFSIZE];
static size_t buffered;             /* bytes waiting in buffer[] */
static bool ready;                  /* setup() has run */
static bool line_buffered;          /* stdout is a terminal */
static bool broken;                 /* a write failed: drop everything */

/* Hand n bytes to the kernel, looping over partial writes and signals. */
static void write_all(const char *s, size_t n)
{
    while (n > 0 && !broken) {
        ssize_t w = write(1, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            broken = true;          /* EPIPE, EBADF, ENOSPC...: stop quietly */
            return;
        }
        s += w;
        n -= (size_t)w;
    }
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

void rt_stdout_write(const char *s, size_t n)
{
    if (!ready)
        setup();
    if (broken)
        return;
    if (buffered + n > STDOUT_BUFSIZE) {
        rt_stdout_flush();
        if (n > STDOUT_BUFSIZE) {   /* too big to buffer: write it directly */
            write_all(s, n);
            return;
        }
    }
    memcpy(buffer + buffered, s, n);
    buffered += n;
    if (line_buffered && memchr(s, '\n', n) != NULL)
        rt_stdout_flush();
}
