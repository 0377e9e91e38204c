# _ast: trees parsed by the compile service, built by hand, compiled back (compile() with PyCF_ONLY_AST and an AST source).
import _ast
t = compile("x = 1 + 2*y\nprint(x, 'hi', ...)\n", "<t>", "exec", _ast.PyCF_ONLY_AST)
print(type(t).__name__, type(t).__module__, len(t.body))
a = t.body[0]
print(type(a).__name__, a.lineno, a.col_offset, a.end_lineno, a.end_col_offset)
print(type(a.value).__name__, type(a.value.op).__name__, a.value.left.value, a.value.right.left.value)
print(a.targets[0].id, type(a.targets[0].ctx).__name__)
print(t.body[1].value.args[2].value)
print(_ast.BinOp._fields, _ast.expr._attributes, _ast.Return().value, _ast.Name().end_lineno)
print(_ast.AST._fields, _ast.BinOp.__match_args__, _ast.BinOp.__doc__)
print(_ast.BinOp.__mro__)
try:
    _ast.BinOp(1, 2, 3, 4)
except TypeError as e:
    print(e)
n = _ast.Name("q", _ast.Load(), lineno=3)
print(n.id, n.lineno, n.__dict__ == {'id': 'q', 'ctx': n.ctx, 'lineno': 3})
print(n.__reduce__()[0].__name__, n.__reduce__()[1])
try:
    n.col_offset
except AttributeError as e:
    print("AttributeError", e)
code = compile(t, "<t>", "exec")
y = 5
exec(code)
e = compile("a if b else [c, *d]", "<e>", "eval", _ast.PyCF_ONLY_AST)
print(type(e).__name__, type(e.body).__name__)
print(eval(compile(e, "<e>", "eval"), {"a": 1, "b": 0, "c": 2, "d": (3, 4)}))
print(compile(e, "<e>", "eval", _ast.PyCF_ONLY_AST) is e)
big = compile("z = 123456789012345678901234567890 + 1.5e300j + -0.0 + 1e999", "<b>", "exec", _ast.PyCF_ONLY_AST)
print([getattr(x, 'value', None) for x in [big.body[0].value.left.left.left, big.body[0].value.right]])
exec(compile(big, "<b>", "exec")); print(z)
m = _ast.Module(body=[_ast.Expr(value=_ast.Call(func=_ast.Name(id='print', ctx=_ast.Load()), args=[_ast.Constant(value=(1, 'a'))], keywords=[]))], type_ignores=[])
try:
    compile(m, "<m>", "exec")
except TypeError as e:
    print("TypeError", e)
class Fix:
    pass
def fix(node, line=1):
    for name in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
        pass
    return node
for node in [m, m.body[0], m.body[0].value, m.body[0].value.func, m.body[0].value.args[0]]:
    if 'lineno' in type(node)._attributes:
        node.lineno = 1; node.col_offset = 0; node.end_lineno = 1; node.end_col_offset = 1
exec(compile(m, "<m>", "exec"))
try:
    compile("x = (", "<s>", "exec", _ast.PyCF_ONLY_AST)
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno, e.offset)
try:
    compile(big, "<e>", "bogus", _ast.PyCF_ONLY_AST)
except ValueError as err:
    print("ValueError", err)
# Constants of every kind marshal carries cross to the compiler and back.
for value in (-2**70, 2**64 - 1, -(2**31), 2**31, frozenset({1, 2}), b"\x00\xff", "\udc80x", 3 - 4j, (1, (2, "x")), None, True):
    node = _ast.Expression(body=_ast.Constant(value=value, lineno=1, col_offset=0, end_lineno=1, end_col_offset=1))
    print(repr(eval(compile(node, "<c>", "eval"))))
