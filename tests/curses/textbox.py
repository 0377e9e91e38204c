# curses.textpad: rectangle() and Textbox editing with Emacs-like keys.
import curses
import curses.textpad
from cursestest import checkpoint, log


def main(scr):
    scr.addstr(0, 0, 'Enter text, Ctrl-G ends')
    curses.textpad.rectangle(scr, 1, 0, 7, 42)
    win = curses.newwin(5, 40, 2, 1)
    box = curses.textpad.Textbox(win)
    scr.refresh()
    seen = []

    def validate(ch):
        seen.append(ch)
        return ch

    checkpoint(win)
    text = box.edit(validate)
    log('text', repr(text))
    log('keys', seen)
    box2 = curses.textpad.Textbox(curses.newwin(3, 30, 10, 1), insert_mode=True)
    box2.win.addstr(0, 0, 'abcdef')
    box2.win.move(0, 2)
    checkpoint(box2.win)
    log('insert', repr(box2.edit()))
    checkpoint(scr)


curses.wrapper(main)
log('done')
