value = "timestamp pyc"
