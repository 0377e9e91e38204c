# specialization under the tracer: every step is shown as its base instruction; stopped halfway, the run goes on over specialized code
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = 1.5

    def get(self, k=2):
        return self.x * k


def f(n):
    t = 0
    items = []
    d = {"a": 1}
    for i in range(n):
        p = P(i)
        t += p.get() + p.x + int(p.y) + d["a"]
        if t > 100 and len(items) < 3:
            items.append(t)
        a, b = i, t
        if isinstance(a, int) and a != b:
            t -= 1
    return t, items


# Globals at dict entries 0..60: LOAD_GLOBAL_MODULE's entry number, in a
# cache unit, is then some unit whose low byte is no base opcode (4, 80...).
for i in range(50):
    globals()["g%d" % i] = i


def total(k):
    return sum((g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14,
                g15, g16, g17, g18, g19, g20, g21, g22, g23, g24, g25, g26, g27,
                g28, g29, g30, g31, g32, g33, g34, g35, g36, g37, g38, g39, g40,
                g41, g42, g43, g44, g45, g46, g47, g48, g49))


print(total(0))
print(f(12))
print(f(15))
print(sorted(range(3), key=total))
