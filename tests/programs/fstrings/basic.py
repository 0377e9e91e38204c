# f-strings: expressions, nesting of quotes, conversions.
name = "world"
n = 42
pi = 3.14159
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{n} + 1 = {n + 1}, n*2={n * 2}, n squared is {n ** 2}")
print(f"{name.upper()} has {len(name)} letters, first {name[0]!r}")
print(f"{items} {items[1:]} {sum(items)} {len(items)}")
print(f"{'nested quotes'} {'x' if n > 50 else 'y'} {n if n else -1}")
print(f"{name!r} {name!s} {n!r} {pi!r} {items!r} {'a' + 'b'!r}")
d = {"k": "v", "n": 5}
print(f"{d['k']} {d['n'] * 2} {d}")
print(f"{{braces}} {{{n}}}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
x = None
print(f"{x} {True} {x is None}")
print(f"multi {n} " f"part {name}")
s = ""
for i in range(3):
    s += f"[{i}:{i * i}]"
print(s)
print(f"{n=}", f"{pi = :.2f}")
