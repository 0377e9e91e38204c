/*
 * info.c — `pvm info FILE.pyc`: what is in a .pyc, explained.
 *
 * First the 16-byte header (PEP 552):
 *
 *   bytes 0-3    magic number: a 16-bit little-endian number naming the
 *                bytecode version (3495 for 3.11), then "\r\n"
 *   bytes 4-7    flags: 0 = timestamp-based; bit 0 = hash-based, and then
 *                bit 1 = "check the hash against the source when importing"
 *   bytes 8-15   timestamp-based: the source's mtime and size (two 32-bit
 *                little-endian numbers); hash-based: an 8-byte hash of the
 *                source (SipHash, importlib.util.source_hash)
 *
 * Then every code object, in the order `pvm dis` lists them, each in the
 * layout of python3.11's dis.code_info() — so tests can compare — with two
 * lines added: the qualified name and the first source line.
 */
#include <inttypes.h>
#include <time.h>
#include "runtime/runtime.h"
#include "tools/tools.h"

/* ---- the header ---------------------------------------------------------------- */

static const char *flags_meaning(uint32_t flags)
{
    if (!(flags & 1))
        return "timestamp-based";
    return (flags & 2) ? "hash-based, checked" : "hash-based, unchecked";
}

/* The source's mtime, readable in UTC (the .pyc stores seconds since the
 * epoch, truncated to 32 bits), with the raw number for comparison. */
static void print_mtime(FILE *out, uint32_t mtime)
{
    time_t t = (time_t)mtime;
    struct tm tm;
    char date[64];
    if (gmtime_r(&t, &tm) && strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S UTC", &tm))
        fprintf(out, "Source mtime:      %s (%" PRIu32 ")\n", date, mtime);
    else
        fprintf(out, "Source mtime:      %" PRIu32 "\n", mtime);
}

/* The hash as the 8 bytes appear in the file (bytes.hex() of them). */
static void print_hash(FILE *out, uint64_t hash)
{
    fputs("Source hash:       ", out);
    for (int i = 0; i < 8; i++)
        fprintf(out, "%02x", (unsigned)((hash >> (8 * i)) & 0xff));
    fputc('\n', out);
}

/* The header's fields, each with its meaning.  The loader has already
 * checked the magic number, so "?" is for files of other versions only. */
void tool_info_header(FILE *out, const char *path, const PycHeader *h)
{
    const char *version = ld_magic_version(h->magic);
    fprintf(out, "File:              %s\n", path);
    fprintf(out, "Magic number:      %u (Python %s)\n", h->magic, version ? version : "?");
    fprintf(out, "Flags:             %" PRIu32 " (%s)\n", h->flags, flags_meaning(h->flags));
    if (h->flags & 1) {
        print_hash(out, h->source_hash);
    } else {
        print_mtime(out, h->mtime);
        fprintf(out, "Source size:       %" PRIu32 " bytes\n", h->source_size);
    }
}

/* ---- one code object ------------------------------------------------------------- */

/* What the co_flags bits mean (CPython's Include/cpython/code.h):
 *   OPTIMIZED     locals live in localsplus slots, not a dict (functions)
 *   NEWLOCALS     a call gets a fresh locals namespace
 *   VARARGS       the code takes *args; VARKEYWORDS: **kwargs
 *   NESTED        defined inside another function (may have free variables)
 *   GENERATOR     calling it makes a generator (starts with RETURN_GENERATOR)
 *   NOFREE        no free or cell variables at all
 *   COROUTINE     an `async def`; ITERABLE_COROUTINE: a generator marked by
 *                 types.coroutine, usable with await
 *   ASYNC_GENERATOR  an `async def` containing `yield`
 * Bits above 9 are __future__ flags (e.g. 0x1000000 for annotations) and
 * are shown in hex, as dis does. */
/* The co_flags bits dis.py names (COMPILER_FLAG_NAMES), by bit number. */
static const char *const flag_names[] = {
    "OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED",
    "GENERATOR", "NOFREE", "COROUTINE", "ITERABLE_COROUTINE", "ASYNC_GENERATOR",
};

/* 3.14's dis also names CO_HAS_DOCSTRING and CO_METHOD (bits 26, 27). */
static const char *const flag_names_314[] = { "HAS_DOCSTRING", "METHOD" };

/* dis.pretty_flags: the names of the set bits, lowest first, unnamed bits
 * in hex; "0x0" when no bit is set. */
static void print_flags(FILE *out, int flags, int minor)
{
    unsigned rest = (unsigned)flags;
    fputs("Flags:             ", out);
    if (rest == 0)
        fputs("0x0", out);
    for (int bit = 0; bit < 32 && rest; bit++) {
        unsigned flag = 1u << bit;
        if (!(rest & flag))
            continue;
        rest &= ~flag;
        if (bit < 10)
            fputs(flag_names[bit], out);
        else if (minor >= 14 && (bit == 26 || bit == 27))
            fputs(flag_names_314[bit - 26], out);
        else
            fprintf(out, "%#x", flag);
        if (rest)
            fputs(", ", out);
    }
    fputc('\n', out);
}

/* repr(v) or str(v) as UTF-8 text. */
static void print_value(FILE *out, Value v, bool repr)
{
    StrBuf sb;
    sb_init(&sb);
    bool ok = repr ? sb_add_value_repr(&sb, v) : sb_add_value_str(&sb, v);
    if (!ok)
        rt_err_clear();
    fwrite(sb.data, 1, sb.len, out);
}

/* "Constants:" / "Names:" and a numbered line per item, if there are any. */
static void print_tuple(FILE *out, const char *title, Value items, bool repr)
{
    size_t n = rt_tuple_len(items);
    if (n == 0)
        return;
    fprintf(out, "%s:\n", title);
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%4zu: ", i);
        print_value(out, rt_tuple_get(items, i), repr);
        fputc('\n', out);
    }
}

/* The localsplus names whose kind has `bit` set: co_varnames (locals),
 * co_cellvars, co_freevars.  A captured argument (kind 0x60) is in two. */
static void print_slots(FILE *out, const char *title, const ObjCode *code, unsigned bit)
{
    const ObjBytes *kinds = AS_BYTES(code->localspluskinds);
    size_t k = 0;
    for (int i = 0; i < code->nlocalsplus; i++) {
        if (!(kinds->data[i] & bit))
            continue;
        if (k == 0)
            fprintf(out, "%s:\n", title);
        fprintf(out, "%4zu: ", k++);
        print_value(out, rt_tuple_get(code->localsplusnames, (size_t)i), false);
        fputc('\n', out);
    }
}

/* One code object, in dis.code_info()'s order.  In 3.11 the locals,
 * cells and free variables share one array, localsplus, whose kinds byte
 * says which each slot is; the three classic lists are derived from it. */
static void print_code_info(FILE *out, const ObjCode *c)
{
    fprintf(out, "Name:              %s\n", rt_str_cstr(c->name));
    fprintf(out, "Qualified name:    %s\n", rt_str_cstr(c->qualname));
    fprintf(out, "Filename:          %s\n", rt_str_cstr(c->filename));
    fprintf(out, "First line:        %d\n", c->firstlineno);
    fprintf(out, "Argument count:    %d\n", c->argcount);
    fprintf(out, "Positional-only arguments: %d\n", c->posonlyargcount);
    fprintf(out, "Kw-only arguments: %d\n", c->kwonlyargcount);
    fprintf(out, "Number of locals:  %d\n", c->nlocals);
    fprintf(out, "Stack size:        %d\n", c->stacksize);
    print_flags(out, c->flags, c->pyminor);
    print_tuple(out, "Constants", c->consts, true);
    print_tuple(out, "Names", c->names, false);
    print_slots(out, "Variable names", c, CO_FAST_LOCAL);
    print_slots(out, "Free variables", c, CO_FAST_FREE);
    print_slots(out, "Cell variables", c, CO_FAST_CELL);
}

/* A code object and, depth first, the code objects among its constants
 * (functions, classes, comprehensions, lambdas): the order of `pvm dis`. */
void tool_info_code_recursive(FILE *out, const ObjCode *code)
{
    print_code_info(out, code);
    size_t n = rt_tuple_len(code->consts);
    for (size_t i = 0; i < n; i++) {
        Value c = rt_tuple_get(code->consts, i);
        if (IS_EXACT(c, rt_code_type)) {
            fputc('\n', out);
            tool_info_code_recursive(out, AS_CODE(c));
        }
    }
}
