# strings.py — string building and processing: += concatenation, "".join of
# list pieces, f-strings with format specs, %-formatting, str methods (upper,
# replace, split, find, startswith, strip) and slicing. Measures allocation of
# many short strings and the str method-call path.
N = 360000  # small: 6000

def build_lines(n):
    lines = []
    for i in range(n):
        name = "item" + str(i % 97)
        lines.append(f"{i:06d};{name:>8};{i * 7 % 1000 / 8:.3f};" + "%x" % (i * 31))
    return lines

def process(lines):
    total = 0
    out = []
    for line in lines:
        parts = line.split(";")
        key = parts[1].strip().upper().replace("ITEM", "K")
        if key.startswith("K1"):
            total += len(key)
        total += line.find("5") + int(parts[0][-3:])
        out.append(key[::-1] + parts[3][:2])
    return total, "".join(out)

def concat(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if len(s) > 500:
            s = s[250:]
    return s

lines = build_lines(N)
total, joined = process(lines)
tail = concat(N * 5)
print(total, len(joined), joined[:40], joined[-40:])
print(tail[:30], len(tail), tail.count("abc"))
