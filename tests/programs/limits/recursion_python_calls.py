# Unbounded recursion through Python calls, a method, a lambda, mutual
# recursion: RecursionError each time, and the program goes on.
import sys
def f(n):
    return f(n + 1)
class C:
    def m(self, n):
        return self.m(n + 1)
g = lambda n: g(n + 1)
def even(n):
    return odd(n + 1)
def odd(n):
    return even(n + 1)
for fn in (f, C().m, g, even):
    try:
        fn(0)
    except RecursionError as e:
        print(type(e).__name__, e)
print(sys.getrecursionlimit())
