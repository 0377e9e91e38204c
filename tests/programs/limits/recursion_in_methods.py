# RecursionError from recursive __repr__ and __getattr__ loops, caught and reported
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RecursionError as e:
    print("getattr loop:", e)
class SelfRepr:
    def __repr__(self):
        return "SelfRepr(%r)" % self
try:
    repr(SelfRepr())
except RecursionError as e:
    print("repr loop:", type(e).__name__)
class Eq:
    def __eq__(self, other):
        return self == other
try:
    Eq() == Eq()
except RecursionError as e:
    print("eq loop:", e)
def gen_rec(n):
    yield from gen_rec(n + 1)
try:
    list(gen_rec(0))
except RecursionError as e:
    print("generator loop:", type(e).__name__)
print("program continues")
