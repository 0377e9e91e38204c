# Ctrl-C stops a loop inside a generator, resumed through yield from by a for loop.
def numbers(n):
    yield 0
    i = 0
    print("ready", flush=True)
    while i < n:
        i += 1
    yield i

def delegate():
    yield from numbers(10 ** 15)

for n in delegate():
    print("got", n)
print("not reached")
