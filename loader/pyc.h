/*
 * pyc.h — reading CPython's .pyc files: the 16-byte header (PEP 552) and the
 * marshalled code object after it.
 *
 * Nothing in a .pyc is trusted.  Every read is bounds-checked; a bad file
 * yields one line naming the file and the byte offset, e.g.
 *   "hello.pyc: truncated file at offset 412 (reading a tuple of 3 items)"
 * and the caller exits 1.  See docs/reliability.md, part A.
 */
#ifndef PVM_PYC_H
#define PVM_PYC_H

#include <stdint.h>
#include "runtime/object.h"
#include "runtime/str.h"

#define LD_MAGIC_311 3495
#define LD_MAGIC_312 3531
#define LD_MAGIC_313 3571
#define LD_MAGIC_314 3627

/* The minor version (11 to 14) of a magic number pvm runs, else 0; the
 * magic number of the version this process runs (rt_py_minor). */
int ld_magic_minor(uint16_t magic);
uint16_t ld_process_magic(void);
/* The minor version of the .pyc at `path` by its magic (0: not one pvm
 * runs, or unreadable): tools/main.c runs a process of that version. */
int ld_pyc_file_minor(const char *path);

typedef struct PycHeader {
    uint16_t magic;             /* the little-endian number before "\r\n" */
    uint32_t flags;             /* 0: timestamp; bit 0: hash; bit 1: check_source */
    uint32_t mtime;             /* timestamp pycs */
    uint32_t source_size;
    uint64_t source_hash;       /* hash pycs: the 8 bytes, little-endian */
} PycHeader;

/* The Python version ("3.12") that wrote a magic number, or NULL. */
const char *ld_magic_version(uint16_t magic);

/* Load a whole .pyc: the header is checked (3.11 magic, valid flags) and the
 * body unmarshalled into a code object.  On failure returns VAL_NULL and
 * writes the one-line message (without newline) into err. */
Value ld_load_pyc_file(const char *path, PycHeader *header, char *err, size_t errsize);
Value ld_load_pyc_bytes(const unsigned char *data, size_t size, const char *name,
                        PycHeader *header, char *err, size_t errsize);

/* Unmarshal one object (marshal version 4) from a buffer; on failure VAL_NULL
 * and "<name>: <problem> at offset N" in err.  `base_offset` is added to the
 * offsets reported (16 for a .pyc body). */
Value ld_unmarshal(const unsigned char *data, size_t size, const char *name,
                   size_t base_offset, char *err, size_t errsize);

/* Every code object the functions above build has passed the bytecode
 * verifier (vm/verify.h): a file whose bytecode is unsafe to run is
 * rejected with one line, "<name>: bad bytecode in 'f' at code offset 12
 * (LOAD_CONST 135): constant index 135 out of range (30 constants)".
 * The tools that only show a file and never run it (pvm dis, pvm info)
 * load without the verifier, so that a rejected file can be inspected. */
typedef enum { LD_VERIFY, LD_NO_VERIFY } LdVerify;
Value ld_load_pyc_file_opt(const char *path, LdVerify verify, PycHeader *header,
                           char *err, size_t errsize);
Value ld_unmarshal_opt(const unsigned char *data, size_t size, const char *name,
                       size_t base_offset, LdVerify verify, char *err, size_t errsize);
/* Append v in marshal format (version 4, no back-references) to out:
 * None, bools, Ellipsis, StopIteration, int, float, complex, str, bytes,
 * tuple, list, dict, set, frozenset, code (marshal_write.c).  False with
 * ValueError for anything else or nesting deeper than 2000. */
bool ld_marshal(Value v, StrBuf *out);
/* marshal.dumps(v, version): versions 0-4, back-references from 3. */
bool ld_marshal_version(Value v, int version, StrBuf *out);
/* ld_unmarshal that also tells how many bytes the object took (*used). */
Value ld_unmarshal_prefix(const unsigned char *data, size_t size, size_t *used,
                          char *err, size_t errsize);

#endif
