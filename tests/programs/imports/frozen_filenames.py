# The standard-library modules CPython freezes name their code "<frozen NAME>" (so a traceback
# through them has no source line); -X frozen_modules=off is not set here
import codecs
import os
import runpy
import stat
import sys
import traceback


def frames(exc):
    return [(os.path.basename(f.filename), f.name, f.line) for f in traceback.extract_tb(exc.__traceback__)]


try:
    os.environ['NO_SUCH_VARIABLE_FROZEN_TEST']
except KeyError as e:
    print(frames(e))
try:
    os.fspath(3)
except TypeError as e:
    print(frames(e), e)
print(os.getenv.__code__.co_filename, os.path.join.__code__.co_filename, runpy.run_path.__code__.co_filename)
print(codecs.getreader.__code__.co_filename, stat.filemode.__code__.co_filename)
print(os.__file__.endswith('os.py'), os.path.__name__)
print(traceback.format_exception_only.__code__.co_filename.endswith('traceback.py'))
os.environ['NO_SUCH_VARIABLE_FROZEN_TEST']
