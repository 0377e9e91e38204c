# Comprehensions are nested scopes: they see enclosing locals and loop variables.
def table(n):
    header = [f"{i:>3}" for i in range(1, n + 1)]
    rows = ["".join([f"{i * j:>4}" for j in range(1, n + 1)]) for i in range(1, n + 1)]
    return " " + " ".join(header), rows

head, rows = table(5)
print(head)
for r in rows:
    print(r)

def primes_upto(n):
    return [p for p in range(2, n + 1) if all([p % d for d in range(2, int(p ** 0.5) + 1)])]

print(primes_upto(60))

def pythag(limit):
    return [(a, b, c) for a in range(1, limit) for b in range(a, limit) for c in range(b, limit) if a * a + b * b == c * c]

print(pythag(21))
fns = [lambda x, k=k: x + k for k in range(3)]
print([f(10) for f in fns])
offset = 100
print(list(map(lambda v: v + offset, [1, 2])), [[offset + i for i in range(2)] for _ in range(2)])
