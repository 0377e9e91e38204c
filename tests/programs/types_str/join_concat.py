# building strings: += in a loop, join (also of non-ASCII parts), repeated concatenation, repetition; join's TypeError
parts = [str(i) for i in range(20)]
s = ""
for p in parts:
    s += p
print(s, len(s), "".join(parts) == s, "-".join(parts[:5]), ",".join(("a", "é", "日")), " ".join([]))
acc = "x"
for i in range(10):
    acc = acc + acc[-1:] + str(i)
print(acc, len(acc))
print("é" * 3 + "a", ("ab" * 1000).count("ba"), "abc"[::-1] + "abc"[1:], "%s%s" % ("a", "b") + f"{'c'}")
try:
    "".join(["a", None])
except TypeError as e:
    print(e)
