# a property without getter, setter or deleter names the object's type by its __qualname__ in the AttributeError (test_property)
class Outer:
    class Inner:
        foo = property()
    class Nameless:
        pass
    Nameless.bar = property()

def local():
    class Here:
        baz = property(lambda self: 1)
    return Here()

for obj, name in ((Outer.Inner(), 'foo'), (Outer.Nameless(), 'bar'), (local(), 'baz')):
    for action in ('get', 'set', 'del'):
        try:
            if action == 'get':
                getattr(obj, name)
                print('got', name)
            elif action == 'set':
                setattr(obj, name, 1)
            else:
                delattr(obj, name)
        except AttributeError as e:
            print(action, e)
