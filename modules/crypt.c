/*
 * crypt.c — the _crypt module under Lib/crypt.py (CPython 3.11's
 * Modules/_cryptmodule.c): crypt(word, salt), the C library's password
 * hashing, on libcrypt (libxcrypt) through crypt_r, so that threads do not
 * share its result buffer.  libcrypt is opened when _crypt is first
 * imported (MOD_LIBRARY, modutil.h).  A salt libcrypt refuses gives its
 * failure token ("*0"), as in python3.11; a NULL result is OSError.
 */
#include <errno.h>
#include <string.h>
#include <crypt.h>
#include "modules/modutil.h"
#include "modules/posix.h"

#define CRYPT_FUNCTIONS(X) X(crypt_r)
MOD_LIBRARY(libcrypt, "libcrypt.so.1", CRYPT_FUNCTIONS)

/* A str argument as UTF-8 without NULs (Argument Clinic's str converter). */
static const char *str_arg(Value v, int position)
{
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "crypt() argument %d must be str, not %T", position, v);
        return NULL;
    }
    const char *utf8 = mod_str_utf8(v);
    if (utf8 != NULL && strlen(utf8) != rt_str_nbytes(v)) {
        rt_raisef(&rt_ValueError, "embedded null character");
        return NULL;
    }
    return utf8;
}

static Value cr_crypt(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("_crypt.crypt", kw) || !rt_arg_range("crypt", nargs, 2, 2))
        return VAL_NULL;
    const char *word = str_arg(args[0], 1);
    const char *salt = word ? str_arg(args[1], 2) : NULL;
    if (salt == NULL)
        return VAL_NULL;
    struct crypt_data *data = gc_alloc_atomic(sizeof *data);
    memset(data, 0, sizeof *data);
    errno = 0;
    const char *hash = libcrypt.crypt_r(word, salt, data);
    if (hash == NULL)
        return mod_posix_error();
    return rt_str_from_cstr(hash);
}

static const MethodDef crypt_functions[] = {
    {"crypt", cr_crypt},
    {NULL, NULL}
};

Value mod_crypt_init(void)
{
    if (!libcrypt_ready())
        return VAL_NULL;
    return mod_module_new("_crypt", crypt_functions);
}
