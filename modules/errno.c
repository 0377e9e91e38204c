/*
 * errno.c — the errno module: every error number of the C library as a
 * named constant (errno.ENOENT == 2), and errorcode, the map back from
 * numbers to names (errno.errorcode[2] == 'ENOENT').
 *
 * The names are CPython 3.11's, in the order its errnomodule.c adds them
 * (errno_names.h, generated from python3.11 by tables_gen.py); the values
 * are this C library's, from <errno.h>, as CPython's are.  Where two names
 * share a number (EAGAIN and EWOULDBLOCK), errorcode keeps the one added
 * last, exactly as CPython's does.
 */
#include <errno.h>
#include "modules/modutil.h"

Value mod_errno_init(void)
{
    Value m = mod_module_new("errno", NULL);
    Value errorcode = rt_dict_new();
    mod_module_set(m, "errorcode", errorcode);
#define PVM_ERRNO(name)                                          \
    do {                                                         \
        Value code = small_new(name), str = rt_str_from_cstr(#name); \
        mod_module_set(m, #name, code);                          \
        rt_dict_set(errorcode, code, str);                       \
    } while (0);
#include "modules/errno_names.h"
#undef PVM_ERRNO
    return m;
}
