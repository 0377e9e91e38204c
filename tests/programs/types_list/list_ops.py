# list operators: += and *= in place (aliases see the change), + * comparisons, a list containing itself, TypeErrors, list dunders
a = [1, 2]
b = a
a += [3]; print(a, b, a is b)
a *= 2; print(a, b is a)
print([1, 2] + [3], [0] * 3, 2 * [None], [] * 10, [1, [2]] == [1, [2]], [1, 2] < [1, 3], [1] < [1, 0])
print(3 in [1, 2, 3], [] == [], [1] != [1.0], len([[], []]), list(reversed([1, 2, 3])), max([4, 9, 2]))
r = [1]; r.append(r); print(r, [r, r])
try:
    [1] + (2,)
except TypeError as e:
    print(e)
try:
    [1] < ["a"]
except TypeError as e:
    print(e)
try:
    [] * 1.5
except TypeError as e:
    print(e)
x = [1, 2, 3]
print(x.__len__(), x.__getitem__(1), x.__contains__(2), list.__add__(x, [4]))
