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
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "runtime/version.h"
#include "vm/opcodes.h"
#include "vm/specialize.h"
#include "vm/translate.h"
#include "vm/verify.h"

int rt_py_minor = 11;

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
    /* The loop runs a private copy that specialization may rewrite
     * (vm/specialize.h).  Pointer-free memory: the only pointer a cache
     * holds (LOAD_METHOD's function) is used only while the type's version
     * tag guarantees the type's dict still holds it. */
    ObjBytes *bytes = AS_BYTES(code->code);
    size_t n = bytes->length / 2;
    uint16_t *units = gc_alloc_atomic(n * sizeof *units + 1);
    code->pyminor = (unsigned char)rt_py_minor;
    if (code->pyminor >= 12) {          /* 3.12's or 3.13's instructions into pvm's */
        bool have_kinds = code->localspluskinds != VAL_NULL &&
                          IS_EXACT(code->localspluskinds, rt_bytes_type);
        ObjBytes *kinds = have_kinds ? AS_BYTES(code->localspluskinds) : NULL;
        vm_translate(code->pyminor, (const uint16_t *)bytes->data, units, n,
                     kinds ? kinds->data : NULL, kinds ? kinds->length : 0);
    } else
        memcpy(units, bytes->data, n * sizeof *units);
    code->instrs = units;
    code->ninstrs = n;
    code->cache_objs = VAL_NULL;
    code->threaded = NULL;
    code->str_append_locals = 0;
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

/* Walking the table entry by entry: `line` is the running line number
 * (CPython's computed_line: an entry with no location leaves it as it
 * was), `start` the code unit where the next entry begins. */
typedef struct LocIter {
    LocReader r;
    int line;
    int start;
} LocIter;

static void loc_begin(LocIter *it, const ObjCode *code)
{
    it->r.p = it->r.end = NULL;
    if (code->linetable != VAL_NULL && IS_EXACT(code->linetable, rt_bytes_type)) {
        ObjBytes *table = AS_BYTES(code->linetable);
        it->r.p = table->data;
        it->r.end = table->data + table->length;
    }
    it->line = code->firstlineno;
    it->start = 0;
}

bool rt_code_debug_ranges = true;

/* The next entry, covering code units [*start, *start + e->length). */
static bool loc_next(LocIter *it, LocEntry *e, int *start)
{
    if (!read_entry(&it->r, &it->line, e))
        return false;
    if (!rt_code_debug_ranges) {        /* -X no_debug_ranges: the line only */
        e->end_line = e->line;
        e->col = e->end_col = -1;
    }
    *start = it->start;
    it->start += e->length;
    return true;
}

bool rt_code_position(const ObjCode *code, int lasti, int *line, int *end_line,
                      int *col, int *end_col)
{
    *line = *end_line = *col = *end_col = -1;
    if (lasti < 0)
        return false;
    LocIter it;
    LocEntry e;
    int start;
    loc_begin(&it, code);
    while (loc_next(&it, &e, &start)) {
        if (lasti < start + e.length) {
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

const int *rt_code_lines(ObjCode *code)
{
    if (code->lines != NULL)
        return code->lines;
    size_t n = code->ninstrs;
    int *lines = gc_alloc_atomic(sizeof(int) * (n > 0 ? n : 1));
    for (size_t i = 0; i < n; i++)
        lines[i] = -1;
    LocIter it;
    LocEntry e;
    int start;
    loc_begin(&it, code);
    while (loc_next(&it, &e, &start))
        for (int u = start; u < start + e.length && u >= 0 && (size_t)u < n; u++)
            lines[u] = e.line;
    code->lines = lines;
    return lines;
}

/* ---- Validation ------------------------------------------------------------------ */

/* The largest value stack a code object may ask for, and the co_flags
 * bits CPython 3.11 can write: CO_OPTIMIZED..CO_ASYNC_GENERATOR (0x1-0x200)
 * and the CO_FUTURE_* bits (0x20000-0x1000000); 3.14 adds CO_HAS_DOCSTRING
 * (0x4000000) and CO_METHOD (0x8000000). */
enum { MAX_STACKSIZE = 100000 };
#define KNOWN_CODE_FLAGS (0x01fe03ffu | (rt_py_minor >= 14 ? 0x0c000000u : 0))

static bool all_str(Value tuple)
{
    for (size_t i = 0; i < rt_tuple_len(tuple); i++)
        if (!is_str(rt_tuple_get(tuple, i)))
            return false;
    return true;
}

/* Every field has the type CPython's _PyCode_Validate demands. */
static const char *type_problem(const ObjCode *co)
{
    struct { bool ok; const char *what; } f[] = {
        {IS_EXACT(co->code, rt_bytes_type), "co_code is not bytes"},
        {is_tuple(co->consts), "co_consts is not a tuple"},
        {is_tuple(co->names) && all_str(co->names), "co_names is not a tuple of str"},
        {is_tuple(co->localsplusnames) && all_str(co->localsplusnames),
         "co_localsplusnames is not a tuple of str"},
        {IS_EXACT(co->localspluskinds, rt_bytes_type), "co_localspluskinds is not bytes"},
        {is_str(co->filename), "co_filename is not a str"},
        {is_str(co->name), "co_name is not a str"},
        {is_str(co->qualname), "co_qualname is not a str"},
        {IS_EXACT(co->linetable, rt_bytes_type), "co_linetable is not bytes"},
        {IS_EXACT(co->exceptiontable, rt_bytes_type), "co_exceptiontable is not bytes"},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (!f[i].ok)
            return f[i].what;
    return NULL;
}

/* Each localsplus slot has one of the kinds 3.11 emits (a plain local, a
 * cell, a free variable, or an argument that is also a cell); counts the
 * plain locals. */
static const char *kinds_problem(const ObjCode *co, char *buf, size_t size, int *nlocals)
{
    ObjBytes *kinds = AS_BYTES(co->localspluskinds);
    if (kinds->length != rt_tuple_len(co->localsplusnames)) {
        snprintf(buf, size, "%zu local names but %zu kinds",
                 rt_tuple_len(co->localsplusnames), kinds->length);
        return buf;
    }
    *nlocals = 0;
    for (size_t i = 0; i < kinds->length; i++) {
        unsigned k = kinds->data[i];
        if (rt_py_minor >= 12)          /* any slot may be an inlined comprehension's */
            k &= ~(unsigned)CO_FAST_HIDDEN;
        if (rt_py_minor >= 14 && (k & CO_FAST_LOCAL))  /* an argument's */
            k &= ~(unsigned)(CO_FAST_ARG_POS | CO_FAST_ARG_KW | CO_FAST_ARG_VAR);
        if (k != CO_FAST_LOCAL && k != CO_FAST_CELL && k != CO_FAST_FREE &&
            k != (CO_FAST_LOCAL | CO_FAST_CELL)) {
            snprintf(buf, size, "bad kind 0x%02x of local %zu", k, i);
            return buf;
        }
        if (k & CO_FAST_LOCAL)
            (*nlocals)++;
    }
    return NULL;
}

/* The argument counts fit the locals: arguments come first in localsplus,
 * and each of those slots is a local (possibly also a cell). */
static const char *counts_problem(const ObjCode *co, char *buf, size_t size, int nlocals)
{
    if (co->argcount < 0 || co->posonlyargcount < 0 || co->kwonlyargcount < 0)
        return "negative argument count";
    if (co->posonlyargcount > co->argcount) {
        snprintf(buf, size, "posonlyargcount %d > argcount %d", co->posonlyargcount,
                 co->argcount);
        return buf;
    }
    int64_t nargs = (int64_t)co->argcount + co->kwonlyargcount +
                    ((co->flags & CO_VARARGS) != 0) + ((co->flags & CO_VARKEYWORDS) != 0);
    if (nargs > nlocals) {
        snprintf(buf, size, "%lld arguments but only %d locals", (long long)nargs, nlocals);
        return buf;
    }
    const unsigned char *kinds = AS_BYTES(co->localspluskinds)->data;
    for (int64_t i = 0; i < nargs; i++)
        if (!(kinds[i] & CO_FAST_LOCAL)) {
            snprintf(buf, size, "argument %lld is not a local", (long long)i);
            return buf;
        }
    return NULL;
}

const char *rt_code_problem(const ObjCode *co, char *buf, size_t size)
{
    int nlocals = 0;
    const char *why = type_problem(co);
    if (why == NULL)
        why = kinds_problem(co, buf, size, &nlocals);
    if (why == NULL)
        why = counts_problem(co, buf, size, nlocals);
    if (why != NULL)
        return why;
    size_t ncode = AS_BYTES(co->code)->length;
    if (ncode == 0 || ncode % 2 != 0 || ncode > (size_t)INT32_MAX)
        snprintf(buf, size, "co_code has bad length %zu", ncode);
    else if (co->stacksize < 0 || co->stacksize > MAX_STACKSIZE)
        snprintf(buf, size, "stacksize %d out of range 0..%d", co->stacksize, MAX_STACKSIZE);
    else if ((uint32_t)co->flags & ~KNOWN_CODE_FLAGS)
        snprintf(buf, size, "unknown flags 0x%x",
                 (unsigned)((uint32_t)co->flags & ~KNOWN_CODE_FLAGS));
    else
        return NULL;
    return buf;
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
 * co_varnames (locals), co_cellvars, co_freevars.  A cell that is also an
 * argument is in both co_varnames and co_cellvars, as in CPython. */
static Value names_of_kind(ObjCode *code, unsigned bit)
{
    ObjBytes *kinds = AS_BYTES(code->localspluskinds);
    Value list = rt_list_new(0);
    for (int i = 0; i < code->nlocalsplus; i++)
        if ((kinds->data[i] & bit) && !rt_list_append(list, rt_tuple_get(code->localsplusnames, i)))
            return VAL_NULL;
    return rt_list_as_tuple(list);
}

static Value code_get_varnames(Value self) { return names_of_kind(AS_CODE(self), CO_FAST_LOCAL); }
static Value code_get_cellvars(Value self) { return names_of_kind(AS_CODE(self), CO_FAST_CELL); }
static Value code_get_freevars(Value self) { return names_of_kind(AS_CODE(self), CO_FAST_FREE); }
static Value code_get_code(Value self) { return AS_CODE(self)->code; }

/* _co_code_adaptive: the code units the loop runs, with the instructions
 * specialization rewrote (dis.dis(adaptive=True) shows them), their inline
 * caches as the loop keeps them.  pvm's own specialized forms read as
 * their base instruction (vm_cpython_adaptive_opcode), so that 3.11's dis
 * can decode every byte; 3.12 code runs translated, and shows co_code. */
/* 3.12 to 3.14 quicken a code object when it is made: the first cache
 * unit of each instruction is a counter, set to the "warm-up" value
 * (17: value 1, backoff 1); 3.13 starts JUMP_BACKWARD's at 260 (value 16,
 * backoff 4), 3.14 at 65532 (value 4095, backoff 12), and both give the
 * POP_JUMP_IF_*s' branch history alternating bits (0x5555).  pvm runs
 * translated instructions, so their _co_code_adaptive is co_code with
 * those counters. */
static Value quickened_code(ObjCode *co)
{
    size_t n = AS_BYTES(co->code)->length / 2;
    uint16_t *units = gc_alloc_atomic(n * sizeof *units + 1);
    memcpy(units, AS_BYTES(co->code)->data, n * sizeof *units);
    for (size_t i = 0; i < n; i++) {
        int op = units[i] & 0xff, caches = vm_version_caches(co->pyminor, op);
        if (caches == 0 || i + 1 >= n)
            continue;
        const char *name = co->pyminor >= 13 ? vm_version_opname(co->pyminor, op) : NULL;
        if (name != NULL && strcmp(name, "JUMP_BACKWARD") == 0)
            units[i + 1] = co->pyminor >= 14 ? 65532 : 260;
        else if (name != NULL && strncmp(name, "POP_JUMP_IF_", 12) == 0)
            units[i + 1] = 0x5555;
        else
            units[i + 1] = 17;
        i += (size_t)caches;
    }
    return rt_bytes_new((const unsigned char *)units, n * sizeof *units);
}

static Value code_get_code_adaptive(Value self)
{
    ObjCode *co = AS_CODE(self);
    if (co->pyminor >= 12)
        return quickened_code(co);
    if (co->pyminor != 11)
        return co->code;
    size_t n = co->ninstrs;
    uint16_t *units = gc_alloc_atomic(n * sizeof *units + 1);
    memcpy(units, co->instrs, n * sizeof *units);
    for (size_t i = 0; i < n; i++) {
        int op = vm_cpython_adaptive_opcode(units[i] & 0xff);
        units[i] = (uint16_t)((units[i] & 0xff00) | op);
        i += vm_opcode_info[vm_base_opcode(op)].caches;
    }
    return rt_bytes_new((const unsigned char *)units, n * sizeof *units);
}

/* co_lnotab, the line table of Python <= 3.9 that 3.11 still derives:
 * (code-offset delta, line delta) byte pairs, one per change of line,
 * deltas too big for a byte split over several pairs (CPython's
 * decode_linetable and emit_delta). */
static void lnotab_pair(StrBuf *sb, int bdelta, int ldelta)
{
    unsigned char pair[2] = { (unsigned char)bdelta, (unsigned char)(signed char)ldelta };
    sb_add(sb, (const char *)pair, 2);
}

static void lnotab_delta(StrBuf *sb, int bdelta, int ldelta)
{
    for (; bdelta > 255; bdelta -= 255)
        lnotab_pair(sb, 255, 0);
    for (; ldelta > 127; ldelta -= 127, bdelta = 0)
        lnotab_pair(sb, bdelta, 127);
    for (; ldelta < -128; ldelta += 128, bdelta = 0)
        lnotab_pair(sb, bdelta, -128);
    lnotab_pair(sb, bdelta, ldelta);
}

static Value code_get_lnotab(Value self)
{
    if (rt_py_minor >= 12 &&
        rt_warn(&rt_DeprecationWarning, "co_lnotab is deprecated, use co_lines instead.", 1) < 0)
        return VAL_NULL;
    ObjCode *code = AS_CODE(self);
    StrBuf sb;
    sb_init(&sb);
    int offset = 0, line = code->firstlineno, start;
    LocIter it;
    LocEntry e;
    loc_begin(&it, code);
    while (loc_next(&it, &e, &start)) {
        if (it.line != line) {
            lnotab_delta(&sb, 2 * start - offset, it.line - line);
            offset = 2 * start;
            line = it.line;
        }
    }
    return rt_bytes_new((const unsigned char *)sb.data, sb.len);
}

static Value line_or_none(int v)
{
    return v < 0 ? rt_None : small_new(v);
}

/* The iterators co_lines(), co_positions() and co_branches() return: the
 * entries are listed first, then handed out one by one.  Each is its own
 * type as in CPython, named as there: line_iterator, positions_iterator,
 * and line_iterator again for 3.14's co_branches (its _PyBranchesIterator
 * took that name too). */
typedef struct ObjLocIter {
    Object ob;
    Value items;                /* list */
    size_t next;
} ObjLocIter;

static Value lociter_next(Value self)
{
    ObjLocIter *it = VAL_AS(ObjLocIter, self);
    ObjList *l = AS_LIST(it->items);
    return it->next < l->length ? l->items[it->next++] : VAL_NULL;
}

static ObjType line_iter_type = {
    .ob.type = &rt_type_type, .name = "line_iterator", .iter = rt_iter_self,
    .next = lociter_next,
};

static ObjType positions_iter_type = {
    .ob.type = &rt_type_type, .name = "positions_iterator", .iter = rt_iter_self,
    .next = lociter_next,
};

static ObjType branch_iter_type = {
    .ob.type = &rt_type_type, .name = "line_iterator", .iter = rt_iter_self,
    .next = lociter_next,
};

static Value lociter_new(ObjType *type, Value items)
{
    ObjLocIter *it = gc_alloc(sizeof *it);
    it->ob.type = type;
    it->items = items;
    it->next = 0;
    return obj_val(it);
}

/* The location table as Python sees it: co_lines() gives (start, end,
 * line) per entry, offsets in bytes; co_positions() gives (line,
 * end_line, col, end_col) for every code unit, inline caches included;
 * None where a part is unknown. */
static Value locations(Value code, bool per_unit)
{
    Value list = rt_list_new(0);
    LocIter it;
    LocEntry e;
    int start;
    loc_begin(&it, AS_CODE(code));
    while (loc_next(&it, &e, &start)) {
        if (!per_unit) {
            ObjList *l = AS_LIST(list);
            Value last = l->length > 0 ? l->items[l->length - 1] : VAL_NULL;
            if (last != VAL_NULL && rt_py_minor >= 12 &&     /* 3.12 merges a line's entries */
                rt_eq(rt_tuple_get(last, 2), line_or_none(e.line)) > 0) {
                l->items[l->length - 1] = rt_tuple_pack(3, rt_tuple_get(last, 0),
                                                        small_new(2 * (start + e.length)),
                                                        rt_tuple_get(last, 2));
                continue;
            }
            rt_list_append(list, rt_tuple_pack(3, small_new(2 * start),
                                               small_new(2 * (start + e.length)),
                                               line_or_none(e.line)));
            continue;
        }
        Value pos = rt_tuple_pack(4, line_or_none(e.line), line_or_none(e.end_line),
                                  line_or_none(e.col), line_or_none(e.end_col));
        for (int i = 0; i < e.length; i++)
            rt_list_append(list, pos);
    }
    return lociter_new(per_unit ? &positions_iter_type : &line_iter_type, list);
}

static Value code_co_lines(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("co_lines", nargs - 1, kwnames))
        return VAL_NULL;
    return locations(args[0], false);
}

static Value code_co_positions(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("co_positions", nargs - 1, kwnames))
        return VAL_NULL;
    return locations(args[0], true);
}

/* co_branches() (3.14): (source, not taken, taken) in bytes for each branch
 * sys.monitoring reports, read from the code units as CPython's
 * branchesiter_next does: a conditional jump falls through past its
 * NOT_TAKEN; FOR_ITER's exit skips END_FOR and POP_ITER; an async for's
 * branch is its END_SEND (END_ASYNC_FOR's oparg counts back to it), taken
 * when the loop ends. */
static Value code_co_branches(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("code.co_branches", nargs - 1, kwnames))
        return VAL_NULL;
    Value code = AS_CODE(args[0])->code, list = rt_list_new(0);
    const unsigned char *units = AS_BYTES(code)->data;
    int n = (int)(AS_BYTES(code)->length / 2);
    uint32_t oparg = 0;
    for (int at = 0; at < n;) {
        int op = units[2 * at];
        oparg = oparg << 8 | units[2 * at + 1];
        int next = at + 1 + vm_version_caches(rt_py_minor, op);
        const char *name = vm_version_opname(rt_py_minor, op);
        int from = at, fallthrough = next, taken = -1;
        if (name == NULL) {
        } else if (strcmp(name, "FOR_ITER") == 0) {
            taken = next + (int)oparg + 2;
        } else if (strncmp(name, "POP_JUMP_IF_", 12) == 0) {
            fallthrough = next + 1;
            taken = next + (int)oparg;
        } else if (strcmp(name, "END_ASYNC_FOR") == 0) {
            from = next - (int)oparg;
            fallthrough = from + 2;
            taken = next;
        }
        if (taken >= 0)
            rt_list_append(list, rt_tuple_pack(3, small_new(2 * from), small_new(2 * fallthrough),
                                               small_new(2 * taken)));
        if (name == NULL || strcmp(name, "EXTENDED_ARG") != 0)
            oparg = 0;
        at = next;
    }
    return lociter_new(&branch_iter_type, list);
}

/* _varname_from_oparg(i): the name of localsplus slot i (dis uses it). */
static Value code_varname_from_oparg(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_one("_varname_from_oparg", nargs - 1, kwnames))
        return VAL_NULL;
    ssize_t i;
    if (!rt_as_ssize(args[1], &i))
        return VAL_NULL;
    ObjCode *code = AS_CODE(args[0]);
    if (i < 0 || (size_t)i >= rt_tuple_len(code->localsplusnames))
        return rt_raisef(&rt_IndexError, "tuple index out of range");
    return rt_tuple_get(code->localsplusnames, (size_t)i);
}

/* ---- Making code objects from Python: CodeType(...) and replace() --------------- */

/* The fields a code object is made of, as CodeType() and replace() take
 * them (CPython's _PyCodeConstructor, with co_varnames/co_cellvars/
 * co_freevars instead of the localsplus pair). */
#define CODE_INT_FIELDS(X) \
    X(argcount) X(posonlyargcount) X(kwonlyargcount) X(nlocals) X(stacksize) X(flags) \
    X(firstlineno)
typedef struct CodeParts {
#define INT_FIELD(f) int f;
    CODE_INT_FIELDS(INT_FIELD)
#undef INT_FIELD
    Value code, consts, names, varnames, freevars, cellvars, filename, name, qualname,
        linetable, exceptiontable;
} CodeParts;

static void parts_of(ObjCode *c, CodeParts *p)
{
    p->argcount = c->argcount, p->posonlyargcount = c->posonlyargcount;
    p->kwonlyargcount = c->kwonlyargcount, p->nlocals = c->nlocals;
    p->stacksize = c->stacksize, p->flags = c->flags, p->firstlineno = c->firstlineno;
    p->code = c->code, p->consts = c->consts, p->names = c->names;
    p->varnames = names_of_kind(c, CO_FAST_LOCAL);
    p->cellvars = names_of_kind(c, CO_FAST_CELL);
    p->freevars = names_of_kind(c, CO_FAST_FREE);
    p->filename = c->filename, p->name = c->name, p->qualname = c->qualname;
    p->linetable = c->linetable, p->exceptiontable = c->exceptiontable;
}

static bool tuple_has(Value t, Value s)
{
    for (size_t i = 0; i < rt_tuple_len(t); i++)
        if (rt_str_equal(rt_tuple_get(t, i), s))
            return true;
    return false;
}

/* localsplus as 3.11's compiler lays it out: the locals (an argument that
 * a nested function captures is LOCAL|CELL in place), the other cells,
 * then the free variables. */
static void build_localsplus(ObjCode *co, const CodeParts *p)
{
    size_t nv = rt_tuple_len(p->varnames), nc = rt_tuple_len(p->cellvars);
    size_t nf = rt_tuple_len(p->freevars), n = 0;
    Value names = rt_tuple_new(nv + nc + nf);
    unsigned char *kinds = gc_alloc_atomic(nv + nc + nf + 1);
    for (size_t i = 0; i < nv; i++) {
        Value v = rt_tuple_get(p->varnames, i);
        kinds[n] = CO_FAST_LOCAL | (tuple_has(p->cellvars, v) ? CO_FAST_CELL : 0);
        AS_TUPLE(names)->items[n++] = v;
    }
    for (size_t i = 0; i < nc; i++)
        if (!tuple_has(p->varnames, rt_tuple_get(p->cellvars, i))) {
            kinds[n] = CO_FAST_CELL;
            AS_TUPLE(names)->items[n++] = rt_tuple_get(p->cellvars, i);
        }
    for (size_t i = 0; i < nf; i++) {
        kinds[n] = CO_FAST_FREE;
        AS_TUPLE(names)->items[n++] = rt_tuple_get(p->freevars, i);
    }
    AS_TUPLE(names)->length = n;
    co->localsplusnames = names;
    co->localspluskinds = rt_bytes_new(kinds, n);
}

static bool is_str_tuple(Value v)
{
    return is_tuple(v) && all_str(v);
}

/* A code object from its parts, checked as CPython's PyCode_NewWithPosOnlyArgs
 * and _PyCode_Validate do (with their messages), then as the loader checks
 * every code object it reads, so nothing the VM could not run is made. */
static Value code_from_parts(const CodeParts *p)
{
    if (p->argcount < 0 || p->posonlyargcount < 0 || p->kwonlyargcount < 0 ||
        p->nlocals < 0 || p->stacksize < 0 || p->flags < 0)
        return rt_raisef(&rt_ValueError, "code: argument counts, stacksize and flags "
                         "must not be negative");
    if (!is_str_tuple(p->names) || !is_str_tuple(p->varnames) ||
        !is_str_tuple(p->freevars) || !is_str_tuple(p->cellvars))
        return rt_raisef(&rt_SystemError, "non-string found in code slot");
    if (!IS_EXACT(p->code, rt_bytes_type) || AS_BYTES(p->code)->length % 2 != 0 ||
        AS_BYTES(p->code)->length == 0)
        return rt_raisef(&rt_ValueError, "code: co_code is malformed");
    int64_t nargs = (int64_t)p->argcount + p->kwonlyargcount +
                    ((p->flags & CO_VARARGS) != 0) + ((p->flags & CO_VARKEYWORDS) != 0);
    if (nargs > (int64_t)rt_tuple_len(p->varnames))
        return rt_raisef(&rt_ValueError, "code: co_varnames is too small");
    if ((size_t)p->nlocals != rt_tuple_len(p->varnames))
        return rt_raisef(&rt_ValueError, "code: co_nlocals != len(co_varnames)");
    ObjCode *co = rt_code_alloc();
    co->argcount = p->argcount, co->posonlyargcount = p->posonlyargcount;
    co->kwonlyargcount = p->kwonlyargcount, co->stacksize = p->stacksize;
    co->flags = p->flags, co->firstlineno = p->firstlineno;
    co->code = p->code, co->consts = p->consts, co->names = p->names;
    co->filename = p->filename, co->name = p->name, co->qualname = p->qualname;
    co->linetable = p->linetable, co->exceptiontable = p->exceptiontable;
    build_localsplus(co, p);
    char buf[160];
    const char *why = rt_code_problem(co, buf, sizeof buf);
    if (why != NULL)
        return rt_raisef(&rt_ValueError, "code: %s", why);
    rt_code_init(co);
    /* Here, too, the bytecode verifier must accept co before anything can
     * run it, as the loader has it do for files: CPython would run the
     * code and may crash; pvm refuses it with the verifier's line. */
    char err[400];
    if (!vm_verify_code(co, err, sizeof err))
        return rt_raisef(&rt_ValueError, "code: %s", err);
    vm_plan_str_appends(co);
    vm_plan_join_sites(co);
    return obj_val(co);
}

/* One int argument of CodeType()/replace(), as a C int. */
static bool int_part(Value v, int *out)
{
    if (!rt_isinstance_of(v, &rt_int_type)) {
        rt_raisef(&rt_TypeError, "'%s' object cannot be interpreted as an integer",
                  val_type(v)->name);
        return false;
    }
    return rt_int_as_int(v, out);
}

/* code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
 *      codestring, constants, names, varnames, filename, name, qualname,
 *      firstlineno, linetable, exceptiontable, freevars=(), cellvars=(), /) */
static Value code_new(ObjType *type, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_nokw("code", kwnames) || !rt_arg_range("code", nargs, 16, 18))
        return VAL_NULL;
    CodeParts p;
    int *ints[] = { &p.argcount, &p.posonlyargcount, &p.kwonlyargcount, &p.nlocals,
                    &p.stacksize, &p.flags };
    static const char *const int_names[] = { "argcount", "posonlyargcount",
                                             "kwonlyargcount", "nlocals" };
    for (int i = 0; i < 6; i++) {
        if (!int_part(args[i], ints[i]))
            return VAL_NULL;
        if (i < 4 && *ints[i] < 0)
            return rt_raisef(&rt_ValueError, "code: %s must not be negative", int_names[i]);
    }
    p.code = args[6], p.consts = args[7], p.names = args[8], p.varnames = args[9];
    p.filename = args[10], p.name = args[11], p.qualname = args[12];
    if (!int_part(args[13], &p.firstlineno))
        return VAL_NULL;
    p.linetable = args[14], p.exceptiontable = args[15];
    p.freevars = nargs > 16 ? args[16] : rt_empty_tuple;
    p.cellvars = nargs > 17 ? args[17] : rt_empty_tuple;
    struct { Value v; ObjType *t; const char *what; } want[] = {
        {p.code, &rt_bytes_type, "argument 7 must be bytes"},
        {p.consts, &rt_tuple_type, "argument 8 must be tuple"},
        {p.names, &rt_tuple_type, "argument 9 must be tuple"},
        {p.varnames, &rt_tuple_type, "argument 10 must be tuple"},
        {p.filename, &rt_str_type, "argument 11 must be str"},
        {p.name, &rt_str_type, "argument 12 must be str"},
        {p.qualname, &rt_str_type, "argument 13 must be str"},
        {p.linetable, &rt_bytes_type, "argument 15 must be bytes"},
        {p.exceptiontable, &rt_bytes_type, "argument 16 must be bytes"},
        {p.freevars, &rt_tuple_type, "argument 17 must be tuple"},
        {p.cellvars, &rt_tuple_type, "argument 18 must be tuple"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!IS_EXACT(want[i].v, *want[i].t))
            return rt_raisef(&rt_TypeError, "code() %s, not %T", want[i].what, want[i].v);
    return code_from_parts(&p);
}

/* code.replace(*, co_argcount=..., ...): a copy with the named fields
 * changed (the object itself when the copy would be identical is not
 * CPython's behaviour: it always makes a new one). */
static Value code_replace(Value *args, size_t nargs, Value kwnames)
{
    static const char *const int_names[] = {
#define INT_NAME(f) "co_" #f,
        CODE_INT_FIELDS(INT_NAME)
#undef INT_NAME
    };
    static const char *const obj_names[] = {
        "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars",
        "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable",
    };
    size_t nkw = rt_nkwargs(kwnames);
    if (nargs - nkw > 1)
        return rt_raisef(&rt_TypeError, "replace() takes no positional arguments");
    CodeParts p;
    parts_of(AS_CODE(args[0]), &p);
    int *ints[] = {
#define INT_PTR(f) &p.f,
        CODE_INT_FIELDS(INT_PTR)
#undef INT_PTR
    };
    Value *objs[] = { &p.code, &p.consts, &p.names, &p.varnames, &p.freevars, &p.cellvars,
                      &p.filename, &p.name, &p.qualname, &p.linetable, &p.exceptiontable };
    ObjType *obj_types[] = { &rt_bytes_type, &rt_tuple_type, &rt_tuple_type, &rt_tuple_type,
                             &rt_tuple_type, &rt_tuple_type, &rt_str_type, &rt_str_type,
                             &rt_str_type, &rt_bytes_type, &rt_bytes_type };
    for (size_t k = 0; k < nkw; k++) {
        const char *kw = rt_str_cstr(rt_tuple_get(kwnames, k));
        Value v = args[nargs - nkw + k];
        bool known = false;
        for (size_t i = 0; i < sizeof int_names / sizeof int_names[0] && !known; i++)
            if (strcmp(kw, int_names[i]) == 0) {
                known = true;
                if (!int_part(v, ints[i]))
                    return VAL_NULL;
                if (*ints[i] < 0)
                    return rt_raisef(&rt_ValueError, "%s must be a positive integer", kw);
            }
        for (size_t i = 0; i < sizeof obj_names / sizeof obj_names[0] && !known; i++)
            if (strcmp(kw, obj_names[i]) == 0) {
                known = true;
                if (!IS_EXACT(v, *obj_types[i]))
                    return rt_raisef(&rt_TypeError, "replace() argument '%s' must be %s, not %T",
                                     kw, obj_types[i]->name, v);
                *objs[i] = v;
            }
        if (!known)
            return rt_invalid_keyword("replace", rt_str_from_cstr(kw));
    }
    return code_from_parts(&p);
}

/* ---- Equality and hash ------------------------------------------------------------- */

static bool const_equal(Value a, Value b);

static bool consts_equal(Value a, Value b)
{
    if (rt_tuple_len(a) != rt_tuple_len(b))
        return false;
    for (size_t i = 0; i < rt_tuple_len(a); i++)
        if (!const_equal(rt_tuple_get(a, i), rt_tuple_get(b, i)))
            return false;
    return true;
}

/* Two constants are the same constant when they have the same type and
 * value, and 0.0 is not -0.0 (CPython's _PyCode_ConstantKey), so that
 * `lambda: 0.0` and `lambda: -0.0` are different code. */
static bool const_equal(Value a, Value b)
{
    if (a == b)
        return true;
    if (val_type(a) != val_type(b))
        return false;
    if (is_float(a)) {
        double x = rt_float_value(a), y = rt_float_value(b);
        return x == y && signbit(x) == signbit(y);
    }
    if (IS_EXACT(a, rt_complex_type)) {
        ObjComplex *x = VAL_AS(ObjComplex, a), *y = VAL_AS(ObjComplex, b);
        return x->real == y->real && x->imag == y->imag &&
               signbit(x->real) == signbit(y->real) && signbit(x->imag) == signbit(y->imag);
    }
    if (is_tuple(a))
        return consts_equal(a, b);
    int eq = rt_eq(a, b);
    if (eq < 0)
        rt_err_clear();
    return eq > 0;
}

static bool code_equal(ObjCode *a, ObjCode *b)
{
    return a->argcount == b->argcount && a->posonlyargcount == b->posonlyargcount &&
           a->kwonlyargcount == b->kwonlyargcount && a->flags == b->flags &&
           a->firstlineno == b->firstlineno && rt_str_equal(a->name, b->name) &&
           rt_eq(a->code, b->code) > 0 && consts_equal(a->consts, b->consts) &&
           rt_eq(a->names, b->names) > 0 && rt_eq(a->localsplusnames, b->localsplusnames) > 0 &&
           rt_eq(a->linetable, b->linetable) > 0 &&
           rt_eq(a->exceptiontable, b->exceptiontable) > 0;
}

static Value code_richcompare(Value a, Value b, int op)
{
    if ((op != CMP_EQ && op != CMP_NE) || !is_code(a) || !is_code(b))
        return rt_NotImplemented;
    bool eq = a == b || code_equal(AS_CODE(a), AS_CODE(b));
    return rt_bool(op == CMP_EQ ? eq : !eq);
}

/* CPython's code_hash: the hashes of the named parts and the counts. */
static intptr_t code_hash(Value self)
{
    ObjCode *c = AS_CODE(self);
    Value parts[] = { c->name, c->consts, c->names, c->localsplusnames, c->linetable,
                      c->exceptiontable };
    intptr_t h = c->argcount ^ c->posonlyargcount ^ c->kwonlyargcount ^ c->flags;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        intptr_t p = rt_hash(parts[i]);
        if (p == -1)
            return -1;
        h ^= p;
    }
    return h == -1 ? -2 : h;
}

/* ---- The type ------------------------------------------------------------------------ */

static const MemberDef code_members[] = {
#define INT_MEMBER(f) {"co_" #f, offsetof(ObjCode, f), RT_MEMBER_INT, RT_READONLY},
    CODE_INT_FIELDS(INT_MEMBER)
#undef INT_MEMBER
    {"co_consts", offsetof(ObjCode, consts), RT_MEMBER_VALUE, RT_READONLY},
    {"co_names", offsetof(ObjCode, names), RT_MEMBER_VALUE, RT_READONLY},
    {"co_filename", offsetof(ObjCode, filename), RT_MEMBER_VALUE, RT_READONLY},
    {"co_name", offsetof(ObjCode, name), RT_MEMBER_VALUE, RT_READONLY},
    {"co_qualname", offsetof(ObjCode, qualname), RT_MEMBER_VALUE, RT_READONLY},
    {"co_linetable", offsetof(ObjCode, linetable), RT_MEMBER_VALUE, RT_READONLY},
    {"co_exceptiontable", offsetof(ObjCode, exceptiontable), RT_MEMBER_VALUE, RT_READONLY},
    {NULL},
};

static const GetSetDef code_getsets[] = {
    {"co_code", code_get_code}, {"co_varnames", code_get_varnames},
    {"co_cellvars", code_get_cellvars}, {"co_freevars", code_get_freevars},
    {"co_lnotab", code_get_lnotab}, {"_co_code_adaptive", code_get_code_adaptive},
    {NULL},
};

static const MethodDef code_methods[] = {
    {"co_lines", code_co_lines}, {"co_positions", code_co_positions},
    {"replace", code_replace}, {"_varname_from_oparg", code_varname_from_oparg},
    {NULL, NULL},
};

static const MethodDef code_methods_314[] = {{"co_branches", code_co_branches}, {NULL, NULL}};

ObjType rt_code_type = {
    .ob.type = &rt_type_type, .name = "code", .base = &rt_object_type,
    .repr = code_repr, .richcompare = code_richcompare, .hash = code_hash,
    .new_ = code_new, .members = code_members, .getsets = code_getsets,
};

void rt_code_type_init(void)
{
    rt_type_ready(&rt_code_type, code_methods);
    rt_type_ready(&line_iter_type, NULL);
    rt_type_ready(&positions_iter_type, NULL);
    rt_type_ready(&branch_iter_type, NULL);
    if (rt_py_minor >= 14)
        rt_type_add_methods(&rt_code_type, code_methods_314);
}
