from .sub import helper
