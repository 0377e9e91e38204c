# _thread.interrupt_main() from another thread while the main thread waits
# in join(): as in CPython the wait is not cut short (no real signal
# arrived); the KeyboardInterrupt comes once the join is done, and the
# thread is stopped.  A handler installed with signal.signal runs right
# after interrupt_main returns, also at a call site run many times.
import _thread
import signal
import threading
import time


def call_interrupt():
    time.sleep(0.05)
    _thread.interrupt_main()


for i in range(3):
    t = threading.Thread(target=call_interrupt)
    try:
        t.start()
        t.join()
        print("joined, no interrupt")
    except KeyboardInterrupt:
        print("KeyboardInterrupt after the join; alive:", t.is_alive())
    t.join()


def handler(signum, frame):
    1 / 0


old = signal.signal(signal.SIGINT, handler)
for i in range(3):
    try:
        _thread.interrupt_main()
        print("not raised at once")
    except ZeroDivisionError:
        print("raised by the handler at once")
signal.signal(signal.SIGTERM, handler)
try:
    _thread.interrupt_main(signal.SIGTERM)
except ZeroDivisionError:
    print("SIGTERM's handler too")
signal.signal(signal.SIGINT, old)
