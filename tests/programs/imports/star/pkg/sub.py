x = "sub loaded by star"
