# socket: a signal that cuts sendall short runs its handler between sends (pvm blocked for ever in the next send)
import signal
import socket

def raising_handler(*args):
    1 // 0

c, s = socket.socketpair()
old = signal.signal(signal.SIGALRM, raising_handler)
try:
    signal.alarm(1)
    c.sendall(b"x" * (16 * 1024 * 1024))
except ZeroDivisionError:
    print("ZeroDivisionError from the handler")
c.settimeout(1.5)
signal.signal(signal.SIGALRM, lambda *a: None)
signal.alarm(1)
try:
    c.sendall(b"x" * (16 * 1024 * 1024))
except TimeoutError as e:
    print("TimeoutError", e)
signal.alarm(0)
signal.signal(signal.SIGALRM, old)
c.close()
s.close()
