# The encoder's buffer becomes the document's str when the text is ASCII
# and fills most of the buffer, and is copied otherwise (non-ASCII text, a
# document much smaller than the one before it, whose size the buffer
# starts at).  Either way the str is an ordinary one: it hashes, compares,
# slices, grows with += and parses back; a big str built by another buffer
# user (repr, format, %) is one too.
import json


def document(n, text="plain"):
    return {"rows": [{"i": i, "name": "%s-%d" % (text, i), "v": i / 8.0} for i in range(n)]}


def check(label, s, doc):
    back = json.loads(s)
    print(label, len(s), hash(s) == hash(s[:] + ""), s[:24], s[-12:], back == doc)
    return s


sizes = (2000, 3, 2000, 2100, 2400, 2600, 4000, 1500, 0, 5000)
texts = [check("ascii %d" % n, json.dumps(document(n)), document(n)) for n in sizes]
print(len(set(texts)), texts[0] == texts[2], texts[0] < texts[3], texts[4] > texts[5], {t: 1 for t in texts}[texts[5]])

# Non-ASCII text with ensure_ascii=False: copied into a str of its own.
wide = document(3000, "caf\u00e9 \u65e5\u672c")
u = check("unicode", json.dumps(wide, ensure_ascii=False), wide)
print(u[30:40], u.count("\u00e9"), u.index("\u65e5"), len(u.encode()))
e = check("escaped", json.dumps(wide), wide)
print(e.count("\\u00e9"), e.isascii(), u.isascii())

# A document, then appends to it: the str may sit in a bigger block.
s = json.dumps(document(2500))
t = s
for k in range(3):
    s += "%d," % k
print(len(s), len(t), s[-6:], t[-6:], s.startswith(t))

# Indented output goes through the Python encoder and str.join.
p = json.dumps(document(800), indent=2, sort_keys=True)
print(len(p), p.count("\n"), json.loads(p) == document(800))

# Other big strs built in a buffer.
r = repr(list(range(3000)))
print(len(r), r[:10], r[-10:], eval(r) == list(range(3000)))
f = "{:>9000}|{:<5000}|".format("right", "left")
print(len(f), f[8990:9010].strip(), f.rstrip("|").rstrip()[-4:])
g = "%s/%r" % ("x" * 7000, "y" * 6000)
print(len(g), g[6998:7004], g.count("y"))
