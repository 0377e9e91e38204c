# Nothing is compiled beforehand: every module is imported from its source.
