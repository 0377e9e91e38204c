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
 * Releasing.  Give back every buffer you get.  bytes is immutable;
 * bytearray and array.array never free a block they handed out (a resize
 * copies into a new block), so a holder's pointer always stays valid
 * memory.  Still, as in CPython, bytearray, array.array, mmap and
 * io.BytesIO refuse to change their size while a lasting buffer
 * (RT_BUF_LASTING: a memoryview, a PickleBuffer, kept past the call) is
 * out: they count those in getbuffer/releasebuffer (mmap must: close()
 * frees its memory).  CPython's
 * memoryview gives its buffer back the moment its last reference goes;
 * pvm's memory is collected, not reference counted, so a view found
 * unreachable gives its buffer back in a collection (a finaliser), and
 * rt_buffer_exported runs one collection before an exporter refuses:
 * `memoryview(ba)[0]` followed by `ba.append(x)` works as in CPython, at
 * the price of a collection on that append.  The collector scans the C
 * stack and the frame stack conservatively, so a word that still holds a
 * dropped view's address (a frame's slot written by an earlier call and
 * not since, a callee-saved register the loop no longer reads, a dead
 * slot of a Python frame's value stack) would keep the view alive and
 * the BufferError.  So:
 *   - that collection does not count the C stack's words that point to
 *     views or their iterators (gc_collect_past_stack): they are zeroed
 *     for it and put back after, and a view found only through them gives
 *     its export back but is not freed.  A view that only a C frame holds
 *     is taken for dropped: C code does not keep a view of an exporter
 *     across a call that resizes it, except where a Python frame holds
 *     the view too (an argument, `b.extend(memoryview(b))`), and the
 *     frame stack is counted;
 *   - the dead value-stack slots of the suspended Python frames are
 *     cleared (vm_frame_scrub), and the running frame's above the
 *     arguments of a method the loop called (rt_buffer_before_resize, in
 *     the resizing methods of bytearray, array.array and mmap).
 * What is left: the running frame's dead slots when the resize comes
 * through a slot (`del b[i:j]`, `b += x`: no arguments bound the live
 * stack), and a view that another object on the C stack holds (a tuple,
 * a bound method).  README.md lists it.

 * Contiguity.  Unless the caller asks RT_BUF_STRIDED, the buffer is
 * C-contiguous (the items one after another, row-major), so `buf` and
 * `len` are enough to read the whole content; a strided request may get a
 * memoryview slice with a step, to be walked with shape and strides
 * (rt_buffer_to_bytes does that).
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
    int flags;                  /* the RT_BUF_* it was asked with */
};

/* What the caller will do with the buffer (or-ed together).
 *   RT_BUF_SIMPLE    read it, as one C-contiguous block
 *   RT_BUF_WRITABLE  write into it: refused for read-only exporters
 *   RT_BUF_STRIDED   the caller follows shape and strides (any layout)
 *   RT_BUF_LASTING   the caller keeps it past this call (see above) */
enum { RT_BUF_SIMPLE = 0, RT_BUF_WRITABLE = 1, RT_BUF_STRIDED = 2, RT_BUF_LASTING = 4 };

/* Does obj export a buffer (is it bytes-like)? */
bool rt_has_buffer(Value obj);

/* Fill *view from obj's buffer.  Returns 0, or -1 with TypeError "a
 * bytes-like object is required, not 'T'" (obj has none) or BufferError
 * "Object is not writable." (RT_BUF_WRITABLE of a read-only one). */
int rt_get_buffer(Value obj, RtBuffer *view, int flags);

/* Give the buffer back (once; a second call does nothing). */
void rt_release_buffer(RtBuffer *view);

/* For exporters that count their lasting buffers out (*exports): is one
 * still out?  When the count is not 0, one collection first lets the
 * views that became unreachable give theirs back (not counting the C
 * stack's words that point to views: see above). */
bool rt_buffer_exported(const int *exports);

/* For the resizing methods of exporters (bytearray's, array.array's,
 * mmap's resize and close, BytesIO's), before they ask
 * rt_buffer_exported: while a lasting buffer is out, zero the running
 * frame's value stack above args[0 .. nargs) when the loop called the
 * method with exactly those (vm_frame_scrub_call): a dropped view may
 * linger there.  Nothing is done while no buffer is out. */
void rt_buffer_clear_dead(const Value *args, size_t nargs);
static inline void rt_buffer_before_resize(const int *exports, const Value *args, size_t nargs)
{
    if (__builtin_expect(*exports > 0, 0))
        rt_buffer_clear_dead(args, nargs);
}

/* For exporters' getbuffer slots: describe a one-dimensional block of
 * n bytes at buf holding items of `itemsize` bytes in `format`. */
int rt_buffer_fill(RtBuffer *view, Value obj, void *buf, ssize_t n, bool readonly,
                   const char *format, ssize_t itemsize, int flags);

/* The bytes of a bytes-like object as a new bytes object, in C order
 * whatever its layout (bytes(x)); VAL_NULL + TypeError if it has none. */
Value rt_buffer_to_bytes(Value obj);

/* One item of a native struct format ("B", "i", "@d", "c", "?"...), as
 * memoryview reads and writes them: the value at p, and v stored at p
 * (TypeError/ValueError "memoryview: invalid type/value for format 'B'").
 * The size of one item of fmt, or -1 when fmt is not such a format. */
Value rt_buffer_unpack_item(const char *fmt, const void *p);
int rt_buffer_pack_item(const char *fmt, void *p, Value v);
ssize_t rt_buffer_format_size(const char *fmt);

/* memoryview (memoryview.c). */
extern ObjType rt_memoryview_type;
void rt_memoryview_init(void);

#endif
