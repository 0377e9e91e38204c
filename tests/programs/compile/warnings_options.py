# -W options and PYTHONWARNINGS fill sys.warnoptions and the filters at start-up; -W error makes a compiler warning a SyntaxError
import os, subprocess, sys

def run(args, env_warnings=None, source="x = 1\nprint(x is 1)\n"):
    env = dict(os.environ)
    env.pop("PYTHONWARNINGS", None)
    if env_warnings is not None:
        env["PYTHONWARNINGS"] = env_warnings
    r = subprocess.run([sys.executable] + args + ["-c", source], env=env,
                       capture_output=True, text=True)
    print(args, env_warnings, "->", r.returncode)
    print("  out:", r.stdout.splitlines())
    print("  err:", r.stderr.splitlines())

run([])
run(["-W", "error"])
run(["-Werror::SyntaxWarning"])
run(["-W", "ignore"])
run([], "error")
run(["-W", "default"], "error")
run(["-E"], "error")
run(["-W", "bogus"])
run(["-W", "error::NoSuchWarning"])
run(["-W", "error"], None, "print('\\d')")
run(["-W", "error::DeprecationWarning"], None, "print('\\d')")
run(["-W", "always::DeprecationWarning"], None, "print('\\d')")
run(["-W", "error"], "default::SyntaxWarning",
    "import sys, warnings\nprint(sys.warnoptions)\nprint(warnings.filters[:3])")
