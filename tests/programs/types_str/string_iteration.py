# strings as immutable sequences: iteration, indexing, slicing, concatenation in loops, unicode
s = "Pythön ☃"
print(len(s), [c for c in s], s[4], s[-1], s[2:5])
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch))
try:
    s[0] = "p"
except TypeError as e:
    print("TypeError:", e)
acc = ""
for w in ["alpha", "beta", "gamma"]:
    acc += w[0].upper() + w[1:] + " "
print(repr(acc.rstrip()))
print(list(reversed("abc")), sorted("banana"), "".join(sorted(set("banana"))))
counts = {}
for ch in "hello world":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print("abc" * 2 + "d", "-".join("abc"), "a" "b" "c", "x" in "xyz")
print([s.upper() for s in "hi there".split()], "hello"[::-1], "hello"[1::2])
words = "one two three two one".split()
print(max(words, key=words.count), sorted(set(words), key=words.index))
print(str.join("", ["a", "b"]), "".join(chr(ord(c) + 1) for c in "HAL"))
print("ä" == "a\u0308", len("a\u0308"), "é".encode("utf-8"), "\u00e9" == "é")
print(ascii(s), repr(s), s.isprintable(), "\x00".isprintable())
