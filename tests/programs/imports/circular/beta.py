import alpha
seen = getattr(alpha, "name", None), hasattr(alpha, "beta")
name = "beta"
