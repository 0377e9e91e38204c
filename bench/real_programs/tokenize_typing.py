# tokenize over typing.py's source.
import tokenize, io
src = open('/usr/lib/python3.11/typing.py').read()
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print(len(toks))
