/*
 * config.h — pvm's build switches, each with its default.
 *
 * The dispatch strategy is not among them: every strategy is built into
 * the one binary and chosen at run time (pvm --dispatch=NAME; the list and
 * the default: pvm --list-dispatch; the explanation and the measurements:
 * vm/README.md).  The one build-time question is whether the compiler can
 * build the `tailcall` strategy: the Makefile answers it and defines
 * PVM_HAVE_TAILCALL when it can.
 *
 * PVM_HAVE_TAILCALL
 *     Defined (by the Makefile) when vm/eval_tailcall.c is built, i.e. when
 *     $(CC) or clang supports __attribute__((musttail)).  Adds "tailcall"
 *     to the strategies in vm/eval.c.
 *
 * PVM_RECURSION_LIMIT
 *     Default for sys.getrecursionlimit(): Python frames (and C re-entries
 *     of the loop) deeper than this raise RecursionError.  CPython: 1000.
 */
#ifndef PVM_CONFIG_H
#define PVM_CONFIG_H

#ifndef PVM_RECURSION_LIMIT
#define PVM_RECURSION_LIMIT 1000
#endif

#endif
