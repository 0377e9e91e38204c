/*
 * memoryview.c — the buffer protocol (buffer.h) and memoryview, the
 * Python face of it.
 *
 * The protocol: a bytes-like type's getbuffer slot fills an RtBuffer with
 * the address, length and item layout of its memory; whoever asked
 * (bytes(x), struct.unpack, a memoryview) reads or writes the memory
 * directly and gives the buffer back with rt_release_buffer.
 */
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/buffer.h"

/* ---- the protocol ------------------------------------------------------------ */

bool rt_has_buffer(Value obj)
{
    return !val_is_small(obj) && val_type(obj)->getbuffer != NULL;
}

int rt_get_buffer(Value obj, RtBuffer *view, int flags)
{
    if (!rt_has_buffer(obj)) {
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", obj);
        return -1;
    }
    return val_type(obj)->getbuffer(obj, view, flags);
}

void rt_release_buffer(RtBuffer *view)
{
    Value obj = view->obj;
    if (obj == VAL_NULL)
        return;
    view->obj = VAL_NULL;
    void (*release)(Value, RtBuffer *) = val_type(obj)->releasebuffer;
    if (release != NULL)
        release(obj, view);
}

int rt_buffer_fill(RtBuffer *view, Value obj, void *buf, ssize_t n, bool readonly,
                   const char *format, ssize_t itemsize, int flags)
{
    if ((flags & RT_BUF_WRITABLE) && readonly) {
        rt_raisef(&rt_BufferError, "Object is not writable.");
        return -1;
    }
    view->buf = buf;
    view->obj = obj;
    view->len = n;
    view->itemsize = itemsize;
    view->readonly = readonly;
    view->ndim = 1;
    view->format = format;
    view->shape1 = n / itemsize;
    view->stride1 = itemsize;
    view->shape = &view->shape1;
    view->strides = &view->stride1;
    return 0;
}

Value rt_buffer_to_bytes(Value obj)
{
    RtBuffer view;
    if (rt_get_buffer(obj, &view, RT_BUF_SIMPLE) < 0)
        return VAL_NULL;
    Value b = rt_bytes_new(view.buf, (size_t)view.len);
    rt_release_buffer(&view);
    return b;
}
