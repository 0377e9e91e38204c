# BINARY_SUBSCR_STR_INT: ASCII strs indexed at a site that then sees non-ASCII strs, negative and out-of-range indexes, bools, big ints, str subclasses with __getitem__, bytes and other containers
class Shout(str):
    def __getitem__(self, i):
        return str.__getitem__(self, i).upper()


class Index:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i

    def __repr__(self):
        return "Index(%d)" % self.i


def get(s, i):
    return s[i]


def show(s, i):
    try:
        r = get(s, i)
        print(repr(s)[:20], repr(i), "->", repr(r), type(r).__name__)
    except Exception as e:
        print(repr(s)[:20], repr(i), "->", type(e).__name__, e)


# The site warms up on ASCII strs, then every kind of miss goes through it.
word = "specialize"
print("".join(get(word, i) for i in range(len(word))))
for _ in range(3):
    for i in range(len(word)):
        get(word, i)
for s in ("abc", "", "h\u00e9llo", "\u20ac uro", "\U0001f600!", "x" * 300,
          Shout("quiet"), b"bytes", bytearray(b"ba"), ["l", "i"], ("t",), range(5)):
    for i in (0, 1, 2, -1, -6, 5, 299, 300, True, False, 2**70, Index(1)):
        show(s, i)

# The same character object comes back: ASCII indexing shares one-character strs.
s = "mississippi"
m = "m"
print(s[1] is s[4], s[0] is m[0], get(s, 2) is get("ss", 0))

# Non-ASCII characters of the site's str after it was ASCII, and every Latin-1 character.
t = "".join(chr(c) for c in range(256))
print(sum(ord(get(t, i)) == i for i in range(256)), get(t, 255), get(t, 128), get(t, 127))

# A str changed under a loop: the variable rebound to a longer, then a shorter str.
v = "ab"
out = []
for i in range(6):
    try:
        out.append(get(v, i))
    except IndexError as e:
        out.append(str(e))
    v = v + chr(0x41 + i) if i % 2 == 0 else v[:2]
print(out)


def count_vowels(text):
    n = 0
    for i in range(len(text)):
        if text[i] in "aeiou":
            n += 1
    return n


print(count_vowels("the quick brown fox jumps over the lazy dog" * 20),
      count_vowels("caf\u00e9 au lait, na\u00efve" * 5))
