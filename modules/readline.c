/*
 * readline.c — the readline module (CPython's Modules/readline.c) on GNU
 * readline, the library pvm's own prompt (tools/repl.c) already reads its
 * lines with: the init file and key bindings, the history list and its
 * files, the line being edited, and the hooks readline calls back —
 * the completer (what rlcompleter installs), the startup, pre-input and
 * match-display hooks.
 *
 * One library, one state: the history a program adds to is the prompt's
 * history, and a completer set here completes at pvm's prompt.  Unlike
 * CPython's module, importing this one leaves the completion function
 * alone until set_completer() is called (and set_completer(None) gives
 * the prompt its own back), so `import readline` at the prompt does not
 * take name completion away.
 *
 * Strings cross as UTF-8 with surrogateescape (os.fsencode/fsdecode),
 * CPython's locale encoding on a UTF-8 system.  An exception in a hook
 * is dropped, as CPython drops it: readline has no way to carry it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include "modules/modutil.h"
#include "modules/readline.h"
#include "modules/api.h"
#include "modules/posix.h"
#include "vm/thread.h"
#include "vm/vm.h"

/* ---- the library ----------------------------------------------------------------------- */

static const char *const rl_names[] = { MOD_RL_SYMBOLS(MOD_LIB_NAME) };
ModReadline mod_rl;

bool mod_rl_ready(void)
{
    static bool loaded;
    if (!loaded)
        loaded = mod_load_library("libreadline.so.8", rl_names, mod_rl.slot,
                                  sizeof mod_rl.slot / sizeof mod_rl.slot[0]);
    return loaded;
}

static Value completer, startup_hook, pre_input_hook, display_hook;    /* VAL_NULL: none */
static int history_length_limit = -1;   /* truncate history files to this; -1: no limit */
static int begidx, endidx;              /* the word being completed */
static bool auto_history = true;
static rl_completion_func_t *previous_completion;     /* the prompt's own */

/* ---- strings in and out ---------------------------------------------------------------- */

static Value decode(const char *s)
{
    return rt_bytes_decode((const unsigned char *)s, strlen(s), rt_str_from_cstr("utf-8"),
                           rt_str_from_cstr("surrogateescape"));
}

/* A str argument as a C string (NULL + exception). */
static const char *encode_arg(const char *fname, int pos, Value v)
{
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s() argument %d must be str, not %T", fname, pos, v);
        return NULL;
    }
    size_t n;
    return mod_posix_fsencode(v, &n);
}

/* filename=None: a path (str, bytes, os.PathLike), or NULL for readline's
 * default (~/.history, ~/.inputrc).  false + exception. */
static bool filename_arg(const char *fname, Value *args, size_t nargs, size_t at, PathArg *p)
{
    *p = mod_posix_path_spec(fname, "filename", false, true);
    return mod_posix_path(nargs > at ? args[at] : VAL_NULL, p);
}

static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* The result of a library call that returns an errno (0: success). */
static Value errno_result(int e)
{
    if (e == 0)
        return rt_None;
    errno = e;
    return mod_posix_error();
}

/* ---- reading a line --------------------------------------------------------------------------- */

static char *completed_line;            /* what readline's callback received */
static bool line_done;

static void on_line(char *line)
{
    completed_line = line;
    line_done = true;
    mod_rl.rl_callback_handler_remove();
}

/* Without libreadline, or when stdin or stdout is not a terminal (-i over
 * a pipe): the prompt on stderr, then a line read plainly (no editing, no
 * history), as CPython's PyOS_StdioReadline. */
static ModLineStatus plain_line(const char *prompt, char **line)
{
    fputs(prompt, stderr);
    fflush(stderr);
    size_t cap = 0;
    *line = NULL;
    vm_release_lock();
    ssize_t n = getline(line, &cap, stdin);
    int e = errno;
    vm_reacquire_lock();
    if (n < 0) {
        free(*line);
        *line = NULL;
        return e == EINTR && vm_interrupt_pending() ? MOD_LINE_INTERRUPTED : MOD_LINE_EOF;
    }
    if (n > 0 && (*line)[n - 1] == '\n')
        (*line)[n - 1] = '\0';
    return MOD_LINE_READ;
}

/* readline's callback interface driven by hand, waiting in select() with
 * the interpreter lock released: a Ctrl-C interrupts select, and the line
 * in progress is dropped (CPython's readline_until_enter_or_signal).
 * Keys are handled with the lock held: they may call a Python completer. */
ModLineStatus mod_readline_line(const char *prompt, char **line)
{
    rt_stdout_flush();
    fflush(stdout);
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || !mod_rl_ready()) {
        rt_err_clear();
        return plain_line(prompt, line);
    }
    line_done = false;
    mod_rl.rl_callback_handler_install(prompt, on_line);
    while (!line_done) {
        fd_set ready;
        FD_ZERO(&ready);
        FD_SET(fileno(*mod_rl.rl_instream), &ready);
        vm_release_lock();
        int n = select(fileno(*mod_rl.rl_instream) + 1, &ready, NULL, NULL, NULL);
        int e = errno;
        vm_reacquire_lock();
        if (n > 0) {
            mod_rl.rl_callback_read_char();
        } else if (n < 0 && e == EINTR && vm_interrupt_pending()) {
            mod_rl.rl_free_line_state();
            mod_rl.rl_callback_sigcleanup();
            mod_rl.rl_cleanup_after_signal();
            mod_rl.rl_callback_handler_remove();
            return MOD_LINE_INTERRUPTED;
        } else if (n < 0 && e != EINTR) {
            mod_rl.rl_callback_handler_remove();
            return MOD_LINE_EOF;
        }
    }
    *line = completed_line;
    return completed_line != NULL ? MOD_LINE_READ : MOD_LINE_EOF;
}

/* input() on the terminal once readline is imported (rt_input_readline):
 * the line, added to the history unless set_auto_history(False) or the
 * same as the last entry (CPython's call_readline). */
static Value input_line(Value prompt)
{
    char *line;
    switch (mod_readline_line(rt_str_cstr(prompt), &line)) {
    case MOD_LINE_INTERRUPTED:
        /* the handler's exception; SIGINT's default one raises
         * KeyboardInterrupt, a handler that returns leaves none */
        if (vm_check_interrupt())
            rt_raise(obj_val(&rt_KeyboardInterrupt));
        return VAL_NULL;
    case MOD_LINE_EOF:
        return rt_raisef(&rt_EOFError, "EOF when reading a line");
    case MOD_LINE_READ:
        break;
    }
    if (auto_history && line[0] != '\0') {
        int length = *mod_rl.history_length;
        HIST_ENTRY *last = length > 0 ? mod_rl.history_get(*mod_rl.history_base + length - 1)
                                      : NULL;
        if (last == NULL || strcmp(last->line, line) != 0)
            mod_rl.add_history(line);
    }
    Value s = decode(line);
    free(line);
    return s;
}

/* ---- the init file, key bindings ------------------------------------------------------------ */

static Value py_parse_and_bind(Value *args, size_t nargs, Value kw)
{
    const char *s;
    if (!rt_arg_nokw("parse_and_bind", kw) || !rt_arg_count("parse_and_bind", nargs, 1, 1) ||
        (s = encode_arg("parse_and_bind", 1, args[0])) == NULL)
        return VAL_NULL;
    char *copy = strdup(s);     /* readline may keep and change it */
    mod_rl.rl_parse_and_bind(copy);
    free(copy);
    return rt_None;
}

static Value py_read_init_file(Value *args, size_t nargs, Value kw)
{
    PathArg p;
    if (!rt_arg_nokw("read_init_file", kw) || !rt_arg_count("read_init_file", nargs, 0, 1) ||
        !filename_arg("read_init_file", args, nargs, 0, &p))
        return VAL_NULL;
    return errno_result(mod_rl.rl_read_init_file(p.narrow));
}

/* ---- history ------------------------------------------------------------------------------ */

static Value py_read_history_file(Value *args, size_t nargs, Value kw)
{
    PathArg p;
    if (!rt_arg_nokw("read_history_file", kw) ||
        !rt_arg_count("read_history_file", nargs, 0, 1) ||
        !filename_arg("read_history_file", args, nargs, 0, &p))
        return VAL_NULL;
    return errno_result(mod_rl.read_history(p.narrow));
}

/* After writing a history file: cut it to set_history_length's limit. */
static Value truncated(int e, const char *name)
{
    if (e == 0 && history_length_limit >= 0)
        mod_rl.history_truncate_file(name, history_length_limit);
    return errno_result(e);
}

static Value py_write_history_file(Value *args, size_t nargs, Value kw)
{
    PathArg p;
    if (!rt_arg_nokw("write_history_file", kw) ||
        !rt_arg_count("write_history_file", nargs, 0, 1) ||
        !filename_arg("write_history_file", args, nargs, 0, &p))
        return VAL_NULL;
    return truncated(mod_rl.write_history(p.narrow), p.narrow);
}

/* append_history_file(nelements, filename=None) */
static Value py_append_history_file(Value *args, size_t nargs, Value kw)
{
    PathArg p;
    int n;
    if (!rt_arg_nokw("append_history_file", kw) ||
        !rt_arg_count("append_history_file", nargs, 1, 2) || !int_arg(args[0], &n) ||
        !filename_arg("append_history_file", args, nargs, 1, &p))
        return VAL_NULL;
    return truncated(mod_rl.append_history(n, p.narrow), p.narrow);
}

static Value py_set_history_length(Value *args, size_t nargs, Value kw)
{
    int n;
    if (!rt_arg_nokw("set_history_length", kw) ||
        !rt_arg_count("set_history_length", nargs, 1, 1) || !int_arg(args[0], &n))
        return VAL_NULL;
    history_length_limit = n;
    return rt_None;
}

static Value py_get_history_length(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_history_length", nargs, kw))
        return VAL_NULL;
    return small_new(history_length_limit);
}

static Value py_add_history(Value *args, size_t nargs, Value kw)
{
    const char *s;
    if (!rt_arg_nokw("add_history", kw) || !rt_arg_count("add_history", nargs, 1, 1) ||
        (s = encode_arg("add_history", 1, args[0])) == NULL)
        return VAL_NULL;
    mod_rl.add_history(s);
    return rt_None;
}

static Value py_clear_history(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("clear_history", nargs, kw))
        return VAL_NULL;
    mod_rl.clear_history();
    return rt_None;
}

/* get_history_item(index): 1-based, None when there is none. */
static Value py_get_history_item(Value *args, size_t nargs, Value kw)
{
    int i;
    if (!rt_arg_nokw("get_history_item", kw) || !rt_arg_count("get_history_item", nargs, 1, 1) ||
        !int_arg(args[0], &i))
        return VAL_NULL;
    HIST_ENTRY *e = mod_rl.history_get(i);
    return e != NULL && e->line != NULL ? decode(e->line) : rt_None;
}

static Value py_get_current_history_length(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_current_history_length", nargs, kw))
        return VAL_NULL;
    return small_new(*mod_rl.history_length);
}

/* The entry at 0-based `pos` for remove/replace_history_item. */
static bool history_pos(const char *fname, Value v, int *pos)
{
    if (!int_arg(v, pos))
        return false;
    if (*pos < 0) {
        rt_raisef(&rt_ValueError, "History index cannot be negative");
        return false;
    }
    return true;
}

static Value py_remove_history_item(Value *args, size_t nargs, Value kw)
{
    int pos;
    if (!rt_arg_nokw("remove_history_item", kw) ||
        !rt_arg_count("remove_history_item", nargs, 1, 1) ||
        !history_pos("remove_history_item", args[0], &pos))
        return VAL_NULL;
    HIST_ENTRY *e = mod_rl.remove_history(pos);
    if (e == NULL)
        return rt_raisef(&rt_ValueError, "No history item at position %d", pos);
    mod_rl.free_history_entry(e);
    return rt_None;
}

/* replace_history_item(pos, line) */
static Value py_replace_history_item(Value *args, size_t nargs, Value kw)
{
    int pos;
    const char *line;
    if (!rt_arg_nokw("replace_history_item", kw) ||
        !rt_arg_count("replace_history_item", nargs, 2, 2) ||
        !history_pos("replace_history_item", args[0], &pos) ||
        (line = encode_arg("replace_history_item", 2, args[1])) == NULL)
        return VAL_NULL;
    HIST_ENTRY *e = mod_rl.replace_history_entry(pos, line, NULL);
    if (e == NULL)
        return rt_raisef(&rt_ValueError, "No history item at position %d", pos);
    mod_rl.free_history_entry(e);
    return rt_None;
}

static Value py_set_auto_history(Value *args, size_t nargs, Value kw)
{
    int on;
    if (!rt_arg_nokw("set_auto_history", kw) || !rt_arg_count("set_auto_history", nargs, 1, 1) ||
        (on = rt_truthy(args[0])) < 0)
        return VAL_NULL;
    auto_history = on;
    return rt_None;
}

/* ---- the line being edited ------------------------------------------------------------------- */

static Value py_get_line_buffer(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_line_buffer", nargs, kw))
        return VAL_NULL;
    return decode(*mod_rl.rl_line_buffer != NULL ? *mod_rl.rl_line_buffer : "");
}

static Value py_insert_text(Value *args, size_t nargs, Value kw)
{
    const char *s;
    if (!rt_arg_nokw("insert_text", kw) || !rt_arg_count("insert_text", nargs, 1, 1) ||
        (s = encode_arg("insert_text", 1, args[0])) == NULL)
        return VAL_NULL;
    mod_rl.rl_insert_text(s);
    return rt_None;
}

static Value py_redisplay(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("redisplay", nargs, kw))
        return VAL_NULL;
    mod_rl.rl_redisplay();
    return rt_None;
}

/* ---- hooks ------------------------------------------------------------------------------------ */

/* A hook's result as readline's int; an exception is dropped (0). */
static int call_hook(Value hook)
{
    if (hook == VAL_NULL)
        return 0;
    Value r = rt_call0(hook);
    int n = 0;
    if (r == VAL_NULL || (r != rt_None && !int_arg(r, &n))) {
        rt_err_clear();
        return 0;
    }
    return n;
}

static int on_startup_hook(void)
{
    return call_hook(startup_hook);
}

static int on_pre_input_hook(void)
{
    return call_hook(pre_input_hook);
}

static void on_display_matches(char **matches, int n, int max_length)
{
    Value list = rt_list_new(0);
    for (int i = 1; i <= n; i++)
        rt_list_append(list, decode(matches[i]));
    Value args[3] = { decode(matches[0]), list, small_new(max_length) };
    if (rt_call(display_hook, args, 3, VAL_NULL) == VAL_NULL)
        rt_err_clear();
}

/* completer(text, state) for state 0, 1, ... until it returns None. */
static char *on_completion(const char *text, int state)
{
    Value r = rt_call2(completer, decode(text), small_new(state));
    if (r == VAL_NULL || r == rt_None) {
        rt_err_clear();
        return NULL;
    }
    Value s = rt_str(r);
    size_t n;
    const char *c = s != VAL_NULL ? mod_posix_fsencode(s, &n) : NULL;
    if (c == NULL) {
        rt_err_clear();
        return NULL;
    }
    return strdup(c);
}

/* The characters (UTF-8 sequences) in the first n bytes of the line:
 * readline gives byte offsets, get_begidx/get_endidx give str indexes. */
static int chars_before(int n)
{
    int count = 0;
    const char *buffer = *mod_rl.rl_line_buffer;
    for (int i = 0; i < n && buffer != NULL && buffer[i] != '\0'; i++)
        count += ((unsigned char)buffer[i] & 0xC0) != 0x80;
    return count;
}

static char **flex_complete(const char *text, int start, int end)
{
    *mod_rl.rl_completion_append_character = '\0';
    *mod_rl.rl_completion_suppress_append = 0;
    begidx = chars_before(start);
    endidx = chars_before(end);
    return mod_rl.rl_completion_matches(text, on_completion);
}

/* set_<what>(function=None): the hook, or none for None; *var is the
 * Python function, the result says whether one is set. */
static bool set_hook(const char *what, Value *args, size_t nargs, Value kw, Value *var)
{
    char fname[64];
    snprintf(fname, sizeof fname, "set_%s", what);
    if (!rt_arg_nokw(fname, kw) || !rt_arg_count(fname, nargs, 0, 1))
        return false;
    Value f = nargs > 0 ? args[0] : rt_None;
    if (f != rt_None && !rt_callable(f)) {
        rt_raisef(&rt_TypeError, "set_%s(func): argument not callable", what);
        return false;
    }
    *var = f == rt_None ? VAL_NULL : f;
    return true;
}

static Value py_set_completer(Value *args, size_t nargs, Value kw)
{
    if (!set_hook("completer", args, nargs, kw, &completer))
        return VAL_NULL;
    if (completer != VAL_NULL && *mod_rl.rl_attempted_completion_function != flex_complete) {
        previous_completion = *mod_rl.rl_attempted_completion_function;
        *mod_rl.rl_attempted_completion_function = flex_complete;
    } else if (completer == VAL_NULL && *mod_rl.rl_attempted_completion_function == flex_complete) {
        *mod_rl.rl_attempted_completion_function = previous_completion;
    }
    return rt_None;
}

static Value py_get_completer(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_completer", nargs, kw))
        return VAL_NULL;
    return completer == VAL_NULL ? rt_None : completer;
}

static Value py_set_startup_hook(Value *args, size_t nargs, Value kw)
{
    if (!set_hook("startup_hook", args, nargs, kw, &startup_hook))
        return VAL_NULL;
    *mod_rl.rl_startup_hook = startup_hook != VAL_NULL ? on_startup_hook : NULL;
    return rt_None;
}

static Value py_set_pre_input_hook(Value *args, size_t nargs, Value kw)
{
    if (!set_hook("pre_input_hook", args, nargs, kw, &pre_input_hook))
        return VAL_NULL;
    *mod_rl.rl_pre_input_hook = pre_input_hook != VAL_NULL ? on_pre_input_hook : NULL;
    return rt_None;
}

static Value py_set_display_hook(Value *args, size_t nargs, Value kw)
{
    if (!set_hook("completion_display_matches_hook", args, nargs, kw, &display_hook))
        return VAL_NULL;
    *mod_rl.rl_completion_display_matches_hook =
        display_hook != VAL_NULL ? on_display_matches : NULL;
    return rt_None;
}

static Value py_get_completion_type(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_completion_type", nargs, kw))
        return VAL_NULL;
    return small_new(*mod_rl.rl_completion_type);
}

static Value py_get_begidx(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_begidx", nargs, kw))
        return VAL_NULL;
    return small_new(begidx);
}

static Value py_get_endidx(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_endidx", nargs, kw))
        return VAL_NULL;
    return small_new(endidx);
}

static Value py_set_completer_delims(Value *args, size_t nargs, Value kw)
{
    const char *s;
    if (!rt_arg_nokw("set_completer_delims", kw) ||
        !rt_arg_count("set_completer_delims", nargs, 1, 1) ||
        (s = encode_arg("set_completer_delims", 1, args[0])) == NULL)
        return VAL_NULL;
    /* readline keeps the pointer: a copy that lives as long as it is used
     * (the previous one may be readline's own static string, never freed). */
    *mod_rl.rl_completer_word_break_characters = strdup(s);
    return rt_None;
}

static Value py_get_completer_delims(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_none("get_completer_delims", nargs, kw))
        return VAL_NULL;
    const char *d = *mod_rl.rl_completer_word_break_characters;
    return decode(d != NULL ? d : *mod_rl.rl_basic_word_break_characters);
}

static const MethodDef readline_functions[] = {
    {"parse_and_bind", py_parse_and_bind}, {"read_init_file", py_read_init_file},
    {"read_history_file", py_read_history_file}, {"write_history_file", py_write_history_file},
    {"append_history_file", py_append_history_file},
    {"set_history_length", py_set_history_length}, {"get_history_length", py_get_history_length},
    {"add_history", py_add_history}, {"clear_history", py_clear_history},
    {"get_history_item", py_get_history_item},
    {"get_current_history_length", py_get_current_history_length},
    {"remove_history_item", py_remove_history_item},
    {"replace_history_item", py_replace_history_item}, {"set_auto_history", py_set_auto_history},
    {"get_line_buffer", py_get_line_buffer}, {"insert_text", py_insert_text},
    {"redisplay", py_redisplay},
    {"set_completer", py_set_completer}, {"get_completer", py_get_completer},
    {"set_startup_hook", py_set_startup_hook}, {"set_pre_input_hook", py_set_pre_input_hook},
    {"set_completion_display_matches_hook", py_set_display_hook},
    {"get_completion_type", py_get_completion_type},
    {"get_begidx", py_get_begidx}, {"get_endidx", py_get_endidx},
    {"set_completer_delims", py_set_completer_delims},
    {"get_completer_delims", py_get_completer_delims},
    {NULL, NULL}
};

/* What CPython's setup_readline does, but the completion function (see
 * the header): readline named "python" for ~/.inputrc's `$if python`, Tab
 * completing, Python's word delimiters, bracketed paste off. */
static void setup(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    mod_rl.using_history();
    *mod_rl.rl_readline_name = "python";
    mod_rl.rl_bind_key('\t', mod_rl.rl_complete);
    *mod_rl.rl_completer_word_break_characters = strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
    *mod_rl.rl_completion_append_character = '\0';
    if (!isatty(STDOUT_FILENO))
        mod_rl.rl_variable_bind("enable-meta-key", "off");
    mod_rl.rl_initialize();
    mod_rl.rl_variable_bind("enable-bracketed-paste", "off");
}

Value mod_readline_init(void)
{
    if (!mod_rl_ready())
        return VAL_NULL;
    setup();
    rt_input_readline = input_line;
    Value m = mod_module_new("readline", readline_functions);
    mod_module_set(m, "_READLINE_VERSION", small_new(RL_READLINE_VERSION));
    mod_module_set(m, "_READLINE_RUNTIME_VERSION", small_new(*mod_rl.rl_readline_version));
    mod_module_set(m, "_READLINE_LIBRARY_VERSION", rt_str_from_cstr(*mod_rl.rl_library_version));
    return m;
}
