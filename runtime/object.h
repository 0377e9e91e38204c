/*
 * object.h — pvm's value representation and object model.
 *
 * Every Python value pvm handles is one machine word, a `Value`:
 *
 *   ...xxxxxxx1   a small int, stored shifted left by one (63-bit signed range);
 *   ...xxxxxxx0   a pointer to an object on the Boehm-GC heap (or a static one),
 *                 whose first field is its type.
 *   0             VAL_NULL: never a Python value. C functions return it to say
 *                 "an exception has been set" (see the error API below).
 *
 * Ints that do not fit the tagged range become ObjInt objects holding a GMP
 * integer; every int operation normalises its result back to a small int when
 * it fits, so a given integer has exactly one representation.
 *
 * Types are objects too (ObjType).  A type carries a handful of C "slots" —
 * the operations the eval loop needs fast (repr, hash, compare, binary ops,
 * iteration, calls, attribute access, subscripting), listed once in
 * RT_TYPE_SLOTS below — and a dict of methods for everything else.  A zero
 * slot means "not supported"; the generic operations in abstract.h turn that
 * into CPython's TypeError message.
 *
 * This header holds the layouts every part of pvm shares; the functions that
 * work on each kind of object are declared in that kind's header (int.h,
 * str.h, containers.h, ...), all gathered by runtime.h.
 */
#ifndef PVM_OBJECT_H
#define PVM_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef uintptr_t Value;
typedef struct ObjType ObjType;
typedef struct RtBuffer RtBuffer;       /* buffer.h */

#define VAL_NULL ((Value)0)

/* Every heap object starts with this header. */
typedef struct Object {
    ObjType *type;
} Object;

/* ---- Small (tagged) ints ------------------------------------------------ */

#define SMALL_MAX (INTPTR_MAX >> 1)
#define SMALL_MIN (INTPTR_MIN >> 1)

static inline bool val_is_small(Value v) { return (v & 1) != 0; }
static inline intptr_t small_value(Value v) { return (intptr_t)v >> 1; }
static inline Value small_new(intptr_t i) { return ((uintptr_t)i << 1) | 1; }
static inline bool small_fits(int64_t i) { return i >= SMALL_MIN && i <= SMALL_MAX; }

/* ---- Object pointers ---------------------------------------------------- */

static inline Object *val_obj(Value v) { return (Object *)v; }
static inline Value obj_val(const void *o) { return (Value)o; }
#define VAL_AS(T, v) ((T *)(v))

extern ObjType rt_int_type;
static inline ObjType *val_type(Value v)
{
    return val_is_small(v) ? &rt_int_type : val_obj(v)->type;
}

/* ---- Operators -------------------------------------------------------------
 * Each operator once: its number (the operand of COMPARE_OP / BINARY_OP), how
 * source code spells it (for error messages and the disassembler) and the
 * stem of its dunder methods (__add__, reflected __radd__, in-place __iadd__). */

/* Comparisons, numbered as COMPARE_OP's argument (Py_LT ...). */
#define RT_COMPARE_OPS(X) \
    X(CMP_LT, "<", "lt") X(CMP_LE, "<=", "le") X(CMP_EQ, "==", "eq") \
    X(CMP_NE, "!=", "ne") X(CMP_GT, ">", "gt") X(CMP_GE, ">=", "ge")

/* Binary operators, numbered as BINARY_OP's argument (3.11 opcode.py _nb_ops).
 * The in-place forms are NB_INPLACE_ADD.. = the plain form + NB_INPLACE_OFFSET. */
#define RT_BINARY_OPS(X) \
    X(NB_ADD, "+", "add") X(NB_AND, "&", "and") X(NB_FLOOR_DIVIDE, "//", "floordiv") \
    X(NB_LSHIFT, "<<", "lshift") X(NB_MATRIX_MULTIPLY, "@", "matmul") \
    X(NB_MULTIPLY, "*", "mul") X(NB_REMAINDER, "%", "mod") X(NB_OR, "|", "or") \
    X(NB_POWER, "**", "pow") X(NB_RSHIFT, ">>", "rshift") X(NB_SUBTRACT, "-", "sub") \
    X(NB_TRUE_DIVIDE, "/", "truediv") X(NB_XOR, "^", "xor")

/* One-operand operations: the unary operators, then abs() and the
 * conversions int(), float() and operator.index() — the same kind of slot
 * in CPython too (nb_negative ... nb_absolute, nb_int, nb_float, nb_index). */
#define RT_UNARY_OPS(X) \
    X(UN_NEG, "-", "neg") X(UN_POS, "+", "pos") X(UN_INVERT, "~", "invert") \
    X(UN_ABS, "abs()", "abs") X(UN_INT, "int()", "int") X(UN_FLOAT, "float()", "float") \
    X(UN_INDEX, "operator.index()", "index")

#define RT_OP_ENUM(name, symbol, stem) name,
enum { RT_COMPARE_OPS(RT_OP_ENUM) };

/* Whether comparison `op` holds for a three-way result c (<0, 0, >0). */
static inline bool rt_cmp_holds(int c, int op)
{
    switch (op) {
    case CMP_LT: return c < 0;
    case CMP_LE: return c <= 0;
    case CMP_EQ: return c == 0;
    case CMP_NE: return c != 0;
    case CMP_GT: return c > 0;
    default: return c >= 0;
    }
}
enum { RT_BINARY_OPS(RT_OP_ENUM) NB_INPLACE_OFFSET };
enum { RT_UNARY_OPS(RT_OP_ENUM) };

/* divmod(a, b): the one operator of the binop slot that BINARY_OP never
 * names, numbered after the in-place forms (its dunders are __divmod__ and
 * __rdivmod__). */
enum { NB_DIVMOD = 2 * NB_INPLACE_OFFSET };

/* The plain operator of an in-place one (NB_ADD for +=); others unchanged. */
static inline int rt_nb_plain(int op)
{
    return op >= NB_INPLACE_OFFSET && op < NB_DIVMOD ? op - NB_INPLACE_OFFSET : op;
}

/* A set of operators, one bit each: RT_OP_BIT(NB_ADD) | RT_OP_BIT(NB_MULTIPLY). */
#define RT_OP_BIT(op) ((uint32_t)1 << (op))

/* An operator's dunder names, as string pieces the slot table below
 * concatenates: RT_UNARY_OPS(RT_OP_DUNDER) is "__neg__ __pos__ __invert__ ". */
#define RT_OP_DUNDER(name, symbol, stem) "__" stem "__ "
#define RT_OP_RDUNDER(name, symbol, stem) "__r" stem "__ "
#define RT_OP_IDUNDER(name, symbol, stem) "__i" stem "__ "

typedef Value (*UnaryFunc)(Value self);
/* kwnames is VAL_NULL or a tuple of str naming the last len(kwnames) args
 * (the "vectorcall" convention of CPython 3.11's CALL). */
typedef Value (*CallFunc)(Value callable, Value *args, size_t nargs, Value kwnames);

/* ---- Type slots ---------------------------------------------------------------
 * A slot is a C function pointer in the type object: how the eval loop and
 * abstract.c perform one operation on a value of that type without looking
 * anything up (CPython's tp_repr, nb_add...).  A zero slot means "not
 * supported"; the generic operations in abstract.h turn that into CPython's
 * TypeError message.  Each slot returns VAL_NULL (or -1) with an exception
 * set on error.
 *
 * Python code sees the same operations as dunder methods, and slots.c keeps
 * the two views in step: a class whose dict defines one of a slot's dunders
 * gets a C function in the slot that calls the dunder, and a builtin type's
 * slots appear in its dict as "slot wrappers" (int.__add__).
 *
 * The slots, each declared once:
 *     X(slot, return type, (parameters), "the dunders behind it", inheritance)
 * Inheritance: rt_type_ready copies every slot a type leaves zero from its
 * base (ALWAYS), except hash, which comes only with richcompare
 * (WITH_COMPARE): a type that defines __eq__ but not __hash__ is unhashable.
 */
#define RT_TYPE_SLOTS(X) \
    X(repr, Value, (Value self), "__repr__", ALWAYS) \
    /* 0: str(x) is repr(x) */ \
    X(str, Value, (Value self), "__str__", ALWAYS) \
    /* -1 on error */ \
    X(hash, intptr_t, (Value self), "__hash__", WITH_COMPARE) \
    /* a < b, a == b ... (op: CMP_*); rt_NotImplemented when the pair is not \
     * supported. */ \
    X(richcompare, Value, (Value a, Value b, int op), \
      RT_COMPARE_OPS(RT_OP_DUNDER), ALWAYS) \
    /* a + b ... (op: NB_*, NB_DIVMOD), called with the operands in source \
     * order on type(a) and then on type(b) (CPython's number protocol); \
     * returns rt_NotImplemented if unsupported. */ \
    X(binop, Value, (Value a, Value b, int op), \
      RT_BINARY_OPS(RT_OP_DUNDER) RT_BINARY_OPS(RT_OP_RDUNDER) "__divmod__ __rdivmod__", \
      ALWAYS) \
    /* pow(base, exp, mod) with a modulus, tried on each operand's type in \
     * turn; rt_NotImplemented if unsupported. */ \
    X(pow3, Value, (Value base, Value exp, Value mod), "__pow__ __rpow__", ALWAYS) \
    /* a += b (op is the plain NB_*); 0 means "use binop". */ \
    X(inplace, Value, (Value a, Value b, int op), RT_BINARY_OPS(RT_OP_IDUNDER), ALWAYS) \
    /* -x, +x, ~x, abs(x), int(x), float(x), operator.index(x) (op: UN_*); \
     * rt_NotImplemented if unsupported. */ \
    X(unary, Value, (Value self, int op), RT_UNARY_OPS(RT_OP_DUNDER), ALWAYS) \
    /* 0/1, -1 error; 0 slot: len, else true */ \
    X(truth, int, (Value self), "__bool__ __len__", ALWAYS) \
    X(iter, Value, (Value self), "__iter__", ALWAYS) \
    /* The next item, or VAL_NULL: exhausted if no exception is set. */ \
    X(next, Value, (Value self), "__next__", ALWAYS) \
    X(call, Value, (Value callable, Value *args, size_t nargs, Value kwnames), \
      "__call__", ALWAYS) \
    /* 0: the generic lookup (rt_generic_getattr) */ \
    X(getattr, Value, (Value self, Value name), "__getattribute__ __getattr__", ALWAYS) \
    /* v == VAL_NULL: delete */ \
    X(setattr, int, (Value self, Value name, Value v), "__setattr__ __delattr__", ALWAYS) \
    X(getitem, Value, (Value self, Value key), "__getitem__", ALWAYS) \
    /* v == VAL_NULL: delete */ \
    X(setitem, int, (Value self, Value key, Value v), "__setitem__ __delitem__", ALWAYS) \
    /* -1 on error */ \
    X(len, ssize_t, (Value self), "__len__", ALWAYS) \
    /* 0/1, -1 error; 0 slot: iterate */ \
    X(contains, int, (Value self, Value item), "__contains__", ALWAYS) \
    /* Descriptor protocol: a type-dict entry whose type has descr_get is \
     * bound on instance attribute access (functions become bound methods). */ \
    X(descr_get, Value, (Value descr, Value obj, Value type), "__get__", ALWAYS) \
    /* Data descriptors (property, __slots__ members, classes defining \
     * __set__/__delete__): obj.name = v, or del obj.name when v == VAL_NULL. \
     * A type-dict entry whose type has this slot takes precedence over the \
     * instance dict.  0: not a data descriptor. */ \
    X(descr_set, int, (Value descr, Value obj, Value v), "__set__ __delete__", ALWAYS) \
    /* type(...) called: construct an instance.  args exclude the type. */ \
    X(new_, Value, (ObjType *type, Value *args, size_t nargs, Value kwnames), \
      "__new__", ALWAYS)

/* ---- Data attributes of builtin types ----------------------------------------
 * A builtin type declares its data attributes in two tables beside its
 * slots, and one descriptor per entry goes in the type's dict when it is
 * filled (rt_type_dict: on first need, object.c "Readying lazily").  So `f.__code__` is found by the ordinary attribute lookup
 * (object.c) — the type's MRO gives function.__dict__['__code__'], a data
 * descriptor, whose get runs — exactly as a property of a class written in
 * Python would be, and `type(f).__dict__['__code__']` exists to be seen.
 *
 *   members  a field of the instance's C struct, read (and written) in
 *            place; in the dict as a member_descriptor:
 *              {"__globals__", offsetof(ObjFunction, globals), RT_MEMBER_VALUE, RT_READONLY}
 *   getsets  an attribute computed by C functions (set 0: read-only); in
 *            the dict as a getset_descriptor:
 *              {"__code__", func_get_code, func_set_code}
 * Both tables end with an entry whose name is NULL. */
typedef Value (*GetterFunc)(Value obj);
/* v == VAL_NULL: del obj.name.  0, or -1 with an exception set. */
typedef int (*SetterFunc)(Value obj, Value v);

typedef struct GetSetDef {
    const char *name;
    GetterFunc get;
    SetterFunc set;             /* 0: read-only */
    const char *doc;            /* the descriptor's __doc__, or 0 */
} GetSetDef;

/* How a member's field is stored, and what reading it gives. */
enum {
    RT_MEMBER_VALUE,            /* Value; VAL_NULL reads as None (CPython's T_OBJECT) */
    RT_MEMBER_VALUE_EX,         /* Value; VAL_NULL is AttributeError (T_OBJECT_EX) */
    RT_MEMBER_INT,              /* int */
    RT_MEMBER_BOOL,             /* bool */
    RT_MEMBER_DOUBLE,           /* double, read as a float */
};
enum { RT_WRITABLE = 0, RT_READONLY = 1 };

typedef struct MemberDef {
    const char *name;
    size_t offset;              /* of the field in the instance */
    int kind;                   /* RT_MEMBER_* */
    int readonly;               /* RT_READONLY or RT_WRITABLE */
    const char *doc;            /* the descriptor's __doc__, or 0 */
} MemberDef;

/* ---- Type objects -------------------------------------------------------- */

/* Type flags. */
enum {
    TF_BASETYPE = 1 << 0,       /* may be subclassed */
    TF_HEAPTYPE = 1 << 1,       /* created by a class statement / type() */
    TF_EXCEPTION = 1 << 2,      /* BaseException or a subclass */
    TF_INT_SUBCLASS = 1 << 3,
    TF_STR_SUBCLASS = 1 << 4,
    TF_TUPLE_SUBCLASS = 1 << 5,
    TF_LIST_SUBCLASS = 1 << 6,
    TF_DICT_SUBCLASS = 1 << 7,
    /* A sequence that repeats (CPython's sq_repeat: str, list, tuple,
     * bytes, deque...): its binop does seq * int, and rt_binary_op turns
     * seq * x for any other x into x.__index__() or "can't multiply
     * sequence by non-int of type 'x'". */
    TF_SEQUENCE = 1 << 8,
    /* Instances can be weakly referenced (CPython's tp_weaklistoffset; the
     * core types that can are listed in weakref.c, classes written in
     * Python follow their __slots__). */
    TF_WEAKREFABLE = 1 << 9,
    /* Its new_ slot only allocates and an __init__ method fills the object
     * (property, super, module: CPython's tp_new + tp_init pairs), so
     * calling the type runs both, as for a class written in Python. */
    TF_SPLIT_INIT = 1 << 10,
    /* Instances have a finaliser to call once they are unreachable: a
     * class whose MRO defines __del__ (rt_update_slots decides), and the
     * buffered and text files of _io (closed then).  rt_alloc_instance
     * watches each one it makes (runtime/finalize.h). */
    TF_FINALIZER = 1 << 11,
    /* A builtin type readied whose dict is not filled yet: rt_type_dict
     * fills it on first need (runtime/object.c, "readying lazily"). */
    TF_DICT_PENDING = 1 << 12,
    /* What `match` takes for a sequence (`case [a, b]:`) or a mapping
     * (`case {"k": v}:`): CPython's Py_TPFLAGS_SEQUENCE and _MAPPING.  A
     * builtin type is given one (list, tuple, range, memoryview, array,
     * deque; dict, mappingproxy), a class takes the first one along its
     * MRO, and collections.abc sets them through __abc_tpflags__ and
     * register() (modules/abc.c). */
    TF_MATCH_SEQUENCE = 1 << 13,
    TF_MATCH_MAPPING = 1 << 14,
    TF_MATCH_COLLECTION = TF_MATCH_SEQUENCE | TF_MATCH_MAPPING,
    /* A class written in Python none of whose instances was made yet
     * (rt_alloc_instance clears it, and so does obj.__class__ = C): when
     * it gets __del__, no walk over the heap looks for its instances
     * (rt_finalize_watch_instances). */
    TF_NO_INSTANCE = 1 << 15,
    /* Version tags (runtime/typeversion.c): some class with this one on
     * its MRO below it may have a tag (rt_type_modified must look for
     * them); a class written in Python is in the list of tagged classes. */
    TF_TAGGED_BELOW = 1 << 16,
    TF_TAG_LISTED = 1 << 17,
};

struct ObjType {
    Object ob;
    const char *name;           /* "int", "ZeroDivisionError", ... */
    ObjType *base;              /* the single "solid" base (object for most) */
    Value bases;                /* tuple of types (VAL_NULL until rt_type_ready) */
    Value mro;                  /* tuple of types, self first */
    /* ObjDict: methods and class attributes.  Read it through
     * rt_type_dict(), which fills a builtin type's on first need. */
    Value dict_;
    uint32_t flags;
    /* The version tag (runtime/typeversion.c): a number that stands for
     * the type's attributes and its MRO's as they are now, 0 until
     * rt_type_version hands one out; rt_type_modified sets it (and every
     * subclass's) back to 0 when the class changes.  Inline caches compare
     * it instead of looking attributes up again. */
    uint32_t version_tag;
    /* Offset of the instance-dict field (a Value holding an ObjDict or
     * VAL_NULL until first use) in instances; 0: instances have no dict. */
    size_t dict_offset;
    /* Bytes in an instance, for heap types (a class's instances are its
     * solid base's layout plus room for the dict).  Builtin types whose
     * layout is private to their file (set, bytearray, deque) put its size
     * here so subclasses can extend it; others leave 0: their constructors
     * know their own size.  See rt_alloc_instance. */
    size_t instance_size;

    /* The operators a builtin type's own binop and unary slots implement
     * (RT_OP_BIT of NB_* / UN_*): the dunders its dict gets as slot wrappers,
     * __add__ and __radd__, __neg__...  A TF_SEQUENCE type's NB_ADD is
     * concatenation, which has no reflected __radd__, and its in-place
     * slot does only += and *=. */
    uint32_t binop_ops, unary_ops;

    /* The slots (RT_TYPE_SLOTS above): Value (*repr)(Value self); ... */
#define RT_SLOT_FIELD(slot, ret, params, dunders, inherit) ret (*slot) params;
    RT_TYPE_SLOTS(RT_SLOT_FIELD)
#undef RT_SLOT_FIELD

    /* The buffer protocol (buffer.h): a bytes-like type fills *view with
     * where its bytes are (0, or -1 with an exception set), and hears when
     * the holder is done with them.  Python code has no dunder for it (in
     * 3.11), so these two are not in RT_TYPE_SLOTS; they are inherited
     * the same way. */
    int (*getbuffer)(Value self, RtBuffer *view, int flags);
    void (*releasebuffer)(Value self, RtBuffer *view);

    /* The data attributes (above), each table ending with a NULL name, or 0. */
    const MemberDef *members;
    const GetSetDef *getsets;

    /* What rt_type_ready leaves for filling the dict while TF_DICT_PENDING:
     * the type's method table and the slots it defines itself (bits by
     * slot number, taken before it inherits any). */
    const struct MethodDef *ready_methods;
    uint64_t own_slots;
};

extern ObjType rt_type_type, rt_object_type;

/* A type's dict; a builtin type's is filled here on first need. */
void rt_type_fill_dict(ObjType *type);
static inline Value rt_type_dict(ObjType *type)
{
    if (__builtin_expect((type->flags & TF_DICT_PENDING) != 0, 0))
        rt_type_fill_dict(type);
    return type->dict_;
}

/* Allocate a zeroed instance of `type` whose builtin layout is base_size
 * bytes (e.g. sizeof(ObjList) in list's constructor): a subclass created
 * by Python code may need more room (its instance dict), which
 * type->instance_size says.  Every builtin constructor that honours
 * subclasses allocates through this. */
void *rt_alloc_instance(ObjType *type, size_t base_size);
/* Its rare case, for o just made: the first instance of its class
 * (TF_NO_INSTANCE), or one whose __del__ will be called (TF_FINALIZER). */
void rt_instance_made(Object *o);

/* ---- Core object layouts ----------------------------------------------- */
/* Layouts shared by several parts of pvm live here; objects private to one
 * file (iterators, views) are defined in that file. */

typedef struct ObjInt {         /* an int outside the small range */
    Object ob;
    /* GMP's mpz_t, kept opaque here so only int.c needs <gmp.h>; int.h
     * gives int.c the real type.  Layout: int alloc, int size, limb ptr. */
    struct { int alloc; int size; void *d; } z;
} ObjInt;

typedef struct ObjFloat {
    Object ob;
    double value;
} ObjFloat;

typedef struct ObjComplex {
    Object ob;
    double real, imag;
} ObjComplex;

/* str: UTF-8 bytes (NUL-terminated) plus the length in code points.  Indexing
 * a non-ASCII string uses a code-point array built on first need, whose
 * pointer is stored after the data (rt_str_size: only non-ASCII strings
 * have that word).  An ASCII str holds no pointer (its type is static), so
 * it is allocated atomic: the collector never scans its bytes.  Nor a
 * non-ASCII one's: its block is of a kind whose marking reads only that
 * last word (gc_alloc_one_pointer; str.c, chars_slot_of_block).
 *
 * The lengths are 32-bit and the flags bits, so the header is 25 bytes:
 * a str of up to 6 ASCII characters fits a 32-byte block (CPython's takes
 * 56), one of up to 22 a 48-byte block.  A program holds millions of such
 * words (bench/wordcount.py: 1.5 million from one split), so this is most
 * of its live data.  The price is a limit: a str holds at most RT_STR_MAX
 * bytes of UTF-8, 4 GiB (str_alloc). */
#define RT_STR_MAX ((size_t)UINT32_MAX - 1)

typedef struct ObjStr {
    Object ob;
    uint32_t length;            /* code points */
    uint32_t nbytes;            /* UTF-8 bytes, excluding the NUL (at most RT_STR_MAX) */
    intptr_t hash;              /* -1: not computed yet */
    bool ascii : 1;             /* every byte < 0x80: index == byte offset */
    bool interned : 1;
    /* Set only on a str that BINARY_OP_INPLACE_ADD_UNICODE made and stored
     * in a local: no reference to it exists but that local's, so the next
     * `s += t` may append in place (vm/specialize.c, "appending to a str in
     * place", says why that holds and who clears the flag). */
    bool owned : 1;
    /* The bytes a character of the cached array takes (1, 2 or 4; valid
     * while the pointer after the data is set): rt_str_chars, str.c. */
    unsigned char chars_width : 3;
    char data[];                /* nbytes + 1; then, if !ascii, the cached characters' pointer */
} ObjStr;

/* The bytes of a str's own layout: header, data and NUL, and for a
 * non-ASCII string the aligned word holding its cached characters' pointer. */
static inline size_t rt_str_size(size_t nbytes, bool ascii)
{
    size_t n = offsetof(ObjStr, data) + nbytes + 1;
    return ascii ? n : ((n + sizeof(void *) - 1) & ~(sizeof(void *) - 1)) + sizeof(void *);
}

typedef struct ObjBytes {       /* bytes (immutable) */
    Object ob;
    size_t length;
    intptr_t hash;
    unsigned char data[];       /* length + 1, NUL-terminated */
} ObjBytes;

typedef struct ObjTuple {
    Object ob;
    size_t length;
    Value items[];
} ObjTuple;

typedef struct ObjList {
    Object ob;
    size_t length, capacity;
    Value *items;
} ObjList;

/* dict: CPython's compact layout — entries in insertion order plus a sparse
 * open-addressing index into them.  (set and frozenset have their own table,
 * private to set.c, because their iteration order must follow CPython's
 * set algorithm: print({3, 1, 2}) shows {1, 2, 3}.) */
typedef struct DictEntry {
    Value key;                  /* VAL_NULL: deleted entry */
    Value value;
    /* The key's hash, complemented (rt_dict_entry_hash reads it).  An int
     * hashes to itself and id(obj) is obj's address, so a dict keyed by
     * id() would otherwise hold words the conservative collector takes for
     * pointers, and keep those objects alive (as _threading_local's does). */
    intptr_t hash_not;
} DictEntry;

static inline intptr_t rt_dict_entry_hash(const DictEntry *e)
{
    return ~e->hash_not;
}

/* 48 bytes: the counts are 32 bits (a dict holds at most 2**31 * 2/3
 * entries, dict.c's DICT_MAX_INDEX), and a dict built at a size it knows (a
 * literal, an instance's attributes) keeps its table in its own block
 * (dict.c's rt_dict_new_sized), sized to those entries and no more.
 *
 * A dict has one of two layouts, told apart by rt_dict_is_split alone:
 *
 *   combined  `entries` and its index as below; index_size is 0 (empty) or
 *             a power of two from 8 up; `shared` is NULL.
 *   split     made by a display whose keys are all constants (BUILD_CONST_
 *             KEY_MAP: {'id': i, 'name': n}), in the spirit of CPython's
 *             key-sharing dicts: the keys, their hashes and their index
 *             live once, in `shared` — an ordinary combined dict from each
 *             key to its position, made once per keys tuple and never
 *             changed — and the dict's own block holds only its values,
 *             used of them, right after the header (dict.c's
 *             split_values), in the keys' order.  index_size is
 *             RT_DICT_SPLIT_INDEX, which no combined dict has; entries is
 *             NULL and nentries and capacity are 0, so code that reads
 *             entries without asking (vm_hint_entry) finds none.
 *
 * A split dict is read in place (lookups, len, iteration, ==, repr, copy)
 * and a value under one of its keys is replaced in place; anything else —
 * a new key, a deletion, code outside dict.c that wants entry numbers
 * (rt_dict_entry_of_str, rt_dict_store_str) — first makes it combined
 * (dict.c's dict_unsplit), same items in the same order, for good.  A
 * 6-key display is 96 bytes split, 208 combined (bench/README.md,
 * h-split: records' live data). */
#define RT_DICT_SPLIT_INDEX 1
typedef struct ObjDict {
    Object ob;
    uint32_t used;              /* live entries */
    uint32_t nentries;          /* entries[] slots in use, including deleted */
    uint32_t capacity;          /* entries[] slots allocated */
    uint32_t index_size;        /* power of two; 0 while empty */
    /* One block (dict.c's dict_resize): `capacity` entries (at most 2/3 of
     * index_size), then the index, whose slots are as narrow as its size
     * allows (rt_dict_index_at: 1 byte up to 128 slots, as CPython's
     * dictkeys).  -1 empty, -2 dummy, else an entry number.  The index is
     * found from the entries (rt_dict_index), not kept as a pointer: a
     * pointer into the middle of a block is no pointer to the collector,
     * which took each one it met in a live dict for a false one and black-
     * listed its page, at every collection (records: 3 M calls). */
    DictEntry *entries;
    /* A split dict's keys (above); NULL in a combined dict.  The word
     * was spare before: ObjDict stays at 48 bytes, where at 40 pickle_io's
     * big blocks landed worse: peak RSS 42.4 MiB in 12 of 14 runs against
     * 33.7 or 40 at 48 (bench/README.md, h-rec2). */
    struct ObjDict *shared;
    /* The keys' version for the eval loop's caches (vm/specialize.c): 0
     * until rt_dict_keys_version hands one out, back to 0 when a key is
     * added.  LOAD_GLOBAL_BUILTIN trusts that a name absent from the
     * globals stays absent while their keys version is unchanged. */
    uint32_t keys_version;
} ObjDict;

/* Whether d has the split layout (above): its values in its own block,
 * its keys in d->shared, no entries. */
static inline bool rt_dict_is_split(const ObjDict *d)
{
    return d->index_size == RT_DICT_SPLIT_INDEX;
}

/* A (combined) dict's index: right after its entries. */
static inline void *rt_dict_index(const ObjDict *d)
{
    return d->entries + d->capacity;
}

/* Slot i of a dict's index. */
static inline int64_t rt_dict_index_at(const ObjDict *d, size_t i)
{
    const void *index = rt_dict_index(d);
    if (d->index_size <= 0x80)
        return ((const int8_t *)index)[i];
    if (d->index_size <= 0x8000)
        return ((const int16_t *)index)[i];
    return ((const int32_t *)index)[i];
}

typedef struct ObjRange {
    Object ob;
    Value start, stop, step;    /* ints */
    Value length;               /* int */
} ObjRange;

typedef struct ObjSlice {
    Object ob;
    Value start, stop, step;    /* any values, rt_None when omitted */
} ObjSlice;

typedef struct ObjCell {
    Object ob;
    Value ref;                  /* VAL_NULL: empty */
} ObjCell;

/* A code object exactly as CPython 3.11 marshals it, plus fields derived
 * once at load time for the eval loop. */
typedef struct ObjCode {
    Object ob;
    int argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno;
    Value code;                 /* bytes: code units */
    Value consts;               /* tuple */
    Value names;                /* tuple of str */
    Value localsplusnames;      /* tuple of str */
    Value localspluskinds;      /* bytes */
    Value filename, name, qualname;  /* str */
    Value linetable;            /* bytes */
    Value exceptiontable;       /* bytes */
    /* derived by rt_code_init */
    /* The code units the eval loop runs (little-endian opcode, oparg): a
     * copy of co_code that specialization rewrites in place (vm/specialize.c:
     * an instruction becomes its specialized form, its CACHE units hold the
     * counter and the guards).  co_code itself (`code` above) stays as
     * loaded, for dis, the tracer and Python code. */
    const uint16_t *instrs;
    size_t ninstrs;             /* number of code units */
    /* Objects the inline caches refer to (a property's getter...), kept
     * here where the collector sees them; a cache holds an index. */
    Value cache_objs;           /* list, VAL_NULL until the first */
    /* The threaded strategy's translation of instrs (vm/eval_threaded.c),
     * made the first time it runs the code; NULL until then. */
    void *threaded;
    int nlocalsplus;
    int nlocals;                /* slots that are plain locals (kind & 0x20 only) */
    int ncells, nfrees;
    size_t framesize;           /* nlocalsplus + stacksize */
    signed char close_runs_code;    /* gen.c's cache: 0 unknown, 1 yes, -1 no */
    unsigned char pyminor;      /* 11, 12 or 13: whose bytecode (rt_py_minor when made) */
    /* The locals (bit i: slot i < 64) whose every read vm_plan_str_appends
     * accounted for: `s += t` into them may append in place. */
    uint64_t str_append_locals;
    /* The line of every code unit (-1: none), for sys.settrace's line
     * events and jumps: made on first need by rt_code_lines. */
    const int *lines;
} ObjCode;

/* Code flags (co_flags). */
enum {
    CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
    CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_NOFREE = 0x40, CO_COROUTINE = 0x80,
    CO_ITERABLE_COROUTINE = 0x100, CO_ASYNC_GENERATOR = 0x200,
    CO_HAS_DOCSTRING = 0x4000000,       /* 3.14: co_consts[0] is the docstring */
};
/* localspluskinds */
enum { CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 };
/* 3.12: a slot of an inlined comprehension, hidden from locals(). */
enum { CO_FAST_HIDDEN = 0x10 };
/* 3.14: how an argument's slot is passed (positionally, by keyword, as
 * *args or **kwargs), beside its kind; pvm reads the argument counts. */
enum { CO_FAST_ARG_POS = 0x02, CO_FAST_ARG_KW = 0x04, CO_FAST_ARG_VAR = 0x08 };
enum { CO_FAST_ARG = CO_FAST_ARG_POS | CO_FAST_ARG_KW | CO_FAST_ARG_VAR };

typedef struct ObjFunction {
    Object ob;
    ObjCode *code;
    Value globals;              /* dict */
    Value builtins;             /* dict */
    Value name, qualname;       /* str */
    Value defaults;             /* tuple or VAL_NULL */
    Value kwdefaults;           /* dict or VAL_NULL */
    Value closure;              /* tuple of cells or VAL_NULL */
    Value doc;
    Value module;
    Value annotations;          /* VAL_NULL until set */
    Value annotate;             /* 3.14's __annotate__, VAL_NULL for none */
    Value type_params;          /* 3.12's __type_params__, VAL_NULL for () */
    Value dict;                 /* VAL_NULL until an attribute is set */
} ObjFunction;

/* A bound method: a Python function plus the instance it is bound to. */
typedef struct ObjMethod {
    Object ob;
    Value func;
    Value self;
} ObjMethod;

/* A function written in C.  args[0..nargs) are positional then keyword
 * values (kwnames as in CallFunc).  For a method, args[0] is self. */
typedef Value (*NativeFunc)(Value *args, size_t nargs, Value kwnames);

/* One C function, in three guises told apart by the object's type:
 *   builtin_function_or_method  len, math.sqrt (no self); [].append (self
 *                               bound); str.maketrans (a static method:
 *                               owner set, no self)
 *   method_descriptor           list.append as found in list's dict (owner
 *                               set, no self): binds to an instance
 *   classmethod_descriptor      dict.fromkeys in dict's dict: binds to the class */
typedef struct ObjBuiltin {
    Object ob;
    const char *name;
    NativeFunc fn;
    Value self;                 /* bound self (prepended to args), or VAL_NULL */
    ObjType *owner;             /* for methods: the type whose dict holds it */
    Value module;               /* a module's function: that module; else VAL_NULL */
} ObjBuiltin;

typedef struct ObjModule {
    Object ob;
    Value name;                 /* str */
    Value dict;                 /* the module's globals */
    bool builtin;               /* made by C code (sys, math): "(built-in)" in its repr */
    bool initializing;          /* its body is running (loader/import.c): a missing
                                 * attribute is "partially initialized", as a spec's
                                 * `_initializing` says in CPython */
    /* A built-in module's attributes made on first use: called with a name
     * missing from the dict (before __getattr__); VAL_NULL without an
     * exception when it has none.  sys makes its import hooks this way. */
    Value (*lazy)(Value module, Value name);
} ObjModule;

/* Exception instances (BaseException and its subclasses). */
typedef struct ObjException {
    Object ob;
    Value args;                 /* tuple */
    Value traceback;            /* ObjTraceback or rt_None */
    Value context, cause;       /* exception or rt_None */
    bool suppress_context;
    Value dict;                 /* instance attributes, VAL_NULL until needed */
    Value fields;               /* dict of the fields CPython keeps in C members
                                 * (OSError.errno, ImportError.name, SyntaxError.lineno,
                                 * UnicodeError.start ...): not in vars(e); VAL_NULL
                                 * until one is set (rt_exc_fields) */
    Value extra;                /* per-type data: StopIteration.value, SystemExit.code,
                                 * OSError.characters_written (None: unset) */
} ObjException;

/* One frame's contribution to a traceback: where the exception passed. */
typedef struct ObjTraceback {
    Object ob;
    Value next;                 /* the next deeper entry, or rt_None */
    Value frame;                /* its frame object (vm/frameobject.h) */
    ObjCode *code;              /* the frame's code */
    int lasti;                  /* code-unit index of the instruction */
    int8_t lasti_odd;           /* tb_lasti is a byte offset: what it has past
                                 * 2 * lasti when given odd (0, 1 or -1) */
    bool has_lineno;            /* made by types.TracebackType(): */
    int lineno;                 /* its tb_lineno, instead of lasti's line */
} ObjTraceback;

/* An instance of a class created by Python code (class.c); builtins use it
 * for plain `object()` too. */
typedef struct ObjInstance {
    Object ob;
    Value dict;                 /* ObjDict, ObjValues (below) or VAL_NULL */
} ObjInstance;

/* An instance's attributes until something needs its __dict__ (CPython
 * 3.11's shared keys and inline values).  The names are shared by every
 * instance object.__new__ makes of a class (HeapType.keys), in the order
 * they were first set; each instance keeps its values in that order, in
 * an ObjValues placed in its own block, which its dict word points to.
 * The first use that needs a real dict — vars(), __dict__, del, a name
 * set out of order, more names than fit, a name that is not an exact str
 * — replaces it with a dict of the same items in the same order
 * (rt_values_to_dict).  Only object.c's generic attribute code and the
 * eval loop's instance forms (vm/bytecodes.h, vm/specialize.c) read one:
 * rt_instance_dict_slot hands everyone else a dict. */
#define RT_SHARED_KEYS_MAX 30
typedef struct SharedKeys {
    uint32_t len;
    Value names[RT_SHARED_KEYS_MAX];    /* interned exact str, never removed */
} SharedKeys;

typedef struct ObjValues {
    Object ob;                  /* rt_values_type */
    SharedKeys *keys;
    uint32_t len;               /* values of keys->names[0 .. len) */
    uint32_t capacity;
    Value values[];
} ObjValues;

extern ObjType rt_values_type;
static inline bool rt_is_values(Value v)
{
    return v != VAL_NULL && ((Object *)v)->type == &rt_values_type;
}

/* ---- Singletons ---------------------------------------------------------- */

extern Object rt_none_obj, rt_true_obj, rt_false_obj, rt_notimpl_obj,
              rt_ellipsis_obj, rt_null_obj;
#define rt_None ((Value)&rt_none_obj)
#define rt_True ((Value)&rt_true_obj)
#define rt_False ((Value)&rt_false_obj)
#define rt_NotImplemented ((Value)&rt_notimpl_obj)
#define rt_Ellipsis ((Value)&rt_ellipsis_obj)
/* The value-stack stand-in for CPython 3.11's NULL (PUSH_NULL, LOAD_METHOD):
 * never visible to Python code. */
#define rt_Null ((Value)&rt_null_obj)

static inline Value rt_bool(bool b) { return b ? rt_True : rt_False; }

/* ---- Type tests ---------------------------------------------------------- */

extern ObjType rt_bool_type, rt_float_type, rt_complex_type, rt_str_type,
    rt_bytes_type, rt_bytearray_type, rt_tuple_type, rt_list_type, rt_dict_type,
    rt_set_type, rt_frozenset_type, rt_range_type, rt_slice_type,
    rt_cell_type, rt_code_type, rt_function_type, rt_method_type,
    rt_builtin_type, rt_method_descr_type, rt_module_type, rt_traceback_type, rt_none_type,
    rt_notimpl_type, rt_ellipsis_type, rt_null_type;

/* Exact-type tests are pointer compares; subclass-aware tests use the MRO. */
bool rt_is_subtype(ObjType *t, ObjType *base);
static inline bool rt_isinstance_of(Value v, ObjType *t)
{
    ObjType *vt = val_type(v);
    return vt == t || rt_is_subtype(vt, t);
}

static inline bool is_int(Value v)
{
    return val_is_small(v) || val_obj(v)->type == &rt_int_type;
}
#define IS_EXACT(v, T) (!val_is_small(v) && val_obj(v)->type == &(T))
#define is_float(v) IS_EXACT(v, rt_float_type)
#define is_str(v) IS_EXACT(v, rt_str_type)
#define is_tuple(v) IS_EXACT(v, rt_tuple_type)
#define is_list(v) IS_EXACT(v, rt_list_type)
#define is_dict(v) IS_EXACT(v, rt_dict_type)
#define is_code(v) IS_EXACT(v, rt_code_type)
#define is_function(v) IS_EXACT(v, rt_function_type)
#define is_bool(v) ((v) == rt_True || (v) == rt_False)

/* Field access shorthands. */
#define AS_STR(v) VAL_AS(ObjStr, v)
#define AS_TUPLE(v) VAL_AS(ObjTuple, v)
#define AS_LIST(v) VAL_AS(ObjList, v)
#define AS_DICT(v) VAL_AS(ObjDict, v)
#define AS_FLOAT(v) VAL_AS(ObjFloat, v)
#define AS_BYTES(v) VAL_AS(ObjBytes, v)
#define AS_CODE(v) VAL_AS(ObjCode, v)
#define AS_FUNCTION(v) VAL_AS(ObjFunction, v)
#define AS_TYPE(v) VAL_AS(ObjType, v)
#define AS_EXC(v) VAL_AS(ObjException, v)

#endif
