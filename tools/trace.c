/*
 * trace.c — the instruction tracer (`pvm trace`): the disassembler, run
 * live.  As in clox's debug.c, the tracer owns no knowledge of opcodes:
 * the instruction text is tool_dis_format_instr's, driven by the opcode
 * table, so a trace line and a `pvm dis` line for the same instruction
 * read the same.
 *
 * One line per executed instruction:
 *
 *   function         line  off opname               arg (meaning)      | stack after (bottom -> top)
 *   factorial           8   50 LOAD_FAST                2 (k)          | [1, 1]
 *   factorial           8   52 BINARY_OP               18 (*=)         | [1]
 *
 * The loop calls the hook *before* each instruction (vm.h), so what an
 * instruction did is only visible at the next call.  The tracer keeps the
 * last instruction "pending" and prints it when the hook runs again:
 *
 *   - same frame, at the instruction that follows or at its jump target:
 *     the instruction finished normally; its line shows the stack now;
 *   - same frame, anywhere else: it raised, and a handler of this frame
 *     (the exception table) caught it: "(raises T; handler at N)";
 *   - a frame whose caller is the pending frame: the instruction called
 *     (or resumed) Python code: "(calls f)";
 *   - any other frame: it raised and the exception left its frame.
 *
 * Instructions that leave their frame themselves (RETURN_VALUE,
 * YIELD_VALUE, RETURN_GENERATOR) are printed at once, with what they hand
 * back: after them the frame may be gone, and its memory reused by the
 * next call.  For the same reason the pending record never dereferences
 * its frame; it compares the pointer only.
 *
 * Values are shown by tool_trace_value: reprs computed in C only, so that
 * tracing never runs Python code (a __repr__ of the program could print,
 * raise, or change the state being traced) and never shows an address.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/runtime.h"
#include "vm/opcodes.h"
#include "tools/trace.h"
#include "vm/vm.h"

#define DEFAULT_WIDTH 60
#define FUNCTION_WIDTH 18
#define INSTR_WIDTH 48          /* dis's "offset opname arg (meaning)" column */
#define ITEM_WIDTH 30           /* one stack entry at most */

/* ---- decoding, once per code object ------------------------------------------ */

/* Why decode ahead of time: the hook sees only a pointer into the code
 * units, and an instruction's meaning depends on the EXTENDED_ARG prefixes
 * before it and on the location table for its line.  Both are cheap to
 * compute for a whole code object at once and expensive to recompute per
 * step, so each code object is decoded the first time the tracer meets it
 * and the result is kept for the rest of the run (code objects live as
 * long as the functions made from them, so the table never goes stale).
 */
/* A code object's instructions indexed by code unit, as dis decodes them
 * (EXTENDED_ARG folded into the instruction after it), and the line of
 * each.  Units inside an instruction's caches have opcode -1. */
typedef struct CodeInfo {
    const ObjCode *code;
    VmInstr *instrs;
    int *lines;
    bool *handler;              /* an exception handler starts at this unit */
} CodeInfo;

/* Keyed by the code object's address: code objects are immutable, and
 * the GC does not move objects, so the pointer is a stable identity.  The
 * table is linear probing kept at most half full, the simplest hash table
 * that stays fast. */
/* An open-addressing table from code objects to their CodeInfo. */
static CodeInfo *infos;
static size_t ninfos, infos_cap;

/* Fibonacci hashing: object addresses are aligned, so drop the low bits,
 * then multiply by 2^64/phi to spread neighbouring addresses apart. */
static size_t hash_code(const ObjCode *code)
{
    return ((uintptr_t)code >> 4) * 0x9E3779B97F4A7C15ull;
}

static CodeInfo *info_slot(CodeInfo *table, size_t cap, const ObjCode *code)
{
    size_t i = hash_code(code) & (cap - 1);
    while (table[i].code != NULL && table[i].code != code)
        i = (i + 1) & (cap - 1);
    return &table[i];
}

/* Double the table and re-insert every entry: positions depend on the
 * capacity, so entries cannot simply be copied across. */
static void grow_infos(void)
{
    size_t cap = infos_cap ? 2 * infos_cap : 64;
    CodeInfo *table = gc_alloc(cap * sizeof *table);
    for (size_t i = 0; i < infos_cap; i++)
        if (infos[i].code != NULL)
            *info_slot(table, cap, infos[i].code) = infos[i];
    infos = table;
    infos_cap = cap;
}

/* Fill in a CodeInfo: every unit starts as "not an instruction" (-1, for
 * caches and EXTENDED_ARG), then the disassembler's decoder, the same one
 * `pvm dis` uses, marks the real instructions; the line of every unit
 * comes from the location table (rt_code_line); the exception table says
 * where handlers start, which describe_outcome needs to tell a jump from
 * a caught exception. */
static void decode_code(CodeInfo *info, const ObjCode *code)
{
    info->code = code;
    info->instrs = gc_alloc_atomic((code->ninstrs + 1) * sizeof *info->instrs);
    info->lines = gc_alloc_atomic((code->ninstrs + 1) * sizeof *info->lines);
    for (size_t u = 0; u < code->ninstrs; u++) {
        info->instrs[u].opcode = -1;
        info->lines[u] = rt_code_line(code, (int)u);
    }
    VmDecoder d = { code, 0, 0 };
    VmInstr in;
    while (vm_decode_next(&d, &in))
        info->instrs[in.offset / 2] = in;
    info->handler = gc_alloc_atomic(code->ninstrs + 1);
    memset(info->handler, 0, code->ninstrs + 1);
    VmExcTable table;
    VmExcEntry e;
    vm_exc_table_start(&table, code);
    while (vm_exc_table_next(&table, &e))
        if ((size_t)e.target < code->ninstrs)
            info->handler[e.target] = true;
}

/* The CodeInfo of `code`, decoding it on first use. */
static CodeInfo *code_info(const ObjCode *code)
{
    if (2 * (ninfos + 1) > infos_cap)
        grow_infos();
    CodeInfo *slot = info_slot(infos, infos_cap, code);
    if (slot->code == NULL) {
        decode_code(slot, code);
        ninfos++;
    }
    return slot;
}

/* The instruction starting at `instr`, as dis shows it, and its line;
 * false for a cache unit or anything else that is not an instruction
 * start, such as a cache unit. */
bool tool_trace_decode(const ObjCode *code, const uint16_t *instr, VmInstr *out, int *line)
{
    CodeInfo *info = code_info(code);
    ptrdiff_t unit = instr - code->instrs;
    if (unit < 0 || (size_t)unit >= code->ninstrs || info->instrs[unit].opcode < 0)
        return false;
    *out = info->instrs[unit];
    /* dis shows EXTENDED_ARG's own line; the loop may also report the
     * instruction it widens: give that the full oparg too (decoded above). */
    *line = info->lines[unit];
    return true;
}

/* Does an exception handler start at `instr`?  The loop reaches such a
 * unit only by unwinding to it, so landing there means "an exception was
 * caught", never "control flowed here". */
bool tool_trace_is_handler(const ObjCode *code, const uint16_t *instr)
{
    ptrdiff_t unit = instr - code->instrs;
    return unit >= 0 && (size_t)unit < code->ninstrs && code_info(code)->handler[unit];
}

/* ---- values as text ---------------------------------------------------------------- */

/* Every value is shown in a bounded width: a trace is read line by line,
 * and one long list must not push the rest of the stack off the screen.
 * Containers are rendered item by item and stop as soon as they pass the
 * width, so even a million-element list costs a few dozen items of work. */

/* Cut sb back to start + width bytes, ending in "...", without splitting a
 * UTF-8 sequence. */
static void cut(StrBuf *sb, size_t start, int width)
{
    if (width < 4 || sb->len - start <= (size_t)width)
        return;
    size_t end = start + (size_t)width - 3;
    while (end > start && ((unsigned char)sb->data[end] & 0xC0) == 0x80)
        end--;
    sb->len = end;
    sb_adds(sb, "...");
}

static void add_value(StrBuf *sb, Value v, int width);

/* The items of a tuple, list or set between open and close, stopping once
 * the text passed `width`. */
static void add_items(StrBuf *sb, const Value *items, size_t n, const char *open,
                      const char *close, int width)
{
    size_t start = sb->len;
    sb_adds(sb, open);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sb_adds(sb, ", ");
        if (sb->len - start > (size_t)width) {
            sb_adds(sb, "...");
            break;
        }
        add_value(sb, items[i], width);
    }
    sb_adds(sb, close);
}

/* A dict's items in insertion order, "k: v", cut off like add_items. */
static void add_dict(StrBuf *sb, Value d, int width)
{
    size_t start = sb->len, pos = 0;
    Value k, v;
    bool first = true;
    sb_addc(sb, '{');
    while (rt_dict_next(d, &pos, &k, &v)) {
        if (!first)
            sb_adds(sb, ", ");
        first = false;
        if (sb->len - start > (size_t)width) {
            sb_adds(sb, "...");
            break;
        }
        add_value(sb, k, width);
        sb_adds(sb, ": ");
        add_value(sb, v, width);
    }
    sb_addc(sb, '}');
}

/* A set's items, gathered by iterating it (set iteration is C code). */
static void add_set(StrBuf *sb, Value s, int width)
{
    bool frozen = IS_EXACT(s, rt_frozenset_type);
    Value it = rt_iter(s), item;
    if (it == VAL_NULL) {
        rt_err_clear();
        sb_adds(sb, "<set>");
        return;
    }
    size_t n = 0, cap = 8;
    Value *items = gc_alloc(cap * sizeof *items);
    while ((item = rt_next(it)) != VAL_NULL && n < 64) {
        if (n == cap)
            items = memcpy(gc_alloc(2 * cap * sizeof *items), items, cap * sizeof *items), cap *= 2;
        items[n++] = item;
    }
    rt_err_clear();
    if (n == 0) {
        sb_adds(sb, frozen ? "frozenset()" : "set()");
        return;
    }
    add_items(sb, items, n, frozen ? "frozenset({" : "{", frozen ? "})" : "}", width);
}

/* The repr of a value whose type's repr is plain C code. */
static bool is_plain_repr(Value v)
{
    if (is_int(v) || is_bool(v) || v == rt_None || v == rt_Ellipsis || v == rt_NotImplemented)
        return true;
    ObjType *t = val_type(v);
    return t == &rt_float_type || t == &rt_complex_type || t == &rt_str_type ||
           t == &rt_bytes_type || t == &rt_range_type;
}

/* repr of a value that is_plain_repr accepted: C code that cannot run
 * Python code, though it can still fail (say, out of memory). */
static void add_repr(StrBuf *sb, Value v)
{
    if (!sb_add_value_repr(sb, v)) {
        rt_err_clear();
        sb_adds(sb, "<repr failed>");
    }
}

/* "<function f>", "<class 'Point'>", "ValueError('bad')", "<Point object>"... */
static void add_description(StrBuf *sb, Value v, int width)
{
    ObjType *t = val_type(v);
    if (t == &rt_function_type) {
        sb_adds(sb, "<function ");
        sb_adds(sb, rt_str_cstr(AS_FUNCTION(v)->qualname));
        sb_addc(sb, '>');
    } else if (t == &rt_method_type) {
        Value f = VAL_AS(ObjMethod, v)->func;
        sb_adds(sb, "<bound method ");
        sb_adds(sb, is_function(f) ? rt_str_cstr(AS_FUNCTION(f)->qualname) : "?");
        sb_addc(sb, '>');
    } else if (t == &rt_builtin_type || t == &rt_method_descr_type) {
        ObjBuiltin *b = VAL_AS(ObjBuiltin, v);
        sb_adds(sb, b->self != VAL_NULL && b->owner ? "<built-in method " : "<built-in function ");
        sb_adds(sb, b->name);
        sb_addc(sb, '>');
    } else if (t == &rt_code_type) {
        sb_adds(sb, "<code object ");
        sb_adds(sb, rt_str_cstr(AS_CODE(v)->name));
        sb_addc(sb, '>');
    } else if (t == &rt_module_type) {
        sb_adds(sb, "<module '");
        sb_adds(sb, rt_str_cstr(VAL_AS(ObjModule, v)->name));
        sb_adds(sb, "'>");
    } else if (t == &rt_cell_type) {
        Value ref = VAL_AS(ObjCell, v)->ref;
        sb_adds(sb, "<cell: ");
        if (ref == VAL_NULL)
            sb_adds(sb, "empty");
        else
            add_value(sb, ref, width);
        sb_addc(sb, '>');
    } else if (rt_isinstance_of(v, &rt_type_type)) {
        sb_adds(sb, "<class '");
        sb_adds(sb, AS_TYPE(v)->name);
        sb_adds(sb, "'>");
    } else if (t->flags & TF_EXCEPTION) {
        Value args = AS_EXC(v)->args;
        sb_adds(sb, t->name);
        if (args != VAL_NULL && is_tuple(args))
            add_items(sb, AS_TUPLE(args)->items, AS_TUPLE(args)->length, "(", ")", width);
        else
            sb_adds(sb, "()");
    } else {
        sb_addc(sb, '<');
        sb_adds(sb, t->name);
        sb_adds(sb, " object>");
    }
}

/* The text of one value: VAL_NULL is an empty local slot and rt_Null
 * the NULL that PUSH_NULL pushes for calls; plain values get their real
 * repr, containers are walked in C, everything else gets a description
 * that names it without calling its __repr__. */
static void add_value(StrBuf *sb, Value v, int width)
{
    size_t start = sb->len;
    if (v == VAL_NULL)
        sb_adds(sb, "<unbound>");
    else if (v == rt_Null)
        sb_adds(sb, "NULL");
    else if (is_plain_repr(v))
        add_repr(sb, v);
    else if (is_tuple(v))
        add_items(sb, AS_TUPLE(v)->items, AS_TUPLE(v)->length, "(",
                  AS_TUPLE(v)->length == 1 ? ",)" : ")", width);
    else if (is_list(v))
        add_items(sb, AS_LIST(v)->items, AS_LIST(v)->length, "[", "]", width);
    else if (is_dict(v))
        add_dict(sb, v, width);
    else if (IS_EXACT(v, rt_set_type) || IS_EXACT(v, rt_frozenset_type))
        add_set(sb, v, width);
    else
        add_description(sb, v, width);
    cut(sb, start, width);
}

/* Exported for the debugger's `print` and `stack` commands. */
void tool_trace_value(StrBuf *sb, Value v, int width)
{
    add_value(sb, v, width);
}

/* The value stack between base and sp, bottom first as the stack-effect
 * comments read.  When it does not fit, the top is what matters (it is
 * what the next instruction consumes), so the bottom is elided as "...". */
void tool_trace_stack(StrBuf *sb, const Value *base, const Value *sp, int width)
{
    int item_width = width < ITEM_WIDTH ? width : ITEM_WIDTH;
    /* Render from the top down until the width is used, then print the
     * kept entries bottom first. */
    const Value *first = sp;
    size_t used = 2;
    StrBuf item;
    sb_init(&item);
    while (first > base) {
        item.len = 0;
        add_value(&item, first[-1], item_width);
        if (first < sp && used + item.len + 2 > (size_t)width)
            break;
        used += item.len + 2;
        first--;
    }
    sb_addc(sb, '[');
    if (first > base)
        sb_adds(sb, "..., ");
    for (const Value *p = first; p < sp; p++) {
        if (p > first)
            sb_adds(sb, ", ");
        add_value(sb, *p, item_width);
    }
    sb_addc(sb, ']');
}

/* ---- the tracer's state --------------------------------------------------------------- */

/* The tracer is a singleton, like the step hook it installs: one
 * program runs per process, so its state is plain static variables. */
static ToolTraceOptions opts;
static long printed;                    /* lines printed so far */
static bool header_printed;
static bool stopped;                    /* --steps reached */
static const char *main_file;           /* filename of the first code traced */

/* The instruction executed last, printed at the next step. */
static struct {
    bool active;
    const Frame *frame;                 /* compared, never dereferenced */
    const ObjCode *code;
    int next_offset;                    /* where it continues normally */
    int jump_target;                    /* or where it jumps, -1 if it cannot */
    StrBuf text;                        /* function, line, dis text */
} pending;

/* ---- one line ------------------------------------------------------------------------ */

/* A trace line is fixed columns so that a long run can be scanned by eye
 * (and by grep, cut and awk): left, the instruction as dis shows it;
 * right, after " | ", what it did. */

/* s left- or right-aligned in `width` columns (never truncated). */
static void add_padded(StrBuf *sb, const char *s, int width, bool right)
{
    int pad = width - (int)strlen(s);
    for (int i = 0; right && i < pad; i++)
        sb_addc(sb, ' ');
    sb_adds(sb, s);
    for (int i = 0; !right && i < pad; i++)
        sb_addc(sb, ' ');
}

/* Spaces until the text since `start` is `width` columns. */
static void pad_to(StrBuf *sb, size_t start, int width)
{
    while (sb->len - start < (size_t)width)
        sb_addc(sb, ' ');
}

/* "function  line  offset opname  arg (meaning)", padded to its column. */
static void format_left(StrBuf *sb, const ObjCode *code, const VmInstr *in, int line)
{
    size_t start = sb->len;
    char num[16];
    add_padded(sb, rt_str_cstr(code->qualname), FUNCTION_WIDTH, false);
    snprintf(num, sizeof num, "%d", line);
    sb_addc(sb, ' ');
    add_padded(sb, line >= 0 ? num : "-", 4, true);
    /* dis's own line, minus its "-->" and ">>" columns (7 characters). */
    StrBuf dis;
    sb_init(&dis);
    ToolDisWidths w = { 0, 4 };
    tool_dis_format_instr(&dis, code, in, -1, false, false, w);
    sb_add(sb, dis.data + 7, dis.len - 7);
    pad_to(sb, start, FUNCTION_WIDTH + 1 + 4 + INSTR_WIDTH);
}

/* Print one finished line.  When the trace shares a stream with the
 * program's print() output, the program's buffered text goes first, so
 * the two interleave in the order things happened.  --steps N stops
 * tracing after N lines by removing the hook: the program then runs at
 * full speed to its end, which is what one wants for a long program. */
static void emit(const StrBuf *left, const StrBuf *right)
{
    FILE *out = opts.out;
    if (out == stdout || out == stderr)
        rt_stdout_flush();              /* the program's output first */
    fwrite(left->data, 1, left->len, out);
    fputs(" | ", out);
    fwrite(right->data, 1, right->len, out);
    fputc('\n', out);
    if (out == stdout)
        fflush(out);
    if (opts.steps > 0 && ++printed >= opts.steps) {
        fprintf(out, "(trace stopped after %ld steps; the program runs on)\n", printed);
        fflush(out);
        vm_set_step_hook(NULL);
        pending.active = false;
        stopped = true;
    }
}

/* "(what detail)": the right column when there is no stack to show. */
static void note(StrBuf *sb, const char *what, const char *detail)
{
    sb_addc(sb, '(');
    sb_adds(sb, what);
    sb_adds(sb, detail);
    sb_addc(sb, ')');
}

/* The stack column of the pending instruction, now that the loop has
 * moved on to `instr` in `frame`. */
static void describe_outcome(StrBuf *right, Frame *frame, const uint16_t *instr, Value *sp)
{
    int offset = (int)(2 * (instr - frame->code->instrs));
    bool at_start = instr == frame->code->instrs;
    if (frame == pending.frame && !at_start) {
        /* The compiler reaches a handler only through the exception
         * table, never by falling into it or jumping to it. */
        bool normal = offset == pending.next_offset || offset == pending.jump_target;
        if (normal && !tool_trace_is_handler(frame->code, instr)) {
            tool_trace_stack(right, frame_stack_base(frame), sp, opts.width);
            return;
        }
        /* An exception handler starts with the exception on the stack. */
        Value top = sp > frame_stack_base(frame) ? sp[-1] : VAL_NULL;
        char where[48];
        snprintf(where, sizeof where, "; handler at %d", offset);
        sb_adds(right, "(raises ");
        sb_adds(right, top != VAL_NULL && (val_type(top)->flags & TF_EXCEPTION)
                       ? val_type(top)->name : "an exception");
        sb_adds(right, where);
        sb_addc(right, ')');
    } else if (frame->previous == pending.frame && frame != pending.frame) {
        note(right, at_start ? "calls " : "resumes ", rt_str_cstr(frame->code->qualname));
    } else {
        note(right, "raises: the exception leaves ", rt_str_cstr(pending.code->qualname));
    }
}

/* Print the pending instruction, now that its outcome is known. */
static void flush_pending(Frame *frame, const uint16_t *instr, Value *sp)
{
    if (!pending.active)
        return;
    pending.active = false;
    StrBuf right;
    sb_init(&right);
    describe_outcome(&right, frame, instr, sp);
    emit(&pending.text, &right);
}

/* ---- which instructions ------------------------------------------------------------- */

/* The --function and --lines filters.  --lines applies to the main
 * file only: line 10 of an imported module is a different line 10. */
static bool wanted(const ObjCode *code, int line)
{
    if (opts.function != NULL && strcmp(rt_str_cstr(code->qualname), opts.function) != 0 &&
        strcmp(rt_str_cstr(code->name), opts.function) != 0)
        return false;
    if (opts.line_to > 0) {
        if (line < opts.line_from || line > opts.line_to)
            return false;
        if (strcmp(rt_str_cstr(code->filename), main_file) != 0)
            return false;
    }
    return true;
}

/* Instructions after which the frame may be gone: print them now, with
 * the value they hand back (the top of the stack before them). */
static bool leaves_frame(const ObjCode *code, const VmInstr *in, StrBuf *right, Value *sp)
{
    const char *what;
    Value value = sp[-1];
    switch (in->opcode) {
    case OP_RETURN_VALUE: what = "returns "; break;
    case OP_RETURN_CONST:               /* 3.12 and 3.13: a constant */
        if (in->arg < 0 || (size_t)in->arg >= rt_tuple_len(code->consts))
            return false;
        value = rt_tuple_get(code->consts, (size_t)in->arg);
        what = "returns ";
        break;
    case OP_YIELD_VALUE: what = "yields "; break;
    case OP_RETURN_GENERATOR:
        note(right, "returns a new generator", "");
        return true;
    default: return false;
    }
    StrBuf v;
    sb_init(&v);
    tool_trace_value(&v, value, ITEM_WIDTH);
    sb_adds(&v, "");
    sb_addc(right, '(');
    sb_adds(right, what);
    sb_add(right, v.data, v.len);
    sb_addc(right, ')');
    return true;
}

static void print_header(void);

/* The step hook: called by the instrumented loop before each instruction
 * with the frame, the instruction about to run and the stack pointer.
 * First settle the previous instruction (its outcome is visible now),
 * then either print this one at once, if it may leave its frame, or keep
 * it pending until the next call. */
static void trace_hook(Frame *frame, const uint16_t *instr, Value *sp)
{
    if (!header_printed) {              /* here, not at start: the runtime is up */
        header_printed = true;
        print_header();
    }
    flush_pending(frame, instr, sp);
    if (stopped)
        return;
    if (main_file == NULL)
        main_file = rt_str_cstr(frame->code->filename);
    VmInstr in;
    int line;
    const ObjCode *code = frame->code;
    if (!tool_trace_decode(code, instr, &in, &line) || !wanted(code, line))
        return;
    StrBuf left, right;
    sb_init(&left);
    sb_init(&right);
    format_left(&left, code, &in, line);
    if (leaves_frame(code, &in, &right, sp)) {
        emit(&left, &right);
        return;
    }
    if (stopped)
        return;
    pending.active = true;
    pending.frame = frame;
    pending.code = code;
    pending.next_offset = in.offset + 2 + 2 * vm_opcode_info[in.opcode].caches;
    if (!vm_jump_target(&in, &pending.jump_target))
        pending.jump_target = -1;
    pending.text = left;
}

/* ---- starting and stopping -------------------------------------------------------- */

/* The column titles, aligned with format_left's columns. */
static void print_header(void)
{
    StrBuf sb;
    sb_init(&sb);
    add_padded(&sb, "function", FUNCTION_WIDTH, false);
    sb_adds(&sb, " line off ");          /* both columns 4 wide */
    add_padded(&sb, "opname", 20, false);
    sb_adds(&sb, "   arg (meaning)");
    pad_to(&sb, 0, FUNCTION_WIDTH + 1 + 4 + INSTR_WIDTH);
    sb_adds(&sb, " | stack after it (bottom -> top)\n");
    fwrite(sb.data, 1, sb.len, opts.out);
}

/* Install the hook.  The loop checks for a hook once per instruction
 * only in the instrumented build of the loop (vm/eval_trace.c), so a run
 * without tracing pays nothing for the tracer's existence. */
void tool_trace_start(const ToolTraceOptions *o)
{
    opts = *o;
    if (opts.out == NULL)
        opts.out = stderr;
    if (opts.width <= 0)
        opts.width = DEFAULT_WIDTH;
    printed = 0;
    pending.active = false;
    header_printed = false;
    stopped = false;
    vm_set_step_hook(trace_hook);
}

/* At exit: an instruction still pending never reached a next step, so
 * the program ended inside it, by an uncaught exception (a normal end
 * is RETURN_VALUE, which is printed at once). */
void tool_trace_finish(void)
{
    if (pending.active) {
        StrBuf right;
        sb_init(&right);
        note(&right, "raises: the exception leaves ", rt_str_cstr(pending.code->qualname));
        pending.active = false;
        emit(&pending.text, &right);
    }
    vm_set_step_hook(NULL);
    if (opts.out != NULL)
        fflush(opts.out);
}

/* ---- the command line -------------------------------------------------------------- */

static void trace_usage(void)
{
    fputs("usage: pvm trace [--function NAME] [--lines A-B] [--steps N] [--width N]\n"
          "                 [-o FILE] FILE.pyc [ARGS...]\n", stderr);
}

/* A non-negative decimal number, the whole string. */
static bool parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < 0)
        return false;
    *out = v;
    return true;
}

/* "A-B" or "A". */
static bool parse_lines(const char *s, ToolTraceOptions *o)
{
    char *end;
    long a = strtol(s, &end, 10), b = a;
    if (end == s || a < 0)
        return false;
    if (*end == '-') {
        const char *rest = end + 1;
        b = strtol(rest, &end, 10);
        if (end == rest)
            return false;
    }
    if (*end != '\0' || b < a || b > 1000000000)
        return false;
    o->line_from = (int)a;
    o->line_to = (int)(b > 0 ? b : 1);
    return true;
}

/* The value of option argv[*i]: "--name=value" or the next argument. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (strcmp(argv[*i], name) != 0 || *i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

/* Is arg `name` or `name=...`? */
static bool is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Parse the options from argv[*i] on, leaving *i at the program's file.
 * Declared in trace.h with the options struct it fills. */
bool tool_trace_parse_options(int argc, char **argv, int *i, ToolTraceOptions *o)
{
    memset(o, 0, sizeof *o);
    for (; *i < argc && argv[*i][0] == '-' && argv[*i][1] != '\0'; (*i)++) {
        const char *arg = argv[*i], *v;
        long n;
        bool ok;
        if (is_option(arg, "--function")) {
            ok = (v = option_value(argc, argv, i, "--function")) != NULL;
            o->function = v;
        } else if (is_option(arg, "--lines")) {
            ok = (v = option_value(argc, argv, i, "--lines")) != NULL && parse_lines(v, o);
        } else if (is_option(arg, "--steps")) {
            ok = (v = option_value(argc, argv, i, "--steps")) != NULL && parse_long(v, &n) && n > 0;
            o->steps = ok ? n : 0;
        } else if (is_option(arg, "--width")) {
            ok = (v = option_value(argc, argv, i, "--width")) != NULL && parse_long(v, &n) &&
                 n >= 10 && n <= 100000;
            o->width = ok ? (int)n : 0;
        } else if (is_option(arg, "-o") || is_option(arg, "--output")) {
            ok = (v = option_value(argc, argv, i, arg[1] == 'o' ? "-o" : "--output")) != NULL;
            if (ok)
                o->out = strcmp(v, "-") == 0 ? stdout : fopen(v, "w");
            if (ok && o->out == NULL) {
                fprintf(stderr, "pvm trace: cannot write %s: %s\n", v, strerror(errno));
                return false;
            }
        } else {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "pvm trace: bad option %s\n", arg);
            trace_usage();
            return false;
        }
    }
    if (*i >= argc) {
        trace_usage();
        return false;
    }
    return true;
}

static void finish_at_exit(void)
{
    tool_trace_finish();
}

/* `pvm trace ...`: parse, start tracing, and return the index of the
 * .pyc in argv so main() runs it as usual; the trace is a mode of the
 * normal run, not a separate interpreter.  -1 on a usage error. */
int tool_trace_main(int argc, char **argv)
{
    int i = 2;
    ToolTraceOptions o;
    if (!tool_trace_parse_options(argc, argv, &i, &o))
        return -1;
    tool_trace_start(&o);
    atexit(finish_at_exit);
    return i;
}
