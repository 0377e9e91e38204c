# platform parses sys.version: python_version(), python_implementation(), python_build(), python_compiler()
import platform, sys
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple()[:2], platform.python_implementation())
build = platform.python_build()
print(type(build).__name__, len(build), all(isinstance(x, str) for x in build))
print(platform.python_compiler() != '', sys.version.split()[0] == platform.python_version())
print(len(platform.platform()) > 0, platform.system())
