# Constructors check their arguments in CPython's order and words: bytes()/bytearray()'s encoding and errors must be str before anything else ("bytes() argument 'encoding' must be str, not int", None named None; pvm: "encoding without a string argument"), int(x, base) checks the base before x ("int() base must be >= 2 and <= 36, or 0"), super() with too many arguments is "super() expected at most 2 arguments, got 3"
cases = ['bytes(1, 2)', 'bytes("x", 1)', 'bytes("x", "ascii", 1)', 'bytearray([], 1)',
         'bytes(encoding=1)', 'bytes(errors=1)', 'bytes(errors="x")', 'bytearray(1, None)',
         'bytes(b"x", "ascii")', 'bytes("x", errors=None)', 'bytes("x")', 'bytes("é", "latin-1")',
         'bytearray("ab", "ascii", "strict")', 'int({}, 1)', 'int(1, 2)', 'int("1", 37)',
         'int(1, 99)', 'int([], 0)', 'int("z", 36)', 'int("1", 2**70)', 'int(1.5, -1)',
         'int("10", base=None)', 'super(1, 2, 3)', 'super(int, 1, 2, 3, 4)']
for c in cases:
    try:
        print(c, repr(eval(c)))
    except (TypeError, ValueError) as e:
        print(c, type(e).__name__, e)
