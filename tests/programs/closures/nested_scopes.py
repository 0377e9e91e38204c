# Three levels of nesting, cells shared between siblings, free variables read late.
def outer():
    x = 1
    def middle():
        y = 10
        def inner():
            nonlocal x, y
            x += 1
            y += 1
            return x + y
        r1 = inner()
        r2 = inner()
        return r1, r2, y
    res = middle()
    return res, x

print(outer())

def siblings():
    shared = []
    def put(v):
        shared.append(v)
    def get():
        return list(shared)
    return put, get

put, get = siblings()
put(1)
put("two")
print(get())

def late():
    fns = []
    for i in range(4):
        fns.append(lambda: i)
    return [f() for f in fns]

def early():
    fns = []
    for i in range(4):
        fns.append(lambda i=i: i)
    return [f() for f in fns]

print(late(), early())

def make_adders():
    return [(lambda n: (lambda x: x + n))(k) for k in range(3)]

print([add(10) for add in make_adders()])

def param_cell(a):
    def get():
        return a
    a = a * 2
    return get

print(param_cell(21)())

def rebinding():
    v = "first"
    def read():
        return v
    first = read()
    v = "second"
    return first, read()

print(rebinding())
