# Positional-only parameters passed by keyword: the TypeError names every one
# of them among the call's keywords, in parameter order, even when the first
# keyword that has no parameter is another one.
def f(a, b, /):
    pass

def g(a, b, c, /, d):
    pass

def h(a, /, *, k):
    pass

def kw(a, b, /, **rest):
    return rest

calls = [
    lambda: f(a=1, b=2),
    lambda: f(b=2, a=1),
    lambda: f(1, b=2),
    lambda: f(a=1),
    lambda: g(c=3, a=1, d=4),
    lambda: g(1, 2, 3, d=4, e=5),
    lambda: h(zz=1, a=2, k=3),
    lambda: h(1, zz=2, k=3),
    lambda: f(**{"b": 1, "a": 2}),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
print(kw(1, 2, a=3, b=4))
