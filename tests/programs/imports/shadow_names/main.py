# A missing attribute of a module whose file sits in the script's directory: 3.13+ name the file (it may shadow a standard library module or another library), 3.11 and 3.12 do not
import sys
import shadowlib
print(sorted(m for m in sys.modules if m.startswith("shadow")))
try:
    shadowlib.missing
except AttributeError as e:
    print("after its body:", e)
import pkgshadow
try:
    pkgshadow.missing
except AttributeError as e:
    print("package:", e)
import colorsys
try:
    colorsys.rgb_to_hsv
except AttributeError as e:
    print("stdlib name:", e)
print(getattr(colorsys, "LOCAL", None))
import selfread
