/*
 * weakref.h — weak references: weakref.ref (ReferenceType) and the two
 * proxy types, the objects the `_weakref` module (modules/weakref.c)
 * exposes and CPython's Lib/weakref.py builds WeakValueDictionary,
 * WeakKeyDictionary, WeakSet and finalize on.
 *
 * A weak reference does not keep its referent alive.  pvm has a tracing
 * collector, so a referent dies when a collection finds it unreachable,
 * not when its last reference goes as in CPython: `del o; r()` still
 * returns the object until the next collection (gc.collect() forces one).
 * Callbacks run at the eval loop's next safe point after that collection
 * (or before gc.collect() returns), never inside the collector.
 */
#ifndef PVM_WEAKREF_H
#define PVM_WEAKREF_H

#include "runtime/object.h"

/* weakref.ReferenceType, weakref.ProxyType, weakref.CallableProxyType. */
extern ObjType rt_weakref_type, rt_weakproxy_type, rt_weakcallableproxy_type;

/* Can instances of t be weakly referenced?  The builtin types CPython
 * allows (functions, types, sets, generators, code, modules, bound
 * methods... and any type with TF_WEAKREFABLE), and classes written in
 * Python unless their __slots__ leave __weakref__ out or their base is
 * int, bytes or tuple. */
bool rt_weakref_supported(ObjType *t);

/* weakref.ref(obj, callback) / weakref.proxy(obj, callback); callback may
 * be VAL_NULL or None.  A plain ref or proxy without callback is shared:
 * asking twice gives the same object. */
Value rt_weakref_new(ObjType *type, Value obj, Value callback);
Value rt_weakproxy_new(Value obj, Value callback);

/* What a weak reference (or proxy) refers to, or VAL_NULL once it died. */
Value rt_weakref_target(Value ref);

/* getweakrefcount(obj), getweakrefs(obj) (a list, in CPython's order:
 * the shared ref, the shared proxy, then the others newest first) and
 * obj.__weakref__ (the first of them, or None). */
size_t rt_weakref_count(Value obj);
Value rt_weakref_list(Value obj);
Value rt_weakref_head(Value obj);

/* Run the callbacks of weak references whose referents the collector has
 * found dead since the last call.  Called at the eval loop's safe points
 * (through vm_request_pending_work) and by gc.collect() (vm_gc_collect). */
void rt_weakref_run_pending(void);

void rt_weakref_init(void);

#endif
