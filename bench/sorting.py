# sorting.py — sorting with key functions: sorted() and list.sort() on generated
# records, with lambda keys, tuple keys, reverse=True, and stability across
# repeated sorts. Measures the sort's calls back into Python (the key function
# for every element) and comparisons of ints, strs and tuples.
N = 220000  # small: 10000

def make_records(n):
    seed = 7
    recs = []
    for i in range(n):
        seed = (seed * 69069 + 1) & 0xFFFFFFFF
        recs.append((seed % 1000, "n" + str(seed % 9973), i))
    return recs

def by_name(r):
    return r[1]

recs = make_records(N)
a = sorted(recs, key=lambda r: r[0])
b = sorted(recs, key=by_name, reverse=True)
c = sorted(recs, key=lambda r: (r[0] % 10, r[1]))
d = recs[:]
d.sort(key=lambda r: -r[2])
d.sort(key=lambda r: r[0] // 100)          # stable: ties keep the previous order
e = sorted([r[1] for r in recs])
f = sorted(recs)
check = 0
for i in range(0, N, 97):
    check = (check * 31 + a[i][2] + b[i][2] * 3 + c[i][2] * 5 + d[i][2] * 7 + f[i][2]) % 1000000007
print(check, e[0], e[-1], a[0], b[0], c[-1], d[0])
