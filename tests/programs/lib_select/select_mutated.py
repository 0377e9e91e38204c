# select: fileno() methods that shrink the list being read (pvm read freed slots and crashed, CPython issue 16230)
import select
import sys

a = []

class F:
    def fileno(self):
        del a[-1]
        return sys.__stdout__.fileno()

a[:] = [F()] * 10
r, w, x = select.select([], a, [])
print(len(r), len(w), len(x), w == a[:5], len(a))

b = []

class G:
    def fileno(self):
        if len(b) < 20:
            b.append(G())
        return sys.__stdout__.fileno()

b.append(G())
r, w, x = select.select([], b, [], 0)
print(len(w), len(b))
