# loop.py — an integer while loop: measures the dispatch of simple opcodes
# (LOAD_FAST/STORE_FAST, BINARY_OP on small ints, COMPARE_OP, jumps).
N = 3000000  # small: 60000

def run(n):
    total = 0
    i = 0
    x = 12345
    while i < n:
        x = (x * 1103515245 + 12345) % 2147483648
        total += x % 1000 - 499
        if total > 1000000:
            total -= 1000000
        i += 1
    return total, x

print(run(N))
