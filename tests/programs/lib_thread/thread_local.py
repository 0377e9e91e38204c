# _thread._local: each thread sees its own attributes; a subclass's __init__
# runs again (with the creation arguments) in every thread that touches the
# object; __dict__ is per thread; arguments need an __init__.
import _thread

data = _thread._local()
data.x = "main"
box = []
done = _thread.allocate_lock()
done.acquire()


def peek():
    box.append(hasattr(data, "x"))
    data.x = "thread"
    data.y = 2
    box.append(sorted(data.__dict__.items()))
    done.release()


_thread.start_new_thread(peek, ())
done.acquire()
print(box, data.x, hasattr(data, "y"), data.__dict__)


class Counter(_thread._local):
    created = 0

    def __init__(self, start, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
print(c.bump(), c.bump(), Counter.created)
seen = []


def use():
    seen.append((c.value, c.bump(), Counter.created))
    done.release()


for _ in range(2):
    _thread.start_new_thread(use, ())
    done.acquire()
print(seen, c.value)

try:
    _thread._local(1)
except TypeError as e:
    print("TypeError", e)
try:
    data.missing
except AttributeError as e:
    print("AttributeError", e)
del data.x
print(hasattr(data, "x"), type(data).__name__)
