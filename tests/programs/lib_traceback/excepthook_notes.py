# The default excepthook prints __notes__ as CPython's C printer does: any sequence, a non-sequence's repr, failing str/repr
import io, sys, contextlib

class BadThing:
    def __str__(self): return 'bad str'
    def __repr__(self): return 'bad repr'

class Unprintable:
    def __repr__(self): raise ValueError('bad value')

class BadStr:
    def __str__(self): raise ValueError('no')

class Noted(Exception):
    @property
    def __notes__(self):
        return ['from a property']

def report(e):
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        sys.__excepthook__(type(e), e, e.__traceback__)
    print(repr(buf.getvalue()))

e = ValueError(123)
report(e)
for notes in (['a', 'b\nc'], ('tuple note', 42), BadThing(), Unprintable(), [BadStr(), 'after'],
              'just a str', {'a': 1}, []):
    e.__notes__ = notes
    report(e)
report(Noted('x'))
g = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
g.__notes__ = BadThing()
g.exceptions[0].__notes__ = ('one', 'two\nlines')
g.exceptions[1].__notes__ = Unprintable()
report(g)
