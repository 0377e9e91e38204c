# a small language: tokenizer, recursive-descent parser to AST, compiler to stack code, and a VM
class Token:
    __slots__ = ("kind", "text", "pos")
    def __init__(self, kind, text, pos):
        self.kind, self.text, self.pos = kind, text, pos
    def __repr__(self):
        return "%s:%s" % (self.kind, self.text)

class CompileError(Exception):
    pass

KEYWORDS = {"let", "print", "while", "if", "else", "end", "do", "then"}
OPS = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", "="]

def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c in " \t\n":
            i += 1
        elif c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(Token("num", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(Token("kw" if word in KEYWORDS else "name", word, i))
            i = j
        else:
            for op in OPS:
                if src.startswith(op, i):
                    toks.append(Token("op", op, i))
                    i += len(op)
                    break
            else:
                raise CompileError("unexpected character %r at %d" % (c, i))
    toks.append(Token("eof", "", len(src)))
    return toks

class Parser:
    PREC = [("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]
    def __init__(self, toks):
        self.toks, self.i = toks, 0
    def peek(self):
        return self.toks[self.i]
    def take(self, text=None):
        t = self.toks[self.i]
        if text is not None and t.text != text:
            raise CompileError("expected %r but found %r at %d" % (text, t.text, t.pos))
        self.i += 1
        return t
    def program(self):
        stmts = self.block(("eof",))
        return ("block", stmts)
    def block(self, enders):
        stmts = []
        while self.peek().text not in enders and self.peek().kind not in enders:
            stmts.append(self.statement())
        return stmts
    def statement(self):
        t = self.peek()
        if t.text == "let":
            self.take()
            name = self.take().text
            self.take("=")
            return ("let", name, self.expr(0))
        if t.text == "print":
            self.take()
            return ("print", self.expr(0))
        if t.text == "while":
            self.take()
            cond = self.expr(0)
            self.take("do")
            body = self.block(("end",))
            self.take("end")
            return ("while", cond, ("block", body))
        if t.text == "if":
            self.take()
            cond = self.expr(0)
            self.take("then")
            body = self.block(("else", "end"))
            other = []
            if self.peek().text == "else":
                self.take()
                other = self.block(("end",))
            self.take("end")
            return ("if", cond, ("block", body), ("block", other))
        raise CompileError("unexpected %r at %d" % (t.text, t.pos))
    def expr(self, level):
        if level == len(self.PREC):
            return self.atom()
        left = self.expr(level + 1)
        while self.peek().kind == "op" and self.peek().text in self.PREC[level]:
            op = self.take().text
            left = ("bin", op, left, self.expr(level + 1))
        return left
    def atom(self):
        t = self.take()
        if t.kind == "num":
            return ("num", int(t.text))
        if t.kind == "name":
            return ("var", t.text)
        if t.text == "-":
            return ("bin", "-", ("num", 0), self.atom())
        if t.text == "(":
            e = self.expr(0)
            self.take(")")
            return e
        raise CompileError("bad expression at %d: %r" % (t.pos, t.text))

def compile_ast(node, code):
    kind = node[0]
    if kind == "block":
        for s in node[1]:
            compile_ast(s, code)
    elif kind == "num":
        code.append(("PUSH", node[1]))
    elif kind == "var":
        code.append(("LOAD", node[1]))
    elif kind == "bin":
        compile_ast(node[2], code)
        compile_ast(node[3], code)
        code.append(("BINOP", node[1]))
    elif kind == "let":
        compile_ast(node[2], code)
        code.append(("STORE", node[1]))
    elif kind == "print":
        compile_ast(node[1], code)
        code.append(("PRINT", None))
    elif kind == "while":
        top = len(code)
        compile_ast(node[1], code)
        jump = len(code)
        code.append(["JUMP_IF_FALSE", None])
        compile_ast(node[2], code)
        code.append(("JUMP", top))
        code[jump][1] = len(code)
    elif kind == "if":
        compile_ast(node[1], code)
        jf = len(code)
        code.append(["JUMP_IF_FALSE", None])
        compile_ast(node[2], code)
        jend = len(code)
        code.append(["JUMP", None])
        code[jf][1] = len(code)
        compile_ast(node[3], code)
        code[jend][1] = len(code)
    return code

BINOPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b, "%": lambda a, b: a % b,
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b), ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
}

def run(code, limit=100000):
    stack, env, pc, steps, out = [], {}, 0, 0, []
    while pc < len(code):
        op, arg = code[pc]
        pc += 1
        steps += 1
        if steps > limit:
            raise RuntimeError("step limit exceeded")
        if op == "PUSH":
            stack.append(arg)
        elif op == "LOAD":
            if arg not in env:
                raise NameError("undefined variable " + arg)
            stack.append(env[arg])
        elif op == "STORE":
            env[arg] = stack.pop()
        elif op == "BINOP":
            b, a = stack.pop(), stack.pop()
            stack.append(BINOPS[arg](a, b))
        elif op == "PRINT":
            out.append(stack.pop())
        elif op == "JUMP":
            pc = arg
        elif op == "JUMP_IF_FALSE":
            if not stack.pop():
                pc = arg
    return out, env, steps

PROGRAMS = {
    "arith": "print 1 + 2 * 3  print (1 + 2) * 3  print -7 / 2  print 17 % 5 - -3",
    "loop": "let i = 0 let s = 0 while i < 10 do let s = s + i * i let i = i + 1 end print s",
    "fizz": """let n = 1 while n <= 15 do
        if n % 15 == 0 then print 1515 else if n % 3 == 0 then print 33 else
        if n % 5 == 0 then print 55 else print n end end end let n = n + 1 end""",
    "collatz": "let n = 27 let steps = 0 while n != 1 do if n % 2 == 0 then let n = n / 2 else let n = 3 * n + 1 end let steps = steps + 1 end print steps",
    "bigfact": "let f = 1 let k = 1 while k <= 25 do let f = f * k let k = k + 1 end print f",
    "bad_char": "print 1 $ 2",
    "bad_syntax": "let = 5",
    "undefined": "print x + 1",
    "divzero": "print 1 / (2 - 2)",
}
for name, src in PROGRAMS.items():
    print("==", name)
    try:
        toks = tokenize(src)
        ast = Parser(toks).program()
        code = compile_ast(ast, [])
        out, env, steps = run([tuple(c) for c in code])
        print("  tokens=%d code=%d steps=%d" % (len(toks), len(code), steps))
        print("  output:", out)
        print("  vars:", sorted(env.items()))
    except CompileError as e:
        print("  compile error:", e)
    except (NameError, ZeroDivisionError) as e:
        print("  runtime error: %s: %s" % (type(e).__name__, e))
print(tokenize("let x = 10 # comment\nprint x")[:5])
print(compile_ast(Parser(tokenize("if 1 then print 2 else print 3 end")).program(), []))
