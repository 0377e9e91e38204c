# subclassing list: extra methods, overridden append, slicing returns list, repr
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]
    def __repr__(self):
        return "Stack(" + list.__repr__(self) + ")"
s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.peek(), s.pop(), s)
print(type(s[:]).__name__, type(s + [9]).__name__, s + [9])
print(isinstance(s, list), s == [1, 2], [1, 2] == s)
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
l = Logged([5])
l.append(6)
l.extend([7])
l += [8]
print(l, type(l).__name__)
class Sorted(list):
    def __init__(self, items=()):
        super().__init__(sorted(items))
    def add(self, x):
        i = 0
        while i < len(self) and self[i] < x:
            i += 1
        self.insert(i, x)
st = Sorted([5, 2, 8])
st.add(4)
st.add(10)
st.add(0)
print(st, list(st), sum(st), st.index(8))
st.attr = "lists subclasses have a __dict__"
print(st.attr)
print(sorted(Stack([3, 1, 2])), list(reversed(Stack([1, 2]))))
