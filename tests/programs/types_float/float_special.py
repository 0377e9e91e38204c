# inf and nan: comparisons, arithmetic, containment identity rules, formatting
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-nan))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan)
print(inf + 1, inf - inf, inf * 0, inf / inf, 1 / inf, -1 / inf)
print(nan + 1, nan * 0, max(1, nan), max(nan, 1), min(nan, 2))
print(nan in [nan], [nan] == [nan], (nan,) == (nan,))
x = float("nan")
print(x in [nan], [x] == [nan])
print(sorted([3, inf, -inf, 0]), inf // 1 if False else "skip")
print(abs(-inf), -(-inf), int(1e300) > 10 ** 299, float("1e309"))
print(round(inf) if False else "round(inf) raises", f"{inf:.2f}", f"{nan:5}", f"{-inf:e}")
try:
    round(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print(inf.is_integer(), nan.is_integer(), (inf).hex())
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
print(hash(inf), hash(-inf), hash(0.0) == hash(-0.0))
print(1e308 + 1e308, -1e308 - 1e308, 1e-320 * 1e-10)
print(divmod(5.0, inf), divmod(-5.0, inf))
print(float("  nan ") != float("nan"), float("-inf") == -inf, float("+inf"))
print(0.0 == -0.0, str(-0.0), repr(0.0 * -1), -0.0 < 0.0)
