/*
 * version.h — pvm's own version: `pvm --version` prints it, and
 * sys.version names it beside the CPython version whose bytecode pvm runs.
 */
#ifndef PVM_VERSION_H
#define PVM_VERSION_H

#define PVM_VERSION "0.1.0"

/* The minor version of the CPython bytecode this process runs: 11 (the
 * default), 12 or 13.  Chosen once, before anything is loaded, by the
 * magic number of the main .pyc or by --python=3.12 / --python=3.13 (tools/main.c); every code
 * object, sys.version_info, the cache tag, the standard library and the
 * compile service follow it.  Defined in runtime/code.c. */
extern int rt_py_minor;

/* The platform triplet Debian's CPython is built for (sys.implementation.
 * _multiarch, and the tag in C extensions' file names, ".cpython-311-
 * x86_64-linux-gnu.so"), told by the compiler's target as CPython's
 * configure tells it (Misc/platform_triplet.c): Linux with glibc. */
#if defined(__x86_64__) && defined(__ILP32__)
#define PVM_MULTIARCH "x86_64-linux-gnux32"
#elif defined(__x86_64__)
#define PVM_MULTIARCH "x86_64-linux-gnu"
#elif defined(__aarch64__) && defined(__AARCH64EB__)
#define PVM_MULTIARCH "aarch64_be-linux-gnu"
#elif defined(__aarch64__)
#define PVM_MULTIARCH "aarch64-linux-gnu"
#elif defined(__i386__)
#define PVM_MULTIARCH "i386-linux-gnu"
#elif defined(__riscv) && __riscv_xlen == 64
#define PVM_MULTIARCH "riscv64-linux-gnu"
#elif defined(__powerpc64__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define PVM_MULTIARCH "powerpc64le-linux-gnu"
#elif defined(__s390x__)
#define PVM_MULTIARCH "s390x-linux-gnu"
#elif defined(__arm__) && defined(__ARM_PCS_VFP)
#define PVM_MULTIARCH "arm-linux-gnueabihf"
#elif defined(__arm__)
#define PVM_MULTIARCH "arm-linux-gnueabi"
#else
#error "pvm: no platform triplet known for this target (runtime/version.h)"
#endif

#endif
