# types.TracebackType keeps tb_lasti as given (odd too); dir(tb) and tb.__dir__() name its four attributes only
import sys, types

def get_tb():
    try:
        raise OSError()
    except OSError as e:
        return e.__traceback__

frame = sys._getframe()
for lasti in (0, 1, 2, 7, 40):
    tb = types.TracebackType(get_tb(), frame, lasti, 2)
    print(lasti, tb.tb_lasti, tb.tb_lineno, tb.tb_frame is frame)
try:
    raise IndexError
except IndexError as e:
    print(dir(e.__traceback__), e.__traceback__.__dir__())
    print(e.__traceback__.tb_lasti % 2)
