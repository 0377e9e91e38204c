# Exceptions inside generators: context from the resumer, cleanup order, close on break.
def producer(log):
    try:
        for i in range(5):
            log.append(f"yield {i}")
            yield i
    except GeneratorExit:
        log.append("closing")
        raise
    finally:
        log.append("producer finally")
log = []
for v in producer(log):
    if v == 2:
        break
log.append("after loop")
print(log)
def checked():
    try:
        yield 1
    finally:
        print("checked finally")
def consumer():
    for v in checked():
        raise ValueError(f"bad {v}")
try:
    consumer()
except ValueError as e:
    print("caught", e)
def fail_in_finally():
    try:
        yield 1
    finally:
        raise KeyError("from finally")
g = fail_in_finally()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", repr(e))
def gen_raises():
    yield 1
    raise IndexError("in gen")
try:
    try:
        raise OSError("handling")
    except OSError:
        for x in gen_raises():
            pass
except IndexError as e:
    print(repr(e), repr(e.__context__))
