# Uncaught exception whose class is nested in another class: qualified name
class Outer:
    class Inner(KeyError):
        pass
print(Outer.Inner.__qualname__)
raise Outer.Inner("key")
