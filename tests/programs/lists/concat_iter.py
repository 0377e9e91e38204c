# List concatenation, repetition, membership, iteration and unpacking.
a = [1, 2] + [3] + []
print(a, a * 2, 2 * a, len(a * 5))
print(3 in a, 4 not in a, [1, 2] in [[1, 2], [3]])
total = 0
for x in a:
    total += x
print(total)
for i, x in enumerate(a):
    print(i, x)
first, second, third = a
print(first, second, third)
head, *tail = [10, 20, 30, 40]
print(head, tail)
*init, last = [10, 20, 30, 40]
print(init, last)
p, *mid, q = [1, 2]
print(p, mid, q)
[u, v], w = [[1, 2], 3]
print(u, v, w)
rows = [[1, "one"], [2, "two"], [3, "three"]]
for num, word in rows:
    print(num, word)
print(list(range(5)), list("abc"), list((1, 2)), list({3: 4}), list())
x = [5, 3, 8]
y = x
x = x + [1]
print(x, y)
