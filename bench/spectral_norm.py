# spectral_norm.py — the Benchmarks Game spectral norm: the largest singular value
# of an infinite matrix, by power iteration. Measures a small function called in
# an inner loop (eval_A), int-to-float division, generator-free sums over lists.
N = 340  # small: 36

def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def mul_Av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j) * v[j]
        out.append(s)
    return out

def mul_Atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(j, i) * v[j]
        out.append(s)
    return out

def mul_AtAv(v, n):
    return mul_Atv(mul_Av(v, n), n)

def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_AtAv(u, n)
        u = mul_AtAv(v, n)
    vBv = 0.0
    vv = 0.0
    for i in range(n):
        vBv += u[i] * v[i]
        vv += v[i] * v[i]
    return (vBv / vv) ** 0.5

print("%.9f" % spectral_norm(N))
