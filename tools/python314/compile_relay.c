/*
 * compile_relay.c — pvm-compile314, the compiler pvm runs for 3.14 bytecode.
 *
 * pvm compiles source by running a CPython of the bytecode's version as a
 * co-process (loader/compile.c): `COMPILER -I -S -c PROGRAM`, requests on
 * its stdin, replies on its stdout.  The CPython 3.14 here is pyodide in
 * node (py314.mjs), which takes 3 to 20 seconds to load: too long to pay in
 * every pvm process.  So the 3.14 compiler pvm runs is this small program,
 * which pvm starts as it starts any compiler and which relays the bytes
 * between pvm's pipes and one compile server shared by every pvm process
 * of the user:
 *
 *     pvm <-pipes-> pvm-compile314 <-Unix socket-> node compile_server.mjs
 *
 * The server loads CPython 3.14 once, runs PROGRAM (pvm's
 * compile_service.py) under another name than __main__ and answers every
 * connection: first the hello, then one reply per request.  It ends after
 * PVM_COMPILE_SERVER_IDLE seconds (default 300) without a connection.
 *
 * Where: $XDG_RUNTIME_DIR/pvm, else /tmp/pvm-UID; a directory of the user's,
 * mode 0700 (refused otherwise).  The socket is compile314-HASH.sock, HASH
 * a hash of PROGRAM and of compile_server.mjs's path, size and time: a changed
 * compile service or server gets a server of its own.
 *
 * Starting.  When the socket does not answer, the relay takes the lock
 * file compile314-HASH.lock (so that of many pvm processes starting at
 * once, one starts the server and the others wait for it), tries again,
 * removes a stale socket (a server that was killed), starts the server in
 * a session of its own (so that no pvm, terminal or test runner kills it;
 * its output goes to compile314-HASH.log) and waits until it listens.  It
 * gives up after PVM_COMPILE_START_TIMEOUT seconds (default 120), or at
 * once when the server ends, saying why on stderr and exiting with status
 * 1: pvm then reports that its compiler did not start.
 *
 * The relay ends when pvm closes its stdin (or dies: pvm arms its death
 * signal) or when the server closes the connection.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef PVM_SERVER_SCRIPT   /* the Makefile passes tools/python314's, absolute */
#define PVM_SERVER_SCRIPT "compile_server.mjs"
#endif

static const char *me = "pvm-compile314";

static void fail(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s: ", me);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    exit(1);
}

/* FNV-1a, 64 bits: names the server, nothing more. */
static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    return h;
}

/* The directory of the sockets: the user's own, private. */
static void socket_dir(char *dir, size_t size)
{
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    if (runtime != NULL && runtime[0] == '/')
        snprintf(dir, size, "%s/pvm", runtime);
    else
        snprintf(dir, size, "/tmp/pvm-%u", (unsigned)getuid());
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        fail("cannot make %s: %s", dir, strerror(errno));
    struct stat st;
    if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
        (st.st_mode & 077) != 0)
        fail("%s is not a private directory of this user%s", dir, "");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double seconds_from_env(const char *name, double fallback)
{
    const char *text = getenv(name);
    double v = text != NULL ? strtod(text, NULL) : 0;
    return v > 0 ? v : fallback;
}

/* A connected socket, or -1 (errno says why). */
static int try_connect(const char *path)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
        return fd;
    int err = errno;
    close(fd);
    errno = err;
    return -1;
}

/* Start the server, detached: its own session, its output in the log, no
 * descriptor of pvm's.  Returns the read end of a pipe whose write end
 * only the server holds: it reads end of file when the server ends. */
static int spawn_server(const char *sock, const char *log, const char *program)
{
    int alive[2];
    if (pipe2(alive, O_CLOEXEC) != 0)
        fail("no pipe: %s%s", strerror(errno), "");
    pid_t pid = fork();
    if (pid < 0)
        fail("cannot fork: %s%s", strerror(errno), "");
    if (pid == 0) {
        setsid();
        if (fork() != 0)                    /* the server is not our child */
            _exit(0);
        if (chdir("/") != 0)
            _exit(127);
        int null = open("/dev/null", O_RDONLY);
        int out = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (null < 0 || out < 0)
            _exit(127);
        dup2(null, 0);
        dup2(out, 1);
        dup2(out, 2);
        dup2(alive[1], 3);                  /* without close-on-exec */
        syscall(SYS_close_range, 4, ~0U, 0);
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        execlp("node", "node", PVM_SERVER_SCRIPT, sock, "-c", program, (char *)NULL);
        dprintf(2, "%s: cannot run node: %s\n", me, strerror(errno));
        _exit(127);
    }
    close(alive[1]);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    return alive[0];
}

/* The last line the server wrote to its log (where it says why it ended). */
static const char *last_line(const char *log)
{
    static char text[512];
    snprintf(text, sizeof text, "see %s", log);
    FILE *f = fopen(log, "r");
    if (f == NULL)
        return text;
    char line[512];
    while (fgets(line, sizeof line, f) != NULL)
        if (line[0] != '\n' && strncmp(line, "Node.js v", 9) != 0)
            snprintf(text, sizeof text, "%s", line);
    fclose(f);
    text[strcspn(text, "\n")] = '\0';
    return text;
}

/* Connect to the server, starting it when none answers. */
static int connect_server(const char *program)
{
    char dir[200], sock[256], lock[256], log[256];
    socket_dir(dir, sizeof dir);
    uint64_t h = fnv(14695981039346656037u, program, strlen(program));
    struct stat st;
    const char *mjs = PVM_SERVER_SCRIPT;
    h = fnv(h, mjs, strlen(mjs));
    if (stat(mjs, &st) == 0) {
        int64_t facts[3] = { st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec };
        h = fnv(h, facts, sizeof facts);
    }
    snprintf(sock, sizeof sock, "%s/compile314-%016llx.sock", dir, (unsigned long long)h);
    snprintf(lock, sizeof lock, "%s/compile314-%016llx.lock", dir, (unsigned long long)h);
    snprintf(log, sizeof log, "%s/compile314-%016llx.log", dir, (unsigned long long)h);
    int fd = try_connect(sock);
    if (fd >= 0)
        return fd;

    double deadline = now() + seconds_from_env("PVM_COMPILE_START_TIMEOUT", 120);
    int lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd < 0)
        fail("cannot open %s: %s", lock, strerror(errno));
    while (flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {   /* another relay is starting it */
        if (now() > deadline)
            fail("no compile server on %s: timed out waiting for %s", sock, lock);
        usleep(50000);
    }
    fd = try_connect(sock);
    if (fd >= 0) {                          /* it was started meanwhile */
        close(lock_fd);
        return fd;
    }
    unlink(sock);                           /* stale: its server is gone */
    int alive = spawn_server(sock, log, program);
    while ((fd = try_connect(sock)) < 0) {
        struct pollfd pfd = { alive, POLLIN, 0 };
        if (poll(&pfd, 1, 50) > 0)
            fail("the compile server (node %s) ended at start: %s", PVM_SERVER_SCRIPT,
                 last_line(log));
        if (now() > deadline)
            fail("the compile server (node %s) did not listen in time: %s", PVM_SERVER_SCRIPT,
                 last_line(log));
    }
    close(alive);
    close(lock_fd);
    return fd;
}

/* Copy what is readable from one descriptor to another; false at end of
 * file or on an error. */
static bool pump(int from, int to)
{
    char buf[65536];
    ssize_t n = read(from, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
        return true;
    if (n <= 0)
        return false;
    for (ssize_t done = 0; done < n;) {
        ssize_t w = write(to, buf + done, (size_t)(n - done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        done += w;
    }
    return true;
}

int main(int argc, char **argv)
{
    /* As pvm runs a compiler: [-I] [-S] -c PROGRAM. */
    int i = 1;
    while (i < argc && (strcmp(argv[i], "-I") == 0 || strcmp(argv[i], "-S") == 0))
        i++;
    if (i + 2 != argc || strcmp(argv[i], "-c") != 0) {
        fprintf(stderr, "usage: %s [-I] [-S] -c PROGRAM\n", me);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int server = connect_server(argv[i + 1]);
    struct pollfd fds[2] = { { 0, POLLIN, 0 }, { server, POLLIN, 0 } };
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (fds[0].revents != 0 && !pump(0, server))
            return 0;                       /* pvm is done */
        if (fds[1].revents != 0 && !pump(server, 1))
            return 1;                       /* the server is gone */
    }
}
