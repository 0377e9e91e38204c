# complex(): an exact complex comes back as itself, Unicode spaces and digits in text, __complex__ returning a subclass warns; format() groups each part's digits
import warnings

c = 3.14 + 1j
print(complex(c) is c)
class Sub(complex):
    pass
s = Sub(1, 2)
print(complex(s) is s, type(complex(s)).__name__, complex(s))
print(complex('\N{EM SPACE}(\N{EN SPACE}1+1j ) '))
print(complex('\N{ARABIC-INDIC DIGIT ONE}+\N{ARABIC-INDIC DIGIT TWO}j'))
for bad in ['1+1j\0j', '\u2000', 'x1j']:
    try:
        complex(bad)
    except ValueError as e:
        print('ValueError', e)

class Returns(complex):
    def __new__(cls, value=0j):
        return complex.__new__(cls, 2 * value)
    def __complex__(self):
        return self
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(complex(Returns(1j)))
    print([str(x.message) for x in w], [x.category.__name__ for x in w])

for spec in ['^40,.2f', ',', '_', '_.3e', ',g', '>30_.1f', '+,']:
    print(repr(format(1.5e20 + 3j, spec)), repr(format(1234567.5 - 1234567j, spec)))
print(format(-0.0 - 9876543.25j, ','))
