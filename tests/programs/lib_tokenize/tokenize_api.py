# tokenize: generate_tokens and tokenize (bytes, encoding cookie), f-strings, TokenError, untokenize, inspect.getsource
import inspect
import io
import tokenize

src = 'def f(a, *, b=1):\n    return f"x{a!r:>3}" + \'\'\'y\'\'\'  # note\n'
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)
data = b'# -*- coding: latin-1 -*-\nname = "caf\xe9"\n'
toks = list(tokenize.tokenize(io.BytesIO(data).readline))
print(toks[0].string, [t.string for t in toks if t.type == tokenize.STRING])
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("x=1+2\n").readline)))
try:
    list(tokenize.generate_tokens(io.StringIO("x = (1,\n").readline))
except tokenize.TokenError as e:
    print("TokenError", e.args[0])


def g(x):
    return x  # the body


print(inspect.getsource(g), end="")
print(inspect.getsourcelines(g)[1])
