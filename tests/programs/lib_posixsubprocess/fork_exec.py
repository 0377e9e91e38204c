# _posixsubprocess.fork_exec as Lib/subprocess.py calls it: pipes to stdin/stdout, env, cwd, exit codes, exec errors reported through errpipe, pass_fds, preexec_fn, argument errors.
import _posixsubprocess, posix

def as_bytes(s):
    return s.encode() if isinstance(s, str) else s

def run(argv, exe=None, env=None, cwd=None, stdin_data=None, close_fds=True, pass_fds=(), preexec_fn=None):
    p2cread = p2cwrite = -1
    if stdin_data is not None:
        p2cread, p2cwrite = posix.pipe()
    c2pread, c2pwrite = posix.pipe()
    errpipe_read, errpipe_write = posix.pipe()
    pid = _posixsubprocess.fork_exec(
        argv, [as_bytes(exe or argv[0])], close_fds, pass_fds, cwd, env,
        p2cread, p2cwrite, c2pread, c2pwrite, -1, -1,
        errpipe_read, errpipe_write, True, False, -1, None, None, None, -1,
        preexec_fn, True)
    posix.close(c2pwrite)
    posix.close(errpipe_write)
    if p2cread != -1:
        posix.close(p2cread)
        posix.write(p2cwrite, stdin_data)
        posix.close(p2cwrite)
    err = b''
    while True:
        chunk = posix.read(errpipe_read, 100)
        if not chunk:
            break
        err += chunk
    posix.close(errpipe_read)
    out = b''
    while True:
        chunk = posix.read(c2pread, 4096)
        if not chunk:
            break
        out += chunk
    posix.close(c2pread)
    _, status = posix.waitpid(pid, 0)
    return out, err, posix.waitstatus_to_exitcode(status)

print(run([b'/bin/echo', b'hi', 'there']))
print(run(['/bin/sh', '-c', 'echo $FOO; pwd'], env=[b'FOO=bar'], cwd='/tmp'))
print(run(['/bin/cat'], stdin_data=b'from stdin\n'))
print(run(['/bin/sh', '-c', 'exit 3']))
print(run(['/nonexistent/prog']))
print(run(['x'], exe='/etc/passwd'))
print(run(['/bin/true'], cwd='/nonexistent'))
r, w = posix.pipe()
print(run(['/bin/sh', '-c', 'ls /proc/self/fd | wc -l']))
print(run(['/bin/sh', '-c', 'echo kept >&%d' % w], pass_fds=(w,)))
posix.close(w); print(posix.read(r, 100))
print(run(['/bin/true'], preexec_fn=lambda: 1/0))
for bad in [(1,), ((3, 2),), ()]:
    try:
        _posixsubprocess.fork_exec([b'/bin/true'], [b'/bin/true'], True, bad[0] if bad else (), None, None, -1, -1, -1, -1, -1, -1, 5, 1 if not bad else 6, True, False, -1, None, None, None, -1, None, True)
    except Exception as e:
        print(type(e).__name__, e)
try: _posixsubprocess.fork_exec(1, 2)
except TypeError as e: print(e)
