# recursion patterns: permutations, subsets, memo via dict argument, tree building, accumulator passing
def perms(s):
    if len(s) <= 1:
        return [s]
    out = []
    for i, c in enumerate(s):
        for p in perms(s[:i] + s[i + 1:]):
            out.append(c + p)
    return out
print(perms("abc"), len(perms("abcde")))
def subsets(xs):
    if not xs:
        return [[]]
    rest = subsets(xs[1:])
    return rest + [[xs[0]] + r for r in rest]
print(subsets([1, 2, 3]))
def fib(n, memo={0: 0, 1: 1}):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90), len(fib.__defaults__[0]))
def build(depth):
    return {} if depth == 0 else {"l": build(depth - 1), "r": build(depth - 1)}
def count_leaves(t):
    return 1 if not t else sum(count_leaves(c) for c in t.values())
print(count_leaves(build(6)))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 64, 6 ** 20))
def power_set_sum(xs, acc=0):
    if not xs:
        return [acc]
    return power_set_sum(xs[1:], acc) + power_set_sum(xs[1:], acc + xs[0])
print(sorted(set(power_set_sum([1, 2, 4, 8]))))
def binsearch(xs, t, lo=0, hi=None):
    hi = len(xs) if hi is None else hi
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == t:
        return mid
    return binsearch(xs, t, mid + 1, hi) if xs[mid] < t else binsearch(xs, t, lo, mid)
xs = list(range(0, 200, 3))
print(binsearch(xs, 99), binsearch(xs, 100), binsearch(xs, 0), binsearch(xs, 198))
