/*
 * tokenize.c — the _tokenize module of CPython 3.12 and later, whose
 * Lib/tokenize.py imports it at start (and linecache, inspect, dataclasses
 * and doctest import tokenize).  CPython's TokenizerIter runs its C
 * tokenizer; pvm has none of its own, so the compile service's CPython
 * (of the running bytecode's version: loader/compile.c) tokenizes, as it
 * compiles.  TokenizerIter reads every line from `readline` first, asks
 * for all the tokens at once, and yields them; an error the tokenizer met
 * is raised after the tokens before it, where CPython's raises it.
 * CPython 3.11's TokenizerIter(source) takes the whole source as a str
 * instead, without extra tokens (Lib/tokenize.py's private
 * _generate_tokens_from_c_tokenizer uses it, and test_tokenize tests it).
 */
#include "loader/compile.h"
#include "modules/modutil.h"
#include "runtime/version.h"

typedef struct ObjTokens {
    Object ob;
    Value tokens;               /* tuple */
    size_t next;
    Value error;                /* raised after the last token, or VAL_NULL */
} ObjTokens;

static Value tokens_next(Value self)
{
    ObjTokens *t = VAL_AS(ObjTokens, self);
    if (t->next < rt_tuple_len(t->tokens))
        return rt_tuple_get(t->tokens, t->next++);
    if (t->error != VAL_NULL) {
        Value error = t->error;
        t->error = VAL_NULL;
        return rt_raise(error);
    }
    return VAL_NULL;
}

static ObjType tokens_type = {
    .ob.type = &rt_type_type, .name = "_tokenize.TokenizerIter",
    .instance_size = sizeof(ObjTokens), .iter = rt_iter_self, .next = tokens_next,
};

/* Every line readline gives, up to StopIteration or an empty line, joined:
 * a str, or bytes when `as_bytes`. */
static Value read_source(Value readline, bool as_bytes)
{
    StrBuf sb;
    sb_init(&sb);
    for (;;) {
        Value line = rt_call(readline, NULL, 0, VAL_NULL);
        if (line == VAL_NULL) {
            if (!rt_err_matches(&rt_StopIteration))
                return VAL_NULL;
            rt_err_clear();
            break;
        }
        if (as_bytes ? !rt_isinstance_of(line, &rt_bytes_type) : !is_str(line))
            return rt_raisef(&rt_TypeError, "readline() returned a non-%s object",
                             as_bytes ? "bytes" : "string");
        size_t n = as_bytes ? AS_BYTES(line)->length : rt_str_nbytes(line);
        if (n == 0)
            break;
        sb_add(&sb, as_bytes ? (const char *)AS_BYTES(line)->data : rt_str_cstr(line), n);
    }
    return as_bytes ? rt_bytes_new((const unsigned char *)sb.data, sb.len)
                    : rt_str_new(sb.data, sb.len);
}

static Value tokens_new(ObjType *type, Value source, Value encoding, bool extra)
{
    Value error;
    Value tokens = ld_tokenize(source, encoding, extra, &error);
    if (tokens == VAL_NULL)
        return VAL_NULL;
    ObjTokens *t = rt_alloc_instance(type, sizeof *t);
    t->tokens = tokens;
    t->error = error;
    return obj_val(t);
}

/* 3.11's TokenizerIter(source) */
static Value tokenizer_new_311(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "source" };
    static const ArgSpec spec = { "tokenizeriter", names, 1, 0, 1, 1, false };
    Value source;
    if (!rt_parse_args(&spec, args, nargs, kwnames, &source))
        return VAL_NULL;
    if (!is_str(source))
        return rt_raisef(&rt_TypeError, "tokenizeriter() argument 'source' must be str, not %T",
                         source);
    return tokens_new(type, source, VAL_NULL, false);
}

/* TokenizerIter(readline, /, *, extra_tokens, encoding=None) */
static Value tokenizer_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (rt_py_minor < 12)
        return tokenizer_new_311(type, args, nargs, kwnames);
    static const char *const names[] = { "readline", "extra_tokens", "encoding" };
    static const ArgSpec spec = { "TokenizerIter", names, 3, 1, 1, 1, false };
    Value a[3];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (a[1] == VAL_NULL)
        return rt_raisef(&rt_TypeError,
                         "TokenizerIter() missing required keyword-only argument: 'extra_tokens'");
    Value encoding = a[2] != VAL_NULL && a[2] != rt_None ? a[2] : VAL_NULL;
    if (encoding != VAL_NULL && !is_str(encoding))
        return rt_raisef(&rt_TypeError, "TokenizerIter() argument 'encoding' must be str, not %T",
                         encoding);
    int extra = rt_truthy(a[1]);
    Value source = extra < 0 ? VAL_NULL : read_source(a[0], encoding != VAL_NULL);
    if (source == VAL_NULL)
        return VAL_NULL;
    return tokens_new(type, source, encoding, extra);
}

Value mod_tokenize_init(void)
{
    tokens_type.new_ = tokenizer_new;
    rt_type_ready(&tokens_type, NULL);
    Value m = mod_module_new("_tokenize", NULL);
    mod_add_type(m, "TokenizerIter", &tokens_type, NULL);
    return m;
}
