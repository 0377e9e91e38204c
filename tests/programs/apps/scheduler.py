# a priority scheduler simulation: own binary heap, tasks as generators, time slices, sleeping, aging
class Heap:
    """A binary min-heap of (key, seq, item) entries; seq keeps equal keys in FIFO order."""
    def __init__(self):
        self.data = []
        self.seq = 0
    def push(self, key, item):
        self.seq += 1
        d = self.data
        d.append((key, self.seq, item))
        self._up(len(d) - 1)
    def pop(self):
        d = self.data
        if not d:
            raise IndexError("pop from empty heap")
        d[0], d[-1] = d[-1], d[0]
        key, _, item = d.pop()
        if d:
            self._down(0)
        return key, item
    def peek_key(self):
        return self.data[0][0]
    def _up(self, i):
        d = self.data
        while i > 0:
            p = (i - 1) // 2
            if d[p] <= d[i]:
                break
            d[p], d[i] = d[i], d[p]
            i = p
    def _down(self, i):
        d = self.data
        n = len(d)
        while True:
            small = i
            for c in (2 * i + 1, 2 * i + 2):
                if c < n and d[c] < d[small]:
                    small = c
            if small == i:
                return
            d[small], d[i] = d[i], d[small]
            i = small
    def __len__(self):
        return len(self.data)
    def __bool__(self):
        return bool(self.data)
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
class Task:
    def __init__(self, name, priority, gen):
        self.name, self.base, self.priority, self.gen = name, priority, priority, gen
        self.ran = 0
        self.result = None
    def __repr__(self):
        return "<%s p%d>" % (self.name, self.priority)
class Scheduler:
    SLICE = 2
    def __init__(self):
        self.ready = Heap()
        self.sleeping = Heap()
        self.clock = 0
        self.log = []
        self.done = []
    def spawn(self, task):
        self.ready.push(task.priority, task)
    def wake(self):
        while self.sleeping and self.sleeping.peek_key() <= self.clock:
            _, t = self.sleeping.pop()
            self.log.append("%3d wake %s" % (self.clock, t.name))
            self.ready.push(t.priority, t)
    def age(self):
        entries = []
        while self.ready:
            entries.append(self.ready.pop()[1])
        for t in entries:
            if t.priority > 0:
                t.priority -= 1
            self.ready.push(t.priority, t)
    def run(self):
        while self.ready or self.sleeping:
            self.wake()
            if not self.ready:
                self.clock = self.sleeping.peek_key()
                self.log.append("%3d idle until now" % self.clock)
                continue
            _, t = self.ready.pop()
            for _ in range(self.SLICE):
                self.clock += 1
                t.ran += 1
                try:
                    req = next(t.gen)
                except StopIteration as e:
                    t.result = e.value
                    self.done.append(t)
                    self.log.append("%3d done %s -> %r" % (self.clock, t.name, e.value))
                    break
                if isinstance(req, Sleep):
                    self.sleeping.push(self.clock + req.ticks, t)
                    self.log.append("%3d %s sleeps %d" % (self.clock, t.name, req.ticks))
                    break
            else:
                t.priority = t.base
                self.age()
                self.ready.push(t.priority, t)
                continue
def worker(n):
    total = 0
    for i in range(n):
        total += i
        yield
    return total
def sleeper(naps):
    for nap in naps:
        yield Sleep(nap)
    return "rested %d" % sum(naps)
def mixed():
    acc = []
    for i in range(3):
        acc.append(i)
        yield
        yield Sleep(3)
    return acc
s = Scheduler()
s.spawn(Task("cpu-hi", 1, worker(5)))
s.spawn(Task("cpu-lo", 5, worker(7)))
s.spawn(Task("nap", 2, sleeper([4, 1, 6])))
s.spawn(Task("mix", 3, mixed()))
s.spawn(Task("tiny", 0, worker(1)))
s.run()
print("\n".join(s.log))
print("finish order:", [t.name for t in s.done])
print("cpu ticks:", sorted((t.name, t.ran) for t in s.done))
print("results:", {t.name: t.result for t in s.done})
print("final clock:", s.clock)
h = Heap()
for k in [5, 3, 8, 1, 9, 2, 7, 3, 3]:
    h.push(k, "item%d" % k)
order = []
while h:
    order.append(h.pop())
print(order)
try:
    h.pop()
except IndexError as e:
    print("IndexError:", e)
