# fcntl.flock and fcntl.lockf waiting for a lock in one thread let the other threads run (and take the lock in turn)
import fcntl, os, tempfile, threading

path = os.path.join(tempfile.mkdtemp(), "lockfile")
open(path, "w").close()
events = []

for name, lock, unlock in [("flock", lambda f: fcntl.flock(f, fcntl.LOCK_EX),
                            lambda f: fcntl.flock(f, fcntl.LOCK_UN)),
                           ("lockf", lambda f: fcntl.lockf(f, fcntl.LOCK_EX),
                            lambda f: fcntl.lockf(f, fcntl.LOCK_UN))]:
    holder = open(path, "r+")
    lock(holder)
    waiting = threading.Event()
    def contender():
        with open(path, "r+") as f:
            waiting.set()
            if name == "lockf":                 # record locks are per process: fork a child
                pid = os.fork()
                if pid == 0:
                    fcntl.lockf(f, fcntl.LOCK_EX)
                    os._exit(7)
                events.append((name, "child exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])))
            else:
                lock(f)
                events.append((name, "contender got the lock"))
                unlock(f)
    t = threading.Thread(target=contender)
    t.start()
    waiting.wait()
    events.append((name, "main thread runs while the contender waits"))
    unlock(holder)
    holder.close()
    t.join()
for e in events:
    print(*e)
os.remove(path)
