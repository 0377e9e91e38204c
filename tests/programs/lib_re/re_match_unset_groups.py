# A Match's groups after the last one that took part: every accessor sees them unset (-1, None,
# the default), whether the match stored their marks or not
import re
p = re.compile(r'(a)|(b)(c)?|(?P<d>d)(?P<e>e)?(f)?')
for s in ['a', 'b', 'bc', 'd', 'de', 'def', 'x']:
    m = p.match(s)
    if m is None:
        print(s, None)
        continue
    print(s, m.groups(), m.groups('-'), m.groupdict(), m.groupdict(0), m.regs, m.lastindex, m.lastgroup)
    print('  ', [m.span(g) for g in range(p.groups + 1)], [m.start(g) for g in range(p.groups + 1)],
          [m.end(g) for g in range(p.groups + 1)], [m[g] for g in range(p.groups + 1)], m.group(0, 6, 'e'))
    print('  ', m.expand(r'[\g<0>|\6|\g<e>|\1]'), repr(m), m.span('d'), m.end('e'))
    try:
        m.group(7)
    except IndexError as e:
        print('  IndexError', e)
q = re.compile(r'(x(y)?)+|(z)')
for s in ['xyx', 'xx', 'z', 'xyxyz']:
    m = q.match(s)
    print(s, m.groups(), m.regs, m.lastindex)
print(re.sub(r'(\d)|(x)(y)?', lambda m: repr(m.groups()) + str(m.span(3)), 'a1bxcxyd'))
print([m.groups() for m in re.finditer(r'(a)|(b)|(c)', 'cab')], re.findall(r'(a)|(b)|(c)', 'cab'))
print(re.fullmatch(r'(q)?(r)?', '').groups(), re.search(r'((((((((((k))))))))))?z', 'kz').groups())
many = re.compile('|'.join('(%s)' % chr(ord('a') + i) for i in range(26)))
print(many.match('c').regs[:5], many.match('z').span(26), many.match('a').span(26), many.match('a').lastindex)
