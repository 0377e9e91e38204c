/*
 * containers.h — tuple, list, dict, set/frozenset, range, slice and the
 * iterators over them.
 *
 * dict keeps insertion order with CPython's compact layout (see object.h);
 * set and frozenset follow CPython's setobject.c table (same sizes, probing
 * and growth) so that iteration order — what print shows — is identical.  Hashing
 * and equality go through rt_hash/rt_eq, so keys may be any hashable value.
 */
#ifndef PVM_CONTAINERS_H
#define PVM_CONTAINERS_H

#include "object.h"

/* tuple */
Value rt_tuple_new(size_t n);                       /* items all rt_None */
Value rt_tuple_from(const Value *items, size_t n);
/* left op (the n items as a tuple), left an exact tuple, no tuple made. */
Value rt_tuple_compare_items(Value left, Value *items, size_t n, int op);
/* CPython's tuplehash over items[0..n) (xxHash rounds); without the
 * length, CPython 3.12's slice hash.  -1 with an exception set. */
intptr_t rt_hash_items(const Value *items, size_t n, bool with_length);
Value rt_tuple_pack(size_t n, ...);
static inline size_t rt_tuple_len(Value t) { return AS_TUPLE(t)->length; }
static inline Value rt_tuple_get(Value t, size_t i) { return AS_TUPLE(t)->items[i]; }
extern Value rt_empty_tuple;

/* list */
Value rt_list_new(size_t capacity);                 /* empty */
Value rt_list_from(const Value *items, size_t n);
bool rt_list_append(Value list, Value v);           /* false only on MemoryError */
bool rt_list_extend(Value list, Value iterable);    /* false + exception */
Value rt_list_as_tuple(Value list);
/* Sort in place (stable; key may be VAL_NULL).  false + exception on error. */
bool rt_list_sort(Value list, Value key, bool reverse);

/* Any iterable to a new list / tuple (list(x), tuple(x): x's length
 * hint is asked, and its errors propagate). */
Value rt_sequence_to_list(Value iterable);
Value rt_sequence_to_tuple(Value iterable);
/* The same list through x's iterator, whose length hint is asked instead
 * (CPython's PySequence_Fast: str.join, bytes.join). */
Value rt_sequence_fast(Value iterable);

/* dict */
Value rt_dict_new(void);
Value rt_dict_new_sized(size_t n);
/* Room for n more entries, made in one resize if there is not. */
void rt_dict_reserve(Value dict, size_t n);
/* The entries an instance's dict has room for when its first attribute is
 * stored (rt_dict_new_sized: the table in the dict's own block): a dict's
 * smallest table, five entries, holds most instances' attributes. */
#define RT_INSTANCE_DICT_ROOM 5
/* {k1: v1, k2: v2, ...} of BUILD_CONST_KEY_MAP: keys a tuple constant,
 * values[i] the value of its item i; a split dict (object.h) when the
 * keys are distinct exact str.  VAL_NULL + exception: a key not hashable. */
Value rt_dict_from_const_keys(Value keys, const Value *values);
/* Lookup: the value, or VAL_NULL.  *error distinguishes "absent" from a
 * failed hash/== (pass NULL when the key cannot fail, e.g. a str). */
Value rt_dict_get(Value dict, Value key, bool *error);
/* Lookup of a str key (an attribute or variable name).  A key of another
 * type with its hash is asked by its __eq__, as in CPython's lookup of a
 * dict not holding str keys only: rt_dict_get_name sets *error when that
 * raised; rt_dict_get_str, for callers that cannot fail, drops the error. */
Value rt_dict_get_str(Value dict, Value str_key);
Value rt_dict_get_name(Value dict, Value str_key, bool *error);
/* For the eval loop's inline caches (vm/specialize.c): the entry number
 * of a str key in dict->entries, or -1, or RT_DICT_ASK_EQ when a key of
 * another type has its hash (only that key's __eq__, which a cache must
 * not run, can tell); and the dict's keys version, which changes when a
 * key is added (0: none could be given).  Both entry-number functions make
 * a split dict combined first (object.h): their callers read entries. */
#define RT_DICT_ASK_EQ (-2)
int64_t rt_dict_entry_of_str(Value dict, Value str_key);
int64_t rt_dict_store_str(Value dict, Value str_key, Value v);
uint32_t rt_dict_keys_version(Value dict);
Value rt_dict_get_cstr(Value dict, const char *key);
bool rt_dict_set(Value dict, Value key, Value v);   /* false + exception */
/* The lookup for a key whose hash the caller has (a set's entry). */
Value rt_dict_get_hashed(Value dict, Value key, intptr_t hash, bool *error);
void rt_dict_set_cstr(Value dict, const char *key, Value v);
int rt_dict_del(Value dict, Value key);             /* 1 deleted, 0 absent, -1 error */
size_t rt_dict_len(Value dict);
/* Iterate: for (size_t i = 0; rt_dict_next(d, &i, &k, &v);) */
bool rt_dict_next(Value dict, size_t *pos, Value *key, Value *value);
bool rt_dict_next_hashed(Value dict, size_t *pos, Value *key, intptr_t *hash);
bool rt_dict_update(Value dict, Value other);       /* dict.update(mapping or pairs) */
/* PyDict_Update ({**other}): a mapping only, its keys() then other[key];
 * AttributeError when other has no keys(). */
bool rt_dict_merge(Value dict, Value other);
Value rt_dict_copy(Value dict);
/* The view types (for subclasses: OrderedDict's odict_keys ...) and a view
 * of `dict` of one of them or a subclass. */
typedef enum { RT_VIEW_KEYS, RT_VIEW_VALUES, RT_VIEW_ITEMS } RtDictViewKind;
ObjType *rt_dict_view_type(RtDictViewKind kind);
Value rt_dict_view_new(ObjType *type, Value dict);

/* set / frozenset */
Value rt_set_new(void);
Value rt_frozenset_new(void);
bool rt_set_add(Value set, Value key);              /* false + exception */
/* The same for a key whose hash the caller has (a str's, a key that
 * cannot fail to compare). */
void rt_set_add_hashed(Value set, Value key, intptr_t hash);
int rt_set_contains(Value set, Value key);          /* 0/1, -1 error */
bool rt_set_next(Value set, size_t *pos, Value *key);
/* The same with the key's stored hash; and the number of keys. */
bool rt_set_next_hashed(Value set, size_t *pos, Value *key, intptr_t *hash);
size_t rt_set_size(Value set);
/* set.__init__(iterable): empty the set, then update it. */
bool rt_set_reinit(Value set, Value iterable);
/* set.update(iterable) with CPython's bulk shortcuts (SET_UPDATE). */
bool rt_set_update(Value set, Value iterable);

/* range and slice */
Value rt_range_new(Value start, Value stop, Value step);   /* ints */
Value rt_slice_new(Value start, Value stop, Value step);
/* Resolve a slice against a sequence length (CPython's PySlice_GetIndicesEx):
 * false + exception on error. */
bool rt_slice_indices(Value slice, ssize_t length, ssize_t *start,
                      ssize_t *stop, ssize_t *step, ssize_t *slicelength);
/* The same with Python ints, for any length (slice.indices, huge ranges):
 * start and stop clamped to the sequence, the step checked; no count. */
bool rt_slice_long_indices(Value slice, Value length, Value *start, Value *stop, Value *step);

/* Normalise a sequence index: negative counts from the end; IndexError with
 * message "<what> index out of range" when outside.  false on error. */
bool rt_seq_index(Value key, size_t length, const char *what, size_t *out);

/* Iterators over builtins (created by the types' iter slots). */
Value rt_seq_iter_new(Value seq);       /* any object with getitem + len */

/* ---- Helpers shared by the container files (seqiter.c) ----------------- */

/* v as an int if it is int-like (int, bool, or a class with __index__);
 * VAL_NULL with no exception set when it is not, VAL_NULL with an exception
 * when __index__ failed. */
Value rt_index_or_null(Value v);
/* An int clamped into the ssize_t range (slice indices, list.index bounds). */
ssize_t rt_int_clamp_ssize(Value i);
/* The repeat count of seq * n in a TF_SEQUENCE type's binop: 1 when n is an
 * int or bool (negative counts become 0), 0 when it is anything else — the
 * binop returns NotImplemented, so n's __rmul__ runs before rt_binary_op
 * tries n.__index__() — and -1 on OverflowError. */
int rt_repeat_count(Value n, ssize_t *out);
/* seq * n's items: buf holds the first `size` bytes of `total`; the rest
 * are filled with copies of them, doubling what is copied each time. */
void rt_fill_repeat(void *buf, size_t size, size_t total);
/* Generic attribute lookup for types whose getattr slot handles only a few
 * data attributes (range.start, slice.stop): methods from the type's MRO,
 * bound through descr_get, else AttributeError. */
Value rt_attr_fallback(Value self, Value name);
/* Start/stop arguments of index() methods (list.index(x, 1, -1)):
 * int-like or an error "slice indices must be integers or have an __index__
 * method"; clamped to ssize_t. */
bool rt_index_arg(Value v, ssize_t *out);
/* The start/end of find, count, startswith... (CPython's
 * _PyEval_SliceIndex; the caller takes None): the same, clamped, with
 * "slice indices must be integers or None or have an __index__ method". */
bool rt_slice_arg(Value v, ssize_t *out);

/* rt_seq_index with separate words for the two messages: the TypeError
 * names `type_what` ("list indices must be integers or slices, not str"),
 * the IndexError `range_what` ("list assignment index out of range"). */
bool rt_seq_index_ex(Value key, size_t length, const char *type_what,
                     const char *range_what, size_t *out);
/* The iter slot of every iterator: iter(it) is it. */
Value rt_iter_self(Value self);

/* ---- What list and tuple do alike (sequence.c) ---------------------------
 * Each helper reads a sequence's items array and length through pointers,
 * at every step: a list may change while an item's __eq__ or __repr__ runs
 * (as CPython, pvm then works on what the list has become); a tuple passes
 * pointers to copies of its fields. */

/* "[1, 2]" or "(1, 2)" (open and close are the brackets; "(1,)"). */
Value rt_seq_repr(Value *const *items, const size_t *length, char open, char close);
/* Lexicographic rich comparison (op: CMP_*). */
Value rt_seq_richcompare(Value *const *aitems, const size_t *alen,
                         Value *const *bitems, const size_t *blen, int op);
/* Position of the first item == x in [start, stop): -1 none, -2 error. */
ssize_t rt_seq_find(Value *const *items, const size_t *length, Value x,
                    size_t start, size_t stop);
/* `x in seq`: 1/0, -1 on error. */
int rt_seq_contains(Value *const *items, const size_t *length, Value x);
/* The methods count(x) and index(x[, start[, stop]]) (args[0] is self);
 * `missing` is index()'s ValueError, a format whose %R is x. */
Value rt_seq_count_m(const char *fname, Value *const *items, const size_t *length,
                     Value *args, size_t nargs, Value kwnames);
Value rt_seq_index_m(const char *fname, Value *const *items, const size_t *length,
                     Value *args, size_t nargs, Value kwnames, const char *missing);
/* The binop slot of a sequence type: seq + seq (concat; "can only
 * concatenate list (not "int") to list") and seq * n, n * seq (repeat, with
 * rt_repeat_count's rules); NotImplemented otherwise. */
Value rt_seq_binop(ObjType *type, Value a, Value b, int op,
                   Value (*concat)(Value a, Value b), Value (*repeat)(Value seq, ssize_t n));

/* dict views and set conversion used by the set operators of dict views. */
bool rt_is_anyset(Value v);
Value rt_set_from_iterable(Value iterable);     /* a new set */

/* ---- Subclass instances of the variable-sized builtins ------------------
 * str, bytes and tuple keep their data inline after the header, so an
 * instance of a Python subclass cannot keep its instance dict at a fixed
 * offset inside the builtin layout (CPython uses a negative tp_dictoffset for
 * the same reason).  Their constructors allocate such instances with
 * rt_alloc_var_instance: the builtin layout (header + data, `fixed` bytes),
 * rounded up to a Value boundary, then one Value slot for the dict, then a
 * str subclass's __slots__ (its instance_size bytes: str's own is 0).  A class
 * whose solid base is str, bytes or tuple should set
 * dict_offset = RT_DICT_OFFSET_VAR, and the attribute code should find the
 * slot with rt_var_dict_slot (NULL for objects that have none). */
#define RT_DICT_OFFSET_VAR ((size_t)-1)
void *rt_alloc_var_instance(ObjType *type, size_t fixed);
Value *rt_var_dict_slot(Value obj);

/* Per-file initialisers, called by rt_containers_init (seqiter.c). */
void rt_seqiter_init(void);
void rt_tuple_init(void);
void rt_list_init(void);
void rt_dict_init(void);
void rt_set_init(void);
void rt_range_init(void);
void rt_slice_init(void);

void rt_containers_init(void);

/* ---- the iterators a for-loop meets most ----
 * Their layout is public for FOR_ITER_LIST, FOR_ITER_TUPLE and
 * FOR_ITER_RANGE (vm/bytecodes.h), which step them in the eval loop. */

typedef struct ListIter {               /* iter(list) */
    Object ob;
    Value list;                 /* VAL_NULL once exhausted */
    ssize_t index;
} ListIter;

typedef struct TupleIter {              /* iter(tuple) */
    Object ob;
    Value tuple;                /* VAL_NULL once exhausted */
    size_t index;
} TupleIter;

typedef struct RangeIter {              /* iter(range) within 64 bits */
    Object ob;
    int64_t next, step;
    uint64_t remaining;
    int64_t start;
    uint64_t length;
} RangeIter;

extern ObjType rt_listiter_type, rt_tupleiter_type, rt_rangeiter_type;

/* iter(d.items()) and its step without the (key, value) tuple, for
 * FOR_ITER_DICT_ITEMS (a `for k, v in d.items()` loop unpacks it at once):
 * true with *key and *value, or false when exhausted or failed (the
 * dict's size or keys changed: the exception is set). */
extern ObjType rt_dictitems_iter_type;
bool rt_dictitems_iter_next(Value iter, Value *key, Value *value);

#endif
