# function attributes: __annotations__, __defaults__/__kwdefaults__ (set and reset), TypeErrors on bad values, __closure__ cells (read, write, empty, compare)
def annotated(x: int, y: "str" = "s", *a: float, k: bytes, **kw: None) -> bool:
    return True
print(annotated.__annotations__, annotated.__annotations__ is annotated.__annotations__)
def plain(a=1, *, b=2): pass
print(plain.__annotations__, plain.__defaults__, plain.__kwdefaults__)
for attr, val in [("__name__", 5), ("__qualname__", None), ("__defaults__", [1]), ("__kwdefaults__", 3), ("__annotations__", 1), ("__code__", 1)]:
    try:
        setattr(plain, attr, val)
    except TypeError as e:
        print("TypeError:", e)
for attr in ("__name__", "__qualname__"):
    try:
        delattr(plain, attr)
    except TypeError as e:
        print("TypeError:", e)
plain.__defaults__ = (5,); plain.__kwdefaults__ = {'b': 7}; print(plain.__defaults__, plain.__kwdefaults__)
plain.__defaults__ = None; print(plain.__defaults__)
plain.__name__ = "renamed"; print(plain.__name__, plain.__qualname__)
def maker():
    v = 1
    def c(): return v
    def d(): return w
    w = 2
    return c, d
c, d = maker()
cell = c.__closure__[0]
print(cell.cell_contents, d.__closure__[0].cell_contents)
cell.cell_contents = 10
print(c())
print(c.__closure__[0] == c.__closure__[0], c.__closure__[0] < d.__closure__[0])
def empty():
    if False:
        z = 1
    def inner(): return z
    return inner
e = empty().__closure__[0]
try: e.cell_contents
except ValueError as err: print("ValueError:", err)
print(e < cell, cell > e)
