# textproc.py — text processing without regular expressions: generate a document
# of sentences and paragraphs, tokenize it with a hand-written character scanner
# (words, numbers, punctuation, contractions), normalise and stem words with
# suffix rules, count words and bigrams, build an inverted index of lines,
# re-flow paragraphs with full justification, render a marked-up version with
# HTML escaping, and fill a small template language. Measures str indexing
# and slicing, str methods (isalpha, isdigit, lower, endswith, join, split,
# ljust, replace, translate), building strings from pieces, and dicts keyed by
# strings.
N = 3600  # small: 45

WORDS = ("the", "quick", "system", "reads", "every", "token", "and", "builds", "a",
         "table", "of", "counts", "while", "parsers", "walking", "through", "nested",
         "structures", "rarely", "stop", "to", "consider", "whether", "it's", "running",
         "faster", "than", "yesterday", "interpreters", "don't", "measure", "happily",
         "opened", "files", "quickly", "connections", "stopped", "reading", "tables")
PUNCT = (",", ",", ";", ":", " -")
ENDINGS = (".", ".", ".", "!", "?")


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1664525 + 1013904223) % 4294967296
        return (self.state >> 10) % n


def make_document(rng, paragraphs):
    paras = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(2 + rng.below(4)):
            words = []
            for i in range(4 + rng.below(12)):
                r = rng.below(20)
                if r == 0:
                    w = str(rng.below(10000))
                elif r == 1:
                    w = "%d.%02d" % (rng.below(100), rng.below(100))
                else:
                    w = WORDS[rng.below(len(WORDS))]
                if i == 0:
                    w = w.capitalize()
                if i > 2 and rng.below(7) == 0:
                    w += PUNCT[rng.below(len(PUNCT))]
                words.append(w)
            sentences.append(" ".join(words) + ENDINGS[rng.below(len(ENDINGS))])
        paras.append(" ".join(sentences))
    return "\n\n".join(paras)


def tokenize(text):
    """(kind, text) pairs: word, number, punct; whitespace is dropped."""
    tokens = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isalpha():
            j = i + 1
            while j < n and (text[j].isalpha() or (text[j] == "'" and j + 1 < n and text[j + 1].isalpha())):
                j += 1
            tokens.append(("word", text[i:j]))
            i = j
        elif ch.isdigit():
            j = i + 1
            while j < n and (text[j].isdigit() or (text[j] == "." and j + 1 < n and text[j + 1].isdigit())):
                j += 1
            tokens.append(("number", text[i:j]))
            i = j
        else:
            tokens.append(("punct", ch))
            i += 1
    return tokens


SUFFIXES = (("ations", "ate"), ("ing", ""), ("edly", ""), ("ed", ""), ("ers", "er"),
            ("ies", "y"), ("es", ""), ("ly", ""), ("s", ""))


def stem(word):
    word = word.lower()
    if "'" in word:
        word = word.split("'")[0]
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)] + replacement
            if len(word) > 4 and word[-1] == word[-2]:
                word = word[:-1]
            break
    return word


def count_words(tokens):
    counts = {}
    bigrams = {}
    prev = None
    for kind, text in tokens:
        if kind != "word":
            prev = None
            continue
        s = stem(text)
        counts[s] = counts.get(s, 0) + 1
        if prev is not None:
            key = prev + " " + s
            bigrams[key] = bigrams.get(key, 0) + 1
        prev = s
    return counts, bigrams


def index_lines(lines):
    index = {}
    for number, line in enumerate(lines, 1):
        for kind, text in tokenize(line):
            if kind == "word" and len(text) > 3:
                entry = index.setdefault(stem(text), [])
                if not entry or entry[-1] != number:
                    entry.append(number)
    return index


def justify(paragraph, width):
    words = paragraph.split()
    lines = []
    current = []
    length = 0
    for w in words:
        if current and length + len(current) + len(w) > width:
            gaps = len(current) - 1
            spaces = width - length
            if gaps == 0:
                lines.append(current[0].ljust(width))
            else:
                parts = []
                for k, cw in enumerate(current[:-1]):
                    parts.append(cw)
                    parts.append(" " * (spaces // gaps + (1 if k < spaces % gaps else 0)))
                parts.append(current[-1])
                lines.append("".join(parts))
            current = []
            length = 0
        current.append(w)
        length += len(w)
    if current:
        lines.append(" ".join(current))
    return lines


ESCAPES = str.maketrans({"<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;"})


def markup(paragraph, keywords):
    out = []
    for kind, text in tokenize(paragraph):
        if kind == "word" and stem(text) in keywords:
            out.append("<b>" + text.translate(ESCAPES) + "</b>")
        elif kind == "number":
            out.append('<span class="n">' + text + "</span>")
        else:
            out.append(text.translate(ESCAPES))
    return " ".join(out).replace(" ,", ",").replace(" .", ".")


def render_template(template, values):
    out = []
    i = 0
    while True:
        start = template.find("{{", i)
        if start < 0:
            out.append(template[i:])
            break
        end = template.find("}}", start)
        out.append(template[i:start])
        name, _, fmt = template[start + 2:end].strip().partition("|")
        value = values.get(name, "?")
        if fmt == "upper":
            value = str(value).upper()
        elif fmt == "pad":
            value = str(value).rjust(8, ".")
        out.append(str(value))
        i = end + 2
    return "".join(out)


def checksum(strings):
    h = 0
    for s in strings:
        for ch in s[::3]:
            h = (h * 33 + ord(ch)) & 0xFFFFFFFF
    return h


rng = Lcg(42)
doc = make_document(rng, N)
tokens = tokenize(doc)
counts, bigrams = count_words(tokens)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
top_bigrams = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
paragraphs = doc.split("\n\n")
justified = []
for p in paragraphs:
    justified.extend(justify(p, 60))
index = index_lines(justified)
keywords = {w for w, _ in top[:4]}
html = [markup(p, keywords) for p in paragraphs[: N // 3]]
template = "Report {{ title|upper }}: {{words|pad}} words, {{ lines }} lines, top '{{top}}' ({{missing}})"
rendered = [render_template(template, {"title": "run %d" % k, "words": len(tokens) + k,
                                       "lines": len(justified), "top": top[k % 8][0]})
            for k in range(N)]
kinds = {}
for kind, _ in tokens:
    kinds[kind] = kinds.get(kind, 0) + 1
print("chars", len(doc), "tokens", len(tokens), sorted(kinds.items()))
print("top", top)
print("bigrams", top_bigrams)
print("justified", len(justified), repr(justified[0]), repr(justified[-1]))
longest = max(index.items(), key=lambda kv: (len(kv[1]), kv[0]))
print("index", len(index), longest[0], len(longest[1]), longest[1][:5])
print("html", html[0][:90])
print("template", rendered[-1])
print("checksum", checksum(justified), checksum(html), checksum(rendered))
