VALUE = 'pkg'
