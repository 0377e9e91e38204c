/*
 * main.c — the `pvm` command: load a .pyc, run it as __main__, and exit
 * with the status python3.11 would.
 *
 *   pvm [options] FILE.pyc [args...]
 *
 * Exit status: 0 on success, 1 for an uncaught exception or a file that
 * cannot be loaded, 2 for a usage error; SystemExit sets its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "vm/config.h"
#include "vm/vm.h"
#include "vm/tools.h"

static const char usage_text[] =
    "usage: pvm [option] ... file.pyc [arg] ...\n"
    "Run CPython 3.11 bytecode (a .pyc file written by python3.11 -m py_compile).\n"
    "Options:\n"
    "  -h, --help   print this help message and exit\n"
    "  --version    print the version number and exit\n"
    "Tools:\n"
    "  pvm dis FILE.pyc    disassemble, exactly as python3.11's dis.dis prints it\n"
    "  pvm info FILE.pyc   explain the header and summarise each code object\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: pvm [option] ... file.pyc [arg] ...\n"
                    "Try `pvm -h' for more information.\n");
    return 2;
}

/* The exit status for an uncaught SystemExit, printing its message if it
 * carries one that is not an int (as python3.11 does). */
static int system_exit_status(Value exc)
{
    Value args = AS_EXC(exc)->args;
    Value code = rt_tuple_len(args) == 0 ? rt_None
               : rt_tuple_len(args) == 1 ? rt_tuple_get(args, 0) : args;
    if (code == rt_None)
        return 0;
    int64_t status;
    if (is_int(code) && rt_int_as_i64(code, &status))
        return (int)(status & 0xff);
    rt_stdout_flush();
    Value s = rt_str(code);
    if (s != VAL_NULL)
        fprintf(stderr, "%s\n", rt_str_cstr(s));
    return 1;
}

/* A fresh __main__ module's globals for the script at path. */
static Value main_globals(const char *path)
{
    Value globals = rt_dict_new();
    rt_dict_set_cstr(globals, "__name__", rt_str_from_cstr("__main__"));
    rt_dict_set_cstr(globals, "__doc__", rt_None);
    rt_dict_set_cstr(globals, "__file__", rt_str_from_cstr(path));
    rt_dict_set_cstr(globals, "__builtins__", rt_builtins_dict);
    return globals;
}

static int run_file(const char *path)
{
    char err[512];
    PycHeader header;
    Value code = ld_load_pyc_file(path, &header, err, sizeof err);
    if (code == VAL_NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    Value result = vm_run_module(AS_CODE(code), main_globals(path));
    if (result != VAL_NULL) {
        rt_stdout_flush();
        return 0;
    }
    Value exc = rt_err_fetch();
    if (rt_isinstance_of(exc, &rt_SystemExit))
        return system_exit_status(exc);
    rt_print_exception(exc);
    if (rt_isinstance_of(exc, &rt_KeyboardInterrupt))
        return 130;
    return 1;
}

int main(int argc, char **argv)
{
    int tool_status = vm_tool_main(argc, argv);
    if (tool_status >= 0)
        return tool_status;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "-h") == 0 || strcmp(opt, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(opt, "--version") == 0 || strcmp(opt, "-V") == 0) {
            printf("pvm %s (runs Python 3.11 bytecode)\n", PVM_VERSION);
            return 0;
        }
        if (strcmp(opt, "--") == 0) {
            i++;
            break;
        }
        return usage_error("pvm: unknown option %s\n", opt);
    }
    if (i >= argc)
        return usage_error("pvm: %sno file to run\n", "");
    rt_init();
    int status = run_file(argv[i]);
    rt_stdout_flush();
    return status;
}
