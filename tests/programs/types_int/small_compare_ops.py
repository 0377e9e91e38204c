# The six comparisons between ints, alone, as the deciding items of tuples
# and lists, and across the edge of the small (tagged) range, where a
# comparison meets a boxed int.
import operator
ops = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
edge = 2 ** 62                          # pvm's tagged ints end below it (not sys.maxsize: 3.14's oracle is 32-bit)
values = [-3, -1, 0, 1, 2, edge - 1, edge, edge + 1, -edge - 1, -edge - 2, 2 ** 70, True, False]
rows = []
for a in values:
    for b in values:
        rows.append(''.join('1' if op(a, b) else '0' for op in ops) +
                    ''.join('1' if op((7, a), (7, b)) else '0' for op in ops) +
                    ''.join('1' if op([a, 9], [b, 8]) else '0' for op in ops))
print(len(rows), sum(r.count('1') for r in rows))
print(rows[:6])
print(sorted([(i % 3, -i) for i in range(10)]))
print(sorted(values))
print(max((1, 2), (1, 3)), min([5, 0], [5, -1]), (1, 2) < (1, 2, 0), (1, 2) >= (1,))
