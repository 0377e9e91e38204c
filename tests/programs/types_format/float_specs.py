# format() of floats: f/e/g/%/n types, precision, alignment, sign, grouping, zero padding, z, #; repr-like formatting of special values; errors
for spec in ["", "f", ".0f", ".3f", "10.2f", "<10.1f", "^12.3e", "+.2e", "E", "g", ".3g", "G", "#g", "n", "%", ".1%", ",.2f", "_.1f", "010.2f", "=+10.1f", "z.1f", ".0e", "#.0f", ".20g", ".0%"]:
    print(repr(spec), repr(format(1234.5678, spec)), repr(format(-0.0001234, spec)), repr(format(-0.04, spec)))
for x in [1e16, 1e-5, 123456789.0, 0.1, 1.0, 100.0, float("inf"), float("-inf"), float("nan"), 5e-324]:
    print(format(x, ""), format(x, "g"), format(x, ".3"), format(x, "e"), str(x))
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
try:
    format(1.5, ",c")
except ValueError as e:
    print(e)
