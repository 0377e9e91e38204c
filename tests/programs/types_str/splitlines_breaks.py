# str.splitlines: every character Python counts as a line break (the ASCII
# controls \n \r \v \f \x1c \x1d \x1e, and \x85, \u2028, \u2029), \r\n as
# one, keepends both ways, breaks at the ends and next to multi-byte text.
breaks = '\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029'
for b in breaks + '\r\n':
    s = 'ab' + b + 'é' + b + b + '€x' + b
    print(repr(b), s.splitlines(), s.splitlines(True))
others = ''.join(chr(c) for c in range(0x20)) + '\x7f\x80\x84\x86\xa0\u2027\u202a'
print([repr(x) for x in others.splitlines(keepends=True)])
print(''.splitlines(), '\r'.splitlines(True), '\r\r\n\n'.splitlines(True), 'x\r\n'.splitlines())
text = ''.join('line %d%s' % (i, breaks[i % len(breaks)]) for i in range(200))
print(len(text.splitlines()), text.splitlines()[-3:], sum(map(len, text.splitlines(True))) == len(text))
