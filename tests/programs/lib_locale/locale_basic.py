# _locale under Lib/locale.py: setlocale queries and changes, localeconv, nl_langinfo, strcoll/strxfrm, format_string/atof/currency, errors
import locale, _locale
print(locale.setlocale(locale.LC_CTYPE), locale.getencoding(), locale.getpreferredencoding(False))
print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_COLLATE), locale.getlocale(locale.LC_NUMERIC))
for cat, name in [(locale.LC_ALL, 'C'), (locale.LC_NUMERIC, 'C.UTF-8'), (locale.LC_TIME, 'POSIX'), (locale.LC_ALL, 'C.utf8')]:
    print(locale.setlocale(cat, name), '|', locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_ALL, ('C', 'UTF-8')) in ('C.UTF-8', 'C.utf8'), locale.getlocale())
locale.setlocale(locale.LC_ALL, 'C')
print(locale.setlocale(locale.LC_ALL), locale.getlocale(), locale.getencoding())
for args in [(locale.LC_ALL, 'xx_YY.NOPE'), (99, 'C'), (99,), (locale.LC_ALL, 1), ('x',)]:
    try:
        print(_locale.setlocale(*args))
    except (locale.Error, TypeError) as e:
        print(type(e).__name__, e)
try:
    locale.setlocale(locale.LC_ALL, 'de_DE@bogus')
except locale.Error as e:
    print('Error', e)
print(locale.localeconv())
print(locale.Error, issubclass(locale.Error, Exception), locale.CHAR_MAX)
names = sorted(n for n in dir(_locale) if n.isupper() and not n.startswith('LC_') and n != 'CHAR_MAX')
for n in names:
    print(n, repr(locale.nl_langinfo(getattr(_locale, n))))
for bad in [-1, 'x', 10 ** 30]:
    try:
        locale.nl_langinfo(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
words = ['banana', 'Apple', 'cherry', 'apple', 'Éclair', 'zeta', '']
print(sorted(words, key=locale.strxfrm), sorted(words, key=__import__('functools').cmp_to_key(locale.strcoll)))
print([locale.strcoll(a, b) for a, b in [('a', 'b'), ('b', 'a'), ('a', 'a'), ('', 'x'), ('é', 'e')]], locale.strxfrm('héllo'))
for f, args in [(locale.strcoll, ('a\0', 'b')), (locale.strcoll, (1, 'a')), (locale.strxfrm, ('a\0',)), (locale.strxfrm, (1,))]:
    try:
        f(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(locale.format_string('%d items, %.2f total, %s', (1234567, 1234.5, 'x'), grouping=True))
print(locale.str(3.25), locale.atof('1234.5'), locale.atoi('42'), locale.delocalize('1,234.5'), locale.localize('1234.5'))
try:
    locale.currency(1.5)
except ValueError as e:
    print('ValueError', e)
print(locale.normalize('en_US'), locale.normalize('C.UTF-8'), locale.normalize('de_DE.utf8@euro'))
print(locale.gettext('untranslated') if hasattr(locale, 'gettext') else None, _locale.textdomain(None))
print(1.5, 2.75e-7, float('3.5'), '%.3f' % 2.5, '{:,}'.format(1234567.891))
