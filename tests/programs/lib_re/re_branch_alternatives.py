# Alternations whose alternatives start with a literal or a set: the ones the character at the
# position rules out are passed over untried; at the end of the subject, every such one
import re
cases = [
    (r'a|b|c', ['a', 'b', 'c', 'd', '']),
    (r'(?:ab|ac|ad|[x-z]q|)e', ['abe', 'ade', 'yqe', 'e', 'xe', '']),
    (r'(ab|a|[ab]c|\w+)$', ['ab', 'a', 'bc', 'cc', 'zz9', '']),
    (r'(?:(x)|(y)|(z))+', ['xyzzyx', 'xq', 'q', '']),
    (r'(a|ab)(c|bcd)(d*)', ['abcd', 'acd', 'abd']),
    (r'(?:\+=|\+|-=|->|-|\*\*=|\*\*|\*=|\*)', ['+=', '+', '->', '-', '**=', '**', '*', '/']),
    (r'(?:[^\n\'\\]|\\.)*\'|x', ["abc'", "a\\'b'", 'x', "\n'"]),
    (r'(?i)(?:ab|Ac|AD)', ['aB', 'AC', 'ad', 'ae']),
    (r'(?:é|ü|ß|\u4e2d|\U0001f600)+', ['éü', 'ßx', '\u4e2d\U0001f600é', 'e']),
    (r'(?:(a)|b)*?c', ['ababc', 'c', 'abab']),
    (r'(?:a|b)(?=c)|d', ['ac', 'bd', 'd']),
]
for pattern, subjects in cases:
    p = re.compile(pattern)
    for s in subjects:
        m = p.match(s)
        print(repr(pattern), repr(s), m and (m.group(0), m.groups(), m.span()),
              p.fullmatch(s) is not None, [m.span() for m in p.finditer(s)])
bp = re.compile(rb'(?:ab|a[\x80-\xff]|\xff|)z')
for s in [b'abz', b'a\x90z', b'\xffz', b'z', b'']:
    m = bp.match(s)
    print(s, m and m.span())
import tokenize, io
src = "x = r'a\\'b' + b\"y\" ** 2 -> 0x1F; a //= b @ c ... \n"
print([t.string for t in tokenize.generate_tokens(io.StringIO(src).readline)])
