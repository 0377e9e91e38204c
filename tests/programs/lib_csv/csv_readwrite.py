# csv reading and writing (CPython's Lib/csv over _csv): quoting modes, escapes, embedded newlines, dialects, DictReader/DictWriter, Sniffer
import csv, io
rows = [['a', 'b c', 'd,e', 'f"g', '', None, 1, 2.5, -3, 'line\nbreak', 'cr\rhere', 'tab\there', 'é€😀']]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    s = io.StringIO()
    w = csv.writer(s, quoting=quoting)
    w.writerows(rows)
    w.writerow([])
    w.writerow([''])
    w.writerow([None])
    text = s.getvalue()
    print(repr(text))
    print(list(csv.reader(io.StringIO(text, newline=''), quoting=quoting)))
s = io.StringIO()
w = csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\', lineterminator='\n')
w.writerow(['a,b', 'c"d', 'e\\f', 'g\nh'])
print(repr(s.getvalue()), list(csv.reader([s.getvalue()], quoting=csv.QUOTE_NONE, escapechar='\\')))
s = io.StringIO()
csv.writer(s, doublequote=False, escapechar='\\').writerow(['say "hi"', 'back\\slash'])
print(repr(s.getvalue()), list(csv.reader(io.StringIO(s.getvalue()), doublequote=False, escapechar='\\')))
s = io.StringIO()
csv.writer(s, delimiter='\t', quotechar="'", lineterminator='|').writerows([["it's", 'x\ty'], ['1', '2']])
print(repr(s.getvalue()))
for text in ['a,b,c', ' a, b ,"c"', 'a,"b,c",d', '"a""b",c', '"a\nb",c', 'a,b,', ',', '', '"",""', 'x"y"z,w',
             '"unterminated', '"a" b,c', 'a\\,b', 'a,"b\\"c"']:
    for opts in [{}, {'skipinitialspace': True}, {'escapechar': '\\'}, {'quoting': csv.QUOTE_NONE}, {'doublequote': False, 'escapechar': '\\'}]:
        try:
            print(repr(text), opts, list(csv.reader(io.StringIO(text), **opts)))
        except csv.Error as e:
            print(repr(text), opts, 'Error', e)
r = csv.reader(['a,"multi', 'line",b', 'c,d', '', 'e'])
for row in r:
    print(r.line_num, row)
print(list(csv.reader(['1,2.5,"x",-3e2, 4'], quoting=csv.QUOTE_NONNUMERIC, skipinitialspace=True)))
print(list(csv.reader(['a;b;"c;d"'], dialect='excel', delimiter=';')))
print(list(csv.reader(['a\tb\t"c\td"'], 'excel-tab')), list(csv.reader(['a,b\n', 'c,d\r\n'], 'unix')))
class Pipe(csv.Dialect):
    delimiter = '|'
    quotechar = '~'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
s = io.StringIO()
csv.writer(s, Pipe).writerow(['a|b', 'c~d', 'e'])
print(repr(s.getvalue()), list(csv.reader(io.StringIO(s.getvalue()), Pipe)))
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=['name', 'age', 'city'], restval='?', extrasaction='ignore')
dw.writeheader()
dw.writerow({'name': 'Ann', 'age': 30, 'city': 'Oslo'})
dw.writerow({'name': 'Bob', 'extra': 1})
print(repr(s.getvalue()))
for rec in csv.DictReader(io.StringIO(s.getvalue())):
    print(rec)
print(list(csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='none')))
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'b': 2})
except ValueError as e:
    print('ValueError', e)
sniffed = csv.Sniffer().sniff('name;age\nann;30\nbob;41\n')
print(sniffed.delimiter, csv.Sniffer().has_header('name,age\nann,30\nbob,41\n'))
big = io.StringIO()
w = csv.writer(big)
for i in range(2000):
    w.writerow([i, 'name %d' % i, i * 0.5, 'quote "%d"' % i if i % 7 == 0 else 'x'])
back = list(csv.reader(io.StringIO(big.getvalue())))
print(len(back), back[7], back[-1], sum(int(r[0]) for r in back))
