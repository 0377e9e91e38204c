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

#include <pthread.h>
#include <stddef.h>

void gc_init(void);
void *gc_alloc(size_t size);          /* zeroed */
void *gc_alloc_atomic(size_t size);   /* not zeroed */
void *gc_realloc(void *p, size_t size);
char *gc_strdup(const char *s);

/* Call fn(obj, data) once the collector finds obj unreachable (obj must be
 * the start of a gc_alloc block).  fn runs at an allocation inside some
 * unrelated code: it must not run Python code, only record what to do
 * (gen.c queues generators to close).  No ordering among finalisers. */
void gc_register_finalizer(void *obj, void (*fn)(void *obj, void *data), void *data);

/* pthread_create for a thread that uses the GC heap: the collector scans
 * its stack (vm/thread.c starts every Python thread through it). */
int gc_thread_create(pthread_t *thread, const pthread_attr_t *attr,
                     void *(*start)(void *), void *arg);

#endif
