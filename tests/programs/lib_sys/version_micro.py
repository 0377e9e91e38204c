# sys.version_info, hexversion, sys.version and platform.python_version() name the micro version of the python whose standard library runs
import platform, sys
print(tuple(sys.version_info))
print(hex(sys.hexversion))
print(sys.version.split()[0], platform.python_version())
