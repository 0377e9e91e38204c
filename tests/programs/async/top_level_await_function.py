# Top-level-await code (PyCF_ALLOW_TOP_LEVEL_AWAIT) run as a function of its globals, or by eval(): its names are the globals
import ast, asyncio
from types import FunctionType

co = compile('a = await asyncio.sleep(0, result=1)', '?', 'exec',
             flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
for mode in ('function', 'eval'):
    g = {'asyncio': asyncio, 'a': 0}
    asyncio.run(FunctionType(co, g)() if mode == 'function' else eval(co, g))
    print(mode, g['a'])
