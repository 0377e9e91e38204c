/*
 * decimal_context.c — the signals, SignalDict and Context of _decimal
 * (CPython 3.11's Modules/_decimal/_decimal.c), the current context and
 * the module itself.
 *
 * Signals.  Each of the nine signals (InvalidOperation ... Clamped) is an
 * exception class standing for a set of dec.h's condition bits; four more
 * classes (ConversionSyntax, DivisionImpossible, DivisionUndefined,
 * InvalidContext) are finer conditions of InvalidOperation.  When an
 * operation raises a trapped condition the exception is the first trapped
 * signal, carrying the list of every trapped condition raised, as
 * CPython's dec_addstatus does: `Decimal('abc')` raises
 * InvalidOperation([<class 'decimal.ConversionSyntax'>]).
 *
 * Contexts.  A Context holds dec.h's context (prec, Emin, Emax, rounding,
 * clamp) and two status words, traps and flags, which two SignalDicts
 * (a mapping from signal class to bool) read and write in place.  The
 * current context is kept in a contextvars.ContextVar, as in CPython 3.11
 * (HAVE_CONTEXTVAR), so each thread and each asyncio task has its own.
 */
#include <string.h>
#include "modules/decimal_module.h"
#include "runtime/class.h"
#include "runtime/version.h"

/* ---- the signals ------------------------------------------------------------ */

typedef struct Signal {
    const char *name;
    uint32_t flag;
    Value cls;
} Signal;

/* The signals, in CPython's signal_map order (the order of SignalDict). */
enum { NSIGNALS = 9 };
static Signal signals[NSIGNALS] = {
    {"InvalidOperation", DEC_IEEE_InvalidOperation},
    {"FloatOperation", DEC_NotImplemented},
    {"DivisionByZero", DEC_DivisionByZero},
    {"Overflow", DEC_Overflow},
    {"Underflow", DEC_Underflow},
    {"Subnormal", DEC_Subnormal},
    {"Inexact", DEC_Inexact},
    {"Rounded", DEC_Rounded},
    {"Clamped", DEC_Clamped},
};
/* The conditions InvalidOperation stands for (CPython's cond_map). */
enum { NCONDITIONS = 5 };
static Signal conditions[NCONDITIONS] = {
    {"InvalidOperation", DEC_InvalidOperation},
    {"ConversionSyntax", DEC_ConversionSyntax},
    {"DivisionImpossible", DEC_DivisionImpossible},
    {"DivisionUndefined", DEC_DivisionUndefined},
    {"InvalidContext", DEC_InvalidContext},
};
static Value decimal_exception, signal_tuple;

/* Names of the condition bits in repr(Context) (libmpdec's bit order;
 * CPython's dec_signal_string). */
static const char *const bit_names[15] = {
    "Clamped", "InvalidOperation", "DivisionByZero", "InvalidOperation",
    "InvalidOperation", "InvalidOperation", "Inexact", "InvalidOperation",
    "InvalidOperation", "InvalidOperation", "FloatOperation", "Overflow",
    "Rounded", "Subnormal", "Underflow",
};

static const char invalid_signals_err[] =
    "valid values for signals are:\n"
    "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
    "   Clamped]";
static const char invalid_rounding_err[] =
    "valid values for rounding are:\n"
    "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
    "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
    "   ROUND_05UP]";

const char *const dm_round_names[DEC_ROUND_COUNT] = {
    "ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR",
    "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP",
};
static Value round_strs[DEC_ROUND_COUNT];

Value dm_rounding_name(int round)
{
    return round_strs[round];
}

/* A class made as PyErr_NewException makes it: type(name, bases,
 * {'__module__': 'decimal'}). */
static Value new_exception(const char *name, Value bases)
{
    Value dict = rt_dict_new();
    rt_dict_set(dict, rt_str_from_cstr("__module__"), rt_str_from_cstr("decimal"));
    return rt_type_create(&rt_type_type, rt_str_from_cstr(name), bases, dict, VAL_NULL);
}

static Value signal_named(const char *name)
{
    for (int i = 0; i < NSIGNALS; i++)
        if (strcmp(signals[i].name, name) == 0)
            return signals[i].cls;
    return VAL_NULL;
}

/* The classes, bases first: Overflow is (Inexact, Rounded), Underflow
 * (Inexact, Rounded, Subnormal), DivisionByZero also a ZeroDivisionError,
 * FloatOperation also a TypeError. */
static bool make_signals(void)
{
    decimal_exception = new_exception("DecimalException",
                                      rt_tuple_pack(1, obj_val(&rt_ArithmeticError)));
    if (decimal_exception == VAL_NULL)
        return false;
    static const int order[NSIGNALS] = { 0, 1, 2, 5, 6, 7, 8, 3, 4 };
    for (int k = 0; k < NSIGNALS; k++) {
        Signal *s = &signals[order[k]];
        Value bases;
        if (s->flag == DEC_NotImplemented)
            bases = rt_tuple_pack(2, decimal_exception, obj_val(&rt_TypeError));
        else if (s->flag == DEC_DivisionByZero)
            bases = rt_tuple_pack(2, decimal_exception, obj_val(&rt_ZeroDivisionError));
        else if (s->flag == DEC_Overflow)
            bases = rt_tuple_pack(2, signal_named("Inexact"), signal_named("Rounded"));
        else if (s->flag == DEC_Underflow)
            bases = rt_tuple_pack(3, signal_named("Inexact"), signal_named("Rounded"),
                                  signal_named("Subnormal"));
        else
            bases = rt_tuple_pack(1, decimal_exception);
        if ((s->cls = new_exception(s->name, bases)) == VAL_NULL)
            return false;
    }
    Value invalid = signals[0].cls;
    conditions[0].cls = invalid;
    for (int i = 1; i < NCONDITIONS; i++) {
        Value bases = conditions[i].flag == DEC_DivisionUndefined
            ? rt_tuple_pack(2, invalid, obj_val(&rt_ZeroDivisionError))
            : rt_tuple_pack(1, invalid);
        if ((conditions[i].cls = new_exception(conditions[i].name, bases)) == VAL_NULL)
            return false;
    }
    signal_tuple = rt_tuple_new(NSIGNALS);
    for (int i = 0; i < NSIGNALS; i++)
        AS_TUPLE(signal_tuple)->items[i] = signals[i].cls;
    return true;
}

Value dm_signal_class(uint32_t flag)
{
    for (int i = 0; i < NSIGNALS; i++)
        if (signals[i].flag & flag)
            return signals[i].cls;
    return VAL_NULL;
}

/* The signal bits of a signal class, or 0 + KeyError. */
static uint32_t signal_flag(Value cls)
{
    for (int i = 0; i < NSIGNALS; i++)
        if (signals[i].cls == cls)
            return signals[i].flag;
    rt_raisef(&rt_KeyError, "%s", invalid_signals_err);
    return 0;
}

/* The classes of the conditions in `flags`, finest first (flags_as_list). */
static Value flags_as_list(uint32_t flags)
{
    Value list = rt_list_new(0);
    for (int i = 0; i < NCONDITIONS; i++)
        if (flags & conditions[i].flag)
            rt_list_append(list, conditions[i].cls);
    for (int i = 1; i < NSIGNALS; i++)
        if (flags & signals[i].flag)
            rt_list_append(list, signals[i].cls);
    return list;
}

/* The signals set in `flags` (signals_as_list: Context.__reduce__). */
static Value signals_as_list(uint32_t flags)
{
    Value list = rt_list_new(0);
    for (int i = 0; i < NSIGNALS; i++)
        if (flags & signals[i].flag)
            rt_list_append(list, signals[i].cls);
    return list;
}

bool dm_add_status(Value ctx, uint32_t status)
{
    CtxObject *c = CTX(ctx);
    c->status |= status;
    if (status & DEC_MallocError) {
        rt_raise_nomemory();
        return false;
    }
    uint32_t trapped = status & c->traps;
    if (trapped == 0)
        return true;
    rt_raise_args(VAL_AS(ObjType, dm_signal_class(trapped)),
                  rt_tuple_pack(1, flags_as_list(trapped)));
    return false;
}

/* A dict {signal: bool} of a flags word to a flags word: 0 and *ok false
 * + exception when it is not one (dict_as_flags); `invalid` says the
 * failure was a wrong mapping rather than an error while reading it. */
static uint32_t dict_as_flags(Value d, bool *ok, bool *invalid)
{
    *ok = false;
    *invalid = true;
    if (!rt_isinstance_of(d, &rt_dict_type)) {
        rt_raisef(&rt_TypeError, "argument must be a signal dict");
        return 0;
    }
    if (rt_dict_len(d) != NSIGNALS) {
        rt_raisef(&rt_KeyError, "invalid signal dict");
        return 0;
    }
    uint32_t flags = 0;
    for (int i = 0; i < NSIGNALS; i++) {
        bool error = false;
        Value b = rt_dict_get(d, signals[i].cls, &error);
        if (b == VAL_NULL) {
            *invalid = !error;
            if (!error)
                rt_raisef(&rt_KeyError, "invalid signal dict");
            return 0;
        }
        int t = rt_truthy(b);
        if (t < 0) {
            *invalid = false;
            return 0;
        }
        if (t)
            flags |= signals[i].flag;
    }
    *ok = true;
    return flags;
}

/* ---- SignalDict ------------------------------------------------------------- */

/* decimal.SignalDictMixin: the C half of SignalDict, which the module
 * makes a MutableMapping too (type("SignalDict", (SignalDictMixin,
 * MutableMapping), {})).  It reads and writes the flags or traps word of
 * its context. */
typedef struct SigDict {
    Object ob;
    Value ctx;                  /* the Context; VAL_NULL: not attached */
    bool traps;                 /* the traps word, else the flags */
} SigDict;

static ObjType sigdict_mixin_type;
static Value sigdict_type;

static uint32_t *sigdict_word(Value self)
{
    SigDict *sd = VAL_AS(SigDict, self);
    if (sd->ctx == VAL_NULL) {
        rt_raisef(&rt_ValueError, "invalid signal dict");
        return NULL;
    }
    return sd->traps ? &CTX(sd->ctx)->traps : &CTX(sd->ctx)->status;
}

static Value sigdict_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    SigDict *sd = rt_alloc_instance(type, sizeof *sd);
    return obj_val(sd);
}

static Value sigdict_attached(Value ctx, bool traps)
{
    Value sd = rt_call0(sigdict_type);
    if (sd == VAL_NULL)
        return VAL_NULL;
    VAL_AS(SigDict, sd)->ctx = ctx;
    VAL_AS(SigDict, sd)->traps = traps;
    return sd;
}

static ssize_t sigdict_len(Value self)
{
    return NSIGNALS;
}

static Value sigdict_iter(Value self)
{
    return rt_iter(signal_tuple);
}

static Value sigdict_getitem(Value self, Value key)
{
    uint32_t *w = sigdict_word(self);
    if (w == NULL)
        return VAL_NULL;
    uint32_t flag = signal_flag(key);
    return flag ? rt_bool(*w & flag) : VAL_NULL;
}

static int sigdict_setitem(Value self, Value key, Value v)
{
    uint32_t *w = sigdict_word(self);
    if (w == NULL)
        return -1;
    if (v == VAL_NULL) {
        rt_raisef(&rt_ValueError, "signal keys cannot be deleted");
        return -1;
    }
    uint32_t flag = signal_flag(key);
    if (flag == 0)
        return -1;
    int t = rt_truthy(v);
    if (t < 0)
        return -1;
    if (t)
        *w |= flag;
    else
        *w &= ~flag;
    return 0;
}

static Value sigdict_repr(Value self)
{
    uint32_t *w = sigdict_word(self);
    if (w == NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    sb_addc(&sb, '{');
    for (int i = 0; i < NSIGNALS; i++) {
        sb_adds(&sb, i ? ", <class 'decimal." : "<class 'decimal.");
        sb_adds(&sb, signals[i].name);
        sb_adds(&sb, *w & signals[i].flag ? "'>:True" : "'>:False");
    }
    sb_addc(&sb, '}');
    return sb_finish(&sb);
}

static Value sigdict_richcompare(Value a, Value b, int op)
{
    uint32_t *w = sigdict_word(a);
    if (w == NULL)
        return VAL_NULL;
    if (op != CMP_EQ && op != CMP_NE)
        return rt_NotImplemented;
    uint32_t other;
    if (rt_isinstance_of(b, &sigdict_mixin_type)) {
        uint32_t *wb = sigdict_word(b);
        if (wb == NULL)
            return VAL_NULL;
        other = *wb;
    } else if (rt_isinstance_of(b, &rt_dict_type)) {
        bool ok, invalid;
        other = dict_as_flags(b, &ok, &invalid);
        if (!ok) {
            if (!invalid)
                return VAL_NULL;
            rt_err_clear();
            /* 3.12's C module refuses what 3.11's did not compare. */
            if (rt_py_minor >= 12)
                return rt_raisef(&rt_ValueError, "invalid signal dict");
            return rt_NotImplemented;
        }
    } else {
        return rt_NotImplemented;
    }
    return rt_bool((*w == other) == (op == CMP_EQ));
}

/* The flags as a plain dict {signal: bool} (SignalDict.copy()). */
static Value flags_as_dict(uint32_t flags)
{
    Value d = rt_dict_new();
    for (int i = 0; i < NSIGNALS; i++)
        rt_dict_set(d, signals[i].cls, rt_bool(flags & signals[i].flag));
    return d;
}

static Value sigdict_copy(Value *args, size_t nargs, Value kw)
{
    uint32_t *w = sigdict_word(args[0]);
    return w ? flags_as_dict(*w) : VAL_NULL;
}

static const MethodDef sigdict_methods[] = {
    {"copy", sigdict_copy},
    {NULL, NULL}
};

static ObjType sigdict_mixin_type = {
    .ob.type = &rt_type_type, .name = "decimal.SignalDictMixin", .flags = TF_BASETYPE,
    .instance_size = sizeof(SigDict), .new_ = sigdict_new, .repr = sigdict_repr,
    .richcompare = sigdict_richcompare, .len = sigdict_len, .iter = sigdict_iter,
    .getitem = sigdict_getitem, .setitem = sigdict_setitem,
};

/* ---- Context: the attributes ------------------------------------------------- */

/* PyLong_AsSsize_t: ints only ("an integer is required"). */
static bool as_ssize(Value v, int64_t *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return false;
    }
    ssize_t n;
    if (!mod_int_as_ssize(v, &n))
        return false;
    *out = n;
    return true;
}

static Value ctx_get_prec(Value self) { return rt_int_from_i64(CTX(self)->ctx.prec); }
static Value ctx_get_emin(Value self) { return rt_int_from_i64(CTX(self)->ctx.emin); }
static Value ctx_get_emax(Value self) { return rt_int_from_i64(CTX(self)->ctx.emax); }
static Value ctx_get_clamp(Value self) { return small_new(CTX(self)->ctx.clamp); }
static Value ctx_get_capitals(Value self) { return small_new(CTX(self)->capitals); }
static Value ctx_get_rounding(Value self) { return round_strs[CTX(self)->ctx.round]; }

static int ctx_set_prec(Value self, Value v)
{
    int64_t n;
    if (!as_ssize(v, &n))
        return -1;
    if (n < 1 || n > DEC_MAX_PREC) {
        rt_raisef(&rt_ValueError, "valid range for prec is [1, MAX_PREC]");
        return -1;
    }
    CTX(self)->ctx.prec = n;
    return 0;
}

static int ctx_set_emin(Value self, Value v)
{
    int64_t n;
    if (!as_ssize(v, &n))
        return -1;
    if (n < DEC_MIN_EMIN || n > 0) {
        rt_raisef(&rt_ValueError, "valid range for Emin is [MIN_EMIN, 0]");
        return -1;
    }
    CTX(self)->ctx.emin = n;
    return 0;
}

static int ctx_set_emax(Value self, Value v)
{
    int64_t n;
    if (!as_ssize(v, &n))
        return -1;
    if (n < 0 || n > DEC_MAX_EMAX) {
        rt_raisef(&rt_ValueError, "valid range for Emax is [0, MAX_EMAX]");
        return -1;
    }
    CTX(self)->ctx.emax = n;
    return 0;
}

/* capitals and clamp: 0 or 1. */
static int zero_or_one(Value v, const char *what, int *out)
{
    int64_t n;
    if (!as_ssize(v, &n))
        return -1;
    if (n != 0 && n != 1) {
        rt_raisef(&rt_ValueError, "valid values for %s are 0 or 1", what);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int ctx_set_capitals(Value self, Value v)
{
    return zero_or_one(v, "capitals", &CTX(self)->capitals);
}

static int ctx_set_clamp(Value self, Value v)
{
    return zero_or_one(v, "clamp", &CTX(self)->ctx.clamp);
}

static int ctx_set_rounding(Value self, Value v)
{
    if (rt_isinstance_of(v, &rt_str_type))
        for (int i = 0; i < DEC_ROUND_COUNT; i++)
            if (strcmp(rt_str_cstr(v), dm_round_names[i]) == 0) {
                CTX(self)->ctx.round = i;
                return 0;
            }
    rt_raisef(&rt_TypeError, "%s", invalid_rounding_err);
    return -1;
}

/* ctx.flags = d / ctx.traps = d: a SignalDict or a dict of all nine. */
static int ctx_set_signals(Value self, Value v, bool traps)
{
    uint32_t flags;
    if (rt_isinstance_of(v, &sigdict_mixin_type)) {
        uint32_t *w = sigdict_word(v);
        if (w == NULL)
            return -1;
        flags = *w;
    } else {
        bool ok, invalid;
        flags = dict_as_flags(v, &ok, &invalid);
        if (!ok)
            return -1;
    }
    *(traps ? &CTX(self)->traps : &CTX(self)->status) = flags;
    return 0;
}

/* The same from a list of signals (Context(flags=[Inexact])). */
static int ctx_set_signal_list(Value self, Value list, bool traps)
{
    uint32_t flags = 0;
    ObjList *l = AS_LIST(list);
    for (size_t i = 0; i < l->length; i++) {
        uint32_t f = signal_flag(l->items[i]);
        if (f == 0)
            return -1;
        flags |= f;
    }
    *(traps ? &CTX(self)->traps : &CTX(self)->status) = flags;
    return 0;
}

static int ctx_setattr(Value self, Value name, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_AttributeError, "context attributes cannot be deleted");
        return -1;
    }
    if (rt_isinstance_of(name, &rt_str_type)) {
        if (strcmp(rt_str_cstr(name), "traps") == 0)
            return ctx_set_signals(self, v, true);
        if (strcmp(rt_str_cstr(name), "flags") == 0)
            return ctx_set_signals(self, v, false);
    }
    return rt_generic_setattr(self, name, v);
}

/* Set every attribute given (not None) — Context(...), localcontext(...). */
static bool ctx_set_all(Value self, const Value a[8])
{
    static SetterFunc const setters[6] = {
        ctx_set_prec, ctx_set_rounding, ctx_set_emin, ctx_set_emax,
        ctx_set_capitals, ctx_set_clamp,
    };
    for (int i = 0; i < 6; i++)
        if (a[i] != VAL_NULL && a[i] != rt_None && setters[i](self, a[i]) < 0)
            return false;
    for (int i = 6; i < 8; i++) {
        if (a[i] == VAL_NULL || a[i] == rt_None)
            continue;
        bool traps = i == 7;
        int r = rt_isinstance_of(a[i], &rt_list_type)
            ? ctx_set_signal_list(self, a[i], traps) : ctx_set_signals(self, a[i], traps);
        if (r < 0)
            return false;
    }
    return true;
}

/* ---- Context: making one ----------------------------------------------------- */

static Value default_template, basic_template, extended_template;

static Value ctx_alloc(ObjType *type)
{
    CtxObject *c = rt_alloc_instance(type, sizeof *c);
    Value self = obj_val(c);
    if ((c->traps_dict = sigdict_attached(self, true)) == VAL_NULL ||
        (c->flags_dict = sigdict_attached(self, false)) == VAL_NULL)
        return VAL_NULL;
    return self;
}

/* Context.__new__: a copy of DefaultContext as it is now (capitals 1). */
static Value ctx_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    Value self = ctx_alloc(type);
    if (self == VAL_NULL)
        return VAL_NULL;
    CtxObject *c = CTX(self);
    if (default_template != VAL_NULL) {
        CtxObject *t = CTX(default_template);
        c->ctx = t->ctx;
        c->traps = t->traps;
        c->status = t->status;
    } else {
        dec_context_default(&c->ctx);
        c->traps = DEC_IEEE_InvalidOperation | DEC_DivisionByZero | DEC_Overflow;
    }
    c->capitals = 1;
    return self;
}

static const char *const ctx_arg_names[9] = {
    "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps", "ctx",
};

/* Context.__init__(prec=None, rounding=None, Emin=None, Emax=None,
 * capitals=None, clamp=None, flags=None, traps=None) */
static Value ctx_init(Value *args, size_t nargs, Value kw)
{
    ArgSpec spec = { NULL, ctx_arg_names, 8, 0, 0, 8, false };
    Value a[8];
    if (rt_npos(nargs - 1, kw) > 8)
        return rt_raisef(&rt_TypeError, "function takes at most 8 arguments (%zu given)",
                         rt_npos(nargs - 1, kw));
    if (!rt_parse_args(&spec, args + 1, nargs - 1, kw, a))
        return VAL_NULL;
    return ctx_set_all(args[0], a) ? rt_None : VAL_NULL;
}

static Value ctx_copy_of(Value self)
{
    Value r = ctx_alloc(val_type(self));
    if (r == VAL_NULL)
        return VAL_NULL;
    CtxObject *c = CTX(r), *s = CTX(self);
    c->ctx = s->ctx;
    c->traps = s->traps;
    c->status = s->status;
    c->capitals = s->capitals;
    return r;
}

static Value ctx_copy(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("copy", nargs - 1, kw))
        return VAL_NULL;
    return ctx_copy_of(args[0]);
}

/* Context.__reduce__: (type, (prec, rounding, Emin, Emax, capitals,
 * clamp, [flags], [traps])) */
static Value ctx_reduce(Value *args, size_t nargs, Value kw)
{
    CtxObject *c = CTX(args[0]);
    Value state = rt_tuple_pack(8, rt_int_from_i64(c->ctx.prec), round_strs[c->ctx.round],
                                rt_int_from_i64(c->ctx.emin), rt_int_from_i64(c->ctx.emax),
                                small_new(c->capitals), small_new(c->ctx.clamp),
                                signals_as_list(c->status), signals_as_list(c->traps));
    return rt_tuple_pack(2, obj_val(val_type(args[0])), state);
}

/* "[InvalidOperation, DivisionByZero, Overflow]" (mpd_lsnprint_signals:
 * in bit order, InvalidOperation once). */
static void add_signal_names(StrBuf *sb, uint32_t flags)
{
    bool invalid_done = false, first = true;
    sb_addc(sb, '[');
    for (int j = 0; j < 15; j++) {
        uint32_t f = flags & (1u << j);
        if (!f)
            continue;
        if (f & DEC_IEEE_InvalidOperation) {
            if (invalid_done)
                continue;
            invalid_done = true;
        }
        if (!first)
            sb_adds(sb, ", ");
        sb_adds(sb, bit_names[j]);
        first = false;
    }
    sb_addc(sb, ']');
}

static Value ctx_repr(Value self)
{
    CtxObject *c = CTX(self);
    char buf[200];
    snprintf(buf, sizeof buf,
             "Context(prec=%lld, rounding=%s, Emin=%lld, Emax=%lld, capitals=%d, clamp=%d, flags=",
             (long long)c->ctx.prec, dm_round_names[c->ctx.round], (long long)c->ctx.emin,
             (long long)c->ctx.emax, c->capitals, c->ctx.clamp);
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, buf);
    add_signal_names(&sb, c->status);
    sb_adds(&sb, ", traps=");
    add_signal_names(&sb, c->traps);
    sb_addc(&sb, ')');
    return sb_finish(&sb);
}

static Value ctx_clear_flags(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("clear_flags", nargs - 1, kw))
        return VAL_NULL;
    CTX(args[0])->status = 0;
    return rt_None;
}

static Value ctx_clear_traps(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("clear_traps", nargs - 1, kw))
        return VAL_NULL;
    CTX(args[0])->traps = 0;
    return rt_None;
}

static Value ctx_etiny(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("Etiny", nargs - 1, kw))
        return VAL_NULL;
    return rt_int_from_i64(dec_etiny(&CTX(args[0])->ctx));
}

static Value ctx_etop(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("Etop", nargs - 1, kw))
        return VAL_NULL;
    return rt_int_from_i64(dec_etop(&CTX(args[0])->ctx));
}

static const MethodDef ctx_methods[] = {
    {"__init__", ctx_init},
    {"copy", ctx_copy},
    {"__copy__", ctx_copy},
    {"__reduce__", ctx_reduce},
    {"clear_flags", ctx_clear_flags},
    {"clear_traps", ctx_clear_traps},
    {"Etiny", ctx_etiny},
    {"Etop", ctx_etop},
    {"create_decimal", dm_context_create_decimal},
    {"create_decimal_from_float", dm_context_create_decimal_from_float},
    {NULL, NULL}
};

static const GetSetDef ctx_getsets[] = {
    {"prec", ctx_get_prec, ctx_set_prec},
    {"Emax", ctx_get_emax, ctx_set_emax},
    {"Emin", ctx_get_emin, ctx_set_emin},
    {"rounding", ctx_get_rounding, ctx_set_rounding},
    {"capitals", ctx_get_capitals, ctx_set_capitals},
    {"clamp", ctx_get_clamp, ctx_set_clamp},
    {NULL}
};

static const MemberDef ctx_members[] = {
    {"traps", offsetof(CtxObject, traps_dict), RT_MEMBER_VALUE, RT_READONLY},
    {"flags", offsetof(CtxObject, flags_dict), RT_MEMBER_VALUE, RT_READONLY},
    {NULL}
};

ObjType dm_context_type = {
    .ob.type = &rt_type_type, .name = "decimal.Context",
    .flags = TF_BASETYPE | TF_SPLIT_INIT, .instance_size = sizeof(CtxObject),
    .new_ = ctx_new, .repr = ctx_repr, .setattr = ctx_setattr,
    .getsets = ctx_getsets, .members = ctx_members,
};

/* ---- the current context ---------------------------------------------------- */

static Value context_var;       /* contextvars.ContextVar('decimal_context') */

Value dm_current_context(void)
{
    Value none = rt_None;
    Value c = mod_call_method(context_var, "get", &none, 1);
    if (c == VAL_NULL)
        return VAL_NULL;
    if (c != rt_None) {
        if (!dm_is_context(c))
            return rt_raisef(&rt_TypeError, "argument must be a context");
        return c;
    }
    c = ctx_copy_of(default_template);
    if (c == VAL_NULL)
        return VAL_NULL;
    CTX(c)->status = 0;
    if (mod_call_method(context_var, "set", &c, 1) == VAL_NULL)
        return VAL_NULL;
    return c;
}

Value dm_context_arg(Value v)
{
    if (v == VAL_NULL || v == rt_None)
        return dm_current_context();
    if (!dm_is_context(v))
        return rt_raisef(&rt_TypeError, "optional argument must be a context");
    return v;
}

static Value set_current(Value v)
{
    if (!dm_is_context(v))
        return rt_raisef(&rt_TypeError, "argument must be a context");
    /* A template is never the current context itself: a copy is. */
    if (v == default_template || v == basic_template || v == extended_template) {
        if ((v = ctx_copy_of(v)) == VAL_NULL)
            return VAL_NULL;
        CTX(v)->status = 0;
    }
    return mod_call_method(context_var, "set", &v, 1) == VAL_NULL ? VAL_NULL : rt_None;
}

static Value dm_getcontext(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("getcontext", nargs, kw))
        return VAL_NULL;
    return dm_current_context();
}

static Value dm_setcontext(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("setcontext", nargs, kw))
        return VAL_NULL;
    return set_current(args[0]);
}

/* ---- localcontext ----------------------------------------------------------- */

/* decimal.ContextManager: what localcontext() returns. */
typedef struct CtxManager {
    Object ob;
    Value local, global;
} CtxManager;

static ObjType ctxmanager_type;

/* localcontext(ctx=None, *, prec=None, ...) — 3.11 takes the attributes
 * as keywords too. */
static Value dm_localcontext(Value *args, size_t nargs, Value kw)
{
    static const char *const names[9] = {
        "ctx", "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps",
    };
    ArgSpec spec = { NULL, names, 9, 0, 0, 9, false };
    Value a[9];
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    Value global = dm_current_context();
    if (global == VAL_NULL)
        return VAL_NULL;
    Value local = a[0] == VAL_NULL || a[0] == rt_None ? global : a[0];
    if (!dm_is_context(local))
        return rt_raisef(&rt_TypeError, "optional argument must be a context");
    CtxManager *m = gc_alloc(sizeof *m);
    m->ob.type = &ctxmanager_type;
    m->global = global;
    if ((m->local = ctx_copy_of(local)) == VAL_NULL || !ctx_set_all(m->local, a + 1))
        return VAL_NULL;
    return obj_val(m);
}

static Value ctxmanager_enter(Value *args, size_t nargs, Value kw)
{
    CtxManager *m = VAL_AS(CtxManager, args[0]);
    if (set_current(m->local) == VAL_NULL)
        return VAL_NULL;
    return m->local;
}

static Value ctxmanager_exit(Value *args, size_t nargs, Value kw)
{
    CtxManager *m = VAL_AS(CtxManager, args[0]);
    return set_current(m->global);
}

static const MethodDef ctxmanager_methods[] = {
    {"__enter__", ctxmanager_enter},
    {"__exit__", ctxmanager_exit},
    {NULL, NULL}
};

static ObjType ctxmanager_type = {
    .ob.type = &rt_type_type, .name = "decimal.ContextManager", .new_ = mod_no_new,
};

/* ---- the module -------------------------------------------------------------- */

Value dm_decimal_tuple;

/* IEEEContext(bits) (3.14): the IEEE 754 interchange format of `bits`
 * bits (a multiple of 32, at most IEEE_CONTEXT_MAX_BITS), as libmpdec's
 * mpd_ieee_context makes it. */
enum { IEEE_CONTEXT_MAX_BITS = 512 };

static Value dm_ieee_context(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("IEEEContext", nargs, kw))
        return VAL_NULL;
    int64_t bits;
    if (!as_ssize(args[0], &bits))
        return VAL_NULL;
    if (bits <= 0 || bits > IEEE_CONTEXT_MAX_BITS || bits % 32)
        return rt_raisef(&rt_ValueError, "argument must be a multiple of 32, with a maximum of %d",
                         IEEE_CONTEXT_MAX_BITS);
    Value c = ctx_new(&dm_context_type, NULL, 0, VAL_NULL);
    if (c == VAL_NULL)
        return VAL_NULL;
    CtxObject *o = CTX(c);
    o->ctx.prec = 9 * (bits / 32) - 2;
    o->ctx.emax = 3 * ((int64_t)1 << (bits / 16 + 3));
    o->ctx.emin = 1 - o->ctx.emax;
    o->ctx.round = DEC_ROUND_HALF_EVEN;
    o->ctx.clamp = 1;
    o->traps = o->status = 0;
    return c;
}

static const MethodDef module_functions_314[] = {
    {"IEEEContext", dm_ieee_context},
    {NULL, NULL}
};

static const MethodDef module_functions[] = {
    {"getcontext", dm_getcontext},
    {"setcontext", dm_setcontext},
    {"localcontext", dm_localcontext},
    {NULL, NULL}
};

/* The classes and objects made once per process. */
static bool first_init(void)
{
    for (int i = 0; i < DEC_ROUND_COUNT; i++)
        round_strs[i] = rt_str_intern(rt_str_from_cstr(dm_round_names[i]));
    if (!make_signals())
        return false;
    rt_type_ready(&sigdict_mixin_type, sigdict_methods);
    rt_type_ready(&ctxmanager_type, ctxmanager_methods);
    rt_type_ready(&dm_context_type, ctx_methods);
    rt_type_add_methods(&dm_context_type, dm_context_number_methods);

    Value abc = mod_import("collections.abc");
    if (abc == VAL_NULL || (abc = rt_getattr_cstr(abc, "abc")) == VAL_NULL)
        return false;
    Value mm = rt_getattr_cstr(abc, "MutableMapping");
    if (mm == VAL_NULL)
        return false;
    Value dict = rt_dict_new();
    rt_dict_set(dict, rt_str_from_cstr("__module__"), rt_str_from_cstr("abc"));
    Value name = rt_str_from_cstr("SignalDict");
    Value bases = rt_tuple_pack(2, obj_val(&sigdict_mixin_type), mm);
    Value targs[3] = { name, bases, dict };
    sigdict_type = rt_call(obj_val(val_type(mm)), targs, 3, VAL_NULL);
    if (sigdict_type == VAL_NULL)
        return false;

    Value collections = mod_import("collections");
    if (collections == VAL_NULL)
        return false;
    Value nt = rt_getattr_cstr(collections, "namedtuple");
    if (nt == VAL_NULL)
        return false;
    Value ntargs[3] = { rt_str_from_cstr("DecimalTuple"),
                        rt_str_from_cstr("sign digits exponent"), rt_str_from_cstr("decimal") };
    dm_decimal_tuple = rt_call(nt, ntargs, 3, rt_tuple_pack(1, rt_str_from_cstr("module")));
    if (dm_decimal_tuple == VAL_NULL)
        return false;

    Value cv = mod_import("_contextvars");
    if (cv == VAL_NULL || (cv = rt_getattr_cstr(cv, "ContextVar")) == VAL_NULL)
        return false;
    if ((context_var = rt_call1(cv, rt_str_from_cstr("decimal_context"))) == VAL_NULL)
        return false;

    if ((default_template = ctx_new(&dm_context_type, NULL, 0, VAL_NULL)) == VAL_NULL ||
        (basic_template = ctx_new(&dm_context_type, NULL, 0, VAL_NULL)) == VAL_NULL ||
        (extended_template = ctx_new(&dm_context_type, NULL, 0, VAL_NULL)) == VAL_NULL)
        return false;
    dec_context_basic(&CTX(basic_template)->ctx);
    CTX(basic_template)->traps |= DEC_Underflow | DEC_Clamped;
    dec_context_extended(&CTX(extended_template)->ctx);
    CTX(extended_template)->traps = 0;
    return true;
}

Value mod_decimal_init(void)
{
    if (signal_tuple == VAL_NULL && !first_init())
        return VAL_NULL;
    Value m = mod_module_new("_decimal", module_functions);
    mod_module_set(m, "__doc__", rt_str_from_cstr("C decimal arithmetic module"));
    mod_add_type(m, "Context", &dm_context_type, NULL);
    mod_module_set(m, "DecimalTuple", dm_decimal_tuple);
    mod_module_set(m, "DecimalException", decimal_exception);
    for (int i = 0; i < NSIGNALS; i++)
        mod_module_set(m, signals[i].name, signals[i].cls);
    for (int i = 1; i < NCONDITIONS; i++)
        mod_module_set(m, conditions[i].name, conditions[i].cls);
    for (int i = 0; i < DEC_ROUND_COUNT; i++)
        mod_module_set(m, dm_round_names[i], round_strs[i]);
    mod_module_set(m, "DefaultContext", default_template);
    mod_module_set(m, "BasicContext", basic_template);
    mod_module_set(m, "ExtendedContext", extended_template);
    mod_module_set(m, "MAX_PREC", rt_int_from_i64(DEC_MAX_PREC));
    mod_module_set(m, "MAX_EMAX", rt_int_from_i64(DEC_MAX_EMAX));
    mod_module_set(m, "MIN_EMIN", rt_int_from_i64(DEC_MIN_EMIN));
    mod_module_set(m, "MIN_ETINY", rt_int_from_i64(DEC_MIN_ETINY));
    mod_module_set(m, "HAVE_THREADS", rt_True);
    mod_module_set(m, "HAVE_CONTEXTVAR", rt_True);
    mod_module_set(m, "__version__", rt_str_from_cstr("1.70"));
    mod_module_set(m, "__libmpdec_version__", rt_str_from_cstr("2.5.1"));
    if (rt_py_minor >= 14) {
        mod_module_add_functions(m, module_functions_314);
        mod_module_set(m, "IEEE_CONTEXT_MAX_BITS", small_new(IEEE_CONTEXT_MAX_BITS));
    }
    dm_number_init(m);
    return m;
}
