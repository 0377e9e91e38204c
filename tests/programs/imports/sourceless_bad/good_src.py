# the module whose bytecode prepare.py damages
VALUE = 42
