# difflib, shlex, fnmatch, glob, textwrap, pprint, reprlib, calendar, keyword: the common text utilities
import difflib, shlex, fnmatch, glob, os, tempfile, textwrap, pprint, reprlib, calendar, keyword
a = ['one\n', 'two\n', 'three\n', 'four\n']
b = ['one\n', 'too\n', 'three\n', 'five\n', 'six\n']
print(''.join(difflib.unified_diff(a, b, 'a.txt', 'b.txt')), end='')
print(''.join(difflib.context_diff(a, b)), end='')
print(list(difflib.ndiff(['abcd\n'], ['abxd\n'])))
sm = difflib.SequenceMatcher(None, 'abcdefg', 'abxdefz')
print(sm.ratio(), sm.get_matching_blocks(), sm.get_opcodes())
print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach', 'puppy']))
print(shlex.split('ls -l "my file" \'x y\' a\\ b # c', comments=True), shlex.quote("it's"), shlex.join(['a b', 'c']))
lx = shlex.shlex('a=1; b="two words"', posix=True, punctuation_chars=True)
print(list(lx))
print(fnmatch.fnmatch('data.CSV', '*.csv'), fnmatch.fnmatchcase('data.CSV', '*.csv'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.translate('[!a]?.py'))
with tempfile.TemporaryDirectory() as d:
    for n in ['a.py', 'b.py', 'c.txt', 'sub/d.py', '.hidden.py']:
        os.makedirs(os.path.dirname(os.path.join(d, n)), exist_ok=True)
        open(os.path.join(d, n), 'w').close()
    rel = lambda xs: sorted(os.path.relpath(x, d) for x in xs)
    print(rel(glob.glob(os.path.join(d, '*.py'))), rel(glob.glob(os.path.join(d, '**', '*.py'), recursive=True)), rel(glob.glob(os.path.join(d, '?.*'))))
    print(glob.escape('a[b]*'), sorted(glob.glob('*.py', root_dir=d)))
text = 'The quick brown fox jumps over the lazy dog. ' * 4
print(textwrap.fill(text, 30))
print(textwrap.wrap(text, 40, initial_indent='* ', subsequent_indent='  ')[:3])
print(textwrap.shorten(text, 50), repr(textwrap.dedent('    a\n      b\n    c\n')), repr(textwrap.indent('x\ny\n', '> ')))
data = {'name': 'pvm', 'versions': list(range(3, 15)), 'nested': {'deep': [{'k': i, 'v': 'x' * i} for i in range(4)]}, 'set': {3, 1, 2}}
pprint.pprint(data, width=60)
print(pprint.pformat(data, depth=2, compact=True, width=50))
print(pprint.saferepr([1, 2]), pprint.isrecursive([1]), pprint.pformat('a' * 100, width=40))
r = reprlib.Repr(); r.maxlist = 3
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), r.repr(list(range(10))), reprlib.repr({i: i for i in range(20)}))
print(calendar.month(2026, 12), end='')
print(calendar.isleap(2024), calendar.leapdays(2000, 2030), calendar.weekday(2026, 12, 4), calendar.monthrange(2026, 2), calendar.day_name[0], calendar.month_abbr[12])
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2026, 2), end='')
print(list(calendar.Calendar().itermonthdates(2026, 1))[:3], calendar.timegm((2026, 12, 4, 0, 0, 0)))
print(keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.kwlist[:5], len(keyword.kwlist))
