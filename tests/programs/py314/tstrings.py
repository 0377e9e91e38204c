# t-strings (PEP 750): Template and Interpolation built by BUILD_TEMPLATE and BUILD_INTERPOLATION
from string.templatelib import Template, Interpolation, convert

name = "world"
width = 8
t = t"Hello {name!r:>{width}} and {width + 1 = }!"
print(type(t).__name__, type(t).__module__, type(t).__qualname__)
print(t.strings)
print(t.interpolations)
print(t.values)
print(repr(t))
for part in t:
    print(type(part).__name__, repr(part))
i = t.interpolations[0]
print(i.value, i.expression, i.conversion, i.format_spec)
print(Interpolation.__match_args__)
match i:
    case Interpolation(value, expr, conv, spec):
        print("matched", value, expr, conv, spec)

empty = t""
print(repr(empty), list(empty), empty.strings)
only = t"{name}"
print(only.strings, list(only))
adj = t"{name}{width}"
print(adj.strings, [type(p).__name__ for p in adj])

# concatenation
both = t"a{name}" + t"b{width}c"
print(repr(both))
print(repr(t"x" t"y{name}"))
for bad in ("str", 1, None):
    try:
        t"a" + bad
    except TypeError as e:
        print("TypeError", e)
    try:
        bad + t"a"
    except TypeError as e:
        print("TypeError", e)

# constructors
print(repr(Template("a", "b", Interpolation(1, "x"), "c", Interpolation(2, "y"), Interpolation(3, "z"))))
print(repr(Template()))
print(repr(Interpolation(5)))
print(repr(Interpolation(5, "e", "s", ">3")))
print(repr(Interpolation(value=5, expression="e", conversion=None, format_spec="")))
for args, kw in [(("a",), {"x": 1})]:
    try:
        Template(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
for args in [(1,), ("a", b"b"), ("a", Interpolation(1), None)]:
    try:
        Template(*args)
    except TypeError as e:
        print("TypeError", e)
for args in [(1, "e", "x"), (1, 2), (1, "e", None, 3), (), (1, "e", "rr")]:
    try:
        Interpolation(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# read-only attributes
for obj, attr in [(t, "strings"), (i, "value"), (i, "expression")]:
    try:
        setattr(obj, attr, 1)
    except AttributeError as e:
        print("AttributeError", e)

# convert
print(convert(3.5, None), convert("x", "r"), convert("é", "a"), convert(4, "s"))
try:
    convert(1, "q")
except ValueError as e:
    print("ValueError", e)

# a format applied by hand
def render(tmpl):
    out = []
    for part in tmpl:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(format(convert(part.value, part.conversion), part.format_spec))
    return "".join(out)
print(render(t))
print(render(t"{3.14159:.2f}|{'x'!a}|{[1, 2]!s:<8}|"))

# nested and evaluation order
calls = []
def f(x):
    calls.append(x)
    return x
nested = t"{f(1)}{t'{f(2)}'}{f(3):{f(4)}}"
print(calls, repr(nested.values[1]))
print(Template.__class_getitem__(int), Interpolation[int])
print(t == t, t == t"Hello", i == i)
try:
    hash(t)
    print("hashable")
except TypeError as e:
    print("TypeError", e)
func, args = t.__reduce__()
back = func(*args)
print(repr(back))
print(t.__reduce__()[0].__name__, i.__reduce__())
try:
    str(t) == repr(t) or print("str differs")
    print(str(t) == repr(t))
except Exception as e:
    print(type(e).__name__, e)
