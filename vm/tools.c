/*
 * tools.c — the entry point of `pvm dis` and `pvm info` (see tools.h).
 *
 * Both load the file exactly as `pvm FILE.pyc` would (loader/pyc.h checks
 * the header and every byte of the marshalled body), then print instead of
 * running.  The work is done by vm/dis.c and vm/info.c.
 */
#include <string.h>
#include "loader/pyc.h"
#include "runtime/runtime.h"
#include "vm/dis.h"
#include "vm/tools.h"

typedef void (*ToolFunc)(const char *path, const PycHeader *header, const ObjCode *code);

static void run_dis(const char *path, const PycHeader *header, const ObjCode *code)
{
    vm_dis_recursive(stdout, code);
}

static void run_info(const char *path, const PycHeader *header, const ObjCode *code)
{
    vm_info_header(stdout, path, header);
    fputc('\n', stdout);
    vm_info_code_recursive(stdout, code);
}

static const struct {
    const char *name;
    ToolFunc run;
} tools[] = {
    { "dis", run_dis },
    { "info", run_info },
};

/* Load the file and hand its top-level code object to the tool. */
static int run_tool(const char *name, ToolFunc run, int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: pvm %s FILE.pyc\n", name);
        return 2;
    }
    rt_init();
    char err[512];
    PycHeader header;
    Value code = ld_load_pyc_file(argv[2], &header, err, sizeof err);
    if (code == VAL_NULL) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    run(argv[2], &header, AS_CODE(code));
    return fflush(stdout) == 0 ? 0 : 1;
}

int vm_tool_main(int argc, char **argv)
{
    if (argc < 2)
        return -1;
    for (size_t i = 0; i < sizeof tools / sizeof tools[0]; i++)
        if (strcmp(argv[1], tools[i].name) == 0)
            return run_tool(tools[i].name, tools[i].run, argc, argv);
    return -1;
}
