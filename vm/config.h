/*
 * config.h — pvm's build switches, each with its default.
 *
 * PVM_DISPATCH_GOTO / PVM_DISPATCH_SWITCH
 *     How the eval loop jumps from one instruction's body to the next.
 *     GOTO (the default, `make DISPATCH=goto`): GCC/clang "labels as values";
 *     every body ends with its own indirect jump through a 256-entry label
 *     table, which gives the branch predictor one prediction site per opcode.
 *     SWITCH (`make DISPATCH=switch`): a portable `switch` in a loop, one
 *     shared indirect jump.  The bodies are identical; see vm/dispatch.h.
 *
 * PVM_DEBUG
 *     Enables stack-bound assertions in the eval loop (off by default;
 *     `make OPT="-O0 -DPVM_DEBUG"`).
 *
 * PVM_RECURSION_LIMIT
 *     Default for sys.getrecursionlimit(): Python frames (and C re-entries
 *     of the loop) deeper than this raise RecursionError.  CPython: 1000.
 */
#ifndef PVM_CONFIG_H
#define PVM_CONFIG_H

#if !defined(PVM_DISPATCH_GOTO) && !defined(PVM_DISPATCH_SWITCH)
#  if defined(__GNUC__)
#    define PVM_DISPATCH_GOTO 1
#  else
#    define PVM_DISPATCH_SWITCH 1
#  endif
#endif

#ifndef PVM_RECURSION_LIMIT
#define PVM_RECURSION_LIMIT 1000
#endif

#define PVM_VERSION "0.1.0"

#endif
