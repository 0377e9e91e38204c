# A text formatter: word wrap, justify, center, and a boxed table.
PARAGRAPH = ("Python bytecode is a compact instruction set for a stack machine. "
             "Each instruction is two bytes: an opcode and an argument. A virtual "
             "machine fetches, decodes and executes them one by one, keeping values "
             "on a stack and names in frames.")

def wrap(text, width):
    lines = []
    line = []
    length = 0
    for word in text.split():
        extra = len(word) + (1 if line else 0)
        if length + extra > width and line:
            lines.append(line)
            line = [word]
            length = len(word)
        else:
            line.append(word)
            length += extra
    if line:
        lines.append(line)
    return lines

def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum([len(w) for w in words])
    out = ""
    for i, w in enumerate(words[:-1]):
        n = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * n
    return out + words[-1]

for width in [30, 45]:
    print("=" * width)
    lines = wrap(PARAGRAPH, width)
    for words in lines[:-1]:
        print(justify(words, width) + "|")
    print(" ".join(lines[-1]).ljust(width) + "|")
print()
for width in [20, 40]:
    for w in wrap(PARAGRAPH, width)[:3]:
        text = " ".join(w)
        print("[" + text.center(width) + "]", "[" + text.rjust(width, ".") + "]")

def table(rows, header):
    cols = len(header)
    widths = [max([len(str(r[c])) for r in rows + [header]]) for c in range(cols)]
    sep = "+" + "+".join(["-" * (w + 2) for w in widths]) + "+"
    out = [sep]
    out.append("|" + "|".join([" " + str(header[c]).center(widths[c]) + " " for c in range(cols)]) + "|")
    out.append(sep.replace("-", "="))
    for r in rows:
        cells = []
        for c in range(cols):
            v = r[c]
            s = str(v).rjust(widths[c]) if isinstance(v, (int, float)) else str(v).ljust(widths[c])
            cells.append(" " + s + " ")
        out.append("|" + "|".join(cells) + "|")
    out.append(sep)
    return "\n".join(out)

rows = [["LOAD_FAST", 124, 0.5], ["LOAD_CONST", 100, 0.25], ["BINARY_OP", 122, 1.125], ["RETURN_VALUE", 83, 0.0]]
print(table(rows, ["opcode", "num", "cost"]))
title = " pvm "
print(title.center(30, "*"))
print("left".ljust(10, "-") + "mid".center(10, "~") + "right".rjust(10, "-"))
print("|".join([s.zfill(5) for s in ["1", "22", "-3", "+44"]]))
