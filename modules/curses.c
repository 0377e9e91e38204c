/*
 * curses.c — the _curses module (CPython 3.11's Modules/_cursesmodule.c)
 * over libncursesw, opened on first import: the module's functions, its
 * constants and the argument helpers the window type (curses_window.c)
 * shares.  Lib/curses/ (wrapper, textpad, has_key, ascii) runs over it.
 *
 * As in CPython: most functions refuse to run before initscr() ("must call
 * initscr() first"), the terminfo ones before setupterm(), the colour ones
 * before start_color(); a function whose ncurses call fails raises
 * _curses.error "<name>() returned ERR" with the C function's name;
 * initscr() adds LINES, COLS and the ACS_* characters to the module (they
 * depend on the terminal), start_color() adds COLORS and COLOR_PAIRS;
 * curses/__init__.py copies them into `curses`.  Strings are written with
 * the wide-character functions, so str is never encoded; bytes are
 * written as they are.
 *
 * Importing _curses imports _locale, which sets LC_CTYPE as CPython's
 * start-up does (the environment's, C.UTF-8 for the C locale): ncursesw
 * reads and writes UTF-8 only under such a locale.
 *
 * Not here: _C_API (no capsules), docstrings, audit events.  The panels
 * are curses_panel.c's module.
 */
#include <errno.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "modules/curses.h"
#include <gmp.h>
#include "modules/mpz.h"
#include "runtime/structseq.h"
#include "vm/thread.h"

CursesLib nc;
MOD_LIBRARY_READY(nc, "libncursesw.so.6", NC_FUNCTIONS)

ObjType curses_error = {
    .ob.type = &rt_type_type, .name = "_curses.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

static Value curses_module;            /* _curses, for the names initscr() adds */
static bool initialised, initialised_setupterm, initialised_colors;
static char screen_encoding[64] = "utf-8";

/* ---- what the window type shares ------------------------------------------ */

Value cur_check(int rtn, const char *fname)
{
    if (rtn != ERR)
        return rt_None;
    return rt_raisef(&curses_error, "%s() returned ERR", fname);
}

bool cur_initialised(void)
{
    if (!initialised)
        rt_raisef(&curses_error, "must call initscr() first");
    return initialised;
}

bool cur_setupterm_called(void)
{
    if (!initialised_setupterm)
        rt_raisef(&curses_error, "must call (at least) setupterm() first");
    return initialised_setupterm;
}

static bool colors_initialised(void)
{
    if (!initialised_colors)
        rt_raisef(&curses_error, "must call start_color() first");
    return initialised_colors;
}

/* A C long from an index; overflow is reported as `overflow_msg`. */
static bool as_long_msg(Value v, long *out, const char *overflow_msg)
{
    int64_t i;
    Value idx = rt_index(v);
    if (idx == VAL_NULL)
        return false;
    if (!rt_int_as_i64(idx, &i)) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "%s", overflow_msg);
        return false;
    }
    *out = (long)i;
    return true;
}

bool cur_as_long(Value v, long *out)
{
    return as_long_msg(v, out, "Python int too large to convert to C long");
}

bool cur_as_int(Value v, int *out)
{
    long l;
    if (!as_long_msg(v, &l, "signed integer is greater than maximum"))
        return false;
    if (l > INT32_MAX || l < INT32_MIN) {
        rt_raisef(&rt_OverflowError, "signed integer is %s than %s",
                  l > 0 ? "greater" : "less", l > 0 ? "maximum" : "minimum");
        return false;
    }
    *out = (int)l;
    return true;
}

/* Argument Clinic's `int` (_PyLong_AsInt). */
static bool clinic_int(Value v, int *out)
{
    long l;
    if (!as_long_msg(v, &l, "Python int too large to convert to C int"))
        return false;
    if (l > INT32_MAX || l < INT32_MIN) {
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)l;
    return true;
}

int cur_groups(const char *clinic, Value *args, size_t nargs, Value kw,
               const char *const *fmts, int lo, int hi, CurArg *out)
{
    const char *dot = strrchr(clinic, '.');
    if (!rt_arg_nokw(dot ? dot + 1 : clinic, kw))
        return -1;
    if ((int)nargs < lo || (int)nargs > hi || fmts[nargs] == NULL) {
        rt_raisef(&rt_TypeError, "%s requires %d to %d arguments", clinic, lo, hi);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i].v = args[i];
        int n;
        switch (fmts[nargs][i]) {
        case 'i':
            if (!cur_as_int(args[i], &n))
                return -1;
            out[i].n = n;
            break;
        case 'l':
            if (!cur_as_long(args[i], &out[i].n))
                return -1;
            break;
        }
    }
    return (int)nargs;
}

bool cur_as_chtype(Value v, chtype *out)
{
    long value;
    if (val_type(v) == &rt_bytes_type && AS_BYTES(v)->length == 1) {
        value = AS_BYTES(v)->data[0];
    } else if (rt_is_str(v)) {
        if (AS_STR(v)->length != 1) {
            rt_raisef(&rt_TypeError, "expect bytes or str of length 1, or int, got a str of length %u",
                      AS_STR(v)->length);
            return false;
        }
        value = rt_str_char_at(v, 0);
        if (value > 128) {            /* one byte of the window's encoding, or nothing */
            if (strcmp(screen_encoding, "utf-8") == 0 || strcmp(screen_encoding, "UTF-8") == 0 ||
                value > 255)
                goto overflow;
        }
    } else if (val_type(v) == &rt_int_type) {
        if (!rt_int_as_i64(v, (int64_t *)&value)) {
            rt_err_clear();
            goto overflow;
        }
    } else {
        rt_raisef(&rt_TypeError, "expect bytes or str of length 1, or int, got %s",
                  val_type(v)->name);
        return false;
    }
    *out = (chtype)value;
    if ((long)*out != value)
        goto overflow;
    return true;
overflow:
    rt_raisef(&rt_OverflowError, "byte doesn't fit in chtype");
    return false;
}

/* ---- functions without arguments -------------------------------------------
 * Each kind is a row of an X-list; the macro writes its wrapper. */

/* f(): _curses.error "f() returned ERR" when ncurses fails. */
#define NOARG_ERR(X)                                                            \
    X(beep) X(def_prog_mode) X(def_shell_mode) X(doupdate) X(endwin) X(flash)  \
    X(nocbreak) X(noecho) X(nonl) X(noraw) X(reset_prog_mode)                   \
    X(reset_shell_mode) X(resetty) X(savetty)
/* f() -> bool */
#define NOARG_BOOL(X) X(isendwin) X(has_colors) X(can_change_color) X(has_ic) X(has_il)
/* f() -> int */
#define NOARG_INT(X) X(baudrate) X(termattrs)
/* f() -> bytes */
#define NOARG_BYTES(X) X(termname) X(longname)

#define DEF_NOARG(name, result)                                                  \
    static Value f_##name(Value *args, size_t nargs, Value kw)                  \
    {                                                                            \
        (void)args;                                                              \
        if (!rt_arg_none("_curses." #name, nargs, kw) || !cur_initialised())     \
            return VAL_NULL;                                                     \
        return result;                                                           \
    }
#define DEF_NOARG_ERR(name) DEF_NOARG(name, cur_check(nc.name(), #name))
#define DEF_NOARG_BOOL(name) DEF_NOARG(name, rt_bool(nc.name()))
#define DEF_NOARG_INT(name) DEF_NOARG(name, rt_int_from_i64((int64_t)nc.name()))
#define DEF_NOARG_BYTES(name) DEF_NOARG(name, bytes_or_none(nc.name()))

static Value bytes_or_none(const char *s)
{
    if (s == NULL)
        return rt_raisef(&curses_error, "curses function returned NULL");
    return rt_bytes_new((const unsigned char *)s, strlen(s));
}

NOARG_ERR(DEF_NOARG_ERR)
NOARG_BOOL(DEF_NOARG_BOOL)
NOARG_INT(DEF_NOARG_INT)
NOARG_BYTES(DEF_NOARG_BYTES)

static Value one_char(char c)
{
    return rt_bytes_new((const unsigned char *)&c, 1);
}
DEF_NOARG(erasechar, one_char(nc.erasechar()))
/* CPython does not check for initscr() here. */
static Value f_killchar(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.killchar", nargs, kw))
        return VAL_NULL;
    return one_char(nc.killchar());
}
DEF_NOARG(flushinp, (nc.flushinp(), rt_None))
DEF_NOARG(noqiflush, (nc.noqiflush(), rt_None))

static Value f_filter(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.filter", nargs, kw))       /* before initscr(), by design */
        return VAL_NULL;
    nc.filter();
    return rt_None;
}

static Value f_has_extended_color_support(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.has_extended_color_support", nargs, kw))
        return VAL_NULL;
    return rt_True;
}

/* ---- functions of one flag: f(flag=True) is f(), f(False) is nof() -------- */

/* flag: bool(accept={int}), optional or required */
static bool flag_arg(const char *name, Value *args, size_t nargs, Value kw, bool optional, bool *flag)
{
    if (optional ? !rt_arg_nokw(name, kw) || !rt_arg_range(name, nargs, 0, 1)
                 : !rt_arg_one(rt_str_cstr(rt_str_format_c("_curses.%s", name)), nargs, kw))
        return false;
    return rt_arg_flag(nargs ? args[0] : VAL_NULL, true, flag);
}

#define FLAG_PAIRS(X) X(cbreak) X(echo) X(raw) X(nl)
#define DEF_FLAG_PAIR(name)                                                       \
    static Value f_##name(Value *args, size_t nargs, Value kw)                   \
    {                                                                             \
        bool flag;                                                                \
        if (!flag_arg(#name, args, nargs, kw, true, &flag) || !cur_initialised()) \
            return VAL_NULL;                                                      \
        return cur_check(flag ? nc.name() : nc.no##name(), #name);                \
    }
FLAG_PAIRS(DEF_FLAG_PAIR)

static Value f_qiflush(Value *args, size_t nargs, Value kw)
{
    bool flag;
    if (!flag_arg("qiflush", args, nargs, kw, true, &flag) || !cur_initialised())
        return VAL_NULL;
    (flag ? nc.qiflush : nc.noqiflush)();
    return rt_None;
}

static Value f_intrflush(Value *args, size_t nargs, Value kw)
{
    bool flag;
    if (!flag_arg("intrflush", args, nargs, kw, false, &flag) || !cur_initialised())
        return VAL_NULL;
    return cur_check(nc.intrflush(NULL, flag), "intrflush");
}

static Value f_meta(Value *args, size_t nargs, Value kw)
{
    bool flag;
    if (!flag_arg("meta", args, nargs, kw, false, &flag) || !cur_initialised())
        return VAL_NULL;
    return cur_check(nc.meta(*nc.stdscr, flag), "meta");
}

static Value f_use_env(Value *args, size_t nargs, Value kw)
{
    bool flag;
    if (!flag_arg("use_env", args, nargs, kw, false, &flag))
        return VAL_NULL;
    nc.use_env(flag);
    return rt_None;
}

/* ---- functions of int arguments ---------------------------------------------- */

/* f(a, b, ...) with `n` Clinic ints into v[]; initialised first when `init`. */
static bool int_args(const char *name, Value *args, size_t nargs, Value kw, size_t n, int *v, bool init)
{
    if (!rt_arg_nokw(name, kw) || !rt_arg_range(name, nargs, n, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!clinic_int(args[i], &v[i]))
            return false;
    return !init || cur_initialised();
}

static Value f_curs_set(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("curs_set", args, nargs, kw, 1, &v, true))
        return VAL_NULL;
    int erg = nc.curs_set(v);
    return erg == ERR ? cur_check(erg, "curs_set") : small_new(erg);
}

static Value f_napms(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("napms", args, nargs, kw, 1, &v, true))
        return VAL_NULL;
    vm_release_lock();
    int r = nc.napms(v);
    vm_reacquire_lock();
    return small_new(r);
}

static Value f_halfdelay(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("halfdelay", args, nargs, kw, 1, &v, false))
        return VAL_NULL;
    if (v < 0 || v > 255)
        return rt_raisef(&rt_OverflowError, "unsigned byte integer is %s",
                         v < 0 ? "less than minimum" : "greater than maximum");
    if (!cur_initialised())
        return VAL_NULL;
    return cur_check(nc.halfdelay(v), "halfdelay");
}

/* f(int): cur_check */
#define ONE_INT_ERR(X) X(delay_output) X(typeahead) X(mouseinterval)
#define DEF_ONE_INT_ERR(name)                                                 \
    static Value f_##name(Value *args, size_t nargs, Value kw)               \
    {                                                                         \
        int v;                                                                \
        if (!int_args(#name, args, nargs, kw, 1, &v, true))                   \
            return VAL_NULL;                                                  \
        return cur_check(nc.name(v), #name);                                  \
    }
ONE_INT_ERR(DEF_ONE_INT_ERR)

static Value f_has_key(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("has_key", args, nargs, kw, 1, &v, true))
        return VAL_NULL;
    return rt_bool(nc.has_key(v));
}

static Value f_keyname(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("keyname", args, nargs, kw, 1, &v, true))
        return VAL_NULL;
    if (v < 0)
        return rt_raisef(&rt_ValueError, "invalid key number");
    const char *k = nc.keyname(v);
    return rt_bytes_new((const unsigned char *)(k ? k : ""), k ? strlen(k) : 0);
}

static Value f_set_escdelay(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("set_escdelay", args, nargs, kw, 1, &v, false))
        return VAL_NULL;
    if (v <= 0)
        return rt_raisef(&rt_ValueError, "ms must be > 0");
    return cur_check(nc.set_escdelay(v), "set_escdelay");
}

static Value f_set_tabsize(Value *args, size_t nargs, Value kw)
{
    int v;
    if (!int_args("set_tabsize", args, nargs, kw, 1, &v, false))
        return VAL_NULL;
    if (v <= 0)
        return rt_raisef(&rt_ValueError, "size must be > 0");
    return cur_check(nc.set_tabsize(v), "set_tabsize");
}

static Value f_get_escdelay(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.get_escdelay", nargs, kw))
        return VAL_NULL;
    return small_new(nc.get_escdelay());
}

static Value f_get_tabsize(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.get_tabsize", nargs, kw))
        return VAL_NULL;
    return small_new(*nc.TABSIZE);
}

/* ---- initscr, windows, terminal size --------------------------------------------- */

static void set_int(const char *name, long v)
{
    mod_module_set(curses_module, name, rt_int_from_i64(v));
}

/* The ACS_* names and the character of acs_map each stands for. */
#define ACS_CHARS(X)                                                                  \
    X(ULCORNER, 'l') X(LLCORNER, 'm') X(URCORNER, 'k') X(LRCORNER, 'j') X(LTEE, 't')  \
    X(RTEE, 'u') X(BTEE, 'v') X(TTEE, 'w') X(HLINE, 'q') X(VLINE, 'x') X(PLUS, 'n')   \
    X(S1, 'o') X(S9, 's') X(DIAMOND, '`') X(CKBOARD, 'a') X(DEGREE, 'f')              \
    X(PLMINUS, 'g') X(BULLET, '~') X(LARROW, ',') X(RARROW, '+') X(DARROW, '.')       \
    X(UARROW, '-') X(BOARD, 'h') X(LANTERN, 'i') X(BLOCK, '0') X(BSSB, 'l')           \
    X(SSBB, 'm') X(BBSS, 'k') X(SBBS, 'j') X(SBSS, 'u') X(SSSB, 't') X(SSBS, 'v')     \
    X(BSSS, 'w') X(BSBS, 'q') X(SBSB, 'x') X(SSSS, 'n') X(S3, 'p') X(S7, 'r')         \
    X(LEQUAL, 'y') X(GEQUAL, 'z') X(PI, '{') X(NEQUAL, '|') X(STERLING, '}')

static void set_acs_constants(void)
{
#define SET_ACS(name, c) set_int("ACS_" #name, (long)(*nc.acs_map)[(unsigned char)(c)]);
    ACS_CHARS(SET_ACS)
#undef SET_ACS
}

/* The window's encoding: the locale's codeset, as CPython reads it. */
const char *cur_locale_encoding(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && codeset[0] ? codeset : "utf-8";
}

static Value f_initscr(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.initscr", nargs, kw))
        return VAL_NULL;
    if (initialised) {
        nc.wrefresh(*nc.stdscr);
        return cur_window_new(*nc.stdscr, NULL);
    }
    WINDOW *w = nc.initscr();
    if (w == NULL)
        return rt_raisef(&curses_error, "curses function returned NULL");
    initialised = initialised_setupterm = true;
    set_acs_constants();
    set_int("LINES", *nc.LINES);
    set_int("COLS", *nc.COLS);
    snprintf(screen_encoding, sizeof screen_encoding, "%s", cur_locale_encoding());
    return cur_window_new(w, NULL);
}

/* LINES and COLS, in _curses and in the curses package (if imported). */
static bool update_lines_cols(void)
{
    Value curses = mod_import("curses");
    if (curses == VAL_NULL)
        return false;
    Value lines = small_new(*nc.LINES), cols = small_new(*nc.COLS);
    if (rt_setattr(curses, RT_NAME("LINES"), lines) < 0 ||
        rt_setattr(curses, RT_NAME("COLS"), cols) < 0)
        return false;
    mod_module_set(curses_module, "LINES", lines);
    mod_module_set(curses_module, "COLS", cols);
    return true;
}

static Value f_update_lines_cols(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.update_lines_cols", nargs, kw))
        return VAL_NULL;
    return update_lines_cols() ? rt_None : VAL_NULL;
}

static Value resize(const char *name, int (*fn)(int, int), Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!int_args(name, args, nargs, kw, 2, v, true))
        return VAL_NULL;
    if (cur_check(fn(v[0], v[1]), name) == VAL_NULL || !update_lines_cols())
        return VAL_NULL;
    return rt_None;
}

static Value f_resizeterm(Value *a, size_t n, Value kw) { return resize("resizeterm", nc.resizeterm, a, n, kw); }
static Value f_resize_term(Value *a, size_t n, Value kw) { return resize("resize_term", nc.resize_term, a, n, kw); }

static Value f_is_term_resized(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!int_args("is_term_resized", args, nargs, kw, 2, v, true))
        return VAL_NULL;
    return rt_bool(nc.is_term_resized(v[0], v[1]));
}

/* newwin(nlines, ncols, [begin_y=0, begin_x=0]) */
static Value f_newwin(Value *args, size_t nargs, Value kw)
{
    static const char *const fmts[] = { NULL, NULL, "ii", NULL, "iiii" };
    CurArg a[4] = { 0 };
    int n = cur_groups("_curses.newwin", args, nargs, kw, fmts, 2, 4, a);
    if (n < 0 || !cur_initialised())
        return VAL_NULL;
    return cur_window_new(nc.newwin((int)a[0].n, (int)a[1].n, (int)a[2].n, (int)a[3].n), NULL);
}

static Value f_newpad(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!int_args("newpad", args, nargs, kw, 2, v, true))
        return VAL_NULL;
    return cur_window_new(nc.newpad(v[0], v[1]), NULL);
}

static Value f_getsyx(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.getsyx", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    int y = 0, x = 0;
    WINDOW *ns = *nc.newscr;
    if (ns != NULL) {
        if (nc.is_leaveok(ns))
            y = x = -1;
        else
            y = nc.getcury(ns), x = nc.getcurx(ns);
    }
    return rt_tuple_pack(2, small_new(y), small_new(x));
}

static Value f_setsyx(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!int_args("setsyx", args, nargs, kw, 2, v, true))
        return VAL_NULL;
    WINDOW *ns = *nc.newscr;
    if (ns != NULL) {
        if (v[0] == -1 && v[1] == -1) {
            nc.leaveok(ns, TRUE);
        } else {
            nc.leaveok(ns, FALSE);
            nc.wmove(ns, v[0], v[1]);
        }
    }
    return rt_None;
}

/* ungetch(ch) / unget_wch(ch) */
static Value f_ungetch(Value *args, size_t nargs, Value kw)
{
    chtype ch;
    if (!rt_arg_nokw("ungetch", kw) || !rt_arg_range("ungetch", nargs, 1, 1) ||
        !cur_initialised() || !cur_as_chtype(args[0], &ch))
        return VAL_NULL;
    return cur_check(nc.ungetch((int)ch), "ungetch");
}

static Value f_unget_wch(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("unget_wch", kw) || !rt_arg_range("unget_wch", nargs, 1, 1) || !cur_initialised())
        return VAL_NULL;
    Value ch = args[0];
    long wc;
    if (rt_is_str(ch)) {
        if (AS_STR(ch)->length != 1)
            return rt_raisef(&rt_TypeError, "expect str of length 1 or int, got a str of length %u",
                             AS_STR(ch)->length);
        wc = rt_str_char_at(ch, 0);
    } else if (val_type(ch) == &rt_int_type) {
        if (!cur_as_long(ch, &wc))
            return VAL_NULL;
        if (wc < 0 || wc > 0x10ffff)
            return rt_raisef(&rt_OverflowError, "character doesn't fit in wchar_t");
    } else {
        return rt_raisef(&rt_TypeError, "expect str of length 1 or int, got %s", val_type(ch)->name);
    }
    return cur_check(nc.unget_wch((wchar_t)wc), "unget_wch");
}

static Value f_unctrl(Value *args, size_t nargs, Value kw)
{
    chtype ch;
    if (!rt_arg_nokw("unctrl", kw) || !rt_arg_range("unctrl", nargs, 1, 1) ||
        !cur_initialised() || !cur_as_chtype(args[0], &ch))
        return VAL_NULL;
    return bytes_or_none(nc.unctrl(ch));
}

/* ---- colours ------------------------------------------------------------------- */

static Value f_start_color(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.start_color", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    if (nc.start_color() == ERR)
        return rt_raisef(&curses_error, "start_color() returned ERR");
    initialised_colors = true;
    set_int("COLORS", *nc.COLORS);
    set_int("COLOR_PAIRS", *nc.COLOR_PAIRS);
    return rt_None;
}

static Value f_use_default_colors(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.use_default_colors", nargs, kw) || !cur_initialised() || !colors_initialised())
        return VAL_NULL;
    return cur_check(nc.use_default_colors(), "use_default_colors");
}

/* A long argument, saturated as PyLong_AsLongAndOverflow reports: *overflow
 * is 1 / -1 past the ends of a long. */
static bool long_overflow(Value v, long *out, int *overflow)
{
    *overflow = 0;
    Value idx = rt_index(v);
    if (idx == VAL_NULL)
        return false;
    int64_t i;
    if (!rt_int_as_i64(idx, &i)) {
        rt_err_clear();
        *overflow = rt_int_sign(idx);
        *out = -1;
        return true;
    }
    *out = (long)i;
    return true;
}

/* color_converter: 0 <= c < COLORS (allow_default: a negative c is -1). */
static bool color_arg(Value v, int *out, bool allow_default)
{
    long c;
    int ovf;
    if (!long_overflow(v, &c, &ovf))
        return false;
    if (ovf > 0 || c >= *nc.COLORS) {
        rt_raisef(&rt_ValueError, "Color number is greater than COLORS-1 (%d).", *nc.COLORS - 1);
        return false;
    }
    if (ovf < 0 || c < 0) {
        if (!allow_default) {
            rt_raisef(&rt_ValueError, "Color number is less than 0.");
            return false;
        }
        c = -1;
    }
    *out = (int)c;
    return true;
}

static bool pair_arg(Value v, int *out)
{
    long p;
    int ovf;
    if (!long_overflow(v, &p, &ovf))
        return false;
    if (ovf > 0 || p > INT32_MAX) {
        rt_raisef(&rt_ValueError, "Color pair is greater than maximum (%d).", INT32_MAX);
        return false;
    }
    if (ovf < 0 || p < 0) {
        rt_raisef(&rt_ValueError, "Color pair is less than 0.");
        return false;
    }
    *out = (int)p;
    return true;
}

static bool component_arg(Value v, int *out)
{
    long c;
    int ovf;
    if (!long_overflow(v, &c, &ovf))
        return false;
    if (ovf > 0 || c > 1000) {
        rt_raisef(&rt_ValueError, "Color component is greater than 1000");
        return false;
    }
    if (ovf < 0 || c < 0) {
        rt_raisef(&rt_ValueError, "Color component is less than 0");
        return false;
    }
    *out = (int)c;
    return true;
}

static bool color_call_ready(const char *name, Value *args, size_t nargs, Value kw, size_t n)
{
    return rt_arg_nokw(name, kw) && rt_arg_range(name, nargs, n, n);
}

/* The error of a colour function whose pair (or colour) was out of range. */
static Value color_failed(int number, int limit, const char *what, const char *fn)
{
    if (number >= limit)
        return rt_raisef(&rt_ValueError, "Color %s is greater than %s-1 (%d).", what,
                         what[0] == 'p' ? "COLOR_PAIRS" : "COLORS", limit - 1);
    return rt_raisef(&curses_error, "%s() returned ERR", fn);
}

static Value f_init_pair(Value *args, size_t nargs, Value kw)
{
    int p, fg, bg;
    if (!color_call_ready("init_pair", args, nargs, kw, 3) || !pair_arg(args[0], &p) ||
        !color_arg(args[1], &fg, true) || !color_arg(args[2], &bg, true) ||
        !cur_initialised() || !colors_initialised())
        return VAL_NULL;
    if (nc.init_extended_pair(p, fg, bg) == ERR)
        return color_failed(p, *nc.COLOR_PAIRS, "pair", "init_extended_pair");
    return rt_None;
}

static Value f_init_color(Value *args, size_t nargs, Value kw)
{
    int c, r, g, b;
    if (!color_call_ready("init_color", args, nargs, kw, 4) || !color_arg(args[0], &c, false) ||
        !component_arg(args[1], &r) || !component_arg(args[2], &g) || !component_arg(args[3], &b) ||
        !cur_initialised() || !colors_initialised())
        return VAL_NULL;
    return cur_check(nc.init_extended_color(c, r, g, b), "init_extended_color");
}

static Value f_pair_content(Value *args, size_t nargs, Value kw)
{
    int p, f, b;
    if (!color_call_ready("pair_content", args, nargs, kw, 1) || !pair_arg(args[0], &p) ||
        !cur_initialised() || !colors_initialised())
        return VAL_NULL;
    if (nc.extended_pair_content(p, &f, &b) == ERR)
        return color_failed(p, *nc.COLOR_PAIRS, "pair", "extended_pair_content");
    return rt_tuple_pack(2, small_new(f), small_new(b));
}

static Value f_color_content(Value *args, size_t nargs, Value kw)
{
    int c, r, g, b;
    if (!color_call_ready("color_content", args, nargs, kw, 1) || !color_arg(args[0], &c, false) ||
        !cur_initialised() || !colors_initialised())
        return VAL_NULL;
    if (nc.extended_color_content(c, &r, &g, &b) == ERR)
        return color_failed(c, *nc.COLORS, "number", "extended_color_content");
    return rt_tuple_pack(3, small_new(r), small_new(g), small_new(b));
}

static Value f_color_pair(Value *args, size_t nargs, Value kw)
{
    int p;
    if (!int_args("color_pair", args, nargs, kw, 1, &p, true) || !colors_initialised())
        return VAL_NULL;
    return rt_int_from_i64((int64_t)(((unsigned long)p << 8) & A_COLOR));
}

static Value f_pair_number(Value *args, size_t nargs, Value kw)
{
    int a;
    if (!int_args("pair_number", args, nargs, kw, 1, &a, true))
        return VAL_NULL;
    return small_new((long)(((unsigned long)a & A_COLOR) >> 8));
}

/* ---- terminfo ------------------------------------------------------------------- */

/* setupterm(term=None, fd=-1) */
static Value f_setupterm(Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = { "term", "fd" };
    static const ArgSpec spec = { "setupterm", names, 2, 0, 0, 2, false };
    Value a[2];
    int fd = -1, err;
    const char *term = NULL;
    if (!rt_parse_args(&spec, args, nargs, kw, a))
        return VAL_NULL;
    if (a[0] != VAL_NULL && a[0] != rt_None) {
        if (!rt_is_str(a[0]))
            return rt_raisef(&rt_TypeError, "setupterm() argument 'term' must be str or None, not %s",
                             val_type(a[0])->name);
        if ((term = mod_str_utf8(a[0])) == NULL)
            return VAL_NULL;
        if (strlen(term) != rt_str_nbytes(a[0]))
            return rt_raisef(&rt_ValueError, "embedded null character");
    }
    if (a[1] != VAL_NULL && !clinic_int(a[1], &fd))
        return VAL_NULL;
    if (fd == -1) {
        Value out = rt_dict_get_cstr(rt_sys_namespace, "stdout");
        if (out == VAL_NULL || out == rt_None)
            return rt_raisef(&curses_error, "lost sys.stdout");
        Value n = mod_call_method(out, "fileno", NULL, 0);
        if (n == VAL_NULL || !clinic_int(n, &fd))
            return VAL_NULL;
    }
    if (!initialised_setupterm && nc.setupterm(term, fd, &err) == ERR)
        return rt_raisef(&curses_error, "%s",
                         err == 0 ? "setupterm: could not find terminal"
                         : err == -1 ? "setupterm: could not find terminfo database"
                         : "setupterm: unknown error");
    initialised_setupterm = true;
    return rt_None;
}

/* The capability name of tigetstr(capname) and its two siblings. */
static const char *capname_arg(const char *fname, Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw(fname, kw) || !rt_arg_range(fname, nargs, 1, 1))
        return NULL;
    if (!rt_is_str(args[0])) {
        rt_raisef(&rt_TypeError, "%s() argument must be str, not %s", fname,
                  args[0] == rt_None ? "None" : val_type(args[0])->name);
        return NULL;
    }
    const char *s = mod_str_utf8(args[0]);
    if (s != NULL && strlen(s) != rt_str_nbytes(args[0])) {
        rt_raisef(&rt_ValueError, "embedded null character");
        return NULL;
    }
    return s != NULL && cur_setupterm_called() ? s : NULL;
}

static Value f_tigetstr(Value *args, size_t nargs, Value kw)
{
    const char *cap = capname_arg("tigetstr", args, nargs, kw);
    if (cap == NULL)
        return VAL_NULL;
    const char *s = nc.tigetstr(cap);
    if (s == NULL || s == (char *)-1)
        return rt_None;
    return rt_bytes_new((const unsigned char *)s, strlen(s));
}

static Value f_tigetnum(Value *args, size_t nargs, Value kw)
{
    const char *cap = capname_arg("tigetnum", args, nargs, kw);
    return cap == NULL ? VAL_NULL : small_new(nc.tigetnum(cap));
}

static Value f_tigetflag(Value *args, size_t nargs, Value kw)
{
    const char *cap = capname_arg("tigetflag", args, nargs, kw);
    return cap == NULL ? VAL_NULL : small_new(nc.tigetflag(cap));
}

/* A bytes argument without NUL (PyArg_ParseTuple's 'y'). */
static const char *bytes_arg(Value v)
{
    if (val_type(v) != &rt_bytes_type) {
        rt_raisef(&rt_TypeError, "a bytes-like object is required, not '%s'", val_type(v)->name);
        return NULL;
    }
    const char *s = (const char *)AS_BYTES(v)->data;
    if (strlen(s) != AS_BYTES(v)->length) {
        rt_raisef(&rt_ValueError, "embedded null byte");
        return NULL;
    }
    return s;
}

/* tparm(str, i1=0, ..., i9=0) */
static Value f_tparm(Value *args, size_t nargs, Value kw)
{
    long p[9] = { 0 };
    if (!rt_arg_nokw("tparm", kw) || !rt_arg_count("tparm", nargs, 1, 10))
        return VAL_NULL;
    const char *s = bytes_arg(args[0]);
    if (s == NULL)
        return VAL_NULL;
    for (size_t i = 1; i < nargs; i++) {
        int v;
        if (!cur_as_int(args[i], &v))
            return VAL_NULL;
        p[i - 1] = v;
    }
    if (!cur_setupterm_called())
        return VAL_NULL;
    const char *r = nc.tparm(s, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    if (r == NULL)
        return rt_raisef(&curses_error, "tparm() returned NULL");
    return rt_bytes_new((const unsigned char *)r, strlen(r));
}

static Value f_putp(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("putp", kw) || !rt_arg_range("putp", nargs, 1, 1))
        return VAL_NULL;
    const char *s = bytes_arg(args[0]);
    return s == NULL ? VAL_NULL : cur_check(nc.putp(s), "putp");
}

/* ---- the mouse ------------------------------------------------------------------ */

/* Clinic's unsigned_long(bitwise=True): any int, taken modulo 2**64. */
static bool as_mask(Value v, uint64_t *out)
{
    Value i = rt_index(v);
    if (i == VAL_NULL)
        return false;
    int64_t small;
    if (rt_int_as_i64(i, &small)) {
        *out = (uint64_t)small;
        return true;
    }
    rt_err_clear();
    mpz_t z;
    mpz_init(z);
    mod_int_to_mpz(i, z);
    mpz_fdiv_r_2exp(z, z, 64);
    *out = (uint64_t)mpz_getlimbn(z, 0);
    mpz_clear(z);
    return true;
}

static Value f_mousemask(Value *args, size_t nargs, Value kw)
{
    uint64_t mask;
    if (!rt_arg_nokw("mousemask", kw) || !rt_arg_range("mousemask", nargs, 1, 1) ||
        !as_mask(args[0], &mask) || !cur_initialised())
        return VAL_NULL;
    mmask_t old = 0, avail = nc.mousemask((mmask_t)mask, &old);
    return rt_tuple_pack(2, rt_int_from_u64(avail), rt_int_from_u64(old));
}

static Value f_getmouse(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses.getmouse", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    MEVENT e;
    if (nc.getmouse(&e) == ERR)
        return cur_check(ERR, "getmouse");
    return rt_tuple_pack(5, small_new(e.id), small_new(e.x), small_new(e.y), small_new(e.z),
                         rt_int_from_u64(e.bstate));
}

static Value f_ungetmouse(Value *args, size_t nargs, Value kw)
{
    int v[4];
    uint64_t bstate;
    if (!rt_arg_nokw("ungetmouse", kw) || !rt_arg_range("ungetmouse", nargs, 5, 5))
        return VAL_NULL;
    for (int i = 0; i < 4; i++)
        if (!clinic_int(args[i], &v[i]))
            return VAL_NULL;
    if (!as_mask(args[4], &bstate) || !cur_initialised())
        return VAL_NULL;
    MEVENT e = { .id = (short)v[0], .x = v[1], .y = v[2], .z = v[3], .bstate = (mmask_t)bstate };
    return cur_check(nc.ungetmouse(&e), "ungetmouse");
}

/* ---- getwin: a window read back from what window.putwin() wrote ---------------- */

static Value f_getwin(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("getwin", kw) || !rt_arg_one("getwin", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    Value data = mod_call_method(args[0], "read", NULL, 0);
    if (data == VAL_NULL)
        return VAL_NULL;
    if (val_type(data) != &rt_bytes_type)
        return rt_raisef(&rt_TypeError, "f.read() returned %s instead of bytes", val_type(data)->name);
    FILE *fp = tmpfile();
    if (fp == NULL)
        return rt_raisef(&rt_OSError, "%s", strerror(errno));
    fwrite(AS_BYTES(data)->data, 1, AS_BYTES(data)->length, fp);
    rewind(fp);
    WINDOW *w = nc.getwin(fp);
    fclose(fp);
    return cur_window_new(w, NULL);
}

/* ---- the module ------------------------------------------------------------------ */

#define NOARG_ROW(name) {#name, f_##name},
static const MethodDef curses_functions[] = {
    NOARG_ERR(NOARG_ROW) NOARG_BOOL(NOARG_ROW) NOARG_INT(NOARG_ROW) NOARG_BYTES(NOARG_ROW)
    FLAG_PAIRS(NOARG_ROW)
    {"erasechar", f_erasechar}, {"killchar", f_killchar}, {"flushinp", f_flushinp},
    {"noqiflush", f_noqiflush}, {"qiflush", f_qiflush}, {"filter", f_filter},
    {"has_extended_color_support", f_has_extended_color_support},
    {"intrflush", f_intrflush}, {"meta", f_meta}, {"use_env", f_use_env},
    {"curs_set", f_curs_set}, {"napms", f_napms}, {"halfdelay", f_halfdelay},
    ONE_INT_ERR(NOARG_ROW) {"has_key", f_has_key}, {"keyname", f_keyname},
    {"set_escdelay", f_set_escdelay}, {"get_escdelay", f_get_escdelay},
    {"set_tabsize", f_set_tabsize}, {"get_tabsize", f_get_tabsize},
    {"initscr", f_initscr}, {"update_lines_cols", f_update_lines_cols},
    {"resizeterm", f_resizeterm}, {"resize_term", f_resize_term},
    {"is_term_resized", f_is_term_resized}, {"newwin", f_newwin}, {"newpad", f_newpad},
    {"getsyx", f_getsyx}, {"setsyx", f_setsyx}, {"ungetch", f_ungetch},
    {"unget_wch", f_unget_wch}, {"unctrl", f_unctrl},
    {"start_color", f_start_color}, {"use_default_colors", f_use_default_colors},
    {"init_pair", f_init_pair}, {"init_color", f_init_color},
    {"pair_content", f_pair_content}, {"color_content", f_color_content},
    {"color_pair", f_color_pair}, {"pair_number", f_pair_number},
    {"setupterm", f_setupterm}, {"tigetstr", f_tigetstr}, {"tigetnum", f_tigetnum},
    {"tigetflag", f_tigetflag}, {"tparm", f_tparm}, {"putp", f_putp},
    {"mousemask", f_mousemask}, {"getmouse", f_getmouse}, {"ungetmouse", f_ungetmouse},
    {"getwin", f_getwin},
    {NULL, NULL}
};

/* The constants that do not depend on the terminal. */
#define CURSES_CONSTANTS(X)                                                            \
    X(ERR) X(OK) X(A_ATTRIBUTES) X(A_NORMAL) X(A_STANDOUT) X(A_UNDERLINE) X(A_REVERSE)  \
    X(A_BLINK) X(A_DIM) X(A_BOLD) X(A_ALTCHARSET) X(A_INVIS) X(A_PROTECT)                \
    X(A_CHARTEXT) X(A_COLOR) X(A_HORIZONTAL) X(A_LEFT) X(A_LOW) X(A_RIGHT) X(A_TOP)    \
    X(A_VERTICAL) X(A_ITALIC) X(COLOR_BLACK) X(COLOR_RED) X(COLOR_GREEN)                \
    X(COLOR_YELLOW) X(COLOR_BLUE) X(COLOR_MAGENTA) X(COLOR_CYAN) X(COLOR_WHITE)         \
    X(BUTTON1_PRESSED) X(BUTTON1_RELEASED) X(BUTTON1_CLICKED) X(BUTTON1_DOUBLE_CLICKED) \
    X(BUTTON1_TRIPLE_CLICKED) X(BUTTON2_PRESSED) X(BUTTON2_RELEASED) X(BUTTON2_CLICKED) \
    X(BUTTON2_DOUBLE_CLICKED) X(BUTTON2_TRIPLE_CLICKED) X(BUTTON3_PRESSED)              \
    X(BUTTON3_RELEASED) X(BUTTON3_CLICKED) X(BUTTON3_DOUBLE_CLICKED)                    \
    X(BUTTON3_TRIPLE_CLICKED) X(BUTTON4_PRESSED) X(BUTTON4_RELEASED) X(BUTTON4_CLICKED) \
    X(BUTTON4_DOUBLE_CLICKED) X(BUTTON4_TRIPLE_CLICKED) X(BUTTON5_PRESSED)              \
    X(BUTTON5_RELEASED) X(BUTTON5_CLICKED) X(BUTTON5_DOUBLE_CLICKED)                    \
    X(BUTTON5_TRIPLE_CLICKED) X(BUTTON_SHIFT) X(BUTTON_CTRL) X(BUTTON_ALT)              \
    X(ALL_MOUSE_EVENTS) X(REPORT_MOUSE_POSITION) X(KEY_MIN) X(KEY_MAX)

/* KEY_* for every key code ncurses names: KEY_F(n) becomes KEY_Fn. */
static void set_key_constants(Value m)
{
    for (int key = KEY_MIN; key < KEY_MAX; key++) {
        const char *name = nc.keyname(key);
        if (name == NULL || strcmp(name, "UNKNOWN") == 0)
            continue;
        char buf[32];
        if (strncmp(name, "KEY_F(", 6) == 0) {
            snprintf(buf, sizeof buf, "KEY_F%d", atoi(name + 6));
            name = buf;
        }
        mod_module_set(m, name, small_new(key));
    }
}

static const char *const ncurses_version_fields[] = { "major", "minor", "patch" };
static const RtStructSeqDesc ncurses_version_desc = {
    "curses.ncurses_version", ncurses_version_fields, 3, 3, false,
};

Value mod_curses_init(void)
{
    /* CPython's start-up locale (LC_CTYPE from the environment, C.UTF-8
     * for the C locale), which pvm sets when _locale is first imported:
     * ncursesw reads and writes UTF-8 only under such a locale. */
    if (!nc_ready() || mod_import("_locale") == VAL_NULL)
        return VAL_NULL;
    Value m = mod_module_new("_curses", curses_functions);
    curses_module = m;
    if (curses_error.mro == VAL_NULL)
        rt_type_ready(&curses_error, NULL);
    mod_module_set(m, "error", obj_val(&curses_error));
    mod_add_type(m, "window", &curses_window_type, curses_window_methods);
#define SET_CONSTANT(name) mod_module_set(m, #name, rt_int_from_i64((int64_t)(name)));
    CURSES_CONSTANTS(SET_CONSTANT)
#undef SET_CONSTANT
    set_key_constants(m);
    Value version = rt_bytes_new((const unsigned char *)"2.2", 3);
    mod_module_set(m, "version", version);
    mod_module_set(m, "__version__", version);
    static ObjType *ncv_type;
    if (ncv_type == NULL)
        ncv_type = rt_structseq_type_new(&ncurses_version_desc);
    Value items[3] = { small_new(NCURSES_VERSION_MAJOR), small_new(NCURSES_VERSION_MINOR),
                       small_new(NCURSES_VERSION_PATCH) };
    mod_module_set(m, "ncurses_version", rt_structseq_new(ncv_type, items));
    return m;
}
