# setupterm() without a screen, then the terminfo queries: tigetstr (bytes
# or None), tigetnum, tigetflag, tparm with parameters, and their errors.
import _curses
import os

fd = os.open(os.devnull, os.O_WRONLY)
try:
    _curses.setupterm(term='nosuchterminal-xyz', fd=fd)
except _curses.error as e:
    print('error', e)
_curses.setupterm(term='xterm', fd=fd)
_curses.setupterm(term='xterm', fd=fd)          # a second call changes nothing
for cap in ('cup', 'clear', 'bold', 'setaf', 'kcuu1', 'kf1', 'el', 'smcup', 'nosuchcap'):
    print(cap, _curses.tigetstr(cap))
for cap in ('colors', 'cols', 'lines', 'it', 'nosuchcap', 'cup'):
    print(cap, _curses.tigetnum(cap))
for cap in ('am', 'km', 'bce', 'nosuchcap', 'cup'):
    print(cap, _curses.tigetflag(cap))
cup = _curses.tigetstr('cup')
print(_curses.tparm(cup, 5, 10), _curses.tparm(cup), _curses.tparm(cup, 0, 0, 0, 0, 0, 0, 0, 0, 0))
print(_curses.tparm(_curses.tigetstr('setaf'), 3), _curses.tparm(_curses.tigetstr('setab'), 200))
print(_curses.tparm(b'plain'))
for args in ((cup, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), (), ('str',), (cup, 'x'), (b'a\0b',),
             (cup, 2**40)):
    try:
        print(_curses.tparm(*args))
    except Exception as e:
        print(type(e).__name__, e)
for f, arg in ((_curses.tigetstr, 1), (_curses.tigetnum, None), (_curses.tigetflag, b'am'),
               (_curses.tigetstr, 'a\0b')):
    try:
        print(f(arg))
    except Exception as e:
        print(type(e).__name__, e)
try:
    _curses.setupterm(term=5)
except Exception as e:
    print(type(e).__name__, e)
try:
    _curses.setupterm(fd='x')
except Exception as e:
    print(type(e).__name__, e)
os.close(fd)
