# Word frequencies over an embedded text, with a formatted report.
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way - in short, the period was so far like the present period,
that some of its noisiest authorities insisted on its being received, for good
or for evil, in the superlative degree of comparison only.
"""

def normalize(text):
    out = []
    for ch in text.lower():
        if ch.isalpha() or ch == " " or ch == "\n":
            out.append(ch)
        else:
            out.append(" ")
    return "".join(out)

def count_words(text):
    counts = {}
    for word in normalize(text).split():
        counts[word] = counts.get(word, 0) + 1
    return counts

counts = count_words(TEXT)
total = sum(counts.values())
print(f"{total} words, {len(counts)} distinct")
ranking = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
width = max([len(w) for w, _ in ranking[:12]])
for rank, (word, n) in enumerate(ranking[:12], 1):
    pct = 100 * n / total
    print(f"{rank:>2}. {word:<{width}} {n:>3} {pct:5.1f}% {'*' * n}")
by_length = {}
for word in counts:
    by_length.setdefault(len(word), []).append(word)
for length in sorted(by_length):
    words = sorted(by_length[length])
    shown = ", ".join(words[:5]) + (" ..." if len(words) > 5 else "")
    print(f"len {length:>2}: {len(words):>2} words: {shown}")
lines = [line for line in TEXT.split("\n") if line.strip()]
print(len(lines), "lines; longest has", max([len(l) for l in lines]), "chars")
for i, line in enumerate(lines, 1):
    words = line.split()
    print(f"{i}: {len(words):>2} words, starts {words[0]!r}, ends {words[-1]!r}")
letters = {}
for ch in TEXT.lower():
    if "a" <= ch <= "z":
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda c: (-letters[c], c))
print("letters by frequency:", "".join(common))
print("never used:", "".join([c for c in "abcdefghijklmnopqrstuvwxyz" if c not in letters]))
