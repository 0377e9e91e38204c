/*
 * dectest.c — runs the General Decimal Arithmetic test vectors (CPython's
 * Lib/test/decimaltestdata, the decTest files) through pvm's decimal library
 * (modules/decimal/dec.h) and reports, per file, the ids that fail.
 *
 *   build/dectest [-v] FILE.decTest...      (make decimal-check)
 *
 * It reads the files as CPython's test_decimal.py does (IBMTestCases):
 * directives `precision:`, `rounding:`, `maxexponent:`, `minexponent:`,
 * `clamp:` change the context; every other line is
 *   id operation operand... -> result condition...
 * Lines holding '#' (the decimal64/128 encodings) are skipped, as are the
 * ids CPython skips for its C module (skipped[] below) and `rescale`
 * (run it with DECTEST_RESCALE=1: 605 of 615 pass; the rest are
 * infinities and NaNs, which Context has no rescale to define).
 * Operands are converted exactly (Decimal(str)), except for tosci/toeng,
 * whose operand is rounded to the context (create_decimal).  Conditions
 * are compared as CPython's signals: the Division*, ConversionSyntax and
 * InvalidContext conditions all count as InvalidOperation.
 * Exit status: 0 when every test passed.
 */
#include "../../modules/decimal/dec.h"
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <time.h>

/* The ids test_decimal.py skips when testing CPython's C module. */
static const char *skipped[] = {
    "scbx164", "scbx165",
    "expx901", "expx902", "expx903", "expx905",
    "lnx901", "lnx902", "lnx903", "lnx905",
    "logx901", "logx902", "logx903", "logx905",
    "powx1183", "powx1184", "powx4001", "powx4002", "powx4003", "powx4005",
    "powx4008", "powx4010", "powx4012", "powx4014",
    "pwsx803", "pwsx805", "powx4302", "powx4303", "powx4342", "powx4343",
    "pwmx325", "pwmx326",
    NULL
};

/* ---- the operations, by the name the files use ------------------------ */

typedef enum {
    UNARY, BINARY, TERNARY,   /* Decimal results through the context */
    EXACT_UNARY,              /* copy, copyabs, copynegate, canonical */
    EXACT_BINARY,             /* copysign, comparetotal(mag) */
    PREDICATE,                /* is* (1 or 0) */
    CTX_PREDICATE,            /* isnormal, issubnormal */
    SAMEQUANTUM, CLASS, TOSCI, TOENG, APPLY, POWER, RESCALE,
    FROMFLOAT, TOINT,          /* dec_random.py's: Decimal(float), int(d) */
} op_kind;

static void copy_op(dec_t *r, const dec_t *a) { dec_copy(r, a); }
static void canonical_op(dec_t *r, const dec_t *a) { dec_copy(r, a); }

typedef struct {
    const char *name;
    op_kind kind;
    void *fn;
} op_entry;

static const op_entry ops[] = {
    {"abs", UNARY, dec_abs},
    {"add", BINARY, dec_add},
    {"and", BINARY, dec_and},
    {"apply", APPLY, NULL},
    {"canonical", EXACT_UNARY, canonical_op},
    {"ceil", TOINT, dec_ceil},
    {"class", CLASS, NULL},
    {"compare", BINARY, dec_compare},
    {"comparesig", BINARY, dec_compare_signal},
    {"comparetotal", EXACT_BINARY, dec_compare_total},
    {"comparetotmag", EXACT_BINARY, dec_compare_total_mag},
    {"copy", EXACT_UNARY, copy_op},
    {"copyabs", EXACT_UNARY, dec_copy_abs},
    {"copynegate", EXACT_UNARY, dec_copy_negate},
    {"copysign", EXACT_BINARY, dec_copy_sign},
    {"divide", BINARY, dec_div},
    {"divideint", BINARY, dec_divint},
    {"exp", UNARY, dec_exp},
    {"floor", TOINT, dec_floor},
    {"fma", TERNARY, dec_fma},
    {"fromfloat", FROMFLOAT, NULL},
    {"invert", UNARY, dec_invert},
    {"iscanonical", PREDICATE, dec_is_canonical},
    {"isfinite", PREDICATE, dec_is_finite},
    {"isinfinite", PREDICATE, dec_is_infinite},
    {"isnan", PREDICATE, dec_is_nan},
    {"isnormal", CTX_PREDICATE, dec_is_normal},
    {"isqnan", PREDICATE, dec_is_qnan},
    {"issigned", PREDICATE, dec_is_signed},
    {"issnan", PREDICATE, dec_is_snan},
    {"issubnormal", CTX_PREDICATE, dec_is_subnormal},
    {"iszero", PREDICATE, dec_is_zero},
    {"ln", UNARY, dec_ln},
    {"log10", UNARY, dec_log10},
    {"logb", UNARY, dec_logb},
    {"max", BINARY, dec_max},
    {"maxmag", BINARY, dec_max_mag},
    {"min", BINARY, dec_min},
    {"minmag", BINARY, dec_min_mag},
    {"minus", UNARY, dec_minus},
    {"multiply", BINARY, dec_mul},
    {"nextminus", UNARY, dec_next_minus},
    {"nextplus", UNARY, dec_next_plus},
    {"nexttoward", BINARY, dec_next_toward},
    {"or", BINARY, dec_or},
    {"plus", UNARY, dec_plus},
    {"power", POWER, NULL},
    {"quantize", BINARY, dec_quantize},
    {"reduce", UNARY, dec_reduce},
    {"remainder", BINARY, dec_rem},
    {"remaindernear", BINARY, dec_rem_near},
    {"rotate", BINARY, dec_rotate},
    {"rescale", RESCALE, NULL},
    {"samequantum", SAMEQUANTUM, NULL},
    {"scaleb", BINARY, dec_scaleb},
    {"shift", BINARY, dec_shift},
    {"squareroot", UNARY, dec_sqrt},
    {"subtract", BINARY, dec_sub},
    {"toeng", TOENG, NULL},
    {"tointegral", UNARY, dec_round_to_int},
    {"tointegralx", UNARY, dec_round_to_intx},
    {"toint", TOINT, dec_trunc},
    {"tosci", TOSCI, NULL},
    {"xor", BINARY, dec_xor},
    {NULL, 0, NULL},
};

/* ---- conditions ------------------------------------------------------- */

/* A condition name of the files, as the bit of the CPython signal. */
static uint32_t condition_bit(const char *name)
{
    static const struct { const char *name; uint32_t bit; } names[] = {
        {"clamped", DEC_Clamped},
        {"conversion_syntax", DEC_InvalidOperation},
        {"division_by_zero", DEC_DivisionByZero},
        {"division_impossible", DEC_InvalidOperation},
        {"division_undefined", DEC_InvalidOperation},
        {"inexact", DEC_Inexact},
        {"invalid_context", DEC_InvalidOperation},
        {"invalid_operation", DEC_InvalidOperation},
        {"overflow", DEC_Overflow},
        {"rounded", DEC_Rounded},
        {"subnormal", DEC_Subnormal},
        {"underflow", DEC_Underflow},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return names[i].bit;
    fprintf(stderr, "dectest: unknown condition %s\n", name);
    return 0x80000000u;
}

/* The status as signals: every invalid-operation condition is one. */
static uint32_t as_signals(uint32_t status)
{
    if (status & DEC_IEEE_InvalidOperation)
        status = (status & ~DEC_IEEE_InvalidOperation) | DEC_InvalidOperation;
    return status;
}

/* ---- reading a test line ---------------------------------------------- */

#define MAX_TOKENS 16

/* Split s into tokens: whitespace-separated, or quoted with ' or " (a
   doubled quote inside stands for one).  Tokens are written into buf. */
static int tokenize(const char *s, char **tok, char *buf)
{
    int n = 0;
    while (*s && n < MAX_TOKENS) {
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        tok[n++] = buf;
        if (*s == '\'' || *s == '"') {
            char q = *s++;
            for (; *s; s++) {
                if (*s == q && s[1] == q)
                    *buf++ = *s++;
                else if (*s == q) {
                    s++;
                    break;
                } else
                    *buf++ = *s;
            }
        } else {
            while (*s && !isspace((unsigned char)*s))
                *buf++ = *s++;
        }
        *buf++ = '\0';
    }
    return n;
}

static int rounding_mode(const char *name)
{
    static const char *names[] = {"up", "down", "ceiling", "floor", "half_up",
                                  "half_down", "half_even", "05up"};
    for (int i = 0; i < DEC_ROUND_COUNT; i++)
        if (strcasecmp(name, names[i]) == 0)
            return i;
    return -1;
}

static void directive(dec_context *ctx, char *line)
{
    char *colon = strchr(line, ':');
    *colon = '\0';
    char *key = line, *value = colon + 1;
    while (isspace((unsigned char)*value))
        value++;
    for (char *e = value + strlen(value); e > value && isspace((unsigned char)e[-1]); )
        *--e = '\0';
    for (char *e = key + strlen(key); e > key && isspace((unsigned char)e[-1]); )
        *--e = '\0';
    if (strcasecmp(key, "precision") == 0)
        ctx->prec = strtoll(value, NULL, 10);
    else if (strcasecmp(key, "rounding") == 0)
        ctx->round = rounding_mode(value);
    else if (strcasecmp(key, "maxexponent") == 0)
        ctx->emax = strtoll(value, NULL, 10);
    else if (strcasecmp(key, "minexponent") == 0)
        ctx->emin = strtoll(value, NULL, 10);
    else if (strcasecmp(key, "clamp") == 0)
        ctx->clamp = (int)strtol(value, NULL, 10);
}

/* Decimal(str): exact; a value beyond the limits is InvalidOperation. */
static void read_exact(dec_t *r, const char *s, uint32_t *status)
{
    dec_context max;
    uint32_t st = 0;
    dec_context_max(&max);
    dec_from_string(r, s, &max, &st);
    if (st & (DEC_Inexact | DEC_Rounded | DEC_Clamped)) {
        dec_set_qnan(r);
        st = DEC_InvalidOperation;
    }
    *status |= st;
}

static char *dec_zstr_test(const mpz_t z)
{
    char *s = malloc(mpz_sizeinbase(z, 10) + 2);
    return mpz_get_str(s, 10, z);
}

/* ---- running one test ------------------------------------------------- */

typedef struct {
    int passed, failed, skipped;
    char failures[4096];
    bool verbose;
} file_result;

static bool is_skipped(const char *id)
{
    for (const char **p = skipped; *p; p++)
        if (strcmp(*p, id) == 0)
            return true;
    return false;
}

/* The files spell some operations CPython's way (max_mag for maxmag). */
static const op_entry *find_op(const char *name)
{
    char bare[64];
    size_t n = 0;
    for (; *name && n + 1 < sizeof bare; name++)
        if (*name != '_')
            bare[n++] = *name;
    bare[n] = '\0';
    for (const op_entry *op = ops; op->name; op++)
        if (strcasecmp(op->name, bare) == 0)
            return op;
    return NULL;
}

/* Apply op to the operands; the result as the string str() gives. */
static char *run_op(const op_entry *op, char **args, int nargs,
                    const dec_context *ctx, uint32_t *status)
{
    dec_t v[3], r;
    char buf[8];
    char *out = NULL;
    dec_init(&r);
    for (int i = 0; i < 3; i++)
        dec_init(&v[i]);
    if (op->kind == TOSCI || op->kind == TOENG)
        dec_from_string(&v[0], args[0], ctx, status);
    else if (op->kind == FROMFLOAT)
        dec_from_double(&r, strtod(args[0], NULL));
    else
        for (int i = 0; i < nargs && i < 3; i++)
            read_exact(&v[i], args[i], status);
    switch (op->kind) {
    case UNARY: ((dec_unary_fn *)op->fn)(&r, &v[0], ctx, status); break;
    case BINARY: ((dec_binary_fn *)op->fn)(&r, &v[0], &v[1], ctx, status); break;
    case TERNARY: dec_fma(&r, &v[0], &v[1], &v[2], ctx, status); break;
    case EXACT_UNARY: ((void (*)(dec_t *, const dec_t *))op->fn)(&r, &v[0]); break;
    case EXACT_BINARY:
        ((void (*)(dec_t *, const dec_t *, const dec_t *))op->fn)(&r, &v[0], &v[1]);
        break;
    case APPLY:
        dec_copy(&r, &v[0]);
        dec_finalize(&r, ctx, status);
        break;
    case RESCALE: {
        /* the exponent is b's value; CPython skips these tests */
        int64_t e;
        if (dec_is_nan(&v[0]) || dec_is_nan(&v[1]))
            dec_quantize(&r, &v[0], &v[1], ctx, status);
        else if (!dec_is_integer(&v[1]) || dec_to_int64(&e, &v[1]) < 0) {
            dec_set_qnan(&r);
            *status |= DEC_InvalidOperation;
        } else
            dec_rescale(&r, &v[0], e, ctx, status);
        break;
    }
    case POWER:
        if (nargs == 3)
            dec_powmod(&r, &v[0], &v[1], &v[2], ctx, status);
        else
            dec_power(&r, &v[0], &v[1], ctx, status);
        break;
    case FROMFLOAT:
        break;
    case TOINT: {
        mpz_t z;
        mpz_init(z);
        ((dec_unary_fn *)op->fn)(&r, &v[0], ctx, status);
        if (dec_to_mpz(z, &r) == 0)
            out = dec_zstr_test(z);
        mpz_clear(z);
        break;
    }
    case PREDICATE:
        snprintf(buf, sizeof buf, "%d", ((int (*)(const dec_t *))op->fn)(&v[0]) != 0);
        out = strdup(buf);
        break;
    case CTX_PREDICATE:
        snprintf(buf, sizeof buf, "%d",
                 ((int (*)(const dec_t *, const dec_context *))op->fn)(&v[0], ctx) != 0);
        out = strdup(buf);
        break;
    case SAMEQUANTUM:
        out = strdup(dec_same_quantum(&v[0], &v[1]) ? "1" : "0");
        break;
    case CLASS:
        out = strdup(dec_class(&v[0], ctx));
        break;
    case TOSCI: out = dec_to_sci(&v[0], 1); break;
    case TOENG: out = dec_to_eng(&v[0], 1); break;
    }
    if (!out)
        out = dec_to_sci(&r, 1);
    dec_clear(&r);
    for (int i = 0; i < 3; i++)
        dec_clear(&v[i]);
    return out;
}

static void note_failure(file_result *fr, const char *id)
{
    size_t len = strlen(fr->failures);
    if (len + strlen(id) + 2 < sizeof fr->failures)
        snprintf(fr->failures + len, sizeof fr->failures - len, " %s", id);
}

static void run_test(file_result *fr, const dec_context *ctx, char *line)
{
    char buf[4096], *tok[MAX_TOKENS];
    char *arrow = strstr(line, "->");
    *arrow = '\0';
    int nl = tokenize(line, tok, buf);
    if (nl < 2)
        return;
    const char *id = tok[0];
    if (is_skipped(id) || (strcasecmp(tok[1], "rescale") == 0 && !getenv("DECTEST_RESCALE"))) {
        fr->skipped++;
        return;
    }
    const op_entry *op = find_op(tok[1]);
    char rbuf[4096], *rtok[MAX_TOKENS];
    int nr = tokenize(arrow + 2, rtok, rbuf);
    if (!op || nr < 1) {
        fprintf(stderr, "dectest: %s: cannot run\n", id);
        fr->failed++;
        note_failure(fr, id);
        return;
    }
    uint32_t want = 0, status = 0;
    for (int i = 1; i < nr; i++)
        want |= condition_bit(rtok[i]);
    clock_t start = clock();
    char *got = run_op(op, tok + 2, nl - 2, ctx, &status);
    double secs = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (fr->verbose && secs > 0.05)
        printf("  %s: slow, %.2f s\n", id, secs);
    uint32_t have = as_signals(status);
    if (strcmp(got, rtok[0]) == 0 && have == want) {
        fr->passed++;
    } else {
        fr->failed++;
        note_failure(fr, id);
        if (fr->verbose)
            printf("  %s: got %s [%#x], want %s [%#x]\n", id, got, have,
                   rtok[0], want);
    }
    free(got);
}

/* ---- a file ----------------------------------------------------------- */

static void run_file(const char *path, file_result *fr)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        fr->failed++;
        return;
    }
    dec_context ctx;
    dec_context_default(&ctx);
    ctx.emin = -999999;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *arrow = strstr(line, " -> ");
        if (arrow && strncmp(line, "--", 2) != 0) {
            char *comment = strstr(arrow, "--");
            if (comment)
                *comment = '\0';
        } else {
            char *comment = strstr(line, "--");
            if (comment)
                *comment = '\0';
        }
        if (strchr(line, '#'))
            continue;
        char *s = line;
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            continue;
        if (strstr(s, "->"))
            run_test(fr, &ctx, s);
        else if (strchr(s, ':'))
            directive(&ctx, s);
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    bool verbose = false;
    int files = 0, clean = 0, total_pass = 0, total_fail = 0, total_skip = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = true;
            continue;
        }
        file_result fr = {0};
        fr.verbose = verbose;
        run_file(argv[i], &fr);
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        files++;
        clean += fr.failed == 0;
        total_pass += fr.passed;
        total_fail += fr.failed;
        total_skip += fr.skipped;
        if (fr.failed)
            printf("FAIL %s: %d passed, %d failed:%s\n", base, fr.passed,
                   fr.failed, fr.failures);
        else if (verbose)
            printf("ok   %s: %d passed, %d skipped\n", base, fr.passed, fr.skipped);
    }
    printf("decimal: %d of %d files all pass; %d tests passed, %d failed, "
           "%d skipped\n", clean, files, total_pass, total_fail, total_skip);
    return total_fail != 0;
}
