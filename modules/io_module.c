/*
 * io_module.c — the `_io` module itself (CPython's Modules/_io/_iomodule.c):
 * open(), open_code(), text_encoding(), DEFAULT_BUFFER_SIZE, the
 * exception classes, and the standard streams pvm makes at start-up.
 *
 * open() stacks the layers as Lib/_pyio.py's open() describes: a FileIO,
 * then (unless buffering=0 in binary mode) a BufferedReader, Writer or
 * Random, then (in text mode) a TextIOWrapper whose mode attribute is the
 * mode given.  builtins.open is this open.
 *
 * sys.stdin/stdout/stderr are the same stacks over descriptors 0, 1, 2,
 * as CPython's create_stdio makes them (names '<stdin>'..., errors strict,
 * stderr backslashreplace and line-buffered, stdout line-buffered on a
 * terminal, PYTHONUNBUFFERED: no buffer layer and write_through).  Their
 * bytes for descriptor 1 all go through runtime/stdout.c's buffer, which
 * print() writes into directly while sys.stdout is the start-up object;
 * stderr reaches descriptor 2 at every write, since pvm's own reports
 * (tracebacks) go there directly.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "modules/io.h"
#include "runtime/finalize.h"
#include "runtime/version.h"
#include "modules/api.h"

/* ---- open() -------------------------------------------------------------------------------------- */

typedef struct OpenMode {
    bool creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static bool parse_mode(Value mode, OpenMode *m)
{
    const char *s = rt_str_cstr(mode);
    *m = (OpenMode){ 0 };
    for (const char *p = s; *p; p++) {
        bool *flag;
        switch (*p) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL;
        }
        if (flag == NULL || *flag || strlen(s) != rt_str_nbytes(mode)) {
            rt_raisef(&rt_ValueError, "invalid mode: %R", mode);
            return false;
        }
        *flag = true;
    }
    if (m->text && m->binary) {
        rt_raisef(&rt_ValueError, "can't have text and binary mode at once");
        return false;
    }
    if (m->creating + m->reading + m->writing + m->appending > 1) {
        rt_raisef(&rt_ValueError, "must have exactly one of create/read/write/append mode");
        return false;
    }
    return true;
}

static bool open_arg_type(Value v, const char *name, bool none_ok)
{
    if (v == VAL_NULL || (none_ok && v == rt_None) || rt_is_str(v))
        return true;
    rt_raisef(&rt_TypeError, "open() argument '%s' must be str%s, not %s", name,
              none_ok ? " or None" : "", val_type(v)->name);
    return false;
}

/* The stack on an open FileIO; on failure the FileIO is closed. */
static Value stack_layers(Value raw, Value mode, const OpenMode *m, ssize_t buffering,
                          Value *a)
{
    bool line_buffering = false;
    if (buffering == 1 || buffering < 0) {
        Value tty = io_call(raw, "isatty", 0);
        if (tty == VAL_NULL)
            return VAL_NULL;
        if (buffering == 1 || tty == rt_True) {
            buffering = -1;
            line_buffering = true;
        }
    }
    if (buffering < 0) {
        struct stat st;
        buffering = IO_DEFAULT_BUFFER_SIZE;
        if (fstat(io_fileio_fd(raw), &st) == 0 && st.st_blksize > 1)
            buffering = st.st_blksize;
    }
    if (buffering == 0) {
        if (m->binary)
            return raw;
        return rt_raisef(&rt_ValueError, "can't have unbuffered text I/O");
    }
    ObjType *kind = m->updating ? &io_bufferedrandom_type
                  : m->reading ? &io_bufferedreader_type : &io_bufferedwriter_type;
    Value bargs[2] = { raw, rt_int_from_i64(buffering) };
    Value buffer = io_buffered_new(kind, bargs, 2);
    if (buffer == VAL_NULL || m->binary)
        return buffer;
    Value encoding = a[3] == VAL_NULL || a[3] == rt_None ? io_default_encoding() : a[3];
    Value text = io_textio_new(buffer, encoding, a[4] ? a[4] : rt_None, a[5] ? a[5] : rt_None,
                               line_buffering, false);
    if (text == VAL_NULL || rt_setattr(text, RT_NAME("mode"), mode) < 0)
        return VAL_NULL;
    return text;
}

Value mod_open(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {
        "file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener" };
    static const ArgSpec spec = { "open", names, 8, 0, 1, 8, false };
    Value a[8];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    io_types_ready();
    if (!is_int(a[0]) && !rt_is_str(a[0]) && !rt_isinstance_of(a[0], &rt_bytes_type) &&
        mod_lookup_special(a[0], "__fspath__") == VAL_NULL)
        return rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", a[0]);
    if (!is_int(a[0]) && (a[0] = io_fspath(a[0])) == VAL_NULL)  /* the file's name: a str */
        return VAL_NULL;
    Value mode = a[1] != VAL_NULL ? a[1] : rt_str_from_cstr("r");
    if (!open_arg_type(mode, "mode", false) || !open_arg_type(a[3], "encoding", true) ||
        !open_arg_type(a[4], "errors", true) || !open_arg_type(a[5], "newline", true))
        return VAL_NULL;
    ssize_t buffering = -1;
    if (a[2] != VAL_NULL) {
        if (!is_int(a[2]))
            return rt_raisef(&rt_TypeError, "'%T' object cannot be interpreted as an integer", a[2]);
        if (!rt_as_ssize(a[2], &buffering))
            return VAL_NULL;
    }
    OpenMode m;
    if (!parse_mode(mode, &m))
        return VAL_NULL;
    if (m.binary && a[3] != VAL_NULL && a[3] != rt_None)
        return rt_raisef(&rt_ValueError, "binary mode doesn't take an encoding argument");
    if (m.binary && a[4] != VAL_NULL && a[4] != rt_None)
        return rt_raisef(&rt_ValueError, "binary mode doesn't take an errors argument");
    if (m.binary && a[5] != VAL_NULL && a[5] != rt_None)
        return rt_raisef(&rt_ValueError, "binary mode doesn't take a newline argument");
    if (m.binary && buffering == 1 &&
        rt_warn(&rt_RuntimeWarning, "line buffering (buffering=1) isn't supported in binary "
                "mode, the default buffer size will be used", 1) < 0)
        return VAL_NULL;
    if (!m.binary && a[5] != VAL_NULL && !io_check_newline(a[5], false))
        return VAL_NULL;
    if (!m.binary && (a[3] == VAL_NULL || a[3] == rt_None) && !io_warn_default_encoding(1))
        return VAL_NULL;
    char rawmode[6];
    snprintf(rawmode, sizeof rawmode, "%s%s%s%s%s", m.creating ? "x" : "", m.reading ? "r" : "",
             m.writing ? "w" : "", m.appending ? "a" : "", m.updating ? "+" : "");
    bool closefd;
    if (!rt_arg_flag(a[6], true, &closefd))
        return VAL_NULL;
    Value raw = io_fileio_open(a[0], rawmode, closefd, a[7]);
    if (raw == VAL_NULL)
        return VAL_NULL;
    Value r = stack_layers(raw, mode, &m, buffering, a);
    if (r == VAL_NULL) {
        Value exc = rt_err_fetch();
        if (io_call(raw, "close", 0) == VAL_NULL)
            rt_err_clear();
        rt_raise(exc);
    }
    return r;
}

static Value io_open_code(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "path" };
    static const ArgSpec spec = { "open_code", names, 1, 0, 1, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    if (!rt_is_str(a[0]))
        return rt_raisef(&rt_TypeError, "open_code() argument 'path' must be str, not %s",
                         val_type(a[0])->name);
    Value oargs[2] = { a[0], rt_str_from_cstr("rb") };
    return mod_open(oargs, 2, VAL_NULL);
}

bool io_warn_default_encoding(int stacklevel)
{
    return !mod_sys_flags()->warn_default_encoding ||
           rt_warn(&rt_EncodingWarning, "'encoding' argument not specified", stacklevel) >= 0;
}

/* text_encoding(encoding, stacklevel=2): encoding, or the default's name
 * ("locale"; "utf-8" in UTF-8 mode, which a C locale turns on). */
static Value io_text_encoding(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_range("text_encoding", nargs, 1, 2))
        return VAL_NULL;
    if (args[0] != rt_None)
        return args[0];
    ssize_t stacklevel = 2;
    if (nargs > 1 && !rt_as_ssize(args[1], &stacklevel))
        return VAL_NULL;
    if (!io_warn_default_encoding((int)stacklevel))
        return VAL_NULL;
    bool utf8_mode = strcmp(rt_str_cstr(io_default_encoding()), "utf-8") == 0;
    return rt_str_from_cstr(utf8_mode ? "utf-8" : "locale");
}

/* ---- the standard streams ------------------------------------------------------------------------ */

bool mod_std_unbuffered(void)
{
    const char *u = mod_sys_getenv("PYTHONUNBUFFERED");
    return mod_sys_flags()->unbuffered || (u != NULL && *u);
}

/* stdin's and stdout's error handler, as CPython 3.11 chooses it: in
 * UTF-8 mode, under the C locale (the environment's C or POSIX, or one
 * not installed), or one of the C.UTF-8 locales it coerces it to,
 * surrogateescape (undecodable bytes pass through); strict otherwise. */
static const char *stdio_errors(void)
{
    const char *name = mod_locale_env_name();
    if (mod_sys_flags()->utf8_mode || !strcmp(name, "C.UTF-8") || !strcmp(name, "C.utf8") ||
        !strcmp(name, "UTF-8") || mod_locale_env_is_c())
        return "surrogateescape";
    return "strict";
}

/* PYTHONIOENCODING=encoding[:errors] (CPython's config_init_stdio_encoding):
 * an encoding given without errors means strict; the errors apply to stdin
 * and stdout only (stderr keeps backslashreplace).  NULL for each part not
 * given.  Only the C codecs (UTF-8, ASCII, Latin-1): a codec of
 * Lib/encodings cannot be set up while sys is being made (README). */
static void stdio_env(Value *encoding, const char **errors)
{
    *encoding = VAL_NULL;
    *errors = NULL;
    const char *env = mod_sys_getenv("PYTHONIOENCODING");
    if (env == NULL)
        return;
    const char *colon = strchr(env, ':');
    size_t n = colon ? (size_t)(colon - env) : strlen(env);
    if (colon != NULL && colon[1] != '\0')
        *errors = colon + 1;
    if (n > 0) {
        Value name = rt_str_new(env, n);
        if (rt_codec_lookup(rt_str_cstr(name)) >= 0)
            *encoding = io_codec_name(name);
        if (*errors == NULL)
            *errors = "strict";
    }
}

Value mod_std_stream(int fd)
{
    static const char *const names[] = { "<stdin>", "<stdout>", "<stderr>" };
    io_types_ready();
    bool write = fd != 0, raw_only = write && mod_std_unbuffered();
    Value raw = io_fileio_open(small_new(fd), write ? "wb" : "rb", false, VAL_NULL);
    if (raw == VAL_NULL)
        return VAL_NULL;
    rt_setattr(raw, RT_NAME("name"), rt_str_from_cstr(names[fd]));
    if (fd == 1 && raw_only) {          /* sys.stdout.buffer: the unbuffered stdout */
        io_fileio_set_stdout(raw);
        rt_stdout_set_unbuffered();
    }
    Value buffer = raw;
    if (!raw_only) {
        Value bargs[1] = { raw };
        buffer = io_buffered_new(write ? &io_bufferedwriter_type : &io_bufferedreader_type,
                                 bargs, 1);
        if (buffer == VAL_NULL)
            return VAL_NULL;
        if (fd == 1)
            io_buffered_set_stdout(buffer);
    }
    bool line = !raw_only && (fd == 2 || (fd == 1 && isatty(1) == 1));
    Value encoding;
    const char *errors;
    stdio_env(&encoding, &errors);
    bool given = encoding != VAL_NULL || (fd != 2 && errors != NULL);
    if (fd == 2 || errors == NULL)
        errors = fd == 2 ? "backslashreplace" : stdio_errors();
    Value text = io_textio_new(buffer, encoding != VAL_NULL ? encoding : mod_std_encoding(),
                               rt_str_from_cstr(errors),
                               rt_str_from_cstr("\n"), line, raw_only);
    if (text == VAL_NULL)
        return VAL_NULL;
    /* print()'s shortcut to the stdout buffer writes UTF-8 with the default
     * error handler: any other choice goes through write(). */
    bool shortcut = !given || (encoding != VAL_NULL && strcmp(rt_str_cstr(encoding), "utf-8") == 0 &&
                               strcmp(errors, stdio_errors()) == 0);
    rt_setattr(text, RT_NAME("mode"), rt_str_from_cstr(write ? "w" : "r"));
    if (fd == 1 && shortcut)
        io_textio_set_stdout(text);
    else if (fd == 2)
        io_textio_set_unbuffered(text);
    rt_finalize_forget(text);           /* flushed at exit, never closed */
    rt_finalize_forget(buffer);
    rt_finalize_forget(raw);
    return text;
}

void mod_fileio_init(void)
{
    rt_dict_set_cstr(rt_builtins_dict, "open", rt_builtin_new("open", mod_open, VAL_NULL));
}

/* ---- the module -------------------------------------------------------------------------------- */

static const MethodDef io_functions[] = {
    {"open", mod_open}, {"open_code", io_open_code}, {"text_encoding", io_text_encoding},
    {NULL, NULL},
};

static void add_names(Value m)
{
    static const struct { const char *name; ObjType *type; } types[] = {
        {"_IOBase", &io_iobase_type}, {"_RawIOBase", &io_rawiobase_type},
        {"_BufferedIOBase", &io_bufferediobase_type}, {"_TextIOBase", &io_textiobase_type},
        {"FileIO", &io_fileio_type}, {"BytesIO", &io_bytesio_type},
        {"StringIO", &io_stringio_type}, {"BufferedReader", &io_bufferedreader_type},
        {"BufferedWriter", &io_bufferedwriter_type}, {"BufferedRandom", &io_bufferedrandom_type},
        {"BufferedRWPair", &io_bufferedrwpair_type}, {"TextIOWrapper", &io_textiowrapper_type},
        {"IncrementalNewlineDecoder", &io_nldecoder_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        mod_module_set(m, types[i].name, obj_val(types[i].type));
        if (rt_py_minor >= 12)          /* heap types from 3.12: __module__ in their dicts */
            rt_type_set(types[i].type, "__module__", rt_str_from_cstr("_io"));
    }
    mod_module_set(m, "DEFAULT_BUFFER_SIZE", small_new(IO_DEFAULT_BUFFER_SIZE));
    mod_module_set(m, "UnsupportedOperation", obj_val(io_unsupported_type()));
    mod_module_set(m, "BlockingIOError", obj_val(&rt_BlockingIOError));
}

Value mod__io_init(void)
{
    io_types_ready();
    Value m = mod_module_new("_io", io_functions);
    add_names(m);
    /* builtins.open is _io.open itself, as in CPython. */
    Value open = rt_dict_get_cstr(rt_builtins_dict, "open");
    if (open != VAL_NULL)
        mod_module_set(m, "open", open);
    return m;
}
