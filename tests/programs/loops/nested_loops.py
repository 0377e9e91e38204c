# Multiplication table and pattern printing with nested loops.
for i in range(1, 10):
    row = ""
    for j in range(1, 10):
        row += str(i * j).rjust(4)
    print(row)
for i in range(1, 6):
    print(" " * (5 - i) + "*" * (2 * i - 1))
for i in range(4, 0, -1):
    print(" " * (5 - i) + "*" * (2 * i - 1))
triples = []
for a in range(1, 30):
    for b in range(a, 30):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                triples.append((a, b, c))
print(triples)
