/*
 * nopopulate.c -- an LD_PRELOAD shim whose madvise(2) always fails, so that
 * pvm's start-up populates nothing (runtime/gc.c, populate()) and every page
 * start-up writes faults once: `perf stat -e page-faults` then counts the
 * pages written, whether pvm would have populated them or not
 * (bench/README.md, "start-up, ninth round").
 *
 *   cc -shared -fPIC -o build/nopopulate.so bench/tools/nopopulate.c
 *   env -u PYTHONUNBUFFERED LD_PRELOAD=$PWD/build/nopopulate.so \
 *       perf stat -r 40 -e page-faults ./pvm examples/__pycache__/hello.cpython-311.pyc
 */
#include <errno.h>
#include <stddef.h>

int madvise(void *addr, size_t length, int advice)
{
    (void)addr;
    (void)length;
    (void)advice;
    errno = EINVAL;
    return -1;
}
