/*
 * tokenize.c — the _tokenize module of CPython 3.12, whose Lib/tokenize.py
 * imports it at start (and linecache, inspect, dataclasses and doctest
 * import tokenize).  CPython's TokenizerIter runs its C tokenizer; pvm has
 * none, so the module is here for the import to succeed, and TokenizerIter
 * says it is not there yet.  A 3.11 process has no _tokenize, as
 * python3.11 has none (modules/registry.c).
 */
#include "modules/modutil.h"

static Value tokenizer_iter(Value *args, size_t nargs, Value kw)
{
    return rt_raisef(&rt_NotImplementedError,
                     "pvm has no tokenizer for Python 3.12 source yet (_tokenize.TokenizerIter)");
}

static const MethodDef tokenize_functions[] = {
    {"TokenizerIter", tokenizer_iter},
    {NULL, NULL}
};

Value mod_tokenize_init(void)
{
    return mod_module_new("_tokenize", tokenize_functions);
}
