# PEP 479: StopIteration raised inside a generator becomes RuntimeError; return vs raise
def leaky():
    yield 1
    raise StopIteration("oops")
g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def next_in_gen(it):
    while True:
        yield next(it)
try:
    print(list(next_in_gen(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)
def safe(it):
    for x in it:
        yield x
print(list(safe(iter([1, 2]))))
def returns_value():
    yield "a"
    return "the value"
r = returns_value()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
print(list(It()), [x for x in It()])
def gen_stop_caught():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"
print(list(gen_stop_caught()))
