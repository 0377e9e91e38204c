/*
 * curses.h — what the two files of _curses share (CPython 3.11's
 * Modules/_cursesmodule.c): curses.c, the module's functions and
 * constants, and curses_window.c, the window type.
 *
 * libncursesw is not linked: it is opened on the first `import _curses`
 * (MOD_LIBRARY, modutil.h) and every function is called through the table
 * `nc`.  ncurses' globals (LINES, COLS, stdscr, acs_map ...) are variables
 * of the library, reached the same way: `*nc.LINES`.  NCURSES_NOMACROS
 * keeps curses.h from turning the names of the table's fields into macro
 * calls (`nc.getmaxx(w)` would otherwise expand getmaxx).
 */
#ifndef PVM_CURSES_H
#define PVM_CURSES_H

#define NCURSES_WIDECHAR 1
#define NCURSES_NOMACROS 1
#include <stdio.h>
#include <ncursesw/curses.h>
#include "modules/modutil.h"

/* term.h's, which is not included: it defines a macro per capability
 * (`lines`, `columns` ...). */
int setupterm(const char *term, int fd, int *err);
int tigetflag(const char *cap);
int tigetnum(const char *cap);

/* The functions and variables of libncursesw (and of libtinfo, which it
 * depends on and dlsym finds through it). */
#define NC_FUNCTIONS(X)                                                          \
    X(initscr) X(endwin) X(isendwin) X(newwin) X(newpad) X(subwin) X(derwin)      \
    X(subpad) X(delwin) X(doupdate) X(cbreak) X(nocbreak) X(echo) X(noecho)       \
    X(raw) X(noraw) X(nl) X(nonl) X(halfdelay) X(curs_set) X(napms) X(beep)       \
    X(flash) X(start_color) X(has_colors) X(can_change_color)                      \
    X(init_extended_pair) X(init_extended_color) X(extended_pair_content)         \
    X(extended_color_content) X(use_default_colors) X(def_prog_mode)              \
    X(reset_prog_mode) X(def_shell_mode) X(reset_shell_mode) X(resetty)           \
    X(savetty) X(resizeterm) X(resize_term) X(is_term_resized) X(setupterm)       \
    X(tigetstr) X(tigetnum) X(tigetflag) X(tparm) X(keyname) X(unctrl)            \
    X(has_key) X(ungetch) X(unget_wch) X(flushinp) X(mousemask) X(getmouse)       \
    X(ungetmouse) X(mouseinterval) X(baudrate) X(termname) X(longname)            \
    X(erasechar) X(killchar) X(get_escdelay) X(set_escdelay) X(set_tabsize)       \
    X(intrflush) X(meta) X(typeahead) X(qiflush) X(noqiflush) X(filter)           \
    X(use_env) X(delay_output) X(has_ic) X(has_il) X(putp) X(termattrs)           \
    X(is_leaveok) X(leaveok) X(wmove) X(getwin) X(putwin)                          \
    /* windows */                                                                  \
    X(waddnstr) X(waddnwstr) X(winsnstr) X(wins_nwstr) X(waddch) X(wadd_wch)      \
    X(winsch) X(setcchar) X(wechochar) X(pechochar) X(wgetch) X(wget_wch)         \
    X(wgetnstr) X(winnstr) X(winch) X(wrefresh) X(wnoutrefresh) X(prefresh)       \
    X(pnoutrefresh) X(wclear) X(werase) X(wclrtobot) X(wclrtoeol) X(wborder)      \
    X(box) X(whline) X(wvline) X(wattron) X(wattroff) X(wattrset) X(getattrs)     \
    X(wbkgd) X(wbkgdset) X(getbkgd) X(wchgat) X(keypad) X(nodelay) X(notimeout)   \
    X(wtimeout) X(scrollok) X(idlok) X(idcok) X(clearok) X(immedok) X(syncok)     \
    X(wscrl) X(wsetscrreg) X(getcury) X(getcurx) X(getbegy) X(getbegx)            \
    X(getmaxy) X(getmaxx) X(getpary) X(getparx) X(mvwin) X(mvderwin) X(wresize)   \
    X(overlay) X(overwrite) X(copywin) X(touchwin) X(untouchwin) X(wtouchln)      \
    X(touchline) X(is_wintouched) X(is_linetouched) X(redrawwin) X(wredrawln)     \
    X(wdeleteln) X(winsertln) X(winsdelln) X(wdelch) X(wenclose) X(wsyncup)       \
    X(wsyncdown) X(wcursyncup) X(wstandout) X(wstandend) X(is_pad)                \
    /* variables */                                                                \
    X(LINES) X(COLS) X(COLORS) X(COLOR_PAIRS) X(TABSIZE) X(stdscr) X(newscr)      \
    X(acs_map)

MOD_LIBRARY_TYPE(CursesLib, NC_FUNCTIONS)
extern CursesLib nc;
bool nc_ready(void);

extern ObjType curses_error;           /* _curses.error */
extern ObjType curses_window_type;     /* _curses.window */
extern const MethodDef curses_window_methods[];
extern const GetSetDef curses_window_getsets[];

/* The window object of w; VAL_NULL + _curses.error "curses function
 * returned NULL" when w is NULL. */
Value cur_window_new(WINDOW *w, const char *encoding);
WINDOW *cur_window(Value v);
/* The encoding of a window made without one: the locale's codeset. */
const char *cur_locale_encoding(void);
bool cur_is_window(Value v);

/* CPython's PyCursesCheckERR: None, or _curses.error "<fname>() returned ERR". */
Value cur_check(int rtn, const char *fname);
/* The checks CPython's functions start with: false + _curses.error
 * "must call initscr() first" / "must call (at least) setupterm() first". */
bool cur_initialised(void);
bool cur_setupterm_called(void);

/* The arguments of a function with optional groups, as Argument Clinic
 * parses them in 3.11 (PyArg_ParseTuple with one format per count):
 * fmts[n] is the format for n positional arguments ('O' object, 'i' C
 * int, 'l' C long), NULL for a count that is not allowed; a bad count is
 * TypeError "<clinic> requires <lo> to <hi> arguments" (<clinic> is
 * "_curses.window.addstr").  The values land in out[] in order: objects
 * in .v, ints in .n.  Returns the count, or -1 + exception. */
typedef struct CurArg {
    Value v;
    long n;
} CurArg;
int cur_groups(const char *clinic, Value *args, size_t nargs, Value kw,
               const char *const *fmts, int lo, int hi, CurArg *out);
/* One argument as PyArg_ParseTuple's 'i' / 'l' reads it. */
bool cur_as_int(Value v, int *out);
bool cur_as_long(Value v, long *out);
/* A character argument: PyCurses_ConvertToChtype (bytes or str of length
 * 1, or an int). */
bool cur_as_chtype(Value v, chtype *out);

#endif
