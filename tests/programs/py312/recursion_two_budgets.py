# [3.12 only] 3.12's two recursion budgets: Python frames against sys.getrecursionlimit(), C recursion (entering the loop from C, repr, comparison, a builtin's generic call) against 1500 units of its own; the first to run out words the error
import sys

def deepest(f):
    """How deep f got, and what stopped it."""
    global depth
    depth = 0
    try:
        f(0)
    except RecursionError as e:
        return depth, str(e)

def viakey(n):
    global depth
    depth = n
    return sorted([1], key=lambda x: viakey(n + 1))
# Three C units a level (list.sort's call, the lambda's entry): both budgets run out
# at the same level.  The first run calls sorted() unspecialized at the first level,
# one unit more: the C budget runs out first, at list.sort's call.
try:
    viakey(0)
except RecursionError as e:
    print(depth, e)
try:
    viakey(0)
except RecursionError as e:
    print(depth, e)
print(deepest(viakey))

def viamap(n):
    global depth
    depth = n
    return list(map(viamap, [n + 1]))
print(deepest(viamap))          # two units a level: the C budget, not the limit

def star(n):
    global depth
    depth = n
    return star(*(n + 1,))
print(deepest(star))            # f(*args) runs inline: the recursion limit

class Eq:
    def __eq__(self, other):
        global depth
        depth += 1
        return self == other
print(deepest(lambda n: Eq() == Eq()))

# The recursion limit does not bound C recursion, nor the C budget Python frames.
sys.setrecursionlimit(100)
nested = []
for i in range(900):
    nested = [nested]
print(len(repr(nested)))
print(deepest(viamap))
sys.setrecursionlimit(3000)
print(deepest(viamap))
def down(n):
    global depth
    depth = n
    return down(n + 1)
print(deepest(down))
nested = []
for i in range(1600):
    nested = [nested]
try:
    repr(nested)
except RecursionError as e:
    print(e)
