# f-strings mixing conversions, nested expressions and format specs; str.format with nested fields; format() of bool and None, and its TypeErrors
name, n, x = "pvm", 42, 3.14159
print(f"{name!r:>8} {n:#06x} {x:+.3e} {n:,d} {x:10.4f}| {n!s:^6}|")
print(f"{'nested ' + name.upper():_<20}", f"{[1, 2]!r}", f"{n / 7:.3%}", f"{2 ** 100:_}")
print("{:{}{}}".format("a", "^", 5), "{0:%Y}".format(5) if False else "", format(True, "d"), format(True, ""), format(None, ""))
try:
    format(None, "d")
except TypeError as e:
    print(e)
try:
    format([], "s")
except TypeError as e:
    print(e)
