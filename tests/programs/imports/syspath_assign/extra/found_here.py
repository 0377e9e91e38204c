WHERE = 'extra'
