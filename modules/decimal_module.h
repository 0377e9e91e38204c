/*
 * decimal_module.h — what the files of pvm's _decimal module share
 * (CPython's Modules/_decimal/_decimal.c, over modules/decimal/dec.h
 * instead of libmpdec):
 *
 *   decimal_context.c  the signals (exception classes), SignalDict,
 *                      Context, getcontext/setcontext/localcontext, the
 *                      module itself
 *   decimal_number.c   Decimal: construction, conversions, repr, hash,
 *                      comparisons, operators, methods (and the Context
 *                      methods that are the same operations)
 *   decimal_format.c   Decimal.__format__
 *
 * A status word holds dec.h's condition bits (libmpdec's values); a
 * context's flags and traps are two such words, which the Python-visible
 * signal dicts read and write in place.
 */
#ifndef PVM_MODULES_DECIMAL_MODULE_H
#define PVM_MODULES_DECIMAL_MODULE_H

#include "modules/decimal/dec.h"
#include "modules/modutil.h"

/* decimal.Decimal: an immutable number. */
typedef struct DecObject {
    Object ob;
    intptr_t hash;              /* -1: not computed yet */
    dec_t num;
} DecObject;

/* decimal.Context: dec.h's context plus what the module adds. */
typedef struct CtxObject {
    Object ob;
    dec_context ctx;
    uint32_t traps;             /* conditions that raise */
    uint32_t status;            /* conditions raised so far (the flags) */
    int capitals;               /* 1: 'E' in exponents, 0: 'e' */
    Value traps_dict, flags_dict;   /* SignalDicts over traps and status */
} CtxObject;

#define DEC(x) (&VAL_AS(DecObject, x)->num)
#define CTX(v) VAL_AS(CtxObject, v)

extern ObjType dm_decimal_type, dm_context_type;

static inline bool dm_is_decimal(Value v) { return rt_isinstance_of(v, &dm_decimal_type); }
static inline bool dm_is_context(Value v) { return rt_isinstance_of(v, &dm_context_type); }

/* ---- decimal_context.c ---- */

/* The current context (getcontext()), or VAL_NULL + exception. */
Value dm_current_context(void);
/* `context` argument of a method: None or absent -> the current one;
 * anything but a Context is TypeError "optional argument must be a
 * context".  VAL_NULL + exception. */
Value dm_context_arg(Value v);
/* Record conditions in ctx's flags; when one of them is trapped, raise
 * its signal (CPython's dec_addstatus) and return false; MallocError (a
 * result too large to make) is MemoryError. */
bool dm_add_status(Value ctx, uint32_t status);
/* The ROUND_* string of a dec_round. */
Value dm_rounding_name(int round);
/* Names of the ROUND_* constants, in dec_round's order. */
extern const char *const dm_round_names[DEC_ROUND_COUNT];
/* The exception class of one condition bit (for FloatOperation, etc.). */
Value dm_signal_class(uint32_t flag);
/* Module attributes that Decimal needs: DecimalTuple, numbers.Rational... */
extern Value dm_decimal_tuple;

/* ---- decimal_number.c ---- */

/* The decimal digits of a coefficient (on the GC heap). */
char *dm_coef_digits(const dec_t *a);
/* A new Decimal of `type` (which must be Decimal or a subclass), zero. */
Value dm_decimal_alloc(ObjType *type);
/* Context methods that are Decimal operations. */
extern const MethodDef dm_context_number_methods[];
/* Context.create_decimal(num="0") and create_decimal_from_float(f). */
Value dm_context_create_decimal(Value *args, size_t nargs, Value kw);
Value dm_context_create_decimal_from_float(Value *args, size_t nargs, Value kw);
/* The methods of Decimal. */
extern const MethodDef dm_decimal_methods[];
void dm_number_init(Value module);

/* ---- decimal_format.c ---- */
Value dm_decimal_format(Value *args, size_t nargs, Value kw);

#endif
