/*
 * code.c — code objects: the unit of compiled Python that the VM runs.
 *
 * The loader fills in an ObjCode field by field, exactly as CPython 3.11
 * marshals it, then calls rt_code_init, which derives what the eval loop
 * wants at hand: the instructions as an array of 16-bit code units, and the
 * sizes of the "localsplus" area (locals, cells, free variables) a frame for
 * this code needs.
 *
 * The second half of the file decodes the location table, co_linetable,
 * which maps each instruction to its source span.  Tracebacks use it for
 * "line 7" and for the ~~~^^^ markers under the line.
 *
 * The location table (CPython's Objects/locations.md) is a sequence of
 * entries.  Each starts with one byte `1 cccc lll`: the entry covers
 * lll + 1 code units, and the 4-bit code says how the location is stored:
 *
 *   code 15      no location at all (line -1)
 *   code 14      "long form": line delta (signed varint), end-line delta,
 *                column + 1, end column + 1 (varints; 0 means unknown)
 *   code 13      line delta (signed varint) only, no columns
 *   codes 10-12  line delta = code - 10, then two bytes: column, end column
 *   codes 0-9    same line; one byte b: column = code*8 + (b >> 4),
 *                end column = column + (b & 15)        ("short form")
 *
 * Line numbers are deltas from the previous entry's line, starting from
 * co_firstlineno.  Varints are 6-bit groups, least significant first, with
 * bit 0x40 meaning "another group follows"; a signed varint stores
 * (|v| << 1) | sign.  The table comes from an untrusted file, so every read
 * is bounds-checked and a malformed table simply yields "no location".
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/code.h"

/* ---- Construction ---------------------------------------------------------- */

ObjCode *rt_code_alloc(void)
{
    ObjCode *code = gc_alloc(sizeof *code);
    code->ob.type = &rt_code_type;
    return code;
}

/* The eval loop reads the code bytes as uint16_t units in place, so the
 * bytes' data must be 2-byte aligned: ObjBytes's header is three words and
 * Boehm's objects are word-aligned, so data sits on an 8-byte boundary. */
_Static_assert(offsetof(ObjBytes, data) % sizeof(uint16_t) == 0,
               "ObjBytes data must be aligned for uint16_t code units");

/* Count the kinds of the localsplus slots.  A slot of kind 0x60 is an
 * argument or local that a nested function captures: it is bound like a
 * local and then wrapped in a cell, so it counts as both. */
static void count_slot_kinds(ObjCode *code)
{
    ObjBytes *kinds = AS_BYTES(code->localspluskinds);
    size_t n = rt_tuple_len(code->localsplusnames);
    if (kinds->length < n)          /* the loader checks this; never overrun */
        n = kinds->length;
    code->nlocalsplus = (int)n;
    code->nlocals = code->ncells = code->nfrees = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char k = kinds->data[i];
        code->nlocals += (k & CO_FAST_LOCAL) != 0;
        code->ncells += (k & CO_FAST_CELL) != 0;
        code->nfrees += (k & CO_FAST_FREE) != 0;
    }
}

void rt_code_init(ObjCode *code)
{
    ObjBytes *bytes = AS_BYTES(code->code);
    code->instrs = (const uint16_t *)bytes->data;
    code->ninstrs = bytes->length / 2;
    count_slot_kinds(code);
    code->framesize = (size_t)code->nlocalsplus + (size_t)code->stacksize;
}

/* ---- The location table ------------------------------------------------------ */

typedef struct LocReader {
    const unsigned char *p, *end;
} LocReader;

typedef struct LocEntry {
    int length;                 /* code units covered */
    int line, end_line, col, end_col;   /* -1: unknown */
} LocEntry;

static bool read_byte(LocReader *r, unsigned *out)
{
    if (r->p >= r->end)
        return false;
    *out = *r->p++;
    return true;
}

static bool read_varint(LocReader *r, unsigned *out)
{
    unsigned b, value = 0, shift = 0;
    do {
        if (shift > 24 || !read_byte(r, &b))    /* too long or truncated */
            return false;
        value |= (b & 63) << shift;
        shift += 6;
    } while (b & 64);
    *out = value;
    return true;
}

static bool read_signed_varint(LocReader *r, int *out)
{
    unsigned u;
    if (!read_varint(r, &u))
        return false;
    *out = (u & 1) ? -(int)(u >> 1) : (int)(u >> 1);
    return true;
}

/* Move *line by delta, refusing results outside int. */
static bool add_line(int *line, long delta)
{
    long l = (long)*line + delta;
    if (l < INT_MIN / 2 || l > INT_MAX / 2)
        return false;
    *line = (int)l;
    return true;
}

/* The long form (code 14): every field explicit. */
static bool read_long_form(LocReader *r, int *line, LocEntry *e)
{
    int dline;
    unsigned dend, col1, endcol1;
    if (!read_signed_varint(r, &dline) || !read_varint(r, &dend) ||
        !read_varint(r, &col1) || !read_varint(r, &endcol1) || !add_line(line, dline))
        return false;
    e->line = *line;
    e->end_line = *line;
    if (!add_line(&e->end_line, (long)dend))
        return false;
    e->col = (int)col1 - 1;
    e->end_col = (int)endcol1 - 1;
    return true;
}

/* Decode one entry, updating the running line number. */
static bool read_entry(LocReader *r, int *line, LocEntry *e)
{
    unsigned first, b1, b2;
    if (!read_byte(r, &first) || !(first & 0x80))
        return false;
    int code = (first >> 3) & 15;
    e->length = (int)(first & 7) + 1;
    e->col = e->end_col = -1;
    if (code == 15) {                           /* no location */
        e->line = e->end_line = -1;
        return true;
    }
    if (code == 14)
        return read_long_form(r, line, e);
    if (code == 13) {                           /* line only */
        int dline;
        if (!read_signed_varint(r, &dline) || !add_line(line, dline))
            return false;
    } else if (code >= 10) {                    /* one-line form */
        if (!read_byte(r, &b1) || !read_byte(r, &b2) || !add_line(line, code - 10))
            return false;
        e->col = (int)b1;
        e->end_col = (int)b2;
    } else {                                    /* short form */
        if (!read_byte(r, &b1))
            return false;
        e->col = code * 8 + (int)((b1 >> 4) & 7);
        e->end_col = e->col + (int)(b1 & 15);
    }
    e->line = e->end_line = *line;
    return true;
}

bool rt_code_position(const ObjCode *code, int lasti, int *line, int *end_line,
                      int *col, int *end_col)
{
    *line = *end_line = *col = *end_col = -1;
    if (lasti < 0 || code->linetable == VAL_NULL ||
        !IS_EXACT(code->linetable, rt_bytes_type))
        return false;
    ObjBytes *table = AS_BYTES(code->linetable);
    LocReader r = {table->data, table->data + table->length};
    int running_line = code->firstlineno;
    long addr = 0;
    LocEntry e;
    while (read_entry(&r, &running_line, &e)) {
        addr += e.length;
        if (lasti < addr) {
            *line = e.line;
            *end_line = e.end_line;
            *col = e.col;
            *end_col = e.end_col;
            return true;
        }
    }
    return false;
}

int rt_code_line(const ObjCode *code, int lasti)
{
    int line, end_line, col, end_col;
    if (!rt_code_position(code, lasti, &line, &end_line, &col, &end_col))
        return -1;
    return line;
}

/* ---- The code type --------------------------------------------------------- */

/* <code object f at 0x7f3a..., file "x.py", line 3> */
static Value code_repr(Value self)
{
    ObjCode *code = AS_CODE(self);
    return rt_str_format_c("<code object %S at %p, file \"%S\", line %d>",
                           code->name, (void *)code, code->filename, code->firstlineno);
}

/* The names of the localsplus slots whose kind has `bit` set, as a tuple:
 * co_varnames (locals), co_cellvars, co_freevars. */
static Value names_of_kind(ObjCode *code, unsigned bit)
{
    ObjBytes *kinds = AS_BYTES(code->localspluskinds);
    Value list = rt_list_new(0);
    for (int i = 0; i < code->nlocalsplus; i++)
        if ((kinds->data[i] & bit) && !rt_list_append(list, rt_tuple_get(code->localsplusnames, i)))
            return VAL_NULL;
    return rt_list_as_tuple(list);
}

/* The co_* attributes; anything else goes through the generic lookup. */
static Value code_getattr(Value self, Value name)
{
    ObjCode *c = AS_CODE(self);
    const char *s = rt_str_cstr(name);
    if (strncmp(s, "co_", 3) != 0)
        return rt_generic_getattr(self, name);
    s += 3;
    if (strcmp(s, "name") == 0) return c->name;
    if (strcmp(s, "qualname") == 0) return c->qualname;
    if (strcmp(s, "filename") == 0) return c->filename;
    if (strcmp(s, "firstlineno") == 0) return small_new(c->firstlineno);
    if (strcmp(s, "argcount") == 0) return small_new(c->argcount);
    if (strcmp(s, "posonlyargcount") == 0) return small_new(c->posonlyargcount);
    if (strcmp(s, "kwonlyargcount") == 0) return small_new(c->kwonlyargcount);
    if (strcmp(s, "stacksize") == 0) return small_new(c->stacksize);
    if (strcmp(s, "flags") == 0) return small_new(c->flags);
    if (strcmp(s, "nlocals") == 0) return small_new(c->nlocals);
    if (strcmp(s, "code") == 0) return c->code;
    if (strcmp(s, "consts") == 0) return c->consts;
    if (strcmp(s, "names") == 0) return c->names;
    if (strcmp(s, "linetable") == 0) return c->linetable;
    if (strcmp(s, "exceptiontable") == 0) return c->exceptiontable;
    if (strcmp(s, "varnames") == 0) return names_of_kind(c, CO_FAST_LOCAL);
    if (strcmp(s, "cellvars") == 0) return names_of_kind(c, CO_FAST_CELL);
    if (strcmp(s, "freevars") == 0) return names_of_kind(c, CO_FAST_FREE);
    return rt_generic_getattr(self, name);
}

ObjType rt_code_type = {
    .ob.type = &rt_type_type, .name = "code", .base = &rt_object_type,
    .repr = code_repr, .getattr = code_getattr,
};

void rt_code_type_init(void)
{
    rt_type_ready(&rt_code_type, NULL);
}
