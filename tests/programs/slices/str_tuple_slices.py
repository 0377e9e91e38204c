# Slicing strings and tuples, and building with slices.
s = "Hello, World"
print(s[7:], s[:5], s[-5:], s[::-1], s[::2], s[1:-1], s[-5:-1][::-1])
def rotate(x, k):
    k %= len(x)
    return x[k:] + x[:k]
for k in [0, 1, 3, -1, 12, 25]:
    print(k, rotate(s, k), rotate((1, 2, 3, 4), k))
def is_pal(w):
    w = w.lower()
    return w == w[::-1]
for w in ["level", "Racecar", "python", "a", "", "noon"]:
    print(repr(w), is_pal(w))
t = tuple(range(12))
print(t[3:9:2], t[::-4], t[-3:], t[:0])
chunks = [s[i:i + 3] for i in range(0, len(s), 3)]
print(chunks)
print("".join(chunks) == s)
