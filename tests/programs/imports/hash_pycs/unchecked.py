value = "unchecked: source edited after compiling"
