# scheduler.py — a cooperative task scheduler with coroutine-style generators, as
# in event loops before async/await: tasks are generators that yield system-call
# objects (Sleep, Send, Receive, Spawn, Join) to a kernel that keeps a ready
# queue (a deque), a timer heap (heapq) and message channels, and resumes each
# task with send(). A simulated network of producers, routers and consumers
# exchanges messages; workers spawn and join subtasks. Measures generator
# send/resume, isinstance-free dispatch on syscall classes (a method per
# syscall), small objects, deque and heap operations.
import heapq
from collections import deque

N = 360  # small: 4


class SysCall:
    def handle(self, kernel, task):
        raise NotImplementedError


class Sleep(SysCall):
    def __init__(self, ticks):
        self.ticks = ticks

    def handle(self, kernel, task):
        kernel.sleep(task, self.ticks)


class Send(SysCall):
    def __init__(self, channel, message):
        self.channel = channel
        self.message = message

    def handle(self, kernel, task):
        self.channel.put(kernel, self.message)
        kernel.ready(task, None)


class Receive(SysCall):
    def __init__(self, channel):
        self.channel = channel

    def handle(self, kernel, task):
        self.channel.get(kernel, task)


class Spawn(SysCall):
    def __init__(self, coroutine, name):
        self.coroutine = coroutine
        self.name = name

    def handle(self, kernel, task):
        child = kernel.spawn(self.coroutine, self.name)
        kernel.ready(task, child)


class Join(SysCall):
    def __init__(self, child):
        self.child = child

    def handle(self, kernel, task):
        if self.child.done:
            kernel.ready(task, self.child.result)
        else:
            self.child.joiners.append(task)


class Task:
    __slots__ = ("ident", "name", "coroutine", "done", "result", "joiners", "steps")

    def __init__(self, ident, name, coroutine):
        self.ident = ident
        self.name = name
        self.coroutine = coroutine
        self.done = False
        self.result = None
        self.joiners = []
        self.steps = 0


class Channel:
    def __init__(self, name):
        self.name = name
        self.messages = deque()
        self.waiting = deque()
        self.sent = 0

    def put(self, kernel, message):
        self.sent += 1
        if self.waiting:
            kernel.ready(self.waiting.popleft(), message)
        else:
            self.messages.append(message)

    def get(self, kernel, task):
        if self.messages:
            kernel.ready(task, self.messages.popleft())
        else:
            self.waiting.append(task)


class Kernel:
    def __init__(self):
        self.now = 0
        self.runnable = deque()
        self.timers = []
        self.next_ident = 0
        self.switches = 0
        self.finished = 0

    def spawn(self, coroutine, name):
        self.next_ident += 1
        task = Task(self.next_ident, name, coroutine)
        self.runnable.append((task, None))
        return task

    def ready(self, task, value):
        self.runnable.append((task, value))

    def sleep(self, task, ticks):
        heapq.heappush(self.timers, (self.now + ticks, task.ident, task))

    def run(self):
        runnable = self.runnable
        timers = self.timers
        while runnable or timers:
            if not runnable:
                when, _, task = heapq.heappop(timers)
                self.now = when
                runnable.append((task, None))
                while timers and timers[0][0] == when:
                    runnable.append((heapq.heappop(timers)[2], None))
            task, value = runnable.popleft()
            self.switches += 1
            task.steps += 1
            try:
                call = task.coroutine.send(value)
            except StopIteration as stop:
                task.done = True
                task.result = stop.value
                self.finished += 1
                for joiner in task.joiners:
                    self.ready(joiner, stop.value)
                continue
            call.handle(self, task)


def producer(ident, channel, count, seed):
    state = seed
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        yield Send(channel, (ident, i, state % 1000))
        if state % 3 == 0:
            yield Sleep(1 + state % 4)
    yield Send(channel, None)


def router(inbox, outboxes, producers):
    open_producers = producers
    routed = 0
    while open_producers:
        message = yield Receive(inbox)
        if message is None:
            open_producers -= 1
            continue
        ident, seq, value = message
        yield Send(outboxes[value % len(outboxes)], (ident, seq, value))
        routed += 1
    for box in outboxes:
        yield Send(box, None)
    return routed


def square_sum(values):
    total = 0
    for v in values:
        total += v * v
        if v % 5 == 0:
            yield Sleep(1)
    return total


def consumer(name, inbox):
    received = 0
    batch = []
    digests = []
    while True:
        message = yield Receive(inbox)
        if message is None:
            break
        received += 1
        batch.append(message[2])
        if len(batch) == 8:
            child = yield Spawn(square_sum(batch), name + "-sq")
            digests.append((yield Join(child)))
            batch = []
    return received, sum(digests) % 1000003


def ticker(period, rounds):
    beats = 0
    for _ in range(rounds):
        yield Sleep(period)
        beats += 1
    return beats


def simulate(producers, messages, consumers):
    kernel = Kernel()
    inbox = Channel("inbox")
    outboxes = [Channel("out%d" % i) for i in range(consumers)]
    for p in range(producers):
        kernel.spawn(producer(p, inbox, messages, p * 7919 + 1), "producer%d" % p)
    r = kernel.spawn(router(inbox, outboxes, producers), "router")
    cs = [kernel.spawn(consumer("c%d" % i, outboxes[i]), "c%d" % i) for i in range(consumers)]
    t = kernel.spawn(ticker(7, 50), "ticker")
    kernel.run()
    return kernel, r.result, [c.result for c in cs], t.result, sum(b.sent for b in outboxes)


for k in range(2):
    kernel, routed, results, beats, sent = simulate(12 + k * 4, N * 25, 5)
    print("run", k, "time", kernel.now, "switches", kernel.switches, "tasks", kernel.next_ident,
          "finished", kernel.finished)
    print("  routed", routed, "sent", sent, "beats", beats, "consumers", results)
