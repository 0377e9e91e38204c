# deeply nested but finite data: building and printing nested lists/dicts within the limit
nested = []
cur = nested
for i in range(50):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(str(nested)[:80])
print(str(nested).count("["), str(nested).count("]"))
def depth(x):
    return 1 + max((depth(i) for i in x if isinstance(i, list)), default=0)
print(depth(nested))
d = {}
cur = d
for i in range(30):
    cur["n%d" % i] = {}
    cur = cur["n%d" % i]
print(len(repr(d)), repr(d)[:60])
t = ()
for i in range(40):
    t = (i, t)
print(repr(t)[:50], len(repr(t)))
def flatten(x):
    out = []
    while isinstance(x, tuple) and x:
        out.append(x[0])
        x = x[1]
    return out
print(flatten(t)[:10], len(flatten(t)))
print(eval_like := sum(range(100)))
