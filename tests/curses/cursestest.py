"""What the programs of tests/run_curses.sh share: sys.argv[1] is the log
the harness compares, sys.argv[2] the file checkpoint() writes its count to
once the screen is drawn, so that the harness captures the screen and sends
the next line of keys (NAME.keys) only then."""
import curses
import os
import sys

_log = open(sys.argv[1], 'w')
_sync = sys.argv[2]
_count = 0


def log(*args):
    print(*args, file=_log, flush=True)


def checkpoint(win=None):
    """Show the screen, then tell the harness it may capture and type."""
    global _count
    if win is not None:
        win.refresh()
    else:
        curses.doupdate()
    _count += 1
    with open(_sync + '.tmp', 'w') as f:
        f.write(str(_count))
    os.replace(_sync + '.tmp', _sync)


def attempt(what, f, *args):
    """Call f(*args) and log its result or its exception."""
    try:
        r = f(*args)
    except Exception as e:
        log(what, type(e).__name__, e)
    else:
        log(what, 'ok', type(r).__name__ if isinstance(r, curses.window) else r)
