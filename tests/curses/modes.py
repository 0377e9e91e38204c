# The terminal modes and the functions without a screen of their own: the
# input modes, saved modes, the mouse queue, getsyx/setsyx, delays.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    for name, args in (('cbreak', ()), ('cbreak', (False,)), ('nocbreak', ()), ('raw', ()),
                       ('noraw', ()), ('raw', (0,)), ('echo', ()), ('noecho', ()),
                       ('echo', (False,)), ('nl', ()), ('nonl', ()), ('nl', (True,)),
                       ('def_prog_mode', ()), ('reset_prog_mode', ()), ('def_shell_mode', ()),
                       ('savetty', ()), ('resetty', ()), ('intrflush', (False,)),
                       ('meta', (True,)), ('typeahead', (-1,)), ('qiflush', ()),
                       ('qiflush', (False,)), ('noqiflush', ()), ('flushinp', ()),
                       ('napms', (5,)), ('delay_output', (1,)), ('curs_set', (0,)),
                       ('curs_set', (1,)), ('termattrs', ()), ('baudrate', ()),
                       ('has_ic', ()), ('has_il', ()), ('isendwin', ()),
                       ('getsyx', ()), ('setsyx', (3, 4)), ('getsyx', ()), ('setsyx', (-1, -1)),
                       ('getsyx', ()), ('mouseinterval', (50,)), ('getmouse', ()),
                       ('ungetmouse', (1, 2, 3, 0, curses.BUTTON1_CLICKED)),
                       ('set_escdelay', (25,)), ('get_escdelay', ()), ('set_tabsize', (4,)),
                       ('get_tabsize', ()), ('cbreak', (1, 2)), ('echo', ('x',)),
                       ('intrflush', ()), ('napms', ('x',)), ('halfdelay', (0,)),
                       ('halfdelay', (256,)), ('mousemask', (-1,)), ('ungetmouse', (1, 2, 3)),
                       ('use_env', (True,)), ('unget_wch', (2**40,)), ('unget_wch', (1.5,)),
                       ('ungetch', (b'ab',))):
        attempt(name + repr(args), getattr(curses, name), *args)
    avail, old = curses.mousemask(curses.ALL_MOUSE_EVENTS | curses.REPORT_MOUSE_POSITION)
    log('mousemask', avail != 0, old)
    curses.ungetmouse(7, 10, 5, 0, curses.BUTTON1_PRESSED)
    scr.keypad(True)
    log('mouse key', scr.getch() == curses.KEY_MOUSE, curses.getmouse())
    curses.cbreak()
    curses.noecho()
    scr.addstr(0, 0, 'modes')
    scr.leaveok(False)
    checkpoint(scr)
    scr.getch()


curses.wrapper(main)
log('done')
