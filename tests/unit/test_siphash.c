/*
 * test_siphash.c — runtime/siphash.c against CPython's own SipHash-1-3.
 *
 * The hash in a checked hash-based pyc is only useful if it is bit-for-bit
 * the one importlib computes, so the expected values come from python3.11
 * at test time (unit_python()): importlib.util.source_hash for the 3.11
 * key, and _imp.source_hash for other keys.  The inputs cover every length
 * around SipHash's 8-byte blocks (0..40), a few long ones, and several keys,
 * so the tail handling, the block loop and the key schedule are all tried.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tests/unit/unit.h"
#include "loader/siphash.h"

/* The test data: byte i of an input of length n (python repeats it). */
static unsigned char pattern(size_t i, size_t n)
{
    return (unsigned char)((i * 31 + n) % 256);
}

static const char *const script =
    "import sys, _imp, importlib.util\n"
    "print(int.from_bytes(importlib.util.MAGIC_NUMBER, 'little'))\n"
    "for arg in sys.argv[1:]:\n"
    "    key, n = map(int, arg.split(':'))\n"
    "    data = bytes((i * 31 + n) % 256 for i in range(n))\n"
    "    h = importlib.util.source_hash(data) if key < 0 else _imp.source_hash(key, data)\n"
    "    print(h.hex())\n";

/* A case: key < 0 means "importlib.util.source_hash" (the 3.11 key). */
typedef struct { long long key; size_t n; } Case;

static size_t make_cases(Case *cases)
{
    static const long long keys[] = { -1, 0, 1, 0x0123456789abcdefLL, 0x7fffffffffffffffLL };
    static const size_t long_lengths[] = { 63, 64, 65, 255, 1000, 4096 };
    size_t nc = 0;
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        for (size_t n = 0; n <= 40; n++)
            cases[nc++] = (Case){ keys[k], n };
        for (size_t j = 0; j < sizeof long_lengths / sizeof long_lengths[0]; j++)
            cases[nc++] = (Case){ keys[k], long_lengths[j] };
    }
    return nc;
}

/* Run the script over the cases; returns python's stdout. */
static char *run_python(const Case *cases, size_t nc)
{
    char path[] = "/tmp/pvm_siphash_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(script, f);
    fclose(f);
    size_t cap = 256 + nc * 32;
    char *cmd = malloc(cap);
    size_t len = (size_t)snprintf(cmd, cap, "'%s' %s", unit_python(), path);
    for (size_t i = 0; i < nc; i++)
        len += (size_t)snprintf(cmd + len, cap - len, " %lld:%zu", cases[i].key, cases[i].n);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t ocap = 64 + nc * 20, olen = 0, got;
    char *out = malloc(ocap);
    while ((got = fread(out + olen, 1, ocap - olen - 1, p)) > 0)
        olen += got;
    out[olen] = '\0';
    ck_assert_int_eq(pclose(p), 0);
    unlink(path);
    free(cmd);
    return out;
}

/* The 8 bytes of h as a pyc stores them (little-endian), in hex. */
static void hash_hex(uint64_t h, char out[17])
{
    for (int i = 0; i < 8; i++)
        snprintf(out + 2 * i, 3, "%02x", (unsigned)((h >> (8 * i)) & 0xff));
}

START_TEST(test_source_hash_matches_importlib)
{
    Case cases[5 * 47];
    size_t nc = make_cases(cases);
    char *out = run_python(cases, nc);
    char *line = strtok(out, "\n");
    ck_assert_ptr_nonnull(line);
    ck_assert_msg(strtoull(line, NULL, 10) == LD_SOURCE_HASH_KEY_311,
                  "LD_SOURCE_HASH_KEY_311 differs from importlib's MAGIC_NUMBER: %s", line);
    unsigned char *data = malloc(4096);
    for (size_t i = 0; i < nc; i++) {
        line = strtok(NULL, "\n");
        ck_assert_ptr_nonnull(line);
        for (size_t j = 0; j < cases[i].n; j++)
            data[j] = pattern(j, cases[i].n);
        uint64_t key = cases[i].key < 0 ? LD_SOURCE_HASH_KEY_311 : (uint64_t)cases[i].key;
        char hex[17];
        hash_hex(ld_source_hash(key, data, cases[i].n), hex);
        ck_assert_msg(strcmp(hex, line) == 0, "key %lld, %zu bytes: pvm %s, python %s",
                      cases[i].key, cases[i].n, hex, line);
    }
    free(data);
    free(out);
}
END_TEST

START_TEST(test_source_hash_is_keyed_siphash)
{
    const char text[] = "print('hello')\n";
    ck_assert(ld_source_hash(42, text, sizeof text - 1) ==
              rt_siphash13(42, 0, text, sizeof text - 1));
    ck_assert(rt_siphash13(1, 0, text, sizeof text - 1) !=
              rt_siphash13(0, 1, text, sizeof text - 1));
}
END_TEST

Suite *siphash_suite(void)
{
    Suite *s = suite_create("siphash");
    TCase *tc = tcase_create("siphash");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_source_hash_matches_importlib);
    tcase_add_test(tc, test_source_hash_is_keyed_siphash);
    suite_add_tcase(s, tc);
    return s;
}
