/*
 * test_str.c — unit tests of str, bytes and the formatting code.
 *
 * GENERATED: every expected string below was produced by python3.11 (the
 * oracle) from the same inputs, by a small generator script; when behaviour
 * is in doubt, ask python3.11, not this file.  Each case compares repr() of
 * the result (or "ExcType: message" for an exception) with CPython's.
 */
#include <stdarg.h>
#include <string.h>
#include "tests/unit/unit.h"
#include "runtime/runtime.h"

static Value S(const char *s) { return rt_str_from_cstr(s); }
static Value SN(const char *s, size_t n) { return rt_str_new(s, n); }
static Value I(long i) { return rt_int_from_i64(i); }
static Value F(double d) { return rt_float_new(d); }

static Value L(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    Value list = rt_list_new(0);
    for (int i = 0; i < n; i++)
        rt_list_append(list, va_arg(ap, Value));
    va_end(ap);
    return list;
}

static Value D(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    Value d = rt_dict_new();
    for (int i = 0; i < n; i++) {
        Value k = va_arg(ap, Value);
        rt_dict_set(d, k, va_arg(ap, Value));
    }
    va_end(ap);
    return d;
}

/* repr(result), or "TypeName: message" when it raised. */
static const char *outcome(Value v)
{
    if (!v) {
        Value exc = rt_err_fetch();
        Value msg = rt_exc_str(exc);
        Value text = rt_str_format_c("%s: %S", val_type(exc)->name, msg ? msg : S("?"));
        return text ? rt_str_cstr(text) : "?";
    }
    Value r = rt_repr(v);
    return r ? rt_str_cstr(r) : "<repr failed>";
}

static void expect(const char *what, Value v, const char *expected)
{
    const char *got = outcome(v);
    ck_assert_msg(strcmp(got, expected) == 0, "%s: got %s, expected %s", what, got, expected);
}

/* self.name(*args) */
static Value call_method(Value self, const char *name, size_t n, ...)
{
    Value args[4];
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        args[i] = va_arg(ap, Value);
    va_end(ap);
    Value m = rt_getattr(self, rt_str_intern_cstr(name));
    return m ? rt_call(m, args, n, VAL_NULL) : VAL_NULL;
}

static Value slice(Value s, Value start, Value stop, Value step)
{
    return rt_getitem(s, rt_slice_new(start, stop, step));
}

START_TEST(test_repr)
{
    expect("repr", rt_repr(S("")), "\"''\"");
    expect("repr", rt_repr(S("abc")), "\"'abc'\"");
    expect("repr", rt_repr(S("it's")), "'\"it\\'s\"'");
    expect("repr", rt_repr(S("say \"hi\"")), "'\\'say \"hi\"\\''");
    expect("repr", rt_repr(S("both ' and \"")), "'\\'both \\\\\\' and \"\\''");
    expect("repr", rt_repr(S("tab\011here\012nl\015")), "\"'tab\\\\there\\\\nnl\\\\r'\"");
    expect("repr", rt_repr(S("back\\slash")), "\"'back\\\\\\\\slash'\"");
    expect("repr", rt_repr(SN("\000\007\037\177", 4)), "\"'\\\\x00\\\\x07\\\\x1f\\\\x7f'\"");
    expect("repr", rt_repr(S("caf\303\251")), "\"'caf\303\251'\"");
    expect("repr", rt_repr(S("\302\200\302\237\302\240\302\255\303\277")), "\"'\\\\x80\\\\x9f\\\\xa0\\\\xad\303\277'\"");
    expect("repr", rt_repr(S("\342\202\254\342\200\250\357\273\277")), "\"'\342\202\254\\\\u2028\\\\ufeff'\"");
    expect("repr", rt_repr(S("\360\237\230\200")), "\"'\360\237\230\200'\"");
    expect("repr", rt_repr(S("\355\240\200")), "\"'\\\\ud800'\"");
    expect("repr", rt_repr(S("\363\240\200\201")), "\"'\\\\U000e0001'\"");
    expect("ascii", rt_ascii(S("caf\303\251 \342\202\254")), "\"'caf\\\\xe9 \\\\u20ac'\"");
    expect("bytes repr", S(rt_str_cstr(rt_bytes_repr(rt_bytes_new((const unsigned char *)"a\0'\377", 4)))), "'b\"a\\\\x00\\'\\\\xff\"'");
}
END_TEST

START_TEST(test_methods)
{
    expect("'a,b,,c'.split(',',)", call_method(S("a,b,,c"), "split", 1, S(",")), "['a', 'b', '', 'c']");
    expect("'  a  b c '.split()", call_method(S("  a  b c "), "split", 0), "['a', 'b', 'c']");
    expect("'a b c'.split(None, 1)", call_method(S("a b c"), "split", 2, rt_None, I(1)), "['a', 'b c']");
    expect("'a b c'.rsplit(None, 1)", call_method(S("a b c"), "rsplit", 2, rt_None, I(1)), "['a b', 'c']");
    expect("'a,b,c'.rsplit(',', 1)", call_method(S("a,b,c"), "rsplit", 2, S(","), I(1)), "['a,b', 'c']");
    expect("'abc'.split('',)", call_method(S("abc"), "split", 1, S("")), "ValueError: empty separator");
    expect("'x\\ny\\r\\nz\\rw'.splitlines()", call_method(S("x\012y\015\012z\015w"), "splitlines", 0), "['x', 'y', 'z', 'w']");
    expect("'x\\ny\\r\\n'.splitlines(True,)", call_method(S("x\012y\015\012"), "splitlines", 1, rt_True), "['x\\n', 'y\\r\\n']");
    expect("', '.join(['a', 'b', 'c'],)", call_method(S(", "), "join", 1, L(3, S("a"), S("b"), S("c"))), "'a, b, c'");
    expect("''.join([],)", call_method(S(""), "join", 1, L(0)), "''");
    expect("'-'.join(['x'],)", call_method(S("-"), "join", 1, L(1, S("x"))), "'x'");
    expect("'-'.join(['x', 1],)", call_method(S("-"), "join", 1, L(2, S("x"), I(1))), "TypeError: sequence item 1: expected str instance, int found");
    expect("'  hi  '.strip()", call_method(S("  hi  "), "strip", 0), "'hi'");
    expect("'xxhixx'.strip('x',)", call_method(S("xxhixx"), "strip", 1, S("x")), "'hi'");
    expect("'\\u3000h\303\251\\xa0'.strip()", call_method(S("\343\200\200h\303\251\302\240"), "strip", 0), "'h\303\251'");
    expect("'abab'.lstrip('a',)", call_method(S("abab"), "lstrip", 1, S("a")), "'bab'");
    expect("'abab'.rstrip('b',)", call_method(S("abab"), "rstrip", 1, S("b")), "'aba'");
    expect("'h\303\251h\303\251'.rstrip('\303\251h',)", call_method(S("h\303\251h\303\251"), "rstrip", 1, S("\303\251h")), "''");
    expect("'aaa'.replace('a', 'bb')", call_method(S("aaa"), "replace", 2, S("a"), S("bb")), "'bbbbbb'");
    expect("'aaa'.replace('a', 'b', 2)", call_method(S("aaa"), "replace", 3, S("a"), S("b"), I(2)), "'bba'");
    expect("'abc'.replace('', '-')", call_method(S("abc"), "replace", 2, S(""), S("-")), "'-a-b-c-'");
    expect("'h\303\251llo'.replace('\303\251', 'e')", call_method(S("h\303\251llo"), "replace", 2, S("\303\251"), S("e")), "'hello'");
    expect("'hello'.find('l',)", call_method(S("hello"), "find", 1, S("l")), "2");
    expect("'hello'.rfind('l',)", call_method(S("hello"), "rfind", 1, S("l")), "3");
    expect("'hello'.find('z',)", call_method(S("hello"), "find", 1, S("z")), "-1");
    expect("'hello'.find('l', 3, 4)", call_method(S("hello"), "find", 3, S("l"), I(3), I(4)), "3");
    expect("'h\303\251llo w\303\266rld'.find('w',)", call_method(S("h\303\251llo w\303\266rld"), "find", 1, S("w")), "6");
    expect("'h\303\251llo'.rfind('l', 0, -2)", call_method(S("h\303\251llo"), "rfind", 3, S("l"), I(0), I(-2)), "2");
    expect("'abc'.find('', 4)", call_method(S("abc"), "find", 2, S(""), I(4)), "-1");
    expect("'hello'.index('z',)", call_method(S("hello"), "index", 1, S("z")), "ValueError: substring not found");
    expect("'hello'.count('l',)", call_method(S("hello"), "count", 1, S("l")), "2");
    expect("'aaaa'.count('aa',)", call_method(S("aaaa"), "count", 1, S("aa")), "2");
    expect("'abc'.count('',)", call_method(S("abc"), "count", 1, S("")), "4");
    expect("'hello'.startswith('he',)", call_method(S("hello"), "startswith", 1, S("he")), "True");
    expect("'hello'.startswith(('x', 'hel'),)", call_method(S("hello"), "startswith", 1, rt_tuple_pack(2, S("x"), S("hel"))), "True");
    expect("'hello'.endswith('lo', 0, 4)", call_method(S("hello"), "endswith", 3, S("lo"), I(0), I(4)), "False");
    expect("'hello'.startswith(1,)", call_method(S("hello"), "startswith", 1, I(1)), "TypeError: startswith first arg must be str or a tuple of str, not int");
    expect("'abc'.upper()", call_method(S("abc"), "upper", 0), "'ABC'");
    expect("'ABC'.lower()", call_method(S("ABC"), "lower", 0), "'abc'");
    expect("'stra\303\237e'.upper()", call_method(S("stra\303\237e"), "upper", 0), "'STRASSE'");
    expect("'hello world'.title()", call_method(S("hello world"), "title", 0), "'Hello World'");
    expect("\"they're bill's\".title()", call_method(S("they're bill's"), "title", 0), "\"They'Re Bill'S\"");
    expect("'hELLO'.capitalize()", call_method(S("hELLO"), "capitalize", 0), "'Hello'");
    expect("'aBc'.swapcase()", call_method(S("aBc"), "swapcase", 0), "'AbC'");
    expect("'\303\237'.casefold()", call_method(S("\303\237"), "casefold", 0), "'ss'");
    expect("'abc'.center(7, '*')", call_method(S("abc"), "center", 2, I(7), S("*")), "'**abc**'");
    expect("'ab'.center(5,)", call_method(S("ab"), "center", 1, I(5)), "'  ab '");
    expect("'abc'.ljust(5,)", call_method(S("abc"), "ljust", 1, I(5)), "'abc  '");
    expect("'abc'.rjust(5, '\303\251')", call_method(S("abc"), "rjust", 2, I(5), S("\303\251")), "'\303\251\303\251abc'");
    expect("'-42'.zfill(6,)", call_method(S("-42"), "zfill", 1, I(6)), "'-00042'");
    expect("'abc'.center(5, 'ab')", call_method(S("abc"), "center", 2, I(5), S("ab")), "TypeError: The fill character must be exactly one character long");
    expect("'123'.isdigit()", call_method(S("123"), "isdigit", 0), "True");
    expect("'\302\262'.isdecimal()", call_method(S("\302\262"), "isdecimal", 0), "False");
    expect("'abc1'.isalnum()", call_method(S("abc1"), "isalnum", 0), "True");
    expect("'ab c'.isalpha()", call_method(S("ab c"), "isalpha", 0), "False");
    expect("' \\t'.isspace()", call_method(S(" \011"), "isspace", 0), "True");
    expect("'ABC'.isupper()", call_method(S("ABC"), "isupper", 0), "True");
    expect("'abc1'.islower()", call_method(S("abc1"), "islower", 0), "True");
    expect("'Hello World'.istitle()", call_method(S("Hello World"), "istitle", 0), "True");
    expect("'_x1'.isidentifier()", call_method(S("_x1"), "isidentifier", 0), "True");
    expect("'1x'.isidentifier()", call_method(S("1x"), "isidentifier", 0), "False");
    expect("'a\\tb'.isprintable()", call_method(S("a\011b"), "isprintable", 0), "False");
    expect("'\303\251'.isascii()", call_method(S("\303\251"), "isascii", 0), "False");
    expect("'a=b=c'.partition('=',)", call_method(S("a=b=c"), "partition", 1, S("=")), "('a', '=', 'b=c')");
    expect("'a=b=c'.rpartition('=',)", call_method(S("a=b=c"), "rpartition", 1, S("=")), "('a=b', '=', 'c')");
    expect("'abc'.partition('x',)", call_method(S("abc"), "partition", 1, S("x")), "('abc', '', '')");
    expect("'a\\tbc\\td'.expandtabs(4,)", call_method(S("a\011bc\011d"), "expandtabs", 1, I(4)), "'a   bc  d'");
    expect("'prefix_x'.removeprefix('prefix_',)", call_method(S("prefix_x"), "removeprefix", 1, S("prefix_")), "'x'");
    expect("'x.py'.removesuffix('.py',)", call_method(S("x.py"), "removesuffix", 1, S(".py")), "'x'");
    expect("'h\303\251'.encode()", call_method(S("h\303\251"), "encode", 0), "b'h\\xc3\\xa9'");
    expect("'h\303\251'.encode('latin-1',)", call_method(S("h\303\251"), "encode", 1, S("latin-1")), "b'h\\xe9'");
    expect("'h\342\202\254'.encode('ascii',)", call_method(S("h\342\202\254"), "encode", 1, S("ascii")), "UnicodeEncodeError: 'ascii' codec can't encode character '\\u20ac' in position 1: ordinal not in range(128)");
    expect("'{} {}'.format('a', 1)", call_method(S("{} {}"), "format", 2, S("a"), I(1)), "'a 1'");
    expect("'{1}{0}'.format('a', 'b')", call_method(S("{1}{0}"), "format", 2, S("a"), S("b")), "'ba'");
    expect("'{0!r:>6}'.format('x',)", call_method(S("{0!r:>6}"), "format", 1, S("x")), "\"   'x'\"");
    expect("'{:{}}'.format(1, 4)", call_method(S("{:{}}"), "format", 2, I(1), I(4)), "'   1'");
    expect("'{{}}'.format()", call_method(S("{{}}"), "format", 0), "'{}'");
    expect("'{0[1]}'.format(['p', 'q'],)", call_method(S("{0[1]}"), "format", 1, L(2, S("p"), S("q"))), "'q'");
    expect("'{'.format()", call_method(S("{"), "format", 0), "ValueError: Single '{' encountered in format string");
    expect("'{0} {}'.format(1, 2)", call_method(S("{0} {}"), "format", 2, I(1), I(2)), "ValueError: cannot switch from manual field specification to automatic field numbering");
    expect("'{2}'.format(1,)", call_method(S("{2}"), "format", 1, I(1)), "IndexError: Replacement index 2 out of range for positional args tuple");
}
END_TEST

START_TEST(test_index_slice)
{
    expect("index", rt_getitem(S("h\303\251llo"), I(1)), "'\303\251'");
    expect("index", rt_getitem(S("h\303\251llo"), I(-1)), "'o'");
    expect("index", rt_getitem(S("a\360\237\230\200"), I(1)), "'\360\237\230\200'");
    expect("index", rt_getitem(S("abc"), I(3)), "IndexError: string index out of range");
    expect("index", rt_getitem(S("abc"), I(-4)), "IndexError: string index out of range");
    expect("slice", slice(S("h\303\251llo w\303\266rld"), I(1), I(4), rt_None), "'\303\251ll'");
    expect("slice", slice(S("h\303\251llo"), rt_None, rt_None, I(-1)), "'oll\303\251h'");
    expect("slice", slice(S("abcdef"), I(1), rt_None, I(2)), "'bdf'");
    expect("slice", slice(S("abcdef"), rt_None, rt_None, I(-2)), "'fdb'");
    expect("slice", slice(S("a\342\202\254\360\237\230\200b"), I(-3), I(-1), rt_None), "'\342\202\254\360\237\230\200'");
    expect("slice", slice(S("abc"), I(5), I(10), rt_None), "''");
    expect("slice", slice(S("h\303\251llo"), I(-100), I(100), I(3)), "'hl'");
    Value s = S("a\342\202\254b");
    ck_assert_int_eq(rt_len(s), 3);
    ck_assert_int_eq(rt_str_char_at(s, 1), 0x20ac);
    ck_assert(!AS_STR(s)->ascii);
    ck_assert(AS_STR(S("abc"))->ascii);
}
END_TEST

START_TEST(test_intern_hash_compare)
{
    Value a = rt_str_intern(S("some_name")), b = rt_str_intern(S("some_name"));
    ck_assert(a == b);
    ck_assert(rt_str_intern(a) == a);
    ck_assert(AS_STR(a)->interned);
    ck_assert(rt_str_intern_cstr("some_name") == a);
    ck_assert(rt_str_equal(S("x\303\251"), S("x\303\251")));
    ck_assert(!rt_str_equal(S("ab"), S("abc")));
    ck_assert_int_eq(rt_str_hash(S("abc")), rt_str_hash(S("abc")));
    ck_assert(rt_str_hash(S("")) != -1);
    ck_assert_int_eq(rt_str_compare(S("abc"), S("abd")), -1);
    ck_assert_int_eq(rt_str_compare(S("\303\251"), S("z")), 1);      /* by code point */
    ck_assert_int_eq(rt_str_compare(S("ab"), S("a")), 1);
    ck_assert(rt_str_from_codepoint('a') == rt_str_from_codepoint('a'));
    expect("concat", rt_str_concat(S("ab"), S("\303\251")), "'ab\303\251'");
}
END_TEST

START_TEST(test_utf8_valid)
{
    size_t n;
    ck_assert(rt_utf8_valid((const unsigned char *)"a\303\251\360\237\230\200", 7, &n));
    ck_assert_int_eq(n, 3);
    ck_assert(rt_utf8_valid((const unsigned char *)"\355\240\200", 3, &n));   /* U+D800: surrogatepass */
    ck_assert(!rt_utf8_valid((const unsigned char *)"\300\200", 2, &n));       /* overlong */
    ck_assert(!rt_utf8_valid((const unsigned char *)"\340\200\200", 3, &n));  /* overlong */
    ck_assert(!rt_utf8_valid((const unsigned char *)"\364\220\200\200", 4, &n)); /* > U+10FFFF */
    ck_assert(!rt_utf8_valid((const unsigned char *)"\303", 1, &n));            /* truncated */
    ck_assert(!rt_utf8_valid((const unsigned char *)"\377", 1, &n));
    expect("latin1", rt_str_from_latin1((const unsigned char *)"caf\351", 4), "'caf\303\251'");
}
END_TEST

START_TEST(test_format_c)
{
    expect("format_c", rt_str_format_c("%s|%d|%zd|%zu|%ld|%c|%R|%S|%T|%%", "x", -1, (ssize_t)-2,
                                       (size_t)3, 4L, 0xe9, S("r"), S("s"), I(5)),
           "\"x|-1|-2|3|4|\303\251|'r'|s|int|%\"");
}
END_TEST

START_TEST(test_format_spec)
{
    expect("format('x', '>10')", rt_format(S("x"), S(">10")), "'         x'");
    expect("format('x', '<5')", rt_format(S("x"), S("<5")), "'x    '");
    expect("format('x', '^7')", rt_format(S("x"), S("^7")), "'   x   '");
    expect("format('abc', '*^8')", rt_format(S("abc"), S("*^8")), "'**abc***'");
    expect("format('abcdef', '.3')", rt_format(S("abcdef"), S(".3")), "'abc'");
    expect("format('x', '05')", rt_format(S("x"), S("05")), "'x0000'");
    expect("format('\303\251', '^5')", rt_format(S("\303\251"), S("^5")), "'  \303\251  '");
    expect("format('x', '+')", rt_format(S("x"), S("+")), "ValueError: Sign not allowed in string format specifier");
    expect("format('x', '=5')", rt_format(S("x"), S("=5")), "ValueError: '=' alignment not allowed in string format specifier");
    expect("format('x', 'd')", rt_format(S("x"), S("d")), "ValueError: Unknown format code 'd' for object of type 'str'");
    expect("format(42, '')", rt_format(I(42), S("")), "'42'");
    expect("format(42, 'd')", rt_format(I(42), S("d")), "'42'");
    expect("format(42, '+d')", rt_format(I(42), S("+d")), "'+42'");
    expect("format(-42, ' d')", rt_format(I(-42), S(" d")), "'-42'");
    expect("format(42, '08d')", rt_format(I(42), S("08d")), "'00000042'");
    expect("format(-42, '=8')", rt_format(I(-42), S("=8")), "'-     42'");
    expect("format(255, 'x')", rt_format(I(255), S("x")), "'ff'");
    expect("format(255, '#X')", rt_format(I(255), S("#X")), "'0XFF'");
    expect("format(5, '#b')", rt_format(I(5), S("#b")), "'0b101'");
    expect("format(8, '#o')", rt_format(I(8), S("#o")), "'0o10'");
    expect("format(1234567, ',')", rt_format(I(1234567), S(",")), "'1,234,567'");
    expect("format(1234567, '_')", rt_format(I(1234567), S("_")), "'1_234_567'");
    expect("format(3735928559, '_x')", rt_format(I(3735928559), S("_x")), "'dead_beef'");
    expect("format(1234, '010,')", rt_format(I(1234), S("010,")), "'00,001,234'");
    expect("format(1234, '09,')", rt_format(I(1234), S("09,")), "'0,001,234'");
    expect("format(97, 'c')", rt_format(I(97), S("c")), "'a'");
    expect("format(-1, 'c')", rt_format(I(-1), S("c")), "OverflowError: %c arg not in range(0x110000)");
    expect("format(1180591620717411303424, ',')", rt_format(rt_int_from_string("1180591620717411303424", 22, 10), S(",")), "'1,180,591,620,717,411,303,424'");
    expect("format(5, '.2')", rt_format(I(5), S(".2")), "ValueError: Precision not allowed in integer format specifier");
    expect("format(5, 'e')", rt_format(I(5), S("e")), "'5.000000e+00'");
    expect("format(5, '%')", rt_format(I(5), S("%")), "'500.000000%'");
    expect("format(True, '')", rt_format(rt_True, S("")), "'True'");
    expect("format(True, 'd')", rt_format(rt_True, S("d")), "'1'");
    expect("format(True, '>5')", rt_format(rt_True, S(">5")), "'    1'");
    expect("format(1, ',x')", rt_format(I(1), S(",x")), "ValueError: Cannot specify ',' with 'x'.");
    expect("format(3.14159, '')", rt_format(F(3.14159), S("")), "'3.14159'");
    expect("format(3.14159, '.2')", rt_format(F(3.14159), S(".2")), "'3.1'");
    expect("format(3.14159, '.2f')", rt_format(F(3.14159), S(".2f")), "'3.14'");
    expect("format(3.14159, '08.3f')", rt_format(F(3.14159), S("08.3f")), "'0003.142'");
    expect("format(3.14159, 'e')", rt_format(F(3.14159), S("e")), "'3.141590e+00'");
    expect("format(3.14159, '.3E')", rt_format(F(3.14159), S(".3E")), "'3.142E+00'");
    expect("format(1e-05, 'g')", rt_format(F(1e-05), S("g")), "'1e-05'");
    expect("format(123456789.0, 'g')", rt_format(F(123456789.0), S("g")), "'1.23457e+08'");
    expect("format(1e+20, '')", rt_format(F(1e+20), S("")), "'1e+20'");
    expect("format(1e+16, '')", rt_format(F(1e+16), S("")), "'1e+16'");
    expect("format(1.0, '')", rt_format(F(1.0), S("")), "'1.0'");
    expect("format(1.0, '.0')", rt_format(F(1.0), S(".0")), "'1e+00'");
    expect("format(123.0, '.2')", rt_format(F(123.0), S(".2")), "'1.2e+02'");
    expect("format(0.25, '%')", rt_format(F(0.25), S("%")), "'25.000000%'");
    expect("format(0.125, '.1%')", rt_format(F(0.125), S(".1%")), "'12.5%'");
    expect("format(1234567.891, ',.2f')", rt_format(F(1234567.891), S(",.2f")), "'1,234,567.89'");
    expect("format(-0.0, 'z.1f')", rt_format(F(-0.0), S("z.1f")), "'0.0'");
    expect("format(-1.5, '+.1f')", rt_format(F(-1.5), S("+.1f")), "'-1.5'");
    expect("format(2.5, '.0f')", rt_format(F(2.5), S(".0f")), "'2'");
    expect("format(1.5, '#.0f')", rt_format(F(1.5), S("#.0f")), "'2.'");
    expect("format(1e+100, '.3g')", rt_format(F(1e+100), S(".3g")), "'1e+100'");
    expect("format(0.30000000000000004, '')", rt_format(F(0.30000000000000004), S("")), "'0.30000000000000004'");
    expect("format(1.5, 'n')", rt_format(F(1.5), S("n")), "'1.5'");
    expect("format(1.5, 'd')", rt_format(F(1.5), S("d")), "ValueError: Unknown format code 'd' for object of type 'float'");
    expect("format(1.5, '10')", rt_format(F(1.5), S("10")), "'       1.5'");
    expect("format(1.5, '<10')", rt_format(F(1.5), S("<10")), "'1.5       '");
    expect("format(1.5, '*^+10.2f')", rt_format(F(1.5), S("*^+10.2f")), "'**+1.50***'");
    expect("format(1.0, '#g')", rt_format(F(1.0), S("#g")), "'1.00000'");
    expect("format(100000.0, 'g')", rt_format(F(100000.0), S("g")), "'100000'");
    expect("format(1000000.0, 'g')", rt_format(F(1000000.0), S("g")), "'1e+06'");
    expect("format(1234.5, '_.1f')", rt_format(F(1234.5), S("_.1f")), "'1_234.5'");
    expect("format(list)", rt_format(L(0), S("x")), "TypeError: unsupported format string passed to list.__format__");
    expect("format(None)", rt_format(rt_None, S("")), "'None'");
}
END_TEST

START_TEST(test_percent)
{
    expect("'%d %s %r' % (1, 'a', 'b')", rt_binary_op(S("%d %s %r"), rt_tuple_pack(3, I(1), S("a"), S("b")), NB_REMAINDER), "\"1 a 'b'\"");
    expect("'%5.2f|%-5d|%05d' % (3.14159, 42, 42)", rt_binary_op(S("%5.2f|%-5d|%05d"), rt_tuple_pack(3, F(3.14159), I(42), I(42)), NB_REMAINDER), "' 3.14|42   |00042'");
    expect("'%+d % d' % (5, 5)", rt_binary_op(S("%+d % d"), rt_tuple_pack(2, I(5), I(5)), NB_REMAINDER), "'+5  5'");
    expect("'%x %X %o %#x %#o' % (255, 255, 8, 255, 8)", rt_binary_op(S("%x %X %o %#x %#o"), rt_tuple_pack(5, I(255), I(255), I(8), I(255), I(8)), NB_REMAINDER), "'ff FF 10 0xff 0o10'");
    expect("'%e %E %g %G' % (12345.678, 0.5, 1e-05, 1e+20)", rt_binary_op(S("%e %E %g %G"), rt_tuple_pack(4, F(12345.678), F(0.5), F(1e-05), F(1e+20)), NB_REMAINDER), "'1.234568e+04 5.000000E-01 1e-05 1E+20'");
    expect("'%c%c' % (65, '\303\251')", rt_binary_op(S("%c%c"), rt_tuple_pack(2, I(65), S("\303\251")), NB_REMAINDER), "'A\303\251'");
    expect("'%%' % ()", rt_binary_op(S("%%"), rt_tuple_pack(0), NB_REMAINDER), "'%'");
    expect("'%s' % 'single'", rt_binary_op(S("%s"), S("single"), NB_REMAINDER), "'single'");
    expect("'%s' % ((1, 2),)", rt_binary_op(S("%s"), rt_tuple_pack(1, rt_tuple_pack(2, I(1), I(2))), NB_REMAINDER), "'(1, 2)'");
    expect("'%(a)s-%(b)d' % {'a': 'x', 'b': 2}", rt_binary_op(S("%(a)s-%(b)d"), D(2, S("a"), S("x"), S("b"), I(2)), NB_REMAINDER), "'x-2'");
    expect("'%.3s|%5s|%-5s|' % ('abcdef', 'ab', 'cd')", rt_binary_op(S("%.3s|%5s|%-5s|"), rt_tuple_pack(3, S("abcdef"), S("ab"), S("cd")), NB_REMAINDER), "'abc|   ab|cd   |'");
    expect("'%*d|%-*d|' % (4, 1, 4, 2)", rt_binary_op(S("%*d|%-*d|"), rt_tuple_pack(4, I(4), I(1), I(4), I(2)), NB_REMAINDER), "'   1|2   |'");
    expect("'%.*f' % (2, 3.14159)", rt_binary_op(S("%.*f"), rt_tuple_pack(2, I(2), F(3.14159)), NB_REMAINDER), "'3.14'");
    expect("'%d' % (1.9,)", rt_binary_op(S("%d"), rt_tuple_pack(1, F(1.9)), NB_REMAINDER), "'1'");
    expect("'%i' % (True,)", rt_binary_op(S("%i"), rt_tuple_pack(1, rt_True), NB_REMAINDER), "'1'");
    expect("'%a' % ('\303\251',)", rt_binary_op(S("%a"), rt_tuple_pack(1, S("\303\251")), NB_REMAINDER), "\"'\\\\xe9'\"");
    expect("'%d %d' % (1,)", rt_binary_op(S("%d %d"), rt_tuple_pack(1, I(1)), NB_REMAINDER), "TypeError: not enough arguments for format string");
    expect("'%d' % (1, 2)", rt_binary_op(S("%d"), rt_tuple_pack(2, I(1), I(2)), NB_REMAINDER), "TypeError: not all arguments converted during string formatting");
    expect("'%d' % ('x',)", rt_binary_op(S("%d"), rt_tuple_pack(1, S("x")), NB_REMAINDER), "TypeError: %d format: a real number is required, not str");
    expect("'%x' % (1.5,)", rt_binary_op(S("%x"), rt_tuple_pack(1, F(1.5)), NB_REMAINDER), "TypeError: %x format: an integer is required, not float");
    expect("'%y' % (1,)", rt_binary_op(S("%y"), rt_tuple_pack(1, I(1)), NB_REMAINDER), "ValueError: unsupported format character 'y' (0x79) at index 1");
    expect("'%' % (1,)", rt_binary_op(S("%"), rt_tuple_pack(1, I(1)), NB_REMAINDER), "ValueError: incomplete format");
    expect("'%(a)s' % (1,)", rt_binary_op(S("%(a)s"), rt_tuple_pack(1, I(1)), NB_REMAINDER), "TypeError: format requires a mapping");
    expect("'%c' % ('ab',)", rt_binary_op(S("%c"), rt_tuple_pack(1, S("ab")), NB_REMAINDER), "TypeError: %c requires int or char");
    expect("'%f' % ('x',)", rt_binary_op(S("%f"), rt_tuple_pack(1, S("x")), NB_REMAINDER), "TypeError: must be real number, not str");
    expect("'x' % (1,)", rt_binary_op(S("x"), rt_tuple_pack(1, I(1)), NB_REMAINDER), "TypeError: not all arguments converted during string formatting");
    expect("'x' % {}", rt_binary_op(S("x"), D(0), NB_REMAINDER), "'x'");
}
END_TEST

START_TEST(test_binops)
{
    expect("str + int", rt_binary_op(S("a"), I(1), NB_ADD), "TypeError: can only concatenate str (not \"int\") to str");
    expect("str * int", rt_binary_op(S("ab"), I(3), NB_MULTIPLY), "'ababab'");
    expect("int * str", rt_binary_op(I(2), S("\303\251"), NB_MULTIPLY), "'\303\251\303\251'");
    expect("str * -1", rt_binary_op(S("ab"), I(-1), NB_MULTIPLY), "''");
    expect("str * str", rt_binary_op(S("ab"), S("c"), NB_MULTIPLY), "TypeError: can't multiply sequence by non-int of type 'str'");
    ck_assert_int_eq(rt_contains(S("h\303\251llo"), S("\303\251l")), 1);
    ck_assert_int_eq(rt_contains(S("hello"), S("")), 1);
    ck_assert_int_eq(rt_contains(S("hello"), I(1)), -1);
    expect("in", VAL_NULL, "TypeError: 'in <string>' requires string as left operand, not int");
}
END_TEST

Suite *str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("str");
    tcase_add_test(tc, test_repr);
    tcase_add_test(tc, test_methods);
    tcase_add_test(tc, test_index_slice);
    tcase_add_test(tc, test_intern_hash_compare);
    tcase_add_test(tc, test_utf8_valid);
    tcase_add_test(tc, test_format_c);
    tcase_add_test(tc, test_format_spec);
    tcase_add_test(tc, test_percent);
    tcase_add_test(tc, test_binops);
    suite_add_tcase(s, tc);
    return s;
}
