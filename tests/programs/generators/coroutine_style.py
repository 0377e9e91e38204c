# generator-based coroutines: a round-robin task scheduler driven by next()
def task(name, steps):
    for i in range(steps):
        print("%s step %d" % (name, i))
        yield
    print(name, "finished")
    return name
def scheduler(tasks):
    queue = list(tasks)
    finished = []
    while queue:
        t = queue.pop(0)
        try:
            next(t)
            queue.append(t)
        except StopIteration as e:
            finished.append(e.value)
    return finished
print(scheduler([task("A", 3), task("B", 1), task("C", 2)]))
def producer(consumer, items):
    next(consumer)
    for it in items:
        consumer.send(it)
    consumer.close()
def printer(prefix):
    try:
        while True:
            item = yield
            print(prefix, item)
    except GeneratorExit:
        print(prefix, "closing")
producer(printer(">>"), ["a", "b", "c"])
def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
p = printer("match:")
next(p)
g = grep("py", p)
next(g)
for line in ["python", "ruby", "pypy", "perl"]:
    g.send(line)
g.close()
p.close()
print("all closed")
