# select.poll: a second poll() of an object another thread is polling raises RuntimeError; the first returns when data comes
import os, select, threading, time

r, w = os.pipe()
pollster = select.poll()
pollster.register(r, select.POLLIN)
results = []
t = threading.Thread(target=lambda: results.append(pollster.poll()))
t.start()
time.sleep(0.3)
try:
    pollster.poll(0)
except RuntimeError as e:
    print("RuntimeError:", e)
os.write(w, b"x")
t.join()
print(results == [[(r, select.POLLIN)]])
print(pollster.poll(0) == [(r, select.POLLIN)])
