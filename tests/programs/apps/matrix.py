# Matrix multiply, transpose, determinant (exact, with big ints) and powers.
def zeros(n, m):
    return [[0] * m for _ in range(n)]

def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m

def matmul(a, b):
    n, k, m = len(a), len(b), len(b[0])
    out = zeros(n, m)
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            out[i][j] = s
    return out

def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]

def det(a):
    n = len(a)
    if n == 1:
        return a[0][0]
    if n == 2:
        return a[0][0] * a[1][1] - a[0][1] * a[1][0]
    total = 0
    for j in range(n):
        minor = [row[:j] + row[j + 1:] for row in a[1:]]
        sign = -1 if j % 2 else 1
        total += sign * a[0][j] * det(minor)
    return total

def matpow(a, e):
    result = identity(len(a))
    while e:
        if e & 1:
            result = matmul(result, a)
        a = matmul(a, a)
        e >>= 1
    return result

def show(name, m):
    print(name)
    width = max([len(str(v)) for row in m for v in row])
    for row in m:
        print("  [" + " ".join([str(v).rjust(width) for v in row]) + "]")

A = [[2, -1, 0], [1, 3, 4], [0, 5, -2]]
B = [[1, 2], [0, 1], [4, -3]]
show("A", A)
show("B", B)
show("A x B", matmul(A, B))
show("B^T", transpose(B))
print("det A =", det(A))
H = [[1, 2, 3, 4], [5, 6, 7, 8], [2, 6, 4, 8], [3, 1, 1, 2]]
print("det H =", det(H))
show("A^5", matpow(A, 5))
F = [[1, 1], [1, 0]]
print("fib(300) via matrix:", matpow(F, 300)[0][1])
V = [[(i + 1) ** j for j in range(5)] for i in range(5)]
show("Vandermonde", V)
print("det V =", det(V))
print("A x I == A:", matmul(A, identity(3)) == A)
print("(AB)^T == B^T A^T:", transpose(matmul(A, B)) == matmul(transpose(B), transpose(A)))
M = [[0.5, 0.25], [0.125, 2.0]]
show("M^3 (floats)", matpow(M, 3))
print("trace A^5 =", sum([matpow(A, 5)[i][i] for i in range(3)]))
