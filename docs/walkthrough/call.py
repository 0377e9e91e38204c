def divide(a, b):
    return a / b


def safe(a, b):
    try:
        return divide(a, b)
    except ZeroDivisionError:
        return "undefined"


print(safe(1, 0))
