# Unicode case mapping: one-to-many upper/lower (ß, ligatures, İ), final sigma, casefold, titlecase letters, Cherokee and Greek, case predicates
print("ß".upper(), "ﬁ".upper(), "ŉ".upper(), "İ".lower(), len("İ".lower()), "ǅ".lower(), "ǆ".title())
print("ΟΔΟΣ".lower(), "ΣΑΣ ΟΔΟΣ.".lower(), "Σ".lower(), "ΑΣ'".lower(), "ὈΔΥΣΣΕΎΣ".lower())
print("straße".casefold(), "ΣΑΣ".casefold(), "ﬃ".casefold(), "Ǆ".casefold())
print("hello wORLD ß".title(), "ǆemal".capitalize(), "ßeta".capitalize(), "ǅ".swapcase(), "Straße".swapcase())
print("Ⅻ".lower(), "ⓐ".upper(), "ꭰ".upper(), "Ꭰ".lower(), "ᾳ".upper(), "ᾼ".lower(), "ᾳ".title())
print("ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "ᾼ".istitle(), "Ⅻ".isupper(), "ⓐ".islower(), "ª".islower())
