# format() of complex numbers: every presentation type, alignment, sign, precision; the specs complex refuses
for spec in ["", "f", ".2f", "e", "g", "+.1f", "^20", ">15.2f", "<18", ".3", "*^20.1f", " ", "G"]:
    print(repr(spec), repr(format(1.5 - 2.25j, spec)), repr(format(3j, spec)), repr(format(-0.0 + 1j, spec)))
for bad in ["020", "=10", "d", "%"]:
    try:
        format(1 + 1j, bad)
    except ValueError as e:
        print(e)
