/*
 * monitoring.h — sys.monitoring (PEP 669) for 3.12 and later bytecode
 * (vm/monitoring.c).  The events reach it through vm/systrace.c's hooks,
 * which run only while vm_trace_on is set: with no event on, nothing here
 * is called.
 */
#ifndef PVM_MONITORING_H
#define PVM_MONITORING_H

#include "runtime/object.h"
#include "vm/frame.h"

/* Some tool has some event on (part of vm_trace_on). */
extern bool vm_monitor_on;

/* Before `instr` runs in f (prev_instr: the one the frame ran before):
 * PY_START/PY_RESUME, JUMP/BRANCH, LINE, INSTRUCTION, PY_RETURN/PY_YIELD,
 * CALL.  0, or -1 with an exception a callback raised, or 1 when a LINE
 * callback set f_lineno (the frame goes on at frame->next_instr). */
int vm_monitor_instruction(Frame *f, const uint16_t *instr, const uint16_t *prev_instr,
                            Value *sp);
/* The whole oparg of the instruction at `instr` in f's code, its
 * EXTENDED_ARG prefixes included (never an inline cache taken for one). */
int vm_instr_oparg(const Frame *f, const uint16_t *instr);
/* With the exception set: RAISE (which 0), EXCEPTION_HANDLED (1, at the
 * handler: code unit `unit`), PY_UNWIND (2); unit -1: where the frame is.
 * false when a callback raised (its exception replaces the other). */
bool vm_monitor_exception(Frame *f, int which, int unit);
/* STOP_ITERATION: a generator (receiver) ended FOR_ITER (value VAL_NULL:
 * its StopIteration, if any, is set and stays set), or SEND's receiver, a
 * generator or coroutine, returned value.  false if a callback raised. */
bool vm_monitor_stop_iteration(Frame *f, Value receiver, Value value);
/* PY_THROW for a generator's frame that throw() resumes (the exception
 * set; a callback's that raised replaces it). */
void vm_monitor_throw(Frame *f);
/* callable(*args) for a CALL of something that is no Python function, then
 * C_RETURN or C_RAISE. */
Value vm_monitor_c_call(Frame *f, Value callable, Value *args, size_t nargs, Value kwnames);
/* Every tool freed and every event off, as at start-up. */
void vm_monitoring_reset(void);
/* The module sys.monitoring (3.12 and later). */
Value vm_monitoring_module(void);

#endif
