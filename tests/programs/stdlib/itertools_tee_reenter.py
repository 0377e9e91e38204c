# itertools.tee: the shared iterator cannot be re-entered (from its own __next__ or another thread)
import itertools, threading
class Reenter:
    def __iter__(self): return self
    def __next__(self):
        return next(copies[1])
copies = itertools.tee(Reenter())
try:
    next(copies[0])
except RuntimeError as e:
    print("RuntimeError", e)
start, finish = threading.Event(), threading.Event()
class Slow:
    def __iter__(self): return self
    def __next__(self):
        start.set()
        finish.wait()
        return 1
a, b = itertools.tee(Slow())
t = threading.Thread(target=next, args=[a])
t.start()
start.wait()
try:
    next(b)
except RuntimeError as e:
    print("RuntimeError", e)
finally:
    finish.set()
    t.join()
print(next(b), list(itertools.islice(itertools.tee(range(5))[1], 3)))
