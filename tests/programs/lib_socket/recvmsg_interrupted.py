# A blocking recvmsg interrupted by a signal (PEP 475): the handler runs, the call goes on and returns what the handler sent; a handler that raises ends the call with its exception; the timeout still counts across interruptions.
import signal, socket

a, b = socket.socketpair()

def send_from_handler(signum, frame):
    print('handler', signum == signal.SIGALRM)
    a.sendmsg([b'sent by ', b'the handler'])

signal.signal(signal.SIGALRM, send_from_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(b.recvmsg(100))

def raise_from_handler(signum, frame):
    raise ZeroDivisionError('from the handler')

signal.signal(signal.SIGALRM, raise_from_handler)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    b.recvmsg_into([bytearray(10)])
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

ticks = []
signal.signal(signal.SIGALRM, lambda signum, frame: ticks.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.02, 0.02)
b.settimeout(0.2)
try:
    b.recvmsg(10)
except TimeoutError as e:
    print('TimeoutError', e, len(ticks) > 2)
signal.setitimer(signal.ITIMER_REAL, 0)
a.close()
b.close()
