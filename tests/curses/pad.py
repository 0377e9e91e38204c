# A pad larger than the screen, shown through a viewport that keys move;
# subpad; the pad forms of refresh and their errors.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    curses.curs_set(0)
    pad = curses.newpad(100, 120)
    for y in range(100):
        pad.addstr(y, 0, ('row %03d ' % y) * 14)
    sub = pad.subpad(5, 20, 10, 10)
    sub.box()
    sub.addstr(2, 2, 'subpad')
    log('pad', pad.getmaxyx(), sub.getbegyx(), sub.getparyx())
    attempt('refresh no args', pad.refresh)
    attempt('noutrefresh no args', pad.noutrefresh)
    attempt('refresh 3', pad.refresh, 1, 2, 3)
    attempt('echochar', pad.echochar, 'P')
    scr.addstr(0, 0, 'pad viewer: j k h l, q quits')
    scr.refresh()
    top, left = 0, 0
    while True:
        pad.refresh(top, left, 2, 2, 20, 70)
        checkpoint()
        k = scr.getkey()
        log('key', repr(k), top, left)
        if k == 'q':
            break
        top += {'j': 5, 'k': -3}.get(k, 0)
        left += {'l': 4, 'h': -2}.get(k, 0)
    pad.noutrefresh(0, 0, 0, 0, 5, 5)
    curses.doupdate()
    attempt('refresh outside', pad.refresh, 0, 0, 30, 30, 40, 90)


curses.wrapper(main)
log('done')
