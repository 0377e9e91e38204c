# Subclassing list, dict, int, str and Exception
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__)
print(s + [4], sum(s), sorted(Stack([3, 1, 2])))

class DefaultDict(dict):
    def __missing__(self, key):
        return key * 2
d = DefaultDict(a=1)
print(d["a"], d["bc"], "bc" in d, d)

class Counter(dict):
    def __init__(self, items):
        super().__init__()
        for x in items:
            self[x] = self.get(x, 0) + 1
print(Counter("abca"))

class Tagged(list):
    def __init__(self, tag, items):
        super().__init__(items)
        self.tag = tag
t = Tagged("x", [1, 2])
print(t, t.tag)
