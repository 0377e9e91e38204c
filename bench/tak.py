# tak.py — the Takeuchi function: deep non-tail recursion with three arguments.
# Measures Python-to-Python calls (frame set-up with several arguments, return),
# small-int compares and subtraction; unlike fib.py almost every call recurses
# three more times, so call overhead dominates completely.
N = 24  # small: 15

def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z

total = 0
for k in range(3):
    total += tak(N, N * 2 // 3 + k, N // 3)
print(total)
