/*
 * compile.c — the compile service: Python source becomes a code object by
 * CPython's own compiler, python3.11, running beside pvm as a co-process.
 *
 * Why a co-process.  The bytecode pvm runs must be exactly what CPython
 * produces, so the compiler must be CPython's; and a compiler is a large
 * program (tokenizer, PEG parser, symbol tables, code generator) that pvm,
 * a VM, does not want to contain.  Compiling is rare next to running, so
 * asking python3.11 costs little: one process start (about 10 ms) for the
 * first request, then well under a millisecond for a small one
 * (bench/compile.sh measures it).
 *
 * The process.  On the first request pvm runs
 *
 *     python3.11 -I -S -c <loader/compile_service.py>
 *
 * (-I: isolated, PYTHON* variables and the user's site ignored; -S: no
 * site; the script is compiled into pvm by the Makefile, so nothing is
 * looked up at run time) with its stdin and stdout on two pipes.  It only
 * compiles what it is sent, never runs it.  It must end when pvm ends,
 * however pvm ends:
 *   - normally, or by os._exit, or by a crash: pvm's end of its stdin pipe
 *     closes, the service reads end of file and exits;
 *   - as a backstop, the kernel kills it when pvm dies
 *     (prctl(PR_SET_PDEATHSIG), armed in the child before exec; the
 *     kernel ties it to the *thread* that forked, so with threads a
 *     request from a thread that later ends costs a restart);
 *   - Ctrl-C at the terminal goes to the terminal's foreground process
 *     group; the service has a group of its own and ignores SIGINT, so
 *     only pvm sees it (and decides what it means).
 * If the service dies while pvm runs, the request that finds out reaps it
 * and raises RuntimeError saying so; the next request starts a new one.
 *
 * The protocol (compile_service.py's docstring has the field list).  A
 * request is a count and that many length-prefixed byte strings; the reply
 * is length-prefixed marshal data — pvm's own marshal reader turns it into
 * a tuple, and the code comes back as a complete .pyc image, loaded by
 * ld_load_pyc_bytes and so checked like any file; for an import it is also
 * the very file importlib would write to __pycache__.  A SyntaxError comes
 * back as its type name and CPython's arguments, and is raised here with
 * every attribute set (runtime/syntaxerror.c prints it as CPython does).
 *
 * Answers are kept on disk (compile_cache.c) for compile() and scripts, so
 * source compiled every run (namedtuple's generated code, `pvm prog.py`)
 * starts python3.11 only the first time.
 *
 * Requests are serialised by one mutex: pvm has one service and one pair
 * of pipes, and a request/reply pair must not interleave with another.
 *
 * Versions.  Each bytecode version compiles with its own CPython
 * (ld_compiler_path: PVM_COMPILER, PVM_COMPILER312, PVM_COMPILER313,
 * PVM_COMPILER314, else the Makefile's).  3.14's is pyodide in node, which
 * loads in seconds, so the Makefile's default for 3.14 is pvm-compile314
 * (tools/python314/compile_relay.c): a program pvm starts like any
 * compiler, which relays the pipes to one compile server shared by every
 * pvm process of the user (a Unix socket; started on first need, ended
 * when idle).  Nothing here knows: only the hello may take longer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "loader/compile.h"
#include "loader/compile_cache.h"
#include "loader/pyc.h"
#include "modules/api.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "vm/vm.h"

#ifndef PVM_COMPILER312_PATH            /* the Makefile passes its $(PYTHON312) */
#define PVM_COMPILER312_PATH "python3.12"
#endif
#ifndef PVM_COMPILER313_PATH            /* and its $(PYTHON313) */
#define PVM_COMPILER313_PATH "python3.13"
#endif
#ifndef PVM_COMPILER314_PATH            /* and its pvm-compile314 (see above) */
#define PVM_COMPILER314_PATH "python3.14"
#endif
#ifndef PVM_COMPILER_PATH               /* the Makefile passes its $(PYTHON) */
#define PVM_COMPILER_PATH "/usr/bin/python3.11"
#endif

/* The service's Python program, as a C string (made from
 * loader/compile_service.py by the Makefile). */
static const char service_program[] =
#include "compile_service.inc"
    ;

#define HELLO_TIMEOUT_MS 30000          /* a python3.11 starts in ~10 ms */
#define HELLO_TIMEOUT_314_MS 150000     /* pyodide's server: seconds (compile_relay.c) */
#define MAX_REPLY ((size_t)1 << 30)     /* as the loader's file-size limit */

typedef struct Service {
    pid_t pid;                  /* 0: not running */
    int to_child, from_child;   /* our ends of its stdin and stdout */
    const char *path;           /* the executable it runs */
} Service;

static Service service;
static pthread_mutex_t service_lock = PTHREAD_MUTEX_INITIALIZER;

/* Why the service cannot start, once that is known: then every later
 * request fails at once with the same sentence, instead of trying again. */
static char unavailable[512];

/* ---- which python3.11 ------------------------------------------------------------- */

/* The variable naming the compiler of this process's version:
 * PVM_COMPILER for 3.11, PVM_COMPILER312 for 3.12 and so on. */
static const char *compiler_variable(void)
{
    switch (rt_py_minor) {
    case 12: return "PVM_COMPILER312";
    case 13: return "PVM_COMPILER313";
    case 14: return "PVM_COMPILER314";
    }
    return "PVM_COMPILER";
}

const char *ld_compiler_path(void)
{
    /* That variable, else what the Makefile recorded: its $(PYTHON),
     * $(PYTHON312), $(PYTHON313), and for 3.14 its pvm-compile314. */
    const char *env = getenv(compiler_variable());
    if (env != NULL && env[0] != '\0')
        return env;
    switch (rt_py_minor) {
    case 12: return PVM_COMPILER312_PATH;
    case 13: return PVM_COMPILER313_PATH;
    case 14: return PVM_COMPILER314_PATH;
    }
    return PVM_COMPILER_PATH;
}

/* A command name without '/' is looked up on PATH here, before fork: the
 * child, a copy of a process with a garbage collector, calls nothing but
 * system calls between fork and exec. */
static char *resolve(const char *name)
{
    if (strchr(name, '/') != NULL)
        return gc_strdup(name);
    const char *path = getenv("PATH");
    for (const char *dir = path ? path : ""; dir != NULL && *dir != '\0';) {
        const char *colon = strchr(dir, ':');
        size_t n = colon ? (size_t)(colon - dir) : strlen(dir);
        char *candidate = gc_alloc_atomic(n + strlen(name) + 2);
        snprintf(candidate, n + strlen(name) + 2, "%.*s/%s", (int)n, dir, name);
        if (n > 0 && access(candidate, X_OK) == 0)
            return candidate;
        dir = colon ? colon + 1 : NULL;
    }
    return gc_strdup(name);                 /* exec will report ENOENT */
}

/* ---- errors ------------------------------------------------------------------------- */

/* RuntimeError: the service cannot start, and why. */
static Value raise_unavailable(void)
{
    return rt_raisef(&rt_RuntimeError, "cannot compile Python source: %s (pvm compiles "
                     "Python source with python3.%d; set %s to the path of one)",
                     unavailable, rt_py_minor, compiler_variable());
}

/* The service cannot start: remember why, and raise. */
static Value cannot_start(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(unavailable, sizeof unavailable, fmt, ap);
    va_end(ap);
    return raise_unavailable();
}

/* "exited with status 1", "was killed by signal 9 (Killed)" */
static void describe_status(int status, char *out, size_t size)
{
    if (WIFSIGNALED(status))
        snprintf(out, size, "was killed by signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
    else
        snprintf(out, size, "exited with status %d", WEXITSTATUS(status));
}

/* ---- starting and stopping ------------------------------------------------------------- */

static void close_ends(Service *s)
{
    close(s->to_child);
    close(s->from_child);
    s->pid = 0;
}

/* Reap the service (killing it first, in case it is alive but broken), so
 * that no zombie is left; the status says how it ended. */
static int reap(Service *s)
{
    int status = 0;
    kill(s->pid, SIGKILL);
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    close_ends(s);
    return status;
}

/* A child process after fork: the same memory as pvm, so it only makes
 * system calls until exec replaces it. */
static void exec_child(const char *path, int in, int out, int report, pid_t parent)
{
    setpgid(0, 0);                          /* out of the terminal's Ctrl-C */
    signal(SIGINT, SIG_IGN);                /* (and python keeps SIG_IGN) */
    prctl(PR_SET_PDEATHSIG, SIGKILL);       /* dies with pvm... */
    if (getppid() != parent)                /* ...even if pvm is already gone */
        _exit(127);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* The pipes become stdin and stdout; first every descriptor involved
     * moves above 2, so that none is overwritten when pvm itself was
     * started with 0, 1 or 2 closed. */
    in = fcntl(in, F_DUPFD, 10);
    out = fcntl(out, F_DUPFD, 10);
    report = fcntl(report, F_DUPFD_CLOEXEC, 10);
    dup2(in, 0);
    dup2(out, 1);
    /* Close every other descriptor pvm had open but the exec report pipe
     * (close-on-exec: it closes itself when exec succeeds). */
    syscall(SYS_close_range, 3, report - 1, 0);
    syscall(SYS_close_range, report + 1, ~0U, 0);
    char *const argv[] = { (char *)path, (char *)"-I", (char *)"-S", (char *)"-c",
                           (char *)service_program, NULL };
    execv(path, argv);
    int err = errno;
    ssize_t ignored = write(report, &err, sizeof err);
    (void)ignored;
    _exit(127);
}

/* After a fork of pvm itself (os.fork), the child must not share the
 * parent's service: it forgets it, and starts its own if it needs one. */
static void forget_in_child(void)
{
    if (service.pid != 0) {
        close(service.to_child);
        close(service.from_child);
        service.pid = 0;
    }
}

static bool read_reply(Service *s, Value *reply, int timeout_ms);

/* The first message is ("hello", magic): the service runs and writes
 * Python 3.11 bytecode. */
static bool check_hello(Service *s)
{
    Value hello;
    if (!read_reply(s, &hello, rt_py_minor >= 14 ? HELLO_TIMEOUT_314_MS : HELLO_TIMEOUT_MS)) {
        rt_err_clear();
        if (vm_interrupt_pending()) {   /* Ctrl-C while it started */
            reap(s);
            vm_check_interrupt();
            return false;
        }
        char how[96];
        describe_status(reap(s), how, sizeof how);
        cannot_start("'%s' did not start pvm's compile service (it %s)", s->path, how);
        return false;
    }
    Value magic = is_tuple(hello) && rt_tuple_len(hello) == 2 ? rt_tuple_get(hello, 1) : VAL_NULL;
    if (magic != VAL_NULL && val_is_small(magic) && small_value(magic) == ld_process_magic())
        return true;
    const char *version = magic != VAL_NULL && val_is_small(magic)
                              ? ld_magic_version((uint16_t)small_value(magic)) : NULL;
    reap(s);
    cannot_start("'%s' is Python %s, not 3.%d", s->path, version ? version : "of an unknown version",
                 rt_py_minor);
    return false;
}

static bool start(Service *s)
{
    if (unavailable[0] != '\0') {
        raise_unavailable();
        return false;
    }
    static bool atfork_registered;
    if (!atfork_registered) {
        pthread_atfork(NULL, NULL, forget_in_child);
        atfork_registered = true;
    }
    s->path = resolve(ld_compiler_path());
    int in[2], out[2], report[2];
    if (pipe2(in, O_CLOEXEC) < 0 || pipe2(out, O_CLOEXEC) < 0 || pipe2(report, O_CLOEXEC) < 0) {
        cannot_start("no pipe for '%s': %s", s->path, strerror(errno));
        return false;
    }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
        exec_child(s->path, in[0], out[1], report[1], parent);
    close(in[0]);
    close(out[1]);
    close(report[1]);
    if (pid < 0) {
        int err = errno;
        close(in[1]), close(out[0]), close(report[0]);
        cannot_start("'%s' could not be started: %s", s->path, strerror(err));
        return false;
    }
    s->pid = pid;
    s->to_child = in[1];
    s->from_child = out[0];
    int err = 0;
    ssize_t n;
    while ((n = read(report[0], &err, sizeof err)) < 0 && errno == EINTR)
        ;
    close(report[0]);
    if (n == (ssize_t)sizeof err) {         /* exec failed */
        reap(s);
        cannot_start("'%s' cannot be run: [Errno %d] %s", s->path, err, strerror(err));
        return false;
    }
    return check_hello(s);
}

/* ---- the pipes ---------------------------------------------------------------------- */

/* Write everything.  A service that has died makes the write fail with
 * EPIPE — and raise SIGPIPE, which would kill pvm: the signal is blocked
 * for the write and a pending one is consumed. */
static bool write_all(int fd, const unsigned char *p, size_t n)
{
    sigset_t pipe_signal, old;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &old);
    bool ok = true;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR && !vm_interrupt_pending())
            continue;
        if (w <= 0) {
            ok = false;
            break;
        }
        p += w;
        n -= (size_t)w;
    }
    if (!ok && errno == EPIPE) {
        struct timespec now = { 0, 0 };
        sigtimedwait(&pipe_signal, NULL, &now);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return ok;
}

/* Read exactly n bytes; false at end of file, on error, on Ctrl-C (a
 * compile that never ends must not hang pvm), or (timeout_ms >= 0) when
 * nothing arrives in time. */
static bool read_all(int fd, unsigned char *p, size_t n, int timeout_ms)
{
    while (n > 0) {
        if (timeout_ms >= 0) {
            struct pollfd pfd = { fd, POLLIN, 0 };
            int r = poll(&pfd, 1, timeout_ms);
            if (r < 0 && errno == EINTR && !vm_interrupt_pending())
                continue;
            if (r <= 0)
                return false;
        }
        ssize_t got = read(fd, p, n);
        if (got < 0 && errno == EINTR && !vm_interrupt_pending())
            continue;
        if (got <= 0)
            return false;
        p += got;
        n -= (size_t)got;
    }
    return true;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One reply, unmarshalled by pvm's own reader; false + RuntimeError. */
static bool read_reply(Service *s, Value *reply, int timeout_ms)
{
    unsigned char head[4];
    if (!read_all(s->from_child, head, 4, timeout_ms)) {
        rt_raisef(&rt_RuntimeError, "no reply");
        return false;
    }
    size_t size = le32(head);
    if (size > MAX_REPLY) {
        rt_raisef(&rt_RuntimeError, "a reply of %zu bytes", size);
        return false;
    }
    unsigned char *data = gc_alloc_atomic(size + 1);
    if (!read_all(s->from_child, data, size, timeout_ms)) {
        rt_raisef(&rt_RuntimeError, "a reply cut short");
        return false;
    }
    char err[512];
    *reply = ld_unmarshal(data, size, "<compile service reply>", 0, err, sizeof err);
    if (*reply == VAL_NULL) {
        rt_raisef(&rt_RuntimeError, "%s", err);
        return false;
    }
    return true;
}

/* ---- requests --------------------------------------------------------------------------- */

/* A request under construction: a count, then length-prefixed fields. */
typedef struct Request {
    StrBuf buf;
    uint32_t count;
    bool only_ast;              /* flags has LD_CF_ONLY_AST: the answer is a tree */
} Request;

static void put_u32(StrBuf *sb, uint32_t v)
{
    char b[4] = { (char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24) };
    sb_add(sb, b, 4);
}

static void field(Request *rq, const char *data, size_t n)
{
    put_u32(&rq->buf, (uint32_t)n);
    sb_add(&rq->buf, data, n);
    rq->count++;
}

static void field_str(Request *rq, const char *s)
{
    field(rq, s, strlen(s));
}

static void field_int(Request *rq, long v)
{
    char text[24];
    snprintf(text, sizeof text, "%ld", v);
    field_str(rq, text);
}

/* The source field and its kind: a str's UTF-8, the bytes as they are,
 * or an AST in its plain form (modules/ast.c), marshalled.  False with an
 * exception when a tree cannot be sent. */
static bool field_source(Request *rq, Value source)
{
    if (is_str(source) || rt_isinstance_of(source, &rt_str_type)) {
        field_str(rq, "str");
        field(rq, rt_str_cstr(source), rt_str_nbytes(source));
    } else if (mod_ast_is_node(source)) {
        Value plain = mod_ast_to_plain(source);
        StrBuf data;
        sb_init(&data);
        if (plain == VAL_NULL || !ld_marshal(plain, &data))
            return false;
        field_str(rq, "ast");
        field(rq, data.data, data.len);
    } else {
        field_str(rq, "bytes");
        field(rq, (const char *)AS_BYTES(source)->data, AS_BYTES(source)->length);
    }
    return true;
}

/* What is sent: the request's fields, then the error field (the warning
 * to raise as an error, "" for none), the field count in the first four
 * bytes. */
static StrBuf request_bytes(const Request *rq, const char *error)
{
    Request all = *rq;
    sb_init(&all.buf);
    sb_add(&all.buf, rq->buf.data, rq->buf.len);
    field_str(&all, error);
    unsigned char *b = (unsigned char *)all.buf.data;
    b[0] = (unsigned char)all.count;
    b[1] = (unsigned char)(all.count >> 8);
    b[2] = b[3] = 0;
    return all.buf;
}

/* The flags field is "FLAGS", or "FLAGS:FEATURE:DIGITS" when compile()'s
 * _feature_version (ast.parse's (3, FEATURE)) is not -1 or this process's
 * sys.get_int_max_str_digits() is not the default 4300 (a long decimal
 * literal is a SyntaxError beyond it). */
static void request_init_feature(Request *rq, const char *op, const char *mode, int flags,
                                 int optimize, Value filename, int feature_version)
{
    sb_init(&rq->buf);
    put_u32(&rq->buf, 0);                   /* the count, filled in by request_bytes */
    rq->count = 0;
    rq->only_ast = (flags & LD_CF_ONLY_AST) != 0;
    field_str(rq, op);
    field_str(rq, mode);
    char text[48];
    if (feature_version == -1 && rt_int_max_str_digits == 4300)
        snprintf(text, sizeof text, "%d", flags);
    else
        snprintf(text, sizeof text, "%d:%d:%d", flags, feature_version, rt_int_max_str_digits);
    field_str(rq, text);
    field_int(rq, optimize);
    field(rq, rt_str_cstr(filename), rt_str_nbytes(filename));
}

static void request_init(Request *rq, const char *op, const char *mode, int flags, int optimize,
                         Value filename)
{
    request_init_feature(rq, op, mode, flags, optimize, filename, -1);
}

/* The service died during a request: reap it and say so; the next
 * request will start a new one.  Or Ctrl-C cut the request short: the
 * service is stopped (its reply would come out of turn) and the request
 * raises KeyboardInterrupt. */
static Value died(Service *s)
{
    rt_err_clear();
    if (vm_interrupt_pending()) {
        reap(s);
        vm_check_interrupt();
        return VAL_NULL;
    }
    const char *path = s->path;
    pid_t pid = s->pid;
    char how[96];
    describe_status(reap(s), how, sizeof how);
    return rt_raisef(&rt_RuntimeError,
                     "cannot compile Python source: pvm's compile service ('%s', pid %d) "
                     "%s; the next compile starts a new one", path, (int)pid, how);
}

/* Send a request and wait for its reply (started if need be); VAL_NULL +
 * exception when the service cannot answer. */
static Value call(const StrBuf *request)
{
    const unsigned char *b = (const unsigned char *)request->data;
    pthread_mutex_lock(&service_lock);
    Value reply = VAL_NULL;
    if (service.pid == 0 && !start(&service)) {
        pthread_mutex_unlock(&service_lock);
        return VAL_NULL;
    }
    if (!write_all(service.to_child, b, request->len) || !read_reply(&service, &reply, -1))
        reply = died(&service);
    pthread_mutex_unlock(&service_lock);
    return reply;
}

const char *ld_compiler_unavailable(void)
{
    pthread_mutex_lock(&service_lock);
    bool ok = service.pid != 0 || start(&service);
    pthread_mutex_unlock(&service_lock);
    if (ok)
        return NULL;
    rt_err_clear();
    return unavailable;
}

/* ---- replies ------------------------------------------------------------------------------ */

/* The exception class named by an "error" reply: a builtin exception, or
 * SystemError for a name pvm does not know. */
static ObjType *exception_type(Value name)
{
    Value t = is_str(name) ? rt_dict_get_str(rt_builtins_dict, name) : VAL_NULL;
    if (t != VAL_NULL && !val_is_small(t) && rt_isinstance_of(t, &rt_type_type) &&
        (AS_TYPE(t)->flags & TF_EXCEPTION))
        return AS_TYPE(t);
    return NULL;
}

/* ---- warnings ------------------------------------------------------------------------------ */

/* The compiler's warnings, each (category name, message, filename,
 * lineno), go through pvm's warnings filters in the order python3.11's
 * compiler issued them, as CPython's compiler issues them through the
 * running program's (PyErr_WarnExplicitObject): shown, recorded by
 * catch_warnings, ignored, or raised under `-W error`.  Returns the
 * warning a filter turned into an exception of its own category
 * (cleared: the compile becomes a SyntaxError instead), rt_None when
 * none was, VAL_NULL with any other exception. */
static Value issue_warnings(Value reply)
{
    Value issued = rt_tuple_get(reply, rt_tuple_len(reply) - 1);
    for (size_t i = 0; is_tuple(issued) && i < rt_tuple_len(issued); i++) {
        Value w = rt_tuple_get(issued, i);
        if (!is_tuple(w) || rt_tuple_len(w) != 4 || !val_is_small(rt_tuple_get(w, 3)))
            continue;
        ObjType *category = exception_type(rt_tuple_get(w, 0));
        if (category == NULL || !rt_is_subtype(category, &rt_Warning))
            continue;
        rt_stdout_flush();                  /* after the program's output so far */
        if (rt_warn_explicit(category, rt_tuple_get(w, 1), rt_tuple_get(w, 2),
                             (int)small_value(rt_tuple_get(w, 3))) == 0)
            continue;
        if (!rt_err_matches(category))
            return VAL_NULL;
        rt_err_clear();
        return w;
    }
    return rt_None;
}

/* The error field naming warning w: "CATEGORY\nLINENO\nMESSAGE". */
static const char *error_field(Value w)
{
    Value message = rt_tuple_get(w, 1);
    size_t n = rt_str_nbytes(message) + 64;
    char *text = gc_alloc_atomic(n + strlen(rt_str_cstr(rt_tuple_get(w, 0))));
    sprintf(text, "%s\n%ld\n", rt_str_cstr(rt_tuple_get(w, 0)), (long)small_value(rt_tuple_get(w, 3)));
    size_t head = strlen(text);
    memcpy(text + head, rt_str_cstr(message), rt_str_nbytes(message) + 1);
    return text;
}

/* Raise what compile() raised in python3.11: the same class and args, and
 * for a SyntaxError the same msg, filename, lineno, offset, text,
 * end_lineno and end_offset (set after the args, as CPython's compiler
 * sometimes does: then args holds only the message). */
static Value raise_reply_error(Value reply)
{
    static const char *const names[] = { "msg", "filename", "lineno", "offset", "text",
                                         "end_lineno", "end_offset" };
    Value name = rt_tuple_get(reply, 1), args = rt_tuple_get(reply, 2);
    Value location = rt_tuple_get(reply, 3);
    ObjType *type = exception_type(name);
    if (type == NULL || !is_tuple(args))
        return rt_raisef(&rt_SystemError, "compile() raised %R: %R", name, args);
    Value exc = rt_exc_new(type, args);
    if (exc == VAL_NULL)
        return VAL_NULL;
    for (size_t i = 0; is_tuple(location) && i < rt_tuple_len(location) && i < 7; i++)
        if (rt_setattr(exc, rt_str_intern_cstr(names[i]), rt_tuple_get(location, i)) < 0)
            return VAL_NULL;
    return rt_raise(exc);
}

static bool reply_is(Value reply, const char *kind, size_t len)
{
    return is_tuple(reply) && rt_tuple_len(reply) == len &&
           is_str(rt_tuple_get(reply, 0)) && strcmp(rt_str_cstr(rt_tuple_get(reply, 0)), kind) == 0;
}

/* The code object of a ("code", pyc, warnings) reply, loaded from the .pyc
 * image exactly as a file would be. */
static Value load_code(Value reply, Value filename)
{
    Value pyc = rt_tuple_get(reply, 1);
    if (!IS_EXACT(pyc, rt_bytes_type))
        return rt_raisef(&rt_SystemError, "compile service: no .pyc in its reply");
    char err[512];
    Value code = ld_load_pyc_bytes(AS_BYTES(pyc)->data, AS_BYTES(pyc)->length,
                                   rt_str_cstr(filename), NULL, err, sizeof err);
    if (code == VAL_NULL)
        return rt_raisef(&rt_SystemError, "compile service: %s", err);
    return code;
}

/* The outcome of a reply: the code, or the error raised.  *incomplete
 * (may be NULL) tells an interactive request that wants more lines. */
static Value outcome(Value reply, Value filename, Value *pyc, bool *incomplete)
{
    if (reply_is(reply, "code", 3)) {
        if (pyc != NULL)
            *pyc = rt_tuple_get(reply, 1);
        return load_code(reply, filename);
    }
    if (reply_is(reply, "ast", 3))
        return mod_ast_from_plain(rt_tuple_get(reply, 1));
    if (reply_is(reply, "error", 5))
        return raise_reply_error(reply);
    if (reply_is(reply, "incomplete", 2) && incomplete != NULL) {
        *incomplete = true;
        return VAL_NULL;
    }
    return rt_raisef(&rt_SystemError, "compile service: a malformed reply");
}

/* call() through the on-disk cache (compile_cache.c): an answer kept from
 * an earlier run is used without asking python3.11; a new successful
 * compile without warnings is kept (warnings are issued on every compile,
 * so a compile with some always asks).  A tree (only_ast: ast.parse,
 * which 3.13's traceback module calls for every frame it prints) is kept
 * marshalled, in its plain form. */
static Value cached_call(const StrBuf *request, bool only_ast)
{
    const char *compiler = resolve(ld_compiler_path());
    const unsigned char *req = (const unsigned char *)request->data;
    Value kept = ld_cache_find(compiler, req, request->len);
    if (kept != VAL_NULL && !only_ast)
        return rt_tuple_pack(3, rt_str_from_cstr("code"), kept, rt_tuple_new(0));
    if (kept != VAL_NULL) {
        char err[256];
        Value tree = ld_unmarshal(AS_BYTES(kept)->data, AS_BYTES(kept)->length,
                                  "<compile cache>", 0, err, sizeof err);
        if (tree != VAL_NULL)
            return rt_tuple_pack(3, rt_str_from_cstr("ast"), tree, rt_tuple_new(0));
    }
    Value reply = call(request);
    bool answer = reply != VAL_NULL && (reply_is(reply, "code", 3) || reply_is(reply, "ast", 3));
    if (!answer || !is_tuple(rt_tuple_get(reply, 2)) || rt_tuple_len(rt_tuple_get(reply, 2)) != 0)
        return reply;               /* an error, or warnings to issue every time */
    if (reply_is(reply, "code", 3) && IS_EXACT(rt_tuple_get(reply, 1), rt_bytes_type)) {
        Value image = rt_tuple_get(reply, 1);
        ld_cache_store(compiler, req, request->len, AS_BYTES(image)->data, AS_BYTES(image)->length);
    } else if (reply_is(reply, "ast", 3) && only_ast) {
        StrBuf tree;
        sb_init(&tree);
        if (ld_marshal(rt_tuple_get(reply, 1), &tree))
            ld_cache_store(compiler, req, request->len, (const unsigned char *)tree.data, tree.len);
        else
            rt_err_clear();
    }
    return reply;
}

/* Send a request (through the cache when `cached`) and turn its reply
 * into the outcome: first the compiler's warnings are issued; if a filter
 * makes one an error, the compile is asked for again with that warning
 * as an error and raises the SyntaxError python3.11's compiler raises in
 * its place. */
static Value ask(const Request *rq, bool cached, Value filename, Value *pyc, bool *incomplete)
{
    StrBuf bytes = request_bytes(rq, "");
    Value reply = cached ? cached_call(&bytes, rq->only_ast) : call(&bytes);
    if (reply == VAL_NULL)
        return VAL_NULL;
    if (!is_tuple(reply) || rt_tuple_len(reply) < 2)
        return rt_raisef(&rt_SystemError, "compile service: a malformed reply");
    Value raised = issue_warnings(reply);
    if (raised == VAL_NULL)
        return VAL_NULL;
    if (raised == rt_None)
        return outcome(reply, filename, pyc, incomplete);
    StrBuf again = request_bytes(rq, error_field(raised));
    Value error = call(&again);
    if (error == VAL_NULL || reply_is(error, "error", 5))
        return error == VAL_NULL ? VAL_NULL : raise_reply_error(error);
    return rt_raisef(&rt_SystemError, "compile service: the warning %R did not stop the compile",
                     rt_tuple_get(raised, 1));
}

/* ---- tokenizing ---------------------------------------------------------------------------- */

Value ld_tokenize(Value source, Value encoding, bool extra_tokens, Value *error)
{
    Request rq;
    request_init(&rq, "tokenize", extra_tokens ? "extra" : "", 0, 0,
                 encoding != VAL_NULL ? encoding : rt_str_empty());
    if (!field_source(&rq, source))
        return VAL_NULL;
    field_str(&rq, "");
    StrBuf bytes = request_bytes(&rq, "");
    Value reply = call(&bytes);
    if (reply == VAL_NULL)
        return VAL_NULL;
    if (!reply_is(reply, "tokens", 4) || !is_tuple(rt_tuple_get(reply, 1)))
        return rt_raisef(&rt_SystemError, "compile service: a malformed reply");
    *error = VAL_NULL;
    Value err = rt_tuple_get(reply, 2);
    if (err != rt_None) {
        if (!reply_is(err, "error", 4))
            return rt_raisef(&rt_SystemError, "compile service: a malformed reply");
        raise_reply_error(err);
        *error = rt_err_fetch();
    }
    return rt_tuple_get(reply, 1);
}

/* ---- the four requests ---------------------------------------------------------------------- */

Value ld_compile(Value source, Value filename, const char *mode, int flags, int optimize)
{
    return ld_compile_feature(source, filename, mode, flags, optimize, -1);
}

Value ld_compile_feature(Value source, Value filename, const char *mode, int flags, int optimize,
                         int feature_version)
{
    Request rq;
    request_init_feature(&rq, "compile", mode, flags, optimize, filename, feature_version);
    if (!field_source(&rq, source))
        return VAL_NULL;
    field_str(&rq, "");
    return ask(&rq, true, filename, NULL, NULL);
}

Value ld_compile_interactive(Value source, Value filename, int flags, bool *incomplete)
{
    *incomplete = false;
    Request rq;
    request_init(&rq, "interactive", "single", flags, 0, filename);
    field_source(&rq, source);
    field_str(&rq, "");
    return ask(&rq, false, filename, NULL, incomplete);
}

Value ld_compile_script(Value source, Value filename, int optimize)
{
    Request rq;
    request_init(&rq, "script", "exec", 0, optimize, filename);
    field_source(&rq, source);
    field_str(&rq, "");
    return ask(&rq, true, filename, NULL, NULL);
}

Value ld_compile_file(const char *path, const unsigned char *source, size_t size,
                      int optimize, const char *pyc_header, Value *pyc)
{
    Value filename = rt_str_from_cstr(path);
    Request rq;
    request_init(&rq, "compile", "exec", 0, optimize, filename);
    field_str(&rq, "bytes");
    field(&rq, (const char *)source, size);
    field_str(&rq, pyc_header);
    return ask(&rq, false, filename, pyc, NULL);
}
