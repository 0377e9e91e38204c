# _typing: 3.11's accelerator holds _idfunc, which typing.NewType calls
import sys
import _typing
import typing
print(_typing._idfunc(5), _typing._idfunc('x'), _typing._idfunc is _typing._idfunc)
UserId = typing.NewType('UserId', int)
print(UserId(7), type(UserId(7)).__name__, UserId.__call__ is _typing._idfunc)
try:
    _typing._idfunc()
except TypeError as e:
    print(e)
try:
    _typing._idfunc(1, 2)
except TypeError as e:
    print(e)
print(_typing.__doc__)
print(type(_typing._idfunc).__name__)
