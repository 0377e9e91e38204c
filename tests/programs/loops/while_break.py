# while loops with break, continue and else.
n = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)
print("stopped at", n)
i = 0
while i < 3:
    print("i =", i)
    i += 1
else:
    print("while-else runs when the condition becomes false")
j = 0
while True:
    j += 1
    if j == 4:
        break
else:
    print("not printed")
print("j =", j)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz(27) steps", steps)
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
count = 0
outer = 0
while outer < 5:
    inner = 0
    while inner < outer:
        count += inner
        inner += 1
    outer += 1
print("count", count)
