# each thread has its own decimal context (contextvars), starting from DefaultContext; localcontext in a thread leaves the others alone
import threading, decimal
from decimal import Decimal, getcontext, localcontext

results = {}
def work(n):
    ctx = getcontext()
    ctx.prec = n
    results[n] = (str(Decimal(1) / Decimal(7)), getcontext().prec, ctx is getcontext())
    with localcontext() as lc:
        lc.prec = 2
        results[n] += (str(Decimal(2) / 3),)
    results[n] += (getcontext().prec,)

decimal.DefaultContext.prec = 10
getcontext().prec = 4
threads = [threading.Thread(target=work, args=(n,)) for n in (3, 5, 8, 12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(results):
    print(k, results[k])
print(getcontext().prec, str(Decimal(1) / 7))

def fresh():
    results['fresh'] = getcontext().prec
t = threading.Thread(target=fresh)
t.start(); t.join()
print(results['fresh'])

import contextvars
def in_ctx():
    getcontext().prec = 20
    return getcontext().prec
c = contextvars.copy_context()
print(c.run(in_ctx), getcontext().prec)
