value = 2  # edited
