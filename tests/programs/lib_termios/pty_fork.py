# pty.fork and os.forkpty: the child's stdio is the terminal, its output read by the parent; os.openpty, ctermid, tcgetpgrp
import os, pty, sys, termios, tty

def read_all(fd):
    data = b''
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:             # EIO once the child's side is closed
            return data
        if not chunk:
            return data
        data += chunk

print(os.ctermid(), flush=True)
pid, fd = pty.fork()
if pid == 0:
    print('child on a tty:', os.isatty(0), os.isatty(1))
    sys.stdout.flush()
    os._exit(7)
out = read_all(fd)
_, status = os.waitpid(pid, 0)
print(out.replace(b'\r\n', b'\n').decode(), os.waitstatus_to_exitcode(status))
master, slave = os.openpty()
print(os.get_inheritable(master), os.get_inheritable(slave), os.isatty(slave), os.ttyname(slave).startswith('/dev/pts/'))
pid, fd = os.forkpty()
if pid == 0:
    os.write(1, b'forkpty child %d\n' % os.isatty(0))
    os._exit(0)
data = read_all(fd)
os.waitpid(pid, 0)
print(data.replace(b'\r\n', b'\n'))
try:
    os.tcgetpgrp(slave)
except OSError as e:
    print('tcgetpgrp', e.errno)
r, w = os.pipe()
try:
    os.tcgetpgrp(r)
except OSError as e:
    print('tcgetpgrp pipe', e.errno, e.strerror)
