# Case-insensitive matching by CPython's Unicode rules: lower-case forms
# plus re/_casefix.py's extra equivalences (ſ/s, K/k, µ/μ, ς/σ, ...),
# dotted and dotless i, ß, classes and ranges, back-references, ASCII-only
# folding under re.ASCII, and \w \d \s \b on non-ASCII text.
import re

words = ["straße", "STRASSE", "Straße", "ſtraße", "İstanbul", "istanbul", "ıstanbul",
         "Kelvin", "kelvin", "µ", "μ", "Μ", "σς", "ΣΣ", "ǅ", "ǆ", "Ǆ", "ﬁ", "FI"]
for w in words:
    print(w, [x for x in words if re.fullmatch(re.escape(w), x, re.I)])
print(re.findall(r"(?i)[a-z]+", "ſKİıÅ Straße"), re.findall(r"(?i)[^a-z]", "ſKx"))
print(re.findall(r"(?i)[k-l]", "KkKLl"), re.findall(r"(?i)[α-ω]+", "ΣΑΣ ς ϐ"))
print(re.findall(r"(?ia)[a-z]+", "ſKİıÅ Straße"), re.match(r"(?ia)é", "É"))
print(re.match(r"(?i)(\w)\1", "sſ"), re.match(r"(?i)(\w+)\1", "ǅǆ"))
print(re.sub(r"(?i)ß", "ss", "Maße MASSE MAẞE"), re.split(r"(?i)σ", "aΣbςcσd"))
text = "Ünïcödé ½ ٣٤ ① x\u2003y\u00a0z_ 😀"
print(re.findall(r"\w+", text), re.findall(r"\d", text), re.findall(r"\s", text))
print(re.findall(r"\b\w", text), re.findall(r"\W+", text), re.findall(r"(?a)\w+", text))
print(re.findall(r"[\u0660-\u0669]+", "٣٤ 12"), re.findall(r"\u03b1", "αβ"))
print(re.findall(r"[^\W\d_]+", "ab_12 cd"), re.findall(r"\U0001F600", "x😀y"))
print(re.search("😀+", "a😀😀b").span(), len(re.match(".", "😀").group()))
print(re.sub(r"(?i)i", "_", "iIİı"), re.findall(r"(?i)\u0130", "iIİı"))
