/*
 * posix.h — what the files of the posix module share.
 *
 * The posix module is CPython's Modules/posixmodule.c for Linux: the
 * system calls Lib/os.py re-exports as `os`.  It is split by theme:
 *
 *   posix.c        the module: path and fd arguments, errors, environ,
 *                  the constants, and the small system queries (uname,
 *                  cpu_count, urandom, sysconf, terminal size, ...)
 *   posix_file.c   file descriptors (open/read/write/pipe/dup...), stat
 *                  and os.stat_result, file metadata (chmod, utime,
 *                  access...), links
 *   posix_dir.c    directories: listdir, scandir and DirEntry, mkdir,
 *                  rmdir, unlink, rename, getcwd, chdir
 *   posix_proc.c   processes: ids, fork, exec, wait and the W* macros,
 *                  kill, _exit, umask, times
 *   posix_spawn.c  posix_spawn and posix_spawnp
 *   posix_sched.c  the scheduler: sched_param, policies, CPU affinity
 *   posix_fdops.c  readv/writev, lockf, fallocate/fadvise, eventfd,
 *                  memfd, pidfd, copy_file_range, splice, getrandom
 *
 * Paths.  A path argument is what CPython's path_t converter accepts: a
 * str (encoded as UTF-8 with surrogateescape: os.fsencode), bytes, an
 * os.PathLike (its __fspath__() result), and, where the function allows,
 * an open file descriptor or None.  A path given as bytes gives results as
 * bytes (os.listdir(b'.')); as str, results are str, decoded with
 * surrogateescape (os.fsdecode), so every file name round-trips.
 */
#ifndef PVM_MODULES_POSIX_H
#define PVM_MODULES_POSIX_H

#include <fcntl.h>
#include "modules/modutil.h"

/* A converted path argument (CPython's path_t). */
typedef struct PathArg {
    const char *function;       /* "stat": names the function in messages */
    const char *argument;       /* "path", "src", "dst" */
    bool nullable, allow_fd;    /* None (= the current directory) / an fd accepted */
    Value object;               /* str or bytes (after __fspath__) or the fd; errors name it */
    const char *narrow;         /* the encoded path, NUL-terminated; NULL for an fd */
    int fd;                     /* the fd given, else -1 */
    bool is_bytes;              /* given as bytes: results are bytes */
    bool fs_converter;          /* read by mod_posix_fsconvert: a NUL is "embedded null byte" */
} PathArg;

/* Fill p (function, argument, nullable and allow_fd set by the caller)
 * from v; VAL_NULL/absent means None.  false + exception on error. */
bool mod_posix_path(Value v, PathArg *p);
/* The same for a name CPython converts with PyUnicode_FSConverter (str,
 * bytes or os.PathLike only, its TypeError). */
bool mod_posix_fsconvert(Value v, PathArg *p);
/* A PathArg for function `fname`: argument "path", no fd, not nullable. */
PathArg mod_posix_path_spec(const char *fname, const char *argument, bool allow_fd,
                            bool nullable);
/* An integer argument: an int, or what __index__ gives; else VAL_NULL and
 * TypeError "'x' object cannot be interpreted as an integer". */
Value mod_posix_index(Value v);
/* A C int argument (a descriptor, a mode, a flag set): OverflowError when
 * it does not fit. */
bool mod_posix_fd(Value v, int *fd);
/* A file descriptor or an object with fileno() (CPython's
 * PyObject_AsFileDescriptor): select, fcntl and posix's own functions. */
bool mod_posix_fileno(Value v, int *fd);
/* A pid argument (pid_t, a C int on Linux). */
bool mod_posix_pid(Value v, pid_t *pid);
/* dir_fd=None → AT_FDCWD; an int → that fd.  `fname` for messages. */
bool mod_posix_dir_fd(Value v, int *fd);
/* follow_symlinks= and friends: absent → dflt, else truth value. */
bool mod_posix_bool(Value v, bool dflt, bool *out);
/* CPython's argument-combination checks: "can't specify dir_fd without
 * matching path", "can't specify both dir_fd and fd", "cannot use fd and
 * follow_symlinks together", "cannot use dir_fd and follow_symlinks
 * together".  false + ValueError. */
bool mod_posix_check_dir_fd(const PathArg *p, int dir_fd);
bool mod_posix_check_fd_follow(const PathArg *p, bool follow_symlinks);
bool mod_posix_check_dir_fd_follow(const char *fname, int dir_fd, bool follow_symlinks);

/* Raise OSError (the subclass errno names) from errno: without a file
 * name, naming p->object, or naming two paths ("'a' -> 'b'"). */
Value mod_posix_error(void);
Value mod_posix_path_error(const PathArg *p);
Value mod_posix_path_error2(const PathArg *a, const PathArg *b);

/* A file name from the system: bytes when as_bytes, else str decoded as
 * os.fsdecode does (UTF-8, undecodable bytes as lone surrogates). */
Value mod_posix_name(const char *s, size_t n, bool as_bytes);
/* os.fsencode of a str: UTF-8 with surrogateescape; NULL + UnicodeEncodeError
 * for a surrogate that does not stand for a byte. */
const char *mod_posix_fsencode(Value s, size_t *len);

/* A blocking call was interrupted (EINTR): run the signal check; false
 * when it raised (KeyboardInterrupt), true to retry (PEP 475). */
bool mod_posix_retry(void);

/* The callables register_at_fork keeps (posix.c) and fork runs
 * (posix_proc.c): lists, VAL_NULL while empty — before, after_in_child,
 * after_in_parent. */
extern Value mod_posix_fork_hooks[3];

/* The function tables of posix_file.c, posix_dir.c, posix_proc.c,
 * posix_spawn.c, posix_sched.c, and the types they add (stat_result,
 * DirEntry, sched_param...). */
extern const MethodDef mod_posix_file_functions[], mod_posix_dir_functions[],
    mod_posix_proc_functions[], mod_posix_spawn_functions[], mod_posix_sched_functions[],
    mod_posix_fdops_functions[];
void mod_posix_file_init(Value module);
void mod_posix_dir_init(Value module);
void mod_posix_proc_init(Value module);
void mod_posix_sched_init(Value module);

/* An os.sched_param given to sched_setparam or posix_spawn's scheduler=
 * (posix_sched.c): TypeError when v is not one or its priority is not an
 * integer, OverflowError when that does not fit a C int. */
struct sched_param;
bool mod_posix_sched_param(Value v, struct sched_param *out);

/* exec's arguments (posix_proc.c), which posix_spawn shares: the paths of
 * a tuple or list as a NULL-terminated argv, and a mapping as "KEY=value"
 * strings; NULL + exception on error. */
char **mod_posix_arglist(const char *fname, Value items);
char **mod_posix_envlist(const char *fname, Value env);
/* resource.struct_rusage of a struct rusage (resource.c): getrusage's
 * result and wait3's and wait4's third item. */
struct rusage;
Value mod_resource_rusage(const struct rusage *ru);
/* signal.c's converter of an iterable of signal numbers to a sigset_t. */
#include <signal.h>
bool mod_signal_sigset(Value v, sigset_t *set);
/* os.stat_result of a struct stat (posix_file.c; scandir's DirEntry.stat). */
struct stat;
Value mod_posix_stat_result(const struct stat *st);

#endif
