# Ctrl-C while getch() waits (cbreak mode: the terminal sends SIGINT):
# KeyboardInterrupt reaches the program, and wrapper() restores the terminal.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    scr.addstr(0, 0, 'waiting for Ctrl-C')
    checkpoint(scr)
    keys = []
    try:
        while True:
            keys.append(scr.getch())
    except KeyboardInterrupt:
        log('interrupted', [k for k in keys if k != -1])
    scr.addstr(1, 0, 'after interrupt')
    checkpoint(scr)
    attempt('getkey after', scr.getkey)          # ERR: "no input", in python3.11 too
    attempt('getch after', scr.getch)
    raise KeyboardInterrupt


try:
    curses.wrapper(main)
except KeyboardInterrupt:
    log('wrapper re-raised KeyboardInterrupt', curses.isendwin())
