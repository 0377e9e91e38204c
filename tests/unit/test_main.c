/*
 * test_main.c — runs every unit suite and prints Check's summary line.
 */
#include <stdlib.h>
#include <unistd.h>
#include "tests/unit/unit.h"
#include "runtime/runtime.h"

const char *unit_python(void)
{
    const char *p = getenv("PYTHON");
    if (p && *p)
        return p;
    return access("/usr/bin/python3.11", X_OK) == 0 ? "/usr/bin/python3.11" : "python3.11";
}

int main(void)
{
    rt_init();
    SRunner *runner = srunner_create(NULL);
#define ADD_SUITE(name) srunner_add_suite(runner, name());
    PVM_UNIT_SUITES(ADD_SUITE)
#undef ADD_SUITE
    /* No fork: the GC heap and runtime state are set up once. */
    srunner_set_fork_status(runner, CK_NOFORK);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
