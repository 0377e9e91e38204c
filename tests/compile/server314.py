"""server314.py -- pvm's compile service for 3.14 bytecode: the compiler is
CPython 3.14 (pyodide), behind pvm-compile314 and its shared compile server
(tools/python314/compile_relay.c, compile_server.mjs).

Usage (tests/check.sh, where python3.14 is installed):
    python3.11 server314.py PVM PYTHON314

Every case runs with a runtime directory of its own (XDG_RUNTIME_DIR), so
the servers it starts are its own, and without the on-disk compile cache:
  - four pvm processes started at once compile source: their code is what
    python3.14 compiles (co_code compared with python3.14's own), and ONE
    server serves them all;
  - the server killed leaves a stale socket: the next pvm starts another;
  - an idle server ends and removes its socket (PVM_COMPILE_SERVER_IDLE);
  - no node: pvm says the compile server ended at start, at once;
  - a runtime directory others can read is refused.
Prints one FAIL line per failed case, then "compile314: N passed, M failed".
"""
import os
import signal
import subprocess
import sys
import tempfile
import time

from check import wait_for      # tests/compile/check.py

TIMEOUT = 240           # a server's start: pyodide loads in seconds, more under load
PROGRAM = "print(compile('x = [i * 2 for i in range(3)]', 's', 'exec').co_code.hex())"
BASE_ENV = dict(os.environ, PVM_COMPILE_CACHE="off")
BASE_ENV.pop("PVM_COMPILER314", None)


def pvm_run(pvm, runtime, env=None, timeout=TIMEOUT):
    return subprocess.Popen([pvm, "--python=3.14", "-c", PROGRAM],
                            env=dict(BASE_ENV, XDG_RUNTIME_DIR=runtime, **(env or {})),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def servers(runtime):
    """The pids of the compile servers listening in runtime."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if any(a.endswith(b"compile_server.mjs") for a in args) and \
                any(a.startswith(runtime.encode() + b"/") for a in args):
            found.append(int(pid))
    return found


def sockets(runtime):
    folder = os.path.join(runtime, "pvm")
    return [n for n in os.listdir(folder) if n.endswith(".sock")] if os.path.isdir(folder) else []


def main(argv):
    pvm, python314 = os.path.abspath(argv[1]), argv[2]
    want = subprocess.run([python314, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=TIMEOUT).stdout
    results = []

    def check(ok, what, detail=""):
        results.append(ok)
        if not ok:
            print("compile314: FAIL %s%s" % (what, ("\n    " + detail) if detail else ""))

    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        procs = [pvm_run(pvm, runtime, {"PVM_COMPILE_SERVER_IDLE": "3"}) for _ in range(4)]
        outs = [p.communicate(timeout=TIMEOUT) for p in procs]
        check(want != "" and all(out == (want, "") for out in outs),
              "four pvm processes at once compile as python3.14", "%r, python3.14: %r" % (outs, want))
        check(len(servers(runtime)) == 1 and len(sockets(runtime)) == 1,
              "one server for them all", "servers %s, sockets %s" % (servers(runtime), sockets(runtime)))

        for pid in servers(runtime):
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not servers(runtime), 10)
        p = pvm_run(pvm, runtime, {"PVM_COMPILE_SERVER_IDLE": "3"})
        out = p.communicate(timeout=TIMEOUT)
        check(out == (want, ""), "a stale socket: a new server", repr(out))

        check(wait_for(lambda: not servers(runtime) and not sockets(runtime), 30),
              "an idle server ends and removes its socket",
              "servers %s, sockets %s" % (servers(runtime), sockets(runtime)))

    with tempfile.TemporaryDirectory() as runtime:
        os.chmod(runtime, 0o700)
        start = time.monotonic()
        p = pvm_run(pvm, runtime, {"PATH": "/nonexistent"})
        out, err = p.communicate(timeout=TIMEOUT)
        check(p.returncode == 1 and "cannot run node" in err and
              "set PVM_COMPILER314 to the path of one" in err and time.monotonic() - start < 10,
              "no node: a clear error at once", repr(err))

    with tempfile.TemporaryDirectory() as runtime:
        os.makedirs(os.path.join(runtime, "pvm"))
        os.chmod(os.path.join(runtime, "pvm"), 0o755)
        p = pvm_run(pvm, runtime)
        out, err = p.communicate(timeout=TIMEOUT)
        check(p.returncode == 1 and "is not a private directory" in err,
              "a runtime directory others can read is refused", repr(err))

    passed = sum(results)
    print("compile314: %d passed, %d failed" % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
