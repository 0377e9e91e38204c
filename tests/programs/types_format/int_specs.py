# format() of ints: width, alignment, sign, zero padding, grouping, x/o/b/c/n types, # prefixes, float types on ints; the specs int refuses
for spec in ["", "d", "5d", "<5", "^7", ">7", "=+8", "+", "-", " ", "05", "08_", ",", "_x", "#x", "#X", "#o", "#b", "b", "c", "n", "*^9", "x<6", "e", ".2f", "%", "10,", "#010x", "+#06b"]:
    print(repr(spec), repr(format(1234, spec) if spec != "c" else format(65, spec)), repr(format(-42, spec) if spec != "c" else ""))
for bad in ["s", ",b", ".2d", "+c", "=5c", "z"]:
    try:
        format(5, bad)
    except ValueError as e:
        print(e)
