# Ctrl-C while list.sort() compares objects with a Python __lt__.
class Item:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n % 7919 < other.n % 7919

items = [Item(i) for i in range(200000)]
try:
    print("ready", flush=True)
    while True:
        items.sort()
        items.reverse()
except KeyboardInterrupt:
    print("sort interrupted")
