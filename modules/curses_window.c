/*
 * curses_window.c — _curses.window, the window objects of _curses
 * (CPython 3.11's PyCursesWindow_Type): stdscr, newwin(), newpad(),
 * subwin() and derwin() return them.
 *
 * Most methods are one ncurses call: they are written here by kind, a row
 * of an X-list each (no arguments; one flag; two ints ...), as CPython's
 * Window_*Function macros write them, with the C function's name in the
 * error ("wmove() returned ERR").  The methods whose arguments come in
 * optional groups ([y, x,] str, [attr]) parse them with cur_groups
 * (curses.c), which raises Argument Clinic's messages.
 */
#include <string.h>
#include <wchar.h>
#include "modules/curses.h"
#include "vm/thread.h"
#include "vm/vm.h"

typedef struct ObjWindow {
    Object ob;
    WINDOW *win;
    Value encoding;             /* str */
} ObjWindow;

ObjType curses_window_type = {
    .ob.type = &rt_type_type, .name = "_curses.window", .new_ = mod_no_new,
    .getsets = curses_window_getsets,
};

/* A window object the program dropped takes its WINDOW with it, as
 * CPython's deallocator does (never stdscr's; a window that still has
 * subwindows is refused by delwin and stays). */
static void delete_window(void *obj, void *data)
{
    (void)data;
    nc.delwin(((ObjWindow *)obj)->win);
}

Value cur_window_new(WINDOW *w, const char *encoding)
{
    if (w == NULL)
        return rt_raisef(&curses_error, "curses function returned NULL");
    ObjWindow *o = gc_alloc(sizeof *o);
    o->ob.type = &curses_window_type;
    o->win = w;
    o->encoding = rt_str_from_cstr(encoding ? encoding : cur_locale_encoding());
    if (w != *nc.stdscr)
        gc_register_finalizer(o, delete_window, NULL);
    return obj_val(o);
}

bool cur_is_window(Value v)
{
    return !val_is_small(v) && rt_isinstance_of(v, &curses_window_type);
}

WINDOW *cur_window(Value v)
{
    return VAL_AS(ObjWindow, v)->win;
}

/* The window a method was called on (args[0]). */
#define WIN (VAL_AS(ObjWindow, args[0])->win)

/* The encoding of a new window made from `self`. */
static const char *encoding_of(Value self)
{
    return rt_str_cstr(VAL_AS(ObjWindow, self)->encoding);
}

/* ---- methods by kind ------------------------------------------------------------ */

/* name(): (python name, C function) -> cur_check */
#define W_NOARG_ERR(X) X(untouchwin, untouchwin) X(touchwin, touchwin) X(redrawwin, redrawwin) \
    X(insertln, winsertln) X(erase, werase) X(deleteln, wdeleteln)
/* name(): void */
#define W_NOARG_VOID(X) X(syncup, wsyncup) X(syncdown, wsyncdown) X(standend, wstandend) \
    X(standout, wstandout) X(cursyncup, wcursyncup) X(clrtoeol, wclrtoeol)                \
    X(clrtobot, wclrtobot) X(clear, wclear)
/* name() -> (y, x) */
#define W_NOARG_YX(X) X(getyx, getcury, getcurx) X(getbegyx, getbegy, getbegx) \
    X(getmaxyx, getmaxy, getmaxx) X(getparyx, getpary, getparx)
/* name(i): one int (PyArg_ParseTuple "i;msg"), cur_check or void */
#define W_ONEARG_ERR(X) X(clearok, clearok, "True(1) or False(0)") X(idlok, idlok, "True(1) or False(0)") \
    X(keypad, keypad, "True(1) or False(0)") X(leaveok, leaveok, "True(1) or False(0)")               \
    X(nodelay, nodelay, "True(1) or False(0)") X(notimeout, notimeout, "True(1) or False(0)")         \
    X(scrollok, scrollok, "True(1) or False(0)") X(insdelln, winsdelln, "nlines")                     \
    X(syncok, syncok, "True(1) or False(0)")
#define W_ONEARG_VOID(X) X(idcok, idcok, "True(1) or False(0)") \
    X(immedok, immedok, "True(1) or False(0)") X(timeout, wtimeout, "delay")
/* name(a, b): two ints, cur_check */
#define W_TWOARG_ERR(X) X(mvwin, mvwin, "y,x") X(mvderwin, mvderwin, "y,x") X(move, wmove, "y,x") \
    X(resize, wresize, "lines,columns") X(setscrreg, wsetscrreg, "top,bottom")
/* name(attr): one long, cur_check */
#define W_ATTR(X) X(attron, wattron) X(attroff, wattroff) X(attrset, wattrset)

#define DEF_NOARG(py, body)                                                        \
    static Value w_##py(Value *args, size_t nargs, Value kw)                      \
    {                                                                              \
        if (!rt_arg_none("window." #py, nargs - 1, kw))                            \
            return VAL_NULL;                                                       \
        body;                                                                      \
    }
#define DEF_NOARG_ERR(py, c) DEF_NOARG(py, return cur_check(nc.c(WIN), #c))
#define DEF_NOARG_VOID(py, c) DEF_NOARG(py, nc.c(WIN); return rt_None)
#define DEF_NOARG_YX(py, cy, cx) \
    DEF_NOARG(py, return rt_tuple_pack(2, small_new(nc.cy(WIN)), small_new(nc.cx(WIN))))
W_NOARG_ERR(DEF_NOARG_ERR)
W_NOARG_VOID(DEF_NOARG_VOID)
W_NOARG_YX(DEF_NOARG_YX)
DEF_NOARG(is_wintouched, return rt_bool(nc.is_wintouched(WIN)))
DEF_NOARG(getbkgd, return rt_int_from_i64((int64_t)nc.getbkgd(WIN)))

/* PyArg_ParseTuple(args, "i;msg" or "ii;msg"): a wrong count is TypeError msg. */
static bool ints_msg(Value *args, size_t nargs, Value kw, const char *py, size_t n,
                     const char *msg, int *v)
{
    if (!rt_arg_nokw(py, kw))
        return false;
    if (nargs - 1 != n) {
        rt_raisef(&rt_TypeError, "%s", msg);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        if (!cur_as_int(args[1 + i], &v[i]))
            return false;
    return true;
}

#define DEF_ONEARG(py, c, msg, body)                                                \
    static Value w_##py(Value *args, size_t nargs, Value kw)                       \
    {                                                                               \
        int v;                                                                      \
        if (!ints_msg(args, nargs, kw, #py, 1, msg, &v))                            \
            return VAL_NULL;                                                        \
        body;                                                                       \
    }
#define DEF_ONEARG_ERR(py, c, msg) DEF_ONEARG(py, c, msg, return cur_check(nc.c(WIN, v), #c))
#define DEF_ONEARG_VOID(py, c, msg) DEF_ONEARG(py, c, msg, nc.c(WIN, v); return rt_None)
W_ONEARG_ERR(DEF_ONEARG_ERR)
W_ONEARG_VOID(DEF_ONEARG_VOID)

#define DEF_TWOARG_ERR(py, c, msg)                                                  \
    static Value w_##py(Value *args, size_t nargs, Value kw)                       \
    {                                                                               \
        int v[2];                                                                   \
        if (!ints_msg(args, nargs, kw, #py, 2, msg, v))                             \
            return VAL_NULL;                                                        \
        return cur_check(nc.c(WIN, v[0], v[1]), #c);                                \
    }
W_TWOARG_ERR(DEF_TWOARG_ERR)

#define DEF_ATTR(py, c)                                                             \
    static Value w_##py(Value *args, size_t nargs, Value kw)                       \
    {                                                                               \
        long attr;                                                                  \
        if (!rt_arg_nokw(#py, kw) || !rt_arg_one(#py, nargs - 1, kw) ||             \
            !cur_as_long(args[1], &attr))                                           \
            return VAL_NULL;                                                        \
        return cur_check(nc.c(WIN, (int)attr), #py);                                \
    }
W_ATTR(DEF_ATTR)

/* ---- text: addstr, addnstr, insstr, insnstr ----------------------------------------- */

/* PyCurses_ConvertToString: 2 and *ws for a str, 1 and *bs for bytes, 0 + error. */
static int text_arg(Value v, wchar_t **ws, const char **bs)
{
    if (rt_is_str(v))
        return (*ws = mod_str_wide(v)) != NULL ? 2 : 0;
    if (val_type(v) == &rt_bytes_type) {
        *bs = (const char *)AS_BYTES(v)->data;
        if (strlen(*bs) != AS_BYTES(v)->length) {
            rt_raisef(&rt_ValueError, "embedded null byte");
            return 0;
        }
        return 1;
    }
    rt_raisef(&rt_TypeError, "expect bytes or str, got %s", val_type(v)->name);
    return 0;
}

typedef struct TextOp {
    const char *clinic, *narrow_name, *wide_name;
    bool counted, insert;       /* takes n; ins*, not add* */
} TextOp;

static const char *const text_fmts[] = { NULL, "O", "Ol", "iiO", "iiOl" };
static const char *const ntext_fmts[] = { NULL, NULL, "Oi", "Oil", "iiOi", "iiOil" };

/* [y, x,] str, [n,] [attr] */
static Value put_text(const TextOp *op, Value *args, size_t nargs, Value kw)
{
    CurArg a[5];
    int lo = op->counted ? 2 : 1, n;
    n = cur_groups(op->clinic, args + 1, nargs - 1, kw, op->counted ? ntext_fmts : text_fmts,
                   lo, lo + 3, a);
    if (n < 0)
        return VAL_NULL;
    bool xy = n >= lo + 2, use_attr = (n - lo) % 2 == 1;
    int at = xy ? 2 : 0;
    int len = op->counted ? (int)a[at + 1].n : -1;
    wchar_t *ws = NULL;
    const char *bs = NULL;
    int kind = text_arg(a[at].v, &ws, &bs);
    if (kind == 0)
        return VAL_NULL;
    WINDOW *w = WIN;
    attr_t old = 0;
    if (use_attr) {
        old = (attr_t)nc.getattrs(w);
        nc.wattrset(w, (int)a[n - 1].n);
    }
    int rtn = xy ? nc.wmove(w, (int)a[0].n, (int)a[1].n) : OK;
    if (rtn != ERR) {
        if (op->insert)
            rtn = kind == 2 ? nc.wins_nwstr(w, ws, len) : nc.winsnstr(w, bs, len);
        else
            rtn = kind == 2 ? nc.waddnwstr(w, ws, len) : nc.waddnstr(w, bs, len);
    }
    if (use_attr)
        nc.wattrset(w, (int)old);
    return cur_check(rtn, kind == 2 ? op->wide_name : op->narrow_name);
}

#define TEXT_OPS(X) X(addstr, "addwstr", false, false) X(addnstr, "addnwstr", true, false) \
    X(insstr, "inswstr", false, true) X(insnstr, "insn_wstr", true, true)
#define DEF_TEXT(py, wname, counted, insert)                                              \
    static Value w_##py(Value *args, size_t nargs, Value kw)                             \
    {                                                                                     \
        static const TextOp op = { "_curses.window." #py, #py, wname, counted, insert };  \
        return put_text(&op, args, nargs, kw);                                            \
    }
TEXT_OPS(DEF_TEXT)

/* ---- characters: addch, insch, echochar ------------------------------------------ */

/* [y, x,] ch, [attr]: the count, the position (xy) and attr; -1 + error. */
static int char_args(const char *clinic, Value *args, size_t nargs, Value kw, CurArg *a,
                     bool *xy, long *attr, Value *ch)
{
    int n = cur_groups(clinic, args + 1, nargs - 1, kw, text_fmts, 1, 4, a);
    if (n < 0)
        return -1;
    *xy = n >= 3;
    *ch = a[*xy ? 2 : 0].v;
    *attr = n % 2 == 0 ? a[n - 1].n : A_NORMAL;
    return n;
}

static Value w_addch(Value *args, size_t nargs, Value kw)
{
    CurArg a[4];
    bool xy;
    long attr;
    Value ch;
    if (char_args("_curses.window.addch", args, nargs, kw, a, &xy, &attr, &ch) < 0)
        return VAL_NULL;
    WINDOW *w = WIN;
    if (rt_is_str(ch)) {        /* PyCurses_ConvertToCchar_t: a str is a wide character */
        if (AS_STR(ch)->length != 1)
            return rt_raisef(&rt_TypeError, "expect bytes or str of length 1, or int, got a str of length %u",
                             AS_STR(ch)->length);
        wchar_t wstr[2] = { (wchar_t)rt_str_char_at(ch, 0), 0 };
        cchar_t wc;
        nc.setcchar(&wc, wstr, (attr_t)attr, (short)(((unsigned long)attr & A_COLOR) >> 8), NULL);
        int rtn = xy ? nc.wmove(w, (int)a[0].n, (int)a[1].n) : OK;
        return cur_check(rtn == ERR ? ERR : nc.wadd_wch(w, &wc), "add_wch");
    }
    chtype c;
    if (!cur_as_chtype(ch, &c))
        return VAL_NULL;
    int rtn = xy ? nc.wmove(w, (int)a[0].n, (int)a[1].n) : OK;
    return cur_check(rtn == ERR ? ERR : nc.waddch(w, c | (attr_t)attr), "addch");
}

static Value w_insch(Value *args, size_t nargs, Value kw)
{
    CurArg a[4];
    bool xy;
    long attr;
    Value ch;
    chtype c;
    if (char_args("_curses.window.insch", args, nargs, kw, a, &xy, &attr, &ch) < 0 ||
        !cur_as_chtype(ch, &c))
        return VAL_NULL;
    int rtn = xy ? nc.wmove(WIN, (int)a[0].n, (int)a[1].n) : OK;
    return cur_check(rtn == ERR ? ERR : nc.winsch(WIN, c | (attr_t)attr), "insch");
}

/* echochar(ch, attr=A_NORMAL, /) */
static Value w_echochar(Value *args, size_t nargs, Value kw)
{
    chtype c;
    long attr = A_NORMAL;
    if (!rt_arg_nokw("echochar", kw) || !rt_arg_range("echochar", nargs - 1, 1, 2) ||
        !cur_as_chtype(args[1], &c) || (nargs > 2 && !cur_as_long(args[2], &attr)))
        return VAL_NULL;
    if (nc.is_pad(WIN))
        return cur_check(nc.pechochar(WIN, c | (attr_t)attr), "pechochar");
    return cur_check(nc.wechochar(WIN, c | (attr_t)attr), "echochar");
}

/* ---- input: getch, getkey, get_wch, getstr, instr, inch -------------------------- */

static const char *const yx_fmts[] = { "", NULL, "ii" };

/* [y, x]: moves there first when given; false + error. */
static bool optional_yx(const char *clinic, Value *args, size_t nargs, Value kw, CurArg *a, bool *xy)
{
    int n = cur_groups(clinic, args + 1, nargs - 1, kw, yx_fmts, 0, 2, a);
    *xy = n == 2;
    return n >= 0;
}

/* wgetch with the interpreter lock released, at (y, x) when given. */
static int read_key(WINDOW *w, bool xy, CurArg *a)
{
    vm_release_lock();
    int rtn = xy && nc.wmove(w, (int)a[0].n, (int)a[1].n) == ERR ? ERR : nc.wgetch(w);
    vm_reacquire_lock();
    return rtn;
}

static Value w_getch(Value *args, size_t nargs, Value kw)
{
    CurArg a[2];
    bool xy;
    if (!optional_yx("_curses.window.getch", args, nargs, kw, a, &xy))
        return VAL_NULL;
    return small_new(read_key(WIN, xy, a));
}

/* ERR from a read: the handler of a signal that came meanwhile, else "no input". */
static Value no_input(void)
{
    if (!vm_check_interrupt())
        return VAL_NULL;
    return rt_raisef(&curses_error, "no input");
}

static Value w_getkey(Value *args, size_t nargs, Value kw)
{
    CurArg a[2];
    bool xy;
    if (!optional_yx("_curses.window.getkey", args, nargs, kw, a, &xy))
        return VAL_NULL;
    int rtn = read_key(WIN, xy, a);
    if (rtn == ERR)
        return no_input();
    if (rtn <= 255)
        return rt_str_from_codepoint((uint32_t)rtn);
    const char *k = nc.keyname(rtn);
    return rt_str_from_cstr(k ? k : "");
}

static Value w_get_wch(Value *args, size_t nargs, Value kw)
{
    CurArg a[2];
    bool xy;
    if (!optional_yx("_curses.window.get_wch", args, nargs, kw, a, &xy))
        return VAL_NULL;
    wint_t c = 0;
    vm_release_lock();
    int ct = xy && nc.wmove(WIN, (int)a[0].n, (int)a[1].n) == ERR ? ERR : nc.wget_wch(WIN, &c);
    vm_reacquire_lock();
    if (ct == ERR)
        return no_input();
    if (ct == KEY_CODE_YES)
        return small_new((long)c);
    return rt_str_from_codepoint((uint32_t)c);
}

static Value w_inch(Value *args, size_t nargs, Value kw)
{
    CurArg a[2];
    bool xy;
    if (!optional_yx("_curses.window.inch", args, nargs, kw, a, &xy))
        return VAL_NULL;
    chtype c = xy ? (nc.wmove(WIN, (int)a[0].n, (int)a[1].n) == ERR ? (chtype)ERR : nc.winch(WIN))
                  : nc.winch(WIN);
    return rt_int_from_u64((uint64_t)c);
}

/* getstr / instr: ([y, x,] [n=1023]) in 3.11's PyArg_ParseTuple words. */
static Value read_text(Value *args, size_t nargs, Value kw, const char *py, bool input)
{
    int v[3] = { 0, 0, 1023 };
    size_t n = nargs - 1;
    if (!rt_arg_nokw(py, kw))
        return VAL_NULL;
    if (n > 3)
        return rt_raisef(&rt_TypeError, "%s requires 0 to 3 arguments", py);
    for (size_t i = 0; i < n; i++)
        if (!cur_as_int(args[1 + i], &v[n == 1 ? 2 : i]))
            return VAL_NULL;
    if ((n == 1 || n == 3) && v[2] < 0)
        return rt_raisef(&rt_ValueError, "'n' must be nonnegative");
    int len = v[2] < 1023 ? v[2] : 1023;
    char buf[1024];
    int rtn = OK;
    if (n >= 2)
        rtn = nc.wmove(WIN, v[0], v[1]);
    if (rtn != ERR) {
        if (input) {
            vm_release_lock();
            rtn = nc.wgetnstr(WIN, buf, len);
            vm_reacquire_lock();
        } else {
            rtn = nc.winnstr(WIN, buf, len);
        }
    }
    if (rtn == ERR)
        buf[0] = 0;
    return rt_bytes_new((const unsigned char *)buf, strlen(buf));
}

static Value w_getstr(Value *a, size_t n, Value kw) { return read_text(a, n, kw, "getstr", true); }
static Value w_instr(Value *a, size_t n, Value kw) { return read_text(a, n, kw, "instr", false); }

/* ---- refresh, noutrefresh: windows take none, pads six arguments ----------------- */

static Value do_refresh(Value *args, size_t nargs, Value kw, bool out)
{
    static const char *const fmts[] = { "", NULL, NULL, NULL, NULL, NULL, "iiiiii" };
    CurArg a[6];
    const char *py = out ? "noutrefresh" : "refresh";
    int n = cur_groups(out ? "_curses.window.noutrefresh" : "_curses.window.refresh",
                       args + 1, nargs - 1, kw, fmts, 0, 6, a);
    if (n < 0)
        return VAL_NULL;
    WINDOW *w = WIN;
    if (nc.is_pad(w)) {
        if (n == 0)
            return rt_raisef(&curses_error, "%s() %sfor a pad requires 6 arguments", py,
                             out ? "called " : "");
        int r[6];
        for (int i = 0; i < 6; i++)
            r[i] = (int)a[i].n;
        vm_release_lock();
        int rtn = out ? nc.pnoutrefresh(w, r[0], r[1], r[2], r[3], r[4], r[5])
                      : nc.prefresh(w, r[0], r[1], r[2], r[3], r[4], r[5]);
        vm_reacquire_lock();
        return cur_check(rtn, out ? "pnoutrefresh" : "prefresh");
    }
    if (n == 6)
        return rt_raisef(&rt_TypeError, "%s() takes no arguments (6 given)", py);
    vm_release_lock();
    int rtn = out ? nc.wnoutrefresh(w) : nc.wrefresh(w);
    vm_reacquire_lock();
    return cur_check(rtn, out ? "wnoutrefresh" : "refresh");
}

static Value w_refresh(Value *a, size_t n, Value kw) { return do_refresh(a, n, kw, false); }
static Value w_noutrefresh(Value *a, size_t n, Value kw) { return do_refresh(a, n, kw, true); }

/* ---- borders and lines ----------------------------------------------------------- */

/* border(ls=0, rs=0, ts=0, bs=0, tl=0, tr=0, bl=0, br=0, /) */
static Value w_border(Value *args, size_t nargs, Value kw)
{
    chtype c[8] = { 0 };
    if (!rt_arg_nokw("border", kw) || !rt_arg_range("border", nargs - 1, 0, 8))
        return VAL_NULL;
    for (size_t i = 1; i < nargs; i++)
        if (!cur_as_chtype(args[i], &c[i - 1]))
            return VAL_NULL;
    nc.wborder(WIN, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    return rt_None;
}

/* box([verch=0, horch=0]) */
static Value w_box(Value *args, size_t nargs, Value kw)
{
    static const char *const fmts[] = { "", NULL, "OO" };
    CurArg a[2];
    chtype c[2] = { 0, 0 };
    int n = cur_groups("_curses.window.box", args + 1, nargs - 1, kw, fmts, 0, 2, a);
    if (n < 0)
        return VAL_NULL;
    for (int i = 0; i < n; i++)
        if (!cur_as_chtype(a[i].v, &c[i]))
            return VAL_NULL;
    nc.box(WIN, c[0], c[1]);
    return rt_None;
}

/* hline / vline([y, x,] ch, n, [attr=A_NORMAL]) */
static Value draw_line(Value *args, size_t nargs, Value kw, bool vertical)
{
    CurArg a[5];
    const char *py = vertical ? "vline" : "hline";
    int n = cur_groups(vertical ? "_curses.window.vline" : "_curses.window.hline",
                       args + 1, nargs - 1, kw, ntext_fmts, 2, 5, a);
    if (n < 0)
        return VAL_NULL;
    int at = n >= 4 ? 2 : 0;
    long attr = (n - 2) % 2 == 1 ? a[n - 1].n : A_NORMAL;
    chtype c;
    if (!cur_as_chtype(a[at].v, &c))
        return VAL_NULL;
    if (at && nc.wmove(WIN, (int)a[0].n, (int)a[1].n) == ERR)
        return cur_check(ERR, "wmove");
    int count = (int)a[at + 1].n;
    c |= (attr_t)attr;
    return cur_check(vertical ? nc.wvline(WIN, c, count) : nc.whline(WIN, c, count), py);
}

static Value w_hline(Value *a, size_t n, Value kw) { return draw_line(a, n, kw, false); }
static Value w_vline(Value *a, size_t n, Value kw) { return draw_line(a, n, kw, true); }

/* ---- background and attributes ---------------------------------------------------- */

/* (ch, attr=A_NORMAL, /) as a chtype */
static bool ch_attr(const char *py, Value *args, size_t nargs, Value kw, chtype *c)
{
    long attr = A_NORMAL;
    if (!rt_arg_nokw(py, kw) || !rt_arg_range(py, nargs - 1, 1, 2) ||
        !cur_as_chtype(args[1], c) || (nargs > 2 && !cur_as_long(args[2], &attr)))
        return false;
    *c |= (attr_t)attr;
    return true;
}

static Value w_bkgd(Value *args, size_t nargs, Value kw)
{
    chtype c;
    return ch_attr("bkgd", args, nargs, kw, &c) ? cur_check(nc.wbkgd(WIN, c), "bkgd") : VAL_NULL;
}

static Value w_bkgdset(Value *args, size_t nargs, Value kw)
{
    chtype c;
    if (!ch_attr("bkgdset", args, nargs, kw, &c))
        return VAL_NULL;
    nc.wbkgdset(WIN, c);
    return rt_None;
}

/* chgat([y, x,] [n=-1,] attr) */
static Value w_chgat(Value *args, size_t nargs, Value kw)
{
    long v[4];
    size_t n = nargs - 1;
    if (!rt_arg_nokw("chgat", kw))
        return VAL_NULL;
    if (n < 1 || n > 4)
        return rt_raisef(&rt_TypeError, "chgat requires 1 to 4 arguments");
    for (size_t i = 0; i < n; i++) {
        int iv;
        if (i + 1 == n ? !cur_as_long(args[1 + i], &v[i]) : !cur_as_int(args[1 + i], &iv))
            return VAL_NULL;
        if (i + 1 < n)
            v[i] = iv;
    }
    long attr = v[n - 1];
    int num = n == 2 || n == 4 ? (int)v[n - 2] : -1;
    bool xy = n >= 3;
    short color = (short)((attr >> 8) & 0xff);
    attr -= (long)color << 8;
    WINDOW *w = WIN;
    int y = xy ? (int)v[0] : nc.getcury(w);
    int rtn = xy ? nc.wmove(w, (int)v[0], (int)v[1]) : OK;
    if (rtn != ERR)
        rtn = nc.wchgat(w, num, (attr_t)attr, color, NULL);
    nc.touchline(w, y, 1);
    return cur_check(rtn, "chgat");
}

/* ---- scrolling, touching, regions ------------------------------------------------ */

/* scroll([lines=1]) */
static Value w_scroll(Value *args, size_t nargs, Value kw)
{
    static const char *const fmts[] = { "", "i" };
    CurArg a[1];
    int n = cur_groups("_curses.window.scroll", args + 1, nargs - 1, kw, fmts, 0, 1, a);
    if (n < 0)
        return VAL_NULL;
    return cur_check(nc.wscrl(WIN, n ? (int)a[0].n : 1), "scroll");
}

/* touchline(start, count, [changed=True]) */
static Value w_touchline(Value *args, size_t nargs, Value kw)
{
    static const char *const fmts[] = { NULL, NULL, "ii", "iii" };
    CurArg a[3];
    int n = cur_groups("_curses.window.touchline", args + 1, nargs - 1, kw, fmts, 2, 3, a);
    if (n < 0)
        return VAL_NULL;
    if (n == 2)
        return cur_check(nc.touchline(WIN, (int)a[0].n, (int)a[1].n), "touchline");
    return cur_check(nc.wtouchln(WIN, (int)a[0].n, (int)a[1].n, (int)a[2].n), "touchline");
}

static Value w_redrawln(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!rt_arg_nokw("redrawln", kw) || !rt_arg_range("redrawln", nargs - 1, 2, 2) ||
        !cur_as_int(args[1], &v[0]) || !cur_as_int(args[2], &v[1]))
        return VAL_NULL;
    return cur_check(nc.wredrawln(WIN, v[0], v[1]), "redrawln");
}

static Value w_is_linetouched(Value *args, size_t nargs, Value kw)
{
    int line;
    if (!rt_arg_nokw("is_linetouched", kw) || !rt_arg_range("is_linetouched", nargs - 1, 1, 1) ||
        !cur_as_int(args[1], &line))
        return VAL_NULL;
    /* ncurses returns ERR for such a line from a function typed bool: the
     * ERR CPython tests for is the line's being outside the window. */
    if (line < 0 || line >= nc.getmaxy(WIN))
        return rt_raisef(&rt_TypeError, "is_linetouched: line number outside of boundaries");
    return rt_bool(nc.is_linetouched(WIN, line));
}

static Value w_enclose(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!rt_arg_nokw("enclose", kw) || !rt_arg_range("enclose", nargs - 1, 2, 2) ||
        !cur_as_int(args[1], &v[0]) || !cur_as_int(args[2], &v[1]))
        return VAL_NULL;
    return rt_bool(nc.wenclose(WIN, v[0], v[1]));
}

/* delch([y, x]) */
static Value w_delch(Value *args, size_t nargs, Value kw)
{
    CurArg a[2];
    bool xy;
    if (!optional_yx("_curses.window.delch", args, nargs, kw, a, &xy))
        return VAL_NULL;
    if (!xy)
        return cur_check(nc.wdelch(WIN), "wdelch");
    int rtn = nc.wmove(WIN, (int)a[0].n, (int)a[1].n);
    return cur_check(rtn == ERR ? ERR : nc.wdelch(WIN), "mvwdelch");
}

/* ---- subwindows -------------------------------------------------------------------- */

/* subwin / derwin / subpad ([nlines=0, ncols=0,] begin_y, begin_x) */
static Value make_subwindow(Value *args, size_t nargs, Value kw, bool derived)
{
    static const char *const fmts[] = { NULL, NULL, "ii", NULL, "iiii" };
    CurArg a[4];
    int n = cur_groups(derived ? "_curses.window.derwin" : "_curses.window.subwin",
                       args + 1, nargs - 1, kw, fmts, 2, 4, a);
    if (n < 0)
        return VAL_NULL;
    int lines = n == 4 ? (int)a[0].n : 0, cols = n == 4 ? (int)a[1].n : 0;
    int y = (int)a[n - 2].n, x = (int)a[n - 1].n;
    WINDOW *w = WIN, *sub;
    if (derived)
        sub = nc.derwin(w, lines, cols, y, x);
    else
        sub = nc.is_pad(w) ? nc.subpad(w, lines, cols, y, x) : nc.subwin(w, lines, cols, y, x);
    return cur_window_new(sub, encoding_of(args[0]));
}

static Value w_subwin(Value *a, size_t n, Value kw) { return make_subwindow(a, n, kw, false); }
static Value w_derwin(Value *a, size_t n, Value kw) { return make_subwindow(a, n, kw, true); }

/* overlay / overwrite(destwin, [sminrow, smincol, dminrow, dmincol, dmaxrow, dmaxcol]) */
static Value copy_window(Value *args, size_t nargs, Value kw, bool overlay)
{
    static const char *const fmts[] = { NULL, "O", NULL, NULL, NULL, NULL, NULL, "Oiiiiii" };
    const char *py = overlay ? "overlay" : "overwrite";
    CurArg a[7];
    int n = cur_groups(overlay ? "_curses.window.overlay" : "_curses.window.overwrite",
                       args + 1, nargs - 1, kw, fmts, 1, 7, a);
    if (n < 0)
        return VAL_NULL;
    if (!cur_is_window(a[0].v))
        return rt_raisef(&rt_TypeError, "%s() argument 1 must be _curses.window, not %s", py,
                         a[0].v == rt_None ? "None" : val_type(a[0].v)->name);
    WINDOW *dst = cur_window(a[0].v);
    if (n == 1)
        return cur_check(overlay ? nc.overlay(WIN, dst) : nc.overwrite(WIN, dst), py);
    return cur_check(nc.copywin(WIN, dst, (int)a[1].n, (int)a[2].n, (int)a[3].n, (int)a[4].n,
                                (int)a[5].n, (int)a[6].n, overlay), "copywin");
}

static Value w_overlay(Value *a, size_t n, Value kw) { return copy_window(a, n, kw, true); }
static Value w_overwrite(Value *a, size_t n, Value kw) { return copy_window(a, n, kw, false); }

/* putwin(file): the window as ncurses writes it, given to file.write(). */
static Value w_putwin(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("putwin", nargs - 1, kw))
        return VAL_NULL;
    FILE *fp = tmpfile();
    if (fp == NULL)
        return rt_raisef(&rt_OSError, "cannot create a temporary file");
    if (nc.putwin(WIN, fp) == ERR) {
        fclose(fp);
        return cur_check(ERR, "putwin");
    }
    long size = ftell(fp);
    rewind(fp);
    Value data = rt_bytes_uninit((size_t)size);
    size_t got = fread(AS_BYTES(data)->data, 1, (size_t)size, fp);
    fclose(fp);
    if (got != (size_t)size)
        return rt_raisef(&rt_OSError, "cannot read the temporary file");
    Value r = mod_call_method(args[1], "write", &data, 1);
    return r == VAL_NULL ? VAL_NULL : rt_None;
}

/* ---- the encoding attribute ---------------------------------------------------------- */

static Value window_encoding_get(Value self)
{
    return VAL_AS(ObjWindow, self)->encoding;
}

static int window_encoding_set(Value self, Value v)
{
    if (v == VAL_NULL) {
        rt_raisef(&rt_TypeError, "encoding may not be deleted");
        return -1;
    }
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "setting encoding to a non-string");
        return -1;
    }
    VAL_AS(ObjWindow, self)->encoding = v;
    return 0;
}

const GetSetDef curses_window_getsets[] = {
    {"encoding", window_encoding_get, window_encoding_set, "the typecode character used to create the array"},
    {NULL, NULL, NULL, NULL}
};

#define ROW(py, ...) {#py, w_##py},
const MethodDef curses_window_methods[] = {
    W_NOARG_ERR(ROW) W_NOARG_VOID(ROW) W_NOARG_YX(ROW) W_ONEARG_ERR(ROW) W_ONEARG_VOID(ROW)
    W_TWOARG_ERR(ROW) W_ATTR(ROW) TEXT_OPS(ROW)
    {"is_wintouched", w_is_wintouched}, {"getbkgd", w_getbkgd},
    {"addch", w_addch}, {"insch", w_insch}, {"echochar", w_echochar},
    {"getch", w_getch}, {"getkey", w_getkey}, {"get_wch", w_get_wch}, {"inch", w_inch},
    {"getstr", w_getstr}, {"instr", w_instr},
    {"refresh", w_refresh}, {"noutrefresh", w_noutrefresh},
    {"border", w_border}, {"box", w_box}, {"hline", w_hline}, {"vline", w_vline},
    {"bkgd", w_bkgd}, {"bkgdset", w_bkgdset}, {"chgat", w_chgat},
    {"scroll", w_scroll}, {"touchline", w_touchline}, {"redrawln", w_redrawln},
    {"is_linetouched", w_is_linetouched}, {"enclose", w_enclose}, {"delch", w_delch},
    {"subwin", w_subwin}, {"subpad", w_subwin}, {"derwin", w_derwin},
    {"overlay", w_overlay}, {"overwrite", w_overwrite}, {"putwin", w_putwin},
    {NULL, NULL}
};
