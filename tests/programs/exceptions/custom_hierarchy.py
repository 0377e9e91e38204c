# a custom exception hierarchy for a parser, dispatching on the most specific handler
class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(msg, pos)
        self.msg, self.pos = msg, pos
    def __str__(self):
        return "%s at %d" % (self.msg, self.pos)
class LexError(ParseError): pass
class BadChar(LexError): pass
class SyntaxProblem(ParseError): pass
class Unbalanced(SyntaxProblem): pass
def parse(text):
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise Unbalanced("unexpected )", i)
        elif not (ch.isdigit() or ch in "+-* "):
            raise BadChar("bad character %r" % ch, i)
    if depth:
        raise Unbalanced("unclosed (", len(text))
    return "ok"
for t in ["(1+2)*3", "(1+2", "1+2)", "1 $ 2", "((4))"]:
    try:
        print(t, "->", parse(t))
    except LexError as e:
        print(t, "-> lex:", e, type(e).__name__)
    except SyntaxProblem as e:
        print(t, "-> syntax:", e, "pos", e.pos)
errors = []
for t in ["(", ")", "x"]:
    try:
        parse(t)
    except ParseError as e:
        errors.append(e)
print([type(e).__name__ for e in errors])
print([str(e) for e in errors])
print([c.__name__ for c in BadChar.__mro__[:-2]])
