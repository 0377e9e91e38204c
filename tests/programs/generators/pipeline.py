# Generator pipelines and generator-based coroutines (send).
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def evens(it):
    return (v for v in it if v % 2 == 0)
def squares(it):
    for v in it:
        yield v * v
print(list(take(5, squares(evens(numbers())))))

def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 30, 5]:
    print(a.send(v))

def grep(pattern, target):
    while True:
        line = yield
        if pattern in line:
            target.send(line)
def printer():
    while True:
        print("match:", (yield))
p = printer(); next(p)
gr = grep("py", p); next(gr)
for line in ["python", "ruby", "pypy", "c"]:
    gr.send(line)

def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def perms(s):
    if len(s) <= 1:
        yield s
        return
    for i, c in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            yield c + p
print(list(perms("abc")))
def walk(tree, depth=0):
    name, kids = tree
    yield "  " * depth + name
    for k in kids:
        yield from walk(k, depth + 1)
for line in walk(("root", [("a", [("a1", [])]), ("b", [])])):
    print(line)
