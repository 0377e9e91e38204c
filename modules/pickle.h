/*
 * pickle.h — what the three files of _pickle share.
 *
 *   pickle.c       the module: exceptions, PickleBuffer, dump/dumps/load/
 *                  loads, and the tables it borrows from copyreg and
 *                  _compat_pickle
 *   pickle_save.c  Pickler and its memo proxy
 *   pickle_load.c  Unpickler and its memo proxy
 *
 * CPython's Modules/_pickle.c is the model (its names, its order of
 * checks and its messages); Lib/pickle.py says what the opcodes mean.
 */
#ifndef PVM_PICKLE_H
#define PVM_PICKLE_H

#include "modules/modutil.h"
#include "runtime/buffer.h"

enum { PK_HIGHEST_PROTOCOL = 5, PK_DEFAULT_PROTOCOL = 4 };

/* The opcodes, as pickle.py (and pickletools) name them. */
enum {
    PK_MARK = '(', PK_STOP = '.', PK_POP = '0', PK_POP_MARK = '1', PK_DUP = '2',
    PK_FLOAT = 'F', PK_INT = 'I', PK_BININT = 'J', PK_BININT1 = 'K', PK_LONG = 'L',
    PK_BININT2 = 'M', PK_NONE = 'N', PK_PERSID = 'P', PK_BINPERSID = 'Q',
    PK_REDUCE = 'R', PK_STRING = 'S', PK_BINSTRING = 'T', PK_SHORT_BINSTRING = 'U',
    PK_UNICODE = 'V', PK_BINUNICODE = 'X', PK_APPEND = 'a', PK_BUILD = 'b',
    PK_GLOBAL = 'c', PK_DICT = 'd', PK_EMPTY_DICT = '}', PK_APPENDS = 'e',
    PK_GET = 'g', PK_BINGET = 'h', PK_INST = 'i', PK_LONG_BINGET = 'j',
    PK_LIST = 'l', PK_EMPTY_LIST = ']', PK_OBJ = 'o', PK_PUT = 'p',
    PK_BINPUT = 'q', PK_LONG_BINPUT = 'r', PK_SETITEM = 's', PK_TUPLE = 't',
    PK_EMPTY_TUPLE = ')', PK_SETITEMS = 'u', PK_BINFLOAT = 'G',
    /* protocol 2 */
    PK_PROTO = 0x80, PK_NEWOBJ = 0x81, PK_EXT1 = 0x82, PK_EXT2 = 0x83, PK_EXT4 = 0x84,
    PK_TUPLE1 = 0x85, PK_TUPLE2 = 0x86, PK_TUPLE3 = 0x87, PK_NEWTRUE = 0x88,
    PK_NEWFALSE = 0x89, PK_LONG1 = 0x8a, PK_LONG4 = 0x8b,
    /* protocol 3 */
    PK_BINBYTES = 'B', PK_SHORT_BINBYTES = 'C',
    /* protocol 4 */
    PK_SHORT_BINUNICODE = 0x8c, PK_BINUNICODE8 = 0x8d, PK_BINBYTES8 = 0x8e,
    PK_EMPTY_SET = 0x8f, PK_ADDITEMS = 0x90, PK_FROZENSET = 0x91, PK_NEWOBJ_EX = 0x92,
    PK_STACK_GLOBAL = 0x93, PK_MEMOIZE = 0x94, PK_FRAME = 0x95,
    /* protocol 5 */
    PK_BYTEARRAY8 = 0x96, PK_NEXT_BUFFER = 0x97, PK_READONLY_BUFFER = 0x98,
};

/* What the module borrows from copyreg, _compat_pickle, codecs, functools
 * and builtins when it is first imported (CPython's PickleState). */
typedef struct PickleState {
    Value dispatch_table;           /* copyreg.dispatch_table */
    Value extension_registry;       /* copyreg._extension_registry */
    Value extension_cache;          /* copyreg._extension_cache */
    Value inverted_registry;        /* copyreg._inverted_registry */
    Value name_mapping_2to3, import_mapping_2to3;   /* _compat_pickle */
    Value name_mapping_3to2, import_mapping_3to2;
    Value codecs_encode;            /* codecs.encode */
    Value getattr;                  /* builtins.getattr */
    Value partial;                  /* functools.partial */
} PickleState;
extern PickleState pk_state;

extern ObjType pk_PickleError, pk_PicklingError, pk_UnpicklingError;
extern ObjType pk_picklebuffer_type;
extern ObjType pk_pickler_type, pk_pickler_memoproxy_type;
extern ObjType pk_unpickler_type, pk_unpickler_memoproxy_type;

/* PickleBuffer's view of its object (pickle.c): false + ValueError
 * "operation forbidden on released PickleBuffer object" once released. */
bool pk_picklebuffer_view(Value pb, RtBuffer **view);
/* Whether a view's items are contiguous in C or Fortran order. */
bool pk_buffer_contiguous(const RtBuffer *v);

/* The module functions, on a new Pickler or Unpickler. */
Value pk_dump(Value obj, Value file, Value protocol, bool fix_imports, Value buffer_callback);
Value pk_load(Value file, Value data, bool fix_imports, Value encoding, Value errors,
              Value buffers);
/* PyImport_Import (pickle_save.c): __import__(name), then sys.modules[name]. */
Value pk_import_module(Value name);
/* getattr(obj, name), following dots when allow_qualname (pickle_save.c);
 * AttributeError "Can't get attribute 'x' on <module ...>". */
Value pk_getattribute(Value obj, Value name, bool allow_qualname);
void pk_save_init(void);
void pk_load_init(void);

#endif
