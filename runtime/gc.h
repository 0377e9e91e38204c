/*
 * gc.h — the one allocation facade.  All of pvm's memory comes from here,
 * backed by the Boehm conservative collector: nothing is freed by hand.
 *
 *   gc_alloc         memory the collector scans for pointers (objects that
 *                    hold Values);
 *   gc_alloc_atomic  memory it does not scan (string bytes, float payloads,
 *                    GMP limbs): faster, and never keeps garbage alive;
 *   gc_realloc       grows either kind, keeping its kind.
 *
 * Allocation failure raises MemoryError where it can; gc_alloc itself never
 * returns NULL — on an exhausted heap it reports and exits (see gc.c).
 */
#ifndef PVM_GC_H
#define PVM_GC_H

#include <stdbool.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

void gc_init(void);
void *gc_alloc(size_t size);          /* zeroed */
void *gc_alloc_atomic(size_t size);   /* not zeroed */
void *gc_realloc(void *p, size_t size);
char *gc_strdup(const char *s);
/* A static array that holds no pointers (an output buffer, a table of
 * counts): the collector stops scanning it at every collection. */
void gc_exclude_static(void *start, size_t size);

/* Call fn(obj, data) once the collector finds obj unreachable (obj must be
 * the start of a gc_alloc block).  fn runs at an allocation inside some
 * unrelated code: it must not run Python code or allocate, only record
 * what to do (gen.c queues generators to close, weakref.c the weak
 * references to clear).  An object may get several finalisers (a
 * generator with weak references has two): they all run, newest first.
 * No ordering among objects. */
void gc_register_finalizer(void *obj, void (*fn)(void *obj, void *data), void *data);

/* ---- weak links (Boehm's disappearing links), for weak references ----
 * A weak link is a word holding a *hidden* pointer, one the collector does
 * not see (gc_hide), so it does not keep its object alive; once the
 * collector finds the object unreachable it sets the word to 0 (before
 * any finaliser runs).  Only heap objects can be linked (gc_is_heap):
 * static ones (builtin types) never die. */
static inline uintptr_t gc_hide(const void *p) { return ~(uintptr_t)p; }
static inline void *gc_reveal(uintptr_t hidden) { return (void *)~hidden; }
bool gc_is_heap(const void *p);         /* p is the start of a GC heap block */
void gc_weak_link(uintptr_t *link, const void *obj);
void gc_weak_unlink(uintptr_t *link);
void gc_weak_move(uintptr_t *from, uintptr_t *to);      /* *to = *from, link moved */

/* A full collection now, then the finalisers it made due (gc.collect()). */
void gc_collect(void);
/* pthread_create for a thread that uses the GC heap: the collector scans
 * its stack (vm/thread.c starts every Python thread through it). */
int gc_thread_create(pthread_t *thread, const pthread_attr_t *attr,
                     void *(*start)(void *), void *arg);

#endif
