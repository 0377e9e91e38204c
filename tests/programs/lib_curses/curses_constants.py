# The constants _curses has before initscr(): attributes, colours, mouse
# buttons, every KEY_* ncurses names, the version.
import _curses
import curses

names = sorted(n for n in dir(_curses) if n != '_C_API' and ( n.isupper() or n.startswith(('A_', 'KEY_', 'BUTTON', 'COLOR_'))))
for name in names:
    print(name, getattr(_curses, name))
print(_curses.version, _curses.__version__)
v = curses.ncurses_version
print(type(v).__name__, v.major, v.minor, v.patch, tuple(v) == (v.major, v.minor, v.patch))
print(curses.error, issubclass(curses.error, Exception), curses.error.__module__)
print(_curses.window, _curses.window.__name__)
print(sorted(n for n in dir(_curses.window) if not n.startswith('__')))
print([n for n in ('LINES', 'COLS', 'COLORS', 'COLOR_PAIRS', 'ACS_VLINE') if hasattr(_curses, n)])
print(curses.KEY_F1 == curses.KEY_F0 + 1, curses.KEY_F63, curses.KEY_RESIZE, curses.KEY_MOUSE)
print(curses.has_key.__module__ if hasattr(curses.has_key, '__module__') else None)
try:
    _curses.window()
except TypeError as e:
    print('TypeError', e)
