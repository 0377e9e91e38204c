# matmul.py — dense matrix multiplication on lists of lists of ints and floats,
# with the classic triple loop and a row-by-column version using zip() and sum()
# over a generator-free list comprehension. Measures nested for-loops over range,
# two-level list indexing (BINARY_SUBSCR) and int/float multiply-add.
N = 165  # small: 30

def make(n, seed):
    m = []
    for i in range(n):
        row = []
        for j in range(n):
            seed = (seed * 1103515245 + 12345) % 2147483648
            row.append(seed % 100 - 50)
        m.append(row)
    return m

def mul_loops(a, b, n):
    c = [[0] * n for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(n):
            aik = ai[k]
            bk = b[k]
            for j in range(n):
                ci[j] += aik * bk[j]
    return c

def mul_zip(a, b):
    bt = list(zip(*b))
    return [[sum([x * y for x, y in zip(row, col)]) for col in bt] for row in a]

a = make(N, 1)
b = make(N, 2)
c = mul_loops(a, b, N)
d = mul_zip(a, b)
f = mul_loops([[x * 0.5 for x in r] for r in a], b, N)
print(c == d, sum(map(sum, c)), c[0][:5], c[-1][-3:])
print(sum(map(sum, f)), f[N // 2][N // 3])
