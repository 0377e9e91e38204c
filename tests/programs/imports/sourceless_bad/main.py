# A sourceless module that cannot load says which module and file, and why, in importlib's words (ends in the EOFError of a header cut short)
import os
import good
print("good", good.VALUE, os.path.basename(good.__file__))
for name in ("garbage", "short", "tiny", "flagged", "oldmagic"):
    try:
        __import__(name)
    except (ImportError, EOFError) as e:
        path = getattr(e, "path", None)
        print(name, type(e).__name__, e, getattr(e, "name", None), path and os.path.basename(path))
    print(name in __import__("sys").modules)
import short
