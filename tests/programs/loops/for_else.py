# for loops over ranges, with break/continue/else and nested loops.
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print((i, j), end=" ")
print()
found = None
for word in ["alpha", "beta", "gamma", "delta"]:
    if "m" in word:
        found = word
        break
print("found", found)
for x in []:
    print("never")
else:
    print("empty loop else")
total = 0
for i in range(100):
    if i % 3 and i % 5:
        continue
    total += i
print("total", total)
for i in range(3):
    pass
print("i after loop", i)
