# arithmetic expression tokenizer, Pratt parser, minimal-parenthesis pretty printer, evaluator, derivative
class Tok:
    def __init__(self, kind, val):
        self.kind, self.val = kind, val
    def __repr__(self):
        return "Tok(%s,%r)" % (self.kind, self.val)
class ParseError(Exception):
    pass
def tokenize(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(s) and (s[j].isdigit() or s[j] == "."):
                j += 1
            text = s[i:j]
            out.append(Tok("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            out.append(Tok("id", s[i:j]))
            i = j
        elif c in "+-*/^(),":
            out.append(Tok("op", c))
            i += 1
        else:
            raise ParseError("bad char %r at %d" % (c, i))
    out.append(Tok("end", None))
    return out
BIN = {"+": (10, "L"), "-": (10, "L"), "*": (20, "L"), "/": (20, "L"), "^": (30, "R")}
class Parser:
    def __init__(self, text):
        self.toks, self.i = tokenize(text), 0
    def peek(self):
        return self.toks[self.i]
    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t
    def parse(self):
        e = self.expr(0)
        if self.peek().kind != "end":
            raise ParseError("trailing input at token %r" % (self.peek(),))
        return e
    def expr(self, min_prec):
        left = self.prefix()
        while True:
            t = self.peek()
            if t.kind != "op" or t.val not in BIN:
                return left
            prec, assoc = BIN[t.val]
            if prec < min_prec:
                return left
            self.next()
            right = self.expr(prec + 1 if assoc == "L" else prec)
            left = (t.val, left, right)
    def prefix(self):
        t = self.next()
        if t.kind == "num":
            return t.val
        if t.kind == "id":
            if self.peek().val == "(":
                self.next()
                arg = self.expr(0)
                if self.next().val != ")":
                    raise ParseError("expected )")
                return ("call", t.val, arg)
            return t.val
        if t.val == "-":
            return ("neg", self.expr(25))
        if t.val == "(":
            e = self.expr(0)
            if self.next().val != ")":
                raise ParseError("expected )")
            return e
        raise ParseError("unexpected %r" % (t,))
def prec_of(e):
    if isinstance(e, tuple):
        if e[0] == "neg":
            return 25
        if e[0] == "call":
            return 40
        return BIN[e[0]][0]
    return 50
def pretty(e):
    if not isinstance(e, tuple):
        return str(e)
    if e[0] == "neg":
        inner = pretty(e[1])
        return "-" + ("(%s)" % inner if prec_of(e[1]) < 25 else inner)
    if e[0] == "call":
        return "%s(%s)" % (e[1], pretty(e[2]))
    op, l, r = e
    p, assoc = BIN[op]
    ls, rs = pretty(l), pretty(r)
    if prec_of(l) < p or (prec_of(l) == p and assoc == "R"):
        ls = "(" + ls + ")"
    if prec_of(r) < p or (prec_of(r) == p and assoc == "L"):
        rs = "(" + rs + ")"
    return "%s %s %s" % (ls, op, rs)
FUNCS = {"sq": lambda x: x * x, "half": lambda x: x / 2, "abs": abs}
def evaluate(e, env):
    if isinstance(e, (int, float)):
        return e
    if isinstance(e, str):
        if e not in env:
            raise NameError("unbound " + e)
        return env[e]
    if e[0] == "neg":
        return -evaluate(e[1], env)
    if e[0] == "call":
        return FUNCS[e[1]](evaluate(e[2], env))
    a, b = evaluate(e[1], env), evaluate(e[2], env)
    return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else float("inf"), "^": a ** b if b >= 0 or a else 0}[e[0]]
def simplify(e):
    if not isinstance(e, tuple) or e[0] in ("call",):
        return e
    if e[0] == "neg":
        x = simplify(e[1])
        return -x if isinstance(x, (int, float)) else ("neg", x)
    op, l, r = e[0], simplify(e[1]), simplify(e[2])
    if isinstance(l, (int, float)) and isinstance(r, (int, float)) and op != "/":
        return evaluate((op, l, r), {})
    if op == "*" and (l == 0 or r == 0):
        return 0
    if op == "*" and l == 1:
        return r
    if op in "*/^" and r == 1:
        return l
    if op == "+" and l == 0:
        return r
    if op in "+-" and r == 0:
        return l
    return (op, l, r)
def deriv(e, x):
    if isinstance(e, (int, float)):
        return 0
    if isinstance(e, str):
        return 1 if e == x else 0
    if e[0] == "neg":
        return ("neg", deriv(e[1], x))
    if e[0] == "call":
        raise ParseError("cannot differentiate " + e[1])
    op, a, b = e
    if op in "+-":
        return (op, deriv(a, x), deriv(b, x))
    if op == "*":
        return ("+", ("*", deriv(a, x), b), ("*", a, deriv(b, x)))
    if op == "/":
        return ("/", ("-", ("*", deriv(a, x), b), ("*", a, deriv(b, x))), ("^", b, 2))
    if op == "^" and isinstance(b, int):
        return ("*", ("*", b, ("^", a, b - 1)), deriv(a, x))
    raise ParseError("unsupported power")
CASES = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "(2 ^ 3) ^ 2", "a - (b - c)", "a - b - c",
         "-x ^ 2", "(-x) ^ 2", "x * (y + z) / (w - 1)", "sq(x + 1) - half(y)", "((((7))))",
         "x ^ 3 + 2 * x ^ 2 - 5 * x + 1", "1.5 * x / (x + 0.5)", "3 $ 4", "(1 + 2", "1 2"]
env = {"a": 10, "b": 4, "c": 1, "x": 3, "y": 8, "z": 2, "w": 5}
for src in CASES:
    try:
        tree = Parser(src).parse()
        print("%-30s => %-28s = %r" % (src, pretty(tree), evaluate(tree, env)))
    except ParseError as e:
        print("%-30s => parse error: %s" % (src, e))
for src in ["x ^ 3 + 2 * x ^ 2 - 5 * x + 1", "x * x * x", "1 / x", "(x + 1) * (x - 1)"]:
    d = simplify(deriv(Parser(src).parse(), "x"))
    print("d/dx", src, "=", pretty(d), "| at x=3:", evaluate(d, {"x": 3}))
print(tokenize("sq(2.5)*x"))
