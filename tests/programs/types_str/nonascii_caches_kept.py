# Non-ASCII strs of every length class and character width, each indexed
# (which caches its characters beside its text) and then kept only through
# a list while collections run: every cache must survive, every text too.
import gc

widths = ("\u00e9", "\u0101", "\u4e2d", "\U0001f600")
strs = []
for n in (1, 2, 5, 7, 13, 22, 40, 64, 100, 255, 256, 1000, 5000):
    for w in widths:
        s = "".join(w if (i * 7 + n) % 3 else chr(0x61 + i % 26) for i in range(n))
        s[n // 2]                       # cache the characters now
        strs.append(s)


def check(label):
    total = 0
    for s in strs:
        n = len(s)
        total += ord(s[0]) + ord(s[n // 2]) + ord(s[-1]) + ord(s[(n * 5) // 7])
    print(label, len(strs), total)


check("made")
junk = []
for round in range(6):
    junk = [("\u00e9" * (i % 50), [i] * 3) for i in range(20000)]   # garbage that collects
    gc.collect()
    check("round %d" % round)
del junk

# Dropped strs: their caches go with them, the kept ones stay right.
kept = strs[::3]
strs = kept
gc.collect()
check("kept")
print(sorted({s[len(s) // 2] for s in strs if len(s) > 200}))
print(strs[-1][2500:2510] == strs[-1][2500:2510][::-1][::-1], strs[-1].count("\U0001f600"))
