# positional-only (/) and keyword-only (*) parameters, and the errors for misuse
def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, d=40, e=5, f=60))
for call in [lambda: f(1, b=2, c=3, e=5), lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, 3),
             lambda: f(1, 2, 3, e=5, g=7), lambda: f(1, 2, 3, c=3, e=5)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def kwonly(*, name, greeting="hi"):
    return greeting + " " + name
print(kwonly(name="bo"), kwonly(greeting="yo", name="al"))
try:
    kwonly("bo")
except TypeError as e:
    print("TypeError:", e)
def varargs_then_kw(*args, sep="-"):
    return sep.join(map(str, args))
print(varargs_then_kw(1, 2, 3), varargs_then_kw(1, 2, sep="+"))
def posonly_default(a, b=2, /):
    return a + b
print(posonly_default(1), posonly_default(1, 10))
try:
    posonly_default()
except TypeError as e:
    print("TypeError:", e)
print(f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
print(f.__kwdefaults__, f.__defaults__)
def many(a, b, c):
    pass
try:
    many(1)
except TypeError as e:
    print("TypeError:", e)
try:
    many(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    many(1, 2, 3, a=1)
except TypeError as e:
    print("TypeError:", e)
