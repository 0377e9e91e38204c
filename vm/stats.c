/*
 * stats.c — `pvm --stats`: how often each opcode, and each pair of
 * consecutive opcodes, is executed.
 *
 * The pair table is the data that decides superinstructions: a pair such
 * as LOAD_FAST LOAD_FAST that dominates the dynamic stream is a candidate
 * for one fused body (one dispatch instead of two).
 *
 * Counting is one more instantiation of the opcode bodies — the `goto`
 * template (vm/eval_goto.h) with two increments as its hook — selected by
 * vm_eval while --stats is on, so the ordinary loops contain no counting
 * code.  The
 * counts cover every instruction the loop executes; an EXTENDED_ARG prefix
 * counts as an instruction of its own (it is one: it costs a dispatch),
 * and the instruction after it counts too.  Pairs follow the dynamic
 * stream, across calls and returns (CALL then RESUME is a pair).
 * Specialized forms (vm/specialize.h) count under their own names, and a
 * third table says, per form, how often its guards held (hits) or failed
 * (misses, which then ran the base form), and per base instruction how
 * many specialization attempts succeeded or failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include "runtime/gc.h"

/* Counted by opcode byte.  The pair table is a plain 256x256 matrix: an
 * increment is two indexed adds, where a hash of pairs would cost more
 * than the instruction it counts.  Its 512 KiB come from calloc on first
 * use, not from static data, which the collector would scan for pointers
 * at every collection of every run.  64-bit counters: a long benchmark
 * executes billions of instructions. */
static uint64_t op_count[256] GC_LARGE_STATIC;
static uint64_t (*pair_count)[256];     /* [previous][next] */
static int previous_op = -1;            /* -1: nothing executed yet */

static inline void count_op(int op)
{
    if (pair_count == NULL && (pair_count = calloc(256, sizeof *pair_count)) == NULL) {
        fputs("pvm: out of memory (--stats)\n", stderr);
        exit(1);
    }
    op_count[op]++;
    if (previous_op >= 0)
        pair_count[previous_op][op]++;
    previous_op = op;
}

/* ---- the counting loop: the goto template with count_op as its hook ------------ */

#define LOOP_FUNCTION vm_eval_stats
#define DISPATCH_HOOK(first) count_op(opcode)
#define VM_STAT_MISS(op) (vm_spec_misses[op]++)
#include "vm/eval_goto.h"

/* ---- the report ------------------------------------------------------------------ */

/* Two tables on stderr, after the program's output:
 *
 *   -- pvm --stats: N instructions executed, K distinct opcodes
 *   opcode            count      %    cum %      every opcode, most frequent
 *                                                first; cum % shows how few
 *                                                opcodes make most of the run
 *   -- top 20 opcode pairs ...
 *   first -> second   count      %               what a superinstruction
 *                                                fusing the two would save:
 *                                                one dispatch per count
 */

typedef struct {
    uint64_t count;
    int first, second;                  /* second < 0: a single opcode */
} Row;

static int by_count_desc(const void *a, const void *b)
{
    const Row *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    /* ties: by opcode number, so the report is deterministic */
    return x->first != y->first ? x->first - y->first : x->second - y->second;
}

static const char *op_name(int op)
{
    const char *name = vm_opcode_name(op);
    return name != NULL ? name : "<unknown>";
}

static double percent(uint64_t part, uint64_t total)
{
    return total ? 100.0 * (double)part / (double)total : 0.0;
}

/* Every executed opcode, most frequent first, with its share. */
static uint64_t report_opcodes(void)
{
    Row rows[256];
    int n = 0;
    uint64_t total = 0;
    for (int op = 0; op < 256; op++) {
        if (op_count[op] > 0)
            rows[n++] = (Row){ op_count[op], op, -1 };
        total += op_count[op];
    }
    qsort(rows, n, sizeof rows[0], by_count_desc);
    fprintf(stderr, "\n-- pvm --stats: %llu instructions executed, %d distinct opcodes\n",
            (unsigned long long)total, n);
    fprintf(stderr, "%-28s %14s %8s %8s\n", "opcode", "count", "%", "cum %");
    uint64_t cumulative = 0;
    for (int i = 0; i < n; i++) {
        cumulative += rows[i].count;
        fprintf(stderr, "%-28s %14llu %7.2f%% %7.2f%%\n", op_name(rows[i].first),
                (unsigned long long)rows[i].count, percent(rows[i].count, total),
                percent(cumulative, total));
    }
    return total;
}

/* The 20 most frequent pairs: a heap of 65536 candidates is overkill,
 * sorting the non-zero ones is simple and fast enough for a report. */
static void report_pairs(uint64_t total)
{
    enum { TOP = 20 };
    size_t n = 0, cap = 256;
    Row *rows = malloc(cap * sizeof *rows);
    for (int a = 0; a < 256 && rows != NULL && pair_count != NULL; a++) {
        for (int b = 0; b < 256; b++) {
            if (pair_count[a][b] == 0)
                continue;
            if (n == cap && (rows = realloc(rows, (cap *= 2) * sizeof *rows)) == NULL)
                break;
            rows[n++] = (Row){ pair_count[a][b], a, b };
        }
    }
    if (rows == NULL)
        return;
    qsort(rows, n, sizeof rows[0], by_count_desc);
    uint64_t pairs = total > 0 ? total - 1 : 0;
    fprintf(stderr, "\n-- top %d opcode pairs (of %zu distinct; %% of %llu pairs)\n",
            TOP, n, (unsigned long long)pairs);
    fprintf(stderr, "%-48s %14s %8s\n", "first -> second", "count", "%");
    for (size_t i = 0; i < n && i < TOP; i++) {
        char both[64];
        snprintf(both, sizeof both, "%s -> %s", op_name(rows[i].first), op_name(rows[i].second));
        fprintf(stderr, "%-48s %14llu %7.2f%%\n", both, (unsigned long long)rows[i].count,
                percent(rows[i].count, pairs));
    }
    free(rows);
}

/* Specialization: attempts per base instruction, hits and misses per form. */
static void report_specialization(void)
{
    fprintf(stderr, "\n-- specialization\n%-28s %14s %14s\n", "instruction", "specialized",
            "failed");
    for (int op = 0; op < 256; op++)
        if (vm_spec_stats[op].success + vm_spec_stats[op].failure > 0)
            fprintf(stderr, "%-28s %14llu %14llu\n", op_name(op),
                    (unsigned long long)vm_spec_stats[op].success,
                    (unsigned long long)vm_spec_stats[op].failure);
    fprintf(stderr, "%-28s %14s %14s %8s\n", "specialized form", "hits", "misses", "hit %");
    for (int op = 0; op < 256; op++) {
        if (vm_base_opcode(op) == op || op_count[op] == 0)
            continue;
        uint64_t misses = vm_spec_misses[op], hits = op_count[op] - misses;
        fprintf(stderr, "%-28s %14llu %14llu %7.2f%%\n", op_name(op), (unsigned long long)hits,
                (unsigned long long)misses, percent(hits, op_count[op]));
    }
}

void vm_stats_report(void)
{
    report_pairs(report_opcodes());
    report_specialization();
}
