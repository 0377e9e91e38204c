# Operator overloading: a Vector class with arithmetic, reflected and in-place ops
class Vector:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vector(" + ", ".join([repr(x) for x in self.xs]) + ")"
    def __add__(self, other):
        if isinstance(other, Vector):
            return Vector(*[a + b for a, b in zip(self.xs, other.xs)])
        return NotImplemented
    def __sub__(self, other):
        return Vector(*[a - b for a, b in zip(self.xs, other.xs)])
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(*[a * k for a in self.xs])
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vector(*[a / k for a in self.xs])
    def __floordiv__(self, k):
        return Vector(*[a // k for a in self.xs])
    def __mod__(self, k):
        return Vector(*[a % k for a in self.xs])
    def __pow__(self, k):
        return Vector(*[a ** k for a in self.xs])
    def __matmul__(self, other):
        return sum([a * b for a, b in zip(self.xs, other.xs)])
    def __neg__(self):
        return Vector(*[-a for a in self.xs])
    def __pos__(self):
        return self
    def __abs__(self):
        return sum([a * a for a in self.xs]) ** 0.5
    def __invert__(self):
        return Vector(*reversed(self.xs))
    def __iadd__(self, other):
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __eq__(self, other):
        return isinstance(other, Vector) and self.xs == other.xs
    def __bool__(self):
        return any(self.xs)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"

v = Vector(1, 2)
w = Vector(3, 4)
print(v + w, w - v, v * 3, 3 * v, w / 2, w // 3, w % 3, v ** 2, v @ w)
print(-v, +v, abs(w), ~v, len(v), v[0], v[-1])
print(v == Vector(1, 2), v != w, v == 5)
print(bool(Vector(0, 0)), bool(v), not v)
print(v & w, v | w, v ^ w, v << 1, v >> 1)
u = v
u += w
print(u, v, u is v)
try:
    v + 1
except TypeError as e:
    print(e)
try:
    v < w
except TypeError as e:
    print(e)
x, y = Vector(5, 6)
print(x, y, list(Vector(7, 8, 9)))
print(sum([Vector(1, 1), Vector(2, 2)], Vector(0, 0)))
