# default values are evaluated once at definition time; the mutable default pitfall
counter = 0
def next_id():
    global counter
    counter += 1
    print("next_id called ->", counter)
    return counter
def make(x, ident=next_id()):
    return x, ident
print("defined")
print(make("a"), make("b"), make("c", 99))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
value = 10
def show(v=value):
    return v
value = 20
print(show(), value)
funcs = []
for i in range(3):
    def f(i=i):
        return i * 100
    funcs.append(f)
print([fn() for fn in funcs])
late = [lambda: i for i in range(3)]
print([fn() for fn in late])
def kw_default(*, when=next_id()):
    return when
print(kw_default(), kw_default.__kwdefaults__)
append_to.__defaults__ = (["fresh"],)
print(append_to("x"))
def deflist(a, b=[1, 2], c={"k": 0}):
    c["k"] += 1
    return a, b, c
print(deflist(0), deflist(1))
