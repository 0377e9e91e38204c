# Scrolling windows: scrollok, a scrolling region, scroll(n), text that
# runs off the bottom, idlok, insdelln.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    win = curses.newwin(10, 40, 1, 1)
    attempt('scroll off', win.scroll)
    win.scrollok(True)
    win.idlok(True)
    for i in range(25):
        win.addstr('line %d\n' % i)
    log('after', win.getyx())
    win.refresh()
    checkpoint()
    scr.getch()
    win.scroll(3)
    win.scroll(-2)
    win.scroll()
    win.setscrreg(2, 6)
    win.move(6, 0)
    for i in range(4):
        win.addstr('\nregion %d' % i)
    win.insdelln(-1)
    log('region', [win.instr(y, 0, 12) for y in range(10)])
    win.refresh()
    checkpoint()
    scr.getch()
    attempt('scroll 2 args', win.scroll, 1, 2)


curses.wrapper(main)
log('done')
