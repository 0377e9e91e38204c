/*
 * dis.c — the disassembler: `pvm dis FILE.pyc` prints, character for
 * character, what python3.11's `dis.dis(code)` prints.
 *
 * The 3.11 instruction format
 * ---------------------------
 * co_code is a sequence of 16-bit *code units*, each an opcode byte followed
 * by an oparg byte.  dis numbers instructions by byte offset (2 x the unit
 * index).  Three things make the sequence more than "one unit, one
 * instruction":
 *
 *   EXTENDED_ARG   An oparg byte holds 0..255.  A larger oparg is split:
 *                  each EXTENDED_ARG (opcode 144) in front of an instruction
 *                  contributes 8 more high bits.  `EXTENDED_ARG 1; JUMP_FORWARD 4`
 *                  means JUMP_FORWARD 0x104.  dis lists the prefixes as
 *                  instructions of their own, showing the bits gathered so far.
 *
 *   caches         Many instructions are followed by inline CACHE units
 *                  (opcode 0) where CPython's specialising interpreter keeps
 *                  its notes: LOAD_GLOBAL has 5, LOAD_METHOD 10, BINARY_OP 1...
 *                  The count is fixed per opcode (the `caches` column of
 *                  vm/opcodes.h).  dis hides them by default, so an offset
 *                  column like 18, 30, 32 means LOAD_GLOBAL at 18 had its
 *                  caches at 20..28.
 *
 *   HAVE_ARGUMENT  Opcodes below 90 take no argument: their oparg byte is
 *                  ignored, and dis prints no number for them.
 *
 * The oparg means different things by opcode; vm/opcodes.h declares each
 * opcode's *operand kind*, and the listing turns the number into the
 * parenthesised detail dis shows:
 *
 *   CONST    LOAD_CONST 1 (('b',))    the repr of co_consts[arg]
 *   NAME     LOAD_NAME 0 (print)      co_names[arg]; LOAD_GLOBAL uses arg>>1
 *                                     and says "NULL + " when the low bit is set
 *   LOCAL    LOAD_FAST 1 (b)          co_localsplusnames[arg]
 *   FREE     LOAD_DEREF 0 (a)         co_localsplusnames[arg] too (cells, frees)
 *   JFWD     JUMP_FORWARD 4 (to 20)   byte offset of the target: the next
 *   JBACK    JUMP_BACKWARD 9 (to 4)   unit's offset plus/minus 2*arg
 *   COMPARE  COMPARE_OP 2 (==)        the operator
 *   ARG      a plain number, except FORMAT_VALUE, MAKE_FUNCTION and
 *            BINARY_OP, whose bits dis spells out ("repr, with format",
 *            "defaults, closure", "+=").
 *
 * Around the instructions a listing shows the source line where a new line
 * starts (from the location table, see runtime/code.c), ">>" at every jump
 * target, and after them the exception table, the 3.11 replacement for the
 * old SETUP_FINALLY blocks: "4 to 20 -> 26 [0] lasti" says an exception
 * raised by an instruction at offsets 4..20 continues at 26, with the value
 * stack cut to depth 0 and (lasti) the raising offset pushed first.
 *
 * The column layout follows Lib/dis.py (Instruction._disassemble,
 * _disassemble_bytes) exactly, widths included.
 */
#include <inttypes.h>
#include <string.h>
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "tools/dis.h"
#include "vm/opcodes.h"
#include "vm/opcodes312.h"
#include "vm/opcodes313.h"
#include "vm/opcodes314.h"
#include "vm/translate.h"

/* dis.py's column widths for the opcode name and the oparg. */
#define OPNAME_WIDTH 20
#define OPARG_WIDTH 5

/* ---- decoding ---------------------------------------------------------------- */

/* The instruction walk and the exception table are vm/decode.h's: the
 * loop's unwinder and the verifier read the same bytes. */

bool tool_dis_adaptive;

const char *tool_dis_opname(int opcode, char buf[8])
{
    const char *name = vm_opcode_info[opcode & 0xff].name;
    if (name)
        return name;
    snprintf(buf, 8, "<%d>", opcode & 0xff);
    return buf;
}

/* The exception table as an array, for a listing that needs it twice (the
 * labels before the instructions, the table after them). */
static VmExcEntry *exception_table(const ObjCode *code, size_t *n)
{
    size_t cap = 8;
    VmExcEntry *entries = gc_alloc_atomic(cap * sizeof *entries);
    VmExcTable table;
    vm_exc_table_start(&table, code);
    *n = 0;
    for (VmExcEntry e; vm_exc_table_next(&table, &e); entries[(*n)++] = e) {
        if (*n == cap) {
            VmExcEntry *bigger = gc_alloc_atomic(2 * cap * sizeof *entries);
            memcpy(bigger, entries, cap * sizeof *entries);
            entries = bigger;
            cap *= 2;
        }
    }
    return entries;
}

/* ---- argument details ------------------------------------------------------------ */

/* Element i of a tuple, or VAL_NULL when i is out of range (the code comes
 * from a file: never trust an index). */
static Value tuple_item(Value tuple, int64_t i)
{
    if (i < 0 || (size_t)i >= rt_tuple_len(tuple))
        return VAL_NULL;
    return rt_tuple_get(tuple, (size_t)i);
}

/* A name (str) from a tuple of names; python3.11 would stop with an
 * IndexError on a bad index, pvm says so in the listing. */
static void add_name(StrBuf *sb, Value names, int64_t i)
{
    Value name = tuple_item(names, i);
    sb_adds(sb, name != VAL_NULL ? rt_str_cstr(name) : "<index out of range>");
}

static void add_const_repr(StrBuf *sb, const ObjCode *code, int64_t i)
{
    Value v = tuple_item(code->consts, i);
    if (v == VAL_NULL) {
        sb_adds(sb, "<index out of range>");
    } else if (!sb_add_value_repr(sb, v)) {
        rt_err_clear();
        sb_adds(sb, "<repr failed>");
    }
}

/* FORMAT_VALUE: the low two bits pick a conversion (!s, !r, !a), bit 2 says
 * a format spec is on the stack. */
static void add_format_value(StrBuf *sb, int64_t arg)
{
    static const char *const conversions[] = { "", "str", "repr", "ascii" };
    sb_adds(sb, conversions[arg & 3]);
    if (arg & 4)
        sb_adds(sb, (arg & 3) ? ", with format" : "with format");
}

/* MAKE_FUNCTION: one bit per extra item on the stack under the code; the
 * first `nflags` are named (3.14 adds "annotate"). */
static void add_make_function(StrBuf *sb, int64_t arg, int nflags)
{
    static const char *const flags[] = {
        "defaults", "kwdefaults", "annotations", "closure", "annotate",
    };
    bool first = true;
    for (int i = 0; i < nflags; i++) {
        if (arg & (1 << i)) {
            sb_adds(sb, first ? "" : ", ");
            sb_adds(sb, flags[i]);
            first = false;
        }
    }
}

/* The symbol of a BINARY_OP or COMPARE_OP oparg, from the runtime's table. */
static void add_symbol(StrBuf *sb, const char *const *symbols, int64_t count, int64_t arg)
{
    sb_adds(sb, arg >= 0 && arg < count ? symbols[arg] : "<index out of range>");
}

/* The special cases among plain-number operands. */
static void add_arg_detail(StrBuf *sb, const VmInstr *in)
{
    switch (in->opcode) {
    case OP_FORMAT_VALUE: add_format_value(sb, in->arg); break;
    case OP_MAKE_FUNCTION: add_make_function(sb, in->arg, 4); break;
    case OP_BINARY_OP: add_symbol(sb, rt_binop_symbols, 2 * NB_INPLACE_OFFSET, in->arg); break;
    default: break;
    }
}

/* CALL_INTRINSIC_1 or _2's function, by name. */
static void add_intrinsic(StrBuf *sb, int64_t arg, int nargs)
{
    const char *name = vm_intrinsic_name((int)arg, nargs);
    if (name)
        sb_adds(sb, name);
}

/* What 3.12's dis shows that 3.11's does not (opver >= 0); false when
 * the operand is shown as 3.11 shows it. */
static bool add_argrepr_312(StrBuf *sb, const ObjCode *code, const VmInstr *in)
{
    switch (in->opver) {
    case OP312_LOAD_ATTR: case OP312_LOAD_SUPER_ATTR:
        if (in->arg & 1)
            sb_adds(sb, "NULL|self + ");
        add_name(sb, code->names, in->arg >> (in->opver == OP312_LOAD_ATTR ? 1 : 2));
        return true;
    case OP312_LOAD_GLOBAL:
        if (in->arg & 1)
            sb_adds(sb, "NULL + ");
        add_name(sb, code->names, in->arg >> 1);
        return true;
    case OP312_COMPARE_OP:
        add_symbol(sb, rt_cmp_symbols, CMP_GE + 1, in->arg >> 4);
        return true;
    case OP312_RETURN_CONST: case OP312_KW_NAMES:
        add_const_repr(sb, code, in->arg);
        return true;
    case OP312_CALL_INTRINSIC_1: case OP312_CALL_INTRINSIC_2:
        add_intrinsic(sb, in->arg, in->opver == OP312_CALL_INTRINSIC_1 ? 1 : 2);
        return true;
    }
    return false;
}

/* 3.13's and 3.14's COMPARE_OP: the operator is oparg >> 5; bit 4 asks for
 * a bool. */
static void add_compare_313(StrBuf *sb, int64_t arg)
{
    if (arg & 16)
        sb_adds(sb, "bool(");
    add_symbol(sb, rt_cmp_symbols, CMP_GE + 1, arg >> 5);
    if (arg & 16)
        sb_addc(sb, ')');
}

/* CONVERT_VALUE's conversion (3.13, 3.14). */
static void add_conversion(StrBuf *sb, int64_t arg)
{
    static const char *const conversions[] = { "", "str", "repr", "ascii" };
    if (arg >= 0 && arg <= 3)
        sb_adds(sb, conversions[arg]);
}

/* A jump's target as 3.13 and 3.14 show it: "to L3" (3.14's END_ASYNC_FOR:
 * "from L3"), or "to 24" without labels. */
static void add_jump_label(StrBuf *sb, const ObjCode *code, int target, const int *labels,
                           const char *preposition)
{
    char text[48];
    if (labels != NULL && target >= 0 && (size_t)target <= 2 * code->ninstrs)
        snprintf(text, sizeof text, "%s L%d", preposition, labels[target]);
    else
        snprintf(text, sizeof text, "%s %d", preposition, target);
    sb_adds(sb, text);
}

/* 3.13's details (its dis.py ArgResolver.get_argval_argrepr): `labels`
 * numbers the jump targets (NULL: a target is shown as its offset, for
 * the tracer's one-line listings); true when the detail is 3.13's own. */
static bool add_argrepr_313(StrBuf *sb, const ObjCode *code, const VmInstr *in,
                            const int *labels)
{
    int target;
    switch (in->opver) {
    case OP313_LOAD_GLOBAL: case OP313_LOAD_ATTR: case OP313_LOAD_SUPER_ATTR:
        add_name(sb, code->names, in->arg >> (in->opver == OP313_LOAD_SUPER_ATTR ? 2 : 1));
        if (in->arg & 1)
            sb_adds(sb, in->opver == OP313_LOAD_GLOBAL ? " + NULL" : " + NULL|self");
        return true;
    case OP313_COMPARE_OP:
        add_compare_313(sb, in->arg);
        return true;
    case OP313_CONVERT_VALUE:
        add_conversion(sb, in->arg);
        return true;
    case OP313_SET_FUNCTION_ATTRIBUTE:
        add_make_function(sb, in->arg, 4);
        return true;
    case OP313_CALL_INTRINSIC_1: case OP313_CALL_INTRINSIC_2:
        add_intrinsic(sb, in->arg, in->opver == OP313_CALL_INTRINSIC_1 ? 1 : 2);
        return true;
    case OP313_RETURN_CONST:
        add_const_repr(sb, code, in->arg);
        return true;
    }
    if (vm_jump_target(in, &target)) {
        add_jump_label(sb, code, target, labels, "to");
        return true;
    }
    /* 3.13's dis shows no detail for these plain numbers. */
    switch (vm_opcode_info[in->opcode].kind) {
    case OPK_ARG:
        return in->opcode != OP_BINARY_OP;
    default:
        return false;
    }
}

/* ---- 3.14's details ---------------------------------------------------------------
 * 3.14's dis reads every operand by its own tables (vm/opcodes314.h), never
 * by the instruction pvm runs in its place. */

typedef enum {
    ARG314_NUMBER, ARG314_CONST, ARG314_NAME, ARG314_LOCAL, ARG314_LOCAL2,
    ARG314_JFWD, ARG314_JBACK,
} Operand314;

static Operand314 operand_314(int op)
{
    switch (op) {
#define OPERAND_CASE(name, kind) case OP314_##name: return ARG314_##kind;
    PVM_OPERANDS_314(OPERAND_CASE)
#undef OPERAND_CASE
    }
    return ARG314_NUMBER;
}

/* Where a 3.14 jump goes: relative to the end of its caches. */
static bool jump_target_314(const VmInstr *in, int *target)
{
    Operand314 kind = operand_314(in->opver);
    if (!in->has_arg || (kind != ARG314_JFWD && kind != ARG314_JBACK))
        return false;
    int64_t distance = kind == ARG314_JBACK ? -in->arg : in->arg;
    int64_t t = in->offset + 2 + 2 * (int64_t)vm_version_caches(14, in->opver) + 2 * distance;
    if (t < INT32_MIN || t > INT32_MAX)
        return false;
    *target = (int)t;
    return true;
}

/* A labelled listing's jump target (3.13's by what pvm runs, 3.14's by
 * its own table). */
static bool listing_jump_target(const ObjCode *code, const VmInstr *in, int *target)
{
    return code->pyminor == 14 ? jump_target_314(in, target) : vm_jump_target(in, target);
}

/* One of a table's strings by oparg, or dis's IndexError as text. */
static void add_indexed(StrBuf *sb, const char *const *table, size_t n, int64_t i)
{
    sb_adds(sb, i >= 0 && (size_t)i < n ? table[i] : "<index out of range>");
}

/* 3.14's dis.py ArgResolver.get_argval_argrepr, for an instruction with
 * an oparg (labels as add_argrepr_313's). */
static void add_argrepr_314(StrBuf *sb, const ObjCode *code, const VmInstr *in,
                            const int *labels)
{
    static const char *const common[] = { PVM_COMMON_CONSTANTS_314 };
    static const char *const special[] = { PVM_SPECIAL_METHODS_314 };
    enum { NB_SUBSCR_314 = 26 };        /* BINARY_OP's subscript, after the 26 operators */
    int64_t arg = in->arg;
    int target;
    switch (operand_314(in->opver)) {
    case ARG314_CONST:
        add_const_repr(sb, code, arg);
        return;
    case ARG314_NAME:
        add_name(sb, code->names, arg >> (in->opver == OP314_LOAD_SUPER_ATTR ? 2
                                          : in->opver == OP314_LOAD_GLOBAL ||
                                            in->opver == OP314_LOAD_ATTR ? 1 : 0));
        if ((arg & 1) && in->opver == OP314_LOAD_GLOBAL)
            sb_adds(sb, " + NULL");
        else if ((arg & 1) && (in->opver == OP314_LOAD_ATTR || in->opver == OP314_LOAD_SUPER_ATTR))
            sb_adds(sb, " + NULL|self");
        return;
    case ARG314_LOCAL:
        add_name(sb, code->localsplusnames, arg);
        return;
    case ARG314_LOCAL2:
        add_name(sb, code->localsplusnames, arg >> 4);
        sb_adds(sb, ", ");
        add_name(sb, code->localsplusnames, arg & 15);
        return;
    case ARG314_JFWD: case ARG314_JBACK:
        if (jump_target_314(in, &target))
            add_jump_label(sb, code, target, labels,
                           in->opver == OP314_END_ASYNC_FOR ? "from" : "to");
        return;
    case ARG314_NUMBER:
        break;
    }
    switch (in->opver) {
    case OP314_COMPARE_OP: add_compare_313(sb, arg); break;
    case OP314_CONVERT_VALUE: add_conversion(sb, arg); break;
    case OP314_SET_FUNCTION_ATTRIBUTE: add_make_function(sb, arg, 5); break;
    case OP314_CALL_INTRINSIC_1: add_intrinsic(sb, arg, 1); break;
    case OP314_CALL_INTRINSIC_2: add_intrinsic(sb, arg, 2); break;
    case OP314_LOAD_COMMON_CONSTANT: add_indexed(sb, common, 5, arg); break;
    case OP314_LOAD_SPECIAL: add_indexed(sb, special, 4, arg); break;
    case OP314_IS_OP: sb_adds(sb, arg ? "is not" : "is"); break;
    case OP314_CONTAINS_OP: sb_adds(sb, arg ? "not in" : "in"); break;
    case OP314_BINARY_OP:
        if (arg == NB_SUBSCR_314)
            sb_adds(sb, "[]");
        else
            add_symbol(sb, rt_binop_symbols, 2 * NB_INPLACE_OFFSET, arg);
        break;
    }
}

void tool_dis_argrepr(StrBuf *sb, const ObjCode *code, const VmInstr *in)
{
    if (in->has_arg && in->opver >= 0 && code->pyminor == 14) {
        add_argrepr_314(sb, code, in, NULL);
        return;
    }
    if (!in->has_arg || (in->opver >= 0 && code->pyminor == 12 && add_argrepr_312(sb, code, in)) ||
        (in->opver >= 0 && code->pyminor == 13 && add_argrepr_313(sb, code, in, NULL)))
        return;
    int target;
    switch (vm_opcode_info[in->opcode].kind) {
    case OPK_CONST:
        /* Only LOAD_CONST: dis shows nothing for KW_NAMES. */
        if (in->opcode == OP_LOAD_CONST)
            add_const_repr(sb, code, in->arg);
        break;
    case OPK_NAME:
        if (in->opcode == OP_LOAD_GLOBAL) {
            if (in->arg & 1)
                sb_adds(sb, "NULL + ");
            add_name(sb, code->names, in->arg >> 1);
        } else {
            add_name(sb, code->names, in->arg);
        }
        break;
    case OPK_LOCAL:
    case OPK_FREE:
        add_name(sb, code->localsplusnames, in->arg);
        break;
    case OPK_LOCAL2:                    /* 3.13: "a, b" */
        add_name(sb, code->localsplusnames, in->arg >> 4);
        sb_adds(sb, ", ");
        add_name(sb, code->localsplusnames, in->arg & 15);
        break;
    case OPK_JFWD:
    case OPK_JBACK:
        if (vm_jump_target(in, &target)) {
            char text[24];
            snprintf(text, sizeof text, "to %d", target);
            sb_adds(sb, text);
        }
        break;
    case OPK_COMPARE:
        add_symbol(sb, rt_cmp_symbols, CMP_GE + 1, in->arg);
        break;
    case OPK_ARG:
        add_arg_detail(sb, in);
        break;
    case OPK_NONE:
        break;
    }
}

/* ---- one line of the listing ----------------------------------------------------- */

/* Append text padded with spaces to `width`: on the left (right-justified)
 * or on the right (left-justified). */
static void add_padded(StrBuf *sb, const char *text, int width, bool right_justify)
{
    int pad = width - (int)strlen(text);
    if (right_justify)
        for (int i = 0; i < pad; i++)
            sb_addc(sb, ' ');
    sb_adds(sb, text);
    if (!right_justify)
        for (int i = 0; i < pad; i++)
            sb_addc(sb, ' ');
}

/*   LINE  -->  >>  OFFSET  OPNAME               ARG  (ARGREPR)
 * The fields are joined by single spaces and trailing spaces dropped. */
void tool_dis_format_instr(StrBuf *sb, const ObjCode *code, const VmInstr *in,
                           int line, bool current, bool is_target, ToolDisWidths w)
{
    char num[32], opbuf[8];
    size_t start = sb->len;
    if (w.lineno > 0) {
        if (line >= 0)
            snprintf(num, sizeof num, "%d", line);
        add_padded(sb, line >= 0 ? num : "", w.lineno, true);
        sb_addc(sb, ' ');
    }
    sb_adds(sb, current ? "--> " : "    ");
    sb_adds(sb, is_target ? ">> " : "   ");
    snprintf(num, sizeof num, "%d", in->offset);
    add_padded(sb, num, w.offset, true);
    sb_addc(sb, ' ');
    const char *opname = in->specialized ? vm_opcode_name(in->specialized)
                       : in->opver >= 0 ? vm_version_opname(code->pyminor, in->opver)
                       : tool_dis_opname(in->opcode, opbuf);
    if (opname == NULL)
        opname = tool_dis_opname(in->opver, opbuf);
    add_padded(sb, opname, OPNAME_WIDTH, false);
    if (in->has_arg) {
        snprintf(num, sizeof num, "%" PRId64, in->arg);
        sb_addc(sb, ' ');
        add_padded(sb, num, OPARG_WIDTH, true);
        size_t before = sb->len;
        sb_adds(sb, " (");
        size_t inner = sb->len;
        tool_dis_argrepr(sb, code, in);
        if (sb->len == inner)
            sb->len = before;           /* no detail: no parentheses */
        else
            sb_addc(sb, ')');
    }
    while (sb->len > start && sb->data[sb->len - 1] == ' ')
        sb->len--;
}

/* ---- a whole code object ----------------------------------------------------------- */

/* Which byte offsets are jump targets: every jump's destination and every
 * exception handler (dis.py's findlabels plus the exception table). */
static bool *find_labels(const ObjCode *code, const VmExcEntry *exc, size_t nexc)
{
    size_t nbytes = 2 * code->ninstrs;
    bool *labels = gc_alloc_atomic(nbytes + 1);
    memset(labels, 0, nbytes + 1);
    VmDecoder d = { code, 0, 0, tool_dis_adaptive };
    VmInstr in;
    int target;
    while (vm_decode_next(&d, &in))
        if (vm_jump_target(&in, &target) && target >= 0 && (size_t)target < nbytes)
            labels[target] = true;
    for (size_t i = 0; i < nexc; i++)
        if (exc[i].end > exc[i].start && (size_t)exc[i].target < code->ninstrs)
            labels[2 * exc[i].target] = true;
    return labels;
}

/* Where lines come from: 3.11's location table (co_linetable, PEP 626 and
 * PEP 657) gives every code unit a start line, end line and columns, in
 * compact entries that each cover 1 to 8 units; a short form stores only
 * a line delta, and a "no location" form marks compiler-made units.
 * rt_code_line (runtime/code.c) decodes it; dis needs only start lines. */
/* The line each code unit starts, or -1: a unit starts a line when its line
 * differs from the last line seen (dis.py's findlinestarts; units without
 * a line are skipped over).  *max_line gets the largest, -1 if none. */
static int *find_line_starts(const ObjCode *code, int *max_line)
{
    int *starts = gc_alloc_atomic((code->ninstrs + 1) * sizeof *starts);
    int last = -1;
    *max_line = -1;
    for (size_t u = 0; u < code->ninstrs; u++) {
        int line = rt_code_line(code, (int)u);
        starts[u] = -1;
        if (line < 0 || line == last)
            continue;
        starts[u] = last = line;
        if (line > *max_line)
            *max_line = line;
    }
    return starts;
}

static int digits(long n)
{
    char buf[24];
    return snprintf(buf, sizeof buf, "%ld", n);
}

/* dis.py widens the line column past 3 only for lines >= 1000, the offset
 * column past 4 only for offsets >= 10000. */
static ToolDisWidths listing_widths(const ObjCode *code, bool has_lines, int max_line)
{
    ToolDisWidths w = { 0, 4 };
    if (has_lines)
        w.lineno = max_line >= 1000 ? digits(max_line) : 3;
    long max_offset = 2 * (long)code->ninstrs - 2;
    if (max_offset >= 10000)
        w.offset = digits(max_offset);
    return w;
}

/* "  4 to 20 -> 24 [1] lasti": dis shows byte offsets, the last one
 * covered rather than the end, and the depth in brackets. */
static void print_exception_table(FILE *out, const VmExcEntry *exc, size_t n)
{
    if (n == 0)
        return;
    fputs("ExceptionTable:\n", out);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "  %d to %d -> %d [%d]%s\n", 2 * exc[i].start, 2 * exc[i].end - 2,
                2 * exc[i].target, exc[i].depth, exc[i].lasti ? " lasti" : "");
}

/* ---- 3.13's listing ------------------------------------------------------------
 * Python 3.13's dis names jump targets with labels instead of showing
 * offsets: every jump target and every start, end and target of an
 * exception-table entry is a label, numbered L1, L2... in offset order;
 * the label column replaces the offsets and ">>"; a jump's detail is
 * "to L3"; the exception table reads "L1 to L2 -> L3 [0]".  And a run of
 * code without a line number starts a "line" of its own, shown as "--".
 * 3.14 prints the same way (only some details differ: add_argrepr_314). */

/* The label number of every byte offset (0: none), up to and including
 * the end of the code (an exception range may end there). */
static int *number_labels_313(const ObjCode *code, const VmExcEntry *exc, size_t nexc,
                              int *count)
{
    size_t nbytes = 2 * code->ninstrs;
    int *labels = gc_alloc_atomic((nbytes + 1) * sizeof *labels);
    memset(labels, 0, (nbytes + 1) * sizeof *labels);
    VmDecoder d = { code, 0, 0, false };
    VmInstr in;
    int target;
    while (vm_decode_next(&d, &in))
        if (listing_jump_target(code, &in, &target) && target >= 0 && (size_t)target <= nbytes)
            labels[target] = 1;
    for (size_t i = 0; i < nexc; i++) {
        int ends[3] = { 2 * exc[i].start, 2 * exc[i].end, 2 * exc[i].target };
        for (int k = 0; k < 3; k++)
            if (ends[k] >= 0 && (size_t)ends[k] <= nbytes)
                labels[ends[k]] = 1;
    }
    *count = 0;
    for (size_t b = 0; b <= nbytes; b++)
        if (labels[b])
            labels[b] = ++*count;
    return labels;
}

/* The line each code unit starts: a unit starts one when its line (-1:
 * none) differs from the unit before (the first always does).  *max_line
 * is the largest line above 0, -1 if none; *none_starts: a run without a
 * line starts somewhere. */
static int *find_line_starts_313(const ObjCode *code, bool **starts_out, int *max_line,
                                 bool *none_starts)
{
    int *lines = gc_alloc_atomic((code->ninstrs + 1) * sizeof *lines);
    bool *starts = gc_alloc_atomic(code->ninstrs + 1);
    *max_line = -1;
    *none_starts = false;
    for (size_t u = 0; u < code->ninstrs; u++) {
        lines[u] = rt_code_line(code, (int)u);
        starts[u] = u == 0 || lines[u] != lines[u - 1];
        if (starts[u] && lines[u] < 0)
            *none_starts = true;
        if (starts[u] && lines[u] > *max_line)
            *max_line = lines[u];
    }
    *starts_out = starts;
    return lines;
}

static void disassemble_313(FILE *out, const ObjCode *code, int lasti)
{
    size_t nexc;
    VmExcEntry *exc = exception_table(code, &nexc);
    int nlabels, max_line;
    int *labels = number_labels_313(code, exc, nexc, &nlabels);
    bool *starts, none_starts;
    int *lines = find_line_starts_313(code, &starts, &max_line, &none_starts);
    int lineno_width = 0;
    if (max_line > 0) {
        lineno_width = digits(max_line) > 3 ? digits(max_line) : 3;
        if (lineno_width < 4 && none_starts)
            lineno_width = 4;
    }
    char label_text[24];
    int label_width = 4 + snprintf(label_text, sizeof label_text, "%d", nlabels);

    VmDecoder d = { code, 0, 0, tool_dis_adaptive };
    VmInstr in;
    StrBuf sb;
    sb_init(&sb);
    while (vm_decode_next(&d, &in)) {
        size_t unit = (size_t)in.offset / 2;
        sb.len = 0;
        if (lineno_width > 0) {
            if (starts[unit] && in.offset > 0)
                fputc('\n', out);       /* a blank line before each new source line */
            char num[24];
            if (starts[unit] && lines[unit] >= 0)
                snprintf(num, sizeof num, "%d", lines[unit]);
            else
                snprintf(num, sizeof num, "%s", starts[unit] ? "  --" : "");
            add_padded(&sb, num, lineno_width, true);
            sb_addc(&sb, ' ');
        }
        label_text[0] = '\0';
        if (labels[in.offset])
            snprintf(label_text, sizeof label_text, "L%d:", labels[in.offset]);
        add_padded(&sb, label_text, label_width, true);
        int caches = vm_version_caches(code->pyminor, in.opver);
        bool current = in.offset <= lasti && lasti <= in.offset + 2 * caches;
        sb_adds(&sb, current ? " --> " : "     ");
        /* dis --adaptive: the specialized form the loop runs, if any */
        const char *opname = in.specialized ? vm_opcode_name(in.specialized)
                                            : vm_version_opname(code->pyminor, in.opver);
        char opbuf[8];
        if (opname == NULL)
            opname = tool_dis_opname(in.opver, opbuf);
        add_padded(&sb, opname, OPNAME_WIDTH, false);
        if (in.has_arg) {
            char num[32];
            int excess = (int)strlen(opname) - OPNAME_WIDTH;
            snprintf(num, sizeof num, "%" PRId64, in.arg);
            sb_addc(&sb, ' ');
            add_padded(&sb, num, OPARG_WIDTH - (excess > 0 ? excess : 0), true);
            size_t before = sb.len;
            sb_adds(&sb, " (");
            size_t inner = sb.len;
            if (code->pyminor == 14)
                add_argrepr_314(&sb, code, &in, labels);
            else if (!add_argrepr_313(&sb, code, &in, labels))
                tool_dis_argrepr(&sb, code, &in);
            if (sb.len == inner)
                sb.len = before;
            else
                sb_addc(&sb, ')');
        }
        while (sb.len > 0 && sb.data[sb.len - 1] == ' ')
            sb.len--;
        fwrite(sb.data, 1, sb.len, out);
        fputc('\n', out);
    }
    if (nexc > 0)
        fputs("ExceptionTable:\n", out);
    for (size_t i = 0; i < nexc; i++)
        fprintf(out, "  L%d to L%d -> L%d [%d]%s\n", labels[2 * exc[i].start],
                labels[2 * exc[i].end], labels[2 * exc[i].target], exc[i].depth,
                exc[i].lasti ? " lasti" : "");
}

/* One code object as python3.11's dis.dis prints it: labels (">>") and
 * line starts are computed first, because a line's column widths and a
 * label's mark depend on instructions that come later. */
void tool_disassemble(FILE *out, const ObjCode *code, int lasti)
{
    if (code->pyminor >= 13) {
        disassemble_313(out, code, lasti);
        return;
    }
    size_t nexc;
    VmExcEntry *exc = exception_table(code, &nexc);
    bool *labels = find_labels(code, exc, nexc);
    int max_line;
    int *starts = find_line_starts(code, &max_line);
    bool has_lines = max_line >= 0;     /* no line at all: no line column */
    ToolDisWidths w = listing_widths(code, has_lines, max_line);

    VmDecoder d = { code, 0, 0, tool_dis_adaptive };
    VmInstr in;
    StrBuf sb;
    sb_init(&sb);
    while (vm_decode_next(&d, &in)) {
        int line = has_lines ? starts[in.offset / 2] : -1;
        if (line >= 0 && in.offset > 0)
            fputc('\n', out);           /* a blank line before each new source line */
        sb.len = 0;
        tool_dis_format_instr(&sb, code, &in, line, in.offset == lasti, labels[in.offset], w);
        fwrite(sb.data, 1, sb.len, out);
        fputc('\n', out);
    }
    print_exception_table(out, exc, nexc);
}

/* dis.dis(module): the code, then each code object among its constants,
 * titled by its repr, recursively (a method inside a class inside...). */
void tool_dis_recursive(FILE *out, const ObjCode *code)
{
    tool_disassemble(out, code, -1);
    size_t n = rt_tuple_len(code->consts);
    for (size_t i = 0; i < n; i++) {
        Value c = rt_tuple_get(code->consts, i);
        if (!IS_EXACT(c, rt_code_type))
            continue;
        StrBuf sb;
        sb_init(&sb);
        if (!sb_add_value_repr(&sb, c))
            rt_err_clear();
        fprintf(out, "\nDisassembly of %.*s:\n", (int)sb.len, sb.data);
        tool_dis_recursive(out, AS_CODE(c));
    }
}
