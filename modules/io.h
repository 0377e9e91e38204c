/*
 * io.h — what the files of `_io` share (io_module.c, io_iobase.c,
 * io_fileio.c, io_bytesio.c, io_stringio.c, io_bufferedio.c, io_textio.c).
 *
 * `_io` is CPython's io stack written in C, the module Lib/io.py re-exports
 * and builds its ABCs on.  Three layers, each a class family with its own
 * file, as in CPython's Modules/_io/:
 *
 *   raw        FileIO (a file descriptor)             read/write = one system call
 *   buffered   BufferedReader/Writer/Random/RWPair    a byte buffer over a raw stream
 *   text       TextIOWrapper                          str <-> bytes, newlines, over a buffer
 *
 * plus the in-memory streams BytesIO and StringIO and the abstract bases
 * _IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase whose methods work on
 * any object that provides the primitives (read/readinto/write...), found
 * by ordinary attribute lookup so that Python subclasses can supply them.
 * open() (io_module.c) stacks the layers; sys.stdin/stdout/stderr are the
 * same three layers over descriptors 0, 1 and 2.
 *
 * Standard output keeps one buffer: the BufferedWriter over descriptor 1
 * made at start-up writes into runtime/stdout.c's buffer (the one print()
 * fills directly), so print(), sys.stdout.write and sys.stdout.buffer.write
 * interleave exactly as the program wrote them.
 */
#ifndef PVM_MODULES_IO_H
#define PVM_MODULES_IO_H

#include "modules/modutil.h"
#include "runtime/buffer.h"
#include "runtime/class.h"

#define IO_DEFAULT_BUFFER_SIZE 8192

/* The fields every _io object starts with (CPython's _IOBase keeps its
 * closed flag in the instance dict as __IOBase_closed; here it is a field). */
typedef struct IoObject {
    Object ob;
    Value dict;                 /* the instance __dict__ (VAL_NULL until used) */
    bool iobase_closed;         /* _IOBase.close() ran */
    bool finalizing;            /* _finalizing: close() is called by __del__ */
} IoObject;

#define IO_OBJ(v) VAL_AS(IoObject, v)

extern ObjType io_iobase_type, io_rawiobase_type, io_bufferediobase_type, io_textiobase_type;
extern ObjType io_fileio_type, io_bytesio_type, io_stringio_type;
extern ObjType io_bufferedreader_type, io_bufferedwriter_type, io_bufferedrandom_type,
    io_bufferedrwpair_type;
extern ObjType io_textiowrapper_type, io_nldecoder_type;
/* io.UnsupportedOperation: a class deriving from OSError and ValueError,
 * made on first need. */
ObjType *io_unsupported_type(void);

/* Ready every type of the module (once; sys's streams need them at start-up
 * without importing _io). */
void io_types_ready(void);
/* The method tables of each file, readied by io_types_ready. */
extern const MethodDef io_iobase_methods[], io_rawiobase_methods[],
    io_bufferediobase_methods[], io_textiobase_methods[], io_fileio_methods[],
    io_bytesio_methods[], io_stringio_methods[], io_buffered_methods[],
    io_bufferedrwpair_methods[], io_textiowrapper_methods[], io_nldecoder_methods[];

/* ---- helpers (io_iobase.c) ---- */

/* raise io.UnsupportedOperation(msg); returns VAL_NULL. */
Value io_unsupported(const char *msg);
/* ValueError "I/O operation on closed file." */
Value io_closed_error(void);
/* OSError from errno (the subclass it names), with a file name or not. */
Value io_oserror(int err, Value filename);
/* obj.method() must be true, else UnsupportedOperation "File or stream is
 * not <what>." */
Value io_check_ability(Value obj, const char *method, const char *what);
/* Calls obj.name(args...) through attribute lookup. */
Value io_call(Value obj, const char *name, size_t nargs, ...);
/* obj.closed as a C truth: 1, 0, or -1 with an exception set. */
int io_is_closed(Value obj);
/* ValueError "I/O operation on closed file." when obj.closed is true. */
bool io_check_closed(Value obj);
/* The size argument of read(n)/readline(n): None or absent → -1, else an
 * index ("argument should be integer or None, not 'str'"). */
bool io_size_arg(Value *args, size_t nargs, size_t i, ssize_t *out);
/* Type check of a method's self: the methods are shared by subclasses,
 * and reached unbound with any object ("descriptor 'read' for '_io.FileIO'
 * objects doesn't apply to a 'int' object"). */
bool io_self(Value *args, size_t nargs, ObjType *t, const char *name);
/* A METH_NOARGS method's check: nothing but self ("BytesIO.tell() takes
 * no arguments (1 given)", named after the class that defines it in
 * CPython; cls NULL: self's first builtin class, for the methods the
 * buffered classes share).  false with TypeError set. */
bool io_noargs(Value *args, size_t nargs, Value kw, const char *cls, const char *meth);
/* The same for a method taking *args: "_IOBase.seek() takes no keyword
 * arguments" (args[0] is self). */
bool io_nokw(Value *args, Value kw, const char *cls, const char *meth);
/* The same for a METH_O method: "BytesIO.write() takes exactly one
 * argument (2 given)". */
bool io_onearg(Value *args, size_t nargs, Value kw, const char *cls, const char *meth);
/* A writable buffer of readinto's argument: "readinto() argument must be
 * read-write bytes-like object, not bytes" for any other (Argument
 * Clinic's rwbuffer).  false with TypeError set. */
bool io_rw_buffer(Value obj, RtBuffer *v, const char *fname, const char *cls);
#define IO_NOARGS(wrapper, fn, cls, meth)                                               \
    static Value wrapper(Value *args, size_t nargs, Value kw)                           \
    {                                                                                   \
        return io_noargs(args, nargs, kw, cls, meth) ? fn(args, nargs, kw) : VAL_NULL;  \
    }
/* A stream of a built-in type made and initialized from C (open(), the
 * standard streams), without the class call's __init__ lookup: at most 7
 * positional args. */
Value io_construct(ObjType *type, size_t size, NativeFunc init, Value *args, size_t nargs);
/* A new instance of a (sub)type; CPython's __new__ of every _io class:
 * the type's __init__ (the same C function) does the work, called here for
 * the builtin type itself, by type.__call__ for a Python subclass and for
 * the classes that split it off (TF_SPLIT_INIT: T.__new__(T) is then an
 * uninitialized stream, as in CPython). */
Value io_new(ObjType *type, size_t size, NativeFunc init, Value *args, size_t nargs,
             Value kwnames);

/* close() of a layer over `inner`: self.flush(), then inner.close() even if
 * the flush failed (CPython's buffered and text close).  What inner.close()
 * returned, or VAL_NULL with the exception set: see io_close_after. */
Value io_flush_then_close(Value self, Value inner);
/* -X warn_default_encoding (PEP 597): an EncodingWarning for a text stream
 * opened without an encoding, `stacklevel` frames up; false if it raised. */
bool io_warn_default_encoding(int stacklevel);
/* The outcome of a close (`closed`: its result, or VAL_NULL with its
 * exception set) that ran after an earlier step failed with `earlier`
 * (fetched; VAL_NULL if it did not fail): the close's exception with
 * `earlier` as its __context__, else `earlier` raised again, else `closed`
 * (CPython's _PyErr_ChainExceptions). */
Value io_close_after(Value closed, Value earlier);
/* Append " label=repr(self.attr)" to a repr being built, when self has the
 * attribute (a ValueError or AttributeError getting it leaves it out):
 * false on any other error. */
bool io_repr_attr(StrBuf *sb, Value self, const char *label, const char *attr);

/* An unclosed file that is finalised warns ResourceWarning "unclosed file
 * <repr>", naming the outermost layer: _IOBase.__del__ sets _finalizing
 * (io_finalizing_members, of FileIO, the buffered classes and
 * TextIOWrapper), and their close() then asks the layer below to warn
 * about itself: io_dealloc_warn(inner, self) calls inner._dealloc_warn(self)
 * (FileIO's warns; a buffered one passes it on to its raw stream), any
 * error ignored. */
extern const MemberDef io_finalizing_members[];
void io_dealloc_warn(Value inner, Value source);

/* _IOBase's own methods other files call directly. */
Value io_iobase_close(Value *args, size_t nargs, Value kwnames);
Value io_iobase_enter(Value *args, size_t nargs, Value kwnames);
Value io_iobase_exit(Value *args, size_t nargs, Value kwnames);

/* ---- across files ---- */

/* The bytes a bytes-like argument holds, copied into a new bytes (for
 * keeping), or VAL_NULL + TypeError. */
Value io_as_bytes(Value v);
/* The end of BytesIO's and StringIO's __setstate__ (pickle, copy): the
 * position, an int not negative (a TypeError made from fmt and its type's
 * name otherwise); then the instance dict, None or a dict merged into the
 * object's (`item` names its place in the state's message).  false with
 * an exception set. */
bool io_setstate_position(Value pos, const char *fmt, size_t *out);
bool io_setstate_dict(Value self, Value d, const char *item);
/* FileIO(fd or path, mode, closefd, opener) from C (open()). */
Value io_fileio_open(Value file, const char *mode, bool closefd, Value opener);
/* os.fspath(file) for a PathLike; the value itself otherwise (VAL_NULL
 * with TypeError when __fspath__ gives neither str nor bytes). */
Value io_fspath(Value file);
/* The descriptor of a FileIO (-1 when closed). */
int io_fileio_fd(Value f);
/* One read(2) of an open FileIO: the count, 0 at end, -1 with an
 * exception set (a signal's handler raised: Ctrl-C), -2 when a
 * non-blocking descriptor has nothing. */
ssize_t io_fileio_read(Value f, void *buf, size_t n);
/* FileIO.readall() of an open FileIO: a bytes, None when a non-blocking
 * descriptor had nothing, VAL_NULL with an exception set. */
Value io_fileio_readall(Value f);
/* The start-up stack over descriptor 1 writes into runtime/stdout.c's
 * buffer (FileIO, BufferedWriter, TextIOWrapper); the start-up stderr's
 * TextIOWrapper hands every write to descriptor 2 at once. */
void io_fileio_set_stdout(Value raw);
/* The raw stream of one of pvm's own BufferedReader, BufferedWriter or
 * BufferedRandom (not a subclass), initialised and attached; else VAL_NULL. */
Value io_buffered_raw(Value obj);
/* BufferedReader/Writer/Random(*args) made from C (io_construct). */
Value io_buffered_new(ObjType *type, Value *args, size_t nargs);
void io_buffered_set_stdout(Value buffered);
void io_textio_set_stdout(Value text);
void io_textio_set_unbuffered(Value text);
/* Each buffered class's own __init__ (io_types_ready). */
void io_buffered_ready(void);
/* TextIOWrapper over `buffer` from C. */
Value io_textio_new(Value buffer, Value encoding, Value errors, Value newline,
                    bool line_buffering, bool write_through);
/* The encoding name text_encoding() gives: "locale" → "utf-8" here. */
Value io_default_encoding(void);
/* A codec's name as codecs.lookup() gives it ("latin-1" -> "iso8859-1"); an
 * unknown one as it is. */
Value io_codec_name(Value codeset);

#endif

/* ---- text helpers (io_textio.c), on the UTF-8 of strs ---- */

/* The str of the UTF-8 s[0..nbytes), nchars characters long ('' itself
 * when empty). */
static inline Value io_text(const char *s, size_t nbytes, size_t nchars)
{
    return nbytes == 0 ? rt_str_empty() : rt_str_new_known(s, nbytes, nchars, nbytes == nchars);
}

/* IncrementalNewlineDecoder's state: a '\r' held back at the end of the
 * last piece, which kinds of newline were seen, and whether '\r' and
 * '\r\n' become '\n'. */
enum { IO_SEEN_LF = 1, IO_SEEN_CR = 2, IO_SEEN_CRLF = 4 };
typedef struct IoNewlines {
    bool pendingcr, translate;
    int seennl;
} IoNewlines;
/* The newline decoder over the next piece of text (final: the last one):
 * a str, text itself when nothing changes. */
Value io_nl_decode(IoNewlines *st, Value text, bool final);
/* The newlines attribute for seen: None, '\n', ('\r', '\n'), ... */
Value io_nl_seen(int seennl);
/* CPython's _PyIO_find_line_ending over UTF-8 (a line ending is ASCII, and
 * ASCII bytes never occur inside a longer character): where the first line
 * of s[0..n) ends (the byte offset after its ending) or -1.  readnl is the
 * newline str when not universal. */
ssize_t io_find_line_ending(bool translated, bool universal, Value readnl,
                            const char *s, size_t n);
/* text with each '\n' written as nl ('\r' or '\r\n'): text itself when
 * it has none. */
Value io_replace_newlines(Value text, Value nl);
/* The newline argument of TextIOWrapper and StringIO: None or one of
 * '', '\n', '\r', '\r\n' (else ValueError "illegal newline value: x",
 * the value quoted as StringIO quotes it, or TypeError). */
bool io_check_newline(Value newline, bool quoted);
