/*
 * repl.c — the interactive prompt: `pvm` with no program and a terminal on
 * stdin behaves like python3.11's REPL.
 *
 *   pvm 0.1.0 (CPython 3.11 bytecode) [GCC 12.2.0] on linux   the banner
 *   Type "exit()" or Ctrl-D (i.e. EOF) to exit. Source is ...  (stderr; -q: none)
 *   >>> def f(x):                                  sys.ps1
 *   ...     return x * 2                           sys.ps2 while incomplete
 *   ...
 *   >>> f(21)
 *   42                                             sys.displayhook shows it,
 *   >>> _ + 1                                      and keeps it in builtins._
 *   43
 *   >>> 1/0
 *   Traceback (most recent call last):             printed; the session goes on
 *     File "<stdin>", line 1, in <module>
 *   ZeroDivisionError: division by zero
 *
 * The banner keeps python3.11's two-line form but names pvm and the
 * bytecode it runs; its second line says how to leave (exit(), Ctrl-D)
 * and which python3.11 compiles what is typed.  exit(), quit(), help,
 * copyright, credits and license are builtins, as site.py makes them in
 * CPython (modules/sitebuiltins.c).
 *
 * Each input goes to the compile service (loader/compile.h), which answers
 * as CPython's codeop module decides — CPython's own rule for "is this
 * statement finished?" — with a code object compiled in 'single' mode (so
 * an expression statement's value reaches PRINT_EXPR and sys.displayhook),
 * a SyntaxError, or "incomplete": then the prompt becomes sys.ps2 and the
 * next line is added.  `from __future__` imports typed at the prompt stay
 * in force for the rest of the session, as in CPython.
 *
 * Lines are read with GNU readline (editing, history kept in
 * ~/.pvm_history, tab completion of names), in its callback mode, as
 * CPython's Modules/readline.c does, so that Ctrl-C can cancel the line:
 * the program's SIGINT handler only sets a flag, select() returns EINTR,
 * and the partial line is thrown away ("KeyboardInterrupt").  Ctrl-D at an
 * empty >>> prompt ends the session; within a statement it ends the
 * statement, which is then compiled as it is.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "loader/compile.h"
#include "modules/api.h"
#include "modules/readline.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "vm/vm.h"
#include "tools/repl.h"

/* ---- reading a line --------------------------------------------------------------- */

/* str(sys.ps1) or str(sys.ps2), read before each line (a program may
 * change them); "" when missing or when str() fails. */
static char *prompt(const char *name)
{
    Value sys = VAL_AS(ObjModule, mod_sys_module())->dict;
    Value p = rt_dict_get_cstr(sys, name);
    Value s = p != VAL_NULL ? rt_str(p) : VAL_NULL;
    if (s == VAL_NULL) {
        rt_err_clear();
        return "";
    }
    return (char *)rt_str_cstr(s);
}

/* ---- history and completion ------------------------------------------------------------ */

static char *history_path(void)
{
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0')
        return NULL;
    size_t n = strlen(home) + 32;
    char *path = gc_alloc_atomic(n);
    snprintf(path, n, "%s/.pvm_history", home);
    return path;
}

/* Tab completion, as CPython's rlcompleter completes at its prompt: a
 * keyword (with the space or colon that follows it), a global or builtin
 * name (a callable with its "("), or after a dot an attribute of the
 * object the dotted name before it names. */
static Value completion_globals;

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield", "_", "case", "match", NULL,
};

/* rlcompleter's suffixes: "try:", "import ", "True"; "f(" for a callable,
 * "f()" for a Python function without parameters. */
static Value keyword_match(const char *k)
{
    static const char *const bare[] = { "False", "None", "True", "break", "continue", "pass",
                                        "else", "_", NULL };
    if (strcmp(k, "finally") == 0 || strcmp(k, "try") == 0)
        return rt_str_format_c("%s:", k);
    for (int i = 0; bare[i]; i++)
        if (strcmp(k, bare[i]) == 0)
            return rt_str_from_cstr(k);
    return rt_str_format_c("%s ", k);
}

static Value name_match(Value word, Value value)
{
    if (value == VAL_NULL || !rt_callable(value))
        return word;
    bool no_params = is_function(value) && AS_FUNCTION(value)->code->argcount == 0 &&
                     AS_FUNCTION(value)->code->kwonlyargcount == 0 &&
                     !(AS_FUNCTION(value)->code->flags & (CO_VARARGS | CO_VARKEYWORDS));
    return rt_str_format_c("%S%s", word, no_params ? "()" : "(");
}

static bool starts_with(Value name, const char *prefix)
{
    return is_str(name) && strncmp(rt_str_cstr(name), prefix, strlen(prefix)) == 0;
}

/* Names visible at the prompt that start with text. */
static void global_matches(const char *text, Value found)
{
    Value seen = rt_dict_new();
    rt_dict_set_cstr(seen, "__builtins__", rt_None);
    for (int i = 0; keywords[i]; i++)
        if (strncmp(keywords[i], text, strlen(text)) == 0) {
            rt_list_append(found, keyword_match(keywords[i]));
            rt_dict_set_cstr(seen, keywords[i], rt_None);
        }
    Value spaces[] = { completion_globals, rt_builtins_dict };
    for (int s = 0; s < 2; s++) {
        Value k, v;
        for (size_t i = 0; rt_dict_next(spaces[s], &i, &k, &v);)
            if (starts_with(k, text) && rt_dict_get(seen, k, NULL) == VAL_NULL) {
                rt_dict_set(seen, k, rt_None);
                rt_list_append(found, name_match(k, v));
            }
    }
}

/* "obj.attr.pre": the attributes of obj.attr (dir()) that start with pre;
 * names starting with _ (or __) only when pre asks for them or nothing
 * else matches, as rlcompleter. */
static void attr_matches(const char *text, Value found)
{
    const char *dot = strrchr(text, '.'), *attr = dot + 1;
    char *path = gc_strdup(text);
    path[dot - text] = '\0';
    char *save = NULL, *part = strtok_r(path, ".", &save);
    Value obj = part ? rt_dict_get_cstr(completion_globals, part) : VAL_NULL;
    if (obj == VAL_NULL && part != NULL)
        obj = rt_dict_get_cstr(rt_builtins_dict, part);
    while (obj != VAL_NULL && (part = strtok_r(NULL, ".", &save)) != NULL)
        obj = rt_lookup_attr(obj, rt_str_from_cstr(part));
    Value dir = obj != VAL_NULL ? rt_call1(rt_dict_get_cstr(rt_builtins_dict, "dir"), obj) : VAL_NULL;
    if (dir == VAL_NULL || !is_list(dir)) {
        rt_err_clear();
        return;
    }
    Value expr = rt_str_new(text, (size_t)(dot - text));
    for (const char *hide = attr[0] == '\0' ? "_" : strcmp(attr, "_") == 0 ? "__" : NULL;; ) {
        for (size_t i = 0; i < AS_LIST(dir)->length; i++) {
            Value w = AS_LIST(dir)->items[i];
            if (!starts_with(w, attr) || (hide != NULL && starts_with(w, hide)))
                continue;
            Value value = rt_lookup_attr(obj, w);
            rt_err_clear();
            rt_list_append(found, name_match(rt_str_format_c("%S.%S", expr, w), value));
        }
        if (AS_LIST(found)->length > 0 || hide == NULL)
            break;
        hide = strcmp(hide, "_") == 0 ? "__" : NULL;
    }
}

/* Every match of `text`, sorted and without repeats. */
static Value matches_for(const char *text)
{
    Value found = rt_list_new(0);
    if (strchr(text, '.') != NULL)
        attr_matches(text, found);
    else
        global_matches(text, found);
    Value unique = rt_call1(obj_val(&rt_set_type), found);
    Value sorted = unique != VAL_NULL ? rt_sequence_to_list(unique) : VAL_NULL;
    if (sorted == VAL_NULL || !rt_list_sort(sorted, VAL_NULL, false)) {
        rt_err_clear();
        return rt_list_new(0);
    }
    return sorted;
}

/* readline's generator: state 0 starts a new word. */
static char *completion_generator(const char *text, int state)
{
    static Value found;
    static size_t next;
    if (state == 0) {
        found = matches_for(text);
        next = 0;
    }
    if (next >= AS_LIST(found)->length)
        return NULL;
    return strdup(rt_str_cstr(AS_LIST(found)->items[next++]));
}

/* Tab on an empty word indents, as in CPython's REPL; otherwise it
 * completes a name (never a file name), adding nothing after it. */
static char **complete(const char *text, int start, int end)
{
    *mod_rl.rl_attempted_completion_over = 1;
    *mod_rl.rl_completion_append_character = '\0';
    if (text[strspn(text, " \t")] == '\0') {
        mod_rl.rl_insert_text("\t");
        return NULL;
    }
    return mod_rl.rl_completion_matches(text, completion_generator);
}

static bool have_readline;              /* libreadline could be loaded */
static bool keep_history;               /* sys.__interactivehook__ ran */

/* Line editing, always (CPython's readline module, which its prompt
 * imports when stdin is a terminal). */
static void init_readline(void)
{
    setlocale(LC_CTYPE, "");            /* multibyte input, as CPython */
    const char *ctype = setlocale(LC_CTYPE, NULL);
    if (ctype == NULL || strcmp(ctype, "C") == 0 || strcmp(ctype, "POSIX") == 0)
        setlocale(LC_CTYPE, "C.UTF-8"); /* CPython's locale coercion */
    have_readline = mod_rl_ready();
    if (!have_readline) {               /* lines are read plainly (mod_readline_line) */
        rt_err_clear();
        return;
    }
    *mod_rl.rl_readline_name = "python"; /* ~/.inputrc's `$if python` applies */
    *mod_rl.rl_catch_signals = 0;        /* Ctrl-C is ours: see mod_readline_line */
    mod_rl.rl_initialize();             /* reads ~/.inputrc */
    /* As CPython's readline module does: bracketed paste off (it would
     * send terminal escapes around every line). */
    mod_rl.rl_variable_bind("enable-bracketed-paste", "off");
}

/* sys.__interactivehook__ (what CPython's site module installs unless -I
 * or -S, and its prompt calls before the first line): tab completion of
 * the names of __main__ and the builtins, and the history kept in
 * ~/.pvm_history (site's register_readline, with pvm's file). */
static Value register_readline(Value *args, size_t nargs, Value kwnames)
{
    if (!rt_arg_none("register_readline", nargs, kwnames))
        return VAL_NULL;
    if (!mod_rl_ready()) {
        rt_err_clear();
        return rt_None;
    }
    Value main = rt_dict_get_cstr(mod_sys_modules(), "__main__");
    completion_globals = main != VAL_NULL && IS_EXACT(main, rt_module_type)
                             ? VAL_AS(ObjModule, main)->dict : rt_dict_new();
    *mod_rl.rl_attempted_completion_function = complete;
    *mod_rl.rl_basic_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    if (!keep_history) {
        mod_rl.using_history();
        char *path = history_path();
        if (path != NULL)
            mod_rl.read_history(path);
        keep_history = true;
    }
    return rt_None;
}

Value tools_interactive_hook(void)
{
    return rt_builtin_new("register_readline", register_readline, VAL_NULL);
}

/* The prompt calls sys.__interactivehook__ when there is one, as CPython's
 * pymain_run_interactive_hook: a failure is reported, then the prompt
 * starts all the same. */
static void run_interactive_hook(void)
{
    Value hook = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "__interactivehook__");
    if (hook == VAL_NULL || rt_call(hook, NULL, 0, VAL_NULL) != VAL_NULL)
        return;
    rt_stdout_flush();
    fputs("Failed calling sys.__interactivehook__\n", stderr);
    mod_sys_report_uncaught(rt_err_fetch());
    rt_err_clear();
}

static void save_history(void)
{
    char *path = have_readline && keep_history ? history_path() : NULL;
    if (path != NULL)
        mod_rl.write_history(path);
}

/* ---- the banner ------------------------------------------------------------------------ */

/* "pvm 0.1.0 (CPython 3.11 bytecode) [GCC 12.2.0] on linux" (the C
 * compiler that built pvm, from sys.version), then how to leave and which
 * python3.11 compiles the input. */
static void print_banner(void)
{
    Value version = rt_dict_get_cstr(VAL_AS(ObjModule, mod_sys_module())->dict, "version");
    const char *bracket = version != VAL_NULL && is_str(version)
                              ? strchr(rt_str_cstr(version), '[') : NULL;
    fprintf(stderr, "pvm %s (CPython 3.11 bytecode) %s on linux\n", PVM_VERSION,
            bracket ? bracket : "");
    fprintf(stderr, "Type \"exit()\" or Ctrl-D (i.e. EOF) to exit. Source is compiled by %s.\n",
            ld_compiler_path());
}

/* ---- one statement ------------------------------------------------------------------------ */

/* An exception from the input: kept in sys.last_type, last_value and
 * last_traceback (for pdb.pm() and friends) and shown by sys.excepthook,
 * as CPython's PyErr_Print does.  SystemExit is not shown: it ends the
 * session (so does a SystemExit from a replaced excepthook). */
static bool report(Value exc)
{
    if (!rt_isinstance_of(exc, &rt_SystemExit)) {
        exc = mod_sys_report_uncaught(exc);
        if (exc == VAL_NULL)
            return true;
    }
    rt_raise(exc);
    return false;
}

/* Are the lines typed so far nothing but one blank line?  (Enter at >>>
 * just asks again, without a compile.) */
static bool is_blank_input(Value lines)
{
    if (AS_LIST(lines)->length != 1)
        return false;
    const char *s = rt_str_cstr(AS_LIST(lines)->items[0]);
    return s[strspn(s, " \t\f")] == '\0';
}

typedef struct Session {
    Value globals;
    Value lines;                        /* the statement typed so far (list of str) */
    int future_flags;                   /* __future__ features imported so far */
} Session;

/* Compile the lines typed so far: a code object, VAL_NULL with *more when
 * the statement continues, or VAL_NULL with the exception.  At end of
 * input (eof) the statement is complete as it is. */
static Value compile_input(Session *s, bool eof, bool *more)
{
    Value nl = rt_str_from_cstr("\n");
    Value source = rt_call1(rt_getattr_cstr(nl, "join"), s->lines);
    Value filename = rt_str_from_cstr("<stdin>");
    *more = false;
    if (source == VAL_NULL)
        return VAL_NULL;
    if (eof)
        return ld_compile(rt_str_concat(source, nl), filename, "single", s->future_flags,
                          mod_sys_optimize());
    return ld_compile_interactive(source, filename, s->future_flags, more);
}

/* Run a compiled input in __main__; false when it raised SystemExit (set). */
static bool run_input(Session *s, Value code)
{
    s->future_flags |= AS_CODE(code)->flags & LD_CF_FUTURE_MASK;
    Value result = vm_exec_code(AS_CODE(code), s->globals, s->globals, VAL_NULL);
    rt_stdout_flush();
    return result != VAL_NULL || report(rt_err_fetch());
}

/* A line, or the end of the statement, has arrived: compile what there is
 * and run it when complete.  false: the session ends (SystemExit set). */
static bool handle_input(Session *s, bool eof)
{
    bool more;
    Value code = compile_input(s, eof, &more);
    if (more)
        return true;
    s->lines = rt_list_new(0);
    if (code == VAL_NULL)
        return report(rt_err_fetch());
    return run_input(s, code);
}

/* ---- the session ---------------------------------------------------------------------------- */

Value tools_repl(Value globals, bool quiet)
{
    vm_program_start();
    Value sys = VAL_AS(ObjModule, mod_sys_module())->dict;
    if (rt_dict_get_cstr(sys, "ps1") == VAL_NULL)
        rt_dict_set_cstr(sys, "ps1", rt_str_from_cstr(">>> "));
    if (rt_dict_get_cstr(sys, "ps2") == VAL_NULL)
        rt_dict_set_cstr(sys, "ps2", rt_str_from_cstr("... "));
    if (!quiet)
        print_banner();
    init_readline();
    run_interactive_hook();
    Session s = { globals, rt_list_new(0), 0 };
    bool going = true;
    while (going) {
        bool continued = AS_LIST(s.lines)->length > 0;
        char *line = NULL;
        ModLineStatus status = mod_readline_line(prompt(continued ? "ps2" : "ps1"), &line);
        if (status == MOD_LINE_INTERRUPTED) {
            vm_check_interrupt();       /* take the pending Ctrl-C... */
            rt_err_clear();             /* ...which cancels the line */
            fputs("\nKeyboardInterrupt\n", stderr);
            s.lines = rt_list_new(0);
            continue;
        }
        if (status == MOD_LINE_EOF) {
            /* the line Ctrl-D left open; after a pipe's last line, CPython's
             * PyOS_StdioReadline ends the prompt's line on stderr */
            fputs("\n", isatty(STDIN_FILENO) ? stdout : stderr);
            if (!continued)
                break;
            going = handle_input(&s, true);
            continue;
        }
        if (line[0] != '\0' && have_readline)
            mod_rl.add_history(line);
        rt_list_append(s.lines, rt_bytes_decode((const unsigned char *)line, strlen(line),
                                                rt_str_from_cstr("utf-8"),
                                                rt_str_from_cstr("replace")));
        free(line);
        if (is_blank_input(s.lines))
            s.lines = rt_list_new(0);
        else
            going = handle_input(&s, false);
    }
    save_history();
    Value exit = going ? VAL_NULL : rt_err_fetch();     /* the SystemExit */
    if (exit == VAL_NULL)
        return rt_None;
    rt_raise(exit);
    return VAL_NULL;
}
