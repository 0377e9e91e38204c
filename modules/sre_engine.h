/*
 * sre_engine.h — the matcher, written once for a character type.
 * sre_match.c includes it three times, with
 *
 *   SRE_CHAR   the type of one character of the subject (uint8_t,
 *              uint16_t, uint32_t)
 *   SRE(f)     the name function f gets for that type
 *
 * (CPython's sre_lib.h is included three times the same way.)  Nothing
 * here depends on the type but the pointer arithmetic: characters are
 * compared as SreCode, so a pattern character too wide for the subject
 * simply never matches.
 *
 * The algorithm is CPython 3.11's, step for step — which alternative is
 * tried first, which marks are saved and restored when, how a repeat of an
 * item that can match empty stops — because all of that shows in the
 * groups a match reports.  Its shape is a loop over opcodes whose
 * "recursive calls" (trying a sub-pattern, then continuing or
 * backtracking) push a context on st->ctx and jump back to the top:
 *
 *   CALL(resume, where, sub)   save pattern/ptr in the current context,
 *                              push a context for `sub` that will resume us
 *                              at label `where`, run it; afterwards `ret`
 *                              holds its result (1 matched, 0 failed, <0)
 *   RETURN_SUCCESS / RETURN_FAILURE    end the current context
 *
 * so the only limit on the depth of backtracking is memory.
 */

/* Whether position ptr satisfies AT operand `at`. */
static bool SRE(at)(const SreState *st, const SRE_CHAR *ptr, SreCode at)
{
    const SRE_CHAR *begin = st->beginning;
    const SRE_CHAR *end = begin + st->endpos;
    bool before, after;

    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == begin;
    case SRE_AT_BEGINNING_LINE:
        return ptr == begin || ptr[-1] == '\n';
    case SRE_AT_END:
        return ptr == end || (end - ptr == 1 && ptr[0] == '\n');
    case SRE_AT_END_LINE:
        return ptr == end || ptr[0] == '\n';
    case SRE_AT_END_STRING:
        return ptr == end;
    }
    /* word boundaries: never inside an empty subject */
    if (begin == end)
        return false;
    switch (at) {
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
        before = ptr > begin && is_ascii_word(ptr[-1]);
        after = ptr < end && is_ascii_word(ptr[0]);
        break;
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
        before = ptr > begin && is_loc_word(ptr[-1]);
        after = ptr < end && is_loc_word(ptr[0]);
        break;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
        before = ptr > begin && is_uni_word(ptr[-1]);
        after = ptr < end && is_uni_word(ptr[0]);
        break;
    default:
        return false;
    }
    bool boundary = before != after;
    return at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY || at == SRE_AT_UNI_BOUNDARY
           ? boundary : !boundary;
}

static ssize_t SRE(match)(SreState *st, const SreCode *pattern, bool toplevel);

/* The first alternative of a BRANCH, from `alt` on, that may match at ptr:
 * one starting with a LITERAL or IN that the character at ptr (or the end)
 * rules out is passed over untried.  Where the <0> that ends the list is,
 * when none is left.  The character is read once for all of them: a branch
 * of many literals (tokenize's operators, string prefixes) is mostly
 * alternatives passed over. */
static inline __attribute__((always_inline)) const SreCode *
SRE(viable_branch)(const SreCode *alt, const SRE_CHAR *ptr,
                                         const SRE_CHAR *end)
{
    if (alt[0] != 0 && alt[1] != SRE_OP_LITERAL && alt[1] != SRE_OP_IN)
        return alt;                     /* the common case of other branches: at once */
    if (ptr >= end) {
        while (alt[0] && (alt[1] == SRE_OP_LITERAL || alt[1] == SRE_OP_IN))
            alt += alt[0];
        return alt;
    }
    SreCode c = *ptr;
    for (; alt[0]; alt += alt[0]) {
        if (alt[1] == SRE_OP_LITERAL) {
            if (alt[2] == c)
                return alt;
        } else if (alt[1] != SRE_OP_IN || in_set(alt + 3, c)) {
            return alt;
        }
    }
    return alt;
}

/* How many times, at most maxcount, the one-character item at `item`
 * matches from st->ptr on (negative: an error). */
static ssize_t SRE(count)(SreState *st, const SreCode *item, ssize_t maxcount)
{
    const SRE_CHAR *begin = st->beginning;
    const SRE_CHAR *ptr = begin + st->ptr;
    const SRE_CHAR *end = begin + st->endpos;
    if (maxcount < end - ptr && maxcount != (ssize_t)SRE_MAXREPEAT)
        end = ptr + maxcount;
    SreCode chr = item[1];

    switch (item[0]) {
    case SRE_OP_IN:
        while (ptr < end && in_set(item + 2, *ptr))
            ptr++;
        break;
    case SRE_OP_ANY:
        while (ptr < end && *ptr != '\n')
            ptr++;
        break;
    case SRE_OP_ANY_ALL:
        ptr = end;
        break;
    case SRE_OP_LITERAL:
        while (ptr < end && (SreCode)*ptr == chr)
            ptr++;
        break;
    case SRE_OP_LITERAL_IGNORE:
        while (ptr < end && mod_sre_lower_ascii(*ptr) == chr)
            ptr++;
        break;
    case SRE_OP_LITERAL_UNI_IGNORE:
        while (ptr < end && mod_sre_lower_unicode(*ptr) == chr)
            ptr++;
        break;
    case SRE_OP_LITERAL_LOC_IGNORE:
        while (ptr < end && loc_ignore_equal(chr, *ptr))
            ptr++;
        break;
    case SRE_OP_NOT_LITERAL:
        while (ptr < end && (SreCode)*ptr != chr)
            ptr++;
        break;
    case SRE_OP_NOT_LITERAL_IGNORE:
        while (ptr < end && mod_sre_lower_ascii(*ptr) != chr)
            ptr++;
        break;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        while (ptr < end && mod_sre_lower_unicode(*ptr) != chr)
            ptr++;
        break;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        while (ptr < end && !loc_ignore_equal(chr, *ptr))
            ptr++;
        break;
    default: {
        /* any other one-character item: run the matcher on it (an item
         * that matched nothing would match nothing for ever: stop) */
        if (++st->count_depth > SRE_MAX_COUNT_DEPTH)
            return SRE_ERROR_RECURSION_LIMIT;
        ssize_t from = st->ptr;
        while (begin + st->ptr < end) {
            ssize_t before = st->ptr;
            ssize_t r = SRE(match)(st, item, false);
            if (r < 0)
                return r;
            if (r == 0 || st->ptr == before)
                break;
        }
        st->count_depth--;
        return st->ptr - from;
    }
    }
    return (ptr - begin) - st->ptr;
}

/* Match the code at `pattern` from st->ptr: 1 (st->ptr at the end of the
 * match), 0 or an error.  `toplevel`: a SUCCESS reached in this context
 * (not inside a look-around, atomic group or possessive repeat) ends the
 * whole match, so fullmatch's and must_advance's conditions apply to it. */
static ssize_t SRE(match)(SreState *st, const SreCode *pattern, bool toplevel)
{
    const SRE_CHAR *const begin = st->beginning;
    const SRE_CHAR *const end = begin + st->endpos;
    const size_t base = st->nctx;       /* contexts below belong to a caller */
    const SRE_CHAR *ptr;
    ssize_t ret = 0;
    unsigned steps = st->steps;         /* kept in a register, saved on return */

    SreContext *ctx = push_context(st);
    ctx->jump = JUMP_NONE;
    ctx->toplevel = toplevel;

/* The current context, found again after the stack may have moved. */
#define REFRESH_CTX() (ctx = &st->ctx[st->nctx - 1])
/* The REPEAT record an UNTIL context works on. */
#define REP (&st->ctx[ctx->rep].repeat)
#define POS(p) ((ssize_t)((p) - begin))

#define RETURN_ERROR(e) do { st->nctx = base; st->steps = steps; return (e); } while (0)
#define RETURN_FAILURE do { ret = 0; goto leave; } while (0)
#define RETURN_SUCCESS do { ret = 1; goto leave; } while (0)
#define RETURN_ON_ERROR(r) do { if ((r) < 0) RETURN_ERROR(r); } while (0)
#define RETURN_ON_SUCCESS(r) do { RETURN_ON_ERROR(r); if ((r) > 0) RETURN_SUCCESS; } while (0)
#define RETURN_ON_FAILURE(r) do { RETURN_ON_ERROR(r); if ((r) == 0) RETURN_FAILURE; } while (0)

/* LASTMARK_SAVE / RESTORE: the marks' extent before an alternative. */
#define LASTMARK_SAVE() (ctx->lastmark = st->lastmark, ctx->lastindex = st->lastindex)
#define LASTMARK_RESTORE() (st->lastmark = ctx->lastmark, st->lastindex = ctx->lastindex)

/* The start of the three REPEAT_ONE kinds, <op> <skip> <min> <max> item:
 * how many times, at most `max`, the item matches from here (ctx->count,
 * ptr after them); fewer than min fails. */
#define COUNT_ITEMS(max)                                \
    do {                                                \
        if ((ssize_t)pattern[1] > end - ptr)            \
            RETURN_FAILURE;                             \
        st->ptr = POS(ptr);                             \
        ret = SRE(count)(st, pattern + 3, (max));       \
        RETURN_ON_ERROR(ret);                           \
        REFRESH_CTX();                                  \
        ctx->count = ret;                               \
        ptr += ret;                                     \
        if (ctx->count < (ssize_t)pattern[1])           \
            RETURN_FAILURE;                             \
    } while (0)

/* The start of MAX_UNTIL and MIN_UNTIL: find their REPEAT's record
 * (ctx->rep); while the item has matched fewer than min times, match it
 * again, and that decides this context. */
#define UNTIL_MINIMUM(resume, where)                                    \
    do {                                                                \
        if (st->repeat < 0)                                             \
            RETURN_ERROR(SRE_ERROR_STATE);                              \
        ctx->rep = st->repeat;                                          \
        st->ptr = POS(ptr);                                             \
        ctx->count = REP->count + 1;                                    \
        if (ctx->count < (ssize_t)REP->pattern[1]) {                    \
            REP->count = ctx->count;                                    \
            CALL(resume, where, REP->pattern + 3);                      \
            RETURN_ON_SUCCESS(ret);                                     \
            REP->count = ctx->count - 1;                                \
            st->ptr = POS(ptr);                                         \
            RETURN_FAILURE;                                             \
        }                                                               \
    } while (0)

/* Before trying alternatives from one position: remember the marks'
 * extent, and inside a REPEAT the marks themselves (a later iteration may
 * overwrite them).  After each failed try, undo what it set; a try that
 * matched ends this context with success. */
#define SAVE_MARKS_IN_REPEAT()                          \
    do {                                                \
        LASTMARK_SAVE();                                \
        if (st->repeat >= 0)                            \
            save_marks(st, ctx->lastmark);              \
    } while (0)
#define DROP_MARKS_IN_REPEAT()                          \
    do {                                                \
        if (st->repeat >= 0)                            \
            drop_marks(st, ctx->lastmark);              \
    } while (0)
#define SUCCEED_OR_UNDO()                               \
    do {                                                \
        if (ret) {                                      \
            DROP_MARKS_IN_REPEAT();                     \
            RETURN_ON_ERROR(ret);                       \
            RETURN_SUCCESS;                             \
        }                                               \
        if (st->repeat >= 0)                            \
            restore_marks(st, ctx->lastmark, false);    \
        LASTMARK_RESTORE();                             \
    } while (0)

/* Run `sub` as a new context that resumes this one at `where` with
 * `resume`; the callee starts at st->ptr. */
#define CALL_AT(resume, where, sub, top)                \
    do {                                                \
        const SreCode *sub_ = (sub);                    \
        bool top_ = (top);                              \
        ctx->pattern = pattern;                         \
        ctx->ptr = POS(ptr);                            \
        ctx = push_context(st);                         \
        ctx->jump = (resume);                           \
        ctx->toplevel = top_;                           \
        pattern = sub_;                                 \
        goto entrance;                                  \
      where:                                            \
        ;                                               \
    } while (0)
#define CALL(resume, where, sub) CALL_AT(resume, where, sub, ctx->toplevel)
#define CALL0(resume, where, sub) CALL_AT(resume, where, sub, false)

entrance:
    ptr = begin + st->ptr;
    if (pattern[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> ...: too short a rest cannot match */
        if (pattern[3] && (size_t)(end - ptr) < pattern[3])
            RETURN_FAILURE;
        pattern += pattern[1] + 1;
    }

    for (;;) {
        if (++steps % SRE_POLL_INTERVAL == 0 && !vm_check_interrupt())
            RETURN_ERROR(SRE_ERROR_INTERRUPTED);

        switch (*pattern++) {

        case SRE_OP_MARK: {
            /* <MARK> <n>: a group boundary at ptr.  Marks between the
             * highest set so far and n are not set: say so. */
            int n = (int)pattern[0];
            if (n & 1)
                st->lastindex = n / 2 + 1;
            if (n > st->lastmark) {
                for (int j = st->lastmark + 1; j < n; j++)
                    st->mark[j] = -1;
                st->lastmark = n;
            }
            st->mark[n] = POS(ptr);
            pattern++;
            break;
        }

        case SRE_OP_LITERAL:
            if (ptr >= end || (SreCode)ptr[0] != pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || (SreCode)ptr[0] == pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_SUCCESS:
            /* the end of the pattern: a match, unless the whole match must
             * reach endpos (fullmatch) or may not be empty here */
            if (ctx->toplevel && ((st->match_all && ptr != end) ||
                                  (st->must_advance && POS(ptr) == st->start)))
                RETURN_FAILURE;
            st->ptr = POS(ptr);
            RETURN_SUCCESS;

        case SRE_OP_AT:
            if (!SRE(at)(st, ptr, pattern[0]))
                RETURN_FAILURE;
            pattern++;
            break;

        case SRE_OP_CATEGORY:
            if (ptr >= end || !in_category(pattern[0], ptr[0]))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_ANY:
            if (ptr >= end || ptr[0] == '\n')
                RETURN_FAILURE;
            ptr++;
            break;

        case SRE_OP_ANY_ALL:
            if (ptr >= end)
                RETURN_FAILURE;
            ptr++;
            break;

        case SRE_OP_IN:
            /* <IN> <skip> <set> */
            if (ptr >= end || !in_set(pattern + 1, *ptr))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || mod_sre_lower_ascii(*ptr) != pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || mod_sre_lower_unicode(*ptr) != pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !loc_ignore_equal(pattern[0], *ptr))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || mod_sre_lower_ascii(*ptr) == pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || mod_sre_lower_unicode(*ptr) == pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || loc_ignore_equal(pattern[0], *ptr))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_IN_IGNORE:
            if (ptr >= end || !in_set(pattern + 1, mod_sre_lower_ascii(*ptr)))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !in_set(pattern + 1, mod_sre_lower_unicode(*ptr)))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !in_set_loc_ignore(pattern + 1, *ptr))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            /* <JUMP> <skip>; an INFO inside the code is skipped likewise */
            pattern += pattern[0];
            break;

        case SRE_OP_BRANCH:
            /* <BRANCH> <skip> alternative <JUMP> ... <0>: try each in turn;
             * an alternative starting with a LITERAL or IN that cannot
             * match here is not even tried. */
            SAVE_MARKS_IN_REPEAT();
            for (;; pattern += pattern[0]) {
                pattern = SRE(viable_branch)(pattern, ptr, end);
                if (pattern[0] == 0)
                    break;
                st->ptr = POS(ptr);
                CALL(JUMP_BRANCH, jump_branch, pattern + 1);
                SUCCEED_OR_UNDO();
            }
            DROP_MARKS_IN_REPEAT();
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE:
            /* <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: take as
             * many one-character items as possible, then give them back one
             * at a time until the tail matches. */
            COUNT_ITEMS(pattern[2]);
            if (pattern[pattern[0]] == SRE_OP_SUCCESS && ptr == end &&
                !(ctx->toplevel && st->must_advance && POS(ptr) == st->start)) {
                /* nothing follows and the subject is used up */
                st->ptr = POS(ptr);
                RETURN_SUCCESS;
            }
            SAVE_MARKS_IN_REPEAT();
            /* a tail that starts with a literal can only match where that
             * character is: other positions are given back untried */
            ctx->literal_tail = pattern[pattern[0]] == SRE_OP_LITERAL;
            if (ctx->literal_tail)
                ctx->chr = pattern[pattern[0] + 1];
            while (ctx->count >= (ssize_t)pattern[1]) {
                if (!ctx->literal_tail || (ptr < end && (SreCode)*ptr == ctx->chr)) {
                    st->ptr = POS(ptr);
                    CALL(JUMP_REPEAT_ONE, jump_repeat_one, pattern + pattern[0]);
                    SUCCEED_OR_UNDO();
                }
                ptr--;
                ctx->count--;
            }
            DROP_MARKS_IN_REPEAT();
            RETURN_FAILURE;

        case SRE_OP_MIN_REPEAT_ONE:
            /* <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: take
             * the fewest items, adding one at a time until the tail
             * matches. */
            COUNT_ITEMS(pattern[1]);
            if (pattern[pattern[0]] == SRE_OP_SUCCESS &&
                !(ctx->toplevel && ((st->match_all && ptr != end) ||
                                    (st->must_advance && POS(ptr) == st->start)))) {
                st->ptr = POS(ptr);
                RETURN_SUCCESS;
            }
            SAVE_MARKS_IN_REPEAT();
            while (pattern[2] == SRE_MAXREPEAT || ctx->count <= (ssize_t)pattern[2]) {
                st->ptr = POS(ptr);
                CALL(JUMP_MIN_REPEAT_ONE, jump_min_repeat_one, pattern + pattern[0]);
                SUCCEED_OR_UNDO();
                st->ptr = POS(ptr);
                ret = SRE(count)(st, pattern + 3, 1);
                RETURN_ON_ERROR(ret);
                REFRESH_CTX();
                if (ret == 0)
                    break;
                ptr++;
                ctx->count++;
            }
            DROP_MARKS_IN_REPEAT();
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS>
             * tail: as many items as possible, never given back. */
            COUNT_ITEMS(pattern[2]);
            pattern += pattern[0];
            if (*pattern == SRE_OP_SUCCESS && ptr == end &&
                !(ctx->toplevel && st->must_advance && POS(ptr) == st->start)) {
                st->ptr = POS(ptr);
                RETURN_SUCCESS;
            }
            break;

        case SRE_OP_REPEAT:
            /* <REPEAT> <skip> <min> <max> item <UNTIL> tail: the UNTIL at
             * the end of the item does the work, counting in this
             * context's record. */
            ctx->repeat.count = -1;
            ctx->repeat.pattern = pattern;
            ctx->repeat.prev = st->repeat;
            ctx->repeat.last_ptr = -1;
            st->repeat = (int)(st->nctx - 1);
            st->ptr = POS(ptr);
            CALL(JUMP_REPEAT, jump_repeat, pattern + pattern[0]);
            st->repeat = ctx->repeat.prev;
            RETURN_ON_SUCCESS(ret);
            RETURN_FAILURE;

        case SRE_OP_MAX_UNTIL:
            /* the end of a greedy REPEAT's item: match the item again if
             * the maximum allows (and the last try was not empty), else or
             * if that fails, the tail */
            UNTIL_MINIMUM(JUMP_MAX_UNTIL_1, jump_max_until_1);
            if ((ctx->count < (ssize_t)REP->pattern[2] || REP->pattern[2] == SRE_MAXREPEAT) &&
                st->ptr != REP->last_ptr) {
                /* enough items; try one more */
                REP->count = ctx->count;
                LASTMARK_SAVE();
                save_marks(st, ctx->lastmark);
                save_value(st, REP->last_ptr);
                REP->last_ptr = st->ptr;
                CALL(JUMP_MAX_UNTIL_2, jump_max_until_2, REP->pattern + 3);
                REP->last_ptr = restore_value(st);
                if (ret) {
                    drop_marks(st, ctx->lastmark);
                    RETURN_ON_ERROR(ret);
                    RETURN_SUCCESS;
                }
                restore_marks(st, ctx->lastmark, true);
                LASTMARK_RESTORE();
                REP->count = ctx->count - 1;
                st->ptr = POS(ptr);
            }
            /* no more items here: the tail, outside this repeat */
            st->repeat = REP->prev;
            CALL(JUMP_MAX_UNTIL_3, jump_max_until_3, pattern);
            st->repeat = ctx->rep;
            RETURN_ON_SUCCESS(ret);
            st->ptr = POS(ptr);
            RETURN_FAILURE;

        case SRE_OP_MIN_UNTIL: {
            /* the end of a lazy REPEAT's item: try the tail first, and
             * only if it fails the item once more */
            UNTIL_MINIMUM(JUMP_MIN_UNTIL_1, jump_min_until_1);
            st->repeat = REP->prev;
            LASTMARK_SAVE();
            if (st->repeat >= 0)
                save_marks(st, ctx->lastmark);
            CALL(JUMP_MIN_UNTIL_2, jump_min_until_2, pattern);
            int tail_repeat = st->repeat;
            st->repeat = ctx->rep;
            if (ret) {
                if (tail_repeat >= 0)
                    drop_marks(st, ctx->lastmark);
                RETURN_ON_ERROR(ret);
                RETURN_SUCCESS;
            }
            if (tail_repeat >= 0)
                restore_marks(st, ctx->lastmark, true);
            LASTMARK_RESTORE();
            st->ptr = POS(ptr);
            if ((ctx->count >= (ssize_t)REP->pattern[2] && REP->pattern[2] != SRE_MAXREPEAT) ||
                st->ptr == REP->last_ptr)
                RETURN_FAILURE;
            REP->count = ctx->count;
            save_value(st, REP->last_ptr);
            REP->last_ptr = st->ptr;
            CALL(JUMP_MIN_UNTIL_3, jump_min_until_3, REP->pattern + 3);
            REP->last_ptr = restore_value(st);
            RETURN_ON_SUCCESS(ret);
            REP->count = ctx->count - 1;
            st->ptr = POS(ptr);
            RETURN_FAILURE;
        }

        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail:
             * match the item (each try in its own context) as often as
             * possible, then the tail, never revisiting the count. */
            st->ptr = POS(ptr);
            ctx->count = 0;
            while (ctx->count < (ssize_t)pattern[1]) {
                CALL0(JUMP_POSS_REPEAT_1, jump_poss_repeat_1, pattern + 3);
                if (ret) {
                    RETURN_ON_ERROR(ret);
                    ctx->count++;
                } else {
                    st->ptr = POS(ptr);
                    RETURN_FAILURE;
                }
            }
            /* ptr: where the last try of the item started (none yet); an
             * item that matched empty would match empty for ever, so the
             * loop stops when st->ptr did not move */
            ptr = NULL;
            while ((ctx->count < (ssize_t)pattern[2] || pattern[2] == SRE_MAXREPEAT) &&
                   (ptr == NULL || st->ptr != POS(ptr))) {
                LASTMARK_SAVE();
                save_marks(st, ctx->lastmark);
                ptr = begin + st->ptr;
                CALL0(JUMP_POSS_REPEAT_2, jump_poss_repeat_2, pattern + 3);
                if (ret) {
                    drop_marks(st, ctx->lastmark);
                    RETURN_ON_ERROR(ret);
                    ctx->count++;
                } else {
                    restore_marks(st, ctx->lastmark, true);
                    LASTMARK_RESTORE();
                    st->ptr = POS(ptr);
                    break;
                }
            }
            pattern += pattern[0] + 1;
            ptr = begin + st->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail: the group's
             * first match, never revisited */
            st->ptr = POS(ptr);
            CALL0(JUMP_ATOMIC_GROUP, jump_atomic_group, pattern + 1);
            RETURN_ON_ERROR(ret);
            if (ret == 0) {
                st->ptr = POS(ptr);
                RETURN_FAILURE;
            }
            pattern += pattern[0];
            ptr = begin + st->ptr;
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            /* <GROUPREF> <g>: the text group g+1 matched, again */
            SreCode op = pattern[-1];
            int ref = (int)pattern[0] * 2;
            if (ref >= st->lastmark)
                RETURN_FAILURE;
            ssize_t p = st->mark[ref], e = st->mark[ref + 1];
            if (p < 0 || e < 0 || e < p)
                RETURN_FAILURE;
            for (; p < e; p++, ptr++) {
                if (ptr >= end)
                    RETURN_FAILURE;
                uint32_t a = *ptr, b = begin[p];
                bool same = op == SRE_OP_GROUPREF ? a == b
                    : op == SRE_OP_GROUPREF_IGNORE ? mod_sre_lower_ascii(a) == mod_sre_lower_ascii(b)
                    : op == SRE_OP_GROUPREF_UNI_IGNORE
                        ? mod_sre_lower_unicode(a) == mod_sre_lower_unicode(b)
                    : lower_locale(a) == lower_locale(b);
                if (!same)
                    RETURN_FAILURE;
            }
            pattern++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <g> <skip> yes <JUMP> no: the "no" branch
             * (at skip) unless group g+1 has matched */
            int ref = (int)pattern[0] * 2;
            if (ref >= st->lastmark || st->mark[ref] < 0 || st->mark[ref + 1] < 0 ||
                st->mark[ref + 1] < st->mark[ref]) {
                pattern += pattern[1];
                break;
            }
            pattern += 2;
            break;
        }

        case SRE_OP_ASSERT:
            /* <ASSERT> <skip> <back> pattern: look-ahead (back 0) or
             * look-behind from `back` characters earlier */
            if (POS(ptr) < (ssize_t)pattern[1])
                RETURN_FAILURE;
            st->ptr = POS(ptr) - (ssize_t)pattern[1];
            CALL0(JUMP_ASSERT, jump_assert, pattern + 2);
            RETURN_ON_FAILURE(ret);
            pattern += pattern[0];
            break;

        case SRE_OP_ASSERT_NOT:
            /* <ASSERT_NOT> <skip> <back> pattern: the opposite; whatever
             * marks the failed sub-pattern set are undone */
            if (POS(ptr) >= (ssize_t)pattern[1]) {
                st->ptr = POS(ptr) - (ssize_t)pattern[1];
                LASTMARK_SAVE();
                if (st->repeat >= 0)
                    save_marks(st, ctx->lastmark);
                CALL0(JUMP_ASSERT_NOT, jump_assert_not, pattern + 2);
                if (ret) {
                    if (st->repeat >= 0)
                        drop_marks(st, ctx->lastmark);
                    RETURN_ON_ERROR(ret);
                    RETURN_FAILURE;
                }
                if (st->repeat >= 0)
                    restore_marks(st, ctx->lastmark, true);
                LASTMARK_RESTORE();
            }
            pattern += pattern[0];
            break;

        case SRE_OP_FAILURE:
            RETURN_FAILURE;

        default:
            /* set members, SUBPATTERN: never an instruction of their own */
            RETURN_ERROR(SRE_ERROR_ILLEGAL);
        }
    }

leave:
    /* the current context is done: pop it and resume its caller */
    {
        int jump = ctx->jump;
        st->nctx--;
        if (st->nctx == base) {
            st->steps = steps;
            return ret;
        }
        REFRESH_CTX();
        pattern = ctx->pattern;
        ptr = begin + ctx->ptr;
        switch (jump) {
        case JUMP_MAX_UNTIL_1: goto jump_max_until_1;
        case JUMP_MAX_UNTIL_2: goto jump_max_until_2;
        case JUMP_MAX_UNTIL_3: goto jump_max_until_3;
        case JUMP_MIN_UNTIL_1: goto jump_min_until_1;
        case JUMP_MIN_UNTIL_2: goto jump_min_until_2;
        case JUMP_MIN_UNTIL_3: goto jump_min_until_3;
        case JUMP_REPEAT: goto jump_repeat;
        case JUMP_REPEAT_ONE: goto jump_repeat_one;
        case JUMP_MIN_REPEAT_ONE: goto jump_min_repeat_one;
        case JUMP_BRANCH: goto jump_branch;
        case JUMP_ASSERT: goto jump_assert;
        case JUMP_ASSERT_NOT: goto jump_assert_not;
        case JUMP_POSS_REPEAT_1: goto jump_poss_repeat_1;
        case JUMP_POSS_REPEAT_2: goto jump_poss_repeat_2;
        case JUMP_ATOMIC_GROUP: goto jump_atomic_group;
        }
        RETURN_ERROR(SRE_ERROR_STATE);
    }

#undef REFRESH_CTX
#undef REP
#undef POS
#undef RETURN_ERROR
#undef RETURN_FAILURE
#undef RETURN_SUCCESS
#undef RETURN_ON_ERROR
#undef RETURN_ON_SUCCESS
#undef RETURN_ON_FAILURE
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef SAVE_MARKS_IN_REPEAT
#undef DROP_MARKS_IN_REPEAT
#undef SUCCEED_OR_UNDO
#undef COUNT_ITEMS
#undef UNTIL_MINIMUM
#undef CALL_AT
#undef CALL
#undef CALL0
}

/* Search from st->start for the first position where the code matches,
 * using the INFO block's facts to skip positions that cannot: a literal
 * prefix (scanned for with its overlap table, as Knuth-Morris-Pratt), or a
 * set the first character must be in. */
static ssize_t SRE(search)(SreState *st, const SreCode *pattern)
{
#define POS_OF(p) ((ssize_t)((p) - begin))
/* a failed attempt leaves no groups behind for the next one */
#define RESET_CAPTURE() (st->lastmark = st->lastindex = -1)
    const SRE_CHAR *begin = st->beginning;
    const SRE_CHAR *ptr = begin + st->start;
    const SRE_CHAR *end = begin + st->endpos;
    ssize_t status = 0;
    ssize_t prefix_len = 0, prefix_skip = 0;
    const SreCode *prefix = NULL, *overlap = NULL, *charset = NULL;
    SreCode flags = 0;

    if (ptr > end)
        return 0;

    if (pattern[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap
         * | charset] */
        flags = pattern[2];
        if (pattern[3] && end - ptr < (ssize_t)pattern[3])
            return 0;
        if (pattern[3] > 1) {
            /* no match can start in the last min-1 characters */
            end -= pattern[3] - 1;
            if (end <= ptr)
                end = ptr;
        }
        if (flags & SRE_INFO_PREFIX) {
            prefix_len = pattern[5];
            prefix_skip = pattern[6];
            prefix = pattern + 7;
            overlap = prefix + prefix_len - 1;
        } else if (flags & SRE_INFO_CHARSET) {
            charset = pattern + 5;
        }
        pattern += 1 + pattern[1];
    }

    if (prefix_len == 1) {
        /* one literal character first: find it, then match the rest */
        SreCode c = prefix[0];
        end = begin + st->endpos;
        st->must_advance = false;
        while (ptr < end) {
            while ((SreCode)*ptr != c) {
                if (++ptr >= end)
                    return 0;
            }
            st->start = POS_OF(ptr);
            st->ptr = POS_OF(ptr) + prefix_skip;
            if (flags & SRE_INFO_LITERAL)
                return 1;
            status = SRE(match)(st, pattern + 2 * prefix_skip, false);
            if (status != 0)
                return status;
            ++ptr;
            RESET_CAPTURE();
        }
        return 0;
    }

    if (prefix_len > 1) {
        /* a longer prefix: overlap[i] says how much of the prefix is
         * still matched when its (i+1)-th character fails */
        end = begin + st->endpos;
        if (prefix_len > end - ptr)
            return 0;
        while (ptr < end) {
            SreCode c = prefix[0];
            while ((SreCode)*ptr++ != c) {
                if (ptr >= end)
                    return 0;
            }
            if (ptr >= end)
                return 0;
            ssize_t i = 1;
            st->must_advance = false;
            do {
                if ((SreCode)*ptr == prefix[i]) {
                    if (++i != prefix_len) {
                        if (++ptr >= end)
                            return 0;
                        continue;
                    }
                    /* the whole prefix is here */
                    st->start = POS_OF(ptr) - (prefix_len - 1);
                    st->ptr = POS_OF(ptr) - (prefix_len - prefix_skip - 1);
                    if (flags & SRE_INFO_LITERAL)
                        return 1;
                    status = SRE(match)(st, pattern + 2 * prefix_skip, false);
                    if (status != 0)
                        return status;
                    if (++ptr >= end)
                        return 0;
                    RESET_CAPTURE();
                }
                i = overlap[i];
            } while (i != 0);
        }
        return 0;
    }

    if (charset) {
        /* the first character is in a known set: skip to one that is */
        end = begin + st->endpos;
        st->must_advance = false;
        for (;;) {
            while (ptr < end && !in_set(charset, *ptr))
                ptr++;
            if (ptr >= end)
                return 0;
            st->start = st->ptr = POS_OF(ptr);
            status = SRE(match)(st, pattern, false);
            if (status != 0)
                break;
            ptr++;
            RESET_CAPTURE();
        }
        return status;
    }

    /* nothing known: try every position; only the first may be the one
     * an empty match must not repeat (must_advance) */
    st->start = st->ptr = POS_OF(ptr);
    status = SRE(match)(st, pattern, true);
    st->must_advance = false;
    if (status == 0 && pattern[0] == SRE_OP_AT &&
        (pattern[1] == SRE_AT_BEGINNING || pattern[1] == SRE_AT_BEGINNING_STRING)) {
        /* anchored at the start of the subject: no later position */
        st->start = st->ptr = POS_OF(end);
        return 0;
    }
    while (status == 0 && ptr < end) {
        ptr++;
        RESET_CAPTURE();
        st->start = st->ptr = POS_OF(ptr);
        status = SRE(match)(st, pattern, false);
    }
    return status;
#undef POS_OF
#undef RESET_CAPTURE
}
