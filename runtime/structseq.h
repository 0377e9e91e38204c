/*
 * structseq.h — struct sequences: the tuples with named fields that C code
 * hands to Python (sys.version_info, sys.flags, os.stat_result,
 * os.uname_result, time.struct_time...), CPython's PyStructSequence.
 *
 * A struct sequence is a tuple whose items can also be read by name
 * (st.st_size == st[6]).  It may carry more fields than it shows as a tuple:
 * os.stat_result is a 10-tuple, but st_atime_ns and 8 more fields are
 * attributes only.  pvm stores all of them in the tuple's items array and
 * sets the tuple's length to the visible count, so every tuple operation
 * (len, indexing, ==, hash, iteration) sees only the visible part.
 */
#ifndef PVM_STRUCTSEQ_H
#define PVM_STRUCTSEQ_H

#include "object.h"

/* What a struct-sequence type is.  fields[i] is the name of field i, or
 * NULL for an unnamed field (visible by index only: os.stat_result's
 * integer times at 7..9).  The first n_in_sequence fields are the tuple's
 * items; the rest are attributes only.  A constructible type may be called
 * from Python as T(sequence, dict=None), as os.stat_result can; the others
 * (sys.flags) raise "cannot create 'sys.flags' instances". */
typedef struct RtStructSeqDesc {
    const char *name;               /* "os.stat_result": module.name */
    const char *const *fields;
    size_t n_fields, n_in_sequence;
    bool constructible;
} RtStructSeqDesc;

/* A new struct-sequence type, ready, with a member descriptor per named
 * field and the class attributes n_sequence_fields, n_fields,
 * n_unnamed_fields and __match_args__.  desc must outlive the type. */
ObjType *rt_structseq_type_new(const RtStructSeqDesc *desc);
/* An instance holding items[0..n_fields). */
Value rt_structseq_new(ObjType *type, const Value *items);
/* The descriptor a struct-sequence type was made from. */
const RtStructSeqDesc *rt_structseq_desc(ObjType *type);

#endif
