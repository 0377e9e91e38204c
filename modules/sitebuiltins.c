/*
 * sitebuiltins.c — exit, quit, help, copyright, credits and license: the
 * builtins CPython's site module adds at start-up (Lib/_sitebuiltins.py),
 * written in C so that pvm has them without importing site.
 *
 *   exit, quit   Quitter objects: the repr says how to leave ("Use exit() or
 *                Ctrl-D (i.e. EOF) to exit"); calling one closes sys.stdin
 *                and raises SystemExit(code) — scripts call exit() too.
 *   copyright, credits, license
 *                _Printer objects: the repr is the text (or, for a text
 *                longer than 23 lines, "Type license() to see the full
 *                license text"); calling one prints it 23 lines at a time.
 *                license's text is the stdlib's LICENSE.txt, as site finds it.
 *   help         a _Helper: calling it runs pydoc.help; while pydoc cannot
 *                be imported, a RuntimeError says so (caused by the import's
 *                error).
 *
 * As in CPython, `pvm -S` leaves them out (tools/main.c decides).  Also
 * here: builtins.breakpoint(), which calls sys.breakpointhook (sys_hooks.c).
 */
#include <stdio.h>
#include <string.h>
#include "runtime/runtime.h"
#include "modules/api.h"
#include "modules/modutil.h"
#include "runtime/version.h"
#include "modules/sys.h"

enum { MAXLINES = 23 };

/* ---- Quitter ------------------------------------------------------------------------- */

static ObjType quitter_type;

static Value quitter_repr(Value self)
{
    Value name = rt_getattr_cstr(self, "name");
    Value eof = name != VAL_NULL ? rt_getattr_cstr(self, "eof") : VAL_NULL;
    return eof == VAL_NULL ? VAL_NULL : rt_str_format_c("Use %S() or %S to exit", name, eof);
}

/* exit(code=None): close sys.stdin (errors ignored), raise SystemExit(code). */
static Value quitter_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "code" };
    static const ArgSpec spec = { "__call__", names, 1, 0, 0, 1, false };
    Value a[1];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value in = mod_sys_get("stdin");
    Value close = in != VAL_NULL ? rt_getattr_cstr(in, "close") : VAL_NULL;
    if (close != VAL_NULL)
        rt_call0(close);
    rt_err_clear();
    return rt_raise_args(&rt_SystemExit, rt_tuple_pack(1, a[0] ? a[0] : rt_None));
}

static ObjType quitter_type = {
    .ob.type = &rt_type_type, .name = "_sitebuiltins.Quitter",
    .dict_offset = offsetof(ObjInstance, dict),
    .repr = quitter_repr, .call = quitter_call,
};

static Value quitter_new(const char *name)
{
    ObjInstance *q = gc_alloc(sizeof *q);
    q->ob.type = &quitter_type;
    q->dict = rt_dict_new();
    rt_dict_set_cstr(q->dict, "name", rt_str_from_cstr(name));
    rt_dict_set_cstr(q->dict, "eof", rt_str_from_cstr("Ctrl-D (i.e. EOF)"));
    return obj_val(q);
}

/* ---- _Printer --------------------------------------------------------------------------- */

typedef struct ObjPrinter {
    Object ob;
    Value dict;
    const char *name;           /* "license" */
    const char *data;           /* the text when no file has it (NULL: sys.copyright) */
    bool from_files;            /* license: look for LICENSE.txt first */
    Value lines;                /* list of str, read on first use */
} ObjPrinter;

static ObjType printer_type;

#define AS_PRINTER(v) VAL_AS(ObjPrinter, v)

/* The contents of the first file of LICENSE.txt / LICENSE in the stdlib's
 * parent, the stdlib, the current directory (site.setcopyright's order). */
static Value read_license(void)
{
    static const char *const files[] = { "LICENSE.txt", "LICENSE" };
    /* Each path is made whole from the stdlib's directory, a str: a
     * `const char *` into a str made for the directory alone would be the
     * only pointer to it, and the collector recognizes pointers to the
     * start of an object only (gc.c, "interior pointers"). */
    static const char *const dirs[3] = { "%S/../%s", "%S/%s", "./%s" };
    Value here = mod_sys_get("_stdlib_dir");
    bool have_here = here != VAL_NULL && is_str(here);
    for (int d = have_here ? 0 : 2; d < 3; d++) {
        for (int f = 0; f < 2; f++) {
            Value path = d < 2 ? rt_str_format_c(dirs[d], here, files[f])
                               : rt_str_format_c(dirs[d], files[f]);
            FILE *fp = fopen(rt_str_cstr(path), "rb");
            if (fp == NULL)
                continue;
            StrBuf sb;
            sb_init(&sb);
            char buf[4096];
            size_t n;
            while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
                sb_add(&sb, buf, n);
            fclose(fp);
            if (sb.len > 0 && rt_utf8_valid((const unsigned char *)sb.data, sb.len, NULL))
                return sb_finish(&sb);
        }
    }
    return VAL_NULL;
}

static Value printer_lines(ObjPrinter *p)
{
    if (p->lines != VAL_NULL)
        return p->lines;
    Value text = p->from_files ? read_license() : VAL_NULL;
    if (text == VAL_NULL && p->data == NULL)
        text = mod_sys_get("copyright");        /* copyright: sys.copyright */
    if (text == VAL_NULL || !is_str(text))
        text = rt_str_from_cstr(p->data ? p->data : "");
    Value newline = rt_str_from_cstr("\n");
    p->lines = mod_call_method(text, "split", &newline, 1);
    return p->lines;
}

static Value printer_repr(Value self)
{
    ObjPrinter *p = AS_PRINTER(self);
    Value lines = printer_lines(p);
    if (lines == VAL_NULL)
        return VAL_NULL;
    if (AS_LIST(lines)->length > MAXLINES)
        return rt_str_format_c("Type %s() to see the full %s text", p->name, p->name);
    Value sep = rt_str_from_cstr("\n");
    Value join = rt_getattr_cstr(sep, "join");
    return join != VAL_NULL ? rt_call1(join, lines) : VAL_NULL;
}

/* Print MAXLINES lines, then ask "Hit Return for more, or q (and Return)
 * to quit: " until the text ends or the answer is q. */
static Value printer_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("__call__", nargs, kwnames))
        return VAL_NULL;
    Value lines = printer_lines(AS_PRINTER(self));
    Value print = rt_dict_get_cstr(rt_builtins_dict, "print");
    Value input = rt_dict_get_cstr(rt_builtins_dict, "input");
    if (lines == VAL_NULL || print == VAL_NULL || input == VAL_NULL)
        return VAL_NULL;
    Value prompt = rt_str_from_cstr("Hit Return for more, or q (and Return) to quit: ");
    size_t n = AS_LIST(lines)->length;
    for (size_t lineno = 0; lineno < n; lineno += MAXLINES) {
        for (size_t i = lineno; i < lineno + MAXLINES && i < n; i++)
            if (rt_call1(print, AS_LIST(lines)->items[i]) == VAL_NULL)
                return VAL_NULL;
        if (lineno + MAXLINES >= n)
            break;
        Value key;
        do {
            key = rt_call1(input, prompt);
            if (key == VAL_NULL)
                return VAL_NULL;
        } while (!is_str(key) || (rt_str_nbytes(key) != 0 && strcmp(rt_str_cstr(key), "q") != 0));
        if (strcmp(rt_str_cstr(key), "q") == 0)
            break;
    }
    return rt_None;
}

static ObjType printer_type = {
    .ob.type = &rt_type_type, .name = "_sitebuiltins._Printer",
    .dict_offset = offsetof(ObjPrinter, dict),
    .repr = printer_repr, .call = printer_call,
};

static Value printer_new(const char *name, const char *data, bool from_files)
{
    ObjPrinter *p = gc_alloc(sizeof *p);
    p->ob.type = &printer_type;
    p->name = name;
    p->data = data;
    p->from_files = from_files;
    return obj_val(p);
}

/* ---- _Helper ----------------------------------------------------------------------------- */

static Value helper_repr(Value self)
{
    return rt_str_from_cstr("Type help() for interactive help, or help(object) for help "
                            "about object.");
}

/* help(*args, **kwds): pydoc.help(*args, **kwds).  While pvm cannot
 * import pydoc, a RuntimeError says so, caused by the import's error. */
static Value helper_call(Value self, Value *args, size_t nargs, Value kwnames)
{
    Value import = rt_dict_get_cstr(rt_builtins_dict, "__import__");
    Value pydoc = import != VAL_NULL ? rt_call1(import, rt_str_from_cstr("pydoc")) : VAL_NULL;
    if (pydoc == VAL_NULL) {
        Value cause = rt_err_fetch();
        rt_raisef(&rt_RuntimeError, "help() is not available: pvm cannot import pydoc");
        Value exc = rt_err_peek();
        if (exc != VAL_NULL && cause != VAL_NULL) {
            AS_EXC(exc)->cause = cause;
            AS_EXC(exc)->suppress_context = true;
        }
        return VAL_NULL;
    }
    Value help = rt_getattr_cstr(pydoc, "help");
    return help != VAL_NULL ? rt_call(help, args, nargs, kwnames) : VAL_NULL;
}

static ObjType helper_type = {
    .ob.type = &rt_type_type, .name = "_sitebuiltins._Helper",
    .dict_offset = offsetof(ObjInstance, dict),
    .repr = helper_repr, .call = helper_call,
};

/* ---- into builtins --------------------------------------------------------------------------- */

static const char credits[] =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
    "    for supporting Python development.  See www.python.org for more information.";

/* 3.14's site.py words it anew, unindented. */
static const char credits314[] =
    "Thanks to CWI, CNRI, BeOpen, Zope Corporation, the Python Software\n"
    "Foundation, and a cast of thousands for supporting Python\n"
    "development.  See www.python.org for more information.";

void mod_builtins_init(bool site)
{
    rt_dict_set_cstr(rt_builtins_dict, "breakpoint",
                     rt_builtin_new("breakpoint", mod_builtin_breakpoint, VAL_NULL));
    if (!site)
        return;
    rt_type_ready(&quitter_type, NULL);
    rt_type_ready(&printer_type, NULL);
    rt_type_ready(&helper_type, NULL);
    Value b = rt_builtins_dict;
    rt_dict_set_cstr(b, "exit", quitter_new("exit"));
    rt_dict_set_cstr(b, "quit", quitter_new("quit"));
    rt_dict_set_cstr(b, "copyright", printer_new("copyright", NULL, false));
    rt_dict_set_cstr(b, "credits", printer_new("credits", rt_py_minor >= 14 ? credits314 : credits, false));
    rt_dict_set_cstr(b, "license", printer_new("license",
                     "See https://www.python.org/psf/license/", true));
    ObjInstance *h = gc_alloc(sizeof *h);
    h->ob.type = &helper_type;
    rt_dict_set_cstr(b, "help", obj_val(h));
}
