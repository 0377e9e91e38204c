# Ctrl-C reaches the main thread in time.sleep while another thread spins in
# Python code; the KeyboardInterrupt is not caught, and the program exits as
# killed by SIGINT although that thread is still running.
import _thread
import time

running = _thread.allocate_lock()
running.acquire()


def spin():
    running.release()
    n = 0
    while True:
        n += 1


_thread.start_new_thread(spin, ())
running.acquire()
print("ready", flush=True)
time.sleep(60)
print("not reached")
