/*
 * eval_goto.c — the `goto` strategy: computed goto through a label table
 * (the template vm/eval_goto.h, explained there), with no hook.
 */
#define LOOP_FUNCTION vm_eval_goto
#define DISPATCH_HOOK(first) ((void)0)
#include "vm/eval_goto.h"
