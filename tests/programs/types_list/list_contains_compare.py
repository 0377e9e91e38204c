# list membership and comparison: identity before equality (nan), mixed types, lexicographic order of lists, sorting lists of lists
nan = float("nan")
l = [1, "a", (2, 3), [4], None, nan]
print(1 in l, 1.0 in l, True in l, "a" in l, (2, 3) in l, [4] in l, None in l, nan in l, float("nan") in l)
print(l.index((2, 3)), l.count(1), [nan] == [nan], [float("nan")] == [float("nan")], [1, 2] == [1, 2.0])
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 9], [[1]] < [[2]], sorted([[3], [1, 2], [1]]))
print(min([[2], [1, 5]]), max(["b", "ab"]), [0] * 0 == [], list(range(3)) == [0, 1, 2], list("ab") + list("c"))
