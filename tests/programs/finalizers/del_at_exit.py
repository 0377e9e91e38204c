# objects still alive when the program ends have their __del__ called at exit, after atexit
import atexit

class Res:
    def __init__(self, name, *held):
        self.name = name
        self.held = list(held)

    def __del__(self):
        print("del", self.name)

atexit.register(lambda: print("atexit handler"))
first = Res("first")
second = Res("second")
third = Res("third", [1, 2])
_private = Res("_private")
c1 = Res("c1")
c2 = Res("c2")
c1.peer = c2
c2.peer = c1
print("end of program")
