/*
 * version.h — pvm's own version: `pvm --version` prints it, and
 * sys.version names it beside the CPython version whose bytecode pvm runs.
 */
#ifndef PVM_VERSION_H
#define PVM_VERSION_H

#define PVM_VERSION "0.1.0"

#endif
