# faulthandler: the tracebacks of every thread (dump_traceback), of the
# current one, after a timeout (a watchdog thread), on a registered signal,
# and on a fatal signal once enabled; thread ids are masked.
import faulthandler
import os
import re
import signal
import threading
import time


def read_all(fd):
    chunks = []
    while True:
        data = os.read(fd, 65536)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def show(title, text):
    print("--", title)
    text = re.sub(r"0x[0-9a-f]{16}", "0x...", text.decode())
    text = re.sub(r'File ".*/threading\.py", line \d+', 'File "threading.py"', text)
    print(text, end="")


def captured(action):
    r, w = os.pipe()
    action(w)
    os.close(w)
    out = read_all(r)
    os.close(r)
    return out


ready = threading.Event()
done = threading.Event()


def waiter():
    ready.set()
    done.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()


def inner(fd, **kw):
    faulthandler.dump_traceback(fd, **kw)


show("all threads", captured(lambda fd: inner(fd)))
show("current thread", captured(lambda fd: inner(fd, all_threads=False)))
done.set()
t.join()


def later(fd):
    faulthandler.dump_traceback_later(0.05, file=fd)
    time.sleep(0.5)
    faulthandler.cancel_dump_traceback_later()


show("later", captured(later))


def on_signal(fd):
    faulthandler.register(signal.SIGUSR1, file=fd, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print("unregister:", faulthandler.unregister(signal.SIGUSR1),
          faulthandler.unregister(signal.SIGUSR1))


show("signal", captured(on_signal))

print(faulthandler.is_enabled())
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    faulthandler.enable(file=w)
    os.kill(os.getpid(), signal.SIGSEGV)
    os._exit(0)
os.close(w)
out = read_all(r)
_, status = os.waitpid(pid, 0)
show("fatal", out)
print("status", os.waitstatus_to_exitcode(status))
try:
    faulthandler.dump_traceback_later(0)
except ValueError as e:
    print(e)
try:
    faulthandler.register(signal.SIGSEGV)
except RuntimeError as e:
    print(e)
