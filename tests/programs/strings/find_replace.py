# Searching in strings: find/rfind/index/in, with start and end.
text = "the quick brown fox jumps over the lazy dog"
for word in ["the", "fox", "dog", "cat", "o", ""]:
    print(repr(word), text.find(word), text.rfind(word), word in text, text.count(word))
print(text.find("o", 15), text.find("o", 15, 20), text.rfind("o", 0, 20), text.index("lazy"))
print(text.replace("the", "a"), text.replace(" ", ""), text.replace("o", "0", 2))
pos = 0
found = []
while True:
    i = text.find("o", pos)
    if i < 0:
        break
    found.append(i)
    pos = i + 1
print(found)
print(text.split("o"), text.split("o", 2))
words = text.split()
print(len(words), words[::2], max(words), min(words), sorted(words, key=len))
print(text.upper(), text.upper().count("O"))
print("mississippi".replace("ss", "SS").replace("i", "!", 3))
