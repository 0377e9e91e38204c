# PEP 442: __del__ is called once per object, even when it resurrects the object
import gc

saved = []

class Phoenix:
    calls = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Phoenix.calls += 1
        print("del", self.name, "call", Phoenix.calls)
        saved.append(self)

p = Phoenix("p")
del p
gc.collect()
print("saved:", [o.name for o in saved])
saved[0].name = "p again"
saved.clear()
gc.collect()
gc.collect()
print("calls:", Phoenix.calls)

class Counter:
    count = 0

    def __del__(self):
        Counter.count += 1

def make_many():
    for i in range(1000):
        Counter()

make_many()
gc.collect()
print("collected most:", Counter.count > 900)
