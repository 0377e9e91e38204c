// py314.mjs — CPython 3.14 for pvm's tests, from the npm package pyodide
// (CPython compiled to WebAssembly; Debian 12 has no python3.14 package and
// the machine image's pyenv stops at 3.13).  It is the oracle for 3.14
// .pyc files: it compiles programs with 3.14's compiler and runs them to
// produce the expected output.  Installed by `make deps` (npm ci here).
//
//   node py314.mjs FILE.py [ARG...]     run a program, as `python3.14 FILE.py`
//   node py314.mjs -m MODULE [ARG...]   run a module (py_compile, compileall, dis)
//   node py314.mjs -c CODE [ARG...]     run a string
//   (-I -S -E -s -u -B before these are accepted and ignored)
//   node py314.mjs --batch              one run per JSON line on stdin:
//       {"argv": ["FILE.py", ...], "cwd": DIR, "env": {...}, "stdin": S}
//           ->  {"status": N, "stdout": S, "stderr": S}
//       (cwd, env and stdin optional; without stdin a run reads end-of-file,
//       never the JSON lines that follow)
//
// Loading the interpreter takes seconds, so --batch serves many runs from
// one process: each run gets a fresh __main__, and the modules it imported,
// sys.path, sys.argv, the environment, the directory, the warnings filters
// and the standard streams (with any attribute a program set on them, such
// as a replaced flush) are put back after.
//
// The host's directories are mounted at their own paths (NODEFS), so file
// names, tracebacks and co_filename read as under a native python3.14.
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import readline from "node:readline";

const SKIP = new Set(["dev", "proc", "sys", "lib", "lib32", "lib64"]);

function mountHost(py) {
    py.FS.chdir("/");       /* pyodide starts in /home/pyodide, hidden by the host's /home */
    for (const name of fs.readdirSync("/")) {
        if (SKIP.has(name))
            continue;
        let st;
        try { st = fs.statSync("/" + name); } catch { continue; }
        if (!st.isDirectory())
            continue;
        py.FS.mkdirTree("/" + name);
        py.FS.mount(py.FS.filesystems.NODEFS, { root: "/" + name }, "/" + name);
    }
}

// The Python half: runs one argv as python3.14 would and returns its exit
// status.  Frames above the program's own (this runner, runpy) are left out
// of a traceback, as a native run has none.
const RUNNER = `
import atexit, gc, os, runpy, sys, traceback, warnings

def _pvm_report(exc):
    if isinstance(exc, SystemExit):
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xff
        print(code, file=sys.stderr)
        return 1
    tb = exc.__traceback__
    while tb is not None and (tb.tb_frame.f_code.co_filename == "<exec>"
                              or tb.tb_frame.f_code.co_filename.startswith("<frozen runpy")):
        tb = tb.tb_next
    # As a native interpreter reports an uncaught exception: sys.last_exc
    # and friends set, then the hook called (the built-in one reads the
    # traceback from the exception).
    exc.__traceback__ = tb
    sys.last_exc = sys.last_value = exc
    sys.last_type, sys.last_traceback = type(exc), tb
    try:
        sys.excepthook(type(exc), exc, tb)
    except BaseException as hook_exc:
        if isinstance(hook_exc, SystemExit):
            return _pvm_report(hook_exc)
        print("Error in sys.excepthook:", file=sys.stderr)
        traceback.print_exception(hook_exc)
        print("\\nOriginal exception was:", file=sys.stderr)
        traceback.print_exception(type(exc), exc, tb)
    return 1

def _pvm_forget_last_exc():
    """sys.last_exc and friends gone, as finalize_modules drops them."""
    for name in ("last_exc", "last_type", "last_value", "last_traceback"):
        if hasattr(sys, name):
            delattr(sys, name)

def _pvm_shutdown(globs):
    """What a native interpreter does after the program: the atexit
    callbacks, then the program's globals dropped (finalizers, open
    generators closed)."""
    atexit._run_exitfuncs()
    atexit._clear()
    _pvm_forget_last_exc()
    if globs is not None:
        globs.clear()
    gc.collect()

def _pvm_run(argv, cwd, env):
    saved = (set(sys.modules), list(sys.path), list(sys.argv), dict(os.environ), os.getcwd(),
             sys.excepthook, sys.unraisablehook, sys.modules["__main__"], list(warnings.filters))
    # The standard streams and what a program may set on them (sys.stdout.flush = f).
    streams = (sys.stdin, sys.stdout, sys.stderr)
    stream_attrs = [dict(getattr(s, "__dict__", {})) for s in streams]
    globs = None
    # A native run starts with the built-in sys.excepthook (pyodide installs
    # traceback.print_exception) and no sys.last_exc from an earlier run.
    sys.excepthook = sys.__excepthook__
    _pvm_forget_last_exc()
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    try:
        if argv[0] == "-c":
            sys.argv = ["-c"] + argv[2:]
            sys.path.insert(0, "")
            code = compile(argv[1], "<string>", "exec")
            main = type(sys)("__main__")
            sys.modules["__main__"] = main
            globs = main.__dict__
            exec(code, globs)
        elif argv[0] == "-m":
            sys.argv = [argv[1]] + argv[2:]
            sys.path.insert(0, cwd)
            globs = runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = list(argv)
            sys.path.insert(0, os.path.dirname(os.path.abspath(argv[0])))
            globs = runpy.run_path(argv[0], run_name="__main__")
        status = 0
    except BaseException as exc:
        status = _pvm_report(exc)
    try:
        _pvm_shutdown(globs)
    except SystemExit as exc:
        status = _pvm_report(exc)
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    modules, sys.path[:], sys.argv, environ, cwd, sys.excepthook, sys.unraisablehook, main, \
        filters = saved
    sys.stdin, sys.stdout, sys.stderr = streams
    for stream, attrs in zip(streams, stream_attrs):
        if hasattr(stream, "__dict__") and vars(stream) != attrs:
            vars(stream).clear()
            vars(stream).update(attrs)
    if warnings.filters != filters:     # (a bump of the filters' version shows in registries)
        warnings.filters[:] = filters
        warnings._filters_mutated()
    sys.modules["__main__"] = main
    for name in set(sys.modules) - modules:
        del sys.modules[name]
    os.environ.clear()
    os.environ.update(environ)
    os.chdir(cwd)
    return status
`;

const py = await loadPyodide();
mountHost(py);
py.FS.chdir(process.cwd());
py.runPython(RUNNER);
const run = py.globals.get("_pvm_run");

// Output goes where it is told, byte for byte (not pyodide's line batching).
let out = null, err = null;
function sink(fd, which) {
    return {
        write(buf) {
            const target = which();
            if (target === null)
                fs.writeSync(fd, buf);
            else
                target.push(Buffer.from(buf));
            return buf.length;
        },
    };
}
py.setStdout(sink(1, () => out));
py.setStderr(sink(2, () => err));

// A batch run's standard input: its job's "stdin", then end-of-file.
let input = null;
function feedStdin(text) {
    input = text === undefined || text === null ? null : Buffer.from(text, "utf8");
}

function runOnce(argv, cwd, env) {
    const pyArgv = py.toPy(argv), pyEnv = py.toPy({ ...env });
    try {
        return run(pyArgv, cwd, pyEnv);
    } finally {
        pyArgv.destroy();
        pyEnv.destroy();
    }
}

// Options a native python3.14 takes that change nothing here (pvm's
// compile service starts its compiler with -I -S) are dropped.
const args = process.argv.slice(2);
while (["-I", "-S", "-E", "-s", "-u", "-B"].includes(args[0]))
    args.shift();
if (args[0] === "--batch") {
    py.setStdin({ stdin: () => { const data = input; input = null; return data; } });
    const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
        if (line.trim() === "")
            continue;
        const job = JSON.parse(line);
        out = [];
        err = [];
        feedStdin(job.stdin);
        const status = runOnce(job.argv, job.cwd || process.cwd(), job.env || process.env);
        const result = { status, stdout: Buffer.concat(out).toString("utf8"),
                         stderr: Buffer.concat(err).toString("utf8") };
        out = err = null;
        process.stdout.write(JSON.stringify(result) + "\n");
    }
} else if (args.length === 0) {
    process.stderr.write("usage: py314.mjs FILE.py | -m MODULE | -c CODE [ARG...] | --batch\n");
    process.exitCode = 2;
} else {
    process.exitCode = runOnce(args, process.cwd(), process.env);
}
