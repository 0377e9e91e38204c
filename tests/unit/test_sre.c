/*
 * test_sre.c — the `_sre` engine against python3.11 and against hostile
 * code: the opcode, AT and CATEGORY lists of modules/sre.h against
 * python3.11's own Lib/re/_constants.py (names and numbers); and code
 * lists that python3.11's re/_compiler.py writes, damaged word by word and
 * cut short, which the validator must refuse or the engine must run
 * without reading outside its arrays (the test passes if nothing crashes
 * and every undamaged list is accepted and matches).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tests/unit/unit.h"
#include "modules/sre.h"
#include "runtime/runtime.h"

/* ---- the constants ----------------------------------------------------------------- */

#define SRE_NAME(name) #name,
static const char *const opcode_names[] = { SRE_OPCODES(SRE_NAME) };
static const char *const atcode_names[] = { SRE_ATCODES(SRE_NAME) };
static const char *const chcode_names[] = { SRE_CHCODES(SRE_NAME) };
#undef SRE_NAME

/* Compare one list with python3.11's `print(*_constants.<list>)`. */
static void check_list(const char *list, const char *const *names, size_t n)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "%s -c 'from re import _constants as c; print(*c.%s)'", unit_python(), list);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    char name[64];
    size_t i = 0;
    while (fscanf(p, "%63s", name) == 1) {
        ck_assert_msg(i < n, "%s: python3.11 has more than %zu", list, n);
        ck_assert_msg(strcmp(name, names[i]) == 0, "%s[%zu]: python3.11 %s, pvm %s", list, i,
                      name, names[i]);
        i++;
    }
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_int_eq(i, n);
}

START_TEST(constants_match_python)
{
    check_list("OPCODES", opcode_names, SRE_NOPCODES);
    check_list("ATCODES", atcode_names, SRE_NATCODES);
    check_list("CHCODES", chcode_names, SRE_NCHCODES);
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "%s -c 'import _sre; from re import _constants as c; "
             "print(c.MAGIC, _sre.MAXREPEAT, _sre.MAXGROUPS, c.SRE_FLAG_ASCII, c.SRE_INFO_CHARSET)'",
             unit_python());
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    unsigned long magic, maxrepeat, maxgroups, ascii, charset;
    ck_assert_int_eq(fscanf(p, "%lu %lu %lu %lu %lu", &magic, &maxrepeat, &maxgroups, &ascii,
                            &charset), 5);
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_uint_eq(magic, SRE_MAGIC);
    ck_assert_uint_eq(maxrepeat, SRE_MAXREPEAT);
    ck_assert_uint_eq(maxgroups, SRE_MAXGROUPS);
    ck_assert_uint_eq(ascii, SRE_FLAG_ASCII);
    ck_assert_uint_eq(charset, SRE_INFO_CHARSET);
}
END_TEST

/* ---- damaged code ------------------------------------------------------------------ */

/* Patterns covering every instruction re/_compiler.py writes. */
#define PATTERNS_SCRIPT                                                                 \
    "import sys\n"                                                                      \
    "from re import _compiler, _parser\n"                                               \
    "pats = [(r\"a(b|c)*d\", 0), (r\"(?P<n>\\w+)\\s*=\\s*(?P=n)\", 0), (r\"^ab+?c{2,5}$\", 8),\n" \
    "    (r\"(?i)stra\\u00dfe|K\", 0), (r\"[^a-z\\d]+\", 2), (r\"[\\u0400-\\u04ff\\u4e00]+\", 0),\n" \
    "    (r\"(?<=ab)c(?!d)(?<!x)\", 0), (r\"(a)?(?(1)b|c)\", 0), (r\"(?>a+)b\", 0),\n"       \
    "    (r\"a++b*+c?+(?:ab){2,}+\", 0), (r\"(x+x+)+y\", 0), (r\"\\bfoo\\B.\", 16),\n"        \
    "    (r\"(?:ab|cd)*?e\", 0), (r\"(\\d+)-\\1\", 2), (r\"literal prefix(\\d)\", 0),\n"       \
    "    (r\"(?a)\\w\\W\\d\\D\\s\\S\", 0), (r\"\\Aa|b\\Z\", 0), (r\"((a)|b)*c\", 0)]\n"        \
    "for p, f in pats:\n"                                                               \
    "    t = _parser.parse(p, f)\n"                                                     \
    "    code = _compiler._code(t, f)\n"                                                \
    "    print(t.state.groups - 1, len(code), *map(int, code))\n"                                 \
    "for p, f in [(rb\"(?L)a[b-d]\\w\", 0), (rb\"(?i)([a-z]+)\\1?\", 0), (rb\"x(y)\\1\", 2)]:\n" \
    "    t = _parser.parse(p, f)\n"                                                     \
    "    code = _compiler._code(t, f)\n"                                                \
    "    print(t.state.groups - 1, len(code), *map(int, code))\n"

/* One search of `code` over a short subject, through the engine's own
 * entry points (1-byte and 4-byte subjects). */
static void run_code(const SreCode *code, ssize_t groups)
{
    static const uint32_t wide[] = { 'a', 0x4e00, 'b', 'c', '-', 'x', 'x', 'y', 0x1f600, 'd' };
    static const char narrow[] = "aabcd foo=foo strasse K12-12 xxy";
    ssize_t marks[64];
    for (int charsize = 1; charsize <= 4; charsize += 3) {
        SreState st;
        memset(&st, 0, sizeof st);
        st.beginning = charsize == 1 ? (const void *)narrow : (const void *)wide;
        st.charsize = charsize;
        st.length = st.endpos = charsize == 1 ? (ssize_t)strlen(narrow) : 10;
        st.mark = marks;
        st.nmarks = 2 * (size_t)groups + 2;
        ck_assert_uint_le(st.nmarks, 64);
        mod_sre_state_reset(&st);
        mod_sre_search(&st, code);
        mod_sre_state_reset(&st);
        st.start = st.ptr = 1;
        st.match_all = true;
        mod_sre_match(&st, code);
    }
}

START_TEST(damaged_code_is_refused_or_harmless)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s -c '%s'", unit_python(), PATTERNS_SCRIPT);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    static const SreCode values[] = { 0, 1, 2, 3, 7, 13, 15, 16, 31, 255, 0x7fffffff,
                                      0xfffffffe, 0xffffffff };
    long groups, n, lists = 0, accepted = 0, refused = 0;
    while (fscanf(p, "%ld %ld", &groups, &n) == 2) {
        SreCode *code = malloc((size_t)n * sizeof *code);
        SreCode *work = malloc((size_t)n * sizeof *work);
        for (long i = 0; i < n; i++) {
            unsigned long w;
            ck_assert_int_eq(fscanf(p, "%lu", &w), 1);
            code[i] = (SreCode)w;
        }
        ck_assert_msg(mod_sre_validate(code, (size_t)n, groups), "list %ld refused", lists);
        run_code(code, groups);
        /* every word replaced by every value, and by its neighbours */
        for (long i = 0; i < n; i++) {
            for (size_t k = 0; k < sizeof values / sizeof values[0] + 2; k++) {
                memcpy(work, code, (size_t)n * sizeof *work);
                work[i] = k < sizeof values / sizeof values[0] ? values[k]
                          : code[i] + (k % 2 ? 1u : (SreCode)-1);
                if (mod_sre_validate(work, (size_t)n, groups)) {
                    run_code(work, groups);
                    accepted++;
                } else {
                    refused++;
                }
            }
        }
        /* every prefix, ended by SUCCESS */
        for (long len = 1; len < n; len++) {
            memcpy(work, code, (size_t)len * sizeof *work);
            work[len] = SRE_OP_SUCCESS;
            if (mod_sre_validate(work, (size_t)len + 1, groups))
                run_code(work, groups);
        }
        ck_assert(!mod_sre_validate(code, (size_t)n, -1));
        free(code);
        free(work);
        lists++;
    }
    ck_assert_int_eq(pclose(p), 0);
    ck_assert_int_eq(lists, 21);
    ck_assert_int_gt(accepted, 100);
    ck_assert_int_gt(refused, 1000);
}
END_TEST

Suite *sre_suite(void)
{
    Suite *s = suite_create("sre");
    TCase *tc = tcase_create("engine");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, constants_match_python);
    tcase_add_test(tc, damaged_code_is_refused_or_harmless);
    suite_add_tcase(s, tc);
    return s;
}
