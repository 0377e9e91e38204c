# _testinternalcapi: get_configs() in every version (global, pre and core config, agreeing with sys.flags), get_config() up to 3.13 only
import sys
import _testinternalcapi as t

print("get_config", hasattr(t, "get_config"), "get_configs", hasattr(t, "get_configs"))
configs = t.get_configs()
print(list(configs))
g, pre, c = configs["global_config"], configs["pre_config"], configs["config"]

flags = sys.flags
for name, want in [("Py_UTF8Mode", flags.utf8_mode), ("Py_DebugFlag", flags.debug),
                   ("Py_VerboseFlag", flags.verbose), ("Py_QuietFlag", flags.quiet),
                   ("Py_InteractiveFlag", flags.interactive), ("Py_InspectFlag", flags.inspect),
                   ("Py_OptimizeFlag", flags.optimize), ("Py_NoSiteFlag", flags.no_site),
                   ("Py_BytesWarningFlag", flags.bytes_warning),
                   ("Py_IgnoreEnvironmentFlag", flags.ignore_environment),
                   ("Py_DontWriteBytecodeFlag", flags.dont_write_bytecode),
                   ("Py_NoUserSiteDirectory", flags.no_user_site),
                   ("Py_HashRandomizationFlag", flags.hash_randomization),
                   ("Py_IsolatedFlag", flags.isolated)]:
    print(name, type(g[name]).__name__, g[name] == want)
print(g["Py_FileSystemDefaultEncoding"] == sys.getfilesystemencoding(),
      g["Py_FileSystemDefaultEncodeErrors"] == sys.getfilesystemencodeerrors(),
      type(g["Py_UnbufferedStdioFlag"]).__name__)

for name, want in [("isolated", flags.isolated), ("use_environment", not flags.ignore_environment),
                   ("utf8_mode", flags.utf8_mode), ("dev_mode", flags.dev_mode)]:
    print("pre", name, type(pre[name]).__name__, pre[name] == want)

print("config", c["code_debug_ranges"], type(c["isolated"]).__name__,
      c["optimization_level"] == flags.optimize, c["site_import"] == (not flags.no_site),
      c["filesystem_encoding"] == sys.getfilesystemencoding(), type(c["xoptions"]).__name__)
if hasattr(t, "get_config"):
    print(t.get_config() == c, t.get_config() is not t.get_config())
print(t.get_configs() is not configs)
