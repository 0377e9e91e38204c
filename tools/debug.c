/*
 * debug.c — `pvm debug`: a bytecode debugger on the loop's step hook.
 *
 * The loop calls debug_hook before every instruction (vm.h).  The hook
 * decides whether to stop there; if so it shows where the program is and
 * reads commands until one of them (step, next, continue, finish) resumes
 * the program — the hook returns and the loop executes the instruction.
 * Nothing else is needed from the VM: the frame gives the code, the
 * localsplus slots, the value stack (frame_stack_base .. sp) and the
 * caller (`previous`).
 *
 * When to stop is one of four modes plus the breakpoints:
 *
 *   step N      after N instructions, in any frame
 *   next        at the next "line event" in this frame or a caller, or as
 *               soon as this frame has returned
 *   finish      as soon as this frame has returned (its result is shown)
 *   continue    only at breakpoints
 *
 * A *line event* is what CPython's sys.settrace calls one: an instruction
 * on a different line than the one the frame executed last, or a jump
 * backwards (the next iteration of a loop, even on the same line).  Line
 * breakpoints fire on line events, function breakpoints on the first
 * instruction of a call, offset breakpoints on that instruction.
 *
 * Depth is counted along `previous`, so frames are never compared after
 * they are gone.  Showing values: `print` calls the real repr (and may
 * run the program's __repr__, with the hook switched off meanwhile); the
 * listings of locals, globals and the stack use the tracer's summaries,
 * which run no Python code.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "modules/readline.h"
#include "runtime/runtime.h"
#include "tools/debug.h"
#include "tools/dis.h"
#include "vm/opcodes.h"
#include "vm/translate.h"
#include "tools/trace.h"
#include "vm/vm.h"

#define VALUE_WIDTH 70
#define LIST_CONTEXT 5          /* source lines shown each side by `list` */
#define MAX_BREAKPOINTS 64

/* ---- state ------------------------------------------------------------------- */

/* The debugger is a state machine driven by the hook.  Between two stops
 * the program runs with one RunMode and its parameters (how many steps
 * are left, the depth and line where `next` or `finish` was typed); at
 * every instruction should_stop consults them, and when it says stop the
 * hook becomes a command prompt until a resuming command sets a new mode.
 * All of this is static state: one program is debugged per process. */
typedef enum { RUN_STEP, RUN_NEXT, RUN_FINISH, RUN_CONTINUE } RunMode;

/* A breakpoint names source-level things (a line, a function name), not
 * frames or pointers, so one breakpoint matches every call of a function
 * and every iteration of a loop, and it can be set before the code it
 * names has ever run.  A fixed array is plenty for a human at a prompt. */
typedef enum { BP_LINE, BP_FUNCTION, BP_OFFSET } BreakKind;

typedef struct Breakpoint {
    int id;                     /* 0: free slot */
    BreakKind kind;
    int line, offset;
    char *function;             /* name or qualname */
} Breakpoint;

static const char *pyc_path;            /* the program, as given */
static const ObjCode *main_code;        /* the module's code: the first frame's */
static bool finished;

static RunMode mode = RUN_STEP;
static long steps_left = 1;             /* RUN_STEP */
static int start_depth, start_line;     /* RUN_NEXT, RUN_FINISH */
static Value finish_value;              /* what the finished frame returned */

static Breakpoint breakpoints[MAX_BREAKPOINTS];
static int next_breakpoint_id = 1;

/* Where the program is stopped. */
static Frame *cur_frame;
static const uint16_t *cur_instr;
static Value *cur_sp;

/* The last instruction the hook saw, for line events. */
static const Frame *last_frame;
static const uint16_t *last_instr;

static bool busy;                       /* running Python code for a command */
static bool interactive;                /* stdin is a terminal: readline */
static char *last_command;              /* an empty line repeats it */

/* ---- output ---------------------------------------------------------------------- */

/* Everything the debugger prints goes to stdout after the program's own
 * buffered output, so the two appear in the order they happened. */
static void say(const char *fmt, ...)
{
    va_list ap;
    rt_stdout_flush();
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
    fflush(stdout);
}

static void say_sb(const StrBuf *sb)
{
    say("%.*s\n", (int)sb->len, sb->data);
}

/* Small helpers: names, offsets (in bytes, as dis shows them, while the
 * loop counts code units: hence the factor 2), lines and depths. */
static const char *qualname(const ObjCode *code)
{
    return rt_str_cstr(code->qualname);
}

static int instr_offset(const Frame *f, const uint16_t *instr)
{
    return (int)(2 * (instr - f->code->instrs));
}

static int line_at(const ObjCode *code, const uint16_t *instr)
{
    VmInstr in;
    int line;
    return tool_trace_decode(code, instr, &in, &line) ? line : -1;
}

/* How many frames are on the frame stack at f, f included.  `next` and
 * `finish` compare depths, not frame pointers: a returned frame's memory
 * is reused by the next call, so a pointer could match the wrong frame,
 * while a depth below the starting one can only mean "it returned". */
static int frame_depth(const Frame *f)
{
    int d = 0;
    for (; f != NULL; f = f->previous)
        d++;
    return d;
}

/* The instruction each frame executed last, as the hook saw it: for a
 * caller, the call in progress.  (The loop saves frame->instr only for
 * some calls: a Python function called from C, e.g. __init__, leaves its
 * caller's stale.)  A small direct-mapped table on the frame address;
 * a collision just falls back to frame->instr. */
#define SEEN_SIZE 1024
static struct { const Frame *frame; const uint16_t *instr; } seen[SEEN_SIZE] GC_LARGE_STATIC;

/* Frames are aligned; drop the low bits, which are always zero. */
static size_t seen_slot(const Frame *f)
{
    return ((uintptr_t)f >> 4) % SEEN_SIZE;
}

/* Does instr point into f's own code?  Guards against stale entries. */
static bool in_code(const Frame *f, const uint16_t *instr)
{
    return instr != NULL && instr >= f->code->instrs && instr < f->code->instrs + f->code->ninstrs;
}

/* A frame's current instruction, or NULL when it is not known. */
static const uint16_t *frame_instr(const Frame *f)
{
    if (f == cur_frame)
        return cur_instr;
    size_t i = seen_slot(f);
    if (seen[i].frame == f && in_code(f, seen[i].instr))
        return seen[i].instr;
    return in_code(f, f->instr) ? f->instr : NULL;
}

/* ---- where we are ------------------------------------------------------------------ */

/* Does `name` (as typed after break) name this code object?  Both the
 * short name (`area`) and the qualified one (`Shape.area`) are accepted. */
static bool names_code(const ObjCode *code, const char *name)
{
    return strcmp(qualname(code), name) == 0 || strcmp(rt_str_cstr(code->name), name) == 0;
}

/* The source file of code: co_filename, or for the program itself the
 * .py beside the .pyc (or above a __pycache__ folder). */
static FILE *open_source(const ObjCode *code)
{
    FILE *f = fopen(rt_str_cstr(code->filename), "r");
    if (f != NULL || strcmp(rt_str_cstr(code->filename), rt_str_cstr(main_code->filename)) != 0)
        return f;
    size_t n = strlen(pyc_path);
    if (n < 5 || strcmp(pyc_path + n - 4, ".pyc") != 0)
        return NULL;
    char *py = gc_strdup(pyc_path);
    py[n - 1] = '\0';                           /* x.pyc -> x.py */
    f = fopen(py, "r");
    char *cache = strstr(py, "__pycache__/");
    if (f == NULL && cache != NULL) {           /* d/__pycache__/x.cpython-311.py -> d/x.py */
        char *dot = strchr(cache + 12, '.');
        if (dot != NULL) {
            memmove(cache, cache + 12, (size_t)(dot - cache - 12));
            strcpy(cache + (dot - cache - 12), ".py");
            f = fopen(py, "r");
        }
    }
    return f;
}

/* Read line `want` of an open file into buf (without its newline). */
static bool read_line_n(FILE *f, int want, char *buf, size_t size)
{
    rewind(f);
    for (int n = 1; fgets(buf, (int)size, f) != NULL; n++) {
        if (n == want) {
            buf[strcspn(buf, "\n")] = '\0';
            return true;
        }
    }
    return false;
}

/* Is there a breakpoint on this line (for the "B" mark in listings)? */
static bool has_line_breakpoint(int line)
{
    for (int i = 0; i < MAX_BREAKPOINTS; i++)
        if (breakpoints[i].id && breakpoints[i].kind == BP_LINE && breakpoints[i].line == line)
            return true;
    return false;
}

/* Source lines from..to of code's file, "->" at the current line and "B"
 * at breakpoints; false if the source cannot be found. */
static bool show_source(const ObjCode *code, int from, int to, int current)
{
    FILE *f = open_source(code);
    if (f == NULL)
        return false;
    char text[1024];
    bool main = code->filename == main_code->filename ||
                strcmp(rt_str_cstr(code->filename), rt_str_cstr(main_code->filename)) == 0;
    for (int n = from < 1 ? 1 : from; n <= to && read_line_n(f, n, text, sizeof text); n++)
        say("%4d %c%-2s %s\n", n, main && has_line_breakpoint(n) ? 'B' : ' ',
            n == current ? "->" : "", text);
    fclose(f);
    return true;
}

/* The instruction about to run, as `dis` shows it with its arrow. */
static void show_instr(const Frame *f, const uint16_t *instr)
{
    VmInstr in;
    int line;
    if (!tool_trace_decode(f->code, instr, &in, &line))
        return;
    StrBuf sb;
    sb_init(&sb);
    ToolDisWidths w = { 0, 4 };
    tool_dis_format_instr(&sb, f->code, &in, -1, true, false, w);
    say_sb(&sb);
}

/* "line 12", or "line -" for an instruction without one. */
/* Instructions without a line exist: 3.11's location table gives none to
 * some compiler-made instructions (e.g. the cleanup at the end of an
 * exception handler that re-raises). */
static const char *line_text(int line)
{
    static char buf[24];
    if (line < 0)
        return "line -";
    snprintf(buf, sizeof buf, "line %d", line);
    return buf;
}

/* What is printed at every stop: why, where, the source line, and the
 * instruction about to run (not yet executed: the hook runs before it). */
static void show_location(const char *why)
{
    int line = line_at(cur_frame->code, cur_instr);
    say("%s%s, %s, offset %d\n", why, qualname(cur_frame->code), line_text(line),
        instr_offset(cur_frame, cur_instr));
    if (line >= 0)
        show_source(cur_frame->code, line, line, line);
    show_instr(cur_frame, cur_instr);
}

/* ---- values and names ------------------------------------------------------------------ */

/* A local variable of the frame by slot; cells are looked through.  What
 * the debugger shows is no longer its local's alone (vm/specialize.c,
 * "appending to a str in place"). */
static Value local_value(const Frame *f, int i)
{
    Value v = f->localsplus[i];
    int kind = AS_BYTES(f->code->localspluskinds)->data[i];
    if (v != VAL_NULL && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && IS_EXACT(v, rt_cell_type))
        v = VAL_AS(ObjCell, v)->ref;
    rt_str_disown(v);
    return v;
}

/* dict[name] or VAL_NULL, never an exception: a namespace dict could in
 * principle hold keys whose __eq__ fails, and the debugger must not
 * leave an exception set in the program it inspects. */
static Value dict_lookup(Value dict, Value name)
{
    bool error = false;
    if (dict == VAL_NULL || !is_dict(dict))
        return VAL_NULL;
    Value v = rt_dict_get(dict, name, &error);
    if (error)
        rt_err_clear();
    return v;
}

/* A name as the frame sees it: locals, then globals, then builtins. */
static Value lookup_name(const Frame *f, Value name)
{
    Value names = f->code->localsplusnames;
    for (size_t i = 0; i < rt_tuple_len(names); i++)
        if (rt_str_equal(rt_tuple_get(names, i), name))
            return local_value(f, (int)i);
    Value v = dict_lookup(f->locals, name);
    if (v == VAL_NULL)
        v = dict_lookup(f->globals, name);
    if (v == VAL_NULL)
        v = dict_lookup(f->builtins, name);
    return v;
}

/* Report an exception raised by a command, as pdb does, and clear it so
 * the program continues as if nothing had happened. */
static void say_error(Value exc)
{
    Value msg = rt_exc_str(exc);
    say("*** %s: %s\n", val_type(exc)->name, msg != VAL_NULL ? rt_str_cstr(msg) : "");
    rt_err_clear();
}

/* Is s identifiers joined by dots?  `print` evaluates no more than that:
 * a real expression evaluator would need the compiler, which pvm does
 * not have (it runs compiled .pyc files only). */
static bool is_dotted_name(const char *s)
{
    bool start = true;
    for (; *s; s++) {
        if (*s == '.' && !start)
            start = true;
        else if (isalpha((unsigned char)*s) || *s == '_' || (unsigned char)*s >= 0x80 ||
                 (!start && isdigit((unsigned char)*s)))
            start = false;
        else
            return false;
    }
    return !start;
}

/* NAME or NAME.attr.attr...: the value, or VAL_NULL after saying why. */
static Value evaluate(const char *expr)
{
    if (!is_dotted_name(expr)) {
        say("*** print shows a name or name.attribute... (no calls, no operators)\n");
        return VAL_NULL;
    }
    char *copy = gc_strdup(expr), *save = NULL;
    char *part = strtok_r(copy, ".", &save);
    Value v = lookup_name(cur_frame, rt_str_from_cstr(part));
    if (v == VAL_NULL) {
        say("*** NameError: name '%s' is not defined\n", part);
        return VAL_NULL;
    }
    while ((part = strtok_r(NULL, ".", &save)) != NULL) {
        busy = true;
        v = rt_getattr(v, rt_str_from_cstr(part));
        busy = false;
        if (v == VAL_NULL) {
            say_error(rt_err_fetch());
            return VAL_NULL;
        }
    }
    return v;
}

/* "name = value", with the tracer's side-effect-free rendering. */
static void print_summary(const char *name, Value v)
{
    StrBuf sb;
    sb_init(&sb);
    sb_adds(&sb, name);
    sb_adds(&sb, " = ");
    tool_trace_value(&sb, v, VALUE_WIDTH);
    say_sb(&sb);
}

/* The entries of a namespace dict, leaving out __dunder__ names. */
static void print_dict(Value dict)
{
    size_t pos = 0, shown = 0;
    Value k, v;
    while (dict != VAL_NULL && rt_dict_next(dict, &pos, &k, &v)) {
        const char *name = is_str(k) ? rt_str_cstr(k) : "?";
        size_t n = strlen(name);
        if (n > 4 && strncmp(name, "__", 2) == 0 && strcmp(name + n - 2, "__") == 0)
            continue;
        print_summary(name, v);
        shown++;
    }
    if (shown == 0)
        say("(none)\n");
}

/* ---- breakpoints ------------------------------------------------------------------- */

/* Every code object of the program: the module's and, recursively, those
 * among its constants.  f is called on each until it returns true. */
static const ObjCode *find_code(const ObjCode *code, bool (*f)(const ObjCode *, const void *),
                                const void *arg)
{
    if (f(code, arg))
        return code;
    for (size_t i = 0; i < rt_tuple_len(code->consts); i++) {
        Value c = rt_tuple_get(code->consts, i);
        const ObjCode *found = is_code(c) ? find_code(AS_CODE(c), f, arg) : NULL;
        if (found != NULL)
            return found;
    }
    return NULL;
}

/* Predicates for find_code: the function by name, the code of a line. */
static bool code_named(const ObjCode *code, const void *name)
{
    return names_code(code, name);
}

static bool code_has_line(const ObjCode *code, const void *line)
{
    for (size_t u = 0; u < code->ninstrs; u++)
        if (line_at(code, code->instrs + u) == *(const int *)line)
            return true;
    return false;
}

/* A free slot, numbered like gdb's: ids grow and are never reused. */
static Breakpoint *new_breakpoint(BreakKind kind)
{
    for (int i = 0; i < MAX_BREAKPOINTS; i++) {
        if (breakpoints[i].id == 0) {
            breakpoints[i] = (Breakpoint){ next_breakpoint_id++, kind, -1, -1, NULL };
            return &breakpoints[i];
        }
    }
    say("*** too many breakpoints\n");
    return NULL;
}

static void describe_breakpoint(const Breakpoint *b)
{
    switch (b->kind) {
    case BP_LINE: say("Breakpoint %d at line %d\n", b->id, b->line); break;
    case BP_FUNCTION: say("Breakpoint %d at function %s\n", b->id, b->function); break;
    case BP_OFFSET: say("Breakpoint %d at %s, offset %d\n", b->id, b->function, b->offset); break;
    }
}

static bool all_digits(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return false;
    return true;
}

/* "NAME:OFFSET": the offset must start an instruction of that function. */
static void break_at_offset(char *spec, char *colon)
{
    *colon = '\0';
    const ObjCode *code = find_code(main_code, code_named, spec);
    int offset = atoi(colon + 1);
    VmInstr in;
    int line;
    if (code == NULL) {
        say("*** no function named %s\n", spec);
    } else if (!all_digits(colon + 1) || offset % 2 != 0 || (size_t)offset / 2 >= code->ninstrs ||
               !tool_trace_decode(code, code->instrs + offset / 2, &in, &line)) {
        say("*** %s has no instruction at offset %s\n", spec, colon + 1);
    } else {
        Breakpoint *b = new_breakpoint(BP_OFFSET);
        if (b == NULL)
            return;
        b->function = gc_strdup(spec);
        b->offset = offset;
        describe_breakpoint(b);
    }
}

/* `break` alone lists; `break 12` a line, `break f` a function,
 * `break f:24` an offset.  Each is checked against the program's code
 * objects first, so a typo is reported at once and not by silence. */
static void cmd_break(char *arg)
{
    if (arg == NULL) {
        bool any = false;
        for (int i = 0; i < MAX_BREAKPOINTS; i++)
            if (breakpoints[i].id) {
                describe_breakpoint(&breakpoints[i]);
                any = true;
            }
        if (!any)
            say("No breakpoints.\n");
        return;
    }
    char *colon = strchr(arg, ':');
    if (colon != NULL) {
        break_at_offset(arg, colon);
        return;
    }
    Breakpoint *b;
    if (all_digits(arg)) {
        int line = atoi(arg);
        if (find_code(main_code, code_has_line, &line) == NULL) {
            say("*** line %d has no code\n", line);
        } else if ((b = new_breakpoint(BP_LINE)) != NULL) {
            b->line = line;
            describe_breakpoint(b);
        }
    } else if (find_code(main_code, code_named, arg) == NULL) {
        say("*** no function named %s\n", arg);
    } else if ((b = new_breakpoint(BP_FUNCTION)) != NULL) {
        b->function = gc_strdup(arg);
        describe_breakpoint(b);
    }
}

/* `delete N`: free breakpoint N's slot. */
static void cmd_delete(char *arg)
{
    int id = arg != NULL && all_digits(arg) ? atoi(arg) : -1;
    for (int i = 0; i < MAX_BREAKPOINTS; i++) {
        if (breakpoints[i].id != 0 && breakpoints[i].id == id) {
            breakpoints[i].id = 0;
            say("Deleted breakpoint %d\n", id);
            return;
        }
    }
    say("*** no breakpoint %s\n", arg != NULL ? arg : "given (delete N)");
}

/* Line events need the frame's previous instruction.  For the frame the
 * hook saw last that is last_instr; for a frame we return to after a call,
 * it is the call instruction (frame_instr).  The first instruction of a
 * code object always starts a line; a jump backwards starts one too, even
 * within one line, so `next` stops once per iteration of `while x: x -= 1`. */
/* Has the loop just reached a new line (sys.settrace's "line" event)? */
static bool line_event(const Frame *f, const uint16_t *instr, int line)
{
    const uint16_t *prev = f == last_frame ? last_instr : frame_instr(f);
    if (instr == f->code->instrs || prev == NULL || line < 0)
        return line >= 0;
    if (prev < f->code->instrs || prev >= f->code->instrs + f->code->ninstrs)
        return true;
    return instr <= prev || line_at(f->code, prev) != line;
}

/* Matching a breakpoint is a scan of the array at every instruction:
 * with at most 64 entries that costs less than decoding the instruction.
 *   line      on a line event in the main file (a breakpoint on line 12
 *             fires once when line 12 is entered, not at each of its
 *             instructions);
 *   function  at the first code unit of a frame of that code, i.e. at each
 *             call (a generator resumed later does not start at unit 0);
 *   offset    at exactly that instruction of that function. */
/* The breakpoint the instruction hits, or NULL. */
static const Breakpoint *hit_breakpoint(const Frame *f, const uint16_t *instr, int line,
                                        bool new_line)
{
    bool in_main = strcmp(rt_str_cstr(f->code->filename), rt_str_cstr(main_code->filename)) == 0;
    for (int i = 0; i < MAX_BREAKPOINTS; i++) {
        const Breakpoint *b = &breakpoints[i];
        if (b->id == 0)
            continue;
        if (b->kind == BP_LINE && in_main && new_line && line == b->line)
            return b;
        if (b->kind == BP_FUNCTION && instr == f->code->instrs && names_code(f->code, b->function))
            return b;
        if (b->kind == BP_OFFSET && instr_offset(f, instr) == b->offset &&
            names_code(f->code, b->function))
            return b;
    }
    return NULL;
}

/* ---- the commands ----------------------------------------------------------------------- */

static void cmd_where(void)
{
    /* Oldest first, as a traceback; ">" marks the frame stopped in. */
    int n = frame_depth(cur_frame);
    Frame **frames = gc_alloc((size_t)n * sizeof *frames);
    int i = n;
    for (Frame *f = cur_frame; f != NULL; f = f->previous)
        frames[--i] = f;
    for (i = 0; i < n; i++) {
        const uint16_t *instr = frame_instr(frames[i]);
        char op[8];
        if (instr == NULL) {
            say("%c #%d %s\n", frames[i] == cur_frame ? '>' : ' ', i, qualname(frames[i]->code));
            continue;
        }
        /* the loop's copy of the code may hold a specialized form: show its
         * base; of 3.12 and 3.13 code, the instruction co_code has there */
        const ObjCode *code = frames[i]->code;
        int offset = instr_offset(frames[i], instr);
        const char *name = code->pyminor >= 12
            ? vm_version_opname(code->pyminor, AS_BYTES(code->code)->data[offset]) : NULL;
        say("%c #%d %s, %s, offset %d (%s)\n", frames[i] == cur_frame ? '>' : ' ', i,
            qualname(code), line_text(line_at(code, instr)), offset,
            name ? name : tool_dis_opname(vm_base_opcode(*instr & 0xff), op));
    }
}

/* The frame's value stack: the operands pending between instructions,
 * what the stack-effect comments in vm/opcodes.h describe. */
static void cmd_stack(void)
{
    Value *base = frame_stack_base(cur_frame);
    if (cur_sp == base) {
        say("The value stack of %s is empty.\n", qualname(cur_frame->code));
        return;
    }
    say("The value stack of %s, bottom first:\n", qualname(cur_frame->code));
    for (Value *p = base; p < cur_sp; p++) {
        StrBuf sb;
        sb_init(&sb);
        tool_trace_value(&sb, *p, VALUE_WIDTH);
        say("  %2d: %.*s\n", (int)(p - base), (int)sb.len, sb.data);
    }
}

/* Function frames keep locals in localsplus slots, named by
 * co_localsplusnames; module and class bodies use a dict instead. */
static void cmd_locals(void)
{
    const ObjCode *code = cur_frame->code;
    if (cur_frame->locals != VAL_NULL && code->nlocalsplus == 0) {
        print_dict(cur_frame->locals);          /* module or class body */
        return;
    }
    int shown = 0;
    for (int i = 0; i < code->nlocalsplus; i++) {
        Value v = local_value(cur_frame, i);
        if (v == VAL_NULL)
            continue;                           /* not bound yet */
        print_summary(rt_str_cstr(rt_tuple_get(code->localsplusnames, (size_t)i)), v);
        shown++;
    }
    if (shown == 0)
        say("(none)\n");
}

/* `print x`: the real repr, which may run the program's __repr__.  While
 * it runs, `busy` keeps the hook from stopping inside it: the debugger is
 * not reentrant, and the user asked for a value, not a nested session. */
static void cmd_print(char *arg)
{
    Value v = evaluate(arg != NULL ? arg : "");
    if (v == VAL_NULL)
        return;
    busy = true;
    Value r = rt_repr(v);
    busy = false;
    if (r == VAL_NULL)
        say_error(rt_err_fetch());
    else
        say("%s\n", rt_str_cstr(r));
}

/* The whole current function, --> marking the instruction about to run. */
static void cmd_dis(void)
{
    rt_stdout_flush();
    tool_disassemble(stdout, cur_frame->code, instr_offset(cur_frame, cur_instr));
    fflush(stdout);
}

/* Source lines around the current line (or the function's first line). */
static void cmd_list(void)
{
    int line = line_at(cur_frame->code, cur_instr);
    if (line < 0)
        line = cur_frame->code->firstlineno;
    if (!show_source(cur_frame->code, line - LIST_CONTEXT, line + LIST_CONTEXT, line))
        say("*** no source for %s (not beside the .pyc, not at %s)\n", qualname(cur_frame->code),
            rt_str_cstr(cur_frame->code->filename));
}

static const char *const help_text =
    "Commands (a unique prefix or the short form works; an empty line repeats the last):\n"
    "  step [N]      s   execute one instruction (or N)\n"
    "  next          n   run to the next source line in this function (or its caller)\n"
    "  continue      c   run to the next breakpoint\n"
    "  finish            run until the current function returns, and show its result\n"
    "  break [WHERE] b   break at a line (break 12), at the start of a function\n"
    "                    (break f), at an offset in one (break f:24); alone: list them\n"
    "  delete N          delete breakpoint N\n"
    "  where         bt  the frames, the oldest first\n"
    "  stack             the value stack of the current frame, bottom first\n"
    "  locals            the local variables\n"
    "  globals           the global variables\n"
    "  print EXPR    p   the repr of a name, or of name.attribute...\n"
    "  dis               the bytecode of the current function, --> at the next instruction\n"
    "  list          l   the source lines around the current line\n"
    "  quit          q   stop the program and leave\n"
    "  help          h   this text\n";

/* What a resuming command leaves running: the modes of the hook. */
static void resume_step(char *arg)
{
    long n = arg != NULL && all_digits(arg) ? atol(arg) : 1;
    mode = RUN_STEP;
    steps_left = n > 0 ? n : 1;
}

/* `next` and `finish` remember where they were typed: the depth of the
 * frame stack and the line.  should_stop then stops for `next` at a line
 * event at that depth (the next line here; calls run through, being
 * deeper) or at any shallower depth (this frame returned, so we stop in
 * the caller right after the call); for `finish` only at a shallower
 * depth.  An exception that leaves the frame also makes the depth drop,
 * so both stop in the handler's frame, like gdb. */
static void resume_depth(RunMode m)
{
    mode = m;
    start_depth = frame_depth(cur_frame);
    start_line = line_at(cur_frame->code, cur_instr);
    finish_value = VAL_NULL;
}

/* What a command leaves the prompt to do: ask again, or let the hook
 * return so the loop executes the instruction. */
typedef enum { KEEP_ASKING, RESUME } Outcome;

/* The full command names, for resolving prefixes and for completion. */
static const char *const command_names[] = {
    "step", "next", "continue", "finish", "break", "delete", "where", "bt", "stack",
    "locals", "globals", "print", "dis", "list", "quit", "help", NULL,
};

/* A command word: its short form or a unique prefix of a full name. */
static const char *resolve_command(const char *word)
{
    static const char *const aliases[][2] = {
        { "s", "step" }, { "n", "next" }, { "c", "continue" }, { "b", "break" },
        { "p", "print" }, { "l", "list" }, { "q", "quit" }, { "h", "help" }, { "w", "where" },
        { "d", "delete" }, { "cont", "continue" },
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(word, aliases[i][0]) == 0)
            return aliases[i][1];
    const char *found = NULL;
    for (int i = 0; command_names[i]; i++) {
        if (strcmp(word, command_names[i]) == 0)
            return command_names[i];
        if (strncmp(word, command_names[i], strlen(word)) == 0) {
            if (found != NULL)
                return NULL;                    /* ambiguous */
            found = command_names[i];
        }
    }
    return found;
}

/* Execute one command line: WORD [ARG].  Resuming commands only set the
 * mode; the stop itself happens in a later call of the hook.  `quit`
 * exits the process (atexit handlers still flush the program's output). */
static Outcome run_command(char *line)
{
    char *save = NULL;
    char *word = strtok_r(line, " \t", &save);
    char *arg = strtok_r(NULL, " \t", &save);
    if (word == NULL)
        return KEEP_ASKING;
    const char *cmd = resolve_command(word);
    if (cmd == NULL) {
        say("*** unknown command '%s' (type help)\n", word);
        return KEEP_ASKING;
    }
    if (strcmp(cmd, "step") == 0) { resume_step(arg); return RESUME; }
    if (strcmp(cmd, "next") == 0) { resume_depth(RUN_NEXT); return RESUME; }
    if (strcmp(cmd, "finish") == 0) { resume_depth(RUN_FINISH); return RESUME; }
    if (strcmp(cmd, "continue") == 0) { mode = RUN_CONTINUE; return RESUME; }
    if (strcmp(cmd, "quit") == 0) {
        say("(quit: the program stops here)\n");
        finished = true;
        exit(0);
    }
    if (strcmp(cmd, "break") == 0) cmd_break(arg);
    else if (strcmp(cmd, "delete") == 0) cmd_delete(arg);
    else if (strcmp(cmd, "where") == 0 || strcmp(cmd, "bt") == 0) cmd_where();
    else if (strcmp(cmd, "stack") == 0) cmd_stack();
    else if (strcmp(cmd, "locals") == 0) cmd_locals();
    else if (strcmp(cmd, "globals") == 0) print_dict(cur_frame->globals);
    else if (strcmp(cmd, "print") == 0) cmd_print(arg);
    else if (strcmp(cmd, "dis") == 0) cmd_dis();
    else if (strcmp(cmd, "list") == 0) cmd_list();
    else say("%s", help_text);
    return KEEP_ASKING;
}

/* ---- reading commands ---------------------------------------------------------------- */

#define PROMPT "(pvm) "

/* One line: from readline on a terminal; otherwise read plainly and echoed
 * after the prompt, so a scripted session reads as a transcript.  NULL at
 * the end of the input. */
static char *read_command(void)
{
    rt_stdout_flush();
    fflush(stdout);
    if (interactive) {
        char *line = mod_rl.readline(PROMPT);
        if (line != NULL && *line != '\0')
            mod_rl.add_history(line);
        return line;
    }
    static char buf[1024];
    fputs(PROMPT, stdout);
    if (fgets(buf, sizeof buf, stdin) == NULL) {
        fputc('\n', stdout);
        return NULL;
    }
    buf[strcspn(buf, "\r\n")] = '\0';
    printf("%s\n", buf);
    fflush(stdout);
    return strdup(buf);
}

/* The prompt, until a command resumes the program.  Runs inside the
 * hook, so the loop is simply paused in the middle of vm_eval, between two
 * instructions, with the whole machine state intact for inspection. */
static void command_loop(void)
{
    for (;;) {
        char *line = read_command();
        if (line == NULL) {
            say("(end of input: quit)\n");
            finished = true;
            exit(0);
        }
        char *start = line;
        while (isspace((unsigned char)*start))
            start++;
        if (*start == '\0' && last_command != NULL) {
            start = last_command;               /* repeat */
        } else if (*start != '\0') {
            free(last_command);
            last_command = strdup(start);
        }
        char *copy = gc_strdup(start);
        free(line);
        if (run_command(copy) == RESUME)
            return;
    }
}

/* ---- tab completion ---------------------------------------------------------------- */

/* How readline completion is wired: readline calls `complete` (installed
 * as rl_attempted_completion_function) with the word under the cursor and
 * its position in the line.  We gather every candidate for that position
 * into an array: command names for the first word, otherwise the names
 * visible in the stopped frame (locals, globals, builtins, function names)
 * or, after a dot, the attributes of the object before it.  readline then
 * calls completion_generator repeatedly (state 0 first) and it returns
 * the candidates that start with the word, one malloc'd copy at a time,
 * NULL when done; readline frees them and shows or inserts the matches.
 */

/* The candidates of the word being completed, gathered once per word. */
static const char **candidates;
static size_t ncandidates, candidates_cap;

/* Append s to the candidates (a gc array, doubling when full). */
static void add_candidate(const char *s)
{
    if (ncandidates == candidates_cap) {
        candidates_cap = candidates_cap ? 2 * candidates_cap : 64;
        const char **grown = gc_alloc(candidates_cap * sizeof *grown);
        if (ncandidates > 0)
            memcpy(grown, candidates, ncandidates * sizeof *grown);
        candidates = grown;
    }
    candidates[ncandidates++] = s;
}

/* Every string key of a dict, with `prefix` in front ("obj." for attributes). */
static void add_dict_keys(Value dict, const char *prefix)
{
    size_t pos = 0;
    Value k, v;
    while (dict != VAL_NULL && is_dict(dict) && rt_dict_next(dict, &pos, &k, &v))
        if (is_str(k))
            add_candidate(rt_str_cstr(rt_str_format_c("%s%s", prefix, rt_str_cstr(k))));
}

/* A find_code visitor: every function's qualname, for `break f`. */
static bool add_code_name(const ObjCode *code, const void *unused)
{
    add_candidate(qualname(code));
    return false;
}

/* "obj.at<TAB>": the attributes of obj — its own dict and its type's. */
static void add_attributes(const char *text)
{
    const char *dot = strrchr(text, '.');
    char *prefix = gc_strdup(text);
    prefix[dot - text + 1] = '\0';
    char *expr = gc_strdup(text);
    expr[dot - text] = '\0';
    busy = true;
    Value obj = lookup_name(cur_frame, rt_str_from_cstr(strtok(expr, ".")));
    for (char *p; obj != VAL_NULL && (p = strtok(NULL, ".")) != NULL;)
        obj = rt_lookup_attr(obj, rt_str_from_cstr(p));
    if (obj != VAL_NULL) {
        add_dict_keys(rt_lookup_attr(obj, rt_str_from_cstr("__dict__")), prefix);
        Value mro = val_type(obj)->mro;
        for (size_t i = 0; mro != VAL_NULL && i < rt_tuple_len(mro); i++)
            add_dict_keys(rt_type_dict(AS_TYPE(rt_tuple_get(mro, i))), prefix);
    }
    rt_err_clear();
    busy = false;
}

/* All candidates for a word; the generator filters them by prefix. */
static void gather_candidates(const char *text, bool first_word)
{
    ncandidates = 0;
    if (first_word) {
        for (int i = 0; command_names[i]; i++)
            add_candidate(command_names[i]);
        return;
    }
    if (strchr(text, '.') != NULL) {
        add_attributes(text);
        return;
    }
    Value names = cur_frame->code->localsplusnames;
    for (size_t i = 0; i < rt_tuple_len(names); i++)
        add_candidate(rt_str_cstr(rt_tuple_get(names, i)));
    add_dict_keys(cur_frame->locals, "");
    add_dict_keys(cur_frame->globals, "");
    add_dict_keys(cur_frame->builtins, "");
    find_code(main_code, add_code_name, NULL);
}

/* readline's generator protocol: state is 0 on the first call for a word,
 * then counts up; each call returns the next match or NULL. */
static char *completion_generator(const char *text, int state)
{
    static size_t next;
    if (state == 0)
        next = 0;
    size_t n = strlen(text);
    while (next < ncandidates) {
        const char *c = candidates[next++];
        if (strncmp(c, text, n) == 0)
            return strdup(c);
    }
    return NULL;
}

/* readline's entry point: is the word the first on the line (a command)
 * or an argument?  rl_line_buffer is the whole line typed so far. */
static char **complete(const char *text, int start, int end)
{
    (void)end;
    int i = 0;
    while (i < start && isspace((unsigned char)(*mod_rl.rl_line_buffer)[i]))
        i++;
    gather_candidates(text, i == start);
    *mod_rl.rl_attempted_completion_over = 1;   /* never fall back to file names */
    return mod_rl.rl_completion_matches(text, completion_generator);
}

/* The word breaks leave out '.', so "obj.attr" is one word to complete;
 * rl_readline_name lets ~/.inputrc have a `$if pvm` section. */
static void init_readline(void)
{
    *mod_rl.rl_readline_name = "pvm";
    *mod_rl.rl_attempted_completion_function = complete;
    *mod_rl.rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(,:";
}

/* ---- the hook ---------------------------------------------------------------------------- */

/* Breakpoints are checked first, in every mode, so `next` over a call
 * still stops at a breakpoint inside it.  RUN_STEP counts instructions
 * in any frame, calls included: the finest grain there is. */
/* Should the program stop before instr?  *why gets the reason shown. */
static bool should_stop(Frame *f, const uint16_t *instr, int line, char *why, size_t size)
{
    bool new_line = line_event(f, instr, line);
    const Breakpoint *b = hit_breakpoint(f, instr, line, new_line);
    if (b != NULL) {
        snprintf(why, size, "Breakpoint %d: ", b->id);
        return true;
    }
    int depth;
    switch (mode) {
    case RUN_STEP:
        return --steps_left <= 0;
    case RUN_NEXT:
        depth = frame_depth(f);
        return depth < start_depth || (depth == start_depth && new_line);
    case RUN_FINISH:
        return frame_depth(f) < start_depth;
    case RUN_CONTINUE:
        return false;
    }
    return false;
}

/* The step hook: called before every instruction of every frame.  It
 * must be cheap when it does not stop, since it runs millions of times in
 * a `continue`: a line lookup (a table read), a breakpoint scan, and the
 * bookkeeping for the next line event.  The first call identifies the
 * main module's code (the program stops before its first instruction).
 * `finish` shows the returned value, which is only visible on the stack
 * just before RETURN_VALUE runs, so it is noted then; the stop itself
 * comes at the caller's next instruction. */
static void debug_hook(Frame *f, const uint16_t *instr, Value *sp)
{
    if (busy)
        return;
    if (main_code == NULL) {
        main_code = f->code;
        say("pvm debug: %s is stopped before its first instruction (type help for the commands)\n",
            pyc_path);
    }
    /* finish: remember the value the frame hands back. */
    if (mode == RUN_FINISH && (*instr & 0xff) == OP_RETURN_VALUE && frame_depth(f) == start_depth)
        finish_value = sp[-1];
    char why[64] = "";
    int line = line_at(f->code, instr);
    bool stop = should_stop(f, instr, line, why, sizeof why);
    last_frame = f;
    last_instr = instr;
    seen[seen_slot(f)].frame = f;
    seen[seen_slot(f)].instr = instr;
    if (!stop)
        return;
    if (mode == RUN_FINISH && finish_value != VAL_NULL) {
        StrBuf sb;
        sb_init(&sb);
        tool_trace_value(&sb, finish_value, VALUE_WIDTH);
        say("finish: returned %.*s\n", (int)sb.len, sb.data);
    }
    cur_frame = f;
    cur_instr = instr;
    cur_sp = sp;
    show_location(why);
    command_loop();
}

/* At exit, normal or by an uncaught exception: say so, once. */
void tool_debug_finish(void)
{
    if (finished || main_code == NULL)
        return;
    finished = true;
    vm_set_step_hook(NULL);
    say("pvm debug: the program has finished\n");
}

static void finish_at_exit(void)
{
    tool_debug_finish();
}

/* `pvm debug FILE.pyc`: install the hook and let main() run the program
 * as usual (return the index of the .pyc in argv).  readline only when
 * stdin is a terminal; a script piped in gets an echoed transcript. */
int tool_debug_main(int argc, char **argv)
{
    if (argc < 3 || argv[2][0] == '-') {
        fputs("usage: pvm debug FILE.pyc [ARGS...]\n", stderr);
        return -1;
    }
    pyc_path = argv[2];
    interactive = isatty(0) && mod_rl_ready();
    rt_err_clear();                     /* no libreadline: a transcript, as when piped */
    if (interactive)
        init_readline();
    vm_set_step_hook(debug_hook);
    atexit(finish_at_exit);
    return 2;
}
