# format() details: '#' with no type keeps a point in a float's repr ('1.e+100', a complex's '(3.+4.j)'); the messages name the value's own type (bool, int/float/complex subclasses); 'c' past a C long is "Python int too large to convert to C long"
class MyInt(int):
    pass


class MyFloat(float):
    pass


class MyComplex(complex):
    pass


cases = [
    (1e100, "#"), (1e-7, "#"), (1e16, "#"), (-1e22, "#"), (1.5, "#"), (0.0, "#"), (-0.0, "#"),
    (float("inf"), "#"), (float("nan"), "#"), (1e300 * 10, "#"), (1.0, "#>8"), (2e20, "#^12"),
    (MyFloat(3e40), "#"), (3 + 4j, "#"), (1e100 + 0j, "#"), (4j, "#"), (-2.5j, "#"),
    (complex(1e-9, -0.0), "#"), (1.5 + 2j, "#10"), (complex("inf+nanj"), "#"), (3 + 4j, "#g"),
    (True, "s"), (False, "x<5s"), (MyInt(1), "s"), (MyFloat(1.0), "x"), (MyComplex(1j), "x"),
    (True, ",,"), (MyFloat(1.0), ",_"), (MyInt(5), "5.2"), (MyFloat(2.0), "abc"),
    (10 ** 20, "c"), (2 ** 63, "c"), (-1, "c"), (0x110000, "c"), (0x263a, "c"), (True, "c"),
]
for v, spec in cases:
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except (ValueError, OverflowError) as e:
        print(repr(v), repr(spec), type(e).__name__, e)
print(f"{1e100:#}", f"{2j:#}", "{:#}".format(1e-5), "{0:#}|{0:#20}".format(5e-324))
