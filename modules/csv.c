/*
 * csv.c — the _csv module (CPython's Modules/_csv.c), the C half of
 * CPython's Lib/csv.py:
 *
 *   Dialect(dialect=None, **params)   the validated options: delimiter,
 *       quotechar, escapechar (one character or None), doublequote,
 *       skipinitialspace, strict, lineterminator, quoting (QUOTE_*);
 *       a name looks the dialect up, any other object lends its attributes
 *   reader(iterable, dialect='excel', **params)   an iterator of rows
 *   writer(fileobj, dialect='excel', **params)    writerow, writerows
 *   register_dialect, unregister_dialect, get_dialect, list_dialects,
 *   field_size_limit, Error, QUOTE_MINIMAL/ALL/NONNUMERIC/NONE
 *
 * The reader is CPython's state machine, fed one character at a time and
 * an end-of-line mark after each line the iterable yields; its errors are
 * CPython's ("'%c' expected after '%c'", "unexpected end of data",
 * "field larger than field limit (N)", ...).  Characters are code points
 * (a str is UTF-8 here); NOT_SET and EOL are values no code point has.
 */
#include <string.h>
#include "runtime/version.h"
#include "modules/modutil.h"

#define NOT_SET 0xFFFFFFFFu     /* an unset escapechar / quotechar */
#define EOL 0xFFFFFFFEu         /* the end of an input line */

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };

static ObjType csv_error = {
    .ob.type = &rt_type_type, .name = "_csv.Error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value registry;          /* name -> Dialect (the module's _dialects) */
static long field_limit = 128 * 1024;

/* ---- Dialect -------------------------------------------------------------------- */

typedef struct {
    Object ob;
    uint32_t delimiter, quotechar, escapechar;
    Value lineterminator;
    const uint32_t *lt_chars;   /* lineterminator's code points, for the writer */
    size_t lt_len;
    int quoting;
    bool doublequote, skipinitialspace, strict;
} ObjDialect;

static ObjType dialect_type;

/* Dialect's parameters, in the order it takes them by position. */
#define DIALECT_PARAMS(X) X(dialect) X(delimiter) X(doublequote) X(escapechar) \
    X(lineterminator) X(quotechar) X(quoting) X(skipinitialspace) X(strict)
#define PARAM_ENUM(name) P_##name,
#define PARAM_NAME(name) #name,
enum { DIALECT_PARAMS(PARAM_ENUM) NPARAMS };
static const char *const param_names[] = { DIALECT_PARAMS(PARAM_NAME) };

/* The dialect registered as name: Error "unknown dialect" if none. */
static Value registered(Value name)
{
    bool err = false;
    Value d = rt_dict_get(registry, name, &err);
    if (d == VAL_NULL && !err)
        rt_raisef(&csv_error, "unknown dialect");
    return d;
}

/* PyArg_ParseTupleAndKeywords "|OOOOOOOOO": p[i] is VAL_NULL when absent. */
static bool dialect_args(Value *args, size_t nargs, Value kw, Value *p)
{
    size_t nkw = rt_nkwargs(kw), npos = nargs - nkw;
    if (npos > NPARAMS) {
        rt_raisef(&rt_TypeError, "function takes at most %d arguments (%d given)", NPARAMS,
                  (int)npos);
        return false;
    }
    for (size_t i = 0; i < NPARAMS; i++)
        p[i] = i < npos ? args[i] : VAL_NULL;
    for (size_t k = 0; k < nkw; k++) {
        const char *name = rt_str_cstr(rt_tuple_get(kw, k));
        size_t i = 0;
        while (i < NPARAMS && strcmp(param_names[i], name) != 0)
            i++;
        if (i == NPARAMS) {
            rt_raisef(&rt_TypeError, rt_py_minor >= 13
                      ? "this function got an unexpected keyword argument '%s'"
                      : "'%s' is an invalid keyword argument for this function", name);
            return false;
        }
        if (p[i] != VAL_NULL) {
            rt_raisef(&rt_TypeError, "argument for function given by name ('%s') and position (%d)",
                      name, (int)i + 1);
            return false;
        }
        p[i] = args[npos + k];
    }
    return true;
}

/* A one-character option; or_none: None unsets it. */
static bool set_char(const char *name, uint32_t *target, Value v, uint32_t dflt, bool or_none)
{
    *target = dflt;
    if (v == VAL_NULL)
        return true;
    *target = NOT_SET;
    if (or_none && v == rt_None)
        return true;
    if (rt_py_minor >= 14 && (!rt_is_str(v) || AS_STR(v)->length != 1)) {
        const char *what = or_none ? "a unicode character or None" : "a unicode character";
        if (rt_is_str(v))
            rt_raisef(&rt_TypeError, "\"%s\" must be %s, not a string of length %zu", name,
                      what, AS_STR(v)->length);
        else
            rt_raisef(&rt_TypeError, "\"%s\" must be %s, not %T", name, what, v);
        return false;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, or_none ? "\"%s\" must be string or None, not %T"
                                         : "\"%s\" must be string, not %T", name, v);
        return false;
    }
    if (AS_STR(v)->length != 1) {
        rt_raisef(&rt_TypeError, "\"%s\" must be a 1-character string", name);
        return false;
    }
    *target = rt_str_char_at(v, 0);
    return true;
}

static bool set_bool(bool *target, Value v, bool dflt)
{
    int truth = v == VAL_NULL ? dflt : rt_truthy(v);
    *target = truth > 0;
    return truth >= 0;
}

static bool set_quoting(int *target, Value v)
{
    *target = QUOTE_MINIMAL;
    if (v == VAL_NULL)
        return true;
    if (!is_int(v) && rt_py_minor >= 14) {
        rt_raisef(&rt_TypeError, "\"quoting\" must be an integer, not %T", v);
        return false;
    }
    if (!is_int(v)) {
        rt_raisef(&rt_TypeError, "\"quoting\" must be an integer");
        return false;
    }
    if (!rt_int_as_int(v, target))
        return false;
    if (*target < QUOTE_MINIMAL || *target > QUOTE_NONE) {
        rt_raisef(&rt_TypeError, "bad \"quoting\" value");
        return false;
    }
    return true;
}

static bool set_lineterminator(Value *target, Value v)
{
    if (v != VAL_NULL && !rt_is_str(v) && rt_py_minor >= 14) {      /* None too */
        rt_raisef(&rt_TypeError, "\"lineterminator\" must be a string, not %T", v);
        return false;
    }
    *target = v == VAL_NULL ? rt_str_from_cstr("\r\n") : v == rt_None ? VAL_NULL : v;
    if (*target != VAL_NULL && !rt_is_str(*target)) {
        rt_raisef(&rt_TypeError, "\"lineterminator\" must be a string");
        return false;
    }
    return true;
}

/* CPython's dialect_new on parsed parameters. */
static Value dialect_make(ObjType *type, Value *p)
{
    Value base = p[P_dialect];
    if (base != VAL_NULL && rt_is_str(base) && (base = registered(base)) == VAL_NULL)
        return VAL_NULL;
    bool only_base = true;
    for (int i = 1; i < NPARAMS; i++)
        only_base &= p[i] == VAL_NULL;
    if (base != VAL_NULL && rt_isinstance_of(base, &dialect_type) && only_base)
        return base;
    for (int i = 1; base != VAL_NULL && i < NPARAMS; i++)
        if (p[i] == VAL_NULL && (p[i] = rt_getattr_cstr(base, param_names[i])) == VAL_NULL)
            rt_err_clear();
    ObjDialect *d = rt_alloc_instance(type, sizeof *d);
    if (!set_char("delimiter", &d->delimiter, p[P_delimiter], ',', false) ||
        !set_bool(&d->doublequote, p[P_doublequote], true) ||
        !set_char("escapechar", &d->escapechar, p[P_escapechar], NOT_SET, true) ||
        !set_lineterminator(&d->lineterminator, p[P_lineterminator]) ||
        !set_char("quotechar", &d->quotechar, p[P_quotechar], '"', true) ||
        !set_quoting(&d->quoting, p[P_quoting]) ||
        !set_bool(&d->skipinitialspace, p[P_skipinitialspace], false) ||
        !set_bool(&d->strict, p[P_strict], false))
        return VAL_NULL;
    if (p[P_quotechar] == rt_None && p[P_quoting] == VAL_NULL)
        d->quoting = QUOTE_NONE;
    if (d->quoting != QUOTE_NONE && d->quotechar == NOT_SET)
        return rt_raisef(&rt_TypeError, "quotechar must be set if quoting enabled");
    if (d->lineterminator == VAL_NULL)
        return rt_raisef(&rt_TypeError, "lineterminator must be set");
    d->lt_len = AS_STR(d->lineterminator)->length;
    uint32_t *lt = gc_alloc_atomic((d->lt_len + 1) * sizeof *lt);
    for (size_t i = 0; i < d->lt_len; i++)
        lt[i] = rt_str_char_at(d->lineterminator, i);
    d->lt_chars = lt;
    return obj_val(d);
}

static Value dialect_new(ObjType *type, Value *args, size_t nargs, Value kw)
{
    Value p[NPARAMS];
    return dialect_args(args, nargs, kw, p) ? dialect_make(type, p) : VAL_NULL;
}

/* _call_dialect: Dialect(dialect, **kw) for reader, writer and
 * register_dialect, whose own argument before it has been taken off. */
static ObjDialect *call_dialect(Value *args, size_t nargs, Value kw)
{
    return (ObjDialect *)dialect_new(&dialect_type, args, nargs, kw);
}

static Value char_or_none(uint32_t c)
{
    return c == NOT_SET ? rt_None : rt_str_from_codepoint(c);
}

static Value dialect_get_delimiter(Value self) { return char_or_none(((ObjDialect *)self)->delimiter); }
static Value dialect_get_escapechar(Value self) { return char_or_none(((ObjDialect *)self)->escapechar); }
static Value dialect_get_quotechar(Value self) { return char_or_none(((ObjDialect *)self)->quotechar); }
static Value dialect_get_lineterminator(Value self) { return ((ObjDialect *)self)->lineterminator; }
static Value dialect_get_quoting(Value self) { return small_new(((ObjDialect *)self)->quoting); }

static const GetSetDef dialect_getsets[] = {
    {"delimiter", dialect_get_delimiter, NULL, NULL},
    {"escapechar", dialect_get_escapechar, NULL, NULL},
    {"lineterminator", dialect_get_lineterminator, NULL, NULL},
    {"quotechar", dialect_get_quotechar, NULL, NULL},
    {"quoting", dialect_get_quoting, NULL, NULL},
    {NULL},
};

#define MEMBER(field, kind) {#field, offsetof(ObjDialect, field), kind, RT_READONLY, 0}
static const MemberDef dialect_members[] = {
    MEMBER(skipinitialspace, RT_MEMBER_BOOL),
    MEMBER(doublequote, RT_MEMBER_BOOL),
    MEMBER(strict, RT_MEMBER_BOOL),
    {NULL, 0, 0, 0, 0}
};
#undef MEMBER

static ObjType dialect_type = {
    .ob.type = &rt_type_type, .name = "_csv.Dialect", .flags = TF_BASETYPE,
    .new_ = dialect_new, .members = dialect_members, .getsets = dialect_getsets,
};

/* The code point at p (its length in *len), ASCII without decoding. */
static uint32_t char_at(const char *p, size_t *len)
{
    if ((unsigned char)*p < 0x80) {
        *len = 1;
        return (unsigned char)*p;
    }
    return rt_utf8_decode(p, len);
}

/* ---- reader --------------------------------------------------------------------- */

enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
};

typedef struct {
    Object ob;
    Value input_iter;
    ObjDialect *dialect;
    Value fields;               /* the row being read */
    StrBuf field;               /* the field being read */
    long field_len;             /* its characters */
    int state;
    bool numeric_field;         /* QUOTE_NONNUMERIC: an unquoted field, a float */
    Value line_num;             /* an int: the lines read so far */
} ObjReader;

static ObjType reader_type, writer_type;

static bool save_field(ObjReader *r)
{
    Value field = rt_str_new(r->field.data, r->field.len);
    r->field.len = 0;
    r->field_len = 0;
    if (r->numeric_field) {
        r->numeric_field = false;
        if ((field = rt_float_from(field)) == VAL_NULL)
            return false;
    }
    return rt_list_append(r->fields, field);
}

static bool add_char(ObjReader *r, uint32_t c)
{
    if (r->field_len >= field_limit) {
        rt_raisef(&csv_error, "field larger than field limit (%ld)", field_limit);
        return false;
    }
    sb_add_codepoint(&r->field, c);
    r->field_len++;
    return true;
}

/* The end of a field at a delimiter (next: START_FIELD) or of the line
 * (EOL: START_RECORD; a '\r' or '\n' inside the line: EAT_CRNL). */
static bool end_field(ObjReader *r, uint32_t c, bool at_delimiter)
{
    r->state = at_delimiter ? START_FIELD : c == EOL ? START_RECORD : EAT_CRNL;
    return save_field(r);
}

static bool is_newline(uint32_t c)
{
    return c == '\n' || c == '\r' || c == EOL;
}

/* One character (or EOL) through CPython's parse_process_char. */
static bool process_char(ObjReader *r, uint32_t c)
{
    ObjDialect *d = r->dialect;
    switch (r->state) {
    case START_RECORD:
        if (c == EOL)
            return true;                        /* an empty line: [] */
        if (c == '\n' || c == '\r') {
            r->state = EAT_CRNL;
            return true;
        }
        r->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (is_newline(c))
            return end_field(r, c, false);
        if (c == d->quotechar && d->quoting != QUOTE_NONE)
            r->state = IN_QUOTED_FIELD;
        else if (c == d->escapechar)
            r->state = ESCAPED_CHAR;
        else if (c == ' ' && d->skipinitialspace)
            ;
        else if (c == d->delimiter)
            return save_field(r);
        else {
            r->numeric_field = d->quoting == QUOTE_NONNUMERIC;
            r->state = IN_FIELD;
            return add_char(r, c);
        }
        return true;
    case ESCAPED_CHAR:
        if (c == '\n' || c == '\r') {
            r->state = AFTER_ESCAPED_CRNL;
            return add_char(r, c);
        }
        r->state = IN_FIELD;
        return add_char(r, c == EOL ? '\n' : c);
    case AFTER_ESCAPED_CRNL:
        if (c == EOL)
            return true;
        /* fall through */
    case IN_FIELD:
        if (is_newline(c) || c == d->delimiter)
            return end_field(r, c, c == d->delimiter);
        if (c == d->escapechar)
            r->state = ESCAPED_CHAR;
        else
            return add_char(r, c);
        return true;
    case IN_QUOTED_FIELD:
        if (c == EOL)
            ;
        else if (c == d->escapechar)
            r->state = ESCAPE_IN_QUOTED_FIELD;
        else if (c == d->quotechar && d->quoting != QUOTE_NONE)
            r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else
            return add_char(r, c);
        return true;
    case ESCAPE_IN_QUOTED_FIELD:
        r->state = IN_QUOTED_FIELD;
        return add_char(r, c == EOL ? '\n' : c);
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != QUOTE_NONE && c == d->quotechar) {
            r->state = IN_QUOTED_FIELD;     /* "" is one " */
            return add_char(r, c);
        }
        if (c == d->delimiter || is_newline(c))
            return end_field(r, c, c == d->delimiter);
        if (!d->strict) {
            r->state = IN_FIELD;
            return add_char(r, c);
        }
        rt_raisef(&csv_error, "'%S' expected after '%S'", rt_str_from_codepoint(d->delimiter),
                  rt_str_from_codepoint(d->quotechar));
        return false;
    case EAT_CRNL:
        if (c == EOL)
            r->state = START_RECORD;
        else if (c != '\n' && c != '\r') {
            rt_raisef(&csv_error, "new-line character seen in unquoted field - do you need to "
                      "open the file %s?", rt_py_minor >= 13 ? "with newline=''"
                                                              : "in universal-newline mode");
            return false;
        }
        return true;
    }
    return true;
}

static bool process_line(ObjReader *r, Value line)
{
    const char *p = rt_str_cstr(line);
    size_t n = rt_str_nbytes(line);
    for (size_t off = 0, len; off < n; off += len)
        if (!process_char(r, char_at(p + off, &len)))
            return false;
    return process_char(r, EOL);
}

static Value reader_next(Value self)
{
    ObjReader *r = (ObjReader *)self;
    r->fields = rt_list_new(0);
    r->field.len = 0;
    r->field_len = 0;
    r->state = START_RECORD;
    r->numeric_field = false;
    do {
        Value line = rt_next(r->input_iter);
        if (line == VAL_NULL) {
            if (rt_err_occurred() || (r->field_len == 0 && r->state != IN_QUOTED_FIELD))
                return VAL_NULL;
            if (r->dialect->strict)
                return rt_raisef(&csv_error, "unexpected end of data");
            if (!save_field(r))
                return VAL_NULL;
            break;
        }
        if (!rt_is_str(line))
            return rt_raisef(&csv_error, "iterator should return strings, not %s "
                             "(the file should be opened in text mode)", val_type(line)->name);
        r->line_num = rt_int_binop(r->line_num, small_new(1), NB_ADD);
        if (!process_line(r, line))
            return VAL_NULL;
    } while (r->state != START_RECORD);
    Value fields = r->fields;
    r->fields = VAL_NULL;
    return fields;
}

/* reader(iterable, dialect='excel', **params) */
static Value csv_reader(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range(rt_py_minor >= 14 ? "reader" : "", rt_npos(nargs, kw), 1, 2))
        return VAL_NULL;
    ObjReader *r = gc_alloc(sizeof *r);
    r->ob.type = &reader_type;
    r->line_num = small_new(0);
    sb_init(&r->field);
    if ((r->input_iter = rt_iter(args[0])) == VAL_NULL ||
        (r->dialect = call_dialect(args + 1, nargs - 1, kw)) == NULL)
        return VAL_NULL;
    return obj_val(r);
}

/* ---- writer --------------------------------------------------------------------- */

typedef struct {
    Object ob;
    Value write;                /* the file's write method */
    ObjDialect *dialect;
    StrBuf rec;                 /* the row being written */
    size_t num_fields;
} ObjWriter;

/* Whether c must be quoted or escaped. */
static bool is_special(ObjDialect *d, uint32_t c)
{
    if (c == d->delimiter || c == d->escapechar || c == d->quotechar)
        return true;
    for (size_t i = 0; i < d->lt_len; i++)
        if (d->lt_chars[i] == c)
            return true;
    return false;
}

/* Whether a special character is written with escapechar before it; sets
 * *quoted when it makes the field quoted instead. */
static bool wants_escape(ObjDialect *d, uint32_t c, bool *quoted)
{
    if (d->quoting == QUOTE_NONE)
        return true;
    bool escape = c == d->quotechar ? !d->doublequote : c == d->escapechar;
    if (!escape)
        *quoted = true;
    return escape;
}

/* Append one field (VAL_NULL: None, empty) to the row: CPython's
 * join_append, its counting pass first (which decides the quotes and
 * finds a character that cannot be written), then the copy. */
static bool join_append(ObjWriter *w, Value field, bool quoted)
{
    ObjDialect *d = w->dialect;
    const char *p = field == VAL_NULL ? "" : rt_str_cstr(field);
    size_t n = field == VAL_NULL ? 0 : rt_str_nbytes(field), len;
    for (size_t off = 0; off < n; off += len) {
        uint32_t c = char_at(p + off, &len);
        if (is_special(d, c) && wants_escape(d, c, &quoted) && d->escapechar == NOT_SET) {
            rt_raisef(&csv_error, "need to escape, but no escapechar set");
            return false;
        }
    }
    StrBuf *rec = &w->rec;
    if (w->num_fields > 0)
        sb_add_codepoint(rec, d->delimiter);
    if (quoted)
        sb_add_codepoint(rec, d->quotechar);
    for (size_t off = 0; off < n; off += len) {
        uint32_t c = char_at(p + off, &len);
        if (is_special(d, c)) {
            if (c == d->quotechar && d->quoting != QUOTE_NONE && d->doublequote)
                sb_add_codepoint(rec, c);
            else if (wants_escape(d, c, &quoted))
                sb_add_codepoint(rec, d->escapechar);
        }
        sb_add(rec, p + off, len);
    }
    if (quoted)
        sb_add_codepoint(rec, d->quotechar);
    w->num_fields++;
    return true;
}


static Value writerow(ObjWriter *w, Value row)
{
    ObjDialect *d = w->dialect;
    Value it = rt_iter(row);
    if (it == VAL_NULL) {
        if (rt_err_matches(&rt_TypeError)) {
            rt_err_clear();
            rt_raisef(&csv_error, "iterable expected, not %T", row);
        }
        return VAL_NULL;
    }
    w->rec.len = 0;
    w->num_fields = 0;
    for (Value field; (field = rt_next(it)) != VAL_NULL;) {
        bool quoted = d->quoting == QUOTE_NONNUMERIC ? !rt_number_check(field) : d->quoting == QUOTE_ALL;
        Value text = rt_is_str(field) || field == rt_None ? field : rt_str(field);
        if (text == VAL_NULL || !join_append(w, text == rt_None ? VAL_NULL : text, quoted))
            return VAL_NULL;
    }
    if (rt_err_occurred())
        return VAL_NULL;
    if (w->num_fields > 0 && w->rec.len == 0) {
        /* a row of one empty field is written "" (an empty line is an empty row) */
        if (d->quoting == QUOTE_NONE)
            return rt_raisef(&csv_error, "single empty field record must be quoted");
        w->num_fields--;
        if (!join_append(w, VAL_NULL, true))
            return VAL_NULL;
    }
    sb_add(&w->rec, rt_str_cstr(d->lineterminator), rt_str_nbytes(d->lineterminator));
    return rt_call1(w->write, rt_str_new(w->rec.data, w->rec.len));
}

static Value writer_writerow(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("writer.writerow", nargs - 1, kw))
        return VAL_NULL;
    return writerow((ObjWriter *)args[0], args[1]);
}

static Value writer_writerows(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("writer.writerows", nargs - 1, kw))
        return VAL_NULL;
    Value it = rt_iter(args[1]);
    if (it == VAL_NULL)
        return VAL_NULL;
    for (Value row; (row = rt_next(it)) != VAL_NULL;)
        if (writerow((ObjWriter *)args[0], row) == VAL_NULL)
            return VAL_NULL;
    return rt_err_occurred() ? VAL_NULL : rt_None;
}

/* writer(fileobj, dialect='excel', **params) */
static Value csv_writer(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range(rt_py_minor >= 14 ? "writer" : "", rt_npos(nargs, kw), 1, 2))
        return VAL_NULL;
    ObjWriter *w = gc_alloc(sizeof *w);
    w->ob.type = &writer_type;
    sb_init(&w->rec);
    w->write = rt_getattr_cstr(args[0], "write");
    if (w->write == VAL_NULL && rt_err_matches(&rt_AttributeError))
        rt_err_clear();
    else if (w->write == VAL_NULL)
        return VAL_NULL;
    if (w->write == VAL_NULL || !rt_callable(w->write))
        return rt_raisef(&rt_TypeError, "argument 1 must have a \"write\" method");
    if ((w->dialect = call_dialect(args + 1, nargs - 1, kw)) == NULL)
        return VAL_NULL;
    return obj_val(w);
}

static const MemberDef reader_members[] = {
    {"dialect", offsetof(ObjReader, dialect), RT_MEMBER_VALUE, RT_READONLY, 0},
    {"line_num", offsetof(ObjReader, line_num), RT_MEMBER_VALUE, RT_READONLY, 0},
    {NULL, 0, 0, 0, 0}
};
static const MemberDef writer_members[] = {
    {"dialect", offsetof(ObjWriter, dialect), RT_MEMBER_VALUE, RT_READONLY, 0},
    {NULL, 0, 0, 0, 0}
};
static const MethodDef writer_methods[] = {
    {"writerow", writer_writerow},
    {"writerows", writer_writerows},
    {NULL, NULL}
};

static ObjType reader_type = {
    .ob.type = &rt_type_type, .name = "_csv.reader", .new_ = mod_no_new,
    .iter = rt_iter_self, .next = reader_next, .members = reader_members,
};
static ObjType writer_type = {
    .ob.type = &rt_type_type, .name = "_csv.writer", .new_ = mod_no_new,
    .members = writer_members,
};

/* ---- the registry and the module ---------------------------------------------------- */

/* register_dialect(name, dialect=None, **params) */
static Value csv_register_dialect(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_range(rt_py_minor >= 14 ? "register_dialect" : "", rt_npos(nargs, kw), 1, 2))
        return VAL_NULL;
    if (!rt_is_str(args[0]))
        return rt_raisef(&rt_TypeError, "dialect name must be a string");
    ObjDialect *d = call_dialect(args + 1, nargs - 1, kw);
    if (d == NULL || !rt_dict_set(registry, args[0], obj_val(d)))
        return VAL_NULL;
    return rt_None;
}

static Value one_name(const char *fname, Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "name" };
    ArgSpec spec = { fname, names, 1, 0, 1, 1, false };
    Value name;
    return rt_parse_args(&spec, args, nargs, kw, &name) ? name : VAL_NULL;
}

static Value csv_unregister_dialect(Value *args, size_t nargs, Value kw)
{
    Value name = one_name("unregister_dialect", args, nargs, kw);
    int r = name == VAL_NULL ? -1 : rt_dict_del(registry, name);
    if (r == 0)
        rt_raisef(&csv_error, "unknown dialect");
    return r > 0 ? rt_None : VAL_NULL;
}

static Value csv_get_dialect(Value *args, size_t nargs, Value kw)
{
    Value name = one_name("get_dialect", args, nargs, kw);
    return name == VAL_NULL ? VAL_NULL : registered(name);
}

static Value csv_list_dialects(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("list_dialects", nargs, kw))
        return VAL_NULL;
    Value names = rt_list_new(rt_dict_len(registry));
    Value k, v;
    for (size_t pos = 0; rt_dict_next(registry, &pos, &k, &v);)
        rt_list_append(names, k);
    return names;
}

/* field_size_limit(new_limit=<unchanged>): the limit before. */
static Value csv_field_size_limit(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "new_limit" };
    static const ArgSpec spec = { "field_size_limit", names, 1, 0, 0, 1, false };
    Value limit;
    if (!rt_parse_args(&spec, args, nargs, kw, &limit))
        return VAL_NULL;
    long old = field_limit;
    if (limit != VAL_NULL) {
        int64_t v;
        if (!is_int(limit))
            return rt_raisef(&rt_TypeError, "limit must be an integer");
        if (!rt_int_as_i64(limit, &v))
            return VAL_NULL;
        field_limit = (long)v;
    }
    return rt_int_from_i64(old);
}

static const MethodDef csv_functions[] = {
    {"reader", csv_reader},
    {"writer", csv_writer},
    {"register_dialect", csv_register_dialect},
    {"unregister_dialect", csv_unregister_dialect},
    {"get_dialect", csv_get_dialect},
    {"list_dialects", csv_list_dialects},
    {"field_size_limit", csv_field_size_limit},
    {NULL, NULL}
};

Value mod_csv_init(void)
{
    Value m = mod_module_new("_csv", csv_functions);
    if (csv_error.mro == VAL_NULL)
        rt_type_ready(&csv_error, NULL);
    registry = rt_dict_new();
    field_limit = 128 * 1024;
    mod_module_set(m, "__doc__", rt_str_from_cstr(
        "CSV parsing and writing.\n\n"
        "This module provides classes that assist in the reading and writing\n"
        "of Comma Separated Value (CSV) files, and implements the interface\n"
        "described by PEP 305.  Although many CSV files are simple to parse,\n"
        "the format is not formally defined by a stable specification and\n"
        "is subtle enough that parsing lines of a CSV file with something\n"
        "like line.split(\",\") is bound to fail.  The module supports three\n"
        "basic APIs: reading, writing, and registration of dialects.\n"));
    mod_module_set(m, "__version__", rt_str_from_cstr("1.0"));
    mod_module_set(m, "_dialects", registry);
    mod_module_set(m, "Error", obj_val(&csv_error));
    static const char *const quoting[] = {
        "QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
        "QUOTE_STRINGS", "QUOTE_NOTNULL",
    };
    /* 3.12's Lib/csv.py imports its two new modes; pvm's reader and
     * writer do not take them yet (a dialect using one is refused). */
    for (int i = 0; i < (rt_py_minor >= 12 ? 6 : 4); i++)
        mod_module_set(m, quoting[i], small_new(i));
    mod_add_type(m, "Dialect", &dialect_type, NULL);
    mod_add_type(m, "Reader", &reader_type, NULL);
    mod_add_type(m, "Writer", &writer_type, writer_methods);
    return m;
}
