# global and nonlocal side by side, and closures over loop state.
level = "module"

def f():
    level = "f"
    def g():
        nonlocal level
        level = "g changed f"
        def h():
            global level
            level = "h changed module"
        h()
    g()
    return level

print(f(), level)

def make_multipliers(n):
    result = []
    for i in range(1, n + 1):
        def mul(x, i=i):
            return x * i
        result.append(mul)
    return result

print([m(5) for m in make_multipliers(5)])

def fibgen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        value = a
        a, b = b, a + b
        return value
    return step

nxt = fibgen()
print([nxt() for _ in range(15)])
