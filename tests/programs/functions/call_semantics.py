# argument passing by object reference, rebinding vs mutation, keyword argument order
def mutate(lst, d):
    lst.append("added")
    d["new"] = True
    lst = ["rebound"]
    d = {}
    return lst, d
L, D = [1], {"k": 0}
print(mutate(L, D), L, D)
def kwargs_order(**kw):
    return list(kw)
print(kwargs_order(z=1, a=2, m=3), kwargs_order(**{"b": 1}, a=2))
def early_return(n):
    if n < 0:
        return
    if n == 0:
        return 0, "zero"
    return n
print(early_return(-1), early_return(0), early_return(5))
def mutual_even(n):
    return True if n == 0 else mutual_odd(n - 1)
def mutual_odd(n):
    return False if n == 0 else mutual_even(n - 1)
print(mutual_even(10), mutual_odd(7), mutual_even(7))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(2, n) for n in range(5)], ackermann(3, 3))
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves
print(hanoi(3, "A", "C", "B", []), len(hanoi(10, "A", "C", "B", [])))
def swap(pair):
    a, b = pair
    return b, a
print(swap((1, 2)), swap("xy"))
def ret_multiple():
    return 1, [2], {"three": 3}
x, y, z = ret_multiple()
print(x, y, z)
f = print
f("functions are values", end=" ")
f("too")
