# reusable and reentrant context managers, __enter__ returning other objects, timers without time
class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print("    " * self.level + text)
ind = Indenter()
with ind:
    ind.say("level 1")
    with ind:
        ind.say("level 2")
        with ind:
            ind.say("level 3")
    ind.say("back to 1")
ind.say("level 0")
class Opened:
    def __init__(self, lines):
        self.lines = lines
        self.closed = False
    def __enter__(self):
        return iter(self.lines)
    def __exit__(self, *a):
        self.closed = True
f = Opened(["first", "second", "third"])
with f as lines:
    for ln in lines:
        print("read", ln)
print("closed:", f.closed)
class Counter:
    def __init__(self):
        self.entered = 0
    def __enter__(self):
        self.entered += 1
        return self.entered
    def __exit__(self, *a):
        return None
c = Counter()
for _ in range(3):
    with c as n:
        pass
print("entered", n, "times")
with c as first, c as second:
    print(first, second)
