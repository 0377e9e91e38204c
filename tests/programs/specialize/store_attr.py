# STORE_ATTR's cache: instances written, then the class grows a property,
# a __setattr__, or __slots__ instances share the call site.

class P:
    def __init__(self, v):
        self.v = v
        self.w = 0

def setv(p, v):
    p.v = v

p = P(1)
for i in range(100):
    setv(p, i)
print(p.v, vars(p))

log = []
P.v = property(lambda self: "prop", lambda self, v: log.append(v))
for i in range(100):
    setv(p, i)
print(p.v, vars(p)["v"], log[-1], len(log))
del P.v
for i in range(100):
    setv(p, -i)
print(p.v)

calls = []
def custom_setattr(self, name, value):
    calls.append(name)
    object.__setattr__(self, name, value * 10)
P.__setattr__ = custom_setattr
for i in range(100):
    setv(p, i)
print(p.v, len(calls))
del P.__setattr__
for i in range(100):
    setv(p, i)
print(p.v, len(calls))

class S:
    __slots__ = ("v",)
s = S()
mixed = [P(0), s, P(1)] * 30
for obj in mixed:
    setv(obj, 7)
print(s.v, mixed[0].v)
try:
    setv(object(), 1)
except AttributeError as e:
    print("AttributeError:", e)

# New instances: each __init__ adds attributes in the same order.
objs = [P(i) for i in range(200)]
print(sum(o.v for o in objs), objs[-1].__dict__)

# Iteration over an instance dict while an existing attribute is rewritten.
q = P(3)
for k in list(vars(q)):
    q.v = 99
print(vars(q))
for k in vars(q):
    q.w = 5
print(vars(q))
