# wordcount.py — count word frequencies in a generated text (a linear
# congruential generator picks words, so no file and no import): measures dict
# get/set with str keys (hashing, cached hashes, comparison), str.split and
# str.lower, then a sort of the items by (count, word) for the top ten.
N = 1500000  # small: 20000

WORDS = ("the quick brown fox jumps over lazy dog and cat runs to a house "
         "in which we all live happily ever after Python virtual machine "
         "bytecode frame stack value object Type Dict List set Tuple").split()

def make_text(n):
    seed = 42
    words = []
    nw = len(WORDS)
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        w = WORDS[(seed >> 16) % nw]
        if seed & 7 == 0:
            w = w + str(seed % 13)
        words.append(w)
    return " ".join(words)

def count(text):
    counts = {}
    for word in text.split():
        word = word.lower()
        counts[word] = counts.get(word, 0) + 1
    return counts

def count_setdefault(text):
    firsts = {}
    for word in text.split():
        firsts.setdefault(word[0], []).append(len(word))
    return {k: sum(v) for k, v in firsts.items()}

text = make_text(N)
counts = count(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
print(len(counts), top)
print(sorted(count_setdefault(text).items())[:8])
