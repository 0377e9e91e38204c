# Collatz sequence statistics: lengths, peaks, mean/median/stddev without imports.
def collatz_len(n, cache):
    path = []
    while n != 1 and n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache.get(n, 0)
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length

def peak(n):
    top = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > top:
            top = n
    return top

def mean(xs):
    return sum(xs) / len(xs)

def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2

def stddev(xs):
    m = mean(xs)
    return (sum([(x - m) ** 2 for x in xs]) / len(xs)) ** 0.5

cache = {1: 0}
N = 3000
lengths = [collatz_len(n, cache) for n in range(1, N + 1)]
print("numbers:", N, "cached:", len(cache))
best = max(range(1, N + 1), key=lambda n: lengths[n - 1])
print("longest chain below", N, "starts at", best, "with", lengths[best - 1], "steps")
print(f"mean {mean(lengths):.4f} median {median(lengths)} stddev {stddev(lengths):.4f}")
print("min", min(lengths), "max", max(lengths))
buckets = {}
for L in lengths:
    b = L // 20 * 20
    buckets[b] = buckets.get(b, 0) + 1
for b in sorted(buckets):
    print(f"{b:>3}-{b + 19:<3} {buckets[b]:>5} {'=' * (buckets[b] // 25)}")
for n in [7, 27, 97, 871, 2919]:
    print(f"n={n:<5} steps={lengths[n - 1]:<4} peak={peak(n)}")
print("peak of 77671:", peak(77671), "steps:", collatz_len(77671, cache))
evens = [L for n, L in enumerate(lengths, 1) if n % 2 == 0]
odds = [L for n, L in enumerate(lengths, 1) if n % 2]
print(f"even starts mean {mean(evens):.3f}, odd starts mean {mean(odds):.3f}")
print("first ten lengths", lengths[:10])
