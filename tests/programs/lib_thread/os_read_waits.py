# os.read on a pipe lets the other threads run while it waits (the writer
# here can only write once the reader waits); a non-blocking descriptor
# still fails at once with BlockingIOError while other threads exist.
import _thread
import os
import threading
import time

r, w = os.pipe()
log = []


def writer():
    time.sleep(0.05)
    log.append("writing")
    os.write(w, b"OK")


writer_thread = threading.Thread(target=writer)
writer_thread.start()
data = os.read(r, 2)
print(data, log)
writer_thread.join()

# a thread that forks, as test_thread's TestForkInThread: the parent waits in
# os.read for the child's message.  From 3.12 fork() in a thread warns (the
# process is multi-threaded) after the child started: the main thread waits
# for fork_thread to end, so the warning is always printed before it exits.
fork_done = _thread.allocate_lock()
fork_done.acquire()


def fork_thread():
    pid = os.fork()
    if pid == 0:
        os.write(w, b"child")
        os._exit(0)
    os.waitpid(pid, 0)
    fork_done.release()


_thread.start_new_thread(fork_thread, ())
print(os.read(r, 5))
fork_done.acquire()

stop = threading.Event()
busy = threading.Thread(target=stop.wait)
busy.start()
os.set_blocking(r, False)
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
stop.set()
busy.join()
