# Loops: for, while, break, continue, else, comprehensions.
squares = [n * n for n in range(6) if n % 2 == 0]
print(squares)
count = 0
while True:
    count += 1
    if count == 2:
        continue
    if count > 4:
        break
for word in ["a", "bb", "ccc"]:
    if len(word) == 5:
        break
else:
    print("no five-letter word")
table = {k: v for k, v in zip("abc", range(3))}
print(table, count, {x % 3 for x in range(7)})
