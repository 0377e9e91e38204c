# Indexing and slicing strings, including negatives and steps.
s = "abcdefghij"
print(s[0], s[5], s[-1], s[-10], s[len(s) - 1])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:], s[5:2], s[100:], s[-100:3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-4:-1], s[2::-1])
for i in range(-3, 3):
    print(i, s[i], s[i:], s[:i])
u = "naïve café ünïcode ∑ 日本"
print(len(u), u[2], u[-1], u[6:10], u[::-1], u.upper())
print(ord("é"), chr(233), ord("日"), chr(26085), "日本" * 2)
print([c for c in "hi!"], list("abc"), tuple("xy"))
for ch in "a1 Z":
    print(repr(ch), ord(ch), ch.isalpha(), ch.isdigit())
