/*
 * test_loader.c — the .pyc loader against real and hostile input.
 *
 * Real files are compiled by python3.11 at test time (unit_python()), so the
 * expected results always come from the reference.  Then, in the spirit of
 * CPython's Lib/test/test_marshal.py, the files are attacked: every
 * truncation, every one-byte change, foreign magic numbers, bad flags, and
 * hand-built marshal blobs (bad codes, bad references, deep nesting, huge
 * lengths, bad digits, bad UTF-8, unhashable keys, exponential sharing,
 * colliding hashes).  The one rule: load or report one line naming the
 * file — never crash, hang or leave a Python exception pending.
 * The suite runs in-process (CK_NOFORK), so a crash fails the whole run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/unit.h"
#include "runtime/runtime.h"
#include "loader/pyc.h"

/* ---- Fixtures: python3.11 at test time ---------------------------------------- */

static char workdir[] = "/tmp/pvm_loader_XXXXXX";
static bool workdir_made;

static const char *tmp_dir(void)
{
    if (!workdir_made) {
        ck_assert_msg(mkdtemp(workdir) != NULL, "mkdtemp failed");
        workdir_made = true;
    }
    return workdir;
}

/* Remove the work dir once the test case is over. */
static void remove_tmp_dir(void)
{
    if (!workdir_made)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", workdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", workdir);
    strcpy(workdir, "/tmp/pvm_loader_XXXXXX");
    workdir_made = false;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

static unsigned char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    size_t cap = 4096, len = 0, got;
    unsigned char *buf = malloc(cap);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *size = len;
    return buf;
}

/* Run a Python script (given as text) with python3.11 in the work dir. */
static void run_python(const char *script)
{
    char path[512], cmd[1200];
    snprintf(path, sizeof path, "%s/script.py", tmp_dir());
    write_text(path, script);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' script.py", tmp_dir(), unit_python());
    ck_assert_msg(system(cmd) == 0, "python3.11 failed: %s", cmd);
}

/* Compile `src` to <workdir>/<stem>.pyc with python3.11; returns its bytes. */
static unsigned char *compile_pyc(const char *stem, const char *src, size_t *size)
{
    char path[512], script[1024];
    snprintf(path, sizeof path, "%s/%s.py", tmp_dir(), stem);
    write_text(path, src);
    snprintf(script, sizeof script,
             "import py_compile\n"
             "py_compile.compile('%s.py', cfile='%s.pyc', doraise=True)\n", stem, stem);
    run_python(script);
    snprintf(path, sizeof path, "%s/%s.pyc", tmp_dir(), stem);
    return read_all(path, size);
}

static const char *PROGRAM =
    "import sys\n"
    "X = 10 ** 30\n"
    "def f(a, b=2, /, c=3, *args, d, **kw):\n"
    "    def g(y):\n"
    "        return a + y\n"
    "    return g(b) + c + d\n"
    "class C:\n"
    "    z = frozenset({1, 2.5, 'x', b'y', (1, 2)})\n"
    "    def m(self):\n"
    "        return [i * 2 for i in range(3)]\n"
    "try:\n"
    "    print(f(1, d=4), C().m(), -2**70, 1.5j, 'h\\u00e9llo \\u20ac', {'k': None})\n"
    "except Exception as e:\n"
    "    print(e)\n";

/* ---- Helpers --------------------------------------------------------------------- */

static const char *cstr(Value s) { return rt_str_cstr(s); }

/* The nested code object named `name` among co's constants, or NULL. */
static ObjCode *find_code(ObjCode *co, const char *name)
{
    for (size_t i = 0; i < rt_tuple_len(co->consts); i++) {
        Value c = rt_tuple_get(co->consts, i);
        if (is_code(c) && strcmp(cstr(AS_CODE(c)->name), name) == 0)
            return AS_CODE(c);
    }
    return NULL;
}

/* Load bytes; the result must be a code object or an error line that
 * names the file, and no exception may be left pending. */
static bool load_is_clean(const unsigned char *data, size_t size, const char *name)
{
    char err[512];
    Value v = ld_load_pyc_bytes(data, size, name, NULL, err, sizeof err);
    ck_assert_msg(!rt_err_occurred(), "exception left pending");
    if (v) {
        ck_assert(is_code(v));
        return true;
    }
    size_t n = strlen(name);
    ck_assert_msg(strncmp(err, name, n) == 0 && err[n] == ':', "bad error line '%s'", err);
    ck_assert_msg(strchr(err, '\n') == NULL, "error has a newline: '%s'", err);
    return false;
}

/* Unmarshal a blob; returns the value or VAL_NULL with err filled. */
static Value unmarshal(const char *blob, size_t n, char *err, size_t errsize)
{
    Value v = ld_unmarshal((const unsigned char *)blob, n, "m", 0, err, errsize);
    ck_assert_msg(!rt_err_occurred(), "exception left pending");
    ck_assert_msg(v || strncmp(err, "m: ", 3) == 0, "bad error line '%s'", err);
    return v;
}

/* The blob must be rejected with an error containing `needle`. */
#define REJECT(blob, needle) reject((blob), sizeof(blob) - 1, (needle))
static void reject(const char *blob, size_t n, const char *needle)
{
    char err[512] = "";
    Value v = unmarshal(blob, n, err, sizeof err);
    ck_assert_msg(v == VAL_NULL, "blob accepted, expected '%s'", needle);
    ck_assert_msg(strstr(err, needle) != NULL, "error '%s' lacks '%s'", err, needle);
}

/* The blob must load, and its repr be `expected`. */
#define ACCEPT(blob, expected) accept((blob), sizeof(blob) - 1, (expected))
static void accept(const char *blob, size_t n, const char *expected)
{
    char err[512] = "";
    Value v = unmarshal(blob, n, err, sizeof err);
    ck_assert_msg(v != VAL_NULL, "blob rejected: %s", err);
    Value r = rt_repr(v);
    ck_assert_msg(r != VAL_NULL, "repr failed");
    ck_assert_str_eq(cstr(r), expected);
}

/* ---- (a) real files load ------------------------------------------------------------ */

START_TEST(test_real_program_loads)
{
    size_t size;
    unsigned char *data = compile_pyc("prog", PROGRAM, &size);
    char err[512];
    PycHeader h;
    Value v = ld_load_pyc_bytes(data, size, "prog.pyc", &h, err, sizeof err);
    ck_assert_msg(v != VAL_NULL, "load failed: %s", err);
    ck_assert_int_eq(h.magic, LD_MAGIC_311);
    ck_assert_int_eq(h.flags, 0);
    ObjCode *co = AS_CODE(v);
    ck_assert_str_eq(cstr(co->name), "<module>");
    ck_assert_str_eq(cstr(co->qualname), "<module>");
    ck_assert_int_eq(co->argcount, 0);
    ObjCode *f = find_code(co, "f");
    ck_assert_msg(f != NULL, "no code object f");
    ck_assert_int_eq(f->argcount, 3);
    ck_assert_int_eq(f->posonlyargcount, 2);
    ck_assert_int_eq(f->kwonlyargcount, 1);
    ck_assert_int_eq(f->flags & (CO_VARARGS | CO_VARKEYWORDS), CO_VARARGS | CO_VARKEYWORDS);
    ObjCode *g = find_code(f, "g");
    ck_assert_msg(g != NULL, "no code object g");
    ck_assert_str_eq(cstr(g->qualname), "f.<locals>.g");
    free(data);
}
END_TEST

START_TEST(test_load_file_and_missing_file)
{
    size_t size;
    free(compile_pyc("hello", "print('hello')\n", &size));
    char path[512], err[512];
    snprintf(path, sizeof path, "%s/hello.pyc", tmp_dir());
    Value v = ld_load_pyc_file(path, NULL, err, sizeof err);
    ck_assert_msg(v != VAL_NULL, "load failed: %s", err);
    v = ld_load_pyc_file("/nonexistent/x.pyc", NULL, err, sizeof err);
    ck_assert(v == VAL_NULL);
    ck_assert_str_eq(err, "pvm: can't open file '/nonexistent/x.pyc': "
                          "[Errno 2] No such file or directory");
}
END_TEST

START_TEST(test_hash_based_pycs_load)
{
    const char *modes[] = {"CHECKED_HASH", "UNCHECKED_HASH"};
    for (int i = 0; i < 2; i++) {
        char script[512], path[512], err[512];
        snprintf(script, sizeof script,
                 "import py_compile\nopen('h.py', 'w').write('x = 1\\n')\n"
                 "py_compile.compile('h.py', cfile='h.pyc', doraise=True,\n"
                 "    invalidation_mode=py_compile.PycInvalidationMode.%s)\n", modes[i]);
        run_python(script);
        snprintf(path, sizeof path, "%s/h.pyc", tmp_dir());
        PycHeader h;
        Value v = ld_load_pyc_file(path, &h, err, sizeof err);
        ck_assert_msg(v != VAL_NULL, "load failed: %s", err);
        ck_assert_int_eq(h.flags, i == 0 ? 3 : 1);
    }
}
END_TEST

/* ---- (b) every truncation, (c) every one-byte change ------------------------------- */

START_TEST(test_every_truncation)
{
    size_t size;
    unsigned char *data = compile_pyc("prog", PROGRAM, &size);
    for (size_t n = 0; n < size; n++)
        ck_assert_msg(!load_is_clean(data, n, "t.pyc"), "truncated to %zu bytes loaded", n);
    ck_assert(load_is_clean(data, size, "t.pyc"));
    free(data);
}
END_TEST

START_TEST(test_every_byte_change)
{
    size_t size;
    unsigned char *data = compile_pyc("prog", PROGRAM, &size);
    unsigned char *copy = malloc(size);
    for (size_t i = 0; i < size; i++) {
        unsigned char x = data[i];
        const unsigned char vals[] = {0x00, 0xff, x ^ 0x80, x + 1, x - 1, x ^ 0x01, 'r', '('};
        for (size_t k = 0; k < sizeof vals; k++) {
            memcpy(copy, data, size);
            copy[i] = vals[k];
            load_is_clean(copy, size, "b.pyc");
        }
    }
    free(copy);
    free(data);
}
END_TEST

/* A small file gets all 256 values at every offset. */
START_TEST(test_every_byte_value_small_file)
{
    size_t size;
    unsigned char *data = compile_pyc("small", "print('hi', 1)\n", &size);
    unsigned char *copy = malloc(size);
    for (size_t i = 0; i < size; i++)
        for (int b = 0; b < 256; b++) {
            memcpy(copy, data, size);
            copy[i] = (unsigned char)b;
            load_is_clean(copy, size, "s.pyc");
        }
    free(copy);
    free(data);
}
END_TEST

/* ---- (d) header: magic numbers and flags ------------------------------------------------ */

static Value load_with_header(unsigned magic, uint32_t flags, char *err, size_t errsize)
{
    size_t size;
    unsigned char *data = compile_pyc("hello", "print('hello')\n", &size);
    data[0] = magic & 0xff, data[1] = magic >> 8;
    for (int i = 0; i < 4; i++)
        data[4 + i] = (unsigned char)(flags >> (8 * i));
    Value v = ld_load_pyc_bytes(data, size, "hello.pyc", NULL, err, errsize);
    free(data);
    return v;
}

START_TEST(test_foreign_magic_named)
{
    static const struct { unsigned magic; const char *version; } cases[] = {
        {3439, "3.10"}, {3531, "3.12"}, {3571, "3.13"}, {3627, "3.14"},
        {3413, "3.8"}, {3379, "3.6"}, {62211, "2.7"}, {3494, "3.11"},
        {3650, "3.15"}, {3699, "3.15"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512], want[512];
        ck_assert(load_with_header(cases[i].magic, 0, err, sizeof err) == VAL_NULL);
        snprintf(want, sizeof want, "hello.pyc: compiled by Python %s (magic %u); "
                 "pvm runs Python 3.11 bytecode (magic 3495)", cases[i].version,
                 cases[i].magic);
        ck_assert_str_eq(err, want);
    }
    ck_assert_str_eq(ld_magic_version(3531), "3.12");
    ck_assert_str_eq(ld_magic_version(3495), "3.11");
    ck_assert(ld_magic_version(3499) == NULL);
    ck_assert(ld_magic_version(3700) == NULL);
    ck_assert_int_eq(ld_magic_minor(3627), 14);
    ck_assert_int_eq(ld_magic_minor(3626), 0);
}
END_TEST

START_TEST(test_unknown_magic_and_short_header)
{
    char err[512];
    ck_assert(load_with_header(1234, 0, err, sizeof err) == VAL_NULL);
    ck_assert_str_eq(err, "hello.pyc: not a Python 3.11 bytecode file "
                          "(bad magic number d2 04 0d 0a at offset 0)");
    const unsigned char text[] = "print('hi')\n and more text here";
    ck_assert(ld_load_pyc_bytes(text, sizeof text, "p.pyc", NULL, err, sizeof err) == VAL_NULL);
    ck_assert_msg(strstr(err, "p.pyc: not a Python 3.11 bytecode file") == err, "%s", err);
    const unsigned char shortfile[] = {0xa7, 0x0d, 0x0d, 0x0a, 0, 0};
    ck_assert(ld_load_pyc_bytes(shortfile, 6, "s.pyc", NULL, err, sizeof err) == VAL_NULL);
    ck_assert_str_eq(err, "s.pyc: truncated file at offset 6 (reading the 16-byte .pyc header)");
}
END_TEST

START_TEST(test_header_flags)
{
    char err[512];
    ck_assert(load_with_header(3495, 0, err, sizeof err) != VAL_NULL);
    ck_assert(load_with_header(3495, 1, err, sizeof err) != VAL_NULL);
    ck_assert(load_with_header(3495, 3, err, sizeof err) != VAL_NULL);
    ck_assert(load_with_header(3495, 2, err, sizeof err) == VAL_NULL);
    ck_assert_msg(strstr(err, "hello.pyc: bad flags 0x00000002") == err, "%s", err);
    ck_assert(load_with_header(3495, 4, err, sizeof err) == VAL_NULL);
    ck_assert_str_eq(err, "hello.pyc: bad flags 0x00000004 in the .pyc header at offset 4");
    ck_assert(load_with_header(3495, 0x80000000u, err, sizeof err) == VAL_NULL);
}
END_TEST

START_TEST(test_top_object_must_be_code)
{
    unsigned char data[17] = {0xa7, 0x0d, 0x0d, 0x0a};
    data[16] = 'N';
    char err[512];
    ck_assert(ld_load_pyc_bytes(data, 17, "n.pyc", NULL, err, sizeof err) == VAL_NULL);
    ck_assert_str_eq(err, "n.pyc: the top-level object is a NoneType, not a code object "
                          "at offset 16");
}
END_TEST

/* ---- (e) hand-built marshal blobs ------------------------------------------------------------ */

START_TEST(test_bad_type_codes)
{
    REJECT("\x01", "unknown marshal type code 0x01 at offset 0");
    REJECT(")\x02N?", "unknown marshal type code '?' at offset 3");
    REJECT("", "truncated file at offset 0");
    REJECT("0", "NULL object");
    REJECT(")\x01" "0", "NULL object (type code '0') in a tuple at offset 2");
    REJECT("{N0", "NULL object (type code '0') in a dict value at offset 2");
}
END_TEST

START_TEST(test_references)
{
    REJECT("r\x00\x00\x00\x00", "reference 0 out of range");
    REJECT(")\x02\xe9\x05\x00\x00\x00r\x01\x00\x00\x00", "reference 1 out of range");
    REJECT("r\xff\xff\xff\xff", "reference -1 out of range");
    /* A tuple (flag 0x80 on ')') containing a reference to itself. */
    REJECT("\xa9\x01r\x00\x00\x00\x00", "reference 0 to an object still being built");
    REJECT("\xbc\x01\x00\x00\x00r\x00\x00\x00\x00", "still being built");   /* set */
    REJECT("\xbe\x01\x00\x00\x00r\x00\x00\x00\x00", "still being built");   /* frozenset */
    /* References to complete objects; singletons take no slot. */
    ACCEPT(")\x03\xe9\x05\x00\x00\x00\xcer\x00\x00\x00\x00", "(5, None, 5)");
    ACCEPT(")\x02\xa9\x00r\x00\x00\x00\x00", "((), ())");
    /* A list or dict may contain itself, as in CPython. */
    ACCEPT("\xdb\x01\x00\x00\x00r\x00\x00\x00\x00", "[[...]]");
    ACCEPT("\xfb" "Nr\x00\x00\x00\x00" "0", "{None: {...}}");
}
END_TEST

START_TEST(test_deep_nesting)
{
    size_t n = 100000;
    char *blob = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        blob[2 * i] = ')', blob[2 * i + 1] = 1;
    blob[2 * n] = 'N';
    reject(blob, 2 * n + 1, "nested deeper than 2000");
    for (size_t i = 0; i < n; i++)
        blob[i] = '[';              /* '[' then a 4-byte count of 0x5b5b5b5b */
    reject(blob, 2 * n + 1, "m: ");
    free(blob);
    /* 1999 levels inside the top one are fine. */
    char ok[2 * 1999 + 1];
    for (int i = 0; i < 1999; i++)
        ok[2 * i] = ')', ok[2 * i + 1] = 1;
    ok[2 * 1999] = 'N';
    char err[512];
    ck_assert_msg(unmarshal(ok, sizeof ok, err, sizeof err) != VAL_NULL, "%s", err);
}
END_TEST

/* Back-references can nest objects deeper than the reading recursion does:
 * item k of a big tuple is (item k-1,) through a reference. */
START_TEST(test_deep_nesting_through_references)
{
    size_t n = 3000, len = 5 + 2 + 7 * (n - 1);
    char *blob = malloc(len), *p = blob;
    *p++ = '(';
    *p++ = (char)(n & 0xff), *p++ = (char)(n >> 8), *p++ = 0, *p++ = 0;
    *p++ = (char)0xa9, *p++ = 0;                 /* slot 0: () */
    for (size_t k = 1; k < n; k++) {
        *p++ = (char)0xa9, *p++ = 1, *p++ = 'r';  /* slot k: (slot k-1,) */
        size_t ref = k - 1;
        for (int b = 0; b < 4; b++)
            *p++ = (char)(ref >> (8 * b));
    }
    reject(blob, len, "nested deeper than 2000");
    free(blob);
}
END_TEST

START_TEST(test_huge_lengths)
{
    REJECT("(\xff\xff\xff\x7f", "truncated file at offset 5 (reading a tuple of 2147483647 items");
    REJECT("[\xff\xff\xff\x7f" "N", "truncated file");
    REJECT("<\xff\xff\xff\x7f" "N", "truncated file");
    REJECT(">\xff\xff\xff\x7f" "N", "truncated file");
    REJECT("s\xff\xff\xff\x7f" "abc", "truncated file");
    REJECT("u\xff\xff\xff\x7f" "abc", "truncated file");
    REJECT("a\xff\xff\xff\x7f" "abc", "truncated file");
    REJECT("z\xff" "abc", "truncated file");
    REJECT("l\xff\xff\xff\x7f" "abc", "truncated file");
    REJECT("l\x00\x00\x00\x80" "abc", "truncated file");      /* -2**31 digits */
    REJECT("(\xff\xff\xff\xff", "negative size -1 for a tuple");
    REJECT("s\x00\x00\x00\x80", "negative size");
    REJECT("i\x01\x02", "truncated file at offset 1 (reading an int)");
    REJECT("g\x01\x02", "truncated file");
    REJECT("y\x01\x02\x03\x04\x05\x06\x07\x08\x09", "truncated file");
}
END_TEST

START_TEST(test_long_digits)
{
    ACCEPT("l\x02\x00\x00\x00\x01\x00\x01\x00", "32769");
    ACCEPT("l\xfe\xff\xff\xff\x01\x00\x01\x00", "-32769");
    ACCEPT("l\x00\x00\x00\x00", "0");
    REJECT("l\x01\x00\x00\x00\x00\x80", "digit out of range");
    REJECT("l\x01\x00\x00\x00\xff\xff", "digit out of range");
    REJECT("l\x02\x00\x00\x00\x01\x00\x00\x00", "unnormalized long int");
}
END_TEST

START_TEST(test_strings)
{
    REJECT("u\x02\x00\x00\x00\xc3\x28", "invalid UTF-8 in a str at offset 5");
    REJECT("t\x01\x00\x00\x00\xff", "invalid UTF-8");
    REJECT("u\x04\x00\x00\x00\xf4\x90\x80\x80", "invalid UTF-8");   /* > U+10FFFF */
    ACCEPT("u\x03\x00\x00\x00\xe2\x82\xac", "'\xe2\x82\xac'");       /* '€' */
    ACCEPT("z\x02\xe9\xff", "'\xc3\xa9\xc3\xbf'");                   /* Latin-1 'éÿ' */
    ACCEPT("Z\x03" "abc", "'abc'");
    ACCEPT("a\x00\x00\x00\x00", "''");
    /* surrogatepass: a lone surrogate loads. */
    char err[512];
    ck_assert(unmarshal("u\x03\x00\x00\x00\xed\xa0\x80", 8, err, sizeof err) != VAL_NULL);
}
END_TEST

/* ':' (3.14, marshal version 5): a slice of three objects; flagged, it
 * takes its reference slot before them, as CPython's r_ref_reserve. */
START_TEST(test_slices)
{
    ACCEPT(":NNN", "slice(None, None, None)");
    ACCEPT(":\xe9\x01\x00\x00\x00i\x02\x00\x00\x00N", "slice(1, 2, None)");
    ACCEPT(")\x02\xbaNNNr\x00\x00\x00\x00", "(slice(None, None, None), slice(None, None, None))");
    ACCEPT(":z\x01" "a" ":NNN" "N", "slice('a', slice(None, None, None), None)");
    REJECT(":NN", "truncated file at offset 3");
    REJECT(":N0N", "NULL object (type code '0') in a slice at offset 2");
    REJECT("\xbaNr\x00\x00\x00\x00N", "still being built");
}
END_TEST

START_TEST(test_unhashable_keys)
{
    REJECT("{[\x00\x00\x00\x00N0", "unhashable list key in a dict at offset 1");
    REJECT("<\x01\x00\x00\x00[\x00\x00\x00\x00", "unhashable list key in a set");
    REJECT(">\x01\x00\x00\x00)\x01{0", "unhashable");     /* a tuple holding a dict */
    ACCEPT("{z\x01" "ai\x01\x00\x00\x00" "0", "{'a': 1}");
}
END_TEST

START_TEST(test_text_floats)
{
    ACCEPT("f\x03" "1.5", "1.5");
    ACCEPT("f\x04" "-inf", "-inf");
    ACCEPT("x\x01" "1\x03" "2.5", "(1+2.5j)");
    REJECT("f\x03" "1.x", "malformed text float");
    REJECT("f\x04" "0x10", "malformed text float");
    REJECT("f\x00", "malformed text float");
}
END_TEST

/* ((t, t), (t, t)) ... 60 levels deep weighs 2**61: hashing it would never
 * end, so putting it in a frozenset is refused; 12 levels are fine. */
static size_t emit_shared(char *p, int k, int *slot)
{
    char *start = p;
    int mine = (*slot)++;
    *p++ = (char)0xa9;                          /* ')' | FLAG_REF */
    if (k == 0) {
        *p++ = 0;
        return (size_t)(p - start);
    }
    *p++ = 2;
    int child = *slot;
    p += emit_shared(p, k - 1, slot);
    *p++ = 'r';
    for (int b = 0; b < 4; b++)
        *p++ = (char)(child >> (8 * b));
    (void)mine;
    return (size_t)(p - start);
}

START_TEST(test_exponential_sharing)
{
    char blob[2048];
    int slot = 0;
    memcpy(blob, ">\x01\x00\x00\x00", 5);
    size_t n = 5 + emit_shared(blob + 5, 60, &slot);
    reject(blob, n, "too much work");
    slot = 0;
    n = 5 + emit_shared(blob + 5, 12, &slot);
    char err[512];
    ck_assert_msg(unmarshal(blob, n, err, sizeof err) != VAL_NULL, "%s", err);
}
END_TEST

/* Many distinct ints with one hash (k * (2**61 - 1) all hash to 0) would
 * make building the set quadratic; the work budget stops it. */
START_TEST(test_colliding_hashes)
{
    size_t n = 12000, per = 1 + 4 + 2 * 5;
    char *blob = malloc(5 + n * per), *p = blob;
    *p++ = '>';
    for (int b = 0; b < 4; b++)
        *p++ = (char)(n >> (8 * b));
    for (size_t k = 1; k <= n; k++) {
        unsigned __int128 v = ((unsigned __int128)k << 61) - k;
        *p++ = 'l', *p++ = 5, *p++ = 0, *p++ = 0, *p++ = 0;
        for (int d = 0; d < 5; d++, v >>= 15)
            *p++ = (char)(v & 0xff), *p++ = (char)((v >> 8) & 0x7f);
    }
    reject(blob, (size_t)(p - blob), "too much work");
    free(blob);
}
END_TEST

/* A code object whose fields are wrong in one way each. */
START_TEST(test_bad_code_objects)
{
    /* Fields: argc posonly kwonly stack flags, code consts names lpnames
     * lpkinds filename name qualname, firstlineno, linetable exctable. */
#define CODE(argc, posonly, stack, flags, code, kinds_names, kinds)           \
    "c" argc posonly "\x00\x00\x00\x00" stack flags code ")\x00" ")\x00"       \
    kinds_names kinds "z\x01" "f" "z\x01" "g" "z\x01" "g" "\x01\x00\x00\x00"   \
    "s\x00\x00\x00\x00" "s\x00\x00\x00\x00"
#define I0 "\x00\x00\x00\x00"
#define I1 "\x01\x00\x00\x00"
#define I2 "\x02\x00\x00\x00"
#define RET "s\x04\x00\x00\x00" "|\x00" "S\x00"       /* LOAD_FAST 0, RETURN_VALUE */
#define ONE_NAME ")\x01z\x01" "a"
    char err[512];
    const char good[] = CODE(I1, I0, I1, "\x03\x00\x00\x00", RET, ONE_NAME, "s\x01\x00\x00\x00\x20");
    Value v = unmarshal(good, sizeof good - 1, err, sizeof err);
    ck_assert_msg(v != VAL_NULL, "%s", err);
    ck_assert_str_eq(cstr(AS_CODE(v)->qualname), "g");
    REJECT(CODE(I1, I2, I1, I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "bad code object 'g': posonlyargcount 2 > argcount 1 at offset 0");
    REJECT(CODE(I2, I0, I1, I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "2 arguments but only 1 locals");
    REJECT(CODE(I1, I0, I1, I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x40"),
           "1 arguments but only 0 locals");
    REJECT(CODE(I0, I0, I1, I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x10"), "bad kind 0x10");
    REJECT(CODE(I0, I0, I1, I0, RET, ONE_NAME, "s\x02\x00\x00\x00\x20\x20"),
           "1 local names but 2 kinds");
    REJECT(CODE(I0, I0, I1, I0, "s\x01\x00\x00\x00S", ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "co_code has bad length 1");
    REJECT(CODE(I0, I0, I1, I0, "s\x00\x00\x00\x00", ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "co_code has bad length 0");
    REJECT(CODE(I0, I0, "\xa1\x86\x01\x00", I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "stacksize 100001 out of range");
    REJECT(CODE(I0, I0, "\xff\xff\xff\xff", I0, RET, ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "stacksize -1");
    REJECT(CODE(I0, I0, I1, "\x00\x04\x00\x00", RET, ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "unknown flags 0x400");
    REJECT(CODE(I0, I0, I1, I0, ")\x00", ONE_NAME, "s\x01\x00\x00\x00\x20"),
           "co_code is not bytes");
    REJECT(CODE(I0, I0, I1, I0, RET, ")\x01N", "s\x01\x00\x00\x00\x20"),
           "co_localsplusnames is not a tuple of str");
    REJECT(CODE(I0, I0, I1, I0, RET, ONE_NAME, "N"), "co_localspluskinds is not bytes");
    REJECT("\xe3" I0 I0 I0 I1 I0 "r\x00\x00\x00\x00", "still being built");
    REJECT("c" I0 I0 I0, "truncated file at offset 13 (reading co_stacksize)");
#undef CODE
}
END_TEST

/* ---- (f) values round-trip: python3.11's marshal.dumps and repr ------------------------- */

START_TEST(test_round_trip_values)
{
    run_python(
        "import marshal\n"
        "s = 'x' * 40\n"
        "cases = [(v, 4) for v in [0, 1, -1, 2**31 - 1, -2**31, 2**31, 2**62, -2**63,\n"
        "    2**100, -(2**70), 10**40, 1.5, -0.0, 1e300, 1e-7, float('inf'), 0.1,\n"
        "    3+4j, -1.5j, 'h\\u00e9llo', '\\u20acuro', '\\U0001F600', 'abc', '',\n"
        "    b'\\x00\\xffabc', b'', frozenset({1, 2, 3}), frozenset(), {1, 2},\n"
        "    (1, 'a', None, True, False, ...), ('a', ('b', ())), [1, [2]],\n"
        "    {'k': (1, 2), 3: None}, (s, s, [s]), StopIteration, 'x' * 300]]\n"
        "cases += [(1.5, 1), (1+2j, 1), (2**70, 2), ('abc', 2), ((1, 2), 0)]\n"
        "with open('values.txt', 'w', encoding='utf-8') as f:\n"
        "    for v, version in cases:\n"
        "        r = \"<class 'StopIteration'>\" if v is StopIteration else repr(v)\n"
        "        f.write(marshal.dumps(v, version).hex() + '\\t' + r + '\\n')\n");
    char path[512];
    snprintf(path, sizeof path, "%s/values.txt", tmp_dir());
    FILE *f = fopen(path, "r");
    ck_assert(f != NULL);
    char line[8192];
    int count = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        ck_assert(tab != NULL);
        *tab = '\0';
        size_t n = strlen(line) / 2;
        char *blob = malloc(n + 1);
        for (size_t i = 0; i < n; i++) {
            unsigned byte;
            sscanf(line + 2 * i, "%2x", &byte);
            blob[i] = (char)byte;
        }
        if (strcmp(tab + 1, "<class 'StopIteration'>") == 0) {
            char err[512];
            ck_assert(unmarshal(blob, n, err, sizeof err) == obj_val(&rt_StopIteration));
        } else {
            accept(blob, n, tab + 1);
        }
        free(blob);
        count++;
    }
    fclose(f);
    ck_assert_int_eq(count, 41);
}
END_TEST

/* Interned codes give the interned object; equal strs load equal. */
START_TEST(test_interning)
{
    char err[512];
    Value a = unmarshal("t\x03\x00\x00\x00" "abc", 8, err, sizeof err);
    Value b = unmarshal("Z\x03" "abc", 5, err, sizeof err);
    ck_assert(a != VAL_NULL && b != VAL_NULL);
    ck_assert(a == b);
    ck_assert(a == rt_str_intern_cstr("abc"));
}
END_TEST

Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("loader");
    tcase_set_timeout(tc, 60);
    tcase_add_unchecked_fixture(tc, NULL, remove_tmp_dir);
    tcase_add_test(tc, test_real_program_loads);
    tcase_add_test(tc, test_load_file_and_missing_file);
    tcase_add_test(tc, test_hash_based_pycs_load);
    tcase_add_test(tc, test_every_truncation);
    tcase_add_test(tc, test_every_byte_change);
    tcase_add_test(tc, test_every_byte_value_small_file);
    tcase_add_test(tc, test_foreign_magic_named);
    tcase_add_test(tc, test_unknown_magic_and_short_header);
    tcase_add_test(tc, test_header_flags);
    tcase_add_test(tc, test_top_object_must_be_code);
    tcase_add_test(tc, test_bad_type_codes);
    tcase_add_test(tc, test_references);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_deep_nesting_through_references);
    tcase_add_test(tc, test_huge_lengths);
    tcase_add_test(tc, test_long_digits);
    tcase_add_test(tc, test_strings);
    tcase_add_test(tc, test_slices);
    tcase_add_test(tc, test_unhashable_keys);
    tcase_add_test(tc, test_text_floats);
    tcase_add_test(tc, test_exponential_sharing);
    tcase_add_test(tc, test_colliding_hashes);
    tcase_add_test(tc, test_bad_code_objects);
    tcase_add_test(tc, test_round_trip_values);
    tcase_add_test(tc, test_interning);
    suite_add_tcase(s, tc);
    return s;
}
