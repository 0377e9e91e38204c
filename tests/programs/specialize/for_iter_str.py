# FOR_ITER_STR_ASCII: `for ch in s` over an ASCII str steps the iterator in
# the loop.  The same site meeting non-ASCII strs, str subclasses, other
# iterators; control characters (their shared strs made on first need);
# iterators shared with next(), pickled and resumed mid-way.
import pickle


def chars(iterable):
    out = []
    for ch in iterable:
        out.append(ch)
    return out


print(chars("abc"), chars("h\u00e9llo"), chars(""), chars("xyz"), chars(["p", "q"]), chars("\x00\x01\x7f~"))
print(chars("\u20ac\U0001F600a"), chars("b"), [c + c for c in "ab\x02"], "".join(c.upper() for c in "mixed Case"))


class S(str):
    pass


print(chars(S("sub")), chars(iter("direct")), chars(reversed("back")))
print(chars("aa" * 3) == list("a" * 6), [len(c) for c in "abc"], [ord(c) for c in "\t\n\x1b"])

it = iter("abcdefg")
pairs = []
for ch in it:
    pairs.append(ch + next(it, "-"))
print(pairs, list(it), list(it))

it = iter("pickle me")
for ch in it:
    if ch == "k":
        break
state = pickle.dumps(it)
print(ch, "".join(it), "".join(pickle.loads(state)), it.__reduce__())

count = 0
for ch in "x" * 1000:
    count += ch == "x"
print(count)


def upper_count(text):
    n = 0
    for ch in text:
        if "A" <= ch <= "Z":
            n += 1
    return n


print([upper_count(t) for t in ("Hello World", "\u00c9T\u00c9", "ABC", "", S("XyZ"))])
