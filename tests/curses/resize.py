# The terminal's size: resizeterm() and LINES/COLS, is_term_resized(), and
# KEY_RESIZE when tmux resizes the window.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    scr.keypad(True)
    log('start', curses.LINES, curses.COLS, scr.getmaxyx(), curses.is_term_resized(24, 80), curses.is_term_resized(20, 60))
    curses.resizeterm(20, 60)
    log('resizeterm', curses.LINES, curses.COLS, scr.getmaxyx())
    curses.resize_term(24, 80)
    log('resize_term', curses.LINES, curses.COLS, scr.getmaxyx())
    scr.nodelay(True)
    log('pending', [scr.getch() for _ in range(3)])       # the KEY_RESIZEs resizeterm queued
    scr.nodelay(False)
    scr.addstr(0, 0, 'resize test')
    checkpoint(scr)
    c = scr.getch()
    log('key', c == curses.KEY_RESIZE, curses.LINES, curses.COLS)
    curses.update_lines_cols()
    log('updated', curses.LINES, curses.COLS, scr.getmaxyx())
    scr.erase()
    scr.box()
    scr.addstr(1, 1, 'now %dx%d' % (curses.COLS, curses.LINES))
    checkpoint(scr)
    scr.getch()
    attempt('resizeterm 1', curses.resizeterm, 1)


curses.wrapper(main)
log('done')
