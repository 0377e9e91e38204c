V = 'real module'
