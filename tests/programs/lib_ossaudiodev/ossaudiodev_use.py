# ossaudiodev: the constants, and open/openmixer's checks and OSError where no OSS device exists (as on test machines)
import os
os.environ.pop('AUDIODEV', None)
os.environ.pop('MIXERDEV', None)
import ossaudiodev as o

print([(k, getattr(o, k)) for k in dir(o) if k.isupper()])
print(o.control_labels, o.control_names, len(o.control_names) == o.SOUND_MIXER_NRDEVICES)
print(o.OSSAudioError.__mro__, o.error is o.OSSAudioError)
missing = '/nonexistent/dsp'
for f, args in [(o.open, ('x',)), (o.open, ()), (o.open, (1, 'w')), (o.open, ('a', 'b', 'c')),
                (o.open, (missing, 'w')), (o.open, (missing, 'rw')), (o.openmixer, (missing,)),
                (o.openmixer, (1,)), (o.open, ('w\0',))]:
    try:
        f(*args)
    except (OSError, TypeError, ValueError, o.OSSAudioError) as e:
        print(type(e).__name__, e, e.args)
if not os.path.exists('/dev/dsp'):
    for f, args in [(o.open, ('w',)), (o.open, ('r',)), (o.openmixer, ())]:
        try:
            f(*args)
        except OSError as e:
            print(type(e).__name__, e.errno, e.filename)
