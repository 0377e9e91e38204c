/*
 * unit.h — the Check suites of pvm's unit tests.  Each test_*.c file
 * defines one suite; test_main.c runs them all after rt_init().
 */
#ifndef PVM_UNIT_H
#define PVM_UNIT_H

#include <check.h>

#define PVM_UNIT_SUITES(X) \
    X(opcodes_suite)       \
    X(loader_suite)        \
    X(numbers_suite)       \
    X(str_suite)           \
    X(containers_suite)    \
    X(exceptions_suite)    \
    X(dis_suite)           \
    X(siphash_suite)       \
    X(sre_suite)

#define DECLARE_SUITE(name) Suite *name(void);
PVM_UNIT_SUITES(DECLARE_SUITE)
#undef DECLARE_SUITE

/* Path of python3.11 for tests that compile fixtures (env PYTHON). */
const char *unit_python(void);

#endif
