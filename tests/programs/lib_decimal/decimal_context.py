# decimal's contexts as the C module has them: repr, flags and traps as SignalDicts with bool values, attribute validation and its messages, templates, localcontext with keywords, copy and pickling
import decimal, pickle, copy
from decimal import Decimal, Context, getcontext, setcontext, localcontext

c = getcontext()
print(repr(c))
print(c.flags)
print(c.traps)
print(repr(decimal.BasicContext))
print(repr(decimal.ExtendedContext))
print(c is decimal.DefaultContext, type(c).__name__, type(c.flags).__name__, type(c.flags).__module__)
print(decimal.MAX_PREC, decimal.MAX_EMAX, decimal.MIN_EMIN, decimal.MIN_ETINY)
print(decimal.HAVE_THREADS, decimal.HAVE_CONTEXTVAR, decimal.__version__, decimal.__libmpdec_version__)
print([r for r in dir(decimal) if r.startswith('ROUND')])

def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', repr(r))
    except Exception as e:
        print(label, type(e).__name__, repr(str(e)))

k = Context()
attempt('prec 0', lambda: setattr(k, 'prec', 0))
attempt('prec str', lambda: setattr(k, 'prec', 'x'))
attempt('prec big', lambda: setattr(k, 'prec', 2**70))
attempt('Emin', lambda: setattr(k, 'Emin', 1))
attempt('Emax', lambda: setattr(k, 'Emax', -1))
attempt('rounding', lambda: setattr(k, 'rounding', 'ROUND_SIDEWAYS'))
attempt('capitals', lambda: setattr(k, 'capitals', 2))
attempt('clamp', lambda: setattr(k, 'clamp', -1))
attempt('flags {}', lambda: setattr(k, 'flags', {}))
attempt('flags list', lambda: setattr(k, 'flags', [decimal.Inexact]))
attempt('traps key', lambda: k.traps[3])
attempt('traps del', lambda: k.traps.__delitem__(decimal.Inexact))
attempt('del prec', lambda: delattr(k, 'prec'))
attempt('Context(flags=3)', lambda: Context(flags=3))
attempt('Context(foo=1)', lambda: Context(foo=1))
attempt('setcontext', lambda: setcontext(3))
attempt('localcontext', lambda: localcontext(3))
attempt('hash flags', lambda: hash(k.flags))

k = Context(prec=5, rounding=decimal.ROUND_UP, Emin=-9, Emax=9, capitals=0, clamp=1,
            flags=[decimal.Inexact], traps=[decimal.DivisionByZero])
print(repr(k))
print(k.Etiny(), k.Etop(), k.prec, k.rounding, k.Emin, k.Emax, k.capitals, k.clamp)
k.traps[decimal.Overflow] = True
k.flags[decimal.InvalidOperation] = 1
print(repr(k))
print(k.flags[decimal.InvalidOperation], k.flags[decimal.Rounded], len(k.flags), list(k.flags)[:3])
print(k.flags.copy())
print(k.flags == k.flags.copy(), k.flags == k.traps, k.flags != {})
k.clear_flags()
k.clear_traps()
print(repr(k))
print(k.__reduce__())
print(repr(pickle.loads(pickle.dumps(k))), repr(copy.copy(k)), repr(k.copy()))

decimal.DefaultContext.prec = 12
print(Context().prec)
decimal.DefaultContext.prec = 28
with localcontext(prec=6, rounding=decimal.ROUND_FLOOR) as lc:
    print(repr(lc), getcontext() is lc)
with localcontext(decimal.BasicContext) as lc:
    print(lc.prec, lc is decimal.BasicContext, getcontext().prec)
print(getcontext().prec)
setcontext(decimal.ExtendedContext)
print(getcontext() is decimal.ExtendedContext, getcontext().prec)
setcontext(decimal.DefaultContext)
print(repr(getcontext()))

class MyContext(Context):
    def __init__(self, note, **kw):
        super().__init__(**kw)
        self.note = note
m = MyContext('hi', prec=3)
print(m.note, m.prec, type(m).__name__)
