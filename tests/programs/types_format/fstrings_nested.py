# f-strings: expressions, nested specs, conversions, debugging =, dict/attr access, multi-line
name, val, width = "pi", 3.14159265, 12
print(f"{name}={val:.3f}", f"{name!r:>6}", f"{val:{width}.{2}f}|", f"{val=}", f"{val = :.2f}")
items = {"a": [1, 2], "b": {"c": 3}}
print(f"{items['a'][1]} {items['b']['c']} {len(items)} {items!s}")
print(f"{'quoted'} {3 + 4} {[x * 2 for x in range(3)]} {(lambda: 'lam')()}")
class P:
    x = 5
    def __format__(self, spec):
        return "P<%s>" % spec
p = P()
print(f"{p.x} {p:abc} {p!r:.0}"[:8], f"{p:{name}}")
n = 255
print(f"{n:#x} {n:08b} {n:,} {n:^9} {-n:+} {n!s:>5} {n:e}")
print(f"{{literal braces}} {{{n}}}")
multi = (f"line one {n} "
         f"line two {name}")
print(multi)
print(f"""triple {
    n + 1
} quoted""")
print(f"{'nested ' + f'{n:x}'}", f"{3.0:g}", f"{1e-7:g}", f"{True!r}", f"{None}")
print(f"{'a' if n > 100 else 'b'}", f"{n > 100}", f"{(1, 2)}", f"{[]}")
fmt = ">10"
print(f"{'right':{fmt}}|", f"{12.5:{'<'}{8}}|", f"{'x':*^{width}}")
