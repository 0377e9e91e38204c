# gc: the API CPython's gc module offers (thresholds, debug flags, callbacks around collect, is_tracked, get_referents, errors) and a weak reference callback run by collect().
import gc
print(gc.get_threshold(), gc.get_debug(), gc.garbage, gc.callbacks, len(gc.get_stats()), sorted(gc.get_stats()[0].keys()))
for f,a in [(gc.get_objects,(3,)),(gc.get_objects,(-2,)),(gc.collect,(3,)),(gc.set_threshold,()),(gc.set_threshold,(1,2,3,4)),(gc.set_debug,('x',)),(gc.get_referents,(1,)),(gc.is_tracked,()),(gc.get_objects,('x',)),(gc.collect,('x',)), (gc.collect, (-1,))]:
    try: print(f.__name__, f(*a))
    except Exception as e: print(type(e).__name__, e)
print([n for n in dir(gc) if not n.startswith('__')])
print(gc.is_tracked(1), gc.is_tracked({}), gc.is_tracked({'a':1}), gc.is_tracked({'a':[]}), gc.is_tracked(()), gc.is_tracked((1,)), gc.is_tracked([]), gc.is_tracked('s'), gc.is_tracked(None), gc.is_tracked(gc), gc.is_tracked(len), gc.is_tracked(object()), gc.is_tracked(type))
class A: pass
print(gc.is_tracked(A()), gc.is_finalized(A()), gc.is_tracked(A))
print(gc.get_referents([1,2],(3,), {'k':'v'}, {1: 'x'}, {5}))
print(gc.isenabled(), gc.disable(), gc.isenabled(), gc.enable(), gc.isenabled())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL)
gc.set_debug(0)
phases = []
def cb(phase, info):
    phases.append((phase, info['generation'], sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
print(phases)
print(gc.freeze(), gc.unfreeze(), isinstance(gc.get_freeze_count(), int), isinstance(gc.collect(), int))
print(type(gc.get_count()), len(gc.get_count()), gc.get_objects(generation=None) is not None)
import _weakref as weakref
class B: pass
b = B(); r = weakref.ref(b, lambda r: print("callback ran")); del b
gc.collect()
print(r())
