# with inside functions/loops: exit runs on return, break, continue, and exceptions
class Tracker:
    active = 0
    def __enter__(self):
        Tracker.active += 1
        return Tracker.active
    def __exit__(self, *a):
        Tracker.active -= 1
def search(items, target):
    for i, it in enumerate(items):
        with Tracker() as depth:
            if it == target:
                return i, depth
    return -1, 0
print(search("abcd", "c"), Tracker.active)
print(search("abcd", "z"), Tracker.active)
def gen():
    with Tracker():
        yield Tracker.active
        yield Tracker.active
g = gen()
print(next(g), Tracker.active)
print(next(g), Tracker.active)
print(next(g, "end"), Tracker.active)
results = []
for n in range(6):
    with Tracker():
        if n % 3 == 0:
            continue
        if n == 5:
            break
        results.append(n)
print(results, Tracker.active)
def nested_return():
    with Tracker():
        with Tracker():
            try:
                return Tracker.active
            finally:
                print("finally inside with, active =", Tracker.active)
print(nested_return(), Tracker.active)
