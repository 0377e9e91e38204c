# comparing ints with floats and bools exactly (2**53 + 1, 10**400 against floats), mixed sorting, min/max, membership, dict keys
print(1 == 1.0, 1 == True, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(1 < 1.5 < 2, (2 ** 64) == 2.0 ** 64, 0 == -0.0, 3 != 3.0000001)
print(sorted([3, 1.5, True, -2, 2 ** 70, 0.0]))
print(max(1, 2.5, 2), min(-1, -1.0), 5 in [5.0], {1: "a", 1.0: "b", True: "c"})
