# unicodedata: lookup() finds aliases and named sequences, ucd_3_2_0.lookup() neither (Unicode 3.2 has none)
import unicodedata

for name in ("LATIN CAPITAL LETTER GHA", "YI SYLLABLE ITERATION MARK", "TAMIL SYLLABLE SAI",
             "TAMIL CONSONANT KSS", "LATIN CAPITAL LETTER OI", "latin small letter a"):
    print(ascii(unicodedata.lookup(name)))
    try:
        print(ascii(unicodedata.ucd_3_2_0.lookup(name)))
    except KeyError as e:
        print("KeyError", e)
print(ascii("\N{LATIN CAPITAL LETTER GHA}"), unicodedata.name("\u01a2"))
