# Hash-based pycs (PEP 552): checked ones match their source, unchecked ones
# are trusted even when the source has changed since (as CPython does).
import checked
import unchecked
import stamped
print(checked.value, unchecked.value, stamped.value)
