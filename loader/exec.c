/*
 * exec.c — the builtins that turn source into running code: compile(),
 * exec() and eval().
 *
 *   compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
 *       source (str or bytes) → a code object, by the compile service
 *       (loader/compile.c: python3.11's own compiler); with
 *       ast.PyCF_ONLY_AST in flags, an AST instead (modules/ast.c); an AST
 *       as source is compiled the same way;
 *   exec(source, globals=None, locals=None, /, *, closure=None)
 *       a code object, or source compiled in 'exec' mode, run with the
 *       given namespaces (vm_exec_code); returns None;
 *   eval(source, globals=None, locals=None, /)
 *       the same in 'eval' mode (leading spaces and tabs of source are
 *       dropped first); returns the expression's value.
 *
 * Each follows CPython 3.11's Python/bltinmodule.c, argument checks and
 * messages included.  Three rules carry over that are easy to miss:
 *   - the caller's `from __future__ import ...` features apply to the
 *     compiled source (the CO_FUTURE_* bits of the calling code's co_flags
 *     are merged into the flags), unless compile() gets dont_inherit=True;
 *   - when globals has no '__builtins__', the caller's builtins are put
 *     there, so the code can reach len() and print();
 *   - globals default to the caller's globals, locals to the caller's
 *     locals (in a function: a snapshot, so assignments are lost, as in
 *     CPython 3.11).
 */
#include <string.h>
#include "loader/compile.h"
#include "loader/import.h"
#include "runtime/buffer.h"
#include "runtime/runtime.h"
#include "runtime/version.h"
#include "modules/api.h"
#include "vm/frame.h"
#include "vm/vm.h"

/* ---- what every entry needs ----------------------------------------------------- */

/* The __future__ features of the code calling the builtin (CPython's
 * PyEval_MergeCompilerFlags). */
static int caller_future_flags(void)
{
    Frame *f = vm_current_frame();
    return f != NULL ? f->code->flags & LD_CF_FUTURE_MASK : 0;
}

/* The source as the compile service takes it (_Py_SourceAsString): a str,
 * or bytes (a bytearray is copied); TypeError for anything else, naming
 * what `fname` accepts. */
static Value source_arg(Value v, const char *fname, const char *accepted)
{
    if (rt_isinstance_of(v, &rt_str_type) || IS_EXACT(v, rt_bytes_type))
        return v;
    if (rt_isinstance_of(v, &rt_bytes_type))
        return rt_bytes_new(AS_BYTES(v)->data, AS_BYTES(v)->length);
    if (rt_has_buffer(v))               /* bytearray, memoryview, array ... */
        return rt_buffer_to_bytes(v);
    return rt_raisef(&rt_TypeError, "%s() arg 1 must be a %s object", fname, accepted);
}

/* eval() ignores the spaces and tabs its source starts with. */
static Value strip_leading_blanks(Value source)
{
    bool text = rt_isinstance_of(source, &rt_str_type);
    const char *s = text ? rt_str_cstr(source) : (const char *)AS_BYTES(source)->data;
    size_t n = text ? rt_str_nbytes(source) : AS_BYTES(source)->length, i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == 0)
        return source;
    return text ? rt_str_new(s + i, n - i) : rt_bytes_new((const unsigned char *)s + i, n - i);
}

/* The globals' builtins, put there when missing: the running code's. */
static bool ensure_builtins(Value globals)
{
    if (rt_dict_get_cstr(globals, "__builtins__") != VAL_NULL)
        return true;
    Frame *f = vm_current_frame();
    return rt_dict_set(globals, RT_NAME("__builtins__"),
                       f != NULL ? f->builtins : rt_builtins_dict);
}

static bool is_mapping(Value v)
{
    return val_type(v)->getitem != NULL;
}

/* ---- compile() --------------------------------------------------------------------- */

/* A C int argument (clinic's "i"): an int, or an object with __index__. */
static bool int_arg(Value v, int fallback, int *out)
{
    if (v == VAL_NULL) {
        *out = fallback;
        return true;
    }
    Value i = rt_index(v);
    int64_t x;
    if (i == VAL_NULL)
        return false;
    if (!rt_int_as_i64(i, &x) || x < INT32_MIN || x > INT32_MAX) {
        rt_err_clear();
        rt_raisef(&rt_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)x;
    return true;
}

/* compile()'s filename: str, bytes (decoded), another bytes-like object
 * (decoded, with a DeprecationWarning; 3.12 removed that: a TypeError) or
 * os.PathLike (__fspath__), as CPython's PyUnicode_FSDecoder. */
static Value filename_arg(Value v)
{
    if (rt_isinstance_of(v, &rt_str_type))
        return v;
    if (rt_isinstance_of(v, &rt_bytes_type))
        return rt_bytes_decode(AS_BYTES(v)->data, AS_BYTES(v)->length,
                               rt_str_from_cstr("utf-8"), rt_str_from_cstr("surrogateescape"));
    if (rt_py_minor < 12 && rt_has_buffer(v)) {
        char message[300];
        snprintf(message, sizeof message,
                 "path should be string, bytes, or os.PathLike, not %.200s", val_type(v)->name);
        RtBuffer view;
        if (rt_warn(&rt_DeprecationWarning, message, 1) < 0 ||
            rt_get_buffer(v, &view, RT_BUF_SIMPLE) < 0)
            return VAL_NULL;
        Value name = rt_bytes_decode(view.buf, (size_t)view.len, rt_str_from_cstr("utf-8"),
                                     rt_str_from_cstr("surrogateescape"));
        rt_release_buffer(&view);
        return name;
    }
    Value fspath = rt_lookup_attr(v, RT_NAME("__fspath__"));
    if (fspath != VAL_NULL) {
        Value path = rt_call0(fspath);
        return path == VAL_NULL ? VAL_NULL : filename_arg(path);
    }
    if (rt_err_occurred())
        return VAL_NULL;
    return rt_raisef(&rt_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
}

/* The modes compile() takes with PyCF_ONLY_AST; false with CPython's
 * ValueError for any other. */
static bool check_ast_mode(const char *mode)
{
    static const char *const modes[] = { "exec", "eval", "single", "func_type" };
    for (size_t i = 0; i < 4; i++)
        if (strcmp(mode, modes[i]) == 0)
            return true;
    rt_raisef(&rt_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
    return false;
}

static Value builtin_compile(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "source", "filename", "mode", "flags",
                                         "dont_inherit", "optimize", "_feature_version" };
    static const ArgSpec spec = { "compile", names, 7, 0, 3, 6, false };
    Value a[7];
    int flags, optimize, feature_version;
    bool dont_inherit;
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value filename = filename_arg(a[1]);
    if (filename == VAL_NULL)
        return VAL_NULL;
    if (!rt_isinstance_of(a[2], &rt_str_type))
        return rt_raisef(&rt_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
    if (!int_arg(a[3], 0, &flags) || !rt_arg_flag(a[4], false, &dont_inherit) ||
        !int_arg(a[5], -1, &optimize) || !int_arg(a[6], -1, &feature_version))
        return VAL_NULL;
    /* An AST asked for an AST is returned as it is (CPython checks only
     * the mode; 3.14 returns a copy, which the compile service makes); any
     * other AST goes to the compile service like source. */
    if (mod_ast_is_node(a[0]) && (flags & LD_CF_ONLY_AST) && rt_py_minor < 14)
        return check_ast_mode(rt_str_cstr(a[2])) ? a[0] : VAL_NULL;
    Value source = mod_ast_is_node(a[0]) ? a[0] : source_arg(a[0], "compile", "string, bytes or AST");
    if (source == VAL_NULL)
        return VAL_NULL;
    if (!dont_inherit)
        flags |= caller_future_flags();
    /* python3.11 checks the flags, the mode and the optimize level itself
     * and raises CPython's errors; -1 means the level pvm runs with. */
    if (optimize == -1)
        optimize = mod_sys_optimize();
    return ld_compile_feature(source, filename, rt_str_cstr(a[2]), flags, optimize,
                              feature_version);
}

/* ---- exec() and eval() -------------------------------------------------------------- */

/* Source compiled as exec() and eval() compile it: filename "<string>",
 * the caller's __future__ features, pvm's optimize level. */
static Value compile_string(Value source, const char *mode)
{
    return ld_compile(source, rt_str_from_cstr("<string>"), mode, caller_future_flags(),
                      mod_sys_optimize());
}

/* exec(code, closure=...): a code object with n free variables needs a
 * tuple of exactly n cells; one without, no closure. */
static bool check_closure(ObjCode *code, Value closure)
{
    if (code->nfrees == 0) {
        if (closure == VAL_NULL)
            return true;
        rt_raisef(&rt_TypeError, "cannot use a closure with this code object");
        return false;
    }
    bool ok = closure != VAL_NULL && is_tuple(closure) &&
              rt_tuple_len(closure) == (size_t)code->nfrees;
    for (size_t i = 0; ok && i < rt_tuple_len(closure); i++)
        ok = IS_EXACT(rt_tuple_get(closure, i), rt_cell_type);
    if (!ok)
        rt_raisef(&rt_TypeError, "code object requires a closure of exactly length %d",
                  code->nfrees);
    return ok;
}

static Value builtin_exec(Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "source", "globals", "locals", "closure" };
    static const ArgSpec spec = { "exec", names, 4, 3, 1, 3, false };
    Value a[4];
    if (!rt_parse_args(&spec, args, nargs, kwnames, a))
        return VAL_NULL;
    Value globals = a[1] ? a[1] : rt_None, locals = a[2] ? a[2] : rt_None;
    Value closure = a[3] == rt_None ? VAL_NULL : a[3];
    if (globals == rt_None) {
        globals = vm_globals();
        if (locals == rt_None && (locals = vm_locals()) == VAL_NULL)
            return VAL_NULL;
    } else if (locals == rt_None) {
        locals = globals;
    }
    if (!rt_isinstance_of(globals, &rt_dict_type))
        return rt_raisef(&rt_TypeError, "exec() globals must be a dict, not %T", globals);
    if (!is_mapping(locals))
        return rt_raisef(&rt_TypeError, "locals must be a mapping or None, not %T", locals);
    if (!ensure_builtins(globals))
        return VAL_NULL;
    Value code = a[0];
    if (is_code(code)) {
        if (!check_closure(AS_CODE(code), closure))
            return VAL_NULL;
    } else {
        if (closure != VAL_NULL)
            return rt_raisef(&rt_TypeError, "closure can only be used when source is a code object");
        Value source = source_arg(code, "exec", "string, bytes or code");
        if (source == VAL_NULL || (code = compile_string(source, "exec")) == VAL_NULL)
            return VAL_NULL;
    }
    if (vm_exec_code(AS_CODE(code), globals, locals, closure) == VAL_NULL)
        return VAL_NULL;
    return rt_None;
}

static Value builtin_eval(Value *args, size_t nargs, Value kwnames)
{
    /* 3.13: eval(source, /, globals=None, locals=None); before, positional only */
    static const char *const names[] = { "source", "globals", "locals" };
    static const ArgSpec spec = { "eval", names, 3, 1, 1, 3, false };
    Value a[3] = { VAL_NULL, VAL_NULL, VAL_NULL };
    if (rt_py_minor >= 13) {
        if (!rt_parse_args(&spec, args, nargs, kwnames, a))
            return VAL_NULL;
    } else {
        if (!rt_arg_nokw("eval", kwnames) || !rt_arg_range("eval", nargs, 1, 3))
            return VAL_NULL;
        for (size_t i = 0; i < nargs; i++)
            a[i] = args[i];
    }
    args = a;
    Value globals = a[1] != VAL_NULL ? a[1] : rt_None, locals = a[2] != VAL_NULL ? a[2] : rt_None;
    if (locals != rt_None && !is_mapping(locals))
        return rt_raisef(&rt_TypeError, "locals must be a mapping");
    if (globals != rt_None && !rt_isinstance_of(globals, &rt_dict_type))
        return rt_raisef(&rt_TypeError, is_mapping(globals)
                             ? "globals must be a real dict; try eval(expr, {}, mapping)"
                             : "globals must be a dict");
    if (globals == rt_None) {
        globals = vm_globals();
        if (locals == rt_None && (locals = vm_locals()) == VAL_NULL)
            return VAL_NULL;
    } else if (locals == rt_None) {
        locals = globals;
    }
    if (!ensure_builtins(globals))
        return VAL_NULL;
    Value code = args[0];
    if (is_code(code)) {
        if (AS_CODE(code)->nfrees > 0)
            return rt_raisef(&rt_TypeError,
                             "code object passed to eval() may not contain free variables");
    } else {
        Value source = source_arg(code, "eval", "string, bytes or code");
        if (source == VAL_NULL || (code = compile_string(strip_leading_blanks(source), "eval")) == VAL_NULL)
            return VAL_NULL;
    }
    return vm_exec_code(AS_CODE(code), globals, locals, VAL_NULL);
}

void ld_exec_init(void)
{
    rt_builtins_add_function("compile", builtin_compile);
    rt_builtins_add_function("exec", builtin_exec);
    rt_builtins_add_function("eval", builtin_eval);
}
