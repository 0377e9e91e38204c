/*
 * test_opcodes.c — the opcode list in vm/opcodes.h against python3.11's
 * own Lib/opcode.py: every name, number and inline-cache count, and no
 * opcode missing or extra; and its stack effects against python3.11's
 * dis.stack_effect.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include "tests/unit/unit.h"
#include "vm/opcodes.h"
#include "vm/opcodes312.h"
#include "vm/opcodes313.h"
#include "vm/opcodes314.h"
#include "vm/translate.h"

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
    for (int i = 0; i < VM_FIRST_INTERNAL; i++)     /* internal ones: not 3.11's */
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

/* The opargs tried for every opcode that takes one: each small value (every
 * flag of MAKE_FUNCTION, FORMAT_VALUE, CALL_FUNCTION_EX, LOAD_GLOBAL's low
 * bit, BUILD_SLICE 2 and 3, RAISE_VARARGS 0-2, COPY/SWAP/LIST_APPEND depths)
 * and values past one byte (EXTENDED_ARG), whose two bytes UNPACK_EX reads
 * separately. */
#define STACK_EFFECT_SCRIPT STACK_EFFECT_SCRIPT_FROM("if name.startswith(\"<\"): continue\n")
#define STACK_EFFECT_SCRIPT_FROM(skip)                                          \
    "import dis, opcode\n"                                                      \
    "args = list(range(20)) + [255, 256, 257, 0x102, 0x201, 0xf0f, 0xffff]\n"  \
    "for op, name in enumerate(opcode.opname):\n"                               \
    "    " skip                                                                 \
    "    for arg in (args if op >= opcode.HAVE_ARGUMENT else [None]):\n"        \
    "        for jump in (False, True):\n"                                      \
    "            e = dis.stack_effect(op, arg, jump=jump)\n"                    \
    "            print(op, arg or 0, int(jump), e)\n"

/* One instruction's effect against python3.11's; false (with a message)
 * when they differ. */
static void check_effect(int op, int arg, int jump, int popped, int pushed, int effect)
{
    ck_assert_msg(popped >= 0 && pushed >= 0, "%s %d: popped %d, pushed %d",
                  vm_opcode_info[op].name, arg, popped, pushed);
    ck_assert_msg(pushed - popped == effect,
                  "%s %d%s: pvm's stack effect %d, python3.11's %d",
                  vm_opcode_info[op].name, arg, jump ? " (jump)" : "", pushed - popped, effect);
}

/* pushed - popped == dis.stack_effect(op, oparg, jump=...) for every
 * opcode, every oparg above and both outcomes of a jump, and neither count
 * is negative (popped is the depth the instruction needs).
 *
 * One pair is compared as a pair: 3.11's compiler books the arguments of a
 * call to PRECALL (-oparg) and the callable's two slots to CALL (-1), but
 * at run time PRECALL leaves the stack as it is (it may rewrite the two
 * slots below the arguments) and CALL takes everything.  The table says
 * what happens at run time, which is what the verifier needs; PRECALL n
 * then CALL n must still add up to python3.11's total. */
START_TEST(stack_effects_match_python)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s -c '" STACK_EFFECT_SCRIPT "'", unit_python());
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    enum { MAX_PAIRS = 128 };
    int precall[MAX_PAIRS], call[MAX_PAIRS], nprecall = 0, ncall = 0;
    int op, arg, jump, effect, n = 0;
    while (fscanf(p, "%d %d %d %d", &op, &arg, &jump, &effect) == 4) {
        int popped = vm_stack_popped(op, arg, jump);
        int pushed = vm_stack_pushed(op, arg, jump);
        n++;
        if (op == OP_PRECALL && nprecall < MAX_PAIRS) {
            ck_assert_int_eq(pushed - popped, 0);
            precall[nprecall++] = effect;
            continue;
        }
        if (op == OP_CALL && ncall < MAX_PAIRS) {
            /* the same oparg and jump as the PRECALL line of the same index */
            call[ncall++] = effect - (pushed - popped);
            continue;
        }
        check_effect(op, arg, jump, popped, pushed, effect);
    }
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_int_gt(n, 3900);
    ck_assert_int_eq(nprecall, ncall);
    ck_assert_int_gt(nprecall, 20);
    for (int i = 0; i < nprecall; i++)
        ck_assert_msg(precall[i] + call[i] == 0, "PRECALL + CALL (case %d): pvm and "
                      "python3.11 differ by %d", i, precall[i] + call[i]);
}
END_TEST

/* ---- the effect notation against the numbers --------------------------------- */

/* The size of items[SIZE]: the few expressions of oparg the notation uses. */
static int array_size(const char *size, size_t len, int oparg, const char *op)
{
    static const struct { const char *text; int mul, add, shift, mask; } forms[] = {
        { "oparg", 1, 0, 0, -1 },      { "oparg-1", 1, -1, 0, -1 },
        { "oparg-2", 1, -2, 0, -1 },   { "2*oparg", 2, 0, 0, -1 },
        { "oparg>>8", 1, 0, 8, -1 },   { "oparg&0xff", 1, 0, 0, 0xff },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strlen(forms[i].text) == len && strncmp(forms[i].text, size, len) == 0)
            return forms[i].mul * ((oparg >> forms[i].shift) & forms[i].mask) + forms[i].add;
    ck_abort_msg("%s: unknown size [%.*s] in its effect", op, (int)len, size);
    return 0;
}

/* How many items one side of "(inputs -- outputs)" names, for this oparg:
 * a word is one, word[SIZE] is SIZE, and [word] (there or not, by oparg)
 * sets *optional and counts none.  -1 when a SIZE is negative (an oparg
 * the instruction does not accept). */
static int count_items(const char *p, const char *end, int oparg, bool *optional,
                       const char *op)
{
    int n = 0;
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        const char *word = p;
        while (p < end && *p != ' ')
            p++;
        if (p == word)
            break;
        const char *bracket = memchr(word, '[', p - word);
        if (bracket == word) {
            *optional = true;
        } else if (bracket != NULL) {
            int size = array_size(bracket + 1, p - bracket - 2, oparg, op);
            if (size < 0)
                return -1;
            n += size;
        } else {
            n++;
        }
    }
    return n;
}

/* One "(inputs -- outputs)" group starting at *p against the numbers;
 * *p moves past it.  Skipped for an oparg the notation rejects, and for
 * every oparg but 0 when some item depends on oparg's flags. */
static void check_group(int op, const char **p, int oparg, bool jump)
{
    const char *open = strchr(*p, '('), *close = open ? strchr(open, ')') : NULL;
    const char *name = vm_opcode_info[op].name;
    ck_assert_msg(open != NULL && close != NULL, "%s: effect %s", name, vm_opcode_info[op].effect);
    const char *dashes = strstr(open, "--");
    ck_assert_msg(dashes != NULL && dashes < close, "%s: no -- in its effect", name);
    bool optional = false;
    int in = count_items(open + 1, dashes, oparg, &optional, name);
    int out = count_items(dashes + 2, close, oparg, &optional, name);
    *p = close + 1;
    if (in < 0 || out < 0 || (optional && oparg != 0))
        return;
    ck_assert_msg(in == vm_stack_popped(op, oparg, jump) && out == vm_stack_pushed(op, oparg, jump),
                  "%s %d%s: its effect %s names %d -- %d items, the numbers say %d -- %d",
                  name, oparg, jump ? " (jump)" : "", vm_opcode_info[op].effect, in, out,
                  (int)vm_stack_popped(op, oparg, jump), (int)vm_stack_pushed(op, oparg, jump));
}

/* The reader's notation (the effect string) says what the numbers say. */
/* vm_stack_effect, the verifier's one dispatch for all three counts, says
 * what vm_stack_popped and vm_stack_pushed say, for every byte (an unknown
 * one: -1 throughout) and opargs of each size. */
START_TEST(stack_effect_matches_popped_pushed)
{
    static const int64_t opargs[] = { 0, 1, 2, 3, 7, 255, 256, 65535, 1 << 24, INT32_MAX };
    for (int op = 0; op < 256; op++)
        for (size_t k = 0; k < sizeof opargs / sizeof opargs[0]; k++) {
            int64_t arg = opargs[k];
            VmStackEffect e = vm_stack_effect(op, arg);
            ck_assert_msg(e.popped == vm_stack_popped(op, arg, false) &&
                          e.pushed == vm_stack_pushed(op, arg, false) &&
                          e.pushed_jumping == vm_stack_pushed(op, arg, true),
                          "opcode %d oparg %lld: vm_stack_effect says %lld %lld %lld", op,
                          (long long)arg, (long long)e.popped, (long long)e.pushed,
                          (long long)e.pushed_jumping);
        }
}
END_TEST

START_TEST(effect_notation_matches_numbers)
{
    static const int opargs[] = { 0, 1, 2, 3, 5, 0x102 };
    int checked = 0;
    for (int op = 0; op < 256; op++) {
        if (vm_opcode_info[op].name == NULL)
            continue;
        for (size_t i = 0; i < sizeof opargs / sizeof opargs[0]; i++) {
            const char *p = vm_opcode_info[op].effect;
            check_group(op, &p, opargs[i], false);
            if (strncmp(p, ", jump: ", 8) == 0)
                check_group(op, &p, opargs[i], true);
            else if (strncmp(p, ", or ", 5) == 0)
                check_group(op, &p, opargs[i], false);
            ck_assert_msg(*p == '\0', "%s: effect %s: unexpected text %s",
                          vm_opcode_info[op].name, vm_opcode_info[op].effect, p);
        }
        checked++;
    }
    ck_assert_int_gt(checked, 100);
}
END_TEST

/* ---- CPython 3.12, 3.13, 3.14 (vm/opcodes312.h ... opcodes314.h) ----------- */

/* The python3.1x for a version's tests (env PYTHON312, PYTHON313 or
 * PYTHON314, as the Makefile sets them); NULL when there is none: those
 * tests then pass with a note. */
static const char *python_for(int minor)
{
    const char *p = getenv(minor == 14 ? "PYTHON314" : minor == 13 ? "PYTHON313" : "PYTHON312");
    return p != NULL && *p != '\0' ? p : NULL;
}

/* The first instrumented opcode of each version: those exist only inside
 * a running CPython and are not in pvm's tables (3.14's ENTER_EXECUTOR,
 * 255, is above them). */
static int first_instrumented(int minor)
{
    return minor == 14 ? 234 : minor == 13 ? 236 : 237;
}

/* The Python test that leaves out what pvm's tables do not list: the
 * numbers without a name, the instrumented ones, and the specialized forms
 * (3.14 names them in opname; 3.12 and 3.13 do not). */
#define VERSION_SKIP "name.startswith(\"<\") or op >= %d or " \
    "name in getattr(opcode, \"_specialized_opmap\", {})"

typedef struct VersionEntry { const char *name; int num, caches; } VersionEntry;

/* A version's table: names, numbers and caches as its opcode module has
 * them. */
static void check_version_table(int minor, const VersionEntry *table, size_t n)
{
    if (python_for(minor) == NULL) {
        fprintf(stderr, "opcodes3%d: PYTHON3%d not set, not compared\n", minor, minor);
        return;
    }
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "%s -c 'import opcode\n"
             "for op, name in enumerate(opcode.opname):\n"
             "    if not (" VERSION_SKIP "): "
             "print(op, name, opcode._inline_cache_entries[op] if isinstance("
             "opcode._inline_cache_entries, list) else opcode._inline_cache_entries.get(name, 0))'",
             python_for(minor), first_instrumented(minor));
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    int num, caches;
    size_t seen = 0;
    char name[64];
    while (fscanf(p, "%d %63s %d", &num, name, &caches) == 3) {
        size_t i = 0;
        while (i < n && table[i].num != num)
            i++;
        ck_assert_msg(i < n, "3.%d opcode %d (%s) missing", minor, num, name);
        ck_assert_str_eq(table[i].name, name);
        ck_assert_int_eq(table[i].caches, caches);
        ck_assert_int_eq(vm_version_caches(minor, num), caches);
        ck_assert_str_eq(vm_version_opname(minor, num), name);
        seen++;
    }
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_int_eq(seen, n);
}

START_TEST(opcode312_table_matches_python312)
{
    static const VersionEntry table[] = {
#define ENTRY(name, num, caches, to) { #name, num, caches },
        PVM_OPCODES_312(ENTRY)
    };
    check_version_table(12, table, sizeof table / sizeof table[0]);
}
END_TEST

START_TEST(opcode313_table_matches_python313)
{
    static const VersionEntry table[] = {
        PVM_OPCODES_313(ENTRY)
    };
    check_version_table(13, table, sizeof table / sizeof table[0]);
}
END_TEST

START_TEST(opcode314_table_matches_python314)
{
    static const VersionEntry table[] = {
        PVM_OPCODES_314(ENTRY)
    };
    check_version_table(14, table, sizeof table / sizeof table[0]);
}
END_TEST
#undef ENTRY

/* What 3.14's dis shows for each operand (vm/opcodes314.h's
 * PVM_OPERANDS_314, LOAD_COMMON_CONSTANT's and LOAD_SPECIAL's names)
 * against its opcode and dis modules: one line per opcode with a kind,
 * in number order, then the two lists of names. */
#define OPERANDS_314_SCRIPT                                                         \
    "import dis, opcode\n"                                                          \
    "pairs = {\"LOAD_FAST_LOAD_FAST\", \"LOAD_FAST_BORROW_LOAD_FAST_BORROW\",\n"     \
    "         \"STORE_FAST_LOAD_FAST\", \"STORE_FAST_STORE_FAST\"}\n"                 \
    "for op, name in enumerate(opcode.opname[:opcode.MIN_INSTRUMENTED_OPCODE]):\n"  \
    "    kind = (\"CONST\" if op in opcode.hasconst else \"NAME\" if op in opcode.hasname\n" \
    "            else \"LOCAL2\" if name in pairs\n"                                 \
    "            else \"LOCAL\" if op in opcode.haslocal + opcode.hasfree\n"         \
    "            else (\"JBACK\" if dis._is_backward_jump(op) else \"JFWD\")\n"     \
    "            if op in opcode.hasjrel else None)\n"                              \
    "    if kind: print(name, kind)\n"                                              \
    "print(*(c.__name__ if isinstance(c, type) else repr(c)\n"                      \
    "        for c in opcode._common_constants), sep=\"|\")\n"                       \
    "print(*opcode._special_method_names, sep=\"|\")\n"

static void add_names(char *text, size_t size, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        strncat(text, names[i], size - strlen(text) - 1);
        strncat(text, i + 1 < n ? "|" : "\n", size - strlen(text) - 1);
    }
}

START_TEST(opcode314_operands_match_python314)
{
    if (python_for(14) == NULL)
        return;
    static const char *const common[] = { PVM_COMMON_CONSTANTS_314 };
    static const char *const special[] = { PVM_SPECIAL_METHODS_314 };
    static char want[8192], got[8192];
    want[0] = '\0';
#define OPERAND_LINE(name, kind) strcat(want, #name " " #kind "\n");
    PVM_OPERANDS_314(OPERAND_LINE)
#undef OPERAND_LINE
    add_names(want, sizeof want, common, sizeof common / sizeof common[0]);
    add_names(want, sizeof want, special, sizeof special / sizeof special[0]);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "%s -c '" OPERANDS_314_SCRIPT "'", python_for(14));
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(got, 1, sizeof got - 1, p);
    got[n] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_str_eq(got, want);
}
END_TEST

/* Whether 3.14's dis.stack_effect of (op, oparg) can be compared with
 * pvm's.  3.14's metadata books the value a generator's first send()
 * pushes to RETURN_GENERATOR (as 3.13's) and RETURN_VALUE's result to the
 * frame it returns to (effect 0); it gives BUILD_SLICE any count of
 * items, where the compiler writes only 2 and 3. */
static bool effect_comparable_314(int op, int oparg)
{
    switch (op) {
    case OP314_RETURN_GENERATOR: case OP314_RETURN_VALUE:
        return false;
    case OP314_BUILD_SLICE:
        return oparg == 2 || oparg == 3;
    }
    return true;
}

/* What pvm runs for each instruction of a version has that version's stack
 * effect (its dis.stack_effect), for the opargs of the 3.11 test. */
static void check_translated_effects(int minor)
{
    if (python_for(minor) == NULL)
        return;
    char cmd[1024], skip[192];
    snprintf(skip, sizeof skip, "if " VERSION_SKIP ": continue\n", first_instrumented(minor));
    snprintf(cmd, sizeof cmd, "%s -c '" STACK_EFFECT_SCRIPT_FROM("%s") "'",
             python_for(minor), skip);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    int op, arg, jump, effect, checked = 0;
    while (fscanf(p, "%d %d %d %d", &op, &arg, &jump, &effect) == 4) {
        uint32_t translated = (uint32_t)arg;
        int pvm_op = vm_translate_op(minor, op, arg > 255, &translated);
        int pvm_arg = (int)translated;
        if (op == 0 || vm_stack_popped(pvm_op, pvm_arg, jump) < 0)
            continue;
        /* 3.13 books the value a generator's first send() pushes (which
         * the POP_TOP after RETURN_GENERATOR drops) to RETURN_GENERATOR;
         * pvm, as 3.11 and 3.12, pushes it when the frame resumes. */
        if ((minor == 13 && op == OP313_RETURN_GENERATOR) ||
            (minor == 14 && !effect_comparable_314(op, arg)))
            continue;
        int64_t mine = vm_stack_pushed(pvm_op, pvm_arg, jump) -
                       vm_stack_popped(pvm_op, pvm_arg, jump);
        ck_assert_msg(mine == effect, "3.%d opcode %d oparg %d jump %d: pvm's %s %d has "
                      "effect %lld, python3.%d says %d", minor, op, arg, jump,
                      vm_opcode_name(pvm_op), pvm_arg, (long long)mine, minor, effect);
        checked++;
    }
    pclose(p);
    ck_assert_int_gt(checked, 1000);
}

START_TEST(translated_effects_match_python312)
{
    check_translated_effects(12);
}
END_TEST

START_TEST(translated_effects_match_python313)
{
    check_translated_effects(13);
}
END_TEST

START_TEST(translated_effects_match_python314)
{
    check_translated_effects(14);
}
END_TEST

Suite *opcodes_suite(void)
{
    Suite *s = suite_create("opcodes");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, opcode_table_matches_python);
    tcase_add_test(tc, jump_kinds_match_python);
    tcase_add_test(tc, stack_effects_match_python);
    tcase_add_test(tc, stack_effect_matches_popped_pushed);
    tcase_add_test(tc, effect_notation_matches_numbers);
    tcase_add_test(tc, opcode312_table_matches_python312);
    tcase_add_test(tc, translated_effects_match_python312);
    tcase_add_test(tc, opcode313_table_matches_python313);
    tcase_add_test(tc, translated_effects_match_python313);
    tcase_add_test(tc, opcode314_table_matches_python314);
    tcase_add_test(tc, translated_effects_match_python314);
    tcase_add_test(tc, opcode314_operands_match_python314);
    suite_add_tcase(s, tc);
    return s;
}
