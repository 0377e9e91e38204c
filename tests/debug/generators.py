def countdown(n):
    while n > 0:
        yield n
        n -= 1


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None


total = 0
for value in countdown(3):
    total += value
print(total, safe_div(7, 2), safe_div(1, 0))
