/*
 * blake2.c — the _blake2 module (CPython's Modules/_blake2): the blake2b and
 * blake2s hash types with all of BLAKE2's parameters, under Lib/hashlib.py,
 * which always takes BLAKE2 from here rather than from OpenSSL.
 *
 * Why not OpenSSL: its BLAKE2 digests (BLAKE2b512, BLAKE2s256) have a fixed
 * size and no key, salt, personalisation or tree parameters, which
 * hashlib.blake2b(key=..., salt=..., person=..., digest_size=...) needs.  The
 * computation is libb2's, the BLAKE2 authors' library (the same reference
 * code CPython vendors): a parameter block is filled exactly as CPython
 * fills it, then a key, if any, is hashed as a first zero-padded block.
 */
#include <string.h>
#include <blake2.h>
#include "modules/hashlib.h"
#include "modules/modutil.h"
#include "runtime/version.h"

/* libb2 is opened on first use (dlopen): it brings in the OpenMP runtime,
 * whose start-up work pvm would otherwise pay on every run.  Its functions
 * are called through this table, each typed as blake2.h declares it. */
#define PVM_LIBB2 "libb2.so.1"
#define B2_FUNCTIONS(X) \
    X(blake2b_init_param) X(blake2b_update) X(blake2b_final) \
    X(blake2s_init_param) X(blake2s_update) X(blake2s_final)
MOD_LIBRARY(b2lib, PVM_LIBB2, B2_FUNCTIONS)

/* One variant: blake2b (64-bit words) or blake2s (32-bit words). */
typedef struct Variant {
    const char *name;           /* "blake2b" */
    size_t max_digest, max_key, salt_size, person_size, block_size;
    uint64_t max_node_offset;
} Variant;

static const Variant variant_b = { "blake2b", BLAKE2B_OUTBYTES, BLAKE2B_KEYBYTES,
                                   BLAKE2B_SALTBYTES, BLAKE2B_PERSONALBYTES,
                                   BLAKE2B_BLOCKBYTES, UINT64_MAX };
static const Variant variant_s = { "blake2s", BLAKE2S_OUTBYTES, BLAKE2S_KEYBYTES,
                                   BLAKE2S_SALTBYTES, BLAKE2S_PERSONALBYTES,
                                   BLAKE2S_BLOCKBYTES, 0xFFFFFFFFFFFFULL };

typedef struct ObjBlake2 {
    Object ob;
    const Variant *v;
    size_t digest_size;
    union {
        blake2b_state b;
        blake2s_state s;
    } state;
} ObjBlake2;

static ObjType blake2b_type, blake2s_type;
#define B2(x) VAL_AS(ObjBlake2, x)

static bool is_b(const ObjBlake2 *h) { return h->v == &variant_b; }

/* The parameters after `data`, all keyword-only, as CPython names them. */
enum { P_DIGEST_SIZE, P_KEY, P_SALT, P_PERSON, P_FANOUT, P_DEPTH, P_LEAF_SIZE,
       P_NODE_OFFSET, P_NODE_DEPTH, P_INNER_SIZE, P_LAST_NODE, P_USEDFORSECURITY, NPARAMS };
static const char *const param_names[] = {
    "data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size",
    "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity",
    "string",       /* 3.14: data by keyword too, or (deprecated) as string */
};

/* The numeric parameters, checked as CPython's constructor does. */
typedef struct Params {
    ssize_t digest_size, fanout, depth, node_depth, inner_size;
    uint64_t leaf_size, node_offset;
    int last_node;
    ModBuffer key, salt, person;
} Params;

static bool int_param(Value v, ssize_t dflt, ssize_t *out)
{
    *out = dflt;
    return v == VAL_NULL || rt_as_ssize(v, out);
}

/* leaf_size is an unsigned long, node_offset an unsigned long long, as
 * CPython's Argument Clinic converts them. */
static bool unsigned_param(Value v, bool long_long, uint64_t *out)
{
    *out = 0;
    return v == VAL_NULL || mod_as_unsigned(v, long_long, out);
}

static bool bytes_param(Value v, ModBuffer *out, size_t max, const char *what)
{
    *out = (ModBuffer){ (const unsigned char *)"", 0, NULL };
    if (v == VAL_NULL)
        return true;
    if (!mod_get_buffer(v, out))
        return false;
    if (out->len > max) {
        rt_raisef(&rt_ValueError, "maximum %s length is %zu bytes", what, max);
        return false;
    }
    return true;
}

static bool read_params(const Variant *var, const Value *a, Params *p)
{
    if (!int_param(a[P_DIGEST_SIZE], (ssize_t)var->max_digest, &p->digest_size))
        return false;
    if (p->digest_size < 1 || p->digest_size > (ssize_t)var->max_digest) {
        if (rt_py_minor >= 14)
            rt_raisef(&rt_ValueError, "digest_size for Blake2%c must be between 1 and %zu "
                      "bytes, here it is %zd", var->name[6], var->max_digest, p->digest_size);
        else
            rt_raisef(&rt_ValueError, "digest_size must be between 1 and %zu bytes",
                      var->max_digest);
        return false;
    }
    if (!bytes_param(a[P_SALT], &p->salt, var->salt_size, "salt") ||
        !bytes_param(a[P_PERSON], &p->person, var->person_size, "person") ||
        !int_param(a[P_FANOUT], 1, &p->fanout))
        return false;
    if (p->fanout < 0 || p->fanout > 255) {
        rt_raisef(&rt_ValueError, "fanout must be between 0 and 255");
        return false;
    }
    if (!int_param(a[P_DEPTH], 1, &p->depth))
        return false;
    if (p->depth <= 0 || p->depth > 255) {
        rt_raisef(&rt_ValueError, "depth must be between 1 and 255");
        return false;
    }
    if (!unsigned_param(a[P_LEAF_SIZE], false, &p->leaf_size))
        return false;
    if (p->leaf_size > 0xFFFFFFFFU) {
        rt_raisef(&rt_OverflowError, "leaf_size is too large");
        return false;
    }
    if (!unsigned_param(a[P_NODE_OFFSET], true, &p->node_offset))
        return false;
    if (p->node_offset > var->max_node_offset) {
        rt_raisef(&rt_OverflowError, "node_offset is too large");
        return false;
    }
    if (!int_param(a[P_NODE_DEPTH], 0, &p->node_depth))
        return false;
    if (p->node_depth < 0 || p->node_depth > 255) {
        rt_raisef(&rt_ValueError, "node_depth must be between 0 and 255");
        return false;
    }
    if (!int_param(a[P_INNER_SIZE], 0, &p->inner_size))
        return false;
    if (p->inner_size < 0 || p->inner_size > (ssize_t)var->max_digest) {
        rt_raisef(&rt_ValueError, "inner_size must be between 0 and is %zu", var->max_digest);
        return false;
    }
    p->last_node = a[P_LAST_NODE] == VAL_NULL ? 0 : rt_truthy(a[P_LAST_NODE]);
    return p->last_node >= 0 && bytes_param(a[P_KEY], &p->key, var->max_key, "key");
}

/* Fill the parameter block and start the state (CPython's py_blake2*_new). */
static void init_state(ObjBlake2 *h, const Params *p)
{
    unsigned char block[BLAKE2B_BLOCKBYTES] = {0};
    if (is_b(h)) {
        blake2b_param bp;
        memset(&bp, 0, sizeof bp);
        bp.digest_length = (uint8_t)p->digest_size;
        bp.key_length = (uint8_t)p->key.len;
        bp.fanout = (uint8_t)p->fanout;
        bp.depth = (uint8_t)p->depth;
        bp.leaf_length = (uint32_t)p->leaf_size;
        bp.node_offset = p->node_offset;
        bp.node_depth = (uint8_t)p->node_depth;
        bp.inner_length = (uint8_t)p->inner_size;
        memcpy(bp.salt, p->salt.data, p->salt.len);
        memcpy(bp.personal, p->person.data, p->person.len);
        b2lib.blake2b_init_param(&h->state.b, &bp);
        h->state.b.last_node = (uint8_t)p->last_node;
    } else {
        blake2s_param sp;
        memset(&sp, 0, sizeof sp);
        sp.digest_length = (uint8_t)p->digest_size;
        sp.key_length = (uint8_t)p->key.len;
        sp.fanout = (uint8_t)p->fanout;
        sp.depth = (uint8_t)p->depth;
        sp.leaf_length = (uint32_t)p->leaf_size;
        for (int i = 0; i < 6; i++)     /* a 48-bit little-endian field */
            sp.node_offset[i] = (uint8_t)(p->node_offset >> (8 * i));
        sp.node_depth = (uint8_t)p->node_depth;
        sp.inner_length = (uint8_t)p->inner_size;
        memcpy(sp.salt, p->salt.data, p->salt.len);
        memcpy(sp.personal, p->person.data, p->person.len);
        b2lib.blake2s_init_param(&h->state.s, &sp);
        h->state.s.last_node = (uint8_t)p->last_node;
    }
    if (p->key.len > 0) {
        memcpy(block, p->key.data, p->key.len);
        if (is_b(h))
            b2lib.blake2b_update(&h->state.b, block, BLAKE2B_BLOCKBYTES);
        else
            b2lib.blake2s_update(&h->state.s, block, BLAKE2S_BLOCKBYTES);
    }
}

static bool b2_update(ObjBlake2 *h, Value data)
{
    ModBuffer b;
    if (rt_is_str(data)) {
        rt_raisef(&rt_TypeError, "Strings must be encoded before hashing");
        return false;
    }
    if (!mod_is_buffer(data)) {
        rt_raisef(&rt_TypeError, "object supporting the buffer API required");
        return false;
    }
    mod_get_buffer(data, &b);
    if (is_b(h))
        b2lib.blake2b_update(&h->state.b, b.data, b.len);
    else
        b2lib.blake2s_update(&h->state.s, b.data, b.len);
    return true;
}

static Value b2_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    const Variant *var = type == &blake2b_type ? &variant_b : &variant_s;
    ArgSpec spec = { var->name, param_names, 1 + NPARAMS, 1, 0, 1, false };
    ArgSpec spec314 = { var->name, param_names, 2 + NPARAMS, 0, 0, 1, false };
    Value a[2 + NPARAMS], data;
    Params p;
    a[1 + NPARAMS] = VAL_NULL;
    if (!rt_parse_args(rt_py_minor >= 14 ? &spec314 : &spec, args, nargs, kw, a) ||
        !mod_hash_data_arg(a[0], a[1 + NPARAMS], &data) || !read_params(var, a + 1, &p))
        return VAL_NULL;
    ObjBlake2 *h = gc_alloc(sizeof *h);
    h->ob.type = type;
    h->v = var;
    h->digest_size = (size_t)p.digest_size;
    init_state(h, &p);
    if (data != VAL_NULL && !b2_update(h, data))
        return VAL_NULL;
    return obj_val(h);
}

static const char *method_name(Value self, const char *method)
{
    return rt_str_cstr(rt_str_format_c("%s.%s", B2(self)->v->name, method));
}

static Value bm_update(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one(method_name(args[0], "update"), nargs - 1, kw))
        return VAL_NULL;
    return b2_update(B2(args[0]), args[1]) ? rt_None : VAL_NULL;
}

/* The digest of a copy of the state: the object can go on. */
static Value digest_common(Value *args, size_t nargs, Value kw, bool hex)
{
    if (!rt_arg_none(method_name(args[0], hex ? "hexdigest" : "digest"), nargs - 1, kw))
        return VAL_NULL;
    ObjBlake2 copy = *B2(args[0]);
    unsigned char out[BLAKE2B_OUTBYTES];
    if (is_b(&copy))
        b2lib.blake2b_final(&copy.state.b, out, copy.digest_size);
    else
        b2lib.blake2s_final(&copy.state.s, out, copy.digest_size);
    if (!hex)
        return rt_bytes_new(out, copy.digest_size);
    char text[2 * BLAKE2B_OUTBYTES + 1];        /* snprintf's NUL after the last pair */
    for (size_t i = 0; i < copy.digest_size; i++)
        snprintf(text + 2 * i, 3, "%02x", out[i]);
    return rt_str_new(text, 2 * copy.digest_size);
}

static Value bm_digest(Value *a, size_t n, Value kw) { return digest_common(a, n, kw, false); }
static Value bm_hexdigest(Value *a, size_t n, Value kw) { return digest_common(a, n, kw, true); }

static Value bm_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none(method_name(args[0], "copy"), nargs - 1, kw))
        return VAL_NULL;
    ObjBlake2 *h = gc_alloc(sizeof *h);
    *h = *B2(args[0]);
    return obj_val(h);
}

static Value b2_getattr(Value self, Value name)
{
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "name") == 0)
        return rt_str_from_cstr(B2(self)->v->name);
    if (strcmp(s, "digest_size") == 0)
        return small_new((intptr_t)B2(self)->digest_size);
    if (strcmp(s, "block_size") == 0)
        return small_new((intptr_t)B2(self)->v->block_size);
    return rt_generic_getattr(self, name);
}

static const MethodDef blake2_methods[] = {
    {"update", bm_update}, {"digest", bm_digest}, {"hexdigest", bm_hexdigest},
    {"copy", bm_copy}, {NULL, NULL}
};

static ObjType blake2b_type = {
    .ob.type = &rt_type_type, .name = "_blake2.blake2b", .new_ = b2_new, .getattr = b2_getattr,
};
static ObjType blake2s_type = {
    .ob.type = &rt_type_type, .name = "_blake2.blake2s", .new_ = b2_new, .getattr = b2_getattr,
};

/* The size constants, on each type and (prefixed) on the module. */
static void add_sizes(Value m, ObjType *t, const Variant *v, const char *prefix)
{
    static const char *const names[] = { "SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE",
                                         "MAX_DIGEST_SIZE" };
    size_t values[] = { v->salt_size, v->person_size, v->max_key, v->max_digest };
    for (int i = 0; i < 4; i++) {
        rt_type_set(t, names[i], small_new((intptr_t)values[i]));
        mod_module_set(m, rt_str_cstr(rt_str_format_c("%s_%s", prefix, names[i])),
                       small_new((intptr_t)values[i]));
    }
}

Value mod_blake2_init(void)
{
    if (!b2lib_ready())
        return VAL_NULL;
    Value m = mod_module_new("_blake2", NULL);
    mod_add_type(m, "blake2b", &blake2b_type, blake2_methods);
    mod_add_type(m, "blake2s", &blake2s_type, blake2_methods);
    add_sizes(m, &blake2b_type, &variant_b, "BLAKE2B");
    add_sizes(m, &blake2s_type, &variant_s, "BLAKE2S");
    return m;
}
