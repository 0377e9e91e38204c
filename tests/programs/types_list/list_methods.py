# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear, and their ValueError and IndexError messages
l = [3, 1, 2]
l.append(4); l.extend((5, 6)); l.insert(0, 0); l.insert(-1, 9); l.insert(100, 7)
print(l, l.pop(), l.pop(0), l.pop(-2), l)
l.remove(9); print(l, l.index(2), l.index(2, 1), l.count(1), l.count(42))
l.reverse(); print(l)
c = l.copy(); l.clear(); print(l, c, c is not l)
for f, a in (("remove", 42), ("index", 42), ("pop", None)):
    try:
        getattr([], f)(a) if a is not None else [].pop()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
try:
    [1, 2, 3].index(1, 1)
except ValueError as e:
    print(e)
