# termios on a pseudo-terminal: tcgetattr/tcsetattr round trip, window size, tty.setraw/setcbreak, termios.error, argument errors, every constant
import os, termios, tty
names = sorted(n for n in dir(termios) if n.isupper())
print(len(names), sum(getattr(termios, n) for n in names))
print([n for n in dir(termios) if not n.isupper() and not n.startswith('__')])
master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs], len(attrs[6]), attrs[6][termios.VINTR])
new = termios.tcgetattr(slave)
new[3] &= ~(termios.ECHO | termios.ICANON)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSANOW, new)
got = termios.tcgetattr(slave)
print(got[3] & termios.ECHO, got[3] & termios.ICANON, got[6][termios.VMIN], got[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSADRAIN, attrs)
print(termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, [50, 132])
print(termios.tcgetwinsize(master))
tty.setraw(slave)
print(termios.tcgetattr(slave)[3] & termios.ICANON)
tty.setcbreak(slave)
termios.tcflush(slave, termios.TCIOFLUSH)
termios.tcdrain(slave)
termios.tcflow(slave, termios.TCOON)
r, w = os.pipe()
for call in [lambda: termios.tcgetattr(r), lambda: termios.tcdrain(w)]:
    try:
        call()
    except termios.error as e:
        print('termios.error', e.args, type(e).__module__, issubclass(termios.error, Exception))
for bad in [lambda: termios.tcsetattr(slave, 0, attrs[:6]), lambda: termios.tcsetattr(slave, 0, attrs[:6] + [[1] * 3]),
            lambda: termios.tcsetattr(slave, 0, attrs[:6] + [[1.5] * termios.NCCS]),
            lambda: termios.tcsetwinsize(slave, 5), lambda: termios.tcsetwinsize(slave, (1, 2, 3)),
            lambda: termios.tcsetwinsize(slave, (70000, 1)), lambda: termios.tcgetattr('x'),
            lambda: termios.tcgetattr(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def fileno(self):
        return slave
print(termios.tcgetwinsize(F()))
