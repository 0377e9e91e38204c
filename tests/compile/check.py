"""check.py -- pvm's ways of running source, and its compile service,
checked against python3.11.

Usage (normally through tests/run_compile.sh):  python3.11 check.py PVM

Each case runs in a fresh scratch folder.  Most run the same command line
under python3.11 and pvm and compare stdout, exit status and the WHOLE of
stderr (a SyntaxError's report is its "File" line, the text and the caret
line: every byte matters).  The others check what only pvm has: the .pyc
files it writes to __pycache__ (byte for byte what python3.11's importlib
writes), the fallback without a compiler (PVM_COMPILER=/nonexistent), and
the life of the co-process (killed under pvm's feet, pvm killed, no
zombies).  pvm's compiler is this same python3.11 (PVM_COMPILER), so
oracle and compiler agree.

Prints one FAIL line (and details) per failed case, then
"compile: N passed, M failed".
"""
import ctypes
import os
import py_compile
import shutil
import signal
import subprocess
import sys
import tempfile
import time

PYTHON = sys.executable
TIMEOUT = 20
BASE_ENV = {k: v for k, v in os.environ.items()
            if k not in ("PYTHONDONTWRITEBYTECODE", "PVM_COMPILER", "PYTHONPATH")}
# Every case asks the service itself: the on-disk cache of its answers is
# off, except in the cases about the cache.
BASE_ENV.update(PYTHONHASHSEED="0", PVM_COMPILER=PYTHON, PVM_COMPILE_CACHE="off")
CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def run(cmd, cwd, stdin=None, env=None, timeout=TIMEOUT):
    """(stdout, stderr, status) of a command, text decoded."""
    p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, timeout=timeout,
                       env=dict(BASE_ENV, **(env or {})))
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode


def write(folder, files):
    for name, text in files.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode())


def clean_pycache(folder):
    for base, dirs, _ in os.walk(folder):
        if "__pycache__" in dirs:
            shutil.rmtree(os.path.join(base, "__pycache__"))


def same(work, args, files=None, stdin=None, env=None):
    """Run python3.11 and pvm with the same arguments in the same folder
    (no cached bytecode before either); None when stdout, status and the
    whole stderr agree, else what differs."""
    write(work, files or {})
    clean_pycache(work)
    want = run([PYTHON] + args, work, stdin, env)
    clean_pycache(work)
    got = run([PVM] + args, work, stdin, env)
    problems = []
    for what, w, g in zip(("stdout", "stderr", "status"), want, got):
        if w != g:
            problems.append("%s: python3.11 %r\n      pvm %r" % (what, w, g))
    return "\n    ".join(problems) or None


# ---- -c, stdin, scripts ----------------------------------------------------------

@case
def dash_c(work):
    return (same(work, ["-c", "print(6 * 7)"]) or
            same(work, ["-c", "import sys; print(sys.argv, repr(sys.path[0]), sorted(globals()))",
                        "a", "-b"]) or
            same(work, ["-cprint('joined')"]) or
            same(work, ["-B", "-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)"]))


@case
def dash_c_errors(work):
    return (same(work, ["-c", "1 +"]) or
            same(work, ["-c", "  x = 1"]) or
            same(work, ["-c", "def f():\n    return 1 / 0\nf()"]) or
            same(work, ["-c", "print('unterminated)"]) or
            same(work, ["-c", "for i in range(3):"]))


@case
def stdin_program(work):
    program = b"import sys\nprint('from stdin', sys.argv, repr(sys.path[0]), __file__)\n"
    return (same(work, [], stdin=program) or
            same(work, ["-", "a", "b"], stdin=program) or
            same(work, [], stdin=b"def f():\n    return 1 / 0\nf()\n") or
            same(work, [], stdin=b"x = (1,\n     2\n") or
            same(work, [], stdin=b""))


# Scripts with syntax errors: run as `python3.11 x.py` / `pvm x.py`, the
# whole report compared (no traceback: the file line, text and carets).
BAD_SCRIPTS = {
    "indent.py": "def f():\nreturn 1\n",
    "unindent.py": "if True:\n        a = 1\n    b = 2\n",
    "tabs.py": "if True:\n\ta = 1\n        b = 2\n",
    "unexpected_indent.py": "x = 1\n    y = 2\n",
    "unterminated.py": "print('hello)\n",
    "triple.py": "x = 1\ns = '''never\nclosed\n",
    "fstring.py": "name = 1\nprint(f'{name!z}')\n",
    "fstring_brace.py": "print(f'{')\n",
    "return.py": "x = 1\nreturn x\n",
    "eof_paren.py": "values = [1, 2,\n          3,\n",
    "eof_block.py": "for i in range(3):\n",
    "continuation.py": "x = 1 + \\\n",
    "invalid_char.py": "x = 2 \u00d7 3\n",
    "unicode_text.py": "s = '\u00e9t\u00e9'\nx = s +\n",
    "assign.py": "f() = 1\n",
    "nested.py": "x = " + "(" * 201 + ")" * 201 + "\n",
    "keyword.py": "def f(class): pass\n",
    "walrus.py": "x := 1\n",
    "print2.py": "print 'old style'\n",
    # Where python3.11's file reader differs from compile(): at the end of
    # the file, and in the source's encoding.
    "eof_class.py": "def f():\n    pass\nclass C:\n",
    "eof_else.py": "if 1:\n    pass\nelse:",
    "eof_try.py": "try:\n  pass\n",
    "latin1.py": b"# no declaration\nprint('caf\xe9')\n",
    "bad_cookie.py": b"# coding: nonsense\nx = 1\n",
    "bom_cookie.py": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
}


@case
def script_syntax_errors(work):
    for name, text in sorted(BAD_SCRIPTS.items()):
        problem = same(work, [name], {name: text})
        if problem:
            return "%s: %s" % (name, problem)
    return None


@case
def stdin_syntax_errors(work):
    for name, text in sorted(BAD_SCRIPTS.items()):
        problem = same(work, [], stdin=text if isinstance(text, bytes) else text.encode())
        if problem:
            return "%s on stdin: %s" % (name, problem)
    return None


@case
def script_runs(work):
    files = {
        "prog.py": "import sys\nprint('running', sys.argv[1:], __name__, __file__.endswith('prog.py'))\n"
                   "def f():\n    return [][0]\nf()\n",
        "latin.py": b"# -*- coding: latin-1 -*-\nprint('caf\xe9')\n",
        "bom.py": b"\xef\xbb\xbfprint('with a BOM')\n",
        "warn.py": "x = 1\nif x is 1:\n    print('warned')\n",
        "noext": "print('a script without .py')\n",
    }
    return (same(work, ["prog.py", "x", "y"], files) or same(work, ["latin.py"]) or
            same(work, ["bom.py"]) or same(work, ["warn.py"]) or same(work, ["noext"]))


# ---- imports from source, and __pycache__ ------------------------------------------

PACKAGE = {
    "main.py": "import mod, pkg.sub\nprint(mod.f(2), pkg.sub.VALUE)\n",
    "mod.py": '"""A module."""\nimport sys\nX = [1, 2.5, "text", b"bytes", (1, 2), None]\n'
              "def f(a, b=2, *args, c=3, **kw):\n    def g():\n        return a + b\n"
              "    return g() + len(args) + c\n"
              "class C:\n    def method(self, x):\n        return [i * x for i in range(9) if i % 2]\n"
              "try:\n    y = 1 / 0\nexcept ZeroDivisionError as e:\n    y = str(e)\n",
    "pkg/__init__.py": "from . import sub\n",
    "pkg/sub.py": "VALUE = 'sub'\n",
}
PYCS = ["__pycache__/mod.cpython-311.pyc", "pkg/__pycache__/__init__.cpython-311.pyc",
        "pkg/__pycache__/sub.cpython-311.pyc"]


def read_pycs(work):
    out = {}
    for rel in PYCS:
        path = os.path.join(work, rel)
        if os.path.exists(path):
            with open(path, "rb") as f:
                out[rel] = (f.read(), os.stat(path).st_mode)
    return out


def compare_pycs(work, args, env=None):
    """pvm's __pycache__ against python3.11's for the same run: the same
    files, byte for byte, with the same permissions."""
    clean_pycache(work)
    want_run = run([PYTHON] + args, work, env=env)
    want = read_pycs(work)
    clean_pycache(work)
    got_run = run([PVM] + args, work, env=env)
    got = read_pycs(work)
    if got_run != want_run:
        return "the runs differ: python3.11 %r, pvm %r" % (want_run, got_run)
    if sorted(got) != sorted(want):
        return "pycs written: python3.11 %s, pvm %s" % (sorted(want), sorted(got))
    for rel in want:
        if got[rel] != want[rel]:
            return "%s differs from python3.11's (mode %o vs %o)" % (rel, got[rel][1], want[rel][1])
    return None


@case
def import_writes_pycache(work):
    write(work, PACKAGE)
    problem = compare_pycs(work, ["main.py"])
    if problem:
        return problem
    if os.path.exists(os.path.join(work, "__pycache__/main.cpython-311.pyc")):
        return "the script's own bytecode was cached (python never does)"
    # The same bytes as py_compile writes for the path importlib uses.
    for rel in PYCS:
        source = os.path.join(work, rel.replace("__pycache__/", "").replace(".cpython-311.pyc", ".py"))
        py_compile.compile(source, cfile=os.path.join(work, "expected.pyc"), doraise=True)
        with open(os.path.join(work, "expected.pyc"), "rb") as f, \
                open(os.path.join(work, rel), "rb") as g:
            if f.read() != g.read():
                return "%s is not what py_compile writes" % rel
    return None


@case
def import_reuses_pycache(work):
    write(work, PACKAGE)
    clean_pycache(work)
    first = run([PVM, "main.py"], work)
    before = {rel: os.stat(os.path.join(work, rel)).st_mtime_ns for rel in PYCS}
    # Up to date: no compiler needed (the script is a .pyc), nothing rewritten.
    py_compile.compile(os.path.join(work, "main.py"), cfile=os.path.join(work, "main.pyc"))
    again = run([PVM, "main.pyc"], work, env={"PVM_COMPILER": "/nonexistent"})
    after = {rel: os.stat(os.path.join(work, rel)).st_mtime_ns for rel in PYCS}
    if again != first or first != ("7 sub\n", "", 0):
        return "cached bytecode not reused: %r %r" % (first, again)
    return None if before == after else "pycs were rewritten"


@case
def import_recompiles_stale(work):
    write(work, PACKAGE)
    clean_pycache(work)
    run([PVM, "main.py"], work)
    write(work, {"mod.py": "def f(a):\n    return 'edited %s' % a\n"})
    st = os.stat(os.path.join(work, "mod.py"))
    os.utime(os.path.join(work, "mod.py"), ns=(st.st_atime_ns, st.st_mtime_ns + 10**10))
    got_run = run([PVM, "main.py"], work)
    got = read_pycs(work)
    # python3.11 in the same state: a stale pyc, rewritten.
    with open(os.path.join(work, PYCS[0]), "wb") as f:
        f.write(b"\xa7\r\r\n" + bytes(12))          # any stale 3.11 pyc
    want_run = run([PYTHON, "main.py"], work)
    want = read_pycs(work)
    if got_run != want_run or got[PYCS[0]] != want[PYCS[0]]:
        return "stale pyc: python3.11 %r, pvm %r" % (want_run, got_run)
    return None


@case
def import_recompiles_checked_hash(work):
    write(work, PACKAGE)
    mode = py_compile.PycInvalidationMode.CHECKED_HASH
    results = []
    for interpreter in (PYTHON, PVM):
        write(work, {"mod.py": "def f(a):\n    return a\n"})
        clean_pycache(work)
        py_compile.compile(os.path.join(work, "mod.py"), doraise=True, invalidation_mode=mode)
        write(work, {"mod.py": "def f(a):\n    return 'changed %s' % a\n"})
        results.append((run([interpreter, "main.py"], work), read_pycs(work)[PYCS[0]]))
    (want_run, want), (got_run, got) = results
    if got_run != want_run or got != want:
        return "checked hash pyc: python3.11 %r, pvm %r" % ((want_run, want[0][:16]), (got_run, got[0][:16]))
    return None


@case
def dont_write_bytecode(work):
    write(work, PACKAGE)
    setters = [(["-B", "main.py"], None), (["main.py"], {"PYTHONDONTWRITEBYTECODE": "1"})]
    for args, env in setters:
        problem = compare_pycs(work, args, env)
        if problem:
            return "%s %s: %s" % (args, env, problem)
    write(work, {"set.py": "import sys\nsys.dont_write_bytecode = True\nimport mod\nprint('ok')\n"})
    return compare_pycs(work, ["set.py"]) or same(
        work, ["-c", "import sys; print(sys.dont_write_bytecode, sys.flags.dont_write_bytecode)"],
        env={"PYTHONDONTWRITEBYTECODE": "x"})


@case
def pycache_not_writable(work):
    # __pycache__ is a file: no cache can be written, the import works.
    write(work, PACKAGE)
    clean_pycache(work)
    write(work, {"__pycache__": "not a directory\n"})
    got = run([PVM, "main.py"], work)
    want = run([PYTHON, "main.py"], work)
    return None if got == want else "python3.11 %r, pvm %r" % (want, got)


# ---- without a compiler ----------------------------------------------------------------

NO_COMPILER = {"PVM_COMPILER": "/nonexistent"}
UNAVAILABLE = ("cannot compile Python source: '/nonexistent' cannot be run: [Errno 2] No such "
               "file or directory (pvm compiles Python source with python3.11; set "
               "PVM_COMPILER to the path of one)")


def expect(got, want, what):
    return None if got == want else "%s: expected %r, got %r" % (what, want, got)


@case
def no_compiler(work):
    write(work, {"hello.py": "print('hello')\n", "uses.py": "import hello\n",
                 "imports.py": "import hello\n",
                 "runs.py": "for i in range(2):\n    try:\n        exec('1')\n"
                            "    except RuntimeError as e:\n        print(type(e).__name__, e)\n"
                            "print('still running')\n"})
    clean_pycache(work)
    for name in ("hello.py", "runs.py", "imports.py"):
        py_compile.compile(os.path.join(work, name), cfile=os.path.join(work, name + "c"))
    return (expect(run([PVM, "hello.pyc"], work, env=NO_COMPILER), ("hello\n", "", 0),
                   "a .pyc runs without a compiler") or
            expect(run([PVM, "-c", "print(1)"], work, env=NO_COMPILER),
                   ("", "pvm: %s\n" % UNAVAILABLE, 1), "-c") or
            expect(run([PVM], work, stdin=b"print(1)\n", env=NO_COMPILER),
                   ("", "pvm: %s\n" % UNAVAILABLE, 1), "stdin") or
            expect(run([PVM, "runs.pyc"], work, env=NO_COMPILER),
                   (("RuntimeError %s\n" % UNAVAILABLE) * 2 + "still running\n", "", 0), "exec()") or
            expect(run([PVM, "uses.py"], work, env=NO_COMPILER),
                   ("", "pvm: {0}/uses.py has no up-to-date compiled bytecode: "
                        "{0}/__pycache__/uses.cpython-311.pyc is missing, and pvm cannot compile "
                        "Python source: '/nonexistent' cannot be run: [Errno 2] No such file or "
                        "directory; set PVM_COMPILER to the path of a python3.11, or run: "
                        "python3.11 -m py_compile {0}/uses.py\n".format(work), 1), "a script") or
            expect(run([PVM, "imports.pyc"], work, env=NO_COMPILER)[1].splitlines()[-1],
                   "ImportError: {0}/hello.py has no up-to-date compiled bytecode: "
                   "{0}/__pycache__/hello.cpython-311.pyc is missing, and pvm cannot compile "
                   "Python source: '/nonexistent' cannot be run: [Errno 2] No such file or "
                   "directory; set PVM_COMPILER to the path of a python3.11, or run: "
                   "python3.11 -m py_compile {0}/hello.py".format(work), "an import"))


def executable(work, name, text):
    path = os.path.join(work, name)
    write(work, {name: text})
    os.chmod(path, 0o755)
    return path


@case
def other_compilers(work):
    fake312 = executable(work, "fake312", "#!%s\nimport marshal, os, sys\n"
                         "d = marshal.dumps(('hello', 3531))\n"
                         "os.write(1, len(d).to_bytes(4, 'little') + d)\nsys.stdin.read()\n" % PYTHON)
    os.symlink(PYTHON, os.path.join(work, "mypython"))
    cmd = [PVM, "-c", "print('compiled')"]
    return (expect(run(cmd, work, env={"PVM_COMPILER": fake312}),
                   ("", "pvm: cannot compile Python source: '%s' is Python 3.12, not 3.11 (pvm "
                        "compiles Python source with python3.11; set PVM_COMPILER to the path "
                        "of one)\n" % fake312, 1), "a 3.12") or
            expect(run(cmd, work, env={"PVM_COMPILER": "/bin/false"}),
                   ("", "pvm: cannot compile Python source: '/bin/false' did not start pvm's "
                        "compile service (it exited with status 1) (pvm compiles Python source "
                        "with python3.11; set PVM_COMPILER to the path of one)\n", 1), "not a python") or
            expect(run(cmd, work, env={"PVM_COMPILER": "mypython",
                                       "PATH": work + ":" + os.environ.get("PATH", "")}),
                   ("compiled\n", "", 0), "a name looked up on PATH") or
            expect(run(cmd, work, env={"PVM_COMPILER": ""}), ("compiled\n", "", 0),
                   "an empty PVM_COMPILER (the built-in path)"))


# ---- the co-process's life ---------------------------------------------------------------

def children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def state(pid):
    """A process's state letter (R, S, Z, ...), or None when it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def wait_for(predicate, seconds=5.0):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def reap_orphan(pid, seconds=5.0):
    """This process is a subreaper: an orphaned service becomes our child.
    True when it exits (and is reaped) in time."""
    end = time.time() + seconds
    while time.time() < end:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return state(pid) is None
        if done:
            return True
        time.sleep(0.02)
    return False


def start_program(work, source):
    """pvm running `source` (compiled with python3.11), stdin and stdout
    piped; returns the Popen once the program printed its first line."""
    write(work, {"prog.py": source})
    py_compile.compile(os.path.join(work, "prog.py"), cfile=os.path.join(work, "prog.pyc"))
    p = subprocess.Popen([PVM, "prog.pyc"], cwd=work, env=BASE_ENV, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.first_line = p.stdout.readline().decode()
    return p


@case
def service_killed(work):
    """The co-process dies while pvm runs: the next compile says so, pvm
    reaps it (no zombie) and goes on; the one after starts a new one."""
    p = start_program(work, "print(eval('1 + 1'), flush=True)\ninput()\n"
                            "for attempt in range(2):\n    try:\n        print(eval('2 + 2'))\n"
                            "    except RuntimeError as e:\n        print(e)\n")
    try:
        service = children(p.pid)
        if p.first_line != "2\n" or len(service) != 1:
            return "first compile: %r, co-processes %r" % (p.first_line, service)
        os.kill(service[0], signal.SIGKILL)
        wait_for(lambda: state(service[0]) in ("Z", None))
        out, err = p.communicate(b"\n", timeout=TIMEOUT)
    finally:
        p.kill()
    want = ("cannot compile Python source: pvm's compile service ('%s', pid %d) was killed by "
            "signal 9 (Killed); the next compile starts a new one\n4\n" % (PYTHON, service[0]))
    if (out.decode(), err) != (want, b""):
        return "after the kill: %r %r, expected %r" % (out.decode(), err, want)
    if state(service[0]) is not None:
        return "the killed co-process was left a zombie (state %r)" % state(service[0])
    return None


@case
def service_ends_with_pvm(work):
    """However pvm ends -- by Ctrl-C, killed outright, terminated -- its
    co-process ends too and nothing is left behind."""
    source = "print(eval('1'), flush=True)\nwhile True:\n    pass\n"
    for how in (signal.SIGINT, signal.SIGKILL, signal.SIGTERM):
        p = start_program(work, source)
        service = children(p.pid)
        try:
            p.send_signal(how)
            p.communicate(timeout=TIMEOUT)
        finally:
            p.kill()
        if len(service) != 1 or not reap_orphan(service[0]):
            return "after %s the co-process %r lives on" % (signal.Signals(how).name, service)
    return None


@case
def ctrl_c_is_pvms(work):
    """Ctrl-C goes to the terminal's process group: the co-process is in a
    group of its own (and ignores SIGINT), so pvm alone decides."""
    p = start_program(work, "print(eval('1'), flush=True)\ninput()\nprint(eval('2'))\n")
    try:
        service = children(p.pid)
        if len(service) != 1:
            return "co-processes: %r" % service
        if os.getpgid(service[0]) == os.getpgid(p.pid):
            return "the co-process is in pvm's process group"
        os.killpg(os.getpgid(service[0]), signal.SIGINT)
        time.sleep(0.1)
        if state(service[0]) in (None, "Z"):
            return "SIGINT ended the co-process"
        out, err = p.communicate(b"\n", timeout=TIMEOUT)
    finally:
        p.kill()
    return expect((out, err), (b"2\n", b""), "after a SIGINT to the co-process's group")


# ---- flags ---------------------------------------------------------------

@case
def only_ast(work):
    # PyCF_ONLY_AST without importing ast (Lib/ast.py): the tree comes back
    # from the service as _ast objects.
    program = ("t = compile('x + 1', 'f', 'eval', 0x400)\n"
               "print(type(t).__name__, type(t.body).__name__, t.body.left.id, t.body.end_col_offset)\n")
    return same(work, ["a.py"], {"a.py": program})


# ---- the on-disk cache of the service's answers ------------------------------------------------

@case
def compile_cache(work):
    """A second run finds exec's code and the script's in the cache (under
    $XDG_CACHE_HOME/pvm) and never starts the compiler (a wrapper that
    counts its starts); new source starts it again."""
    log = os.path.join(work, "starts")
    wrapper = os.path.join(work, "counting-python")
    write(work, {"prog.py": "exec('x = 6 * 7')\nprint(x)\n",
                 "counting-python": "#!/bin/sh\necho start >> %s\nexec %s \"$@\"\n" % (log, PYTHON)})
    os.chmod(wrapper, 0o755)
    env = {"PVM_COMPILE_CACHE": "", "XDG_CACHE_HOME": os.path.join(work, "xdg"),
           "PVM_COMPILER": wrapper}

    def starts():
        return len(open(log).readlines()) if os.path.exists(log) else 0

    first = run([PVM, "prog.py"], work, env=env)
    after_first = starts()
    entries = sorted(e[-5:] for e in os.listdir(os.path.join(work, "xdg", "pvm")))
    again = run([PVM, "prog.py"], work, env=env)
    after_again = starts()
    other = run([PVM, "-c", "exec('y = 1')"], work, env=env)
    problems = []
    if first != ("42\n", "", 0) or again != first or other != ("", "", 0):
        problems.append("runs: %r, %r, %r" % (first, again, other))
    if entries != [".pvmc", ".pvmc"]:
        problems.append("cache entries: %r" % entries)
    if (after_first, after_again, starts()) != (1, 1, 2):
        problems.append("compiler starts after each run: %r" % ((after_first, after_again, starts()),))
    return "\n".join(problems) or None


@case
def compile_cache_warnings(work):
    """An answer with a warning is not kept: the warning shows every run."""
    env = {"PVM_COMPILE_CACHE": os.path.join(work, "cache")}
    program = ["-c", "exec('assert (1, \"never empty\")')"]
    want = run([PYTHON] + program, work)
    for attempt in (1, 2):
        got = run([PVM] + program, work, env=env)
        if got != want:
            return "run %d: python3.11 %r, pvm %r" % (attempt, want, got)
    return None


@case
def large_source(work):
    body = "".join("v%d = %d\n" % (i, i) for i in range(100000))
    return same(work, ["big.py"], {"big.py": body + "print(v99999 + 1)\n"})


def main(argv):
    global PVM
    if len(argv) != 2:
        print("usage: check.py PVM", file=sys.stderr)
        return 2
    PVM = os.path.abspath(argv[1])
    # Orphaned co-processes become our children, so we can see them exit.
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)         # PR_SET_CHILD_SUBREAPER
    # A background job starts with SIGINT ignored, and an ignored signal
    # stays ignored across exec: pvm (as python3.11) would then never see
    # the Ctrl-C that service_ends_with_pvm sends.  Catching it here gives
    # the programs SIGINT at its default disposition.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    failed = 0
    for fn in CASES:
        work = tempfile.mkdtemp(prefix="pvm-compile-")
        try:
            problem = fn(work)
        except Exception as e:                        # a broken case fails, never crashes
            problem = "%s: %s" % (type(e).__name__, e)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if problem:
            failed += 1
            print("FAIL compile/%s: %s" % (fn.__name__, problem), flush=True)
    print("compile: %d passed, %d failed" % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
