# Generators and closures: yield, yield from, a generator expression, cells.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


def both(a, b):
    yield from countdown(a)
    yield from countdown(b)


def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count
    return bump


print(list(both(2, 1)))
print(sum(x * x for x in countdown(3)))
bump = counter()
bump()
print(bump())
