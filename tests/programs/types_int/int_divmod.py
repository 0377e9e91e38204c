# int // % and divmod for every sign combination; ZeroDivisionError messages
for x in (7, -7, 0, 13, -13):
    for y in (2, -2, 3, -3, 5):
        print(x, y, x // y, x % y, divmod(x, y))
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
