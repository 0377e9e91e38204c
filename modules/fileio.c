/*
 * fileio.c — open() and the file objects behind it and behind sys.stdin,
 * sys.stdout and sys.stderr: a minimal io.TextIOWrapper (and, for 'b'
 * modes, a minimal buffered binary file).
 *
 * One type serves all four kinds of stream, because they answer the same
 * methods; only where the bytes go differs:
 *   stdout   through rt_stdout_write / rt_stdout_flush, the buffer print()
 *            uses, so sys.stdout.write and print interleave in order;
 *   stderr   straight to file descriptor 2 (unbuffered, as CPython's stderr
 *            is effectively line-buffered and pvm's tracebacks expect);
 *   stdin    read(0) a byte at a time, like input(), so the two can be mixed;
 *   a file   a C stdio FILE opened by open(path, mode).
 * Text is UTF-8 whatever `encoding` says (utf-8, ascii and latin-1 names are
 * accepted); newlines are not translated (Linux).
 *
 * Methods: read, readline, readlines, write, writelines, close, flush,
 * fileno, isatty, readable, writable, seekable, __enter__, __exit__,
 * __iter__/__next__; attributes name, mode, encoding, closed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "runtime/runtime.h"
#include "modules/api.h"
#include "vm/thread.h"
#include "vm/vm.h"

enum { FK_STDIN, FK_STDOUT, FK_STDERR, FK_FILE };

typedef struct ObjFile {
    Object ob;
    int kind;
    FILE *fp;                   /* FK_FILE only */
    Value name, mode, encoding; /* encoding: rt_None for binary files */
    bool readable, writable, binary, closed;
} ObjFile;

static ObjType file_type;

#define AS_FILE(v) VAL_AS(ObjFile, v)

static Value file_new(int kind, FILE *fp, Value name, const char *mode, bool binary)
{
    ObjFile *f = gc_alloc(sizeof *f);
    f->ob.type = &file_type;
    f->kind = kind;
    f->fp = fp;
    f->name = name;
    f->mode = rt_str_from_cstr(mode);
    f->binary = binary;
    f->encoding = binary ? rt_None : rt_str_from_cstr("utf-8");
    f->readable = strchr(mode, 'r') || strchr(mode, '+');
    f->writable = strchr(mode, 'w') || strchr(mode, 'a') || strchr(mode, 'x') || strchr(mode, '+');
    return obj_val(f);
}

Value mod_std_stream(int fd)
{
    static const char *const names[] = { "<stdin>", "<stdout>", "<stderr>" };
    return file_new(fd, NULL, rt_str_from_cstr(names[fd]), fd == 0 ? "r" : "w", false);
}

/* ---- checks shared by the methods ----------------------------------------- */

static ObjFile *self_file(Value *args, size_t nargs, const char *fname)
{
    if (nargs < 1 || !rt_isinstance_of(args[0], &file_type)) {
        rt_raisef(&rt_TypeError, "descriptor '%s' requires a file object", fname);
        return NULL;
    }
    return AS_FILE(args[0]);
}

static bool check_open(ObjFile *f)
{
    if (!f->closed)
        return true;
    rt_raisef(&rt_ValueError, "I/O operation on closed file.");
    return false;
}

static bool check_mode(ObjFile *f, bool want_write)
{
    if (f->closed && f->binary) {       /* the buffered binary file's words */
        rt_raisef(&rt_ValueError, want_write ? "write to closed file" : "read of closed file");
        return false;
    }
    if (!check_open(f))
        return false;
    if (want_write ? f->writable : f->readable)
        return true;
    /* io.UnsupportedOperation is an OSError (and ValueError) subclass. */
    rt_raisef(&rt_OSError, "not %s", want_write ? "writable" : "readable");
    return false;
}

/* ---- reading ------------------------------------------------------------------ */

/* One byte, -1 at end of file, -2 with an exception set (Ctrl-C before
 * or during the wait, also while other threads ran). */
static int get_byte(ObjFile *f)
{
    if (f->kind == FK_FILE)
        return getc(f->fp);
    unsigned char c;
    ssize_t n;
    if (!vm_wait_readable(0))
        return -2;
    do {
        if (!vm_check_interrupt())
            return -2;
        n = read(0, &c, 1);
    } while (n < 0 && errno == EINTR);
    return n == 1 ? c : -1;
}

/* The bytes read as the file's kind of value: str or bytes. */
static Value make_value(ObjFile *f, StrBuf *sb)
{
    if (f->binary)
        return rt_bytes_new((const unsigned char *)sb->data, sb->len);
    size_t ncp;
    if (!rt_utf8_valid_strict((const unsigned char *)sb->data, sb->len, &ncp))
        return rt_bytes_decode((const unsigned char *)sb->data, sb->len,
                               rt_str_from_cstr("utf-8"), rt_str_from_cstr("strict"));
    return sb_finish(sb);
}

/* Read up to `limit` characters (or bytes), stopping after a newline when
 * `line`; limit < 0: no limit.  Counts code points in text mode. */
static Value read_some(ObjFile *f, int64_t limit, bool line)
{
    StrBuf sb;
    sb_init(&sb);
    int64_t count = 0;
    while (limit < 0 || count < limit) {
        int c = get_byte(f);
        if (c == -2)
            return VAL_NULL;
        if (c < 0)
            break;
        sb_addc(&sb, (char)c);
        /* A UTF-8 lead byte starts a new character; continuation bytes don't. */
        if (f->binary || (c & 0xC0) != 0x80)
            count++;
        if (line && c == '\n')
            break;
    }
    /* Finish a multi-byte character whose lead byte was the last counted. */
    if (!f->binary) {
        int c;
        while (limit >= 0 && (c = f->kind == FK_FILE ? getc(f->fp) : -1) >= 0) {
            if ((c & 0xC0) != 0x80) {
                ungetc(c, f->fp);
                break;
            }
            sb_addc(&sb, (char)c);
        }
    }
    return make_value(f, &sb);
}

/* The optional size argument of read/readline: None or an int. */
static bool size_arg(Value *args, size_t nargs, int64_t *limit)
{
    *limit = -1;
    if (nargs < 2 || args[1] == rt_None)
        return true;
    if (!is_int(args[1])) {
        rt_raisef(&rt_TypeError, "argument should be integer or None, not '%T'", args[1]);
        return false;
    }
    return rt_int_as_i64(args[1], limit);
}

static Value file_read(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "read");
    int64_t limit;
    if (f == NULL || !rt_arg_range("read", nargs - 1, 0, 1) || !size_arg(args, nargs, &limit) ||
        !check_mode(f, false))
        return VAL_NULL;
    return read_some(f, limit, false);
}

static Value file_readline(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "readline");
    int64_t limit;
    if (f == NULL || !rt_arg_range("readline", nargs - 1, 0, 1) || !size_arg(args, nargs, &limit) ||
        !check_mode(f, false))
        return VAL_NULL;
    return read_some(f, limit, true);
}

static bool is_empty(Value v)
{
    return is_str(v) ? rt_str_nbytes(v) == 0 : AS_BYTES(v)->length == 0;
}

static Value file_readlines(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "readlines");
    if (f == NULL || !check_mode(f, false))
        return VAL_NULL;
    Value list = rt_list_new(0);
    for (;;) {
        Value line = read_some(f, -1, true);
        if (line == VAL_NULL)
            return VAL_NULL;
        if (is_empty(line))
            return list;
        rt_list_append(list, line);
    }
}

static Value file_next(Value self)
{
    ObjFile *f = AS_FILE(self);
    if (!check_mode(f, false))
        return VAL_NULL;
    Value line = read_some(f, -1, true);
    return line == VAL_NULL || is_empty(line) ? VAL_NULL : line;
}

static Value file_iter(Value self)
{
    return check_open(AS_FILE(self)) ? self : VAL_NULL;
}

/* ---- writing ------------------------------------------------------------------ */

/* Write errors are never ignored.  stdout: rt_stdout_write raises.
 * stderr is C's unbuffered stderr, which CPython's line-buffered
 * sys.stderr resembles: a failed write raises OSError when the text holds
 * a newline (CPython would have flushed it), and in any case leaves the
 * stream's error flag set, which makes the exit status 120 (tools/main.c),
 * as CPython's failed final flush of sys.stderr does. */
static bool put_bytes(ObjFile *f, const char *s, size_t n)
{
    if (f->kind == FK_STDOUT)
        return rt_stdout_write(s, n);
    if (f->kind == FK_STDERR) {
        if (fwrite(s, 1, n, stderr) == n && fflush(stderr) == 0)
            return true;
        if (memchr(s, '\n', n) == NULL)
            return true;
        rt_raise_os_error(errno ? errno : EIO);
        return false;
    }
    if (fwrite(s, 1, n, f->fp) < n) {
        rt_raise_os_error(errno ? errno : EIO);
        return false;
    }
    return true;
}

static bool write_one(ObjFile *f, Value s)
{
    if (f->binary) {
        if (!rt_is_bytes_like(s)) {
            rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", s);
            return false;
        }
        if (IS_EXACT(s, rt_bytes_type))
            return put_bytes(f, (const char *)AS_BYTES(s)->data, AS_BYTES(s)->length);
        return put_bytes(f, (const char *)VAL_AS(ObjByteArray, s)->data,
                         VAL_AS(ObjByteArray, s)->length);
    }
    if (!rt_isinstance_of(s, &rt_str_type)) {
        rt_raisef(&rt_TypeError, "write() argument must be str, not %T", s);
        return false;
    }
    return put_bytes(f, rt_str_cstr(s), rt_str_nbytes(s));
}

static Value file_write(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "write");
    if (f == NULL || !rt_arg_one("write", nargs - 1, kwnames) || !check_mode(f, true) ||
        !write_one(f, args[1]))
        return VAL_NULL;
    size_t n = f->binary ? (IS_EXACT(args[1], rt_bytes_type) ? AS_BYTES(args[1])->length
                                                              : VAL_AS(ObjByteArray, args[1])->length)
                         : AS_STR(args[1])->length;
    return rt_int_from_i64((int64_t)n);
}

static Value file_writelines(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "writelines");
    if (f == NULL || !rt_arg_one("writelines", nargs - 1, kwnames) || !check_mode(f, true))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    Value line;
    while ((line = rt_next(it)) != VAL_NULL)
        if (!write_one(f, line))
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : rt_None;
}

static Value file_flush(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "flush");
    if (f == NULL || !check_open(f))
        return VAL_NULL;
    if (f->kind == FK_STDOUT && !rt_stdout_flush())
        return VAL_NULL;
    if (f->kind == FK_FILE && fflush(f->fp) != 0)
        return rt_raise_os_error(errno);
    return rt_None;
}

/* ---- the rest ------------------------------------------------------------------- */

static Value file_close(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "close");
    if (f == NULL)
        return VAL_NULL;
    bool ok = true;
    if (!f->closed && f->kind == FK_FILE && fclose(f->fp) != 0) {
        rt_raise_os_error(errno);
        ok = false;
    } else if (f->kind == FK_STDOUT) {
        ok = rt_stdout_flush();
    }
    f->closed = true;
    return ok ? rt_None : VAL_NULL;
}

static Value file_enter(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "__enter__");
    return f == NULL || !check_open(f) ? VAL_NULL : args[0];
}

static Value file_exit(Value *args, size_t nargs, Value kwnames)
{
    Value r = file_close(args, 1, VAL_NULL);
    return r == VAL_NULL ? VAL_NULL : rt_None;
}

static Value file_fileno(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "fileno");
    if (f == NULL || !check_open(f))
        return VAL_NULL;
    return rt_int_from_i64(f->kind == FK_FILE ? fileno(f->fp) : f->kind);
}

static Value file_isatty(Value *args, size_t nargs, Value kwnames)
{
    Value fd = file_fileno(args, nargs, kwnames);
    return fd == VAL_NULL ? VAL_NULL : rt_bool(isatty((int)small_value(fd)) == 1);
}

static Value file_readable(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "readable");
    return f == NULL || !check_open(f) ? VAL_NULL : rt_bool(f->readable);
}

static Value file_writable(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "writable");
    return f == NULL || !check_open(f) ? VAL_NULL : rt_bool(f->writable);
}

static Value file_seekable(Value *args, size_t nargs, Value kwnames)
{
    ObjFile *f = self_file(args, nargs, "seekable");
    return f == NULL || !check_open(f) ? VAL_NULL : rt_bool(f->kind == FK_FILE);
}

static Value file_getattr(Value self, Value name)
{
    ObjFile *f = AS_FILE(self);
    const char *s = rt_str_cstr(name);
    if (strcmp(s, "name") == 0) return f->name;
    if (strcmp(s, "mode") == 0) return f->mode;
    if (strcmp(s, "closed") == 0) return rt_bool(f->closed);
    if (strcmp(s, "encoding") == 0 && !f->binary) return f->encoding;
    return rt_attr_fallback(self, name);
}

static Value file_repr(Value self)
{
    ObjFile *f = AS_FILE(self);
    if (f->binary)
        return rt_str_format_c("<_io.BufferedFile name=%R>", f->name);
    return rt_str_format_c("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>", f->name, f->mode);
}

static const MethodDef file_methods[] = {
    {"read", file_read}, {"readline", file_readline}, {"readlines", file_readlines},
    {"write", file_write}, {"writelines", file_writelines}, {"flush", file_flush},
    {"close", file_close}, {"fileno", file_fileno}, {"isatty", file_isatty},
    {"readable", file_readable}, {"writable", file_writable}, {"seekable", file_seekable},
    {"__enter__", file_enter}, {"__exit__", file_exit},
    {NULL, NULL},
};

static ObjType file_type = {
    .ob.type = &rt_type_type, .name = "_io.TextIOWrapper",
    .repr = file_repr, .getattr = file_getattr, .iter = file_iter, .next = file_next,
};

/* ---- open() --------------------------------------------------------------------- */

/* A valid mode: one of r w a x, optional '+', optional 'b' or 't'. */
static bool parse_mode(const char *mode, char *cmode, bool *binary)
{
    int main = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        if (strchr("rwax", *p)) main++;
        else if (*p == '+') plus++;
        else if (*p == 'b') b++;
        else if (*p == 't') t++;
        else return false;
    }
    if (main != 1 || plus > 1 || b + t > 1)
        return false;
    char m = *strpbrk(mode, "rwax");
    snprintf(cmode, 8, "%s%s%s", m == 'x' ? "w" : (char[]){m, 0}, plus ? "+" : "", m == 'x' ? "x" : "");
    *binary = b == 1;
    return true;
}

static Value raise_oserror(int err, Value filename)
{
    Value args[3] = { rt_int_from_i64(err), rt_str_from_cstr(strerror(err)), filename };
    Value exc = rt_call(obj_val(&rt_OSError), args, 3, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

Value mod_open(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {
        "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener" };
    static const ArgSpec spec = { "open", names, 8, 0, 1, 8, false };
    Value a[8];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!rt_isinstance_of(a[0], &rt_str_type))
        return rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", a[0]);
    const char *mode = "r";
    if (a[1] != VAL_NULL) {
        if (!rt_isinstance_of(a[1], &rt_str_type))
            return rt_raisef(&rt_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
        mode = rt_str_cstr(a[1]);
    }
    char cmode[8];
    bool binary;
    if (!parse_mode(mode, cmode, &binary))
        return rt_raisef(&rt_ValueError, "invalid mode: '%s'", mode);
    if (binary && a[3] != VAL_NULL && a[3] != rt_None)
        return rt_raisef(&rt_ValueError, "binary mode doesn't take an encoding argument");
    if (a[3] != VAL_NULL && a[3] != rt_None) {
        if (!rt_isinstance_of(a[3], &rt_str_type))
            return rt_raisef(&rt_TypeError, "open() argument 'encoding' must be str or None, not %T", a[3]);
        if (rt_codec_lookup(rt_str_cstr(a[3])) < 0)
            return rt_raisef(&rt_LookupError, "unknown encoding: %S", a[3]);
    }
    FILE *fp = fopen(rt_str_cstr(a[0]), cmode);
    if (fp == NULL)
        return raise_oserror(errno, a[0]);
    Value f = file_new(FK_FILE, fp, a[0], mode, binary);
    if (a[3] != VAL_NULL && a[3] != rt_None)
        AS_FILE(f)->encoding = a[3];
    return f;
}

void mod_fileio_init(void)
{
    rt_type_ready(&file_type, file_methods);
    rt_dict_set_cstr(rt_builtins_dict, "open", rt_builtin_new("open", mod_open, VAL_NULL));
}
