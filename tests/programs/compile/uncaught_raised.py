# A SyntaxError raised by the program itself, with a hand-made location.
raise SyntaxError("made by hand", ("config.ini", 3, 5, "key = = value\n", 3, 8))
