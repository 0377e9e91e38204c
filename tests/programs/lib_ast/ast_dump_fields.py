# ast.dump of parsed trees (3.14's reads each class's _field_types to leave out empty lists) and the _field_types of node classes (3.13+)
import ast
for n in ("AST", "Load", "expr_context", "Pass", "expr", "stmt", "mod", "Name", "ImportFrom", "arguments", "Constant",
          "MatchSingleton", "Dict", "FormattedValue", "comprehension", "TypeIgnore", "type_ignore", "Module", "alias",
          "keyword", "MatchValue", "Compare", "Call", "ClassDef"):
    c = getattr(ast, n)
    print(n, c.__dict__.get('_field_types', 'none'))
print(ast.dump(ast.parse("from . import (a as b)\nf(x, *y, k=1)\n[i for i in j if i]\n")))
print(ast.dump(ast.parse("def f(a, /, b=1, *c, d, **e): pass"), indent=1))
print(ast.dump(ast.parse("class C(B, metaclass=M):\n    x: int = 3\n    del x\n"), include_attributes=True)[:300])
print(ast.dump(ast.Module(body=[], type_ignores=[])), ast.dump(ast.Name(id='x')))
