/*
 * init.c — bringing the runtime up, in dependency order: the collector
 * first, then the type objects (object and type before the rest; str
 * before anything that interns names), the exceptions, and finally the
 * builtins module, which names them all.
 */
#include "runtime/runtime.h"
#include "runtime/codecs.h"
#include "runtime/class.h"
#include "runtime/buffer.h"
#include "runtime/weakref.h"

void rt_object_init(void);

void rt_init(void)
{
    gc_init();
    /* The payloads C code keeps cursors to while it allocates: a str's or
     * a bytes' data (rt_str_cstr of a temporary str passed down to a
     * function that allocates), a tuple's items, a small list's own
     * items; and a dict's entries in its own block (rt_dict_new_sized),
     * a pointer the collector meets in every such live dict. */
    gc_recognize_offset(offsetof(ObjStr, data));
    gc_recognize_offset(offsetof(ObjBytes, data));
    gc_recognize_offset(offsetof(ObjTuple, items));
    gc_recognize_offset(sizeof(ObjList));
    gc_recognize_offset(sizeof(ObjDict));
    rt_object_init();
    rt_str_init();
    rt_int_init();
    rt_float_init();
    rt_containers_init();
    rt_memoryview_init();
    rt_exceptions_init();
    rt_codecs_init();
    rt_func_init();
    rt_builtins_init();
    rt_class_init();
    rt_genericalias_init();
    rt_template_init();
    rt_mappingproxy_init();
    rt_weakref_init();
}
