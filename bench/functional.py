# functional.py — a closure-heavy functional program: a parser-combinator library
# (every parser is a closure built by higher-order functions), used to parse
# generated arithmetic programs with let-bindings and lambdas; the parsed trees
# are compiled into nested closures and run; plus currying, composition,
# functools.partial and reduce, and a memoizing decorator. Measures closure
# creation (MAKE_FUNCTION with free variables), calls through cells
# (LOAD_DEREF), lambdas, calls of function objects held in variables and
# containers, functools.partial/reduce, and tuples as results.
from functools import partial, reduce

N = 800  # small: 6


# ---- parser combinators: a parser takes (text, pos) and returns (value, pos) or None

def char_where(pred):
    def parse(text, pos):
        if pos < len(text) and pred(text[pos]):
            return text[pos], pos + 1
        return None
    return parse


def literal(s):
    n = len(s)

    def parse(text, pos):
        if text.startswith(s, pos):
            return s, pos + n
        return None
    return parse


def seq(*parsers):
    def parse(text, pos):
        values = []
        for p in parsers:
            r = p(text, pos)
            if r is None:
                return None
            values.append(r[0])
            pos = r[1]
        return values, pos
    return parse


def alt(*parsers):
    def parse(text, pos):
        for p in parsers:
            r = p(text, pos)
            if r is not None:
                return r
        return None
    return parse


def many(p, at_least=0):
    def parse(text, pos):
        values = []
        while True:
            r = p(text, pos)
            if r is None:
                break
            values.append(r[0])
            pos = r[1]
        if len(values) < at_least:
            return None
        return values, pos
    return parse


def fmap(f, p):
    def parse(text, pos):
        r = p(text, pos)
        return None if r is None else (f(r[0]), r[1])
    return parse


def lazy(thunk):
    cache = []

    def parse(text, pos):
        if not cache:
            cache.append(thunk())
        return cache[0](text, pos)
    return parse


def token(p):
    spaces = many(char_where(lambda c: c == " "))
    return fmap(lambda v: v[1], seq(spaces, p, spaces))


def chain_left(operand, operator):
    """operand (operator operand)*, folded to the left."""
    rest = many(seq(operator, operand))
    return fmap(lambda v: reduce(lambda acc, pair: (pair[0], acc, pair[1]), v[1], v[0]),
                seq(operand, rest))


digit = char_where(str.isdigit)
letter = char_where(str.isalpha)
number = token(fmap(lambda ds: ("num", int("".join(ds))), many(digit, 1)))
name = token(fmap(lambda cs: "".join(cs), many(letter, 1)))
variable = fmap(lambda n: ("var", n), name)
sym = lambda s: token(literal(s))

expr = lazy(lambda: alt(let_expr, fun_expr, sum_expr))
parens = fmap(lambda v: v[1], seq(sym("("), expr, sym(")")))
atom = alt(number, parens, variable)
call = fmap(lambda v: reduce(lambda f, a: ("call", f, a), v[1], v[0]),
            seq(atom, many(fmap(lambda v: v[1], seq(sym("("), expr, sym(")"))))))
product = chain_left(call, alt(sym("*"), sym("%")))
sum_expr = chain_left(product, alt(sym("+"), sym("-")))
let_expr = fmap(lambda v: ("let", v[1], v[3], v[5]),
                seq(sym("let"), name, sym("="), expr, sym("in"), expr))
fun_expr = fmap(lambda v: ("fun", v[1], v[3]), seq(sym("fn"), name, sym("=>"), expr))


# ---- compile a tree into closures: env is a tuple chain (name, value, outer)

def lookup(env, n):
    while env is not None:
        if env[0] == n:
            return env[1]
        env = env[2]
    raise NameError(n)


OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
       "*": lambda a, b: a * b, "%": lambda a, b: a % b if b else 0}


def compile_tree(tree):
    tag = tree[0]
    if tag == "num":
        value = tree[1]
        return lambda env: value
    if tag == "var":
        n = tree[1]
        return lambda env: lookup(env, n)
    if tag == "let":
        n, bound, body = tree[1], compile_tree(tree[2]), compile_tree(tree[3])
        return lambda env: body((n, bound(env), env))
    if tag == "fun":
        n, body = tree[1], compile_tree(tree[2])
        return lambda env: (lambda arg: body((n, arg, env)))
    if tag == "call":
        f, a = compile_tree(tree[1]), compile_tree(tree[2])
        return lambda env: f(env)(a(env))
    op, left, right = OPS[tag], compile_tree(tree[1]), compile_tree(tree[2])
    return lambda env: op(left(env), right(env)) % 1000003


# ---- generated programs

def make_program(seed, depth):
    state = [seed]

    def rnd(n):
        state[0] = (state[0] * 69069 + 1) % 4294967296
        return (state[0] >> 8) % n

    def gen(d, names):
        r = rnd(10)
        if d == 0 or r < 2:
            if names and rnd(2):
                return names[rnd(len(names))]
            return str(rnd(100))
        if r < 4:
            n = "v" + "abcdefgh"[rnd(8)]
            return "(let %s = %s in %s)" % (n, gen(d - 1, names), gen(d - 1, names + [n]))
        if r < 5:
            n = "x" + "abcd"[rnd(4)]
            return "(fn %s => %s)(%s)" % (n, gen(d - 1, names + [n]), gen(d - 1, names))
        return "(%s %s %s)" % (gen(d - 1, names), "+-*%"[rnd(4)], gen(d - 1, names))

    return gen(depth, [])


# ---- small functional utilities

def compose(*fs):
    return reduce(lambda f, g: lambda x: g(f(x)), fs, lambda x: x)


def curry(f, arity):
    def curried(*args):
        if len(args) >= arity:
            return f(*args)
        return lambda *more: curried(*(args + more))
    return curried


def memoize(f):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper


@memoize
def partitions(n):
    """Number of partitions of n (Euler's pentagonal recurrence)."""
    if n < 0:
        return 0
    if n == 0:
        return 1
    total = 0
    k = 1
    while True:
        g1 = k * (3 * k - 1) // 2
        if g1 > n:
            break
        sign = 1 if k % 2 else -1
        total += sign * (partitions(n - g1) + partitions(n - k * (3 * k + 1) // 2))
        k += 1
    return total


results = []
sizes = 0
for i in range(N):
    source = make_program(i + 1, 6)
    parsed = expr(source, 0)
    assert parsed is not None and parsed[1] == len(source), source
    run = compile_tree(parsed[0])
    results.append(run(None))
    sizes += len(source)
print("programs", N, "chars", sizes, "sum", sum(results) % 1000003, results[:6])

add3 = curry(lambda a, b, c: a + b + c, 3)
scale = partial(lambda k, x: k * x % 65521, 7)
pipeline = compose(add3(1)(2), scale, lambda x: x ^ 0x55, partial(pow, 3, mod=65521))
values = list(map(pipeline, range(N * 200)))
evens = list(filter(lambda v: v % 2 == 0, values))
print("pipeline", len(evens), reduce(lambda a, b: (a * 31 + b) % 1000000007, values, 0))
print("partitions", [partitions(n) for n in (10, 50, min(N, 300))])
