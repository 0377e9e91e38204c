# match driving a vending-machine state machine over a scripted event list
def step(state, event):
    match state, event:
        case ("idle", ("coin", int(v))):
            return ("paying", v), "credit %d" % v
        case ("paying", int(total)), ("coin", int(v)):
            return ("paying", total + v), "credit %d" % (total + v)
        case ("paying", total), ("select", item, price) if total >= price:
            change = total - price
            return "idle", "vend %s, change %d" % (item, change)
        case ("paying", total), ("select", item, price):
            return state, "need %d more for %s" % (price - total, item)
        case ("paying", total), ("refund",):
            return "idle", "refund %d" % total
        case "idle", ("select", item, _):
            return state, "insert coins first for " + item
        case _, ("kick",):
            return "broken", "machine broke"
        case "broken", _:
            return state, "out of order"
        case _:
            return state, "ignored %r" % (event,)
events = [("select", "tea", 3), ("coin", 1), ("coin", 1), ("select", "tea", 3), ("coin", 2),
          ("select", "tea", 3), ("coin", 5), ("refund",), ("bogus",), ("kick",), ("coin", 1)]
state = "idle"
for ev in events:
    state, msg = step(state, ev)
    print("%-22s -> %-32s state=%r" % (ev, msg, state))
