# an attribute set under a str-subclass name is found by the plain name (dict str-key lookup)
class S(str): pass
class Bag: pass
o = Bag()
try: delattr(o, S('name'))
except AttributeError as e: print('AE', e)
setattr(o, S('name'), 1)
print(o.name, getattr(o, 'name'), hasattr(o, S('name')))
o.name = 2
print(list(o.__dict__), type(list(o.__dict__)[0]).__name__, o.name)
d = {S('k'): 1}
print(d['k'], 'k' in d, dict(k=5)[S('k')])
g = {}
exec("x = 1", g)
g[S('y')] = 2
exec("print(x, y)", g)
