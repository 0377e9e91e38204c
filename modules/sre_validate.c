/*
 * sre_validate.c — checking code before the engine may run it.
 *
 * `_sre.compile` accepts any list of numbers, and the engine trusts what it
 * reads: a skip that jumps past the end, a group number beyond the marks or
 * a set without its FAILURE would make it read outside its arrays.  So, as
 * CPython's _validate does, every code list is checked once against the
 * shapes re/_compiler.py writes (sre.h lists them): each skip stays inside
 * the code and lands where that instruction's shape says, each operand is
 * in range, each set is well formed.  The checks follow CPython's, plus
 * two it lacks: an INFO prefix's skip must cover only LITERAL instructions
 * (the search jumps over them), and nesting deeper than MAX_DEPTH is
 * refused rather than checked with unbounded C recursion (re/_parser.py
 * itself cannot nest that deep at the default recursion limit).
 *
 * Code is position-independent and jumps only forward, and jumps never
 * cross: each check is of one stretch [code, end) of words.
 */
#include "modules/sre.h"

#define MAX_DEPTH 2000

/* A cursor over [code, end): false from any reader means "invalid". */
typedef struct Reader {
    const SreCode *code, *end;
} Reader;

static bool read_word(Reader *r, SreCode *out)
{
    if (r->code >= r->end)
        return false;
    *out = *r->code++;
    return true;
}

/* A skip word: `*target` = its own address + skip, which must not pass
 * r->end + adjust (GROUPREF_EXISTS counts from the word before). */
static bool read_skip(Reader *r, SreCode *skip, size_t adjust)
{
    if (r->code >= r->end)
        return false;
    *skip = *r->code;
    if ((size_t)*skip - adjust > (size_t)(r->end - r->code))
        return false;
    r->code++;
    return true;
}

static bool valid_category(SreCode c)
{
    return c < SRE_NCHCODES;
}

static bool valid_at(SreCode c)
{
    return c < SRE_NATCODES;
}

/* A set's members, [code, end) (the FAILURE that ends it excluded). */
static bool validate_set(const SreCode *code, const SreCode *end)
{
    Reader r = { code, end };
    SreCode op, arg;
    while (r.code < r.end) {
        if (!read_word(&r, &op))
            return false;
        switch (op) {
        case SRE_OP_NEGATE:
            break;
        case SRE_OP_LITERAL:
            if (!read_word(&r, &arg))
                return false;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            if (!read_word(&r, &arg) || !read_word(&r, &arg))
                return false;
            break;
        case SRE_OP_CHARSET:
            if (256 / 32 > r.end - r.code)
                return false;
            r.code += 256 / 32;
            break;
        case SRE_OP_BIGCHARSET: {
            if (!read_word(&r, &arg))        /* the number of blocks */
                return false;
            if (256 / sizeof(SreCode) > (size_t)(r.end - r.code))
                return false;
            const unsigned char *index = (const unsigned char *)r.code;
            for (int i = 0; i < 256; i++)
                if (index[i] >= arg)
                    return false;
            r.code += 256 / sizeof(SreCode);
            if ((size_t)arg * (256 / 32) > (size_t)(r.end - r.code))
                return false;
            r.code += (size_t)arg * (256 / 32);
            break;
        }
        case SRE_OP_CATEGORY:
            if (!read_word(&r, &arg) || !valid_category(arg))
                return false;
            break;
        default:
            return false;
        }
    }
    return true;
}

/* Result of validate_seq: the stretch is bad, good, or good and ends with a
 * JUMP (which only a BRANCH alternative or a GROUPREF_EXISTS "yes" part may,
 * and their callers check the JUMP's skip themselves). */
enum { SEQ_BAD = -1, SEQ_OK = 0, SEQ_ENDS_IN_JUMP = 1 };

static int validate_seq(const SreCode *code, const SreCode *end, ssize_t groups, int depth);

/* A nested stretch that must be good and not end in a JUMP. */
static bool validate_body(const SreCode *code, const SreCode *end, ssize_t groups, int depth)
{
    return code <= end && validate_seq(code, end, groups, depth + 1) == SEQ_OK;
}

/* <INFO> <skip> <flags> <min> <max> [<len> <prefix skip> prefix overlap |
 * charset], r after the opcode; every part inside the skip. */
static bool validate_info(Reader *r)
{
    SreCode skip, flags, arg;
    if (!read_skip(r, &skip, 0))
        return false;
    const SreCode *info_end = r->code + skip - 1;
    if (!read_word(r, &flags) || !read_word(r, &arg) || !read_word(r, &arg) ||
        r->code > info_end)
        return false;
    if ((flags & ~(SreCode)(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET)) ||
        ((flags & SRE_INFO_PREFIX) && (flags & SRE_INFO_CHARSET)) ||
        ((flags & SRE_INFO_LITERAL) && !(flags & SRE_INFO_PREFIX)))
        return false;
    if (flags & SRE_INFO_PREFIX) {
        SreCode len, prefix_skip;
        if (!read_word(r, &len) || !read_word(r, &prefix_skip) || r->code > info_end)
            return false;
        if (len > (size_t)(info_end - r->code))
            return false;
        r->code += len;                         /* the prefix */
        if (len > (size_t)(info_end - r->code))
            return false;
        for (SreCode i = 0; i < len; i++)       /* the overlap table */
            if (r->code[i] >= len)
                return false;
        r->code += len;
        /* the search skips prefix_skip LITERAL instructions after INFO */
        if (prefix_skip > len || 2 * (size_t)prefix_skip > (size_t)(r->end - info_end))
            return false;
        for (SreCode i = 0; i < prefix_skip; i++)
            if (info_end[2 * i] != SRE_OP_LITERAL)
                return false;
    }
    if (flags & SRE_INFO_CHARSET) {
        if (info_end <= r->code || !validate_set(r->code, info_end - 1) ||
            info_end[-1] != SRE_OP_FAILURE)
            return false;
        r->code = info_end;
    }
    return r->code == info_end;
}

/* <BRANCH> (<skip> alternative <JUMP> <skip>)... <0>: every alternative's
 * JUMP goes to the same place, just after the final 0. */
static bool validate_branch(Reader *r, ssize_t groups, int depth)
{
    const SreCode *target = NULL;
    for (;;) {
        SreCode skip, op;
        if (!read_skip(r, &skip, 0))
            return false;
        if (skip == 0)
            break;
        if (skip < 3 || !validate_body(r->code, r->code + skip - 3, groups, depth))
            return false;
        r->code += skip - 3;
        if (!read_word(r, &op) || op != SRE_OP_JUMP || !read_skip(r, &skip, 0) || skip == 0)
            return false;
        const SreCode *to = r->code + skip - 1;
        if (target == NULL)
            target = to;
        else if (to != target)
            return false;
    }
    return r->code == target;
}

/* <GROUPREF_EXISTS> <g> <skip> yes [<JUMP> <skip> no], skip counted from
 * the <g> word. */
static bool validate_groupref_exists(Reader *r, ssize_t groups, int depth)
{
    SreCode group, skip;
    if (!read_word(r, &group) || group >= (size_t)groups || !read_skip(r, &skip, 1) || skip < 2)
        return false;
    const SreCode *skip_word = r->code - 1;
    int rc = depth >= MAX_DEPTH ? SEQ_BAD
                                : validate_seq(skip_word + 1, skip_word + skip - 1, groups, depth + 1);
    if (rc == SEQ_ENDS_IN_JUMP) {
        /* the JUMP's skip word is the last of "yes"; "no" follows */
        r->code = skip_word + skip - 1 - 1;
        if (!read_skip(r, &skip, 0) || skip == 0 ||
            !validate_body(r->code, r->code + skip - 1, groups, depth))
            return false;
        r->code += skip - 1;
        return true;
    }
    if (rc != SEQ_OK)
        return false;
    r->code = skip_word + skip - 1;
    return true;
}

/* <op> <skip> <min> <max> item <end_op>: the three REPEAT_ONE kinds
 * (end_op SUCCESS, skip to after it), REPEAT (MAX_ or MIN_UNTIL, skip to
 * it) and POSSESSIVE_REPEAT (SUCCESS, skip to it). */
static bool validate_repeat(Reader *r, SreCode op, ssize_t groups, int depth)
{
    SreCode skip, min, max, end_op;
    bool one = op != SRE_OP_REPEAT && op != SRE_OP_POSSESSIVE_REPEAT;
    if (!read_skip(r, &skip, 0) || !read_word(r, &min) || !read_word(r, &max))
        return false;
    if (min > max || max > SRE_MAXREPEAT || skip < (one ? 4u : 3u))
        return false;
    const SreCode *item_end = r->code + skip - (one ? 4 : 3);
    if (!validate_body(r->code, item_end, groups, depth))
        return false;
    r->code = item_end;
    if (!read_word(r, &end_op))
        return false;
    if (op == SRE_OP_REPEAT)
        return end_op == SRE_OP_MAX_UNTIL || end_op == SRE_OP_MIN_UNTIL;
    return end_op == SRE_OP_SUCCESS;
}

static int validate_seq(const SreCode *code, const SreCode *end, ssize_t groups, int depth)
{
    Reader r = { code, end };
    SreCode op, arg, skip;
    if (depth > MAX_DEPTH)
        return SEQ_BAD;
    while (r.code < r.end) {
        if (!read_word(&r, &op))
            return SEQ_BAD;
        switch (op) {
        case SRE_OP_MARK:
            /* marks may nest oddly: the engine copes, results are odd */
            if (!read_word(&r, &arg) || arg > 2 * (size_t)groups + 1)
                return SEQ_BAD;
            break;
        case SRE_OP_LITERAL:
        case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (!read_word(&r, &arg))
                return SEQ_BAD;
            break;
        case SRE_OP_SUCCESS:
        case SRE_OP_FAILURE:
        case SRE_OP_ANY:
        case SRE_OP_ANY_ALL:
            break;
        case SRE_OP_AT:
            if (!read_word(&r, &arg) || !valid_at(arg))
                return SEQ_BAD;
            break;
        case SRE_OP_CATEGORY:
            if (!read_word(&r, &arg) || !valid_category(arg))
                return SEQ_BAD;
            break;
        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            /* <IN> <skip> set <FAILURE> */
            if (!read_skip(&r, &skip, 0) || skip < 2 ||
                !validate_set(r.code, r.code + skip - 2) || r.code[skip - 2] != SRE_OP_FAILURE)
                return SEQ_BAD;
            r.code += skip - 1;
            break;
        case SRE_OP_INFO:
            if (!validate_info(&r))
                return SEQ_BAD;
            break;
        case SRE_OP_BRANCH:
            if (!validate_branch(&r, groups, depth))
                return SEQ_BAD;
            break;
        case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE:
        case SRE_OP_REPEAT:
        case SRE_OP_POSSESSIVE_REPEAT:
            if (!validate_repeat(&r, op, groups, depth))
                return SEQ_BAD;
            break;
        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> pattern <SUCCESS> */
            if (!read_skip(&r, &skip, 0) || skip < 2 ||
                !validate_body(r.code, r.code + skip - 2, groups, depth))
                return SEQ_BAD;
            r.code += skip - 2;
            if (!read_word(&r, &op) || op != SRE_OP_SUCCESS)
                return SEQ_BAD;
            break;
        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (!read_word(&r, &arg) || arg >= (size_t)groups)
                return SEQ_BAD;
            break;
        case SRE_OP_GROUPREF_EXISTS:
            if (!validate_groupref_exists(&r, groups, depth))
                return SEQ_BAD;
            break;
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT:
            /* <ASSERT> <skip> <back> pattern <SUCCESS> */
            if (!read_skip(&r, &skip, 0) || skip < 3 || !read_word(&r, &arg) ||
                !validate_body(r.code, r.code + skip - 3, groups, depth))
                return SEQ_BAD;
            r.code += skip - 3;
            if (!read_word(&r, &op) || op != SRE_OP_SUCCESS)
                return SEQ_BAD;
            break;
        case SRE_OP_JUMP:
            /* only as the last instruction; the caller checks its skip */
            if (r.code + 1 != r.end)
                return SEQ_BAD;
            return SEQ_ENDS_IN_JUMP;
        default:
            return SEQ_BAD;
        }
    }
    return SEQ_OK;
}

bool mod_sre_validate(const SreCode *code, size_t n, ssize_t groups)
{
    if (groups < 0 || (size_t)groups > SRE_MAXGROUPS || n == 0 || code[n - 1] != SRE_OP_SUCCESS)
        return false;
    return validate_seq(code, code + n - 1, groups, 0) == SEQ_OK;
}
