"""check_surroundings.py -- pvm in hostile surroundings: a reader that goes
away, a full disk, a memory limit, a "program" that is a directory or a
device, a program read from a pipe, a FIFO or stdin, a recursion through C
past the end of the C stack.  Against python3.11 where it behaves the same, else against a
fixed expectation.

Usage (normally through tests/run_surroundings.sh):
    python3.11 tests/hostile/check_surroundings.py PVM [FILTER]

python3.11 runs in its default configuration (PYTHONUNBUFFERED removed from
the environment, as a user's shell has it): stdout block-buffered when it
is not a terminal.  Compared: the exit status, the last line of stderr,
and whether stderr has CPython's "Exception ignored in: <_io.TextIOWrapper
name='<stdout>' ...>" line (the final flush failed: exit status 120).  The
golden programs tests/programs/lib_io/stdout_order*.py, which mix text,
sys.stdout.buffer and os.write(1), run here too with stdout a pipe, a file
and a terminal, and under -u: compared, every byte of stdout in its order.

Prints one FAIL line per difference, then `surroundings: N passed, M
failed`.  Exit status 0 when all passed, 1 when some failed, 2 when the
suite could not run.
"""
import os
import py_compile
import resource
import shutil
import signal
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build", "surroundings")
PYTHON = sys.executable
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
IGNORED = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>"
TIMEOUT = 60

PROGRAMS = {
    "many_lines": "for i in range(200000):\n    print(i)\n",
    "few_lines": "import time\ntime.sleep(0.2)\nprint('a')\nprint('b')\n",
    "few_lines_then_error": "import time\ntime.sleep(0.2)\nprint('x')\n1 / 0\n",
    "flush_caught": ("import sys, time\ntime.sleep(0.2)\nprint('x')\ntry:\n"
                     "    sys.stdout.flush()\nexcept BrokenPipeError as e:\n"
                     "    print('caught', e, file=sys.stderr)\nprint('y')\n"),
    "exit_3": "import sys\nprint('x')\nsys.exit(3)\n",
    # the exit status says which standard streams are None (bit 0 stdin ...)
    "std_streams_none": ("import os, sys\n"
                         "print('out')\nprint('err', file=sys.stderr)\n"
                         "os._exit(sum(1 << i for i, s in enumerate((sys.stdin, sys.stdout, sys.stderr,\n"
                         "    sys.__stdin__, sys.__stdout__, sys.__stderr__)) if s is None))\n"),
    "stderr_write": "import sys\nsys.stderr.write('x' * 10)\n",
    "error": "print('x')\n1 / 0\n",
    "grow": ("l = []\ntry:\n    while True:\n        l.append('x' * 100000)\n"
             "except MemoryError:\n    n = len(l)\n    l = None\n"
             "    print('MemoryError', n > 100)\n"
             "l = [str(i) for i in range(100000)]\nprint('alive', len(l))\n"),
    "doubling": ("for double in (lambda s: s + s, lambda s: f'{s}{s}', lambda s: ''.join([s, s]),\n"
                 "               lambda s: s * 2, lambda s: (s + s).upper()):\n"
                 "    s, n = 'ab', 0\n    try:\n        while True:\n"
                 "            s = double(s)\n            n += 1\n"
                 "    except MemoryError:\n        s = None\n        print('MemoryError', n > 20)\n"
                 "s = 'ab'\ntry:\n    while True:\n        s += s\nexcept MemoryError:\n"
                 "    s = None\n    print('MemoryError')\n"
                 "print('alive', ('x' * 1000 + 'y') * 1000 != '')\n"),
    "huge": ("import decimal\n"
             "for make in (lambda: 'x' * 10 ** 12, lambda: [0] * 10 ** 11,\n"
             "             lambda: bytearray(10 ** 12), lambda: list(range(10 ** 11)),\n"
             "             lambda: format(1.5, '.2000000000f'),\n"
             "             lambda: format(decimal.Decimal('1.5'), '.2147483648f')):\n"
             "    try:\n        make()\n    except MemoryError:\n        print('MemoryError')\n"
             "print('alive')\n"),
    # A C loop that allocates item after item, never back in the eval loop
    # (h-oom): each its own run, its one MemoryError (a second exhaustion
    # in the same run can still find the reserve not yet taken again).
    **{"c_loop_" + name: ("import itertools\ntry:\n    " + expr + "\n"
                          "except MemoryError:\n    print('MemoryError')\n"
                          "print('alive', len([str(i) for i in range(100000)]))\n")
       for name, expr in (("product", "list(itertools.product(range(10 ** 4), repeat=3))"),
                          ("fromkeys", "dict.fromkeys(range(10 ** 9))"),
                          ("set", "set(range(10 ** 9))"),
                          ("join", "''.join(map(str, range(10 ** 9)))"),
                          ("dictcomp", "{i: i for i in range(10 ** 9)}"),
                          ("hex", "(bytes(range(256)) * 600000).hex(':')"))},
    # Ints of 64 MiB made by GMP (h-pow): eight thrown away at once (a heap
    # full of garbage must not refuse the next), then kept until MemoryError.
    **{"big_" + name: ("x = 1 << 2 ** 29\nfor i in range(8):\n    y = " + expr + "\n"
                       "y = None\nl = []\ntry:\n    while True:\n        i = len(l)\n"
                       "        l.append(" + expr + ")\n"
                       "except MemoryError:\n    n = len(l)\n    l = None\n"
                       "    print('MemoryError', n > 1)\n"
                       "print('alive', len([str(i) for i in range(100000)]))\n")
       for name, expr in (("pow", "2 ** (2 ** 29 + i)"), ("shift", "1 << (2 ** 29 + i)"),
                          ("mul", "x * (i + 3)"))},
    "big_uncaught": "l = [2 ** (2 ** 29 + i) for i in range(100)]\n",
    # __del__ methods that fall due while pvm allocates the batch that calls
    # the ones queued before (runtime/finalize.c): under PVM_GC_STRESS=1 the
    # batch's allocation collects, and b's forty join the queue then.
    "del_batch_grows": ("import gc\ncount = 0\nclass D:\n    def __del__(self):\n"
                        "        global count\n        count += 1\n"
                        "def call():\n    pass\n"
                        "for rnd in range(20):\n    a = [D() for _ in range(40)]\n"
                        "    b = [D() for _ in range(40)]\n    a = None\n    t = []\n"
                        "    b = None\n    call()\n    t = None\n"
                        "gc.collect()\nprint(count)\n"),
    # A thread that prints without pause, and the main thread printing too:
    # with stdout a pipe the main thread once waited for ever for its turn
    # to flush (runtime/stdout.c, the writers' queue).
    "printing_threads": ("import threading\ndef chatter():\n    while True:\n"
                         "        print('x' * 200, flush=True)\n"
                         "threading.Thread(target=chatter, daemon=True).start()\n"
                         "for i in range(20):\n    print('main', i, flush=True)\n"),
    "deep_c_recursion": (
        "import sys, threading\nsys.setrecursionlimit(1000000)\n"
        "def via_map(n):\n    return list(map(via_map, [n + 1]))\n"
        "def chain(n):\n    yield from chain(n + 1)\n    yield n\n"
        "class R:\n    def __repr__(self):\n        return repr([self.inner])\n"
        "def nested_repr():\n    x = cur = R()\n    for i in range(400000):\n"
        "        cur.inner = cur = R()\n    cur.inner = 1\n    repr(x)\n"
        "def each():\n"
        "    for how in (lambda: via_map(0), lambda: next(chain(0)), nested_repr):\n"
        "        try:\n            how()\n        except RecursionError as e:\n"
        "            print('RecursionError')\n"
        "each()\nthreading.stack_size(1 << 20)\nt = threading.Thread(target=each)\n"
        "t.start()\nt.join()\nprint('alive')\n"),
}


ORDER_DIR = os.path.join(ROOT, "tests", "programs", "lib_io")
ORDER_PROGRAMS = sorted(f[:-3] for f in os.listdir(ORDER_DIR)
                        if f.startswith("stdout_order") and f.endswith(".py"))


def compile_all():
    paths = {}
    for name in ORDER_PROGRAMS:
        with open(os.path.join(ORDER_DIR, name + ".py")) as f:
            PROGRAMS[name] = f.read()
    for name, text in PROGRAMS.items():
        src = os.path.join(BUILD, name + ".py")
        with open(src, "w") as f:
            f.write(text)
        pyc = os.path.join(BUILD, name + ".pyc")
        py_compile.compile(src, cfile=pyc, dfile=src, doraise=True)
        paths[name] = (src, pyc)
    return paths


def address_space(limit):
    def set_limit():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return set_limit


def run(cmd, stdout=None, stderr=subprocess.PIPE, preexec=None, reader=None):
    """(exit status, stderr text); stdout is a file object, or the write end
    of a pipe whose reader is `reader` ('one-line': reads a line then goes
    away; 'gone': closed before the program starts)."""
    r = w = None
    if reader is not None:
        r, w = os.pipe()
        if reader == "gone":
            os.close(r)
            r = None
        stdout = w
    p = subprocess.Popen(cmd, cwd=BUILD, env=ENV, stdin=subprocess.DEVNULL, stdout=stdout,
                         stderr=stderr, preexec_fn=preexec)
    if w is not None:
        os.close(w)
    if r is not None:
        with os.fdopen(r, "rb") as f:
            f.readline()
    try:
        _, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        return None, ""
    return p.returncode, (err or b"").decode("utf-8", "replace")


def summary(result):
    status, err = result
    if status is None:
        return "still running after %d s" % TIMEOUT
    lines = err.rstrip("\n").split("\n")
    return "status %s, last line %r%s" % (status, lines[-1],
                                          ", 'Exception ignored'" if IGNORED in err else "")


def same_as_python(paths, name, tries=1, **how):
    """pvm's outcome is python3.11's.  tries > 1: where timing decides
    between outcomes python3.11 has (a pipe closed while output flows: the
    BrokenPipeError in a print, and again at the exit's flush or not),
    python3.11 runs up to `tries` times until one of its runs ends as
    pvm's did."""
    src, pyc = paths[name]
    opened = []

    def with_files(kw):
        kw = dict(kw)
        if kw.get("stdout") == "/dev/full":
            kw["stdout"] = open("/dev/full", "wb")
            opened.append(kw["stdout"])
        if kw.get("stderr") == "/dev/full":
            kw["stderr"] = open("/dev/full", "wb")
            opened.append(kw["stderr"])
        return kw
    got = summary(run([PVM, pyc], **with_files(how)))
    wants = []
    while len(wants) < tries and got not in wants:
        wants.append(summary(run([PYTHON, src], **with_files(how))))
    for f in opened:
        f.close()
    return None if got in wants else "pvm: %s; python3.11: %s" % (got, " / ".join(wants))


def one_line_error(path, stdin=None):
    """pvm refuses `path` with exit status 1 and exactly one line (stdin:
    bytes piped to it)."""
    p = subprocess.run([PVM, path], cwd=BUILD, input=stdin,
                       stdin=subprocess.DEVNULL if stdin is None else None, capture_output=True,
                       timeout=TIMEOUT)
    lines = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    if p.returncode != 1 or p.stdout or len(lines) != 1:
        return "status %d, stdout %r, stderr %r" % (p.returncode, p.stdout[:100], p.stderr[:300])
    return None


def as_nobody():
    """Drop to user nobody (a root user reads any file)."""
    os.setgid(65534)
    os.setuid(65534)


def unreadable_file():
    path = os.path.join(BUILD, "unreadable.pyc")
    shutil.copy(os.path.join(BUILD, "exit_3.pyc"), path)
    os.chmod(path, 0)
    if os.geteuid() != 0:
        return one_line_error(path)
    # As root, run pvm as nobody; it must be able to reach pvm itself.
    p = subprocess.run([PVM, path], cwd="/", stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=TIMEOUT, preexec_fn=as_nobody)
    lines = p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")
    if p.returncode == 126 or b"Permission denied" in p.stderr and b"pvm:" not in p.stderr:
        return "skipped: user nobody cannot run %s" % PVM
    if p.returncode != 1 or p.stdout or len(lines) != 1 or "Permission denied" not in lines[0]:
        return "status %d, stderr %r" % (p.returncode, p.stderr[:300])
    return None


def fifo_without_writer():
    path = os.path.join(BUILD, "fifo.pyc")
    if os.path.exists(path):
        os.remove(path)
    os.mkfifo(path)
    return one_line_error(path)


def shell(command, paths):
    """(exit status, stdout, last line of stderr) of a bash command line,
    {pvm} {python} {src} {pyc} (the program exit_3) filled in."""
    src, pyc = paths["exit_3"]
    p = subprocess.run(["bash", "-c", command.format(pvm=PVM, python=PYTHON, src=src, pyc=pyc)],
                       cwd=BUILD, env=ENV, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace").rstrip("\n").split("\n")[-1]


def read_once(paths, pvm_command, python_command):
    """pvm reads its program from a pipe, a FIFO or stdin, which can be read
    only once (no fstat size, no second look at the magic number), and runs
    it as python3.11 runs python_command.  For bytecode that is the .py
    file: python3.11 itself takes a .pyc on a pipe for source."""
    want = shell(python_command, paths)
    got = shell(pvm_command, paths)
    return None if got == want else "pvm %r; python3.11 %r" % (got, want)


def directory():
    path = os.path.join(BUILD, "a_directory.pyc")
    os.makedirs(path, exist_ok=True)
    return one_line_error(path)


def empty_file():
    path = os.path.join(BUILD, "empty.pyc")
    open(path, "wb").close()
    return one_line_error(path)


def heap_limit(paths):
    p = subprocess.run([PVM, "-X", "heaplimit=64M", paths["grow"][1]], cwd=BUILD,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    want = b"MemoryError True\nalive 100000\n"   # as python3.11 under ulimit -v
    if p.returncode != 0 or p.stdout != want:
        return "status %d, stdout %r, stderr %r" % (p.returncode, p.stdout, p.stderr[-300:])
    return None


def big_ints(paths, name, how):
    """A program of big ints (PROGRAMS' big_*) under a 512 MiB heap limit
    ('heaplimit', PVM_HEAPLIMIT) or ulimit -v 512 MiB ('ulimit').  Its
    output is python3.11's under ulimit -v, run here, except for `2 ** n`,
    which python3.11 computes by squarings (a minute for 64 MiB): its
    output is the shift's; and for big_uncaught, whose last line of
    stderr must be CPython's MemoryError line (python3.11 has no heap
    limit to run under)."""
    src, pyc = paths[name]
    if how == "heaplimit":
        env, preexec = dict(ENV, PVM_HEAPLIMIT="512M"), None
    else:
        env, preexec = ENV, address_space(512 << 20)
    p = subprocess.run([PVM, pyc], cwd=BUILD, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=TIMEOUT, preexec_fn=preexec)
    last = p.stderr.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    if name == "big_uncaught":
        want = (1, b"", b"MemoryError")
        got = (p.returncode, p.stdout, last)
    else:
        oracle = "big_shift" if name == "big_pow" else name
        q = subprocess.run([PYTHON, paths[oracle][0]], cwd=BUILD, env=ENV,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT,
                           preexec_fn=address_space(512 << 20))
        want = (q.returncode, q.stdout)
        got = (p.returncode, p.stdout)
    if got != want:
        return "pvm %r (stderr %r); want %r" % (got, p.stderr[-300:], want)
    return None


def deep_c_recursion(paths):
    """Recursion through C (map, a `yield from` chain, repr) under a limit
    far above what the C stack holds: CPython 3.11 dies of SIGSEGV here;
    pvm raises RecursionError at the end of the C stack, in the main thread
    and in a thread with a 1 MiB stack."""
    p = subprocess.run([PVM, paths["deep_c_recursion"][1]], cwd=BUILD, env=ENV,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    want = b"RecursionError\n" * 6 + b"alive\n"
    if p.returncode != 0 or p.stdout != want:
        return "status %d, stdout %r, stderr %r" % (p.returncode, p.stdout, p.stderr[-300:])
    return None


def printing_threads(paths, runs=5, timeout=20):
    """Every run ends, with the main thread's 20 lines in its output (the
    two threads' pieces interleave, as under CPython).  Before the writers'
    queue, 8 runs in 10 hung."""
    for _ in range(runs):
        try:
            p = subprocess.run([PVM, paths["printing_threads"][1]], cwd=BUILD, env=ENV,
                               stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "hung (killed after %d s)" % timeout
        if p.returncode != 0 or p.stdout.count(b"main") != 20:
            return "exit status %d, %d of the main thread's 20 lines" % (
                p.returncode, p.stdout.count(b"main"))
    return None


def with_output(paths, name, limit=None, pvm_env=None):
    """pvm prints what python3.11 prints, with the same exit status: both
    under ulimit -v `limit` when given, pvm with `pvm_env` added to its
    environment (PVM_GC_STRESS: the stress mode's tail guards stop a run
    that writes past a block's end, runtime/gc.c)."""
    src, pyc = paths[name]
    results = []
    for cmd, env in (([PYTHON, src], ENV), ([PVM, pyc], dict(ENV, **(pvm_env or {})))):
        p = subprocess.run(cmd, cwd=BUILD, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT,
                           preexec_fn=address_space(limit) if limit else None)
        results.append((p.returncode, p.stdout))
    return None if results[0] == results[1] else "pvm %r (stderr %r); python3.11 %r" % (
        results[1], p.stderr[-300:], results[0])


def stdout_bytes(cmd, where):
    """(exit status, stdout) of cmd with stdout a 'pipe', a 'file' or a
    'tty' (a pseudo-terminal: what the program wrote, in its order)."""
    if where == "pipe":
        p = subprocess.run(cmd, cwd=BUILD, env=ENV, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
        return p.returncode, p.stdout
    if where == "file":
        with open(os.path.join(BUILD, "stdout.txt"), "w+b") as f:
            status = subprocess.run(cmd, cwd=BUILD, env=ENV, stdin=subprocess.DEVNULL,
                                    stdout=f, stderr=subprocess.PIPE, timeout=TIMEOUT).returncode
            f.seek(0)
            return status, f.read()
    master, slave = os.openpty()
    p = subprocess.Popen(cmd, cwd=BUILD, env=ENV, stdin=subprocess.DEVNULL, stdout=slave,
                         stderr=subprocess.PIPE)
    os.close(slave)
    data = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:             # EIO: the terminal's last writer is gone
            break
        if not chunk:
            break
        data.append(chunk)
    os.close(master)
    p.communicate(timeout=TIMEOUT)
    return p.returncode, b"".join(data)


def stdout_order(paths, name, where, options=()):
    """Every byte of stdout, in python3.11's order, without PYTHONUNBUFFERED."""
    src, pyc = paths[name]
    want = stdout_bytes([PYTHON, *options, src], where)
    got = stdout_bytes([PVM, *options, pyc], where)
    if got == want:
        return None
    n = next((i for i, (a, b) in enumerate(zip(got[1], want[1])) if a != b),
             min(len(got[1]), len(want[1])))
    return "pvm status %s, python3.11 %s; stdout differs from byte %d: pvm %r, python3.11 %r" % (
        got[0], want[0], n, got[1][n:n + 40], want[1][n:n + 40])


def cases(paths):
    order = [("%s, stdout %s" % (name, how), lambda name=name, how=how, options=options:
              stdout_order(paths, name, how.split()[0], options))
             for name in ORDER_PROGRAMS
             for how, options in (("pipe", ()), ("file", ()), ("tty", ()), ("pipe -u", ("-u",)),
                                  ("tty -u", ("-u",)))]
    return order + [
        ("pipe closed while printing", lambda: same_as_python(paths, "many_lines", tries=5,
                                                              reader="one-line")),
        ("pipe closed before the final flush", lambda: same_as_python(paths, "few_lines",
                                                                      reader="gone")),
        ("pipe closed, then an exception", lambda: same_as_python(paths, "few_lines_then_error",
                                                                  reader="gone")),
        ("pipe closed, flush error caught", lambda: same_as_python(paths, "flush_caught",
                                                                   reader="gone")),
        ("stdout is /dev/full, little output", lambda: same_as_python(paths, "few_lines",
                                                                      stdout="/dev/full")),
        ("stdout is /dev/full, much output", lambda: same_as_python(paths, "many_lines",
                                                                    stdout="/dev/full")),
        ("stdout is /dev/full, sys.exit(3)", lambda: same_as_python(paths, "exit_3",
                                                                    stdout="/dev/full")),
        ("stderr is /dev/full, stderr.write", lambda: same_as_python(paths, "stderr_write",
                                                                     stderr="/dev/full")),
        ("stderr is /dev/full, a traceback", lambda: same_as_python(paths, "error",
                                                                    stderr="/dev/full")),
        ("ulimit -v 512 MiB, a list that grows", lambda: with_output(paths, "grow", 512 << 20)),
        ("ulimit -v 512 MiB, huge allocations", lambda: with_output(paths, "huge", 512 << 20)),
        ("-X heaplimit=64M, a list that grows", lambda: heap_limit(paths)),
        *[("ulimit -v 512 MiB, a C loop: " + name[7:], lambda name=name: with_output(paths, name, 512 << 20))
          for name in PROGRAMS if name.startswith("c_loop_")],
        *[("%s 512 MiB, big ints: %s" % (how.replace("heaplimit", "PVM_HEAPLIMIT"), name[4:]),
           lambda name=name, how=how: big_ints(paths, name, how))
          for how in ("heaplimit", "ulimit -v")
          for name in PROGRAMS if name.startswith("big_")],
        ("ulimit -v 192 MiB, a str that doubles", lambda: with_output(paths, "doubling", 192 << 20)),
        ("recursion through C past the C stack", lambda: deep_c_recursion(paths)),
        ("PVM_GC_STRESS=1, __del__ due while a batch is made",
         lambda: with_output(paths, "del_batch_grows", pvm_env={"PVM_GC_STRESS": "1"})),
        ("stdout a pipe, two threads printing, one without pause",
         lambda: printing_threads(paths)),
        *[("fd %s closed at start: its sys stream None" % " ".join(map(str, fds)),
           lambda fds=fds: same_as_python(paths, "std_streams_none",
                                          preexec=lambda: [os.close(fd) for fd in fds]))
          for fds in ((0,), (1,), (2,), (0, 1, 2))],
        ("a directory", directory),
        ("an empty file", empty_file),
        ("/dev/zero", lambda: one_line_error("/dev/zero")),
        ("a FIFO with no writer", fifo_without_writer),
        ("an unreadable file", unreadable_file),
        ("a .pyc through a pipe: pvm <(cat x.pyc)",
         lambda: read_once(paths, "{pvm} <(cat {pyc})", "{python} {src}")),
        ("a .pyc from a FIFO",
         lambda: read_once(paths, "rm -f fifo; mkfifo fifo; cat {pyc} > fifo & {pvm} fifo",
                           "{python} {src}")),
        ("a .pyc piped to /dev/stdin",
         lambda: read_once(paths, "cat {pyc} | {pvm} /dev/stdin", "{python} {src}")),
        ("a .pyc piped to pvm -", lambda: read_once(paths, "cat {pyc} | {pvm} -", "{python} {src}")),
        ("source through a pipe",
         lambda: read_once(paths, "{pvm} <(cat {src})", "{python} <(cat {src})")),
        ("source piped to pvm -",
         lambda: read_once(paths, "cat {src} | {pvm} -", "cat {src} | {python} -")),
        ("a truncated .pyc through a pipe",
         lambda: one_line_error("/dev/stdin", stdin=open(paths["exit_3"][1], "rb").read()[:10])),
    ]


def main():
    global PVM
    if len(sys.argv) not in (2, 3):
        print("usage: check_surroundings.py PVM [FILTER]", file=sys.stderr)
        return 2
    PVM = os.path.abspath(sys.argv[1])
    if not os.access(PVM, os.X_OK):
        print("surroundings: %s is not an executable" % PVM)
        return 2
    if sys.version_info[:2] != (3, 11):
        print("surroundings: needs python3.11 as the oracle")
        return 2
    pattern = sys.argv[2] if len(sys.argv) == 3 else ""
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # the children decide for themselves
    os.makedirs(BUILD, exist_ok=True)
    paths = compile_all()
    selected = [(n, c) for n, c in cases(paths) if pattern in n]
    failed = 0
    for name, case in selected:
        why = case()
        if why and why.startswith("skipped"):
            print("SKIP %s: %s" % (name, why))
        elif why:
            failed += 1
            print("FAIL %s: %s" % (name, why))
    print("surroundings: %d passed, %d failed" % (len(selected) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
