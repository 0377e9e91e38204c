# Positional, keyword and default arguments.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(greeting="Yo", name="Di"))
print(greet("Ed", "Hey", "..."))

def power(base, exp=2):
    return base ** exp

print(power(3), power(3, 3), power(exp=0, base=9), power(2, exp=10))

def box(width, height=None, fill="#"):
    if height is None:
        height = width
    return [fill * width for _ in range(height)]

print(box(3), box(2, 1), box(1, fill="."))

def append_to(x, lst=[]):
    lst.append(x)
    return lst

print(append_to(1), append_to(2), append_to(3, []))

def kwonly(a, *, scale=1, offset=0):
    return a * scale + offset

print(kwonly(5), kwonly(5, scale=3), kwonly(5, offset=-1, scale=2))

def describe(a, b=2, c=3):
    return f"a={a} b={b} c={c}"

print(describe(1), describe(1, c=9), describe(c=0, a=0), describe(1, 2, 3))
def no_return():
    pass
print(no_return(), type(no_return()))
def early(n):
    if n < 0:
        return "neg"
    return
print(early(-1), early(1))
