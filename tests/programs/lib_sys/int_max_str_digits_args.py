# sys.set_int_max_str_digits: the argument is a C int (OverflowError past it), 0 or at least 640 (ValueError, worded anew in 3.14); the limit reached by str() and int()
import sys

original = sys.get_int_max_str_digits()
for value in [640, 0, 639, 1, -1, -2**31, 2**31 - 1, 2**31, 2**40, 2**70, -2**70, True, "700", 7.0, None]:
    try:
        sys.set_int_max_str_digits(value)
        print(repr(value), "->", sys.get_int_max_str_digits())
    except (ValueError, OverflowError, TypeError) as e:
        print(repr(value), type(e).__name__, e, sys.get_int_max_str_digits())
sys.set_int_max_str_digits(640)
for digits in [640, 641]:
    try:
        print(digits, len(str(10 ** (digits - 1))), int("7" * digits) % 10)
    except ValueError as e:
        print(digits, "ValueError", str(e).split(";")[0])
try:
    sys.set_int_max_str_digits(maxdigits=650)
    print(sys.get_int_max_str_digits())
    sys.set_int_max_str_digits()
except TypeError as e:
    print("TypeError", e)
finally:
    sys.set_int_max_str_digits(original)
print(sys.get_int_max_str_digits() == original)
