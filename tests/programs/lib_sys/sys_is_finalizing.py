# sys.is_finalizing() is False while the program and its atexit callbacks run, True in a __del__ run by the teardown after them (test_sys)
import atexit
import sys

class AtExit:
    is_finalizing = sys.is_finalizing
    print = print

    def __del__(self):
        self.print("__del__ at exit:", self.is_finalizing(), flush=True)

print("running:", sys.is_finalizing())
atexit.register(lambda: print("atexit:", sys.is_finalizing()))
ref = AtExit()
