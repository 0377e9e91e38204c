/*
 * test_opcodes.c — the opcode list in vm/opcodes.h against python3.11's
 * own Lib/opcode.py: every name, number and inline-cache count, and no
 * opcode missing or extra.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/unit/unit.h"
#include "vm/opcodes.h"

START_TEST(opcode_table_matches_python)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "%s -c 'import opcode\n"
             "for i, n in enumerate(opcode.opname):\n"
             "    if not n.startswith(\"<\"): print(i, n, opcode._inline_cache_entries[i])'",
             unit_python());
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    int num, caches, seen = 0;
    char name[64];
    while (fscanf(p, "%d %63s %d", &num, name, &caches) == 3) {
        ck_assert_int_ge(num, 0);
        ck_assert_int_lt(num, 256);
        ck_assert_msg(vm_opcode_info[num].name != NULL, "opcode %d (%s) missing", num, name);
        ck_assert_str_eq(vm_opcode_info[num].name, name);
        ck_assert_int_eq(vm_opcode_info[num].caches, caches);
        seen++;
    }
    ck_assert_int_eq(pclose(p), 0);
    int listed = 0;
    for (int i = 0; i < 256; i++)
        listed += vm_opcode_info[i].name != NULL;
    ck_assert_int_eq(seen, listed);
    ck_assert_int_gt(seen, 100);
}
END_TEST

START_TEST(jump_kinds_match_python)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "%s -c 'import opcode\nprint(*sorted(opcode.hasjrel))'", unit_python());
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    int num, n = 0;
    while (fscanf(p, "%d", &num) == 1) {
        OperandKind k = vm_opcode_info[num].kind;
        ck_assert_msg(k == OPK_JFWD || k == OPK_JBACK, "%s is a relative jump",
                      vm_opcode_info[num].name);
        n++;
    }
    pclose(p);
    ck_assert_int_gt(n, 10);
}
END_TEST

Suite *opcodes_suite(void)
{
    Suite *s = suite_create("opcodes");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, opcode_table_matches_python);
    tcase_add_test(tc, jump_kinds_match_python);
    suite_add_tcase(s, tc);
    return s;
}
