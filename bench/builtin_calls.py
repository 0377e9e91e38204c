# builtin_calls.py — calls of built-in functions and methods of built-in types:
# list.append/pop, dict.get/items, str.join/split, len, min, max, abs, isinstance,
# divmod. Measures the call path from the eval loop into C (LOAD_METHOD on a
# builtin type, CALL of a builtin function, keyword-free argument passing).
N = 720000  # small: 20000

stack = []
d = {}
acc = 0
for i in range(N):
    stack.append(i)
    stack.append(i * 3)
    acc += stack.pop() - stack.pop()
    d[i & 1023] = d.get(i & 255, 0) + 1
    q, r = divmod(i, 7)
    acc += abs(r - q) + min(q, r, 3) + max(r, 2) + len(stack)
    if isinstance(acc, int) and i % 4096 == 0:
        acc += len(",".join([str(q), str(r)]).split(","))
print(acc, len(d), sum(d.values()), sorted(d.items())[:3])
