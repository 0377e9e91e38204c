# try/except/else/finally: which clauses run in which order
def run(mode):
    log = []
    try:
        log.append("try")
        if mode == "value":
            raise ValueError
        if mode == "type":
            raise TypeError
        if mode == "key":
            raise KeyError
    except ValueError:
        log.append("except ValueError")
    except (TypeError, IndexError):
        log.append("except Type/Index")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for m in ["none", "value", "type"]:
    print(m, run(m))
try:
    run("key")
except KeyError:
    print("key escaped through finally")
def only_finally():
    try:
        return "from try"
    finally:
        print("finally ran before return")
print(only_finally())
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("raised in else")
try:
    else_raises()
except ValueError as e:
    print("caught:", e)
def handler_raises():
    try:
        raise KeyError("a")
    except KeyError:
        raise IndexError("b")
    finally:
        print("finally after handler raise")
try:
    handler_raises()
except IndexError as e:
    print("caught", repr(e), "context", repr(e.__context__))
def bare_except():
    try:
        raise SystemExit(3)
    except:
        return "bare except catches SystemExit"
print(bare_except())
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x += 10
finally:
    x += 100
print(x)
