# Stand-in for Lib/_weakrefset.py (strong references), while pvm lacks
# _weakref and Lib/types.py cannot import; delete it when `import threading`
# works on pvm without it (then move main.py to a plain golden program).
class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        for item in data or ():
            self.add(item)

    def add(self, item):
        self.data.add(item)

    def discard(self, item):
        self.data.discard(item)

    def __iter__(self):
        return iter(list(self.data))

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        return item in self.data
