"""check.py -- how pvm starts: where it finds the standard library, what
sys.path and the sys.prefix family hold, and what the command-line options
and PYTHON* environment variables set, against python3.11.

Usage (normally through tests/run_startup.sh):  python3.11 check.py PVM

Each case runs in a fresh scratch folder.  Most run the same command line
under python3.11 and pvm and compare stdout, exit status and the whole of
stderr.  sys.path is compared after leaving out the entries CPython adds
and pvm deliberately does not (python311.zip, lib-dynload, site-packages
and dist-packages: pvm has no zip imports, extension modules or site).
The rest check what only pvm does: a PYTHONHOME without a standard
library, where python3.11 refuses to start and pvm runs on and says where
it looked when an import fails.

Prints one FAIL line (and details) per failed case, then
"startup: N passed, M failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile

PYTHON = sys.executable
TIMEOUT = 20
DROP = ("python311.zip", "lib-dynload", "site-packages", "dist-packages")
BASE_ENV = {k: v for k, v in os.environ.items()
            if not k.startswith("PYTHON") and k != "PVM_COMPILER"}
BASE_ENV.update(PYTHONHASHSEED="0", PVM_COMPILER=PYTHON)
CASES = []

# Prints sys.path without the entries only CPython has.
SHOW_PATH = ("import sys; print([p for p in sys.path if not p.endswith(%r)])" % (DROP,))


def case(fn):
    CASES.append(fn)
    return fn


def run(cmd, cwd, env=None, stdin=None):
    p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT,
                       env=dict(BASE_ENV, **(env or {})))
    return p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), p.returncode


def same(work, args, env=None, stdin=None):
    """None when python3.11 and pvm agree on stdout, stderr and status."""
    want = run([PYTHON] + args, work, env, stdin)
    got = run([PVM] + args, work, env, stdin)
    problems = ["%s: python3.11 %r\n      pvm %r" % (what, w, g)
                for what, w, g in zip(("stdout", "stderr", "status"), want, got) if w != g]
    return "\n    ".join(problems) or None


def write(folder, name, text):
    path = os.path.join(folder, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


@case
def path_for_each_entry_point(work):
    write(work, "sub/show.py", SHOW_PATH + "\n")
    write(work, "pkg/__init__.py", "")
    write(work, "pkg/__main__.py", SHOW_PATH + "\n")
    return (same(work, ["-c", SHOW_PATH]) or
            same(work, ["sub/show.py"]) or
            same(work, ["-m", "pkg"]) or
            same(work, [], stdin=SHOW_PATH.encode() + b"\n"))


@case
def pythonpath_order(work):
    env = {"PYTHONPATH": "/first::/second:rel:./x/../y:/first"}
    return (same(work, ["-c", SHOW_PATH], env) or
            same(work, ["-E", "-c", SHOW_PATH], env) or
            same(work, ["-I", "-c", SHOW_PATH], env) or
            same(work, ["-P", "-c", SHOW_PATH], env) or
            same(work, ["-c", SHOW_PATH], dict(env, PYTHONSAFEPATH="1")))


@case
def prefixes(work):
    show = ("import sys; print(sys.prefix, sys.exec_prefix, sys.base_prefix, "
            "sys.base_exec_prefix, sys.platlibdir, sys._stdlib_dir)")
    return (same(work, ["-c", show]) or
            same(work, ["-c", show], {"PYTHONHOME": sys.base_prefix}) or
            same(work, ["-c", show + "; " + SHOW_PATH],
                 {"PYTHONHOME": sys.base_prefix + ":" + sys.base_exec_prefix}) or
            same(work, ["-E", "-c", show], {"PYTHONHOME": "/nonexistent"}))


@case
def flags_from_options(work):
    show = "import sys; print(sys.flags)"
    for args in (["-E"], ["-s"], ["-S"], ["-I"], ["-P"], ["-q"], ["-O"], ["-OO"], ["-B"],
                 ["-sSE"], ["-u"], ["-b"], ["-bb"], ["-d"], ["-R"], ["-OOO"], ["-bd"]):
        problem = same(work, args + ["-c", show])
        if problem:
            return " ".join(args) + ": " + problem
    for env in ({"PYTHONDONTWRITEBYTECODE": "1"}, {"PYTHONHASHSEED": "0"},
                {"PYTHONHASHSEED": "7"}, {"PYTHONUTF8": "1"}, {"LC_ALL": "C"},
                {"PYTHONSAFEPATH": "x"}, {"PYTHONDEBUG": "1"},
                {"PYTHONOPTIMIZE": "text"}, {"PYTHONOPTIMIZE": "5"}, {"PYTHONDEBUG": ""}):
        problem = same(work, ["-c", show], env) or same(work, ["-E", "-c", show], env)
        if problem:
            return "%s: %s" % (env, problem)
    return None


@case
def bytes_warning(work):
    """-b warns BytesWarning for str() of bytes and bytearray and their ==
    and != against str (bytes also against int), once per place; -bb makes
    it an error; the filter comes first, before -W's."""
    show = ("import sys, warnings\n"
            "print(sys.warnoptions, [(f[0], f[2].__name__) for f in warnings.filters][:3])\n"
            "class B(bytes):\n    __repr__ = lambda self: 'B!'\n"
            "for i in range(2):\n"
            "    print(str(b'a'), str(bytearray(b'x')), b'a' == 'a', 'a' != b'a', b'a' == 1,\n"
            "          bytearray(b'a') == 'a', bytearray(b'a') == 1, '%s' % b'c', f'{b\"d\"}', str(B(b'e')))\n"
            "print(b'a' == bytearray(b'a'), b'a' < b'b', {b'k': 1}.get('k'))\n")
    for args in (["-b"], ["-bb"], ["-W", "once::UserWarning", "-b"], ["-b", "-W", "ignore"], []):
        problem = same(work, args + ["-c", show])
        if problem:
            return " ".join(args) + ": " + problem
    return None


@case
def inspect_after_program(work):
    """-i: the prompt after a -c program or a script (its exception, SystemExit
    too, shown first), and over a pipe for stdin itself, prompts on stderr;
    PYTHONINSPECT set by the program asks for it only on a terminal."""
    write(work, "script.py", "y = 9\nraise KeyError('k')\n")
    cases = [
        (["-i", "-q"], "x = 5\nx\nif x:\n  print(x+1)\n\n1/0\nprint('foo')\n"),
        (["-i", "-q"], "import sys\nsys.exit(3)\n"),
        (["-i", "-c", "print('c'); 1/0"], "print(1)\n"),
        (["-i", "-c", "import sys; sys.exit(4)"], "print(2)\nexit(5)\n"),
        (["-i", "script.py"], "print(y)\n"),
        (["-c", "import os; os.environ['PYTHONINSPECT'] = '1'; y = 8"], "print(y)\n"),
    ]
    for args, stdin in cases:
        problem = same(work, args, stdin=stdin.encode())
        if problem:
            return " ".join(args) + ": " + problem
    return same(work, ["-c", "import sys; print(sys.flags.inspect, sys.flags.interactive)"],
                {"PYTHONINSPECT": "1"}, stdin=b"")


@case
def faulthandler_at_start(work):
    """-X faulthandler, PYTHONFAULTHANDLER (not under -E) and -X dev enable
    faulthandler before the program runs."""
    show = "import faulthandler; print(faulthandler.is_enabled())"
    for args, env in ((["-X", "faulthandler"], None), (["-X", "faulthandler=0"], None),
                      (["-X", "dev"], None), ([], {"PYTHONFAULTHANDLER": "1"}),
                      ([], {"PYTHONFAULTHANDLER": ""}), (["-E"], {"PYTHONFAULTHANDLER": "1"}),
                      ([], None)):
        problem = same(work, args + ["-c", show], env)
        if problem:
            return "%s %s: %s" % (" ".join(args), env, problem)
    return None


@case
def check_hash_based_pycs(work):
    """--check-hash-based-pycs: _imp.check_hash_based_pycs, and which
    hash-based pyc is checked against a source changed since: 'default' the
    checked one, 'always' both, 'never' neither; a bad value is a usage
    error."""
    import py_compile
    for name, mode in (("checked", py_compile.PycInvalidationMode.CHECKED_HASH),
                       ("unchecked", py_compile.PycInvalidationMode.UNCHECKED_HASH)):
        src = write(work, name + ".py", "X = 'compiled'\n")
        py_compile.compile(src, invalidation_mode=mode, doraise=True)
        write(work, name + ".py", "X = 'source'\n")
    show = "import _imp, checked, unchecked; print(_imp.check_hash_based_pycs, checked.X, unchecked.X)"
    for args in ([], ["--check-hash-based-pycs", "default"], ["--check-hash-based-pycs", "always"],
                 ["--check-hash-based-pycs", "never"]):
        problem = same(work, ["-B"] + args + ["-c", show])
        if problem:
            return " ".join(args) + ": " + problem
    # Usage errors: the same first line and status (the usage line names the program).
    for args in (["--check-hash-based-pycs", "bogus", "-c", "pass"], ["--check-hash-based-pycs"]):
        want, got = run([PYTHON] + args, work), run([PVM] + args, work)
        if (want[0], want[1].split("\n")[0], want[2]) != (got[0], got[1].split("\n")[0], got[2]):
            return "%s: python3.11 %r, pvm %r" % (" ".join(args), want, got)
    return None


@case
def xoptions_warnoptions_orig_argv(work):
    show = ("import sys; print(sys._xoptions, sys.warnoptions, sys.orig_argv[1:], "
            "type(sys.orig_argv[0]).__name__)")
    return same(work, ["-X", "pvmtest=1", "-Xother", "-W", "ignore", "-c", show, "arg"])


@case
def int_max_str_digits(work):
    """-X int_max_str_digits=N and PYTHONINTMAXSTRDIGITS (the option wins;
    N is 0 or >= 640, else a fatal error, status 1)."""
    show = "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits())"
    for args, env in (([], None), (["-X", "int_max_str_digits=0"], None),
                      (["-X", "int_max_str_digits=4000"], None), (["-X", "int_max_str_digits"], None),
                      (["-X", "int_max_str_digits=foo"], None), (["-X", "int_max_str_digits=100"], None),
                      ([], {"PYTHONINTMAXSTRDIGITS": "4000"}), ([], {"PYTHONINTMAXSTRDIGITS": "100"}),
                      (["-X", "int_max_str_digits=6000"], {"PYTHONINTMAXSTRDIGITS": "4000"}),
                      (["-E"], {"PYTHONINTMAXSTRDIGITS": "100"})):
        problem = same(work, args + ["-c", show], env)
        if problem:
            return "%s %s: %s" % (" ".join(args), env, problem)
    return None


@case
def undecodable_command(work):
    """-c with bytes that are not UTF-8: the command cannot be decoded (its
    lone surrogates), status 1; a script argument that is not UTF-8 is
    fine."""
    return (same(work, ["-c", b"print(ascii('\xff'))"]) or
            same(work, ["-c", b"print(ascii('\xff'))"], {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0"}) or
            same(work, ["-c", "import sys; print(ascii(sys.argv))", b"\xff"]))


@case
def interactive_hook(work):
    """sys.__interactivehook__ exists unless -I or -S (CPython's site adds
    it); the prompt of -i calls it before the first line, and reports a
    hook that raises, then prompts all the same."""
    show = "import sys; print(hasattr(sys, '__interactivehook__'))"
    for args in ([], ["-I"], ["-S"], ["-E"], ["-s"]):
        problem = same(work, args + ["-c", show])
        if problem:
            return " ".join(args) + ": " + problem
    for hook in ("lambda: print('hook ran')", "lambda: 1/0", "None"):
        code = "import sys; sys.__interactivehook__ = " + hook
        problem = same(work, ["-i", "-q", "-c", code], stdin=b"print(1)\n")
        if problem:
            return hook + ": " + problem
    return same(work, ["-i", "-q", "-c", "import sys; del sys.__interactivehook__"], stdin=b"print(2)\n")


@case
def pth_file_beside_executable(work):
    """A ._pth file beside the executable (a symlink to it, named as the
    command line names it): its lines are sys.path, relative to its folder,
    PYTHONPATH is ignored, and the flags are isolated, without site unless
    a line says `import site`."""
    show = ("import sys; print([p for p in sys.path if 'packages' not in p], sys.flags.no_site, "
            "sys.flags.isolated, sys.flags.ignore_environment, sys.flags.safe_path)")
    for lines in (["#.", "# ..", sys._stdlib_dir, ".", "..", "sub/../lib", "", "import other"],
                  ["fake-path-name", sys._stdlib_dir, "# comment", "import site"]):
        results = []
        for exe in (PYTHON, PVM):
            folder = os.path.join(work, os.path.basename(exe) + "-dir")
            os.makedirs(folder, exist_ok=True)
            link = os.path.join(folder, os.path.basename(exe))
            if not os.path.exists(link):
                os.symlink(exe, link)
            write(folder, os.path.basename(exe) + "._pth", "\n".join(lines) + "\n")
            out, err, status = run([link, "-c", show], work, {"PYTHONPATH": "from-env"})
            results.append((out.replace(folder, "<dir>"), err.splitlines()[-1:], status))
        if results[0] != results[1]:
            return "%s: python3.11 %r, pvm %r" % (lines, results[0], results[1])
    return None


@case
def no_site(work):
    return (same(work, ["-S", "-c", "print(exit)"]) or
            same(work, ["-c", "print(exit, quit, type(help).__name__)"]) or
            same(work, ["-c", "exit(5)"]) or
            same(work, ["-S", "-c", "import sys; print(sys.flags.no_site, 'exit' in dir(__builtins__))"]))


@case
def missing_stdlib(work):
    """A PYTHONHOME without a standard library: pvm still runs (built-in
    modules import), sys.path has no stdlib entry, and a failed import
    names the directory it expected and sys.path; with the library there,
    the message is CPython's own."""
    env = {"PYTHONHOME": os.path.join(work, "nowhere")}
    out, err, status = run([PVM, "-c", "import sys, math; print(sys.prefix, len(sys.path))"], work, env)
    want = os.path.join(work, "nowhere") + " 1\n"
    if (out, status) != (want, 0):
        return "builtins under a missing stdlib: %r %r %r" % (out, err, status)
    out, err, status = run([PVM, "-c", "import keyword"], work, env)
    last = err.strip().splitlines()[-1] if err.strip() else ""
    expected = ("ModuleNotFoundError: No module named 'keyword' (searched sys.path ['']; pvm's "
                "standard library %s/nowhere/lib/python3.11 is missing: set PYTHONHOME to the "
                "prefix of a Python 3.11 installation)" % work)
    if last != expected or status != 1:
        return "message: %r (status %r)" % (last, status)
    return same(work, ["-c", "import no_such_module_anywhere"])


@case
def stdlib_modules_load(work):
    return same(work, ["-c", "import keyword, stat, sys; print(keyword.__file__ == sys._stdlib_dir "
                             "+ '/keyword.py', stat.S_ISDIR(0o40755))"])


# What each locale makes of the encodings, and of text that is not ASCII.
SHOW_ENCODINGS = """import locale, os, sys
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.flags.utf8_mode)
for f in (sys.stdin, sys.stdout, sys.stderr):
    print(f.name, f.encoding, f.errors)
print(locale.getpreferredencoding(), locale.getpreferredencoding(False), locale.getencoding())
for s in ("ascii", "caf\\xe9", "x\\udce9y"):
    for how in (print, sys.stdout.write, os.fsencode):
        try:
            print(how.__name__, how(s))
        except UnicodeEncodeError as e:
            print(how.__name__, e)
print(repr(sys.stdin.read()), ascii(os.fsdecode(b"caf\\xc3\\xa9\\xff")))
raise ValueError("caf\\xe9")
"""


@case
def locale_encodings(work):
    """The file system's and the standard streams' encodings follow the
    locale as in python3.11: UTF-8 mode (the C locale's default), a
    coerced C locale, a UTF-8 locale, or an uncoerced C locale without
    UTF-8 mode (PYTHONCOERCECLOCALE=0 PYTHONUTF8=0), which is ASCII."""
    write(work, "show.py", SHOW_ENCODINGS)
    unset = {"LC_ALL": "", "LC_CTYPE": "", "LANG": ""}
    for env in ({"LANG": "xx", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"},
                {"LC_ALL": "C", "PYTHONUTF8": "0"}, {"LC_ALL": "POSIX", "PYTHONUTF8": "0"},
                {"LANG": "C", "PYTHONUTF8": "0"}, {"LANG": "C", "PYTHONCOERCECLOCALE": "0"},
                {"LANG": "C.UTF-8", "PYTHONUTF8": "0"}, {"LANG": "xx"}):
        problem = same(work, ["show.py"], dict(unset, **env), stdin=b"in\xc3\xa9\xff\n")
        if problem:
            return "%s: %s" % (" ".join("%s=%s" % kv for kv in env.items()), problem)
    return None


def main(argv):
    global PVM
    if len(argv) != 2:
        print("usage: check.py PVM", file=sys.stderr)
        return 2
    PVM = os.path.abspath(argv[1])
    failed = 0
    for fn in CASES:
        work = os.path.realpath(tempfile.mkdtemp(prefix="pvm-startup-"))
        try:
            problem = fn(work)
        except Exception as e:                        # a broken case fails, never crashes
            problem = "%s: %s" % (type(e).__name__, e)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if problem:
            failed += 1
            print("FAIL startup/%s: %s" % (fn.__name__, problem), flush=True)
    print("startup: %d passed, %d failed" % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
