def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def describe(n):
    value = factorial(n)
    return f"{n}! = {value}"


print(describe(4))
print(describe(5))
