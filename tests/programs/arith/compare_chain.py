# Comparisons, chained comparisons, identity and membership.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 < 2 > 0, 1 == 1 == 1.0)
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6)
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (1, "a") < (1, "b"))
print([1, [2, 3]] == [1, [2, 3]], [1, 2] != [1, 2])
print(None is None, None is not None, x is not None)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 3 in a, 3 not in a)
print("ell" in "hello", "z" in "hello", "" in "abc")
print(1 in (1, 2), "k" in {"k": 1}, 1 in {"k": 1}, 3 in {1, 2, 3})
print(1.5 > 1, 2 > 1.5, 1 == True, 0 == False, 0.0 == -0.0)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < 0, 2 ** 64 == 18446744073709551616)
print(10 ** 20 > 1e19, 10 ** 20 == 1e20, 2 ** 53 + 1 == 2.0 ** 53)
def f(v):
    print("eval", v)
    return v
print(f(1) < f(2) < f(0) < f(3))
