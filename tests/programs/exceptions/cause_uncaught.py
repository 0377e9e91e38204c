# explicit chaining (raise ... from) left uncaught: last line of the traceback is compared
class ConfigError(Exception):
    pass
def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError("missing setting: " + key) from e
cfg = {"port": 80}
print(load(cfg, "port"))
try:
    load(cfg, "host")
except ConfigError as e:
    print(e, "| cause:", repr(e.__cause__), e.__suppress_context__)
load(cfg, "user")
