# The source of corpus/seed_finalizers_31x (compiled by python3.11 to 3.14): a seed
# that runs in the fuzzer, whose imports are built-in modules only (the golden
# finalizers/ programs import modules the target refuses): __del__ through
# __class__ changes, gc.collect, weak references, list(iterator), str appends
# inside try blocks.
import gc, _weakref

ran = []
class Plain:
    pass
class WithDel:
    def __del__(self):
        ran.append(type(self).__name__)
class Other(WithDel):
    pass
class Meta(type):
    def __del__(cls):
        ran.append("meta")

for i in range(30):
    p = Plain()
    p.__class__ = WithDel
    p.__class__ = Plain
    p.__class__ = Other
    q = Other()
    q.__class__ = Plain
    q.__class__ = WithDel
    r = _weakref.ref(q, lambda w: ran.append("cb"))
    del p, q
    if i % 10 == 0:
        gc.collect()
K = Meta("K", (), {})
del K
gc.collect()
gc.collect()
print(len(ran) > 0, sorted(set(ran)))

s = ""
t = ""
for i in range(200):
    try:
        s += str(i)
        if i % 7 == 0:
            raise ValueError(i)
        t = t + s[-1:]
    except ValueError as e:
        s += "!"
    finally:
        t += "."
print(len(s), len(t))

big = list(x * 2 for x in range(5000))
big2 = list(iter(big))
print(len(big2), big2[-1], sum(map(len, [str(b) for b in big2[:1000]])))
