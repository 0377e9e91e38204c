# Module attributes (LOAD_ATTR_MODULE, LOAD_METHOD_MODULE) replaced,
# deleted and added under cached code.
import math

saved = math.pi, math.sqrt      # put back at the end: the 3.14 oracle runs many programs in one process


def area(r):
    return math.pi * r * r

def root(x):
    return math.sqrt(x)

print([area(1) for i in range(100)][-1], [root(16) for i in range(100)][-1])
math.pi = 3
math.sqrt = lambda x: "fake sqrt"
print([area(1) for i in range(100)][-1], [root(16) for i in range(100)][-1])
del math.pi
try:
    area(1)
except AttributeError as e:
    print("AttributeError:", e)

m = type(math)("m")
m.value = 1
m.f = lambda: "f1"
def read(mod):
    return (mod.value, mod.f())
out = []
for i in range(150):
    if i == 50:
        m.value = 2
        m.f = lambda: "f2"
    if i == 100:
        del m.value
        m.__getattr__ = lambda name: "from __getattr__ " + name
    out.append(read(m))
print(out[49], out[50], out[100], out[149])

# Two modules through one call site.
m2 = type(math)("m2")
m2.value = "other"
m2.f = lambda: "m2.f"
m.value = "m"
print([read(x) for x in [m, m2] * 40][-2:])
math.pi, math.sqrt = saved
