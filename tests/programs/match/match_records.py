# match on user-defined record classes with keyword patterns and __match_args__ inheritance
class Expr:
    pass
class Num(Expr):
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value
class Var(Expr):
    __match_args__ = ("name",)
    def __init__(self, name):
        self.name = name
class BinOp(Expr):
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right
def simplify(e):
    match e:
        case BinOp("+", Num(0), x) | BinOp("+", x, Num(0)):
            return simplify(x)
        case BinOp("*", Num(1), x) | BinOp("*", x, Num(1)):
            return simplify(x)
        case BinOp("*", Num(0), _) | BinOp("*", _, Num(0)):
            return Num(0)
        case BinOp(op, Num(a), Num(b)):
            return Num({"+": a + b, "*": a * b, "-": a - b}[op])
        case BinOp(op, l, r):
            l2, r2 = simplify(l), simplify(r)
            if (l2, r2) != (l, r):
                return simplify(BinOp(op, l2, r2))
            return BinOp(op, l2, r2)
        case _:
            return e
def show(e):
    match e:
        case Num(value=v):
            return str(v)
        case Var(name=n):
            return n
        case BinOp(op=o, left=l, right=r):
            return "(%s %s %s)" % (show(l), o, show(r))
tests = [
    BinOp("+", Num(0), Var("x")),
    BinOp("*", BinOp("+", Num(2), Num(3)), Var("y")),
    BinOp("*", Var("z"), BinOp("-", Num(5), Num(5))),
    BinOp("+", BinOp("*", Num(1), Var("a")), BinOp("*", Var("b"), Num(0))),
    BinOp("-", Var("p"), BinOp("+", Var("q"), Num(0))),
]
for t in tests:
    print(show(t), "=>", show(simplify(t)))
