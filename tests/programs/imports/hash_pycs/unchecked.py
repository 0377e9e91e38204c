value = "unchecked: compiled version"
