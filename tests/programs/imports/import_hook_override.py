# The import statement calls builtins.__import__ when a program replaced it
# (CPython's import_name), with (name, globals, locals or None, fromlist,
# level), also at a site that ran before the replacement; put back, the
# statement imports as before.  A namespace without __import__ in its
# builtins gives ImportError.
import builtins
import types

seen = []


def f():
    import os
    from os import path as p
    import json.decoder
    return os.__name__, p.__name__, json.__name__


def g():
    from . import sibling
    return sibling


print(f())
original = builtins.__import__


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    keys = sorted(locals) if locals is not None else None
    seen.append((name, type(globals).__name__, keys, fromlist, level))
    if level:
        return types.SimpleNamespace(sibling="relative " + name)
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = hook
result = f()
rel = g()
exec("import abc", {"__name__": "m"}, {"local": 1})
builtins.__import__ = original
for entry in seen:
    if entry[0] in ("os", "json.decoder", "", "abc"):
        print(entry)
print(result, rel)
n = len(seen)
print(f(), len(seen) == n)


def five(*args):
    return 5


def h():
    import os
    return os


print(h().__name__)
builtins.__import__ = five
print(h())
builtins.__import__ = original
try:
    exec("import os", {"__builtins__": {}})
except ImportError as e:
    print("ImportError:", e)
