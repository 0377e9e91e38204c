WHERE = 'other'
