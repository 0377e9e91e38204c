# logging: levels, handlers and formatters on a stream, logger hierarchy and propagation, filters, exceptions with tracebacks, LoggerAdapter, lastResort
import logging, io, sys

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
root = logging.getLogger()
root.addHandler(handler)
root.setLevel(logging.INFO)
log = logging.getLogger('app.db')
log.debug('hidden')
log.info('connected to %s:%d', 'localhost', 5432)
log.warning('slow query: %.1f s', 2.5)
logging.getLogger('app').setLevel(logging.ERROR)
log.warning('now hidden: parent level does not matter, effective level does')
print(log.getEffectiveLevel(), logging.getLevelName(log.getEffectiveLevel()))
log.setLevel(logging.DEBUG)
log.debug('debug shown')

class OnlyEven(logging.Filter):
    def filter(self, record):
        return record.msg.endswith(('0', '2', '4'))
f = OnlyEven()
handler.addFilter(f)
for i in range(5):
    log.info('n=%d' % i)
handler.removeFilter(f)

try:
    1 / 0
except ZeroDivisionError:
    log.exception('failed')
adapter = logging.LoggerAdapter(log, {'user': 'ann'})
adapter.info('adapted')
child = logging.getLogger('app.db.pool')
child.propagate = False
child.error('not propagated')
print(stream.getvalue(), end='')
print(logging.getLogger('app.db') is log, child.parent is log, log.parent.name)

s2 = io.StringIO()
h2 = logging.StreamHandler(s2)
h2.setFormatter(logging.Formatter('[%(levelname)-8s] %(name)s %(funcName)s:%(lineno)d %(message)s'))
other = logging.getLogger('other')
other.addHandler(h2)
other.propagate = False
def work():
    other.critical('critical %s', {'a': 1})
work()
print(s2.getvalue(), end='')
print(logging.getLevelName(25), logging.getLevelName('WARNING'), logging.WARN)
logging.addLevelName(25, 'NOTICE')
print(logging.getLevelName(25))
root.removeHandler(handler)
logging.getLogger('nohandlers').warning('to stderr via lastResort')
