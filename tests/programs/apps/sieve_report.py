# A prime sieve and a report on the primes below 10000.
LIMIT = 10000

def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            is_prime[p * p::p] = [False] * len(range(p * p, n + 1, p))
        p += 1
    return [i for i in range(n + 1) if is_prime[i]]

def twin_primes(primes):
    pairs = []
    for a, b in zip(primes, primes[1:]):
        if b - a == 2:
            pairs.append((a, b))
    return pairs

def gaps(primes):
    hist = {}
    for a, b in zip(primes, primes[1:]):
        hist[b - a] = hist.get(b - a, 0) + 1
    return hist

def factorize(n, primes):
    factors = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors.append(p)
            n //= p
    if n > 1:
        factors.append(n)
    return factors

primes = sieve(LIMIT)
print(f"{len(primes)} primes below {LIMIT}")
print("first 15:", primes[:15])
print("last 5:", primes[-5:])
for bound in [10, 100, 1000, 10000]:
    count = len([p for p in primes if p < bound])
    print(f"  pi({bound:>5}) = {count:>4}")
twins = twin_primes(primes)
print(f"{len(twins)} twin pairs, last {twins[-1]}")
hist = gaps(primes)
for gap in sorted(hist)[:8]:
    bar = "#" * (hist[gap] // 20)
    print(f"gap {gap:>2}: {hist[gap]:>4} {bar}")
largest = max(hist)
print("largest gap", largest)
for n in [360, 9973, 2 ** 20 - 1, 600851475143, 2 ** 64 + 1]:
    f = factorize(n, primes)
    check = 1
    for x in f:
        check *= x
    print(n, "=", " * ".join([str(x) for x in f]), check == n)
digit_sums = {}
for p in primes:
    s = sum([int(c) for c in str(p)])
    digit_sums[s] = digit_sums.get(s, 0) + 1
top = sorted(digit_sums.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print("most common digit sums:", top)
print("sum of primes:", sum(primes), "product mod 1e9+7:", end=" ")
prod = 1
for p in primes:
    prod = prod * p % 1000000007
print(prod)
