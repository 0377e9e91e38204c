# operator: the operators as functions, in-place forms, item access, itemgetter/attrgetter (dotted)/methodcaller and their reprs, errors
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul('ab', 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-3.5), operator.invert(5))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 10), operator.rshift(1024, 3))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.index(True))
print(operator.concat([1], [2]), operator.contains('hello', 'ell'), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
l = [1, 2, 3]
operator.setitem(l, 0, 'x')
operator.delitem(l, 1)
print(l, operator.getitem(l, -1), operator.getitem('abcdef', slice(1, 4)))
a = [1]
print(operator.iadd(a, [2]), a, operator.iadd(1, 2), operator.imul('ab', 2))
g = itemgetter(1)
g2 = itemgetter(0, 2)
print(g('abc'), g2('abc'), g, g2, itemgetter('k')({'k': 9}))
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=itemgetter(1)))
print(attrgetter('start')(range(3, 5)), attrgetter('real', 'imag')(1 + 2j), attrgetter('__class__.__name__')(5), attrgetter('x.y'))
m = methodcaller('replace', 'a', 'b')
print(m('banana'), m, methodcaller('split')('a b  c'), methodcaller('count', 'a')('banana'))
print(methodcaller('format', 1, x=2))
try:
    operator.concat(1, 2)
except TypeError as e:
    print(e)
try:
    operator.indexOf([1], 5)
except ValueError as e:
    print(e)
