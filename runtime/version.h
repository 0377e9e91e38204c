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

#endif
