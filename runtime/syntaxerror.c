/*
 * syntaxerror.c — SyntaxError (and IndentationError, TabError): its
 * attributes, its str(), and the lines a traceback shows for it.
 *
 * pvm raises SyntaxErrors that python3.11 found (the compile service,
 * loader/compile.c), and programs raise their own; either way the report
 * must be CPython's, byte for byte:
 *
 *     Traceback (most recent call last):          only when raised in code
 *       File "x.py", line 3, in <module>
 *         exec("1 +")
 *       File "<string>", line 1                   where the error is...
 *         1 +                                     ...its text...
 *            ^                                    ...and the columns
 *     SyntaxError: invalid syntax                 msg, not str(exc)
 *
 * Attributes.  SyntaxError(msg, (filename, lineno, offset, text
 * [, end_lineno, end_offset])) sets msg and the six location attributes
 * (CPython's SyntaxError_init); each is None until set, and all can be
 * assigned.  They live in the instance dict.  (CPython raises TypeError
 * for a malformed location tuple; pvm then keeps only msg.)
 *
 * The location lines follow Python/pythonrun.c of 3.11:
 * parse_syntax_error reads the attributes (an int lineno is required, or
 * the exception prints as any other), print_exception_file_and_line
 * prints the File line, and print_error_text the text, stripped of its
 * indentation, with offset-1 spaces and end_offset-offset carets under it
 * (at least one; for the subclasses IndentationError and TabError always
 * one).  Offsets count characters; like CPython, pvm clips them against
 * the text's length in UTF-8 bytes.
 */
#include <string.h>
#include "runtime/runtime.h"

static const char *const location_names[] = {
    "filename", "lineno", "offset", "text", "end_lineno", "end_offset",
};

/* ---- attributes ------------------------------------------------------------------- */

static void set_attr(ObjException *e, const char *name, Value v)
{
    rt_dict_set_cstr(rt_exc_fields(e), name, v);
}

void rt_syntaxerror_fields(ObjException *e)
{
    size_t n = rt_tuple_len(e->args);
    if (n >= 1)
        set_attr(e, "msg", rt_tuple_get(e->args, 0));
    if (n != 2)
        return;
    Value info = rt_sequence_to_tuple(rt_tuple_get(e->args, 1));
    if (info == VAL_NULL) {
        rt_err_clear();
        return;
    }
    size_t m = rt_tuple_len(info);
    if (m < 4 || m > 6)
        return;
    for (size_t i = 0; i < m; i++)
        set_attr(e, location_names[i], rt_tuple_get(info, i));
}

/* An attribute, None when it was never set. */
static Value attr(Value exc, const char *name)
{
    Value v = rt_exc_field(exc, name);
    return v != VAL_NULL ? v : rt_None;
}

/* ---- str() ------------------------------------------------------------------------- */

/* "msg (file.py, line 3)": the file's base name and the line when they are
 * known (CPython's SyntaxError_str; the line only for an exact int). */
Value rt_syntaxerror_str(Value self)
{
    Value msg = attr(self, "msg"), filename = attr(self, "filename");
    Value lineno = attr(self, "lineno");
    Value base = VAL_NULL;
    if (rt_isinstance_of(filename, &rt_str_type)) {
        const char *s = rt_str_cstr(filename), *slash = strrchr(s, '/');
        base = slash ? rt_str_from_cstr(slash + 1) : filename;
    }
    bool have_line = is_int(lineno);
    if (base != VAL_NULL && have_line)
        return rt_str_format_c("%S (%S, line %S)", msg, base, lineno);
    if (base != VAL_NULL)
        return rt_str_format_c("%S (%S)", msg, base);
    if (have_line)
        return rt_str_format_c("%S (line %S)", msg, lineno);
    return rt_str(msg);
}

/* ---- the location in a traceback ---------------------------------------------------- */

typedef struct Location {
    Value msg, filename, text;          /* text: VAL_NULL when None */
    int64_t lineno, offset, end_lineno, end_offset;
} Location;

/* An int attribute (PyLong_AsSsize_t); None gives `none` unless that is
 * the "required" marker INT64_MIN. */
static bool int_attr(Value exc, const char *name, int64_t none, int64_t *out)
{
    Value v = attr(exc, name);
    if (v == rt_None && none != INT64_MIN) {
        *out = none;
        return true;
    }
    if (!rt_isinstance_of(v, &rt_int_type))
        return false;
    if (!rt_int_as_i64(v, out)) {
        rt_err_clear();
        return false;
    }
    return true;
}

/* pythonrun.c's parse_syntax_error: false when the attributes cannot be
 * shown as a location (the exception then prints like any other). */
static bool parse_location(Value exc, Location *loc)
{
    loc->msg = attr(exc, "msg");
    loc->filename = attr(exc, "filename");
    if (loc->filename == rt_None)
        loc->filename = rt_str_from_cstr("<string>");
    if (!int_attr(exc, "lineno", INT64_MIN, &loc->lineno) ||
        !int_attr(exc, "offset", -1, &loc->offset))
        return false;
    if (val_type(exc) == &rt_SyntaxError) {
        if (!int_attr(exc, "end_lineno", loc->lineno, &loc->end_lineno) ||
            !int_attr(exc, "end_offset", -1, &loc->end_offset))
            return false;
    } else {                            /* the subclasses: one caret */
        loc->end_lineno = loc->lineno;
        loc->end_offset = -1;
    }
    Value text = attr(exc, "text");
    if (text != rt_None && !rt_isinstance_of(text, &rt_str_type))
        return false;                   /* (CPython fails worse) */
    loc->text = text == rt_None ? VAL_NULL : text;
    return true;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

/* print_error_text: the text without its indentation, then the carets. */
static void print_text(FILE *out, const char *text, int64_t offset, int64_t end_offset)
{
    int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    offset--;                           /* 1-based to 0-based */
    for (; is_blank(*text); text++)
        offset--;
    int64_t len = (int64_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    /* A text of several lines: show the one the offset falls in (and
     * everything after it). */
    for (const char *nl; (nl = strchr(text, '\n')) != NULL && nl - text < offset;) {
        int64_t skip = nl - text + 1;
        text += skip;
        len -= skip;
        offset -= skip;
    }
    fprintf(out, "    %s", text);
    if (text[len] != '\n')
        putc('\n', out);
    if (offset < 0)
        return;
    fputs("    ", out);
    for (int64_t i = 0; i < offset; i++)
        putc(' ', out);
    for (int64_t i = 0; i < carets; i++)
        putc('^', out);
    putc('\n', out);
}

Value rt_syntaxerror_print_location(FILE *out, Value exc)
{
    bool marked = rt_isinstance_of(exc, &rt_SyntaxError) ||
                  rt_exc_field(exc, "print_file_and_line") != VAL_NULL;
    Location loc;
    if (!marked || !parse_location(exc, &loc))
        return exc;
    Value name = rt_str(loc.filename);
    if (name == VAL_NULL) {
        rt_err_clear();
        return exc;
    }
    fprintf(out, "  File \"%s\", line %lld\n", rt_str_cstr(name), (long long)loc.lineno);
    if (loc.text != VAL_NULL) {
        int64_t size = (int64_t)rt_str_nbytes(loc.text);
        int64_t end_offset = loc.end_lineno > loc.lineno ? size : loc.end_offset;
        if (end_offset > size + 1)
            end_offset = size + 1;
        print_text(out, rt_str_cstr(loc.text), loc.offset, end_offset);
    }
    return loc.msg;
}
