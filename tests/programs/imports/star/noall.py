visible = "v"
VISIBLE = "V"
_secret = "s"
