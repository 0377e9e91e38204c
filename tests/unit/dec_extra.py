# dec_extra.py — writes tests/unit/dec_extra.decTest: python3.11 tests/unit/dec_extra.py > tests/unit/dec_extra.decTest
# Cases at CPython's maximal context (test_decimal's test_maxcontext_exact_arith),
# expected results from python3.11's C decimal.
import decimal as D
C = D.Context(prec=D.MAX_PREC, Emin=D.MIN_EMIN, Emax=D.MAX_EMAX, traps=[])
cases = [("exp", ["0"]), ("ln", ["1"]), ("log10", ["1"]), ("log10", ["100"]),
         ("log10", ["1" + "0" * 223]), ("logb", ["1" + "0" * 19]),
         ("squareroot", ["4"]), ("squareroot", ["40E9"]), ("squareroot", ["0.0144"]),
         ("divideint", ["10", "3"]), ("remainder", ["10", "3"]),
         ("divide", ["4", "2"]), ("divide", ["1", "400"]), ("divide", ["-7.5", "0.03125"]),
         ("power", ["400", "-1"]), ("power", ["2", "-10"]), ("power", ["5", "3"]),
         ("multiply", ["123456789", "987654321E-20"]), ("add", ["1E+10", "1E-10"])]
names = {"squareroot": "sqrt", "divideint": "divide_int"}
print("-- maximal context (written by python3.11 tests/unit/dec_extra.py)")
print(f"precision: {D.MAX_PREC}\nrounding: half_even\nmaxExponent: {D.MAX_EMAX}\nminExponent: {D.MIN_EMIN}\nclamp: 0")
for i, (op, args) in enumerate(cases):
    C.clear_flags()
    r = getattr(C, names.get(op, op))(*[D.Decimal(a) for a in args])
    flags = [n for s, n in [(D.Inexact, "inexact"), (D.Rounded, "rounded"), (D.Clamped, "clamped")] if C.flags[s]]
    print(f"max{i:03d} {op} {' '.join(args)} -> {r} {' '.join(flags)}")
