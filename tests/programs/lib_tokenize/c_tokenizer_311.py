# [3.11 only] _tokenize.TokenizerIter(source) of 3.11 (a str, 7-tuples) and tokenize's _generate_tokens_from_c_tokenizer
import _tokenize
import sys
import tokenize

print("_tokenize" in sys.builtin_module_names)
for t in _tokenize.TokenizerIter("x = 1 +\\\n 2\nif x:\n\tpass  # c\n"):
    print(t)
for t in tokenize._generate_tokens_from_c_tokenizer("f(a, *b, **c) -> 0x1f_00 <<= 'é'\n"):
    print(tokenize.tok_name[t.type], repr(t.string), t.start, t.end)
it = _tokenize.TokenizerIter(source="a 1_b")
print(type(it).__name__, next(it))
try:
    next(it)
except SyntaxError as e:
    print("SyntaxError", e.args)
for bad in ((b"a",), (), ("a", "b")):
    try:
        _tokenize.TokenizerIter(*bad)
    except TypeError as e:
        print("TypeError", e)
