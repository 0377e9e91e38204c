# Python code called from C: sorted(key=...), map, min(key=...).
ages = {"Ada": 36, "Alan": 41, "Grace": 85}
print(sorted(ages, key=lambda n: -ages[n]))
print(list(map(lambda x: x + 1, [1, 2])))
print(min([3, 1, 2], key=lambda v: (v - 2) ** 2))
