/*
 * string.c — the string module's constants and capwords.
 */
#include "modules/modutil.h"

static Value mod_capwords(Value *args, size_t nargs, Value kw)
{
    /* (sep or ' ').join(x.capitalize() for x in s.split(sep)) */
    if (!rt_arg_range("capwords", nargs, 1, 2))
        return VAL_NULL;
    Value sep = nargs > 1 ? args[1] : rt_None;
    Value parts = mod_call_method(args[0], "split", &sep, 1);
    if (parts == VAL_NULL)
        return VAL_NULL;
    ObjList *l = AS_LIST(parts);
    for (size_t i = 0; i < l->length; i++)
        if ((l->items[i] = mod_call_method(l->items[i], "capitalize", NULL, 0)) == VAL_NULL)
            return VAL_NULL;
    Value joiner = sep == rt_None ? rt_str_from_cstr(" ") : sep;
    return mod_call_method(joiner, "join", &parts, 1);
}

static const MethodDef string_functions[] = {
    {"capwords", mod_capwords},
    {NULL, NULL}
};

Value mod_string_init(void)
{
    Value m = mod_module_new("string", string_functions);
    static const struct { const char *name, *value; } consts[] = {
        {"ascii_lowercase", "abcdefghijklmnopqrstuvwxyz"},
        {"ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
        {"ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
        {"digits", "0123456789"},
        {"hexdigits", "0123456789abcdefABCDEF"},
        {"octdigits", "01234567"},
        {"punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
        {"whitespace", " \t\n\r\x0b\x0c"},
        {"printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        mod_module_set(m, consts[i].name, rt_str_from_cstr(consts[i].value));
    return m;
}
