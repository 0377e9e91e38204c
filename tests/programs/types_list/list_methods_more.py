# list methods: append/extend/insert/remove/pop/index/count/sort/reverse/copy/clear
l = [5, 3, 8]
l.append(1)
l.extend((9, 2))
l.insert(0, 7)
l.insert(100, 0)
l.insert(-1, 4)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(8)
print(l, l.index(1), l.index(3, 0, 3), l.count(3), [1, 1, 2].count(1))
l.sort()
print(l)
l.sort(reverse=True)
print(l)
l.reverse()
print(l)
words = ["banana", "Cherry", "apple", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort(key=lambda p: p[0])
print(pairs)
c = l.copy()
c.append(99)
print(l, c)
c.clear()
print(c)
for bad in [lambda: [].pop(), lambda: [1].remove(5), lambda: [1].index(2), lambda: [1, "a"].sort(), lambda: [1].pop(5)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
m = [1, 2, 3]
m += "ab"
print(m, m * 2, [0] * 3, [[0] * 2] * 2)
x = [3, 1, 2]
print(sorted(x), x, x.sort(), x)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2.0])
nested = [[1, 2], [3]]
shallow = nested.copy()
shallow[0].append(99)
print(nested)
print(list(range(3)) + list("xy"), len([]), [None] * 2)
