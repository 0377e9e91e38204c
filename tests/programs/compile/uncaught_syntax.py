# A SyntaxError from exec() that nobody catches: the traceback shows the
# exec call, then where in the string the error is, then the message.
print("before")
exec("x = 1\ndef f(:\n    pass\n")
