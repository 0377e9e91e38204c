/*
 * queue.c — the _queue module (CPython's Modules/_queuemodule.c):
 * SimpleQueue, the unbounded FIFO queue.SimpleQueue is, and Empty, the
 * exception queue.Empty is.
 *
 * The items are a list read from `head` on (compacted when half of it is
 * spent); a semaphore counts them, so get() waits on it with the
 * interpreter lock released (mod_acquire_timed, the wait of _thread's
 * locks) and wakes when put() adds an item or its timeout passes.  put()
 * never blocks: its block and timeout arguments exist for compatibility
 * with queue.Queue.  Everything but the wait runs under the interpreter
 * lock, so the list needs no lock of its own.
 */
#include <string.h>
#include "modules/modutil.h"
#include "runtime/class.h"

typedef struct ObjSimpleQueue {
    Object ob;
    Value items;                /* list; the queue is items[head:] */
    size_t head;
    sem_t count;                /* one token per item */
} ObjSimpleQueue;

static ObjType simplequeue_type;
static ObjType queue_empty = {
    .ob.type = &rt_type_type, .name = "_queue.Empty", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value simplequeue_new(ObjType *t, Value *args, size_t nargs, Value kw)
{
    if (rt_nkwargs(kw) > 0)
        return rt_raisef(&rt_TypeError, "SimpleQueue() takes no keyword arguments");
    if (nargs > 0)
        return rt_raisef(&rt_TypeError, "SimpleQueue() takes no positional arguments");
    ObjSimpleQueue *q = gc_alloc(sizeof *q);
    q->ob.type = &simplequeue_type;
    q->items = rt_list_new(0);
    sem_init(&q->count, 0, 0);
    return obj_val(q);
}

static size_t queue_len(ObjSimpleQueue *q)
{
    return AS_LIST(q->items)->length - q->head;
}

static Value queue_push(Value self, Value item)
{
    ObjSimpleQueue *q = VAL_AS(ObjSimpleQueue, self);
    if (!rt_list_append(q->items, item))
        return VAL_NULL;
    sem_post(&q->count);
    return rt_None;
}

/* put(item, block=True, timeout=None) */
static Value simplequeue_put(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "item", "block", "timeout" };
    ArgSpec spec = { "put", names, 3, 0, 1, 3, false };
    Value a[3];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return queue_push(args[0], a[0]);
}

static Value simplequeue_put_nowait(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "item" };
    ArgSpec spec = { "put_nowait", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return queue_push(args[0], a[0]);
}

/* The first item, after waiting at most timeout_us (< 0: forever); Empty
 * when none came. */
static Value queue_pop(Value self, int64_t timeout_us)
{
    ObjSimpleQueue *q = VAL_AS(ObjSimpleQueue, self);
    int got = mod_acquire_timed(&q->count, timeout_us);
    if (got < 0)
        return VAL_NULL;
    if (got == 0 || queue_len(q) == 0)
        return rt_raise(obj_val(&queue_empty));
    ObjList *l = AS_LIST(q->items);
    Value item = l->items[q->head];
    l->items[q->head++] = rt_None;
    if (q->head == l->length) {
        l->length = 0;
        q->head = 0;
    } else if (q->head > l->length / 2 && q->head > 16) {
        size_t left = l->length - q->head;
        memmove(l->items, l->items + q->head, left * sizeof(Value));
        /* The moved items' old places must not keep them alive once got. */
        for (size_t i = left; i < l->length; i++)
            l->items[i] = rt_None;
        l->length = left;
        q->head = 0;
    }
    return item;
}

/* get(block=True, timeout=None) */
static Value simplequeue_get(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "block", "timeout" };
    ArgSpec spec = { "get", names, 2, 0, 0, 2, false };
    Value a[2];
    if (rt_npos(nargs - 1, kw) > 2)
        return rt_raisef(&rt_TypeError, "get() takes at most 2 arguments (%zu given)", nargs - 1);
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    int block = a[0] == VAL_NULL ? 1 : rt_truthy(a[0]);
    if (block < 0)
        return VAL_NULL;
    int64_t us = -1;
    if (!block) {
        us = 0;
    } else if (a[1] != VAL_NULL && a[1] != rt_None) {
        int64_t ns;
        if (!mod_timeout_ns(a[1], &ns))
            return VAL_NULL;
        if (ns < 0)
            return rt_raisef(&rt_ValueError, "'timeout' must be a non-negative number");
        us = ns / 1000 + (ns % 1000 != 0);
    }
    return queue_pop(args[0], us);
}

static Value simplequeue_get_nowait(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("SimpleQueue.get_nowait", nargs - 1, kw))
        return VAL_NULL;
    return queue_pop(args[0], 0);
}

static Value simplequeue_empty(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("SimpleQueue.empty", nargs - 1, kw))
        return VAL_NULL;
    return rt_bool(queue_len(VAL_AS(ObjSimpleQueue, args[0])) == 0);
}

static Value simplequeue_qsize(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("SimpleQueue.qsize", nargs - 1, kw))
        return VAL_NULL;
    return small_new((intptr_t)queue_len(VAL_AS(ObjSimpleQueue, args[0])));
}

static const MethodDef simplequeue_methods[] = {
    {"put", simplequeue_put}, {"put_nowait", simplequeue_put_nowait},
    {"get", simplequeue_get}, {"get_nowait", simplequeue_get_nowait},
    {"empty", simplequeue_empty}, {"qsize", simplequeue_qsize},
    {NULL, NULL}
};

static ObjType simplequeue_type = {
    .ob.type = &rt_type_type, .name = "_queue.SimpleQueue", .new_ = simplequeue_new,
};

Value mod_queue_init(void)
{
    Value m = mod_module_new("_queue", NULL);
    bool first = simplequeue_type.mro == VAL_NULL;
    mod_add_type(m, "SimpleQueue", &simplequeue_type, simplequeue_methods);
    mod_add_type(m, "Empty", &queue_empty, NULL);
    if (first)
        rt_type_add_class_getitem(&simplequeue_type);
    return m;
}
