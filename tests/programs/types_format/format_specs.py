# format() and str.format specs: fill/align/sign/width/grouping/precision/type
print(format(42, "d"), format(42, "5d"), format(42, "<5d") + "|", format(42, "^7d"), format(42, "*>8"))
print(format(-42, "+d"), format(42, "+d"), format(42, " d"), format(-42, "=8d"), format(42, "08d"))
print(format(1234567, ","), format(1234567, "_"), format(1234567.891, ",.2f"), format(255, "_x"))
print(format(255, "b"), format(255, "#b"), format(255, "o"), format(255, "#o"), format(255, "X"), format(255, "#X"))
print(format(65, "c"), format(3.14159, ".3f"), format(3.14159, ".3"), format(0.5, "%"), format(0.125, ".1%"))
print(format(1e10, "e"), format(1e-5, ".2E"), format(123.456, "g"), format(1234567.0, "g"), format(0.0001, "g"))
print(format(2.5, ""), format(1e16, ""), format(3.0, "n"), format(1.0, ".0f"), format(-0.0, ".1f"))
print(format("text", "<10") + "|", format("text", ">10"), format("text", "^10") + "|", format("text", ".2"))
print(format(True, ""), format(True, "d"), format(None, ""), format([1], ""))
print("{:>{w}.{p}f}".format(3.14159, w=10, p=2), "{0}{1}{0}".format("a", "b"), "{}-{}".format(1, 2))
print("{name:*^11}".format(name="mid"), "{0[1]} {1[k]}".format([7, 8], {"k": "v"}), "{.real}".format(3 + 4j))
print("{!r:>8} {!s:<5}|{!a}".format("q", 1, "ü"), "{{literal}}".format())
w, p = 12, 3
print(f"{'nested':{'^'}{w}}", f"{2/3:{w}.{p}f}", f"{1_000_000:,}", f"{42:#010b}")
print(f"{3.5:=+10.2f}", f"{-3:^+6}", f"{12:x<4}", f"{'é':^5}|")
for bad in [(1.5, "d"), ("s", "d"), (1, "z"), (1, ".2d"), ("x", "=5")]:
    try:
        format(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
