# keypad() and KEY_* codes: arrows, function keys, editing keys; getkey,
# get_wch with non-ASCII text, ungetch/unget_wch, nodelay and halfdelay.
import curses
from cursestest import attempt, checkpoint, log


def main(scr):
    scr.keypad(True)
    scr.addstr(0, 0, 'keys')
    checkpoint(scr)
    codes = []
    while True:
        c = scr.getch()
        codes.append((c, curses.keyname(c)))
        if c == ord('q'):
            break
    log('getch', codes)
    log('names', [n for n in dir(curses) if n.startswith('KEY_') and getattr(curses, n) in [c for c, _ in codes]][:40])
    checkpoint(scr)
    keys = [scr.getkey() for _ in range(5)]
    log('getkey', keys)
    checkpoint(scr)
    wch = [scr.get_wch() for _ in range(5)]
    log('get_wch', wch)
    curses.ungetch('z')
    curses.ungetch(ord('y'))
    log('ungetch', scr.getch(), scr.getch())
    curses.unget_wch('\u00e9')
    log('unget_wch', scr.get_wch())
    curses.unget_wch(0x263a)
    log('unget_wch', scr.get_wch())
    attempt('unget_wch 2', curses.unget_wch, 'ab')
    scr.nodelay(True)
    log('nodelay', scr.getch())
    attempt('getkey nodelay', scr.getkey)
    attempt('get_wch nodelay', scr.get_wch)
    scr.nodelay(False)
    scr.timeout(30)
    log('timeout', scr.getch())
    scr.timeout(-1)
    curses.halfdelay(1)
    log('halfdelay', scr.getch())
    curses.cbreak()
    scr.keypad(False)
    checkpoint(scr)
    log('no keypad', [scr.getch() for _ in range(3)])
    log('unctrl', [curses.unctrl(c) for c in (1, 10, 27, 65, 127, b'a', 'b')])
    log('has_key', curses.has_key(curses.KEY_UP), curses.has_key(curses.KEY_F1))
    log('keyname', curses.keyname(curses.KEY_F5), curses.keyname(0), curses.keyname(127), curses.keyname(300))
    attempt('getch 1', scr.getch, 1)
    attempt('getkey move', scr.getkey, 100, 100)


curses.wrapper(main)
log('done')
