# Before initscr(): CPython's "must call initscr() first" from every function
# that needs the screen, "must call (at least) setupterm() first" from the
# terminfo ones; argument errors come before the check.
import _curses

def show(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(f.__name__, args, type(e).__name__, e)
    else:
        print(f.__name__, args, 'ok', r)

for f in (_curses.beep, _curses.flash, _curses.doupdate, _curses.endwin, _curses.isendwin,
          _curses.cbreak, _curses.nocbreak, _curses.echo, _curses.noecho, _curses.raw,
          _curses.noraw, _curses.nl, _curses.nonl, _curses.has_colors, _curses.can_change_color,
          _curses.start_color, _curses.baudrate, _curses.termname, _curses.longname,
          _curses.erasechar, _curses.killchar, _curses.flushinp, _curses.def_prog_mode,
          _curses.reset_prog_mode, _curses.def_shell_mode, _curses.reset_shell_mode,
          _curses.savetty, _curses.resetty, _curses.getsyx, _curses.getmouse, _curses.has_ic,
          _curses.has_il, _curses.termattrs, _curses.noqiflush, _curses.qiflush,
          _curses.use_default_colors):
    show(f)
show(_curses.newwin, 5, 5)
show(_curses.newwin, 5, 5, 1, 1)
show(_curses.newwin, 5)
show(_curses.newwin, 5, 5, 1)
show(_curses.newwin, 'a', 5)
show(_curses.newpad, 5, 5)
show(_curses.newpad, 5)
show(_curses.curs_set, 0)
show(_curses.halfdelay, 1)
show(_curses.halfdelay, 300)
show(_curses.keyname, 65)
show(_curses.keyname, -1)
show(_curses.unctrl, 'a')
show(_curses.unctrl, 'ab')
show(_curses.unctrl, 2.5)
show(_curses.has_key, 65)
show(_curses.ungetch, 'a')
show(_curses.unget_wch, 'a')
show(_curses.setsyx, 1, 1)
show(_curses.color_pair, 1)
show(_curses.pair_number, 256)
show(_curses.init_pair, 1, 2, 3)
show(_curses.pair_content, 1)
show(_curses.color_content, 1)
show(_curses.init_color, 1, 2, 3, 4)
show(_curses.mousemask, 0)
show(_curses.mouseinterval, 10)
show(_curses.resizeterm, 10, 10)
show(_curses.resize_term, 10, 10)
show(_curses.is_term_resized, 10, 10)
show(_curses.tigetstr, 'cup')
show(_curses.tigetnum, 'colors')
show(_curses.tigetflag, 'am')
show(_curses.tparm, b'x')
show(_curses.tparm, 'x')
show(_curses.intrflush, True)
show(_curses.meta, True)
show(_curses.typeahead, -1)
show(_curses.delay_output, 1)
show(_curses.set_escdelay, 0)
show(_curses.set_tabsize, -1)
show(_curses.get_escdelay)
show(_curses.get_tabsize)
show(_curses.set_escdelay, 50)
show(_curses.get_escdelay)
show(_curses.set_tabsize, 4)
show(_curses.get_tabsize)
show(_curses.has_extended_color_support)
show(_curses.beep, 1)
show(_curses.cbreak, 1, 2)
