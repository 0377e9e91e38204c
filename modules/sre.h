/*
 * sre.h — what the three files of the `_sre` module share: the engine's
 * instruction set, the state of one search, and the entry points.
 *
 * `_sre` is the regular-expression engine under CPython's own Lib/re/.
 * Python code does the language work: re/_parser.py parses a pattern and
 * re/_compiler.py turns the parse tree into a list of 32-bit code words
 * for `_sre.compile`, which checks them (sre_validate.c) and keeps them in
 * a Pattern object (sre.c).  Matching interprets those words against the
 * characters of a str or bytes subject (sre_match.c, sre_engine.h) — a
 * backtracking machine whose own stack replaces C recursion, so no pattern
 * and no subject can overflow the C stack.
 *
 * The code is position-independent: every jump is a forward offset counted
 * in words from the word holding it.  The opcodes, the AT_* and CATEGORY_*
 * operands and the flags are numbered exactly as CPython 3.11's
 * Lib/re/_constants.py numbers them (a unit test compares the lists with
 * python3.11's), because the compiler that writes the code is CPython's.
 */
#ifndef PVM_SRE_H
#define PVM_SRE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "runtime/object.h"

/* _constants.MAGIC: re/_compiler.py refuses an engine with another. */
#define SRE_MAGIC 20220615
/* 3.12's: its compiler checks look-behind widths itself and emits a
 * group's width unclipped; the engine is the same. */
#define SRE_MAGIC_312 20221023
/* 3.13's: SRE_FLAG_TEMPLATE is gone; the engine is the same. */
#define SRE_MAGIC_313 20230612

/* One code word (CODESIZE 4): an opcode, an operand, a character, a skip. */
typedef uint32_t SreCode;

/* An unbounded repeat's maximum, and the most groups a pattern may have
 * (CPython's values on a 64-bit machine). */
#define SRE_MAXREPEAT ((SreCode)0xFFFFFFFFu)
#define SRE_MAXGROUPS ((SreCode)(INT32_MAX / 2))

/* ---- The instruction set ----------------------------------------------------
 * In _constants.py order (the number is the position).  Layouts, as the
 * engine reads them ("skip" words count from the word holding them):
 *
 *   FAILURE / SUCCESS                      end of a (sub)pattern
 *   ANY / ANY_ALL                          any character but '\n' / any
 *   ASSERT, ASSERT_NOT  skip back pattern SUCCESS   look-ahead (back 0) or
 *                                          look-behind (back = its width)
 *   AT code                                a position (AT_* below)
 *   BRANCH  (skip alternative JUMP)... 0   alternatives, tried in order
 *   CATEGORY code                          a class (CATEGORY_* below)
 *   CHARSET bitmap[8] / BIGCHARSET n map[64] blocks[8n]   (inside sets)
 *   GROUPREF g (+_IGNORE ...)              the text group g matched
 *   GROUPREF_EXISTS g skip yes (JUMP skip no)   (?(g)yes|no)
 *   IN skip set FAILURE (+_IGNORE ...)     one character in a set
 *   INFO skip flags min max [prefix | charset]  facts for the search
 *   JUMP skip                              forward
 *   LITERAL c / NOT_LITERAL c (+_IGNORE ...)   one character (not) equal
 *   MARK n                                 a group boundary: 2g start, 2g+1 end
 *   REPEAT skip min max item MAX_UNTIL|MIN_UNTIL tail   general repeat
 *   REPEAT_ONE / MIN_REPEAT_ONE / POSSESSIVE_REPEAT_ONE
 *           skip min max item SUCCESS tail   repeat of a one-character item
 *   POSSESSIVE_REPEAT skip min max item SUCCESS tail
 *   ATOMIC_GROUP skip pattern SUCCESS tail     (?>...)
 *   NEGATE / RANGE lo hi / RANGE_UNI_IGNORE lo hi   (inside sets)
 *   SUBPATTERN                              parser only, never in code
 */
#define SRE_OPCODES(X)                                                      \
    X(FAILURE) X(SUCCESS) X(ANY) X(ANY_ALL) X(ASSERT) X(ASSERT_NOT) X(AT)  \
    X(BRANCH) X(CATEGORY) X(CHARSET) X(BIGCHARSET) X(GROUPREF)             \
    X(GROUPREF_EXISTS) X(IN) X(INFO) X(JUMP) X(LITERAL) X(MARK)            \
    X(MAX_UNTIL) X(MIN_UNTIL) X(NOT_LITERAL) X(NEGATE) X(RANGE) X(REPEAT)  \
    X(REPEAT_ONE) X(SUBPATTERN) X(MIN_REPEAT_ONE) X(ATOMIC_GROUP)          \
    X(POSSESSIVE_REPEAT) X(POSSESSIVE_REPEAT_ONE)                          \
    X(GROUPREF_IGNORE) X(IN_IGNORE) X(LITERAL_IGNORE) X(NOT_LITERAL_IGNORE) \
    X(GROUPREF_LOC_IGNORE) X(IN_LOC_IGNORE) X(LITERAL_LOC_IGNORE)          \
    X(NOT_LITERAL_LOC_IGNORE)                                              \
    X(GROUPREF_UNI_IGNORE) X(IN_UNI_IGNORE) X(LITERAL_UNI_IGNORE)          \
    X(NOT_LITERAL_UNI_IGNORE) X(RANGE_UNI_IGNORE)

/* AT operands: where a position is. */
#define SRE_ATCODES(X)                                                      \
    X(AT_BEGINNING) X(AT_BEGINNING_LINE) X(AT_BEGINNING_STRING)            \
    X(AT_BOUNDARY) X(AT_NON_BOUNDARY) X(AT_END) X(AT_END_LINE)             \
    X(AT_END_STRING) X(AT_LOC_BOUNDARY) X(AT_LOC_NON_BOUNDARY)             \
    X(AT_UNI_BOUNDARY) X(AT_UNI_NON_BOUNDARY)

/* CATEGORY operands: the character classes \d \s \w and "line break",
 * each in its ASCII, LOCALE and Unicode form, and negated. */
#define SRE_CHCODES(X)                                                      \
    X(CATEGORY_DIGIT) X(CATEGORY_NOT_DIGIT) X(CATEGORY_SPACE)              \
    X(CATEGORY_NOT_SPACE) X(CATEGORY_WORD) X(CATEGORY_NOT_WORD)            \
    X(CATEGORY_LINEBREAK) X(CATEGORY_NOT_LINEBREAK) X(CATEGORY_LOC_WORD)   \
    X(CATEGORY_LOC_NOT_WORD) X(CATEGORY_UNI_DIGIT) X(CATEGORY_UNI_NOT_DIGIT) \
    X(CATEGORY_UNI_SPACE) X(CATEGORY_UNI_NOT_SPACE) X(CATEGORY_UNI_WORD)   \
    X(CATEGORY_UNI_NOT_WORD) X(CATEGORY_UNI_LINEBREAK)                     \
    X(CATEGORY_UNI_NOT_LINEBREAK)

#define SRE_ENUM_OP(name) SRE_OP_##name,
#define SRE_ENUM_CODE(name) SRE_##name,
enum { SRE_OPCODES(SRE_ENUM_OP) SRE_NOPCODES };
enum { SRE_ATCODES(SRE_ENUM_CODE) SRE_NATCODES };
enum { SRE_CHCODES(SRE_ENUM_CODE) SRE_NCHCODES };
#undef SRE_ENUM_OP
#undef SRE_ENUM_CODE

/* Compile flags (Pattern.flags), as re.RegexFlag. */
enum {
    SRE_FLAG_TEMPLATE = 1, SRE_FLAG_IGNORECASE = 2, SRE_FLAG_LOCALE = 4,
    SRE_FLAG_MULTILINE = 8, SRE_FLAG_DOTALL = 16, SRE_FLAG_UNICODE = 32,
    SRE_FLAG_VERBOSE = 64, SRE_FLAG_DEBUG = 128, SRE_FLAG_ASCII = 256,
};

/* INFO flags: what the search may assume about where a match starts. */
enum {
    SRE_INFO_PREFIX = 1,        /* every match starts with a literal prefix */
    SRE_INFO_LITERAL = 2,       /* ... and the prefix is the whole pattern */
    SRE_INFO_CHARSET = 4,       /* every match starts with a char of a set */
};

/* ---- Matching ------------------------------------------------------------- */

/* Results of sre_match / sre_search: 1 matched, 0 no match, negative an
 * error (the Python exception is raised by the caller, sre.c, except for
 * INTERRUPTED, whose KeyboardInterrupt is already set). */
enum {
    SRE_ERROR_ILLEGAL = -1,     /* an opcode where none may be */
    SRE_ERROR_STATE = -2,       /* an UNTIL without its REPEAT */
    SRE_ERROR_RECURSION_LIMIT = -3,
    SRE_ERROR_MEMORY = -9,
    SRE_ERROR_INTERRUPTED = -10,
};

/* A REPEAT in progress: how many times its item has matched, and where the
 * last try of the item started (to stop an item that matches empty from
 * repeating forever). */
typedef struct SreRepeat {
    ssize_t count;
    const SreCode *pattern;     /* the REPEAT's operands: skip min max item */
    ssize_t last_ptr;           /* -1: none yet */
    int prev;                   /* the enclosing REPEAT's context, or -1 */
} SreRepeat;

typedef struct SreContext SreContext;   /* private to sre_engine.h */

/* One search over one subject.  Positions are character indices into the
 * whole subject (a str's code points, or bytes); marks are -1 when unset. */
typedef struct SreState {
    /* the subject: its characters, 1, 2 or 4 bytes each (bytes and ASCII
     * text 1; other text in the narrowest that holds it, str.c's
     * rt_str_chars) */
    const void *beginning;
    int charsize;
    bool isbytes;
    ssize_t length;
    Value string;               /* the str or bytes-like object */
    ssize_t pos, endpos;        /* the slice searched, clamped to the subject */
    /* the current attempt */
    ssize_t start;              /* where the match being tried starts */
    ssize_t ptr;                /* the engine's position; the match's end */
    bool match_all;             /* fullmatch: SUCCESS only at endpos */
    bool must_advance;          /* after an empty match: not empty at start */
    /* group boundaries: mark[2g], mark[2g+1] for group g+1 */
    int lastmark;               /* highest mark set, -1 none */
    int lastindex;              /* Match.lastindex: last group closed, -1 */
    ssize_t *mark;              /* mark_space, or allocated for many groups */
    size_t nmarks;
    ssize_t mark_space[32];
    /* the engine's stacks (grown on demand, reused across attempts) */
    SreContext *ctx;
    size_t nctx, ctx_cap;
    ssize_t *saved;             /* saved marks and repeat positions */
    size_t nsaved, saved_cap;
    int repeat;                 /* the innermost REPEAT's context, or -1 */
    int count_depth;            /* sre_match nested in a repeat count */
    unsigned steps;             /* instructions run (Ctrl-C is polled) */
} SreState;

/* Forget the marks and stacks of the previous attempt. */
void mod_sre_state_reset(SreState *st);
/* The engine's stacks: a search borrows the ones the last finished search
 * gave back (most calls of re functions would otherwise allocate them
 * afresh), and gives them back when done.  A state never given back (a
 * Scanner's) keeps its own. */
void mod_sre_state_borrow_stacks(SreState *st);
void mod_sre_state_give_back_stacks(SreState *st);

/* Match `code` at st->start (st->ptr == st->start): 1 and st->ptr at the
 * match's end, 0, or an error. */
ssize_t mod_sre_match(SreState *st, const SreCode *code);
/* Find the first match at or after st->start: 1 with st->start and
 * st->ptr bounding it, 0, or an error. */
ssize_t mod_sre_search(SreState *st, const SreCode *code);

/* Check code[0..n) the way CPython's _validate does, so that the engine
 * never reads outside the code or the marks: false when it is not code
 * re/_compiler.py could have written for `groups` groups. */
bool mod_sre_validate(const SreCode *code, size_t n, ssize_t groups);

/* The character functions the module exposes (unicode_tolower ...) and the
 * engine uses: CPython 3.11's, over Unicode 14.0. */
uint32_t mod_sre_lower_ascii(uint32_t ch);
uint32_t mod_sre_lower_unicode(uint32_t ch);
uint32_t mod_sre_upper_unicode(uint32_t ch);

#endif
