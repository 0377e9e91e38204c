# A small expression tokenizer with named groups and lastgroup, the recipe
# from the re documentation.
import re

TOKENS = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ASSIGN", r":="),
    ("END", r";"),
    ("ID", r"[A-Za-z_]\w*"),
    ("OP", r"[+\-*/()]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join("(?P<%s>%s)" % pair for pair in TOKENS))
KEYWORDS = {"IF", "THEN", "ENDIF", "FOR", "NEXT", "GOSUB", "RETURN"}


def tokenize(code):
    line = 1
    line_start = 0
    for mo in MASTER.finditer(code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        elif kind == "ID" and value in KEYWORDS:
            kind = value
        elif kind == "NEWLINE":
            line_start = mo.end()
            line += 1
            continue
        elif kind == "SKIP":
            continue
        yield kind, value, line, column, mo.lastindex


program = """IF quantity THEN
    total := total + price * quantity;
    tax := price * 0.05;
ENDIF;
x := (a1 + 42) / 7 $
"""
for tok in tokenize(program):
    print(tok)

print(MASTER.groups, sorted(MASTER.groupindex.items()))
print(MASTER.pattern[:40])
print(re.findall(r"[A-Za-z_]\w*|\d+|\S", "f(x1, 22)+y"))
