# Every posix function pvm has, called with too many arguments and (where safe) none: CPython's TypeError text for each calling convention
import posix
names = ['WCOREDUMP', 'WEXITSTATUS', 'WIFCONTINUED', 'WIFEXITED', 'WIFSIGNALED', 'WIFSTOPPED',
         'WSTOPSIG', 'WTERMSIG', '_exit', '_path_normpath', 'abort', 'access', 'chdir', 'chmod',
         'chown', 'close', 'closerange', 'confstr', 'cpu_count', 'device_encoding', 'dup', 'dup2',
         'execv', 'execve', 'fchdir', 'fchmod', 'fchown', 'fdatasync', 'fork', 'fpathconf',
         'fspath', 'fstat', 'fstatvfs', 'fsync', 'ftruncate', 'get_blocking', 'get_inheritable',
         'get_terminal_size', 'getcwd', 'getcwdb', 'getegid', 'geteuid', 'getgid', 'getgroups',
         'getloadavg', 'getlogin', 'getpgid', 'getpgrp', 'getpid', 'getppid', 'getsid', 'getuid',
         'isatty', 'kill', 'killpg', 'lchown', 'link', 'listdir', 'lseek', 'lstat', 'major',
         'makedev', 'minor', 'mkdir', 'mkfifo', 'mknod', 'nice', 'open', 'pathconf', 'pipe',
         'pipe2', 'pread', 'putenv', 'pwrite', 'read', 'readlink', 'register_at_fork', 'remove',
         'rename', 'replace', 'rmdir', 'scandir', 'sched_getaffinity', 'sched_yield', 'sendfile',
         'set_blocking', 'set_inheritable', 'setpgid', 'setpgrp', 'setsid', 'stat', 'statvfs',
         'strerror', 'symlink', 'sync', 'sysconf', 'system', 'times', 'truncate', 'ttyname',
         'umask', 'uname', 'unlink', 'unsetenv', 'urandom', 'utime', 'wait', 'waitpid',
         'waitstatus_to_exitcode', 'write']
# Calling these with no arguments would do something (or succeed): only too many.
acts = {'abort', 'fork', 'sync', 'wait', 'setsid', 'setpgrp', 'sched_yield', 'getloadavg',
        'getcwd', 'getcwdb', 'listdir', 'scandir', 'pipe', 'times', 'uname', 'cpu_count',
        'getegid', 'geteuid', 'getgid', 'getgroups', 'getlogin', 'getpgrp', 'getpid',
        'getppid', 'getuid', 'get_terminal_size'}
for name in names:
    f = getattr(posix, name)
    calls = [tuple(range(9))] if name in acts else [(), tuple(range(9))]
    for args in calls:
        try:
            f(*args)
            print(name, len(args), 'no error')
        except TypeError as e:
            print(name, len(args), e)
