value = "checked hash pyc"
