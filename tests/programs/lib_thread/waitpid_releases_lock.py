# os.waitpid, os.wait and os.system in one thread let the other threads run meanwhile (the interpreter lock is released)
import os, subprocess, threading

def wait_in_thread(how):
    result = {}
    child = subprocess.Popen(["/bin/sleep", "0.3"])
    started = threading.Event()
    def waiter():
        started.set()
        if how == "waitpid":
            pid, status = os.waitpid(child.pid, 0)
        elif how == "wait":
            pid, status = os.wait()
        else:
            pid, status = child.pid, os.system("/bin/sleep 0.3")
        result["pid ok"] = pid == child.pid
        result["status"] = os.waitstatus_to_exitcode(status)
    t = threading.Thread(target=waiter)
    t.start()
    started.wait()
    spins = 0
    while t.is_alive() and spins < 3:     # the main thread still runs
        spins += 1
    print(how, "main thread ran while waiting:", spins > 0, "thread still waiting:", t.is_alive())
    t.join()
    if how == "system":
        child.wait()
    print(how, sorted(result.items()))

for how in ("waitpid", "wait", "system"):
    wait_in_thread(how)
