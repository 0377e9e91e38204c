# range with positive, negative and big steps; len, indexing, membership.
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -3)))
print(list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(-5, -1)), list(range(0, -10, -4)))
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2], 7 in r, 8 in r, list(r[1:4]), list(r[::-1]))
print(range(10), range(1, 10, 2), len(range(10 ** 6)), sum(range(10 ** 6)))
print(len(range(0, 100, 7)), len(range(100, 0, -7)), range(5) == range(0, 5))
acc = []
for i in range(10, -1, -2):
    acc.append(i)
print(acc)
print(list(reversed(range(4))), max(range(7)), min(range(3, 9)), list(range(2 ** 64, 2 ** 64 + 3)))
