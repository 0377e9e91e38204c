# _warnings without Lib/warnings.py: default filters, registries, stacklevel, actions through _warnings.filters, warn_explicit, errors; shown on stderr by the C code
import _warnings
from _warnings import warn, warn_explicit

def e(f):
    try:
        print(f())
    except Exception as x:
        print(type(x).__name__, x)

print(_warnings.filters[:2], _warnings._defaultaction, _warnings._onceregistry)

def deep(level):
    warn('deep %d' % level, UserWarning, level)
def middle(level):
    deep(level)
for level in (1, 2, 3, 4, 0, -1):
    middle(level)
for i in range(3):
    warn('repeated')                      # shown once: the registry remembers the line
print(sorted(k for k in __warningregistry__ if k != 'version'), __warningregistry__['version'])
warn('pending', PendingDeprecationWarning)   # ignored by default
warn('dep', DeprecationWarning)              # shown: __main__
warn(RuntimeWarning('an instance'), UserWarning)
x = bool(NotImplemented)
print(x)

_warnings.filters.insert(0, ('error', None, UserWarning, None, 0))
_warnings._filters_mutated()
e(lambda: warn('now an error'))
e(lambda: warn('repeated'))
e(lambda: warn('not user', SyntaxWarning))
_warnings.filters.pop(0)
_warnings.filters.insert(0, ('always', None, Warning, None, 0))
_warnings._filters_mutated()
for i in range(2):
    warn('always shown')
_warnings.filters[0] = ('once', None, Warning, None, 0)
_warnings._filters_mutated()
for i in range(2):
    warn('once only')
    warn('once only', UserWarning, 1)
_warnings.filters[0] = ('module', None, Warning, None, 0)
_warnings._filters_mutated()
for i in range(2):
    warn('per module')
warn('per module')
_warnings.filters[0] = ('ignore', None, Warning, None, 0)
_warnings._filters_mutated()
warn('ignored')
_warnings.filters[0] = ('bogus', None, Warning, None, 0)
e(lambda: warn('bad action'))
_warnings.filters[0] = ('default', 'exact text', Warning, None, 0)
_warnings._filters_mutated()
warn('exact text')
_warnings.filters.pop(0)

reg = {}
warn_explicit('explicit', UserWarning, 'somefile.py', 42, registry=reg)
warn_explicit('explicit', UserWarning, 'somefile.py', 42, registry=reg)
print(sorted(k for k in reg if k != 'version'))
warn_explicit('other module dep', DeprecationWarning, 'other.py', 1)   # ignored: not __main__
warn_explicit('main dep', DeprecationWarning, 'main.py', 3, module='__main__')
print(warn_explicit('module None', UserWarning, 'x.py', 1, module=None))
for f in [lambda: warn('x', 'notaclass'), lambda: warn('x', int), lambda: warn(),
          lambda: warn('x', stacklevel='a'), lambda: warn_explicit('x', UserWarning, 5, 1),
          lambda: warn_explicit('x', UserWarning, 'f', 'a'),
          lambda: warn_explicit('x', UserWarning, 'f', 1, registry=[]),
          lambda: warn_explicit('x', UserWarning, 'f', 1, module_globals=1),
          lambda: _warnings._filters_mutated(1)]:
    e(f)
_warnings.filters.append(5)
e(lambda: warn('bad filter', ImportWarning))
_warnings.filters.pop()
warn('the last line')
