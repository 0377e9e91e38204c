/*
 * curses_panel.c — the _curses_panel module (CPython 3.11's
 * Modules/_curses_panel.c) over libpanelw, opened on first import: panels,
 * the stack of windows that may overlap, which curses.panel is.
 *
 * A panel object holds its PANEL and the window object it shows.  The
 * library gives back PANELs (panel_above, panel_below), so the module
 * keeps a list from PANEL to panel object, as CPython does; the list lives
 * outside the collected heap, so it does not keep a panel alive: a panel
 * object the program drops is taken off the stack (del_panel) by its
 * finaliser, as CPython's deallocator does.
 */
#include <stdlib.h>
#include "modules/curses.h"
#include <ncursesw/panel.h>

#define PANEL_FUNCTIONS(X)                                                          \
    X(new_panel) X(del_panel) X(panel_above) X(panel_below) X(top_panel)            \
    X(bottom_panel) X(hide_panel) X(show_panel) X(panel_hidden) X(move_panel)       \
    X(replace_panel) X(update_panels)
MOD_LIBRARY(pl, "libpanelw.so.6", PANEL_FUNCTIONS)

typedef struct ObjPanel {
    Object ob;
    PANEL *pan;
    Value window;               /* the _curses.window it shows */
    Value userptr;              /* VAL_NULL until set_userptr() */
} ObjPanel;

static ObjType panel_type = {
    .ob.type = &rt_type_type, .name = "_curses_panel.panel", .new_ = mod_no_new,
};
static ObjType panel_error = {
    .ob.type = &rt_type_type, .name = "_curses_panel.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* ---- PANEL -> panel object ---------------------------------------------------- */

typedef struct PanelLink {
    ObjPanel *po;               /* hidden from the collector: malloc'd memory */
    struct PanelLink *next;
} PanelLink;
static PanelLink *panels;

static ObjPanel *find_panel(PANEL *pan)
{
    for (PanelLink *l = panels; l != NULL; l = l->next)
        if (l->po->pan == pan)
            return l->po;
    return NULL;
}

static void forget_panel(void *obj, void *data)
{
    (void)data;
    ObjPanel *po = obj;
    for (PanelLink **l = &panels; *l != NULL; l = &(*l)->next)
        if ((*l)->po == po) {
            PanelLink *dead = *l;
            *l = dead->next;
            free(dead);
            break;
        }
    pl.del_panel(po->pan);
}

static Value panel_new(PANEL *pan, Value window)
{
    PanelLink *link = malloc(sizeof *link);
    if (link == NULL) {
        pl.del_panel(pan);
        return rt_raisef(&rt_MemoryError, "out of memory");
    }
    ObjPanel *po = gc_alloc(sizeof *po);
    po->ob.type = &panel_type;
    po->pan = pan;
    po->window = window;
    link->po = po;
    link->next = panels;
    panels = link;
    gc_register_finalizer(po, forget_panel, NULL);
    return obj_val(po);
}

/* The panel object of pan, None for NULL; `who` names the failing lookup. */
static Value panel_value(PANEL *pan, const char *who)
{
    if (pan == NULL)
        return rt_None;
    ObjPanel *po = find_panel(pan);
    if (po == NULL)
        return rt_raisef(&rt_RuntimeError, "%s: can't find Panel Object", who);
    return obj_val(po);
}

static Value panel_check(int rtn, const char *fname)
{
    if (rtn != ERR)
        return rt_None;
    return rt_raisef(&panel_error, "%s() returned ERR", fname);
}

/* ---- the panel's methods --------------------------------------------------------- */

#define PAN (VAL_AS(ObjPanel, args[0])->pan)

/* The count check of 3.11's panel methods (Argument Clinic, with the
 * defining class): "top() takes no arguments", "move() takes exactly 2
 * positional arguments (1 given)". */
static bool method_args(const char *py, size_t n, Value kw, size_t want)
{
    if (!rt_arg_nokw(py, kw))
        return false;
    if (n == want)
        return true;
    if (want == 0)
        rt_raisef(&rt_TypeError, "%s() takes no arguments", py);
    else
        rt_raisef(&rt_TypeError, "%s() takes exactly %zu positional argument%s (%zu given)", py,
                  want, want == 1 ? "" : "s", n);
    return false;
}

/* name(): (python name, C function, name in the error) -> cur_check */
#define PANEL_NOARG_ERR(X) X(bottom, bottom_panel, "bottom") X(hide, hide_panel, "hide") \
    X(show, show_panel, "show") X(top, top_panel, "top")
#define DEF_NOARG(py, body)                                                        \
    static Value p_##py(Value *args, size_t nargs, Value kw)                      \
    {                                                                              \
        if (!method_args(#py, nargs - 1, kw, 0))                                   \
            return VAL_NULL;                                                       \
        body;                                                                      \
    }
#define DEF_NOARG_ERR(py, c, ename) DEF_NOARG(py, return panel_check(pl.c(PAN), ename))
PANEL_NOARG_ERR(DEF_NOARG_ERR)
DEF_NOARG(above, return panel_value(pl.panel_above(PAN), "panel_above"))
DEF_NOARG(below, return panel_value(pl.panel_below(PAN), "panel_below"))
DEF_NOARG(hidden, return rt_bool(pl.panel_hidden(PAN)))
DEF_NOARG(window, return VAL_AS(ObjPanel, args[0])->window)

static Value p_userptr(Value *args, size_t nargs, Value kw)
{
    if (!method_args("userptr", nargs - 1, kw, 0))
        return VAL_NULL;
    Value u = VAL_AS(ObjPanel, args[0])->userptr;
    return u != VAL_NULL ? u : rt_raisef(&panel_error, "no userptr set");
}

static Value p_set_userptr(Value *args, size_t nargs, Value kw)
{
    if (!method_args("set_userptr", nargs - 1, kw, 1))
        return VAL_NULL;
    VAL_AS(ObjPanel, args[0])->userptr = args[1];
    return rt_None;
}

static Value p_move(Value *args, size_t nargs, Value kw)
{
    int v[2];
    if (!method_args("move", nargs - 1, kw, 2) || !cur_as_int(args[1], &v[0]) || !cur_as_int(args[2], &v[1]))
        return VAL_NULL;
    return panel_check(pl.move_panel(PAN, v[0], v[1]), "move_panel");
}

/* A window argument: "new_panel() argument must be _curses.window, not int"
 * (`which`: "", or " 1" for a method). */
static bool window_arg(const char *fname, const char *which, Value v)
{
    if (cur_is_window(v))
        return true;
    rt_raisef(&rt_TypeError, "%s() argument%s must be _curses.window, not %s", fname, which,
              v == rt_None ? "None" : val_type(v)->name);
    return false;
}

static Value p_replace(Value *args, size_t nargs, Value kw)
{
    if (!method_args("replace", nargs - 1, kw, 1) || !window_arg("replace", " 1", args[1]))
        return VAL_NULL;
    if (pl.replace_panel(PAN, cur_window(args[1])) == ERR)
        return rt_raisef(&panel_error, "replace_panel() returned ERR");
    VAL_AS(ObjPanel, args[0])->window = args[1];
    return rt_None;
}

#define ROW(py, ...) {#py, p_##py},
static const MethodDef panel_methods[] = {
    PANEL_NOARG_ERR(ROW)
    {"above", p_above}, {"below", p_below}, {"hidden", p_hidden}, {"window", p_window},
    {"userptr", p_userptr}, {"set_userptr", p_set_userptr}, {"move", p_move},
    {"replace", p_replace},
    {NULL, NULL}
};

/* ---- the module ---------------------------------------------------------------------- */

static Value m_new_panel(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_one("new_panel", nargs, kw) || !window_arg("new_panel", "", args[0]))
        return VAL_NULL;
    PANEL *pan = pl.new_panel(cur_window(args[0]));
    if (pan == NULL)
        return rt_raisef(&panel_error, "curses function returned NULL");
    return panel_new(pan, args[0]);
}

static Value m_bottom_panel(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses_panel.bottom_panel", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    return panel_value(pl.panel_above(NULL), "bottom_panel");
}

static Value m_top_panel(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses_panel.top_panel", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    return panel_value(pl.panel_below(NULL), "top_panel");
}

static Value m_update_panels(Value *args, size_t nargs, Value kw)
{
    (void)args;
    if (!rt_arg_none("_curses_panel.update_panels", nargs, kw) || !cur_initialised())
        return VAL_NULL;
    pl.update_panels();
    return rt_None;
}

static const MethodDef panel_functions[] = {
    {"new_panel", m_new_panel}, {"bottom_panel", m_bottom_panel},
    {"top_panel", m_top_panel}, {"update_panels", m_update_panels},
    {NULL, NULL}
};

Value mod_curses_panel_init(void)
{
    /* _curses first: its library, its window type, its initscr() state. */
    if (mod_import("_curses") == VAL_NULL || !pl_ready())
        return VAL_NULL;
    Value m = mod_module_new("_curses_panel", panel_functions);
    if (panel_error.mro == VAL_NULL)
        rt_type_ready(&panel_error, NULL);
    mod_module_set(m, "error", obj_val(&panel_error));
    mod_add_type(m, "panel", &panel_type, panel_methods);
    Value version = rt_str_from_cstr("2.1");
    mod_module_set(m, "version", version);
    mod_module_set(m, "__version__", version);
    return m;
}
