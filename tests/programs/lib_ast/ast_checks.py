# ast: feature_version grammar checks, the int digits limit, AST() argument errors, Constant validation, node class order
import ast
import sys

for src, version in [("(a := 1)", (3, 7)), ("def f(a, /): pass", (3, 7)), ("f'{x=}'", (3, 7)),
                     ("with (a, b): pass", (3, 8)), ("try: pass\nexcept* E: pass", (3, 10)),
                     ("(a := 1)", (3, 8)), ("x = 1", (3, 4))]:
    try:
        ast.parse(src, feature_version=version)
        print(version, "ok")
    except SyntaxError as e:
        print(version, "SyntaxError", e.msg, e.lineno)

sys.set_int_max_str_digits(4000)
print(len(str(ast.literal_eval("3" * 4000))))
try:
    ast.literal_eval("3" * 4001)
except SyntaxError as e:
    print("SyntaxError", e.msg[:60])
sys.set_int_max_str_digits(0)
print(len(str(eval("7" * 5000))))
sys.set_int_max_str_digits(4300)

for make in (lambda: ast.AST(2), lambda: ast.Constant(1, value=2), lambda: ast.Name("x", ast.Load(), 3),
             lambda: ast.Constant(1, kind=None, value=3)):
    try:
        make()
        print("made")
    except TypeError as e:
        print("TypeError", e)


class subint(int):
    pass


for c in (int, (1, 2, int), frozenset((1, 2, int)), subint(), [1], ..., (1, (2, b"x"), frozenset({3.5}))):
    e = ast.Expression(body=ast.Constant(c))
    ast.fix_missing_locations(e)
    try:
        print(eval(compile(e, "<t>", "eval")))
    except TypeError as x:
        print("TypeError", x)

print([c.__name__ for c in ast.expr.__subclasses__()][:6])
print([c.__name__ for c in ast.stmt.__subclasses__()][:6])
print(ast.expr.__doc__.split("\n")[:2])
