# SystemExit: caught as BaseException, codes, and finally blocks running on exit; exits with 3
def cleanup_demo():
    try:
        raise SystemExit(0)
    except SystemExit as e:
        print("caught SystemExit with code", e.code)
cleanup_demo()
try:
    raise SystemExit("message code")
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
try:
    exit_code = 3
    print("exiting with", exit_code)
    raise SystemExit(exit_code)
finally:
    print("finally runs before the interpreter exits")
