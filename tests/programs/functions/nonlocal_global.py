# nonlocal and global: rebinding outer names, counters, scope errors at call time
total = 0
def add_global(n):
    global total
    total += n
    return total
add_global(5)
add_global(7)
print(total)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x
print(outer())
def make_counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(); inc(10)
print(get())
inc2, get2 = make_counter()
print(inc2(), get())
def levels():
    a = 1
    def mid():
        a = 2
        def deep():
            nonlocal a
            a += 100
            return a
        return deep(), a
    return mid(), a
print(levels())
def make_global():
    global created_later
    created_later = "made inside function"
make_global()
print(created_later)
def reads_then_assigns():
    try:
        print(total)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    total = 1
    return total
print(reads_then_assigns())
def uses_del():
    global total
    del total
uses_del()
try:
    total
except NameError as e:
    print("NameError:", e)
