/*
 * import.h — the import system: finding modules (built-in C modules, then
 * .py files with their cached bytecode in __pycache__, and sourceless .pyc
 * files, along sys.path) and running each once into sys.modules.
 *
 * The eval loop's IMPORT_NAME / IMPORT_FROM / IMPORT_STAR call the first
 * three; the command line (tools/main.c) uses the rest to run a script or a
 * module (-m) as __main__.  What CPython 3.11's importlib does, and where
 * pvm differs, is described at the top of import.c.
 */
#ifndef PVM_IMPORT_H
#define PVM_IMPORT_H

#include <stdbool.h>
#include "runtime/object.h"

/* IMPORT_NAME: __import__(name, globals, None, fromlist, level). */
Value ld_import_name(Value name, Value globals, Value fromlist, int level);
/* The import statement (IMPORT_NAME) of the running frame: its builtins'
 * __import__ (ImportError if they have none); pvm's own goes to
 * ld_import_name, any other is called with (name, globals, locals or None,
 * fromlist, level), as CPython does, so that replacing builtins.__import__
 * hooks every import statement.  (The frame's builtins and locals are read
 * here, not passed by the eval loop: more there changes what its stack
 * frame keeps for the conservative collector, and a coroutine dropped
 * after an import stayed alive in async/coroutine_origin.) */
Value ld_import_statement(Value name, Value globals, Value fromlist, int level);
/* IMPORT_FROM: module.name, or the submodule module.name. */
Value ld_import_from(Value module, Value name);
/* IMPORT_STAR: copy the module's public names (or __all__) into locals;
 * 0 on success, -1 on error. */
int ld_import_star(Value module, Value locals);

/* Create sys, builtins' __import__ and open(); idempotent (the import
 * functions above call it on first use). */
void ld_import_init(void);

/* Import importlib and install CPython's finders (sys.meta_path,
 * sys.path_hooks, sys.path_importer_cache) as its start-up does; true
 * when they are there (or being installed), false without a standard
 * library or on error (exception set). */
bool ld_import_install(void);

/* Before __main__'s code runs: a program that names __loader__ (print(
 * __loader__) under -c) gets importlib installed first, so that __main__
 * has the loader CPython's start-up gives it (import.c, give_main_loader);
 * other programs keep __loader__ None and never pay for importlib. */
void ld_prepare_main(Value code);

/* A new sys.path_importer_cache: a dict holding the None of each entry of
 * sys.path pvm's finder has found to name nothing so far (import.c). */
Value ld_new_importer_cache(void);

/* _imp.create_builtin: a new instance of built-in module `name`. */
Value ld_create_builtin(Value name);

/* _imp._fix_co_filename: code objects (nested ones too) that name the
 * file code's co_filename names now name `path`. */
void ld_fix_co_filename(Value code, Value path);

/* `import name` with an absolute dotted name: the module itself (not the
 * top-level package).  VAL_NULL with the exception set on failure. */
Value ld_import_module(const char *name);

/* The code object to run for a .py file: its cached bytecode
 * (__pycache__/NAME.cpython-311[.opt-N].pyc), validated against the source
 * as importlib does.  When there is no up-to-date pyc, raises ImportError
 * explaining how to make one (see import.c) and returns VAL_NULL.  *cached
 * receives the pyc's path (may be NULL). */
Value ld_code_from_source(const char *py_path, const char *modname, Value *cached);

/* The code object of a sourceless .pyc; VAL_NULL + ImportError if unreadable. */
Value ld_code_from_pyc(const char *pyc_path, const char *modname);

/* What `-m name` runs: runpy._get_module_details' answer. */
typedef struct LdMainModule {
    Value code;
    Value file;                 /* __file__ and sys.argv[0]: the module's file */
    Value package;              /* __package__: "" at top level */
    Value cached;               /* __cached__ */
    Value modname;              /* its full name: name.__main__ for a package */
    Value spec;                 /* importlib's spec when importlib found it (a zip
                                 * archive), VAL_NULL when pvm's finder did */
} LdMainModule;

/* Where `-m name` finds its code: imports the parent packages, then
 * locates name (for a package, name.__main__) and fills *target.  1 found;
 * 0 not runnable, with an ImportError whose message is what python prints
 * after "python3.11: "; -1 an exception to report with its traceback (the
 * parent package's __init__ raised). */
int ld_find_main_module(const char *name, LdMainModule *target);

/* __spec__ and __loader__ of the `-m` module, as runpy sets them (imports
 * importlib).  false + exception on failure. */
bool ld_set_main_spec(Value module, const LdMainModule *target);

#endif
