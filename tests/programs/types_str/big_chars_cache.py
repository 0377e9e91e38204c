# Big non-ASCII strs whose cached character arrays are hundreds of KiB:
# indexed, matched by re at every width, re-cached while a finditer is
# part way through its subject, and many made and dropped in a loop.
import gc
import re

def show(label, s):
    print(label, len(s), s[0], s[len(s) // 2], s[-1], s[123456 % len(s)])

latin = "é" * 150000 + "x" + "ü" * 150000          # 1 byte a character
bmp = "ā" * 100000 + " word " + "ĉ" * 100000        # 2 bytes
astral = "\U0001F600" * 70000 + "end"              # 4 bytes
for label, s in (("latin", latin), ("bmp", bmp), ("astral", astral)):
    show(label, s)
    m = re.search(r"[a-z]+", s)
    print(label, "match", m.span(), m.group())
    print(label, "ws", re.compile(r"\s*").match(s, len(s) - 3).span())

# A finditer over a 2-byte subject; indexing the subject midway asks for
# 4-byte code points, which replaces the cached narrow array.
subject = "".join(("ā" * 70000 + "key%d " % i) for i in range(4))
it = re.finditer(r"key(\d)", subject)
first = next(it)
print("first", first.span(), first.group(1))
print("indexed", subject[70001], subject[-2], ord(subject[140005]))
gc.collect()
for m in it:
    print("next", m.span(), m.group(1), m.string[m.start() - 1])
print("first again", first.group(0), first.string[first.end()])

# Made and dropped: each has its own big array.
total = 0
for i in range(60):
    t = chr(0x100 + i) * 300000
    total += ord(t[i * 1000]) + len(re.findall("x", t))
    if i % 20 == 0:
        gc.collect()
print("total", total)

# A str subclass holding a big array.
class S(str):
    pass
u = S("ō" * 200000 + "!")
print("subclass", len(u), u[-1], u[100000], re.search("!", u).start())
del u
gc.collect()
print("done")
