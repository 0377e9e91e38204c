# string (CPython's Lib/string.py over _string): constants, capwords, Template, Formatter
import string
print(string.ascii_letters, string.capwords(' hello   world '), string.capwords('a-b', '-'))
t = string.Template('$who likes ${what} $$')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
print(t.get_identifiers(), t.is_valid())
f = string.Formatter()
print(f.format('{0}-{x!r:>5}-{y[1]}-{z.real}', 1, x='a', y=[1, 2], z=3j))
print(list(f.parse('a{0:{1}}b')))
try: string.Template('$1').substitute()
except ValueError as e: print(e)
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, '<%s>' % key) if isinstance(key, str) else args[key]
print(Upper().format('{a}|{b:>4}|{0!s}|{c.imag}', 'q', a='x', c=2j))
print(string.Formatter().vformat('{}{}', (1, 2), {}))
try: string.Formatter().format('{}{0}', 1, 2)
except ValueError as e: print(e)
print(string.Template('$a $b').safe_substitute({'a': 1}), string.Template('${a}x').substitute(a=2))
class Pct(string.Template):
    delimiter = '%'
print(Pct('%who is %{what}').substitute(who='he', what='here'))
try: string.Template('$x').substitute()
except KeyError as e: print('KeyError', e)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(len(string.printable), string.ascii_lowercase, string.ascii_uppercase)
