# Patterns with more groups than a search keeps on the C stack (their marks are lent from one
# search to the next): searches nested in re.sub's callback, interleaved iterators, errors
import re
def alternation(letters):
    return re.compile('|'.join('(%s)' % c for c in letters))
p20 = alternation('abcdefghijklmnopqrst')          # 20 groups
p30 = alternation('abcdefghijklmnopqrstuvwxyz0123')  # 30 groups
p40 = re.compile(''.join('(%s)?' % c for c in 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'))
def inner(m):
    n = p40.match('abc' + m.group(0) * 2)      # a nested search with more marks than the outer one
    k = p20.search('zz' + m.group(0))
    return '[%s:%s:%s:%s]' % (m.lastindex, n.groups()[:4], n.span(), k and k.lastindex)
print(p30.sub(inner, 'a0b-t3z'))
print(p20.sub(lambda m: p30.sub(lambda m2: str(m2.lastindex), m.group(0) + 'z'), 'abcxt'))
it1 = p30.finditer('c1d2')
it2 = p40.finditer('abcABC')
print([(m.lastindex, m.span()) for m in it1], [(m.span(), m.groups()[:3]) for m in it2])
it1, it2 = p20.finditer('tsr'), p30.finditer('3210')
print([(next(it1).lastindex, next(it2).lastindex) for _ in range(3)], next(it2).lastindex)
def failing(m):
    if m.group(0) == 'c':
        raise ValueError('callback')
    return m.group(0).upper()
try:
    p20.sub(failing, 'abcd')
except ValueError as e:
    print('ValueError', e)
print(p30.sub(failing, 'abd'), p40.fullmatch('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN').lastindex)
sc = p30.scanner('xa1')
print(sc.match(), sc.search().lastindex, p20.match('s').lastindex, sc.search().lastindex, sc.search())
print(p40.match('').groups()[:2], p40.match('A').regs[27], [m.lastindex for m in p20.finditer('q' * 40)][-3:])
