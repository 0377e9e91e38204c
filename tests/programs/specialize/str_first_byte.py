# Comparing the characters of a str with one-character constants, as a
# hand-written JSON encoder does (bench/records.py): two strs whose first
# bytes differ are unequal, and ordered by those bytes (UTF-8 orders as the
# code points do; an empty str's first byte is its terminating NUL).


def encode_str(s):
    out = ['"']
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch < " ":
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


samples = ['plain', 'say "hi"', 'back\\slash', 'tab\there', 'nul\x00end', '\x1f\x7f',
           'caf\xe9', '\xff\xfe', '\u0100\u20ac', '\U0001f600 x', '']
for s in samples:
    print(repr(encode_str(s)))

text = 'a"\\\x00 \x7f\x80\xe9\xff\u0100\u07ff\u0800\U00010000'
print([c == '"' for c in text], [c != '\xe9' for c in text], [c == '' for c in text])
print([c == d for c in text for d in ('\x00', '\xff', '\u0100', '\U00010000', 'ab')])

# Ordering: first bytes that differ decide; equal first bytes go on.
words = ['', '\x00', '\x00a', ' ', '!', 'a', 'ab', 'b', '\x7f', '\x80', '\xe9', '\xff',
         '\u0100', '\u07ff', '\u0800', '\uffff', '\U00010000', 'a\x00', 'a\xe9', 'a\u0100']
for x in words:
    print(''.join('<' if x < y else '>' if x > y else '=' for y in words),
          ''.join('1' if x <= y else '0' for y in words),
          ''.join('1' if x >= y else '0' for y in words))
print(sorted(words, reverse=True) == sorted(words)[::-1])
