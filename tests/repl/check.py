"""check.py -- the interactive prompt, tested as a user would: keystrokes
typed into a terminal (tmux), the screen compared with python3.11's for the
same keystrokes.

Usage (normally through tests/run_repl.sh):  python3.11 check.py PVM

Each tests/repl/NAME.keys file is one session.  Every line is typed and
ends with Enter, except that {KEY} stands for a key (tmux's names: C-c,
C-d, Tab, Up, Left, BSpace, Enter...) and a line ending in {KEY} gets no
Enter; "## " starts a comment line.  Both interpreters run in a fresh
terminal (100x60, TERM=xterm, an empty HOME so that no history file is
shared), each group of keys is sent once the screen has been still for a
moment, and the whole screen -- plus the exit status, shown after the
session -- is compared.  The one difference allowed is the banner's two
lines: python3.11's, and pvm's documented form (README), checked here.

Prints one FAIL line (and a diff) per differing session, then
"repl: N passed, M failed".
"""
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

PYTHON = sys.executable
HERE = os.path.dirname(os.path.abspath(__file__))
PVM_BANNER = [re.compile(r"pvm \d+\.\d+\.\d+ \(CPython 3\.11 bytecode\) \[.+\] on linux$"),
              re.compile(r'Type "exit\(\)" or Ctrl-D \(i\.e\. EOF\) to exit\. '
                         r'Source is compiled by .+\.$')]
PYTHON_BANNER = [re.compile(r"Python 3\.11\.\d+ .* on linux$"),
                 re.compile(r'Type "help", "copyright", "credits" or "license" for more '
                            r'information\.$')]
PROMPT = re.compile(r"(>>>|\.\.\.|in>|more>|name\?)$")
QUIET = 0.05                # settled: a prompt waits and nothing moved for this long
STILL = 0.6                 # settled without a prompt (a program running)
PATIENCE = 15.0             # seconds at most for one group of keys


def key_groups(path):
    """The keys of a .keys file: a list of tmux send-keys argument lists."""
    groups = []
    with open(path) as f:
        for line in f.read().splitlines():
            if line.startswith("## "):
                continue
            parts = re.split(r"(\{[A-Za-z0-9-]+\})", line)
            keys = []
            for part in parts:
                if part.startswith("{") and part.endswith("}"):
                    keys.append(["send-keys", part[1:-1]])
                elif part:
                    keys.append(["send-keys", "-l", part])
            if not re.search(r"\{[A-Za-z0-9-]+\}$", line):
                keys.append(["send-keys", "Enter"])
            groups.append(keys)
    return groups


class Terminal:
    """A tmux server of our own with one 100x60 window running `command`."""

    def __init__(self, command, env):
        self.socket = "pvm-repl-%d-%d" % (os.getpid(), time.monotonic_ns())
        # The shell survives Ctrl-C (a trap, not an ignore: the interpreter
        # gets the default disposition) and shows the exit status.
        shell = "trap : INT; %s; echo \"[exit status $?]\"; exec sleep 600" % command
        self.tmux("new-session", "-d", "-x", "100", "-y", "60", "env", "-i",
                  *("%s=%s" % kv for kv in env.items()), "sh", "-c", shell)

    def tmux(self, *args):
        return subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null"] + list(args),
                              capture_output=True, text=True, timeout=30).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-J", "-S", "-")

    def settle(self, until=None, typed=None):
        """Wait until the screen is settled: a prompt (or `until`, or the
        last line ending with `typed`) is shown and nothing has moved for
        QUIET seconds, or, with no prompt (a program running), nothing has
        moved for STILL seconds."""
        end = time.time() + PATIENCE
        last, since = None, time.time()
        while time.time() < end:
            now = self.screen()
            if now != last:
                last, since = now, time.time()
            quiet = time.time() - since
            lines = last.rstrip("\n").split("\n")
            waiting = PROMPT.search(lines[-1].rstrip()) is not None
            if until is not None or typed is not None:
                shown = until in last if until is not None else \
                    lines[-1].rstrip().endswith(typed)
                if shown and quiet >= QUIET:
                    break
            elif quiet >= (QUIET if waiting else STILL):
                break
            time.sleep(0.02)
        return last

    def close(self):
        self.tmux("kill-server")


def transcript(command, groups, home):
    env = {"HOME": home, "TERM": "xterm", "LANG": "C.UTF-8", "INPUTRC": "/dev/null",
           "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PVM_COMPILER": PYTHON}
    term = Terminal(command, env)
    try:
        term.settle(until=">>>")
        for keys in groups + [[["send-keys", "C-d"]]]:     # Ctrl-D ends every session
            for i, args in enumerate(keys):
                term.tmux(*args)
                # Text followed by a key in the same line: let it be echoed
                # first, or a Ctrl-C may reach the terminal while the text
                # still waits unread, and the terminal discards it.
                if args[1] == "-l" and i + 1 < len(keys) and args[2].strip():
                    term.settle(typed=args[2].rstrip())
            term.settle()
        term.settle(until="[exit status")
        return term.screen().rstrip("\n").split("\n")
    finally:
        term.close()


def mask_banner(lines, patterns, who):
    """The transcript with its two banner lines replaced, or an error."""
    for i, pattern in enumerate(patterns):
        if len(lines) <= i or not pattern.match(lines[i]):
            return None, "%s's banner line %d is %r" % (who, i + 1, lines[i] if len(lines) > i else None)
    return ["<banner line 1>", "<banner line 2>"] + lines[2:], None


def check(name, pvm):
    groups = key_groups(os.path.join(HERE, name + ".keys"))
    homes = [tempfile.mkdtemp(prefix="pvm-repl-") for _ in range(2)]
    try:
        want = transcript(PYTHON, groups, homes[0])
        got = transcript(pvm, groups, homes[1])
    finally:
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)
    want, problem = mask_banner(want, PYTHON_BANNER, "python3.11")
    if problem is None:
        got, problem = mask_banner(got, PVM_BANNER, "pvm")
    if problem is None and got != want:
        diff = difflib.unified_diff(want, got, "python3.11", "pvm", lineterm="", n=2)
        problem = "the screens differ\n" + "\n".join("    " + line for line in diff)
    return problem


def main(argv):
    if len(argv) != 2:
        print("usage: check.py PVM", file=sys.stderr)
        return 2
    if shutil.which("tmux") is None:
        print("repl: tmux is needed to drive a terminal (apt-get install tmux)", file=sys.stderr)
        return 2
    pvm = os.path.abspath(argv[1])
    names = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(HERE, "*.keys")))
    failed = 0
    for name in names:
        try:
            problem = check(name, pvm)
        except Exception as e:
            problem = "%s: %s" % (type(e).__name__, e)
        if problem:
            failed += 1
            print("FAIL repl/%s: %s" % (name, problem), flush=True)
    print("repl: %d passed, %d failed" % (len(names) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
