/*
 * finalize.h — __del__: finalisers of objects whose class defines one.
 *
 * CPython calls __del__ when an object's last reference goes (PEP 442:
 * once per object; the object may resurrect itself, and is freed only
 * once it is unreachable again).  pvm has a tracing collector, so it
 * behaves as PyPy does: __del__ runs after a collection found the object
 * unreachable, at the eval loop's next safe point (or before gc.collect()
 * returns), and, for the objects still alive when the program ends, at
 * exit.  A class's instances are watched only when the class (or a base)
 * defines __del__: TF_FINALIZER on the type, which rt_update_slots keeps
 * up to date, so the allocation of any other object pays one flag test.
 * A class that gets __del__ later has the instances it has then found by
 * a walk over the heap (rt_finalize_watch_instances).
 */
#ifndef PVM_FINALIZE_H
#define PVM_FINALIZE_H

#include "runtime/object.h"

/* Watch a new object of a TF_FINALIZER type (rt_alloc_instance calls it):
 * its type's __del__ will be called once it is found unreachable. */
void rt_finalize_watch(Object *o);

/* Watch o from now on unless it is watched already (obj.__class__ = C,
 * C with __del__: o may have had such a class before). */
void rt_finalize_watch_once(Object *o);

/* classes[0..n) have __del__ now, and had not when their instances were
 * made (the type setattr, new __bases__): watch their instances alive
 * from now on, each once (a full collection and a walk over the heap). */
void rt_finalize_watch_instances(const Value *classes, size_t n);

/* The instances of classes[0..n) alive, as a new list in the order of
 * their addresses (the same collection and walk; those whose __del__ is
 * due left out): gc.get_objects(). */
Value rt_instances_alive(const Value *classes, size_t n);

/* Never call obj's __del__ (sys.stdin/stdout/stderr: CPython keeps them
 * open to the end, and flushes them itself). */
void rt_finalize_forget(Value obj);

/* Call the __del__ of the objects the collector found unreachable since
 * the last call, oldest first (the loop's safe points, gc.collect()).
 * An exception in __del__ goes to sys.unraisablehook, as in CPython; the
 * exception being raised meanwhile, if any, is kept. */
void rt_finalize_run_pending(void);

/* At exit: the pending ones, then every watched object still alive, in
 * the order CPython's teardown of __main__ (main_globals, or VAL_NULL)
 * reaches them in the common cases, holders before what they hold, the
 * others oldest first. */
void rt_finalize_all(Value main_globals);

/* Has the interpreter's teardown begun (after atexit: sys.is_finalizing(),
 * CPython's _PyRuntimeState_GetFinalizing)? */
extern bool rt_finalizing;

#endif
