/*
 * compile.h — the compile service: Python source to code objects.
 *
 * pvm has no compiler of its own; the bytecode it runs is always
 * CPython's.  Source met at run time (compile(), exec/eval of a string,
 * `pvm -c`, a .py without up-to-date cached bytecode, the interactive
 * prompt) is compiled by python3.11 running as a co-process, started on
 * the first request and kept until pvm ends (compile.c explains the
 * protocol and the process's life).  The reply is a .pyc image, loaded by
 * pvm's own loader (loader/pyc.h) like any file.
 *
 * Which python3.11: the environment variable PVM_COMPILER when set and not
 * empty, else the one the Makefile's PYTHON named at build time
 * (ld_compiler_path()).
 *
 * Every function returns VAL_NULL with an exception set on failure:
 *   - what python3.11's compile() raised (SyntaxError, IndentationError,
 *     TabError with all their attributes; ValueError for a null byte; ...);
 *   - RuntimeError when the service cannot work: the compiler cannot be
 *     started (the message names it and PVM_COMPILER), is not Python 3.11,
 *     or ended unexpectedly (the next request starts a new one).
 * Requests are serialised by a lock, so any thread may call them.
 */
#ifndef PVM_COMPILE_H
#define PVM_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include "runtime/object.h"

/* compile()'s flags that pvm itself looks at (Include/cpython/compile.h). */
enum {
    LD_CF_ONLY_AST = 0x400,             /* ask for an AST (modules/ast.c) */
    LD_CF_FUTURE_MASK = 0x1FE0000,      /* the CO_FUTURE_* bits (PyCF_MASK) */
};

/* compile(source, filename, mode, flags, dont_inherit=True, optimize):
 * source is a str (a coding cookie is ignored) or bytes (it counts); mode
 * "exec", "eval" or "single"; flags as compile() takes them, the caller's
 * __future__ features already merged in; optimize 0, 1 or 2. */
Value ld_compile(Value source, Value filename, const char *mode, int flags, int optimize);
/* The same with compile()'s _feature_version: the minor version whose
 * grammar an AST is parsed with (ast.parse's feature_version), or -1. */
Value ld_compile_feature(Value source, Value filename, const char *mode, int flags, int optimize,
                         int feature_version);

/* One input of the interactive prompt (the lines typed so far, joined by
 * "\n"), compiled in 'single' mode as CPython's codeop decides: the code
 * object; or VAL_NULL with *incomplete set and no exception when the
 * statement needs more lines; or VAL_NULL with the exception. */
Value ld_compile_interactive(Value source, Value filename, int flags, bool *incomplete);

/* The program `python3.11 FILE` or `python3.11 < FILE` would run: source
 * (bytes) compiled in 'exec' mode, with the errors python3.11's file
 * reader reports where they differ from compile()'s (a source that is not
 * UTF-8, an unknown coding cookie, a block missing at the end of the
 * file; compile_service.py's script_error). */
Value ld_compile_script(Value source, Value filename, int optimize);

/* The import system's request: a source file's bytes compiled in 'exec'
 * mode, as importlib's SourceLoader.source_to_code does.  *pyc receives
 * the .pyc image to cache, with the header `pyc_header` asks for:
 * "timestamp MTIME SIZE" or "hash 0|1" (unchecked/checked, PEP 552). */
Value ld_compile_file(const char *path, const unsigned char *source, size_t size,
                      int optimize, const char *pyc_header, Value *pyc);

/* _tokenize.TokenizerIter of CPython 3.12+ (modules/tokenize.c), by the
 * compile service's CPython: the tokens of a whole source (a str, or bytes
 * in `encoding`, VAL_NULL for none), each the tuple (type, string, (row,
 * col), (row, col), line) its TokenizerIter yields.  *error receives the
 * exception that ended them early (not raised), else VAL_NULL.  VAL_NULL +
 * exception when the service cannot answer. */
Value ld_tokenize(Value source, Value encoding, bool extra_tokens, Value *error);

/* NULL when the service is running (it is started if need be), else why it
 * cannot run (e.g. "'/x/python3.11' cannot be run: [Errno 2] No such file
 * or directory"): the import system then asks for a cached .pyc instead. */
const char *ld_compiler_unavailable(void);

/* The python3.11 the service runs (PVM_COMPILER, or the built-in path). */
const char *ld_compiler_path(void);

/* Install the builtins compile(), exec() and eval() (exec.c). */
void ld_exec_init(void);

#endif
