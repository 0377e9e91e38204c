# collatz.py — the longest Collatz chain below N: tight integer while loops.
# Measures LOAD_FAST/STORE_FAST, BINARY_OP (//, %, *, +) on small ints, compares and
# conditional jumps, plus a list used as a cache (indexing and store).
N = 1800000  # small: 15000

def longest(limit):
    cache = [0] * limit
    cache[1] = 1
    best, best_n = 1, 1
    for start in range(2, limit):
        n = start
        steps = 0
        while n >= start:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        steps += cache[n]
        cache[start] = steps
        if steps > best:
            best, best_n = steps, start
    return best_n, best, sum(cache) % 1000003

print(longest(N))
