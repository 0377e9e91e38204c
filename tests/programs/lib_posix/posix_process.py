# posix processes: fork/_exit/waitpid, exec in a child, kill, the W* status macros, waitstatus_to_exitcode, register_at_fork, ids, umask
import posix, sys
calls = []
posix.register_at_fork(before=lambda: calls.append('before'),
                       after_in_parent=lambda: calls.append('parent'))
sys.stdout.flush()
pid = posix.fork()
if pid == 0:
    posix._exit(7)
wpid, status = posix.waitpid(pid, 0)
print(wpid == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status))
print(posix.waitstatus_to_exitcode(status), calls)
pid = posix.fork()
if pid == 0:
    posix.execv('/bin/sh', ['sh', '-c', 'exit 3'])
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
pid = posix.fork()
if pid == 0:
    posix.execve('/bin/sh', ('sh', '-c', 'exit $CODE'), {'CODE': '5'})
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, b'from the child')
    posix._exit(0)
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
posix.waitpid(pid, 0)
pid = posix.fork()
if pid == 0:
    while True:
        pass
posix.kill(pid, 9)
_, status = posix.wait()
print(posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status))
print(posix.WIFEXITED(status=0), posix.WEXITSTATUS(0x0300), posix.WIFSTOPPED(0x137f), posix.WSTOPSIG(0x137f))
print(posix.WCOREDUMP(0), posix.WIFCONTINUED(0xffff))
for bad in (0x137f, -1):
    try:
        posix.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    posix.waitpid(-1, posix.WNOHANG)
except ChildProcessError as e:
    print('ChildProcessError:', e)
try:
    posix.execv('/bin/sh', [])
except ValueError as e:
    print('ValueError:', e)
try:
    posix.execv('/bin/sh', [''])
except ValueError as e:
    print('ValueError:', e)
try:
    posix.execv('/no/such/program', ['x'])
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    posix.register_at_fork()
except TypeError as e:
    print('TypeError:', e)
try:
    posix.register_at_fork(before=1)
except TypeError as e:
    print('TypeError:', e)
print(posix.getpid() == posix.getpid(), posix.getppid() > 0, posix.getuid() >= 0, posix.getgid() >= 0)
print(type(posix.getgroups()).__name__, posix.geteuid() == posix.getuid(), posix.getpgrp() > 0)
old = posix.umask(0o027)
print(oct(posix.umask(old)))
print(posix.system('exit 4') >> 8, posix.waitstatus_to_exitcode(posix.system('true')))
