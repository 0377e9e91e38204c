# LOAD_GLOBAL's caches: globals and builtins added, replaced and deleted
# while the same code keeps running.
import builtins

def use_len():
    return len("abc")

def loop(label):
    r = None
    for i in range(100):
        r = use_len()
    print(label, r)

loop("builtin")
len = lambda s: "global len"            # a global now shadows the builtin
loop("shadowed")
del len                                 # the builtin again
loop("unshadowed")
original = builtins.len
builtins.len = lambda s: "patched builtin"
loop("patched builtins")
builtins.len = original
loop("restored")

counter = 0
def bump():
    global counter
    counter = counter + 1
    return counter
for i in range(200):
    bump()
print("counter", counter)

def read_g():
    return g
g = 1
vals = []
for i in range(150):
    if i == 50:
        g = "two"
    if i == 100:
        del g
        try:
            read_g()
        except NameError as e:
            vals.append(str(e))
        g = 3
    vals.append(read_g())
print(vals[49], vals[50], vals[100], vals[101], vals[-1])

# The same code object run with two different globals dicts.
src_code = use_len.__code__
ns1 = {"len": lambda s: "ns1", "__builtins__": builtins}
ns2 = {"__builtins__": builtins}
for i in range(60):
    exec(src_code, ns1)
    exec(src_code, ns2)
f1 = type(use_len)(src_code, ns1)
f2 = type(use_len)(src_code, ns2)
print([f1() for i in range(60)][-1], [f2() for i in range(60)][-1])

# Many globals added after a builtin was cached.
def use_abs():
    return abs(-5)
for i in range(100):
    r = use_abs()
for k in range(40):
    globals()["name%d" % k] = k
print(use_abs(), name39)
globals()["abs"] = lambda x: "abs global"
print([use_abs() for i in range(3)])
