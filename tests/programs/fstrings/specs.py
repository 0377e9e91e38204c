# f-string format specs: width, fill, align, sign, precision, type, nested specs.
v = 1234.56789
i = 255
s = "text"
print(f"{v:.2f} {v:10.3f}| {v:<12.1f}| {v:^12.2f}| {v:+.0f} {v:e} {v:.3g} {v:,.2f}")
print(f"{i:d} {i:5d} {i:05d} {i:x} {i:X} {i:#x} {i:o} {i:#o} {i:b} {i:#b} {i:,}")
print(f"{-i:d} {-i:+d} {i:+d} {i: d} {-i: d} {i:=+8d} {-i:=8d}")
print(f"{s:10}| {s:>10}| {s:^10}| {s:*<10}| {s:.2}| {s:_^9}|")
for width in [4, 8, 12]:
    print(f"[{s:>{width}}] [{v:{width}.{width // 4}f}]")
print(f"{0.125:.1%} {1/3:.3%} {2/3:.0%}")
print(f"{True:d} {False:5} {True!s:>6}")
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, 100.0)]
print(f"{'name':<8}{'n':>5}{'val':>10}")
for name, n, val in rows:
    print(f"{name:<8}{n:>5}{val:>10.2f}")
print(f"{2 ** 70:,} {-(2 ** 70):_}")
print(f"{'x':>3}{'y':<3}{'z'}")
