/*
 * hashlib.h — the digest objects of hashlib.c (OpenSSL's EVP), for the
 * built-in hash modules _md5, _sha1, _sha256, _sha512 and _sha3
 * (hashlib_builtin.c): their types differ from _hashlib.HASH only in
 * names, reprs and argument rules, so they share its objects' layout and
 * everything that computes.
 */
#ifndef PVM_HASHLIB_H
#define PVM_HASHLIB_H

#include "runtime/runtime.h"

/* A new object of `type` (laid out as _hashlib.HASH) hashing with the
 * digest hashlib calls `name` ("sha3_256"), fed `data` unless VAL_NULL;
 * VAL_NULL + exception (ImportError without libcrypto, TypeError for data
 * that is not bytes-like). */
Value mod_hash_new(ObjType *type, const char *name, Value data);
bool mod_hash_update(Value self, Value data);
/* The digest so far as bytes, or hex: `len` bytes of a SHAKE (any length,
 * 0 too); other digests ignore len. */
Value mod_hash_digest(Value self, size_t len, bool hex);
/* A copy of the object, of its type. */
Value mod_hash_copy(Value self);
/* "name", "digest_size" (0 for SHAKE) or "block_size"; VAL_NULL, no
 * exception, for any other attribute. */
Value mod_hash_attr(Value self, const char *attr);
/* 3.14's constructors (these and _blake2's) take the data as `data` or,
 * deprecated, as the keyword `string`, never both: the one given (VAL_NULL:
 * neither) in *out; false + TypeError when both are. */
bool mod_hash_data_arg(Value data, Value string, Value *out);

#endif
