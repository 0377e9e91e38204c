# finders a program installs before importing importlib: appended, inserted, and a meta_path assigned
import sys

class Spec:
    """A spec made by hand, without importlib.machinery."""
    def __init__(self, name, loader):
        self.name = name
        self.loader = loader
        self.origin = 'virtual'
        self.submodule_search_locations = None
        self.loader_state = None
        self.cached = None
        self.parent = name.rpartition('.')[0]
        self.has_location = False
        self._initializing = False
        self._set_fileattr = False

class Finder:
    def __init__(self, tag):
        self.tag = tag
        self.asked = []
    def find_spec(self, name, path, target=None):
        self.asked.append(name)
        if name.startswith(self.tag):
            return Spec(name, self)
        return None
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.made_by = self.tag

last = Finder('virt_')
sys.meta_path.append(last)
import real
print(real.V, 'real' in last.asked)
import virt_one
print(virt_one.made_by, virt_one.__name__, virt_one.__spec__.origin)
first = Finder('real')
sys.meta_path.insert(0, first)
del sys.modules['real']
import real
print(real.made_by, first.asked)
sys.meta_path.remove(first)
del sys.modules['real']
import real
print(real.V)
saved = sys.meta_path
sys.meta_path = [Finder('only_')]
import only_this
print(only_this.made_by)
try:
    import json_not_there
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
sys.meta_path = saved
import importlib
print(importlib.import_module('virt_two').made_by)
