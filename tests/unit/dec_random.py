# dec_random.py — random decimal test vectors whose expected results come
# from python3.11's own C decimal (libmpdec), written in the decTest format
# so that build/dectest checks pvm's library against them (make
# decimal-diff).  The IBM vectors test the specification; these test the
# places where an implementation may choose (pow, the limits, clamping),
# and they cover contexts the vectors do not.
#
#   python3.11 tests/unit/dec_random.py [COUNT] [SEED] > file.decTest
import decimal
import math
import random
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)

ROUNDINGS = {
    decimal.ROUND_UP: "up", decimal.ROUND_DOWN: "down",
    decimal.ROUND_CEILING: "ceiling", decimal.ROUND_FLOOR: "floor",
    decimal.ROUND_HALF_UP: "half_up", decimal.ROUND_HALF_DOWN: "half_down",
    decimal.ROUND_HALF_EVEN: "half_even", decimal.ROUND_05UP: "05up",
}
CONDITIONS = [
    (decimal.Clamped, "clamped"), (decimal.DivisionByZero, "division_by_zero"),
    (decimal.Inexact, "inexact"), (decimal.InvalidOperation, "invalid_operation"),
    (decimal.Overflow, "overflow"), (decimal.Rounded, "rounded"),
    (decimal.Subnormal, "subnormal"), (decimal.Underflow, "underflow"),
]

# operation name in the files: (Context method, number of operands, kind)
OPS = {
    "add": ("add", 2, "num"), "subtract": ("subtract", 2, "num"),
    "multiply": ("multiply", 2, "num"), "divide": ("divide", 2, "num"),
    "divideint": ("divide_int", 2, "num"), "remainder": ("remainder", 2, "num"),
    "remaindernear": ("remainder_near", 2, "num"), "fma": ("fma", 3, "num"),
    "power": ("power", 2, "num"), "squareroot": ("sqrt", 1, "num"),
    "exp": ("exp", 1, "small"), "ln": ("ln", 1, "num"), "log10": ("log10", 1, "num"),
    "quantize": ("quantize", 2, "num"), "tointegral": ("to_integral_value", 1, "num"),
    "tointegralx": ("to_integral_exact", 1, "num"), "reduce": ("normalize", 1, "num"),
    "nextplus": ("next_plus", 1, "num"), "nextminus": ("next_minus", 1, "num"),
    "nexttoward": ("next_toward", 2, "num"), "logb": ("logb", 1, "num"),
    "scaleb": ("scaleb", 2, "int"), "rotate": ("rotate", 2, "int"),
    "shift": ("shift", 2, "int"), "compare": ("compare", 2, "num"),
    "comparesig": ("compare_signal", 2, "num"),
    "comparetotal": ("compare_total", 2, "num"), "max": ("max", 2, "num"),
    "min": ("min", 2, "num"), "maxmag": ("max_mag", 2, "num"),
    "minmag": ("min_mag", 2, "num"), "plus": ("plus", 1, "num"),
    "minus": ("minus", 1, "num"), "abs": ("abs", 1, "num"),
    "and": ("logical_and", 2, "logic"), "or": ("logical_or", 2, "logic"),
    "xor": ("logical_xor", 2, "logic"), "invert": ("logical_invert", 1, "logic"),
    "tosci": ("to_sci_string", 1, "num"), "toeng": ("to_eng_string", 1, "num"),
    "apply": ("_apply", 1, "num"),
    # not Context methods: conversions the module makes (see convert())
    "fromfloat": ("fromfloat", 1, "float"), "toint": ("toint", 1, "int_sized"),
    "floor": ("floor", 1, "int_sized"), "ceil": ("ceil", 1, "int_sized"),
}
CONVERSIONS = {
    "fromfloat": lambda ctx, x: decimal.Decimal(float(x)),
    "toint": lambda ctx, d: int(d),
    "floor": lambda ctx, d: math.floor(d),
    "ceil": lambda ctx, d: math.ceil(d),
}


def number(prec, emax):
    r = rng.random()
    if r < 0.04:
        return rng.choice(["Inf", "-Inf", "NaN", "-NaN", "sNaN", "NaN12", "sNaN7"])
    if r < 0.10:
        return rng.choice(["0", "-0", "0E-3", "-0E+5", "1", "-1", "10", "0.5"])
    digits = rng.randint(1, prec + 4 if rng.random() < 0.8 else 2 * prec + 3)
    coef = "".join(rng.choice("0123456789") for _ in range(digits)).lstrip("0") or "0"
    if rng.random() < 0.3:
        coef = coef[:rng.randint(1, len(coef))] + "0" * rng.randint(0, 5)
    if rng.random() < 0.15:   # near the limits
        exp = rng.choice([emax, -emax, -emax - prec, emax - prec]) + rng.randint(-3, 3)
    else:
        exp = rng.randint(-prec - 6, 6)
    sign = "-" if rng.random() < 0.4 else ""
    return f"{sign}{coef}E{exp}"


def operand(kind, prec, emax):
    if kind == "int":
        return str(rng.randint(-prec - 2, prec + 2))
    if kind == "float":
        return repr(rng.choice([rng.random() * 10 ** rng.randint(-30, 30),
                                rng.uniform(-1e300, 1e300), 5e-324, -0.0, 1e308,
                                float(rng.randint(-10**18, 10**18))]))
    if kind == "logic":
        return "".join(rng.choice("01") for _ in range(rng.randint(1, prec + 2))).lstrip("0") or "0"
    if kind in ("small", "int_sized"):
        n = number(prec, emax)
        if "E" in n and (kind == "int_sized" or rng.random() < 0.8):
            c, e = n.split("E")
            n = f"{c}E{max(-prec - 5, min(int(e), 2))}"
        return n
    return number(prec, emax)


def main():
    out = sys.stdout
    names = sorted(OPS)
    for i in range(count):
        if i % 50 == 0:
            prec = rng.choice([1, 2, 3, 5, 7, 9, 16, 28, 34, 50])
            emax = rng.choice([9, 99, 999, 999999, 425000000])
            rounding = rng.choice(list(ROUNDINGS))
            clamp = rng.choice([0, 0, 1])
            ctx = decimal.Context(prec=prec, rounding=rounding, Emax=emax,
                                  Emin=-emax, clamp=clamp, traps=[])
            out.write(f"\nprecision: {prec}\nrounding: {ROUNDINGS[rounding]}\n"
                      f"maxExponent: {emax}\nminExponent: {-emax}\nclamp: {clamp}\n")
        name = rng.choice(names)
        method, n, kind = OPS[name]
        args = [operand(kind if j == n - 1 or kind in ("logic", "small", "float", "int_sized") else "num",
                        prec, emax) for j in range(n)]
        if name == "power" and rng.random() < 0.5:
            args[1] = rng.choice([str(rng.randint(-30, 30)), "0.5", "-0.5", "1.5", "2.25", "-3"])
        if name == "power" and rng.random() < 0.15:
            name_args = [str(rng.randint(-10**6, 10**6)), str(rng.randint(0, 50)),
                         str(rng.randint(-10**4, 10**4))]
            args, method = name_args, "power"
        ctx.clear_flags()
        try:
            if name == "fromfloat":
                vals = args
            else:
                vals = [decimal.Decimal(a) for a in args]
            if name in ("tosci", "toeng"):
                vals = [ctx.create_decimal(args[0])]
            if name in CONVERSIONS:
                result = CONVERSIONS[name](ctx, *vals)
            else:
                result = getattr(ctx, method)(*vals)
        except (decimal.DecimalException, ValueError, TypeError, OverflowError):
            continue
        flags = [c for s, c in CONDITIONS if ctx.flags[s]]
        out.write(f"rnd{i} {name} {' '.join(args)} -> {result} {' '.join(flags)}\n")


main()
