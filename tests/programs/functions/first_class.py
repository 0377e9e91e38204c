# Functions as values: passing, returning, storing in containers, lambdas.
def square(x):
    return x * x

def twice(f, x):
    return f(f(x))

def compose(f, g):
    return lambda x: f(g(x))

print(twice(square, 3), twice(lambda s: s + s, "ab"))
inc = lambda x: x + 1
print(compose(square, inc)(4), compose(inc, square)(4))
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in ["add", "sub", "mul"]:
    print(name, ops[name](7, 3))
pipeline = [inc, square, str, len]
v = 99
for f in pipeline:
    v = f(v)
print(v)
print(list(map(square, range(6))), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda n: n % 3 == 0, range(20))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(["bb", "a", "ccc"], key=len), max([3, -7, 5], key=abs))
def apply_n(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run
print(apply_n(inc, 10)(0), apply_n(lambda s: s + "!", 3)("hi"))
