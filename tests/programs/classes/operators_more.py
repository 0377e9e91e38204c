# operator overloading: binary, reflected, in-place forms, unary ops
class V:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return "V(%s)" % ", ".join(map(str, self.c))
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __truediv__(self, k):
        return V(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return V(*[a // k for a in self.c])
    def __mod__(self, k):
        return V(*[a % k for a in self.c])
    def __pow__(self, k):
        return V(*[a ** k for a in self.c])
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c) ** 0.5
    def __invert__(self):
        return V(*reversed(self.c))
    def __iadd__(self, o):
        print("iadd")
        self.c = (self + o).c
        return self
a = V(1, 2, 3)
b = V(4, 5, 6)
print(a + b, a - b, a * 2, 3 * a, a @ b)
print(a / 2, b // 4, b % 4, a ** 2)
print(-a, +a, abs(V(3, 4)), ~a)
print(10 + a)
c = a
c += b
print(c, a, c is a)
c += 1
print(c)
d = V(1, 1)
d -= V(1, 0)
print(d)
d *= 5
print(d)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - a
except TypeError as e:
    print("TypeError:", e)
