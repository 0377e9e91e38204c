# The names Lib/types.py defines from builtin types (its own statements, minus UnionType and FrameType), printed with their identities
import sys

def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(sys.implementation)

def _cell_factory():
    a = 1
    def f():
        nonlocal a
    return f.__closure__[0]
CellType = type(_cell_factory())

def _g():
    yield 1
GeneratorType = type(_g())

async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()

async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)

class _C:
    def _m(self): pass
MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)
try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)
GetSetDescriptorType = type(FunctionType.__code__)
MemberDescriptorType = type(FunctionType.__globals__)
GenericAlias = type(list[int])
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

names = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
         'CellType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType',
         'BuiltinFunctionType', 'BuiltinMethodType', 'WrapperDescriptorType',
         'MethodWrapperType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
         'ModuleType', 'TracebackType', 'GetSetDescriptorType', 'MemberDescriptorType',
         'GenericAlias', 'EllipsisType', 'NoneType', 'NotImplementedType']
for n in names:
    t = globals()[n]
    print(f"{n:26} {t.__name__:28} {t.__qualname__:28} {t.__module__} {t!r}")

# which are the same type, which are distinct
print(FunctionType is LambdaType, BuiltinFunctionType is BuiltinMethodType)
kinds = [WrapperDescriptorType, MethodWrapperType, MethodDescriptorType,
         ClassMethodDescriptorType, BuiltinMethodType, GetSetDescriptorType,
         MemberDescriptorType, MappingProxyType]
print(len(set(kinds)) == len(kinds))
for t in kinds:
    print(t.__name__, [k for k in ('__get__', '__set__', '__call__') if hasattr(t, k)])

# what each kind is, seen from the values types.py uses
print(isinstance(str.join, MethodDescriptorType), isinstance("".join, BuiltinMethodType))
print(isinstance(int.__add__, WrapperDescriptorType), isinstance((1).__add__, MethodWrapperType))
print(isinstance(FunctionType.__dict__['__code__'], GetSetDescriptorType))
print(isinstance(FunctionType.__dict__['__globals__'], MemberDescriptorType))
print(isinstance(dict.__dict__['fromkeys'], ClassMethodDescriptorType))
print(type(str.__dict__['maketrans']).__name__, type(str.maketrans).__name__)
