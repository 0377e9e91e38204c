/*
 * codecs.c — the codec registry, the error handlers, the UTF-8/ASCII/Latin-1
 * codecs and the Unicode error classes (CPython's Python/codecs.c plus the
 * codec half of Objects/unicodeobject.c and Objects/exceptions.c).
 *
 * How `s.encode('cp1252', 'replace')` runs: rt_text_encode normalises the
 * name; UTF-8, ASCII and Latin-1 are encoded here in C (the names CPython's
 * own fast path knows), anything else is looked up in the registry: the
 * search functions registered with codecs.register are asked in turn for a
 * CodecInfo, the first answer is cached under the normalised name.  The
 * first lookup imports Lib/encodings, whose search function finds
 * encodings/cp1252.py; its encoder calls _codecs.charmap_encode (modules/
 * codecs.c), which comes back here for each character it cannot map.
 *
 * Errors.  A codec that meets input it cannot handle asks the error handler
 * named by `errors` what to do: the handler receives a UnicodeEncodeError
 * (or Decode/Translate) naming the bad stretch and returns a replacement and
 * the position to resume at (or raises).  The eight standard handlers are
 * C functions registered at start-up under their names; a program adds its
 * own with codecs.register_error.  Every codec, C or Python, goes through
 * the same handlers, so `'\udcff'.encode('utf-8', 'surrogateescape')` and
 * `b'\xff'.decode('cp1252', 'backslashreplace')` behave as in CPython.
 *
 * Text here is pvm's str: UTF-8 where a lone surrogate is the 3-byte form
 * of its code point (see unicode.c), so strict UTF-8 encoding is a copy
 * unless the text holds a surrogate.
 */
#include <string.h>
#include "runtime/codecs.h"
#include "runtime/buffer.h"
#include "runtime/version.h"

/* ---- Names --------------------------------------------------------------- */

/* CPython's encoding-name normalisation (_Py_normalize_encoding): lower
 * case, runs of anything but ASCII letters, digits and '.' become one '_',
 * none at either end.  "  UTF-8 " -> "utf_8".  Writes at most cap bytes
 * (with the NUL); false if the name is longer. */
static bool normalize_into(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    bool punct = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && c != '.') {
            punct = true;
            continue;
        }
        if (n + 2 >= cap)
            return false;
        if (punct && n > 0)
            out[n++] = '_';
        punct = false;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    out[n] = '\0';
    return true;
}

static Value normalize_name(const char *name)
{
    size_t cap = strlen(name) * 2 + 2;
    char *buf = gc_alloc_atomic(cap);
    normalize_into(name, buf, cap);
    return rt_str_from_cstr(buf);
}

int rt_codec_lookup(const char *name)
{
    char norm[32];
    size_t n = 0;
    for (; name[n] && n < sizeof norm - 1; n++) {
        char c = name[n];
        norm[n] = c == '_' || c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    norm[n] = '\0';
    if (name[n] != '\0')
        return -1;
    static const struct { const char *name; int codec; } table[] = {
        {"utf-8", 0}, {"utf8", 0}, {"ascii", 1}, {"us-ascii", 1},
        {"latin-1", 2}, {"latin1", 2}, {"iso-8859-1", 2}, {"iso8859-1", 2},
        {"ansi-x3.4-1968", 1},          /* the C locale's codeset */
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(norm, table[i].name) == 0)
            return table[i].codec;
    return -1;
}

/* ---- Registry ------------------------------------------------------------ */

static Value search_path = VAL_NULL;    /* list of search functions */
static Value search_cache = VAL_NULL;   /* normalised name -> CodecInfo */
static bool encodings_imported = false;

static void registry_init(void)
{
    if (search_path == VAL_NULL) {
        search_path = rt_list_new(4);
        search_cache = rt_dict_new();
    }
}

/* The first lookup imports Lib/encodings, which registers its search
 * function (CPython imports it at start-up; pvm waits until a program needs
 * a codec, so start-up stays as it was).  Without a standard library the
 * registry simply stays empty. */
static bool import_encodings(void)
{
    registry_init();
    if (encodings_imported)
        return true;
    encodings_imported = true;
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    if (import == VAL_NULL)
        return true;
    if (rt_call1(import, rt_str_from_cstr("encodings")) != VAL_NULL)
        return true;
    if (!rt_err_matches(&rt_ModuleNotFoundError))
        return false;
    rt_err_clear();
    return true;
}

bool rt_codec_register(Value search_function)
{
    if (!rt_callable(search_function)) {
        rt_raisef(&rt_TypeError, "argument must be callable");
        return false;
    }
    if (!import_encodings())            /* its search function comes first, as in CPython */
        return false;
    return rt_list_append(search_path, search_function);
}

bool rt_codec_unregister(Value search_function)
{
    registry_init();
    ObjList *l = AS_LIST(search_path);
    for (size_t i = 0; i < l->length; i++) {
        if (l->items[i] != search_function)
            continue;
        memmove(l->items + i, l->items + i + 1, (l->length - i - 1) * sizeof(Value));
        l->length--;
        search_cache = rt_dict_new();       /* its answers may be cached */
        return true;
    }
    return true;
}

static Value search(Value norm, Value name)
{
    ObjList *l = AS_LIST(search_path);
    if (l->length == 0)
        return rt_raisef(&rt_LookupError,
                         "no codec search functions registered: can't find encoding");
    for (size_t i = 0; i < l->length; i++) {
        Value r = rt_call1(l->items[i], norm);
        if (r == VAL_NULL)
            return VAL_NULL;
        if (r == rt_None)
            continue;
        if (!rt_isinstance_of(r, &rt_tuple_type) || rt_tuple_len(r) != 4)
            return rt_raisef(&rt_TypeError, "codec search functions must return 4-tuples");
        return rt_dict_set(search_cache, norm, r) ? r : VAL_NULL;
    }
    return rt_raisef(&rt_LookupError, "unknown encoding: %S", name);
}

Value rt_codec_lookup_info(Value name)
{
    if (!import_encodings())
        return VAL_NULL;
    Value norm = normalize_name(rt_str_cstr(name));
    Value hit = rt_dict_get_str(search_cache, norm);
    return hit != VAL_NULL ? hit : search(norm, name);
}

/* ---- Calling a codec from the registry ------------------------------------ */

/* CPython wraps an error raised by a codec into one of the same class that
 * says which codec failed ("decoding with 'hex' codec failed (Error: ...)"),
 * the original as its __cause__, when that is safe: a class with no state
 * beyond args, holding at most one str.  3.12 adds the words as a note. */
static bool wrappable(Value exc)
{
    static ObjType *const stateful[] = {
        &rt_OSError, &rt_UnicodeEncodeError, &rt_UnicodeDecodeError,
        &rt_UnicodeTranslateError, &rt_SyntaxError, &rt_ImportError,
        &rt_StopIteration, &rt_SystemExit, &rt_AttributeError, &rt_NameError,
        &rt_BaseExceptionGroup,
    };
    ObjType *t = val_type(exc);
    for (size_t i = 0; i < sizeof stateful / sizeof stateful[0]; i++)
        if (rt_is_subtype(t, stateful[i]))
            return false;
    /* (A lookup on the class: no attribute access that could fail and
     * replace the codec's error.) */
    if (t->flags & TF_HEAPTYPE) {      /* BaseException's __init__, which a builtin class's is */
        Value init = RT_NAME("__init__");
        Value own = rt_type_lookup(t, init), base = rt_type_lookup(&rt_BaseException, init);
        if (own != base && !(IS_EXACT(own, rt_method_descr_type) &&
                             VAL_AS(ObjBuiltin, own)->fn == VAL_AS(ObjBuiltin, base)->fn))
            return false;
    }
    ObjException *e = AS_EXC(exc);
    Value args = e->args;
    if (rt_tuple_len(args) > 1 || (rt_tuple_len(args) == 1 && !rt_is_str(rt_tuple_get(args, 0))))
        return false;
    return e->dict == VAL_NULL || rt_dict_len(e->dict) == 0;
}

static void wrap_codec_error(const char *operation, Value encoding)
{
    if (rt_py_minor >= 12) {            /* 3.12 adds a note to any exception instead */
        Value exc = rt_err_fetch();
        Value note = rt_str_format_c("%s with %R codec failed", operation, encoding);
        if (note == VAL_NULL || !rt_exc_add_note(exc, note))
            return;
        rt_raise(exc);
        return;
    }
    Value exc = rt_err_peek();
    if (!wrappable(exc))
        return;
    rt_err_clear();
    const char *name = val_type(exc)->name, *dot = strrchr(name, '.');
    Value msg = rt_str_format_c("%s with %R codec failed (%s: %S)", operation, encoding,
                                dot ? dot + 1 : name, exc);
    if (msg == VAL_NULL)
        return;
    Value wrapped = rt_exc_new(val_type(exc), rt_tuple_pack(1, msg));
    AS_EXC(wrapped)->cause = exc;
    AS_EXC(wrapped)->suppress_context = true;
    AS_EXC(wrapped)->context = exc;
    rt_raise(wrapped);
}

/* info[index](obj[, errors]), checked to return (object, int). */
static Value call_codec(Value info, size_t index, Value obj, Value encoding, Value errors,
                        const char *operation)
{
    Value args[2] = {obj, errors};
    Value r = rt_call(rt_tuple_get(info, index), args, errors ? 2 : 1, VAL_NULL);
    if (r == VAL_NULL) {
        wrap_codec_error(operation, encoding);
        return VAL_NULL;
    }
    if (!rt_isinstance_of(r, &rt_tuple_type) || rt_tuple_len(r) != 2)
        return rt_raisef(&rt_TypeError, "%s must return a tuple (object, integer)",
                         index == 0 ? "encoder" : "decoder");
    return rt_tuple_get(r, 0);
}

Value rt_codec_encode(Value obj, Value encoding, Value errors)
{
    Value info = rt_codec_lookup_info(encoding);
    return info ? call_codec(info, 0, obj, encoding, errors, "encoding") : VAL_NULL;
}

Value rt_codec_decode(Value obj, Value encoding, Value errors)
{
    Value info = rt_codec_lookup_info(encoding);
    return info ? call_codec(info, 1, obj, encoding, errors, "decoding") : VAL_NULL;
}

Value rt_codec_text_info(Value encoding, const char *alternative)
{
    Value info = rt_codec_lookup_info(encoding);
    if (info == VAL_NULL)
        return VAL_NULL;
    Value attr = rt_getattr_cstr(info, "_is_text_encoding");
    if (attr == VAL_NULL) {
        if (!rt_err_matches(&rt_AttributeError))
            return VAL_NULL;
        rt_err_clear();
        return info;
    }
    int truth = rt_truthy(attr);
    if (truth < 0)
        return VAL_NULL;
    if (!truth && alternative == NULL)
        return rt_raisef(&rt_LookupError, "%R is not a text encoding", encoding);
    if (!truth)
        return rt_raisef(&rt_LookupError, "%R is not a text encoding; "
                         "use %s to handle arbitrary codecs", encoding, alternative);
    return info;
}

/* ---- Error handler registry ------------------------------------------------ */

static Value error_registry = VAL_NULL;    /* name -> handler */

bool rt_codec_register_error(Value name, Value handler)
{
    if (!rt_callable(handler)) {
        rt_raisef(&rt_TypeError, "handler must be callable");
        return false;
    }
    return rt_dict_set(error_registry, name, handler);
}

Value rt_codec_lookup_error(Value name)
{
    Value h = rt_dict_get_str(error_registry, name == VAL_NULL ? rt_str_from_cstr("strict") : name);
    if (h == VAL_NULL)
        return rt_raisef(&rt_LookupError, "unknown error handler name %R", name);
    return h;
}

/* ---- Reading the exception a handler receives ------------------------------ */

static Value field(Value exc, const char *name)
{
    Value v = rt_exc_field(exc, name);
    return v != VAL_NULL ? v : rt_None;
}

static bool ssize_field(Value exc, const char *name, ssize_t *out)
{
    Value v = field(exc, name);
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "%s attribute not set", name);
        return false;
    }
    return rt_as_ssize(v, out);
}

/* The object and the stretch [start, end) a handler works on, clamped as
 * CPython's PyUnicodeEncodeError_GetStart/GetEnd clamp them. */
typedef struct ErrInfo {
    Value object;
    size_t length;
    size_t start, end;
} ErrInfo;

static bool err_info(Value exc, bool decode, ErrInfo *ei)
{
    ei->object = field(exc, "object");
    if (decode ? !IS_EXACT(ei->object, rt_bytes_type) : !rt_is_str(ei->object)) {
        rt_raisef(&rt_TypeError, "%s attribute must be %s", "object", decode ? "bytes" : "unicode");
        return false;
    }
    ei->length = decode ? AS_BYTES(ei->object)->length : AS_STR(ei->object)->length;
    ssize_t start, end;
    if (!ssize_field(exc, "start", &start) || !ssize_field(exc, "end", &end))
        return false;
    if (start < 0)
        start = 0;
    if ((size_t)start >= ei->length)
        start = ei->length ? (ssize_t)ei->length - 1 : 0;
    if (end < 1)
        end = 1;
    if ((size_t)end > ei->length)
        end = (ssize_t)ei->length;
    ei->start = (size_t)start;
    ei->end = (size_t)end;
    return true;
}

enum { KIND_ENCODE, KIND_DECODE, KIND_TRANSLATE, KIND_OTHER };

static int err_kind(Value exc)
{
    if (rt_isinstance_of(exc, &rt_UnicodeEncodeError))
        return KIND_ENCODE;
    if (rt_isinstance_of(exc, &rt_UnicodeDecodeError))
        return KIND_DECODE;
    if (rt_isinstance_of(exc, &rt_UnicodeTranslateError))
        return KIND_TRANSLATE;
    return KIND_OTHER;
}

static Value cant_handle(Value exc)
{
    return rt_raisef(&rt_TypeError, "don't know how to handle %s in error callback",
                     val_type(exc)->name);
}

/* The start of every standard handler: one argument, an exception the
 * handler knows (translate_ok: UnicodeTranslateError too), its fields in
 * *ei.  Returns its KIND_*, or -1 with the exception set. */
static int handler_args(const char *name, Value *args, size_t nargs, Value kwnames,
                        bool translate_ok, ErrInfo *ei)
{
    if (!rt_arg_one(name, nargs, kwnames))
        return -1;
    int kind = err_kind(args[0]);
    if (kind == KIND_OTHER || (kind == KIND_TRANSLATE && !translate_ok)) {
        cant_handle(args[0]);
        return -1;
    }
    return err_info(args[0], kind == KIND_DECODE, ei) ? kind : -1;
}

static Value handler_result(Value replacement, size_t end)
{
    return replacement ? rt_tuple_pack(2, replacement, small_new((intptr_t)end)) : VAL_NULL;
}

/* ---- The standard handlers ------------------------------------------------- */

static Value strict_errors(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("strict_errors", nargs, kwnames))
        return VAL_NULL;
    if (val_type(args[0])->flags & TF_EXCEPTION)
        return rt_raise(args[0]);
    return rt_raisef(&rt_TypeError, "codec must pass exception instance");
}

static Value ignore_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    int kind = handler_args("ignore_errors", args, nargs, kwnames, true, &ei);
    if (kind < 0)
        return VAL_NULL;
    return handler_result(rt_str_empty(), ei.end);
}

static Value repeat_char(uint32_t c, size_t n)
{
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++)
        sb_add_codepoint(&sb, c);
    return sb_finish(&sb);
}

static Value replace_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    int kind = handler_args("replace_errors", args, nargs, kwnames, true, &ei);
    if (kind < 0)
        return VAL_NULL;
    if (kind == KIND_DECODE)
        return handler_result(rt_str_from_codepoint(0xFFFD), ei.end);
    return handler_result(repeat_char(kind == KIND_ENCODE ? '?' : 0xFFFD, ei.end - ei.start),
                          ei.end);
}

/* \xhh, \uhhhh or \Uhhhhhhhh: the shortest escape that holds c. */
static void add_escape(StrBuf *sb, uint32_t c)
{
    char buf[16];
    if (c < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", c);
    else if (c < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", c);
    else
        snprintf(buf, sizeof buf, "\\U%08x", c);
    sb_adds(sb, buf);
}

static Value backslashreplace_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    int kind = handler_args("backslashreplace_errors", args, nargs, kwnames, true, &ei);
    if (kind < 0)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = ei.start; i < ei.end; i++)
        add_escape(&sb, kind == KIND_DECODE ? AS_BYTES(ei.object)->data[i]
                                            : rt_str_char_at(ei.object, i));
    return handler_result(sb_finish(&sb), ei.end);
}

static Value xmlcharrefreplace_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    if (!rt_arg_one("xmlcharrefreplace_errors", nargs, kwnames))
        return VAL_NULL;
    if (err_kind(args[0]) != KIND_ENCODE)
        return cant_handle(args[0]);
    if (!err_info(args[0], false, &ei))
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = ei.start; i < ei.end; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "&#%u;", (unsigned)rt_str_char_at(ei.object, i));
        sb_adds(&sb, buf);
    }
    return handler_result(sb_finish(&sb), ei.end);
}

/* unicodedata.name(c, None), through the module (G2's unicodedata): the
 * name as a str, rt_None when c has none, VAL_NULL on error. */
static Value unicode_name(Value unicodedata_name, uint32_t c)
{
    Value args[2] = {rt_str_from_codepoint(c), rt_None};
    return rt_call(unicodedata_name, args, 2, VAL_NULL);
}

static Value namereplace_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    if (!rt_arg_one("namereplace_errors", nargs, kwnames))
        return VAL_NULL;
    if (err_kind(args[0]) != KIND_ENCODE)
        return cant_handle(args[0]);
    if (!err_info(args[0], false, &ei))
        return VAL_NULL;
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    Value module = import ? rt_call1(import, rt_str_from_cstr("unicodedata")) : VAL_NULL;
    Value name_fn = module ? rt_getattr_cstr(module, "name") : VAL_NULL;
    if (name_fn == VAL_NULL)
        return VAL_NULL;
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = ei.start; i < ei.end; i++) {
        uint32_t c = rt_str_char_at(ei.object, i);
        Value name = unicode_name(name_fn, c);
        if (name == VAL_NULL)
            return VAL_NULL;
        if (!rt_is_str(name)) {
            add_escape(&sb, c);
            continue;
        }
        sb_adds(&sb, "\\N{");
        sb_add(&sb, rt_str_cstr(name), rt_str_nbytes(name));
        sb_addc(&sb, '}');
    }
    return handler_result(sb_finish(&sb), ei.end);
}

/* surrogateescape (PEP 383): undecodable bytes 0x80..0xFF become U+DC80..
 * U+DCFF, and those code points encode back to the bytes. */
static Value surrogateescape_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    int kind = handler_args("surrogateescape_errors", args, nargs, kwnames, false, &ei);
    if (kind < 0)
        return VAL_NULL;
    if (kind == KIND_DECODE) {
        const unsigned char *p = AS_BYTES(ei.object)->data;
        StrBuf sb;
        sb_init(&sb);
        size_t i = ei.start;
        for (; i < ei.end && i - ei.start < 4 && p[i] >= 0x80; i++)
            sb_add_codepoint(&sb, 0xDC00 + p[i]);
        if (i == ei.start)
            return rt_raise(args[0]);
        return handler_result(sb_finish(&sb), i);
    }
    unsigned char *out = gc_alloc_atomic(ei.end - ei.start + 1);
    for (size_t i = ei.start; i < ei.end; i++) {
        uint32_t c = rt_str_char_at(ei.object, i);
        if (c < 0xDC80 || c > 0xDCFF)
            return rt_raise(args[0]);
        out[i - ei.start] = (unsigned char)(c - 0xDC00);
    }
    return handler_result(rt_bytes_new(out, ei.end - ei.start), ei.end);
}

/* surrogatepass: lone surrogates encoded (and decoded) as the UTF-8, -16 or
 * -32 the exception's encoding names would encode any other code point. */
enum { STD_UNKNOWN, STD_UTF8, STD_UTF16LE, STD_UTF16BE, STD_UTF32LE, STD_UTF32BE };

static int standard_encoding(Value exc, int *width)
{
    Value enc = field(exc, "encoding");
    if (!rt_is_str(enc))
        return STD_UNKNOWN;
    char name[16];
    const char *s = rt_str_cstr(enc);
    size_t n = 0;
    for (; s[n] && n < sizeof name - 1; n++)
        name[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
    name[n] = '\0';
    if (s[n] || strncmp(name, "utf", 3) != 0)
        return STD_UNKNOWN;
    const char *p = name + 3;
    if (*p == '-' || *p == '_')
        p++;
    bool big = false;
    if (strcmp(p, "8") == 0) {
        *width = 3;
        return STD_UTF8;
    }
    if (strncmp(p, "16", 2) != 0 && strncmp(p, "32", 2) != 0)
        return STD_UNKNOWN;
    *width = p[0] == '1' ? 2 : 4;
    const char *suffix = p + 2;
    if (*suffix == '-' || *suffix == '_')
        suffix++;
    if (strcmp(suffix, "be") == 0)
        big = true;
    else if (strcmp(suffix, "le") != 0 && !(p[2] == '\0'))
        return STD_UNKNOWN;
    if (*width == 2)
        return big ? STD_UTF16BE : STD_UTF16LE;
    return big ? STD_UTF32BE : STD_UTF32LE;
}

static void put_unit(unsigned char *out, uint32_t c, int width, bool big)
{
    for (int k = 0; k < width; k++)
        out[big ? width - 1 - k : k] = (unsigned char)(c >> (8 * k));
}

static uint32_t get_unit(const unsigned char *in, int width, bool big)
{
    uint32_t c = 0;
    for (int k = 0; k < width; k++)
        c |= (uint32_t)in[big ? width - 1 - k : k] << (8 * k);
    return c;
}

static Value surrogatepass_errors(Value *args, size_t nargs, Value kwnames)
{
    ErrInfo ei;
    int width = 0;
    int kind = handler_args("surrogatepass_errors", args, nargs, kwnames, false, &ei);
    if (kind < 0)
        return VAL_NULL;
    int std = standard_encoding(args[0], &width);
    if (std == STD_UNKNOWN) {
        if (!rt_err_occurred())
            rt_raise(args[0]);
        return VAL_NULL;
    }
    bool big = std == STD_UTF16BE || std == STD_UTF32BE;
    if (kind == KIND_ENCODE) {
        unsigned char *out = gc_alloc_atomic((ei.end - ei.start) * 4 + 1);
        size_t n = 0;
        for (size_t i = ei.start; i < ei.end; i++) {
            uint32_t c = rt_str_char_at(ei.object, i);
            if (c < 0xD800 || c > 0xDFFF)
                return rt_raise(args[0]);
            if (std == STD_UTF8)
                n += rt_utf8_encode(c, (char *)out + n);
            else
                put_unit(out + n, c, width, big), n += (size_t)width;
        }
        return handler_result(rt_bytes_new(out, n), ei.end);
    }
    const unsigned char *p = AS_BYTES(ei.object)->data + ei.start;
    if (ei.length - ei.start < (size_t)width)
        return rt_raise(args[0]);
    uint32_t c;
    if (std == STD_UTF8)
        c = (p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80
            ? ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F)
            : 0;
    else
        c = get_unit(p, width, big);
    if (c < 0xD800 || c > 0xDFFF)
        return rt_raise(args[0]);
    return handler_result(rt_str_from_codepoint(c), ei.start + (size_t)width);
}

static const struct { const char *name, *fname; NativeFunc fn; } standard_handlers[] = {
    {"strict", "strict_errors", strict_errors},
    {"ignore", "ignore_errors", ignore_errors},
    {"replace", "replace_errors", replace_errors},
    {"backslashreplace", "backslashreplace_errors", backslashreplace_errors},
    {"xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplace_errors},
    {"namereplace", "namereplace_errors", namereplace_errors},
    {"surrogateescape", "surrogateescape", surrogateescape_errors},
    {"surrogatepass", "surrogatepass", surrogatepass_errors},
};
#define N_STANDARD_HANDLERS (sizeof standard_handlers / sizeof standard_handlers[0])

static void register_standard_handlers(void)
{
    error_registry = rt_dict_new();
    for (size_t i = 0; i < N_STANDARD_HANDLERS; i++)
        rt_dict_set_cstr(error_registry, standard_handlers[i].name,
                         rt_builtin_new(standard_handlers[i].fname, standard_handlers[i].fn,
                                        VAL_NULL));
}

int rt_codec_unregister_error(Value name)
{
    for (size_t i = 0; i < N_STANDARD_HANDLERS; i++)
        if (strcmp(rt_str_cstr(name), standard_handlers[i].name) == 0) {
            rt_raisef(&rt_ValueError, "cannot un-register built-in error handler %R", name);
            return -1;
        }
    return rt_dict_del(error_registry, name);
}

/* ---- Calling the handler from a C codec ------------------------------------ */

void rt_codec_errors_init(CodecErrors *ce, const char *encoding, Value errors)
{
    ce->encoding = encoding;
    ce->errors = errors;
    ce->handler = VAL_NULL;
    ce->object = VAL_NULL;
}

static Value make_error(ObjType *type, const char *encoding, Value object, size_t start,
                        size_t end, const char *reason)
{
    Value args = rt_tuple_pack(5, rt_str_from_cstr(encoding), object,
                               small_new((intptr_t)start), small_new((intptr_t)end),
                               rt_str_from_cstr(reason));
    return rt_exc_new(type, args);
}

void rt_codec_raise_encode(const char *encoding, Value str, size_t start, size_t end,
                           const char *reason)
{
    rt_raise(make_error(&rt_UnicodeEncodeError, encoding, str, start, end, reason));
}

/* Call the handler with exc; check it answered (replacement, position) with
 * a position inside [0, length] (negative ones count from the end).  A
 * decoding handler may have set exc.object to other bytes: they become
 * ce->object, and the length is theirs. */
static ssize_t call_handler(CodecErrors *ce, Value exc, size_t length, bool decode,
                            Value *replacement)
{
    if (ce->handler == VAL_NULL) {
        ce->handler = rt_codec_lookup_error(ce->errors);
        if (ce->handler == VAL_NULL)
            return -1;
    }
    Value r = rt_call1(ce->handler, exc);
    if (r == VAL_NULL)
        return -1;
    const char *msg = decode ? "decoding error handler must return (str, int) tuple"
                             : "encoding error handler must return (str/bytes, int) tuple";
    if (!IS_EXACT(r, rt_tuple_type) || rt_tuple_len(r) != 2) {
        rt_raisef(&rt_TypeError, "%s", msg);
        return -1;
    }
    Value rep = rt_tuple_get(r, 0), pos = rt_tuple_get(r, 1);
    bool rep_ok = rt_is_str(rep) || (!decode && IS_EXACT(rep, rt_bytes_type));
    if (!rep_ok || !rt_isinstance_of(pos, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "%s", msg);
        return -1;
    }
    ssize_t newpos;
    if (!rt_as_ssize(pos, &newpos))
        return -1;
    if (decode) {
        Value object = rt_getattr(exc, RT_NAME("object"));
        if (object == VAL_NULL)
            return -1;
        if (object != ce->object) {
            if (!IS_EXACT(object, rt_bytes_type)) {
                rt_raisef(&rt_TypeError, rt_py_minor >= 14
                          ? "UnicodeError 'object' attribute must be a bytes"
                          : "object attribute must be bytes");
                return -1;
            }
            ce->object = object;
            length = AS_BYTES(object)->length;
        }
    }
    if (newpos < 0)
        newpos += (ssize_t)length;
    if (newpos < 0 || (size_t)newpos > length) {
        rt_raisef(&rt_IndexError, "position %zd from error handler out of bounds", newpos);
        return -1;
    }
    *replacement = rep;
    return newpos;
}

static bool is_strict(Value errors)
{
    return errors == VAL_NULL || strcmp(rt_str_cstr(errors), "strict") == 0;
}

ssize_t rt_codec_decode_error(CodecErrors *ce, const unsigned char **in, size_t *n,
                              size_t start, size_t end, const char *reason, StrBuf *out)
{
    if (ce->object == VAL_NULL)
        ce->object = rt_bytes_new(*in, *n);
    Value exc = make_error(&rt_UnicodeDecodeError, ce->encoding, ce->object, start, end, reason);
    if (is_strict(ce->errors)) {
        rt_raise(exc);
        return -1;
    }
    Value rep;
    ssize_t pos = call_handler(ce, exc, *n, true, &rep);
    if (pos < 0)
        return -1;
    *in = AS_BYTES(ce->object)->data;      /* the handler may have replaced it */
    *n = AS_BYTES(ce->object)->length;
    sb_add(out, rt_str_cstr(rep), rt_str_nbytes(rep));
    return pos;
}

ssize_t rt_codec_encode_error(CodecErrors *ce, Value str, size_t start, size_t end,
                              const char *reason, Value *replacement)
{
    Value exc = make_error(&rt_UnicodeEncodeError, ce->encoding, str, start, end, reason);
    if (is_strict(ce->errors)) {
        rt_raise(exc);
        return -1;
    }
    return call_handler(ce, exc, AS_STR(str)->length, false, replacement);
}

/* ---- UTF-8, ASCII, Latin-1: decoding --------------------------------------- */

/* Decoding: valid stretches are copied, each bad one goes to the handler. */
Value rt_decode_utf8(const unsigned char *s, size_t n, Value errors, bool final,
                     size_t *consumed)
{
    size_t length;
    if (rt_utf8_valid_strict(s, n, &length)) {
        if (consumed)
            *consumed = n;
        return rt_str_new_known((const char *)s, n, length, length == n);
    }
    CodecErrors ce;
    rt_codec_errors_init(&ce, "utf-8", errors);
    StrBuf sb;
    sb_init(&sb);
    size_t i = 0;
    while (i < n) {
        size_t bad_len;
        const char *reason;
        size_t at = i + rt_utf8_error(s + i, n - i, &bad_len, &reason);
        sb_add(&sb, (const char *)s + i, at - i);
        i = at;
        if (at >= n)
            break;
        if (!final && at + bad_len >= n && strcmp(reason, "unexpected end of data") == 0)
            break;                      /* the rest may come with the next call */
        if (!final && n - at == 2 && s[at] == 0xED && s[at + 1] >= 0xA0 && s[at + 1] <= 0xBF)
            break;      /* a truncated surrogate: surrogatepass may take it whole */
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, at, at + bad_len, reason, &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    if (consumed)
        *consumed = i;
    return sb_finish(&sb);
}

/* ASCII and Latin-1 decode byte by byte: below `limit` a byte is its code
 * point. */
static Value decode_single_byte(const unsigned char *s, size_t n, Value errors,
                                const char *encoding, unsigned limit)
{
    CodecErrors ce;
    rt_codec_errors_init(&ce, encoding, errors);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n;) {
        if (s[i] < limit) {
            sb_add_codepoint(&sb, s[i++]);
            continue;
        }
        size_t end = i + 1;
        ssize_t pos = rt_codec_decode_error(&ce, &s, &n, i, end, "ordinal not in range(128)", &sb);
        if (pos < 0)
            return VAL_NULL;
        i = (size_t)pos;
    }
    return sb_finish(&sb);
}

Value rt_decode_ascii(const unsigned char *s, size_t n, Value errors)
{
    size_t i = 0;
    while (i < n && s[i] < 0x80)
        i++;
    if (i == n)
        return rt_str_new_known((const char *)s, n, n, true);
    return decode_single_byte(s, n, errors, "ascii", 0x80);
}

Value rt_decode_latin1(const unsigned char *s, size_t n, Value errors)
{
    (void)errors;                       /* every byte decodes */
    return rt_str_from_latin1(s, n);
}

/* ---- UTF-8, ASCII, Latin-1: encoding --------------------------------------- */

const uint32_t *rt_codec_codepoints(Value str, size_t *n)
{
    ObjStr *s = AS_STR(str);
    *n = s->length;
    if (!s->ascii)
        return rt_str_codepoints(str);
    uint32_t *cps = gc_alloc_atomic((s->length + 1) * sizeof *cps);
    for (size_t i = 0; i < s->length; i++)
        cps[i] = (unsigned char)s->data[i];
    return cps;
}

/* Add a handler's replacement to an encoder's output: bytes as they are, a
 * str only if every code point is below `limit` (else the original error,
 * as CPython raises it). */
static bool add_replacement(StrBuf *out, Value rep, uint32_t limit, bool utf8,
                            const char *encoding, Value str, size_t start, size_t end,
                            const char *reason)
{
    if (!rt_is_str(rep)) {
        sb_add(out, (const char *)AS_BYTES(rep)->data, AS_BYTES(rep)->length);
        return true;
    }
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(rep, &n);
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        bool bad = c >= limit || (utf8 && c >= 0xD800 && c <= 0xDFFF);
        if (bad) {
            rt_codec_raise_encode(encoding, str, start, end, reason);
            return false;
        }
        if (utf8)
            sb_add_codepoint(out, c);
        else
            sb_addc(out, (char)c);
    }
    return true;
}

/* One loop for the three: code points below `limit` (and, for UTF-8, not
 * surrogates) are written; runs of the others go to the handler.  As in
 * CPython, surrogateescape first writes the run's leading U+DC80..U+DCFF
 * itself, so the handler (and its error) sees only the rest of the run. */
static Value encode_loop(Value str, Value errors, const char *encoding, uint32_t limit,
                         bool utf8, const char *reason)
{
    size_t n;
    const uint32_t *cps = rt_codec_codepoints(str, &n);
    CodecErrors ce;
    rt_codec_errors_init(&ce, encoding, errors);
    bool escape = errors != VAL_NULL && strcmp(rt_str_cstr(errors), "surrogateescape") == 0;
    StrBuf out;
    sb_init(&out);
    for (size_t i = 0; i < n;) {
        uint32_t c = cps[i];
        bool surrogate = c >= 0xD800 && c <= 0xDFFF;
        if (c < limit && !(utf8 && surrogate)) {
            if (utf8)
                sb_add_codepoint(&out, c);
            else
                sb_addc(&out, (char)c);
            i++;
            continue;
        }
        size_t end = i + 1;
        while (end < n && (cps[end] >= limit || (utf8 && cps[end] >= 0xD800 && cps[end] <= 0xDFFF)))
            end++;
        if (escape) {                   /* CPython's fast path, before the handler */
            while (i < end && cps[i] >= 0xDC80 && cps[i] <= 0xDCFF)
                sb_addc(&out, (char)(cps[i++] - 0xDC00));
            if (i == end)
                continue;
        }
        Value rep;
        ssize_t pos = rt_codec_encode_error(&ce, str, i, end, reason, &rep);
        if (pos < 0 || !add_replacement(&out, rep, limit, utf8, encoding, str, i, end, reason))
            return VAL_NULL;
        i = (size_t)pos;
    }
    return rt_bytes_new((const unsigned char *)out.data, out.len);
}

Value rt_encode_utf8(Value str, Value errors)
{
    ObjStr *s = AS_STR(str);
    if (!rt_str_has_surrogates(str))
        return rt_bytes_new((const unsigned char *)s->data, s->nbytes);
    return encode_loop(str, errors, "utf-8", 0x110000, true, "surrogates not allowed");
}

Value rt_encode_ascii(Value str, Value errors)
{
    ObjStr *s = AS_STR(str);
    if (s->ascii)
        return rt_bytes_new((const unsigned char *)s->data, s->nbytes);
    return encode_loop(str, errors, "ascii", 0x80, false, "ordinal not in range(128)");
}

Value rt_encode_latin1(Value str, Value errors)
{
    ObjStr *s = AS_STR(str);
    if (s->ascii)
        return rt_bytes_new((const unsigned char *)s->data, s->nbytes);
    return encode_loop(str, errors, "latin-1", 0x100, false, "ordinal not in range(256)");
}

/* ---- str.encode and bytes.decode ------------------------------------------ */

/* CPython's fast path: these names never reach the registry. */
int rt_text_fast_codec(Value encoding)
{
    static const struct { const char *name; int codec; } names[] = {
        {"utf_8", 0}, {"utf8", 0}, {"ascii", 1}, {"us_ascii", 1},
        {"latin1", 2}, {"latin_1", 2}, {"iso_8859_1", 2}, {"iso8859_1", 2},
    };
    char norm[16];
    if (encoding == VAL_NULL)
        return 0;
    if (!normalize_into(rt_str_cstr(encoding), norm, sizeof norm))
        return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(norm, names[i].name) == 0)
            return names[i].codec;
    return -1;
}

bool rt_dev_mode;

/* As CPython's unicode_check_encoding_errors: in development mode a
 * misspelt encoding or error handler fails every time, not only when the
 * text needs it (bpo-37388). */
static bool check_encoding_errors(Value encoding, Value errors)
{
    if (!rt_dev_mode)
        return true;
    if (encoding != VAL_NULL && rt_codec_lookup_info(encoding) == VAL_NULL)
        return false;
    return errors == VAL_NULL || strcmp(rt_str_cstr(errors), "strict") == 0 ||
           rt_codec_lookup_error(errors) != VAL_NULL;
}

Value rt_text_encode(Value str, Value encoding, Value errors)
{
    if (!check_encoding_errors(encoding, errors))
        return VAL_NULL;
    switch (rt_text_fast_codec(encoding)) {
    case 0: return rt_encode_utf8(str, errors);
    case 1: return rt_encode_ascii(str, errors);
    case 2: return rt_encode_latin1(str, errors);
    }
    Value info = rt_codec_text_info(encoding, "codecs.encode()");
    Value r = info ? call_codec(info, 0, str, encoding, errors, "encoding") : VAL_NULL;
    if (r == VAL_NULL || IS_EXACT(r, rt_bytes_type))
        return r;
    if (IS_EXACT(r, rt_bytearray_type)) {
        if (rt_warn(&rt_RuntimeWarning, "encoder returned bytearray instead of bytes; "
                    "use codecs.encode() to encode to arbitrary types", 1) < 0)
            return VAL_NULL;
        return rt_buffer_to_bytes(r);
    }
    return rt_raisef(&rt_TypeError, "%R encoder returned '%s' instead of 'bytes'; "
                     "use codecs.encode() to encode to arbitrary types", encoding,
                     val_type(r)->name);
}

Value rt_text_decode(const unsigned char *s, size_t n, Value encoding, Value errors)
{
    if (!check_encoding_errors(encoding, errors))
        return VAL_NULL;
    switch (rt_text_fast_codec(encoding)) {
    case 0: return rt_decode_utf8(s, n, errors, true, NULL);
    case 1: return rt_decode_ascii(s, n, errors);
    case 2: return rt_decode_latin1(s, n, errors);
    }
    Value info = rt_codec_text_info(encoding, "codecs.decode()");
    Value r = info ? call_codec(info, 1, rt_bytes_new(s, n), encoding, errors, "decoding")
                   : VAL_NULL;
    if (r == VAL_NULL || rt_is_str(r))
        return r;
    return rt_raisef(&rt_TypeError, "%R decoder returned '%s' instead of 'str'; "
                     "use codecs.decode() to decode to arbitrary types", encoding,
                     val_type(r)->name);
}

Value rt_str_encode(Value str, const char *encoding, const char *errors)
{
    Value err = strcmp(errors, "strict") == 0 ? VAL_NULL : rt_str_from_cstr(errors);
    if (rt_dev_mode && !check_encoding_errors(rt_str_from_cstr(encoding), err))
        return VAL_NULL;
    switch (rt_codec_lookup(encoding)) {
    case 0: return rt_encode_utf8(str, err);
    case 1: return rt_encode_ascii(str, err);
    case 2: return rt_encode_latin1(str, err);
    }
    return rt_text_encode(str, rt_str_from_cstr(encoding), err);
}

Value rt_bytes_decode(const unsigned char *s, size_t n, Value encoding, Value errors)
{
    static const char *const names[2] = {"encoding", "errors"};
    Value given[2] = {encoding, errors};
    for (int i = 0; i < 2; i++)
        if (given[i] && !rt_is_str(given[i]))
            return rt_raisef(&rt_TypeError, "decode() argument '%s' must be str, not %s", names[i],
                             given[i] == rt_None ? "None" : val_type(given[i])->name);
    return rt_text_decode(s, n, encoding, errors);
}

/* ---- The Unicode error classes --------------------------------------------- */

/* UnicodeEncodeError(encoding, object, start, end, reason) and its two
 * siblings keep their five fields in e->fields, like OSError's
 * (exceptions.c); a decode error's object is stored as bytes even when a
 * bytearray was given (args keeps what was given). */
void rt_unicode_error_fields(ObjException *e)
{
    static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
    bool translate = rt_is_subtype(e->ob.type, &rt_UnicodeTranslateError);
    size_t want = translate ? 4 : 5, n = rt_tuple_len(e->args);
    if (n != want)
        return;
    Value fields = rt_exc_fields(e);
    for (size_t i = 0; i < n; i++) {
        Value v = rt_tuple_get(e->args, i);
        if (i + translate == 1 && rt_is_subtype(e->ob.type, &rt_UnicodeDecodeError)
            && rt_has_buffer(v) && !IS_EXACT(v, rt_bytes_type))
            v = rt_buffer_to_bytes(v);
        if (v != VAL_NULL)
            rt_dict_set_cstr(fields, names[i + translate], v);
    }
    if (translate)
        rt_dict_set_cstr(fields, "encoding", rt_None);
}

/* The constructor checks the arguments as CPython's PyArg_ParseTuple
 * formats "UUnnU" (encode), "UOnnU" with a bytes-like object (decode) and
 * "UnnU" (translate) do. */
static bool check_arg(Value v, size_t index, char kind)
{
    if (kind == 'U' && !rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "argument %zu must be str, not %T", index + 1, v);
        return false;
    }
    if (kind == 'y' && !rt_has_buffer(v)) {
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%T'", v);
        return false;
    }
    ssize_t dummy;
    return kind != 'n' || rt_as_ssize(v, &dummy);
}

static bool check_args(ObjType *type, Value *args, size_t npos)
{
    const char *format = rt_is_subtype(type, &rt_UnicodeEncodeError) ? "UUnnU"
                       : rt_is_subtype(type, &rt_UnicodeDecodeError) ? "UynnU" : "UnnU";
    if (npos != strlen(format)) {
        rt_raisef(&rt_TypeError, "function takes exactly %zu arguments (%zu given)",
                  strlen(format), npos);
        return false;
    }
    for (size_t i = 0; i < npos; i++)
        if (!check_arg(args[i], i, format[i]))
            return false;
    return true;
}

/* __new__ takes anything and __init__ (below) checks the arguments, as in
 * CPython: the types are TF_SPLIT_INIT, so calling one runs both, and
 * UnicodeEncodeError.__new__(UnicodeEncodeError) is an empty one (str ''). */
static Value unicode_error_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    return rt_exc_new(type, rt_tuple_from(args, nargs - rt_nkwargs(kwnames)));
}

/* __init__(self, *args): check, then set args and the fields. */
static Value unicode_error_init(Value *args, size_t nargs, Value kwnames)
{
    ObjType *type = val_type(args[0]);
    if (!rt_isinstance_of(args[0], &rt_UnicodeError))
        return rt_raisef(&rt_TypeError, "descriptor '__init__' requires a 'UnicodeError' object");
    if (rt_nkwargs(kwnames))
        return rt_raisef(&rt_TypeError, "%s() takes no keyword arguments", type->name);
    if (!check_args(type, args + 1, nargs - 1))
        return VAL_NULL;
    ObjException *e = AS_EXC(args[0]);
    e->args = rt_tuple_from(args + 1, nargs - 1);
    rt_unicode_error_fields(e);
    return rt_None;
}

static Value str_field(Value self, const char *name)
{
    return rt_str(field(self, name));
}

static bool has_object(Value self)
{
    return rt_exc_field(self, "object") != VAL_NULL;
}

/* "'ascii' codec can't encode character '\xe9' in position 3: ordinal not
 * in range(128)"; "... characters in position 3-5: ..." for a longer run. */
static Value unicode_char_str(Value self, const char *what, const char *prefix_fmt)
{
    ssize_t start, end;
    if (!has_object(self))
        return rt_str_empty();
    if (!ssize_field(self, "start", &start) || !ssize_field(self, "end", &end))
        return VAL_NULL;
    Value reason = str_field(self, "reason");
    Value prefix = prefix_fmt[0] ? rt_str_format_c(prefix_fmt, str_field(self, "encoding"))
                                 : rt_str_empty();
    if (reason == VAL_NULL || prefix == VAL_NULL)
        return VAL_NULL;
    Value obj = field(self, "object");
    if (rt_is_str(obj) && start >= 0 && (size_t)start < AS_STR(obj)->length && end == start + 1) {
        StrBuf sb;
        sb_init(&sb);
        uint32_t c = rt_str_char_at(obj, (size_t)start);
        char buf[16];
        snprintf(buf, sizeof buf,
                 c <= 0xFF ? "'\\x%02x'" : c <= 0xFFFF ? "'\\u%04x'" : "'\\U%08x'", c);
        sb_adds(&sb, buf);
        return rt_str_format_c("%S%s character %S in position %zd: %S", prefix, what,
                               sb_finish(&sb), start, reason);
    }
    return rt_str_format_c("%S%s characters in position %zd-%zd: %S", prefix, what,
                           start, end - 1, reason);
}

static Value unicodeencode_str(Value self)
{
    return unicode_char_str(self, "can't encode", "'%S' codec ");
}

static Value unicodetranslate_str(Value self)
{
    return unicode_char_str(self, "can't translate", "");
}

static Value unicodedecode_str(Value self)
{
    ssize_t start, end;
    if (!has_object(self))
        return rt_str_empty();
    if (!ssize_field(self, "start", &start) || !ssize_field(self, "end", &end))
        return VAL_NULL;
    Value reason = str_field(self, "reason"), encoding = str_field(self, "encoding");
    if (reason == VAL_NULL || encoding == VAL_NULL)
        return VAL_NULL;
    Value obj = field(self, "object");
    if (IS_EXACT(obj, rt_bytes_type) && start >= 0 && (size_t)start < AS_BYTES(obj)->length
        && end == start + 1) {
        static const char hex[] = "0123456789abcdef";
        unsigned char byte = AS_BYTES(obj)->data[start];
        return rt_str_format_c("'%S' codec can't decode byte 0x%c%c in position %zd: %S",
                               encoding, hex[byte >> 4], hex[byte & 15], start, reason);
    }
    return rt_str_format_c("'%S' codec can't decode bytes in position %zd-%zd: %S",
                           encoding, start, end - 1, reason);
}

/* The attributes: read from the instance dict (None until set), written
 * back there; start and end must be ints. */
static Value get_field(Value self, const char *name) { return field(self, name); }

static int set_field(Value self, Value v, const char *name, bool integer)
{
    ObjException *e = AS_EXC(self);
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "can't delete attribute");
        return -1;
    }
    ssize_t dummy;
    if (integer && !rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "an integer is required");
        return -1;
    }
    if (integer && !rt_as_ssize(v, &dummy))
        return -1;
    rt_dict_set_cstr(rt_exc_fields(e), name, v);
    return 0;
}

#define UNICODE_FIELD(f, integer)                                            \
    static Value get_##f(Value self) { return get_field(self, #f); }         \
    static int set_##f(Value self, Value v) { return set_field(self, v, #f, integer); }
UNICODE_FIELD(encoding, false)
UNICODE_FIELD(object, false)
UNICODE_FIELD(start, true)
UNICODE_FIELD(end, true)
UNICODE_FIELD(reason, false)

static const GetSetDef unicode_error_getsets[] = {
    {"encoding", get_encoding, set_encoding, "exception encoding"},
    {"object", get_object, set_object, "exception object"},
    {"start", get_start, set_start, "exception start"},
    {"end", get_end, set_end, "exception end"},
    {"reason", get_reason, set_reason, "exception reason"},
    {NULL},
};

void rt_unicode_errors_prepare(void)
{
    ObjType *const types[] = {&rt_UnicodeEncodeError, &rt_UnicodeDecodeError,
                              &rt_UnicodeTranslateError};
    for (size_t i = 0; i < 3; i++) {
        types[i]->getsets = unicode_error_getsets;
        types[i]->new_ = unicode_error_new;
        types[i]->flags |= TF_SPLIT_INIT;
    }
    rt_UnicodeEncodeError.str = unicodeencode_str;
    rt_UnicodeDecodeError.str = unicodedecode_str;
    rt_UnicodeTranslateError.str = unicodetranslate_str;
    register_standard_handlers();
}

/* After the exception classes are ready: their __init__. */
void rt_codecs_init(void)
{
    static const MethodDef methods[] = {
        {"__init__", unicode_error_init},
        {NULL, NULL},
    };
    rt_type_add_methods(&rt_UnicodeEncodeError, methods);
    rt_type_add_methods(&rt_UnicodeDecodeError, methods);
    rt_type_add_methods(&rt_UnicodeTranslateError, methods);
}
