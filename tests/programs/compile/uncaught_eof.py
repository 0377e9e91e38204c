# An error at the end of the input: an unclosed bracket.
eval("[1, 2,\n 3,")
