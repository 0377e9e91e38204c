# inf and nan: arithmetic, comparisons, nan in lists and dicts (identity before equality), signed-zero keys, sorting, formatting
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, inf > 1e308, nan == nan, nan != nan, nan < 1)
l = [nan, 1.0]
print(nan in l, l.count(nan), l.index(nan), [nan] == [nan], (nan,) == (nan,))
d = {nan: 1}
print(d[nan], nan in d, float("nan") in d)
print({-0.0: "a", 0.0: "b"}, {0: 1, 0.0: 2, False: 3})
print(max(inf, 1), min(-inf, 0), sorted([3.0, -inf, inf, 0.0]))
print(str(inf), repr(-inf), "%f %e %g" % (inf, -inf, nan), f"{inf:10.2f}|{nan:>6}|")
