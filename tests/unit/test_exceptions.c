/*
 * test_exceptions.c — exceptions, code-object locations and tracebacks.
 *
 * Expected values come from python3.11 itself (unit_python()): the class
 * hierarchy, the location table of real compiled code, and the exact text of
 * real tracebacks.  For a traceback, a helper script runs a small program
 * under python3.11 twice: once catching the exception to report its chain
 * (type, argument, and each traceback entry's code object + instruction),
 * once uncaught to capture what CPython prints.  The test rebuilds the same
 * exceptions and traceback entries in pvm and compares rt_print_exception's
 * text byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/unit/unit.h"
#include "runtime/runtime.h"
#include "runtime/code.h"
#include "loader/pyc.h"

/* ---- helpers ----------------------------------------------------------------- */

static Value cstr(const char *s) { return rt_str_from_cstr(s); }

static const char *str_of(Value v)
{
    ck_assert_msg(v != VAL_NULL, "str()/repr() raised");
    return rt_str_cstr(v);
}

static Value exc1(ObjType *t, Value arg) { return rt_exc_new(t, rt_tuple_pack(1, arg)); }

/* A fresh temporary directory for this run's files. */
static const char *temp_dir(void)
{
    static char dir[64];
    if (dir[0] == '\0') {
        strcpy(dir, "/tmp/pvm_exc_XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(dir));
    }
    return dir;
}

static char *write_temp(const char *name, const char *text)
{
    char *path = malloc(256);
    snprintf(path, 256, "%s/%s", temp_dir(), name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Run python3.11 on a script with one argument; returns its stdout. */
static char *run_python(const char *script_path, const char *arg)
{
    char cmd[8192];             /* the hierarchy test passes every exception's name */
    int n_cmd = snprintf(cmd, sizeof cmd, "%s %s %s", unit_python(), script_path, arg ? arg : "");
    ck_assert_int_lt(n_cmd, (int)sizeof cmd);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t cap = 1 << 16, len = 0, n;
    char *out = malloc(cap);
    while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 2)
            out = realloc(out, cap *= 2);
    }
    out[len] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    return out;
}

static unsigned char *from_hex(const char *hex, size_t *n)
{
    size_t len = strcspn(hex, " \n");
    unsigned char *b = malloc(len / 2 + 1);
    for (size_t i = 0; i < len / 2; i++) {
        unsigned v;
        sscanf(hex + 2 * i, "%2x", &v);
        b[i] = (unsigned char)v;
    }
    *n = len / 2;
    return b;
}

static Value unmarshal_hex(const char *hex)
{
    size_t n;
    unsigned char *data = from_hex(hex, &n);
    char err[256];
    Value v = ld_unmarshal(data, n, "test", 0, err, sizeof err);
    ck_assert_msg(v != VAL_NULL, "unmarshal failed: %s", err);
    free(data);
    return v;
}

/* ---- str and repr -------------------------------------------------------------- */

START_TEST(test_str_repr)
{
    Value zero = exc1(&rt_ZeroDivisionError, cstr("division by zero"));
    ck_assert_str_eq(str_of(rt_repr(zero)), "ZeroDivisionError('division by zero')");
    ck_assert_str_eq(str_of(rt_str(zero)), "division by zero");

    Value none = rt_exc_new(&rt_ValueError, rt_empty_tuple);
    ck_assert_str_eq(str_of(rt_repr(none)), "ValueError()");
    ck_assert_str_eq(str_of(rt_str(none)), "");

    Value two = rt_exc_new(&rt_Exception, rt_tuple_pack(2, small_new(1), small_new(2)));
    ck_assert_str_eq(str_of(rt_repr(two)), "Exception(1, 2)");
    ck_assert_str_eq(str_of(rt_str(two)), "(1, 2)");

    Value key = exc1(&rt_KeyError, cstr("k"));
    ck_assert_str_eq(str_of(rt_repr(key)), "KeyError('k')");
    ck_assert_str_eq(str_of(rt_str(key)), "'k'");
    ck_assert_str_eq(str_of(rt_str(rt_exc_new(&rt_KeyError, rt_empty_tuple))), "");

    Value one = exc1(&rt_Exception, small_new(7));
    ck_assert_str_eq(str_of(rt_str(one)), "7");
    ck_assert_str_eq(str_of(rt_exc_str(key)), "'k'");
}
END_TEST

START_TEST(test_special_attributes)
{
    Value stop = exc1(&rt_StopIteration, small_new(5));
    ck_assert(rt_stopiteration_value(stop) == small_new(5));
    ck_assert(rt_getattr_cstr(stop, "value") == small_new(5));
    ck_assert(rt_stopiteration_value(rt_exc_new(&rt_StopIteration, rt_empty_tuple)) == rt_None);

    Value exit0 = rt_exc_new(&rt_SystemExit, rt_empty_tuple);
    ck_assert(rt_getattr_cstr(exit0, "code") == rt_None);
    Value exit2 = rt_exc_new(&rt_SystemExit, rt_tuple_pack(2, small_new(1), small_new(2)));
    ck_assert_str_eq(str_of(rt_repr(rt_getattr_cstr(exit2, "code"))), "(1, 2)");

    Value os = rt_exc_new(&rt_OSError, rt_tuple_pack(3, small_new(2), cstr("x"), cstr("f")));
    ck_assert_str_eq(str_of(rt_str(os)), "[Errno 2] x: 'f'");
    ck_assert_str_eq(str_of(rt_repr(rt_getattr_cstr(os, "args"))), "(2, 'x')");
    ck_assert(rt_getattr_cstr(os, "errno") == small_new(2));

    Value e = rt_exc_new(&rt_ValueError, rt_empty_tuple);
    ck_assert(rt_getattr_cstr(e, "__traceback__") == rt_None);
    ck_assert(rt_getattr_cstr(e, "__context__") == rt_None);
    ck_assert(rt_getattr_cstr(e, "__suppress_context__") == rt_False);
    ck_assert_int_eq(rt_setattr(e, cstr("__cause__"), stop), 0);
    ck_assert(rt_getattr_cstr(e, "__suppress_context__") == rt_True);
    ck_assert_int_eq(rt_setattr(e, cstr("__cause__"), small_new(1)), -1);
    ck_assert(rt_err_matches(&rt_TypeError));
    rt_err_clear();
}
END_TEST

/* ---- raising and matching -------------------------------------------------------- */

START_TEST(test_raise_and_fetch)
{
    ck_assert(!rt_err_occurred());
    ck_assert(rt_raisef(&rt_ValueError, "bad %s %d", "thing", 3) == VAL_NULL);
    ck_assert(rt_err_occurred());
    ck_assert(rt_err_matches(&rt_ValueError));
    ck_assert(rt_err_matches(&rt_Exception));
    ck_assert(!rt_err_matches(&rt_TypeError));
    Value e = rt_err_fetch();
    ck_assert(!rt_err_occurred());
    ck_assert_str_eq(str_of(rt_repr(e)), "ValueError('bad thing 3')");

    rt_raise(obj_val(&rt_KeyError));        /* a class: instantiated */
    e = rt_err_fetch();
    ck_assert(val_type(e) == &rt_KeyError);
    ck_assert_int_eq(rt_tuple_len(AS_EXC(e)->args), 0);

    rt_raise(small_new(3));                 /* not an exception */
    e = rt_err_fetch();
    ck_assert_str_eq(str_of(rt_repr(e)),
                     "TypeError('exceptions must derive from BaseException')");

    rt_raise_nomemory();
    ck_assert(rt_err_matches(&rt_MemoryError));
    rt_err_clear();
}
END_TEST

START_TEST(test_matches)
{
    Value zero = exc1(&rt_ZeroDivisionError, cstr("x"));
    ck_assert(rt_exc_matches(zero, obj_val(&rt_ZeroDivisionError)));
    ck_assert(rt_exc_matches(zero, obj_val(&rt_ArithmeticError)));
    ck_assert(rt_exc_matches(zero, obj_val(&rt_BaseException)));
    ck_assert(!rt_exc_matches(zero, obj_val(&rt_LookupError)));
    Value tup = rt_tuple_pack(2, obj_val(&rt_KeyError), obj_val(&rt_ArithmeticError));
    ck_assert(rt_exc_matches(zero, tup));
    ck_assert(!rt_exc_matches(zero, rt_tuple_pack(1, obj_val(&rt_KeyError))));
    Value nested = rt_tuple_pack(2, obj_val(&rt_KeyError), rt_tuple_pack(1, obj_val(&rt_Exception)));
    ck_assert(rt_exc_matches(zero, nested));
    ck_assert(rt_exc_matches(obj_val(&rt_IndexError), obj_val(&rt_LookupError)));
    ck_assert(!rt_exc_matches(zero, rt_empty_tuple));
}
END_TEST

START_TEST(test_context_cycle)
{
    /* a.__context__ = b, then raising a while handling... b: no loop. */
    Value a = exc1(&rt_ValueError, cstr("a")), b = exc1(&rt_TypeError, cstr("b"));
    rt_exc_set_context(b, a);
    ck_assert(AS_EXC(b)->context == a);
    rt_exc_set_context(a, b);           /* would close a loop: b's link to a is cut */
    ck_assert(AS_EXC(a)->context == b);
    ck_assert(AS_EXC(b)->context == rt_None);
    rt_exc_set_context(a, a);           /* never its own context */
    ck_assert(AS_EXC(a)->context == b);
}
END_TEST

/* ---- the hierarchy, checked against python3.11 ------------------------------------------ */

typedef struct ExcEntry {
    const char *name;
    ObjType *type;
} ExcEntry;

static const ExcEntry all_exceptions[] = {
#define ENTRY(NAME, BASE) {#NAME, &rt_##NAME},
    RT_EXCEPTIONS(ENTRY)
#undef ENTRY
    {NULL, NULL}};

static ObjType *exception_named(const char *name, size_t len)
{
    for (const ExcEntry *e = all_exceptions; e->name; e++)
        if (strlen(e->name) == len && strncmp(e->name, name, len) == 0)
            return e->type;
    return NULL;
}

START_TEST(test_hierarchy)
{
    char names[4096] = "";
    for (const ExcEntry *e = all_exceptions; e->name; e++) {
        strcat(names, e->name);
        strcat(names, ",");
    }
    char *script = write_temp("hier.py",
        "import sys, builtins\n"
        "for n in sys.argv[1].split(',')[:-1]:\n"
        "    print(n, getattr(builtins, n).__base__.__name__)\n");
    char *out = run_python(script, names);
    size_t count = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n"), count++) {
        char name[64], base[64];
        ck_assert_int_eq(sscanf(line, "%63s %63s", name, base), 2);
        ObjType *t = exception_named(name, strlen(name));
        ck_assert_ptr_nonnull(t);
        ck_assert_str_eq(t->base->name, base);
        ck_assert(t->flags & TF_EXCEPTION);
        ck_assert(rt_is_subtype(t, &rt_BaseException));
    }
    ck_assert_uint_eq(count, sizeof all_exceptions / sizeof all_exceptions[0] - 1);
    free(out);
}
END_TEST

/* ---- the location table ---------------------------------------------------------- */

static const char positions_script[] =
    "import dis, marshal\n"
    "src = '''\n"
    "def f(a, b):\n"
    "    x = (a +\n"
    "         b)\n"
    "    return [a, b][x] + len('%s')\n"
    "\n"
    "def g(n):\n"
    "    total = 0\n"
    "    for i in range(n):\n"
    "        if i %% 2:\n"
    "            total += i\n"
    "%s"
    "    return total\n"
    "class C:\n"
    "    def m(self): return self.x.y.z\n"
    "'''\n"
    "src = src % ('x' * 300, '\\n' * 70)\n"
    "code = compile(src, 't.py', 'exec')\n"
    "def walk(c):\n"
    "    yield c\n"
    "    for k in c.co_consts:\n"
    "        if hasattr(k, 'co_code'): yield from walk(k)\n"
    "for c in walk(code):\n"
    "    print('CODE', marshal.dumps(c).hex())\n"
    "    print('POS', ' '.join('%d,%d,%d,%d' % tuple(-1 if v is None else v for v in p)\n"
    "                          for p in c.co_positions()))\n"
    "    print('LINES', ' '.join('%d,%d' % (i.offset // 2, -1 if i.positions.lineno is None\n"
    "                            else i.positions.lineno) for i in dis.get_instructions(c)))\n";

static void check_positions(ObjCode *code, char *pos)
{
    int unit = 0;
    for (char *tok = strtok(pos, " \n"); tok; tok = strtok(NULL, " \n"), unit++) {
        int want[4], got[4];
        ck_assert_int_eq(sscanf(tok, "%d,%d,%d,%d", &want[0], &want[1], &want[2], &want[3]), 4);
        ck_assert(rt_code_position(code, unit, &got[0], &got[1], &got[2], &got[3]));
        for (int k = 0; k < 4; k++)
            ck_assert_msg(got[k] == want[k], "unit %d field %d: %d != %d", unit, k, got[k], want[k]);
    }
    ck_assert_uint_eq((size_t)unit, code->ninstrs);
    int l, el, c, ec;
    ck_assert(!rt_code_position(code, unit, &l, &el, &c, &ec));   /* past the end */
    ck_assert_int_eq(rt_code_line(code, -1), -1);
}

static void check_lines(ObjCode *code, char *lines)
{
    for (char *tok = strtok(lines, " \n"); tok; tok = strtok(NULL, " \n")) {
        int unit, line;
        ck_assert_int_eq(sscanf(tok, "%d,%d", &unit, &line), 2);
        ck_assert_int_eq(rt_code_line(code, unit), line);
    }
}

START_TEST(test_location_table)
{
    char *script = write_temp("positions.py", positions_script);
    char *out = run_python(script, NULL);
    int ncodes = 0;
    ObjCode *code = NULL;
    char *save = NULL;
    for (char *line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "CODE ", 5) == 0) {
            Value v = unmarshal_hex(line + 5);
            ck_assert(is_code(v));
            code = AS_CODE(v);
            ncodes++;
        } else if (strncmp(line, "POS ", 4) == 0) {
            check_positions(code, line + 4);
        } else if (strncmp(line, "LINES ", 6) == 0) {
            check_lines(code, line + 6);
        }
    }
    ck_assert_int_ge(ncodes, 4);
    free(out);
}
END_TEST

START_TEST(test_corrupt_location_table)
{
    /* Take a real code object and damage its table in every way we can. */
    char *script = write_temp("one.py",
        "import marshal\n"
        "def f(a):\n    return a + 1\n"
        "print(marshal.dumps(f.__code__).hex())\n");
    char *out = run_python(script, NULL);
    ObjCode *code = AS_CODE(unmarshal_hex(out));
    ObjBytes *table = AS_BYTES(code->linetable);
    for (size_t cut = 0; cut < table->length; cut++) {       /* truncations */
        code->linetable = rt_bytes_new(table->data, cut);
        for (int i = 0; i < (int)code->ninstrs + 2; i++)
            (void)rt_code_line(code, i);
    }
    for (size_t at = 0; at < table->length; at++)            /* byte changes */
        for (int v = 0; v < 256; v += 7) {
            unsigned char copy[256];
            memcpy(copy, table->data, table->length);
            copy[at] = (unsigned char)v;
            code->linetable = rt_bytes_new(copy, table->length);
            for (int i = 0; i < (int)code->ninstrs + 2; i++)
                (void)rt_code_line(code, i);
        }
    code->linetable = rt_bytes_new((const unsigned char *)"\x7f", 1);  /* no entry flag */
    ck_assert_int_eq(rt_code_line(code, 0), -1);
    free(out);
}
END_TEST

START_TEST(test_code_counts)
{
    char *script = write_temp("counts.py",
        "import marshal\n"
        "def outer(a, b):\n"
        "    c = 1\n"
        "    def inner(): return a + c\n"
        "    return inner\n"
        "print(marshal.dumps(outer.__code__).hex())\n"
        "print(marshal.dumps(outer(1, 2).__code__).hex())\n");
    char *out = run_python(script, NULL);
    ObjCode *outer = AS_CODE(unmarshal_hex(out));
    /* a (0x60: local + cell), b (local), c (cell only), inner (local) */
    ck_assert_int_eq(outer->nlocalsplus, 4);
    ck_assert_int_eq(outer->nlocals, 3);
    ck_assert_int_eq(outer->ncells, 2);
    ck_assert_int_eq(outer->nfrees, 0);
    ck_assert_uint_eq(outer->framesize, (size_t)(4 + outer->stacksize));
    ck_assert_uint_eq(outer->ninstrs, AS_BYTES(outer->code)->length / 2);
    ObjCode *inner = AS_CODE(unmarshal_hex(strchr(out, '\n') + 1));
    ck_assert_int_eq(inner->nfrees, 2);
    ck_assert_int_eq(inner->nlocals, 0);
    const char *repr = str_of(rt_repr(obj_val(inner)));
    ck_assert_msg(strncmp(repr, "<code object inner at 0x", 24) == 0, "%s", repr);
    ck_assert_msg(strstr(repr, ", file \"") != NULL && strstr(repr, "\", line 4>") != NULL,
                  "%s", repr);
    free(out);
}
END_TEST

/* ---- tracebacks, compared with python3.11's own output ------------------------------------ */

static const char traceback_helper[] =
    "import sys, marshal, subprocess\n"
    "path = sys.argv[1]\n"
    "src = open(path).read()\n"
    "def entries(e):\n"
    "    tb = e.__traceback__\n"
    "    while tb:\n"
    "        if tb.tb_frame.f_code.co_filename == path:\n"
    "            print('TB', marshal.dumps(tb.tb_frame.f_code).hex(), tb.tb_lasti // 2)\n"
    "        tb = tb.tb_next\n"
    "def chain(e):\n"
    "    seen = set()\n"
    "    while e is not None and id(e) not in seen:\n"
    "        seen.add(id(e))\n"
    "        nxt, link = (e.__cause__, 'cause') if e.__cause__ is not None else (e.__context__, 'context')\n"
    "        arg = marshal.dumps(e.args[0]).hex() if len(e.args) == 1 else '-'\n"
    "        print('EXC', type(e).__name__, arg, link if nxt is not None else 'none', int(e.__suppress_context__))\n"
    "        entries(e)\n"
    "        e = nxt\n"
    "try:\n"
    "    exec(compile(src, path, 'exec'), {'__name__': '__main__'})\n"
    "except BaseException as e:\n"
    "    chain(e)\n"
    "r = subprocess.run([sys.executable, path], capture_output=True)\n"
    "print('EXPECTED', r.stderr.hex())\n";

/* Rebuild the chain the helper reported; returns the newest exception. */
static Value build_chain(char *report, char **expected)
{
    Value first = VAL_NULL, prev = VAL_NULL, cur = VAL_NULL;
    char prev_link[16] = "none";
    char *save = NULL;
    for (char *line = strtok_r(report, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "EXC ", 4) == 0) {
            char name[64], arg[4096], link[16];
            int suppress;
            ck_assert_int_eq(sscanf(line, "EXC %63s %4095s %15s %d", name, arg, link, &suppress), 4);
            ObjType *t = exception_named(name, strlen(name));
            ck_assert_msg(t != NULL, "unknown exception %s", name);
            cur = strcmp(arg, "-") == 0 ? rt_exc_new(t, rt_empty_tuple)
                                        : exc1(t, unmarshal_hex(arg));
            AS_EXC(cur)->suppress_context = suppress;
            if (prev != VAL_NULL) {
                if (strcmp(prev_link, "cause") == 0) AS_EXC(prev)->cause = cur;
                else AS_EXC(prev)->context = cur;
            }
            if (first == VAL_NULL) first = cur;
            prev = cur;
            strcpy(prev_link, link);
        } else if (strncmp(line, "TB ", 3) == 0) {
            char *space = strchr(line + 3, ' ');
            *space = '\0';
            ObjCode *code = AS_CODE(unmarshal_hex(line + 3));
            /* Entries arrive outermost first; prepending builds the chain
             * from the innermost end, so append by walking to the end. */
            Value tb = rt_traceback_here(rt_None, rt_None, code, atoi(space + 1));
            Value *link = &AS_EXC(cur)->traceback;
            while (*link != rt_None)
                link = &VAL_AS(ObjTraceback, *link)->next;
            *link = tb;
        } else if (strncmp(line, "EXPECTED ", 9) == 0) {
            size_t n;
            unsigned char *bytes = from_hex(line + 9, &n);
            bytes = realloc(bytes, n + 1);
            bytes[n] = '\0';
            *expected = (char *)bytes;
        }
    }
    ck_assert(first != VAL_NULL);
    return first;
}

static char *printed(Value exc)
{
    char path[256];
    snprintf(path, sizeof path, "%s/printed.txt", temp_dir());
    FILE *f = fopen(path, "w+");
    ck_assert_ptr_nonnull(f);
    rt_print_exception_to(f, exc);
    long n = ftell(f);
    rewind(f);
    char *text = calloc(1, (size_t)n + 1);
    ck_assert_int_eq(fread(text, 1, (size_t)n, f), n);
    fclose(f);
    return text;
}

static void check_traceback(const char *name, const char *program)
{
    char *helper = write_temp("tb_helper.py", traceback_helper);
    char *prog = write_temp(name, program);
    char *report = run_python(helper, prog);
    char *expected = NULL;
    Value exc = build_chain(report, &expected);
    ck_assert_ptr_nonnull(expected);
    char *got = printed(exc);
    ck_assert_msg(strcmp(got, expected) == 0, "%s:\n--- pvm ---\n%s--- python ---\n%s",
                  name, got, expected);
    free(got);
    free(expected);
    free(report);
}

START_TEST(test_traceback_carets)
{
    check_traceback("carets.py",
        "def main():\n"
        "    return 1 / 0\n"
        "main()\n");
    check_traceback("binops.py",
        "def g(a, b):\n"
        "    return (a + b) / 0\n"
        "g(1, 2)\n");
    check_traceback("floordiv.py",
        "f = lambda: 1 // 0\n"
        "x = [f][0]()\n");
    check_traceback("subscr.py",
        "d = {}\n"
        "def h(d):\n"
        "    return d['k']\n"
        "h(d)\n");
    check_traceback("subscr2.py",
        "x = [1]\n"
        "x[ 5 ]\n");
    check_traceback("mixed.py",
        "def f():\n"
        "    return [1][5] + 2\n"
        "f()\n");
    check_traceback("pow.py",
        "y = 0\n"
        "z = -2 ** 0.5 / y\n");
    check_traceback("group.py",
        "a = None\n"
        "b = 1 + (a)\n");
    check_traceback("attr.py",
        "class C: pass\n"
        "print(C().missing)\n");
    check_traceback("wholeline.py",
        "d = {}\n"
        "d['k']\n");
}
END_TEST

START_TEST(test_traceback_shapes)
{
    check_traceback("noargs.py",
        "def f():\n"
        "    raise ValueError()\n"
        "f()\n");
    check_traceback("multiline.py",
        "def f(a, b):\n"
        "    return a / b\n"
        "x = f(1,\n"
        "      0)\n");
    check_traceback("recursion.py",
        "def r(n):\n"
        "    return r(n - 1) if n else 1 / 0\n"
        "r(40)\n");
    check_traceback("once_more.py",
        "def r(n):\n"
        "    return r(n - 1) if n else 1 / 0\n"
        "r(3)\n");
    check_traceback("context.py",
        "try:\n"
        "    {}['a']\n"
        "except KeyError:\n"
        "    raise ValueError('bad')\n");
    check_traceback("cause.py",
        "def f():\n"
        "    try:\n"
        "        int('x')\n"
        "    except ValueError as e:\n"
        "        raise RuntimeError('wrapped') from e\n"
        "f()\n");
    check_traceback("suppressed.py",
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    raise TypeError('t') from None\n");
}
END_TEST

START_TEST(test_traceback_stderr)
{
    /* rt_print_exception writes to stderr: capture it with dup2. */
    Value e = exc1(&rt_KeyError, cstr("k"));
    char path[256];
    snprintf(path, sizeof path, "%s/stderr.txt", temp_dir());
    fflush(stderr);
    int saved = dup(2);
    FILE *f = fopen(path, "w");
    dup2(fileno(f), 2);
    rt_print_exception(e);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fclose(f);
    f = fopen(path, "r");
    char buf[128] = "";
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "KeyError: 'k'\n");
}
END_TEST

Suite *exceptions_suite(void)
{
    Suite *s = suite_create("exceptions");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_str_repr);
    tcase_add_test(tc, test_special_attributes);
    tcase_add_test(tc, test_raise_and_fetch);
    tcase_add_test(tc, test_matches);
    tcase_add_test(tc, test_context_cycle);
    tcase_add_test(tc, test_hierarchy);
    tcase_add_test(tc, test_location_table);
    tcase_add_test(tc, test_corrupt_location_table);
    tcase_add_test(tc, test_code_counts);
    tcase_add_test(tc, test_traceback_carets);
    tcase_add_test(tc, test_traceback_shapes);
    tcase_add_test(tc, test_traceback_stderr);
    suite_add_tcase(s, tc);
    return s;
}
