# classmethod/staticmethod __init__ reached from subclasses (abc.abstractstaticmethod)
class SM(staticmethod):
    def __init__(self, f):
        f.tag = 'sm'
        super().__init__(f)
class CM(classmethod):
    pass
class A:
    @SM
    def s(x): return x * 2
    @CM
    def c(cls): return cls.__name__
print(A.s(3), A().s(4), A.c(), A.__dict__['s'].__func__.tag, type(A.__dict__['c']).__name__)
sm = staticmethod(len)
sm.__init__(abs)
print(sm.__func__, sm(-3))
for f in [lambda: staticmethod(), lambda: classmethod(1, 2), lambda: staticmethod.__init__(sm), lambda: staticmethod(len, x=1)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
