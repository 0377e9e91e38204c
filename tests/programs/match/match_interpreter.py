# match used to evaluate a tiny expression tree of tuples
def ev(node, env):
    match node:
        case int() | float() as n:
            return n
        case str(name):
            return env[name]
        case ("neg", x):
            return -ev(x, env)
        case ("+", a, b):
            return ev(a, env) + ev(b, env)
        case ("*", a, b):
            return ev(a, env) * ev(b, env)
        case ("-", a, b):
            return ev(a, env) - ev(b, env)
        case ("let", str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ("if", cond, then, other):
            return ev(then, env) if ev(cond, env) else ev(other, env)
        case (op, *args):
            raise ValueError("bad operator %r with %d args" % (op, len(args)))
        case _:
            raise TypeError("bad node %r" % (node,))
def show(node):
    match node:
        case (op, a, b) if op in "+-*":
            return "(%s %s %s)" % (show(a), op, show(b))
        case ("neg", x):
            return "-" + show(x)
        case ("let", n, v, body):
            return "let %s = %s in %s" % (n, show(v), show(body))
        case ("if", c, t, e):
            return "if %s then %s else %s" % (show(c), show(t), show(e))
        case _:
            return str(node)
progs = [
    ("+", 1, ("*", 2, 3)),
    ("let", "x", 5, ("*", "x", ("neg", "x"))),
    ("if", ("-", "y", 2), ("+", "y", 100), 0),
    ("let", "a", 2.5, ("let", "b", ("*", "a", 4), ("-", "b", "a"))),
    ("%", 1, 2),
    [1, 2],
]
for p in progs:
    try:
        print(show(p), "=>", ev(p, {"y": 2}))
    except (ValueError, TypeError) as e:
        print(show(p), "=> error:", e)
