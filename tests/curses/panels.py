# curses.panel: a stack of overlapping windows, raised, hidden, moved and
# replaced by keys; above/below/top/bottom, userptr, and the errors.
import curses
import curses.panel
from cursestest import attempt, checkpoint, log


def make(h, w, y, x, label):
    win = curses.newwin(h, w, y, x)
    win.erase()
    win.box()
    win.addstr(1, 2, label)
    panel = curses.panel.new_panel(win)
    panel.set_userptr(label)
    return panel


def stack():
    names, p = [], curses.panel.bottom_panel()
    while p is not None:
        names.append(p.userptr())
        p = p.above()
    return names


def main(scr):
    attempt('bottom empty', curses.panel.bottom_panel)
    panels = [make(8, 24, 2 + 3 * i, 4 + 8 * i, 'panel %d' % i) for i in range(4)]
    log('stack', stack(), curses.panel.top_panel().userptr())
    log('types', type(panels[0]).__name__, curses.panel.version, panels[0].window().getbegyx())
    while True:
        curses.panel.update_panels()
        curses.doupdate()
        checkpoint()
        k = scr.getkey()
        if k == 'q':
            break
        if k in '0123':
            panels[int(k)].top()
        elif k == 'b':
            panels[1].bottom()
        elif k == 'h':
            panels[2].hide()
        elif k == 's':
            panels[2].show()
        elif k == 'm':
            panels[3].move(1, 50)
        elif k == 'r':
            win = curses.newwin(5, 30, 15, 40)
            win.box()
            win.addstr(2, 2, 'replaced window')
            panels[0].replace(win)
        log(k, stack(), panels[2].hidden(), [p.above() and p.above().userptr() for p in panels],
            [p.below() and p.below().userptr() for p in panels])
    attempt('move outside', panels[3].move, 100, 100)
    attempt('replace int', panels[0].replace, 5)
    attempt('new_panel int', curses.panel.new_panel, 5)
    p = curses.panel.new_panel(curses.newwin(2, 2, 0, 0))
    attempt('userptr unset', p.userptr)
    attempt('top 1', p.top, 1)
    attempt('move 1', p.move, 1)


curses.wrapper(main)
log('done')
