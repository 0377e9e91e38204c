# The caller's __future__ features apply to what compile(), exec() and
# eval() compile, unless dont_inherit=True; the flags argument adds them.
from __future__ import annotations, barry_as_FLUFL
import __future__

source = "def f(x: undefined_name) -> 'also undefined': pass\nresult = f.__annotations__"

ns = {}
exec(source, ns)                                  # inherited: annotations stay strings
print(ns["result"])
exec(compile(source, "inherit", "exec"), ns)
print(ns["result"])
try:
    exec(compile(source, "no_inherit", "exec", dont_inherit=True), ns)
except NameError as e:
    print("dont_inherit=True:", e)

# barry_as_FLUFL: '<>' is inequality only under the feature.
print(eval("1 <> 2"))
try:
    compile("1 <> 2", "barry", "eval", dont_inherit=True)
except SyntaxError as e:
    print("without the feature:", e.msg)
flag = __future__.barry_as_FLUFL.compiler_flag
print(eval(compile("3 <> 3", "barry", "eval", flag, dont_inherit=True)))

code = compile("x = 1", "flags", "exec")
print(bool(code.co_flags & __future__.annotations.compiler_flag))
code = compile("x = 1", "flags", "exec", dont_inherit=True)
print(bool(code.co_flags & __future__.annotations.compiler_flag))
