# globals(), locals(), vars() without arguments, and module-level names
gx = 10
gy = "text"
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
g = globals()
print(g["gx"], g["gy"], "f" in g, g["__name__"], type(g).__name__)
g["dynamic"] = "created via globals()"
print(dynamic)
print(sorted(k for k in globals() if not k.startswith("__")))
def closure():
    outer_v = 1
    def inner():
        return sorted(locals())
    def inner_uses():
        return outer_v, sorted(locals())
    return inner(), inner_uses()
print(closure())
class C:
    x = 1
    y = [1]
    names = sorted(k for k in locals() if not k.startswith("__"))
print(C.names)
print(vars() is globals(), locals() is globals())
def mutate_locals():
    v = 1
    locals()["v"] = 2
    return v
print(mutate_locals())
print(__name__, __doc__ if False else "doc skipped", type(__builtins__).__name__ in ("module", "dict"))
