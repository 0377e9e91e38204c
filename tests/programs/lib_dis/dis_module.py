# CPython's own dis module running under pvm: dis.dis, Bytecode, get_instructions, code_info, show_code, findlinestarts, stack_effect, opname tables
import dis
import io
import re


def show(text):
    # code object reprs carry an address and the file's path: neither is compared
    text = re.sub(r" at 0x[0-9a-f]+", " at ADDR", text)
    text = re.sub(r'file "[^"]*"', 'file "FILE"', text)
    print(re.sub(r"(?m)^Filename: .*", "Filename: FILE", text), end="")


def sample(items, limit=3):
    total = 0
    for i, x in enumerate(items):
        if i >= limit:
            break
        try:
            total += x * 2
        except TypeError:
            total = None
    return total


class K:
    def method(self):
        return [y for y in range(3)]


out = io.StringIO()
dis.dis(sample, file=out)
show(out.getvalue())
out = io.StringIO()
dis.dis(K, file=out)
show(out.getvalue())
bc = dis.Bytecode(sample)
print(bc.codeobj.co_name, bc.first_line == sample.__code__.co_firstlineno)
print(bc.dis().count("\n"), repr(bc).startswith("Bytecode(<function sample"))
for ins in list(dis.get_instructions(sample))[:8]:
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), ins.argrepr, ins.offset, ins.starts_line, ins.is_jump_target)
show(dis.code_info(sample) + "\n")
out = io.StringIO()
dis.show_code(K.method, file=out)
show(out.getvalue())
print(list(dis.findlinestarts(sample.__code__))[:5])
print(dis.findlabels(sample.__code__.co_code))
print(dis.opname[dis.opmap["LOAD_CONST"]], dis.stack_effect(dis.opmap["BUILD_LIST"], 3), dis.stack_effect(dis.opmap["POP_TOP"]))
print(dis.hasconst, dis.HAVE_ARGUMENT, len(dis.cmp_op))
out = io.StringIO()
dis.dis("a = b + 1", file=out)
show(out.getvalue())
