# warnings: CPython's Lib/warnings.py over _warnings — catch_warnings(record=True), simplefilter/filterwarnings (regex message and module), stacklevel, error filter, showwarning/formatwarning, resetwarnings, default filters, C warnings
import sys
import warnings
import _warnings

print(warnings.warn is _warnings.warn, warnings.filters is _warnings.filters, warnings.defaultaction)
print([(f[0], f[2].__name__, f[3]) for f in warnings.filters])

def show(ws):
    for w in ws:
        print(' ', w.category.__name__, str(w.message), w.lineno, w.filename.rsplit('/', 1)[-1])

def api(x):
    warnings.warn('api(%r) is deprecated' % (x,), DeprecationWarning, stacklevel=2)
    return x

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('always')
    warnings.warn('hello')
    api(1)
    api(2)
    warnings.warn('runtime', RuntimeWarning)
    warnings.warn(UserWarning('instance'))
    bool(NotImplemented)
    warnings.warn_explicit('explicit', SyntaxWarning, 'file.py', 7)
print(len(ws))
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('ignore')
    warnings.filterwarnings('always', message='keep.*')
    warnings.warn('drop me')
    warnings.warn('keep me')
    warnings.warn('keep this too', RuntimeWarning)
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('default')
    for i in range(3):
        warnings.warn('in a loop')
    warnings.filterwarnings('ignore', category=RuntimeWarning)
    warnings.warn('rt', RuntimeWarning)
    warnings.warn('user', UserWarning)
show(ws)

with warnings.catch_warnings():
    warnings.simplefilter('error', UserWarning)
    try:
        warnings.warn('boom')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    try:
        api(3)
    except DeprecationWarning as e:
        print('not raised?', e)

with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter('once')
    for i in range(2):
        warnings.warn('only once')
        warnings.warn('only once', UserWarning, 1)
show(ws)

with warnings.catch_warnings(record=True) as ws:
    warnings.resetwarnings()
    print(warnings.filters)
    warnings.warn_explicit('deprecated elsewhere', DeprecationWarning, 'lib.py', 1, module='lib')
show(ws)

shown = []
def my_show(message, category, filename, lineno, file=None, line=None):
    shown.append((str(message), category.__name__, lineno))
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.showwarning = my_show
    warnings.warn('to my_show')
    api(4)
print(shown)
print(warnings.formatwarning('text', UserWarning, 'f.py', 10, line='source code'), end='')
print(warnings.formatwarning('text', UserWarning, 'f.py', 10, line=''), end='')
for f in [lambda: warnings.simplefilter('nonsense'), lambda: warnings.filterwarnings('ignore', category=3),
          lambda: warnings.warn('x', 'nota class')]:
    try:
        f()
    except (AssertionError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
sys.stderr.write('end of the program\n')
