/*
 * decimal_format.c — Decimal.__format__ (CPython's dec_format over
 * libmpdec's mpd_qformat_spec).
 */
#include "modules/decimal_module.h"

Value dm_decimal_format(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("__format__", nargs - 1, kw))
        return VAL_NULL;
    return rt_str(args[0]);
}
