/*
 * uuid.c — the _uuid module (CPython's Modules/_uuidmodule.c) on libuuid:
 * generate_time_safe() gives Lib/uuid.py's uuid1() the time-based UUID of
 * the system's generator, which knows the hardware address and keeps the
 * clock sequence safe between processes; without it uuid.py falls back
 * to its own (slower) getnode() and a random clock sequence.
 *
 * libuuid is opened on first import (mod_load_library); where it is
 * missing the import fails and uuid.py goes on without _uuid, as CPython's
 * does on a system without the library.
 */
#include <uuid/uuid.h>
#include "modules/modutil.h"

#define UUID_FUNCTIONS(X) X(uuid_generate_time_safe)
MOD_LIBRARY(lib, "libuuid.so.1", UUID_FUNCTIONS)

/* generate_time_safe() -> (16 bytes, 0 if generated safely, -1 if not) */
static Value uuid_time_safe(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("generate_time_safe", nargs, kw))
        return VAL_NULL;
    uuid_t out;
    int status = lib.uuid_generate_time_safe(out);
    return rt_tuple_pack(2, rt_bytes_new(out, sizeof out), small_new(status));
}

static const MethodDef functions[] = {
    {"generate_time_safe", uuid_time_safe}, {NULL, NULL}
};

Value mod_uuid_init(void)
{
    if (!lib_ready())
        return VAL_NULL;
    Value m = mod_module_new("_uuid", functions);
    mod_module_set(m, "has_uuid_generate_time_safe", small_new(1));
    return m;
}
