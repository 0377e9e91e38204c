# Uncaught exception with a custom __str__ and no arguments
class Custom(RuntimeError):
    def __str__(self):
        return "custom text"
print("before")
raise Custom
