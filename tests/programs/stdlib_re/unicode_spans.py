# Spans count code points, not UTF-8 bytes: finditer, search and split over
# text with accents, CJK and emoji.  \w, \d and \s are Unicode-aware unless
# re.ASCII.
import re

text = "Grüße aus Köln — 東京 2024年 ✨ naïve café"
for m in re.finditer(r"\w+", text):
    print(m.span(), repr(m.group()), text[m.start():m.end()] == m.group())

print(re.search("東京", text))
print(re.search("✨", text).span())
print(re.findall(r"\d+", "٣ apples, ४ pears, 12 plums"))
print(re.findall(r"\d+", "٣ apples, ४ pears, 12 plums", re.ASCII))
print(re.findall(r"\w+", "naïve café", flags=re.A))
print(re.findall(r"(?a)\w+", "naïve café"))
print(re.findall(r"\s+", "a\u00a0b\u2003c\x1fd\u3000e"))
print(re.sub(r"\s+", "_", "a\u00a0b\u2003c"))
print(re.split(r"—|年", text))

m = re.search(r"(?P<city>K\w+)", text)
print(m.start("city"), m.end("city"), m.span(1), m.pos, m.endpos)

p = re.compile(r"[é-ë]")
print(p.findall("résumé élève ëa"), [m.start() for m in p.finditer("résumé élève")])
print(re.match(r"(?i)ÉCOLE", "école"), re.match(r"(?i)straße", "STRASSE"))
print(re.fullmatch(r"[^\W\d_]+", "Ωmega"), re.fullmatch(r"\w+", "x²"))
print(re.compile("ü").search("Müller", 2), re.compile("ü").search("Müller", 1, 2))
emoji = "a😀b😀😀c"
print([m.span() for m in re.finditer("😀", emoji)], re.split("😀+", emoji))
print(re.sub("(?<=😀)", "|", emoji))
