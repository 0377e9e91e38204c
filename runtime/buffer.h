/*
 * buffer.h — the buffer protocol: how C code reads (and writes) the bytes
 * of a "bytes-like object" without knowing its type.
 *
 * bytes, bytearray, array.array and memoryview keep their data in one
 * block of memory.  Each says where, through its type's getbuffer slot
 * (object.h), by filling an RtBuffer: the start, the length in bytes, and
 * how the bytes are shaped into items (format "B" for bytes; array('i')
 * says "i", 4-byte items).  bytes(x), int.from_bytes(x), b''.join(...),
 * memoryview(x), struct, hashlib, zlib and io all take "any bytes-like
 * object" this way (CPython's Py_buffer, PEP 3118).
 *
 *     RtBuffer view;
 *     if (rt_get_buffer(obj, &view, RT_BUF_SIMPLE) < 0)
 *         return VAL_NULL;          // TypeError: a bytes-like object is required, not 'str'
 *     ... read view.len bytes at view.buf ...
 *     rt_release_buffer(&view);
 *
 * Release every buffer you get: while a bytearray has buffers out, it
 * refuses to change size (BufferError), because the holder's pointer would
 * no longer be its data.  pvm's memory is collected, so a forgotten
 * release never frees anything too early; it only leaves the bytearray
 * unresizable.
 *
 * Only C-contiguous buffers exist in pvm (the items one after another,
 * row-major), so `buf` and `len` are always enough to read the whole
 * content; shape and strides matter only to memoryview's indexing.
 */
#ifndef PVM_BUFFER_H
#define PVM_BUFFER_H

#include <stdbool.h>
#include <sys/types.h>
#include "object.h"

/* The largest number of dimensions a memoryview may have (CPython's
 * PyBUF_MAX_NDIM). */
#define RT_BUF_MAX_NDIM 64

struct RtBuffer {
    void *buf;                  /* the first byte */
    Value obj;                  /* the exporter; VAL_NULL once released */
    ssize_t len;                /* bytes: the product of shape times itemsize */
    ssize_t itemsize;           /* bytes per item (1 for bytes) */
    bool readonly;
    int ndim;                   /* 0 (a single item) .. RT_BUF_MAX_NDIM */
    const char *format;         /* a struct-module format of one item: "B", "i", "d" */
    ssize_t *shape;             /* ndim sizes (points to shape1 when ndim == 1) */
    ssize_t *strides;           /* ndim byte steps (C-contiguous) */
    ssize_t shape1, stride1;    /* the storage for the one-dimensional case */
};

/* What the caller will do with the buffer.  RT_BUF_SIMPLE: read it.
 * RT_BUF_WRITABLE: write into it — refused for read-only exporters. */
enum { RT_BUF_SIMPLE = 0, RT_BUF_WRITABLE = 1 };

/* Does obj export a buffer (is it bytes-like)? */
bool rt_has_buffer(Value obj);

/* Fill *view from obj's buffer.  Returns 0, or -1 with TypeError "a
 * bytes-like object is required, not 'T'" (obj has none) or BufferError
 * "Object is not writable." (RT_BUF_WRITABLE of a read-only one). */
int rt_get_buffer(Value obj, RtBuffer *view, int flags);

/* Give the buffer back (once; a second call does nothing). */
void rt_release_buffer(RtBuffer *view);

/* For exporters' getbuffer slots: describe a one-dimensional block of
 * n bytes at buf holding items of `itemsize` bytes in `format`. */
int rt_buffer_fill(RtBuffer *view, Value obj, void *buf, ssize_t n, bool readonly,
                   const char *format, ssize_t itemsize, int flags);

/* The bytes of a bytes-like object as a new bytes object (bytes(x)). */
Value rt_buffer_to_bytes(Value obj);

/* memoryview (memoryview.c). */
extern ObjType rt_memoryview_type;
void rt_memoryview_init(void);

#endif
