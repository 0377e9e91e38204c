# Augmented assignment on names, list items and dict items.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 4; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
x &= 0xff; print(x)
x |= 0x100; print(x)
x ^= 0x3; print(x)
x /= 4; print(x)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1, 2]
alias = lst
lst += [3, 4]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
items = [1, 2, 3]
items[1] += 10
items[-1] *= 7
print(items)
d = {"a": 1}
d["a"] += 41
d["b"] = 0
d["b"] -= 1
print(d)
n = [[1, 2], [3, 4]]
n[1][0] **= 3
print(n)
