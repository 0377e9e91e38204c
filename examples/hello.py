# hello.py — a first program for pvm: `make demo` compiles it with python3.11
# and runs the .pyc on pvm. Everything here runs on pvm's own object model:
# functions, loops, lists, dicts, f-strings and unbounded integers.

def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result

def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"

print(greet("world"))
print(greet("pvm", punctuation=" :)"))

squares = [n * n for n in range(1, 11)]
print("squares:", squares)
print("their sum:", sum(squares))

ages = {"Ada": 36, "Alan": 41, "Grace": 85}
for name in sorted(ages, key=lambda n: ages[n]):
    print(f"  {name:<6} {ages[name]:>3}")

print("2 ** 100 =", 2 ** 100)
print("50! =", factorial(50))
print(f"pi is about {355 / 113:.6f}")
