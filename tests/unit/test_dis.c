/*
 * test_dis.c — the disassembler on what python3.11's dis cannot be asked
 * about: hand-made instruction sequences and damaged code objects.
 * (Real files are compared with python3.11's dis by tests/run_dis.sh.)
 *
 *   - HAVE_ARGUMENT agrees with the operand kinds of vm/opcodes.h;
 *   - EXTENDED_ARG prefixes fold into the next oparg, caches are skipped;
 *   - bad indices, unknown opcodes and truncated tables print, never crash:
 *     every one-byte change of a real function's code, exception table and
 *     location table is disassembled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/unit/unit.h"
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "tools/dis.h"
#include "vm/opcodes.h"

/* A code object with the given code units and a few consts and names. */
static ObjCode *make_code(const unsigned char *bytes, size_t n)
{
    ObjCode *c = rt_code_alloc();
    c->code = rt_bytes_new(bytes, n);
    c->consts = rt_tuple_new(2);
    AS_TUPLE(c->consts)->items[1] = rt_str_from_cstr("k");
    c->names = rt_tuple_new(1);
    AS_TUPLE(c->names)->items[0] = rt_str_from_cstr("print");
    c->localsplusnames = rt_tuple_new(0);
    c->localspluskinds = rt_bytes_new(NULL, 0);
    c->filename = rt_str_from_cstr("t.py");
    c->name = c->qualname = rt_str_from_cstr("t");
    c->linetable = rt_bytes_new(NULL, 0);
    c->exceptiontable = rt_bytes_new(NULL, 0);
    rt_code_init(c);
    return c;
}

/* The whole listing of code as a C string. */
static char *listing(const ObjCode *code)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    tool_disassemble(f, code, -1);
    fclose(f);
    return text;
}

START_TEST(have_argument_matches_operand_kinds)
{
    for (int op = 0; op < VM_FIRST_INTERNAL; op++) {     /* internal ones: never in a file */
        if (vm_opcode_info[op].name == NULL)
            continue;
        bool has_operand = vm_opcode_info[op].kind != OPK_NONE;
        ck_assert_msg(has_operand == (op >= VM_HAVE_ARGUMENT),
                      "%s: operand kind disagrees with HAVE_ARGUMENT", vm_opcode_info[op].name);
    }
}
END_TEST

START_TEST(extended_arg_and_caches)
{
    /* EXTENDED_ARG 1; EXTENDED_ARG 2; LOAD_FAST 3 -> oparg 0x010203;
     * BINARY_OP 0 + its cache; NOP (oparg byte ignored). */
    const unsigned char bytes[] = { OP_EXTENDED_ARG, 1, OP_EXTENDED_ARG, 2, OP_LOAD_FAST, 3,
                                    OP_BINARY_OP, 0, OP_CACHE, 0, OP_NOP, 7 };
    ObjCode *c = make_code(bytes, sizeof bytes);
    VmDecoder d = { c, 0, 0 };
    VmInstr in;
    int64_t want_args[] = { 1, 0x102, 0x10203, 0 };
    int want_offsets[] = { 0, 2, 4, 6, 10 };
    for (int i = 0; i < 5; i++) {
        ck_assert(vm_decode_next(&d, &in));
        ck_assert_int_eq(in.offset, want_offsets[i]);
        if (i < 4)
            ck_assert_int_eq(in.arg, want_args[i]);
    }
    ck_assert(!in.has_arg);
    ck_assert(!vm_decode_next(&d, &in));
}
END_TEST

START_TEST(bad_operands_are_named)
{
    /* LOAD_CONST 9 (no such const), LOAD_GLOBAL 1 (NULL + print),
     * opcode 3 (not a 3.11 opcode), COMPARE_OP 77. */
    const unsigned char bytes[] = { OP_LOAD_CONST, 9, OP_LOAD_GLOBAL, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                                    0, 0, 3, 0, OP_COMPARE_OP, 77, 0, 0, 0, 0 };
    char *text = listing(make_code(bytes, sizeof bytes));
    ck_assert_msg(strstr(text, "LOAD_CONST               9 (<index out of range>)"), "%s", text);
    ck_assert_msg(strstr(text, "LOAD_GLOBAL              1 (NULL + print)"), "%s", text);
    ck_assert_msg(strstr(text, "14 <3>\n"), "%s", text);
    ck_assert_msg(strstr(text, "COMPARE_OP              77 (<index out of range>)"), "%s", text);
    free(text);
}
END_TEST

START_TEST(exception_table_truncated_entry_dropped)
{
    const unsigned char bytes[] = { OP_NOP, 0, OP_NOP, 0, OP_NOP, 0 };
    ObjCode *c = make_code(bytes, sizeof bytes);
    /* One entry (start 0, length 2, target 2, depth 1 + lasti), then half of another. */
    const unsigned char table[] = { 0x80, 2, 2, 3, 0x81, 1 };
    c->exceptiontable = rt_bytes_new(table, sizeof table);
    char *text = listing(c);
    ck_assert_msg(strstr(text, "    >>    4 NOP\nExceptionTable:\n  0 to 2 -> 4 [1] lasti\n"),
                  "%s", text);
    ck_assert_str_eq(strstr(text, "ExceptionTable:"), "ExceptionTable:\n  0 to 2 -> 4 [1] lasti\n");
    /* vm/decode.h's walk, in code units: the entry, then the end. */
    VmExcTable t;
    VmExcEntry e;
    vm_exc_table_start(&t, c);
    ck_assert(vm_exc_table_next(&t, &e));
    ck_assert_int_eq(e.start, 0);
    ck_assert_int_eq(e.end, 2);
    ck_assert_int_eq(e.target, 2);
    ck_assert_int_eq(e.depth, 1);
    ck_assert(e.lasti);
    ck_assert(!vm_exc_table_next(&t, &e));
    free(text);
}
END_TEST

/* A real function from python3.11: a loop, a try, a call, a closure. */
static ObjCode *compiled_function(void)
{
    char dir[] = "/tmp/pvm_dis_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char src[64], pyc[64], cmd[512];
    snprintf(src, sizeof src, "%s/f.py", dir);
    snprintf(pyc, sizeof pyc, "%s/f.pyc", dir);
    FILE *f = fopen(src, "w");
    fputs("def f(xs, n=1):\n    t = 0\n    for x in xs:\n        try:\n"
          "            t += x // n\n        except ZeroDivisionError as e:\n"
          "            print(e, sep='')\n    return lambda: t\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s -c 'import py_compile; py_compile.compile(\"%s\", cfile=\"%s\")'",
             unit_python(), src, pyc);
    ck_assert_int_eq(system(cmd), 0);
    char err[256];
    PycHeader h;
    Value module = ld_load_pyc_file(pyc, &h, err, sizeof err);
    ck_assert_msg(module != VAL_NULL, "%s", err);
    remove(src);
    remove(pyc);
    rmdir(dir);
    Value consts = AS_CODE(module)->consts;
    for (size_t i = 0; i < rt_tuple_len(consts); i++)
        if (is_code(rt_tuple_get(consts, i)))
            return AS_CODE(rt_tuple_get(consts, i));
    ck_abort_msg("no function in the module");
    return NULL;
}

/* A copy of code with byte i of one of its bytes fields set to v. */
static ObjCode *mutated(const ObjCode *code, Value *field_of_copy(ObjCode *), size_t i, int v)
{
    ObjCode *c = rt_code_alloc();
    *c = *code;
    Value *field = field_of_copy(c);
    ObjBytes *b = AS_BYTES(*field);
    unsigned char *data = malloc(b->length);
    memcpy(data, b->data, b->length);
    data[i] = (unsigned char)v;
    *field = rt_bytes_new(data, b->length);
    free(data);
    rt_code_init(c);
    return c;
}

static Value *code_field(ObjCode *c) { return &c->code; }
static Value *exc_field(ObjCode *c) { return &c->exceptiontable; }
static Value *lines_field(ObjCode *c) { return &c->linetable; }

START_TEST(every_one_byte_change_disassembles)
{
    static const int values[] = { 0, 1, 3, 63, 64, 90, 100, 116, 127, 128, 140, 144, 200, 255 };
    Value *(*fields[])(ObjCode *) = { code_field, exc_field, lines_field };
    ObjCode *code = compiled_function();
    FILE *null = fopen("/dev/null", "w");
    int runs = 0;
    for (size_t f = 0; f < 3; f++) {
        size_t n = AS_BYTES(*fields[f](code))->length;
        for (size_t i = 0; i < n; i++)
            for (size_t v = 0; v < sizeof values / sizeof values[0]; v++, runs++)
                tool_dis_recursive(null, mutated(code, fields[f], i, values[v]));
    }
    fclose(null);
    ck_assert_int_gt(runs, 1000);
}
END_TEST

Suite *dis_suite(void)
{
    Suite *s = suite_create("dis");
    TCase *tc = tcase_create("dis");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, have_argument_matches_operand_kinds);
    tcase_add_test(tc, extended_arg_and_caches);
    tcase_add_test(tc, bad_operands_are_named);
    tcase_add_test(tc, exception_table_truncated_entry_dropped);
    tcase_add_test(tc, every_one_byte_change_disassembles);
    suite_add_tcase(s, tc);
    return s;
}
