__all__ = ["pub", "_hidden"]
pub = 1
_hidden = 2
other = 3
def helper(): pass
