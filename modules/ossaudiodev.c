/*
 * ossaudiodev.c — the `ossaudiodev` module, CPython 3.11's
 * Modules/ossaudiodev.c: access to the Open Sound System devices
 * (/dev/dsp, /dev/mixer).  pvm has the module's constants (the ioctl
 * numbers and formats of <linux/soundcard.h>, the mixer's channels and
 * their labels) and its two functions, which check their arguments and open
 * the device as CPython's do: where the device does not exist — every
 * Linux without OSS emulation — that is CPython's OSError naming it.  The
 * device objects themselves are not built: on a machine that has the
 * device, open() closes it again and raises OSError (ENOSYS).
 * Deprecated by PEP 594 (the import warns) and gone in 3.13 (registry.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/soundcard.h>
#include "modules/modutil.h"
#include "modules/posix.h"

static ObjType oss_error = {
    .ob.type = &rt_type_type, .name = "ossaudiodev.OSSAudioError", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* A str argument, as PyArg_ParseTuple's "s"; fname NULL for a format
 * without ":name" (openmixer's), whose message names no function. */
static const char *str_arg(Value v, const char *fname, int position)
{
    if (!rt_is_str(v)) {
        rt_raisef(&rt_TypeError, "%s%sargument %d must be str, not %T", fname ? fname : "",
                  fname ? "() " : "", position, v);
        return NULL;
    }
    const char *s = mod_str_utf8(v);
    if (s != NULL && strlen(s) != rt_str_nbytes(v)) {
        rt_raisef(&rt_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

/* Open the device (the environment variable's, else the default) the way
 * CPython does; pvm has no device objects to hand back. */
static Value open_device(const char *device, const char *env, const char *dflt, int flags)
{
    if (device == NULL)
        device = getenv(env) != NULL ? getenv(env) : dflt;
    int fd = open(device, flags);
    if (fd < 0) {
        PathArg p = mod_posix_path_spec("open", "device", false, false);
        p.object = rt_str_from_cstr(device);
        return mod_posix_path_error(&p);     /* FileNotFoundError..., as OSError(errno) picks */
    }
    close(fd);
    errno = ENOSYS;
    return mod_posix_error();
}

/* open(mode) or open(device, mode) */
static Value oss_open(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("open", kw) || !rt_arg_count("open", nargs, 1, 2))
        return VAL_NULL;
    const char *device = NULL, *mode = str_arg(args[0], "open", 1);
    if (mode != NULL && nargs == 2) {
        device = mode;
        mode = str_arg(args[1], "open", 2);
    }
    if (mode == NULL)
        return VAL_NULL;
    int flags;
    if (strcmp(mode, "r") == 0)
        flags = O_RDONLY;
    else if (strcmp(mode, "w") == 0)
        flags = O_WRONLY;
    else if (strcmp(mode, "rw") == 0)
        flags = O_RDWR;
    else
        return rt_raisef(&oss_error, "mode must be 'r', 'w', or 'rw'");
    return open_device(device, "AUDIODEV", "/dev/dsp", flags | O_NONBLOCK);
}

/* openmixer(device=None) */
static Value oss_openmixer(Value *args, size_t nargs, Value kw)
{
    if (!rt_arg_nokw("openmixer", kw) || !rt_arg_count("openmixer", nargs, 0, 1))
        return VAL_NULL;
    const char *device = nargs > 0 ? str_arg(args[0], NULL, 1) : NULL;
    if (nargs > 0 && device == NULL)
        return VAL_NULL;
    return open_device(device, "MIXERDEV", "/dev/mixer", O_RDWR);
}

static const MethodDef oss_functions[] = {
    {"open", oss_open}, {"openmixer", oss_openmixer},
    {NULL, NULL}
};

/* The constants CPython's module exports, by their <linux/soundcard.h> names. */
#define OSS_CONSTANTS(X) \
    X(AFMT_AC3) X(AFMT_A_LAW) X(AFMT_IMA_ADPCM) X(AFMT_MPEG) \
    X(AFMT_MU_LAW) X(AFMT_QUERY) X(AFMT_S16_BE) X(AFMT_S16_LE) \
    X(AFMT_S16_NE) X(AFMT_S8) X(AFMT_U16_BE) X(AFMT_U16_LE) \
    X(AFMT_U8) X(SNDCTL_COPR_HALT) X(SNDCTL_COPR_LOAD) X(SNDCTL_COPR_RCODE) \
    X(SNDCTL_COPR_RCVMSG) X(SNDCTL_COPR_RDATA) X(SNDCTL_COPR_RESET) X(SNDCTL_COPR_RUN) \
    X(SNDCTL_COPR_SENDMSG) X(SNDCTL_COPR_WCODE) X(SNDCTL_COPR_WDATA) X(SNDCTL_DSP_BIND_CHANNEL) \
    X(SNDCTL_DSP_CHANNELS) X(SNDCTL_DSP_GETBLKSIZE) X(SNDCTL_DSP_GETCAPS) X(SNDCTL_DSP_GETCHANNELMASK) \
    X(SNDCTL_DSP_GETFMTS) X(SNDCTL_DSP_GETIPTR) X(SNDCTL_DSP_GETISPACE) X(SNDCTL_DSP_GETODELAY) \
    X(SNDCTL_DSP_GETOPTR) X(SNDCTL_DSP_GETOSPACE) X(SNDCTL_DSP_GETSPDIF) X(SNDCTL_DSP_GETTRIGGER) \
    X(SNDCTL_DSP_MAPINBUF) X(SNDCTL_DSP_MAPOUTBUF) X(SNDCTL_DSP_NONBLOCK) X(SNDCTL_DSP_POST) \
    X(SNDCTL_DSP_PROFILE) X(SNDCTL_DSP_RESET) X(SNDCTL_DSP_SAMPLESIZE) X(SNDCTL_DSP_SETDUPLEX) \
    X(SNDCTL_DSP_SETFMT) X(SNDCTL_DSP_SETFRAGMENT) X(SNDCTL_DSP_SETSPDIF) X(SNDCTL_DSP_SETSYNCRO) \
    X(SNDCTL_DSP_SETTRIGGER) X(SNDCTL_DSP_SPEED) X(SNDCTL_DSP_STEREO) X(SNDCTL_DSP_SUBDIVIDE) \
    X(SNDCTL_DSP_SYNC) X(SNDCTL_FM_4OP_ENABLE) X(SNDCTL_FM_LOAD_INSTR) X(SNDCTL_MIDI_INFO) \
    X(SNDCTL_MIDI_MPUCMD) X(SNDCTL_MIDI_MPUMODE) X(SNDCTL_MIDI_PRETIME) X(SNDCTL_SEQ_CTRLRATE) \
    X(SNDCTL_SEQ_GETINCOUNT) X(SNDCTL_SEQ_GETOUTCOUNT) X(SNDCTL_SEQ_GETTIME) X(SNDCTL_SEQ_NRMIDIS) \
    X(SNDCTL_SEQ_NRSYNTHS) X(SNDCTL_SEQ_OUTOFBAND) X(SNDCTL_SEQ_PANIC) X(SNDCTL_SEQ_PERCMODE) \
    X(SNDCTL_SEQ_RESET) X(SNDCTL_SEQ_RESETSAMPLES) X(SNDCTL_SEQ_SYNC) X(SNDCTL_SEQ_TESTMIDI) \
    X(SNDCTL_SEQ_THRESHOLD) X(SNDCTL_SYNTH_CONTROL) X(SNDCTL_SYNTH_ID) X(SNDCTL_SYNTH_INFO) \
    X(SNDCTL_SYNTH_MEMAVL) X(SNDCTL_SYNTH_REMOVESAMPLE) X(SNDCTL_TMR_CONTINUE) X(SNDCTL_TMR_METRONOME) \
    X(SNDCTL_TMR_SELECT) X(SNDCTL_TMR_SOURCE) X(SNDCTL_TMR_START) X(SNDCTL_TMR_STOP) \
    X(SNDCTL_TMR_TEMPO) X(SNDCTL_TMR_TIMEBASE)
#define OSS_MIXER_CHANNELS(X) \
    X(SOUND_MIXER_VOLUME) X(SOUND_MIXER_BASS) X(SOUND_MIXER_TREBLE) X(SOUND_MIXER_SYNTH) \
    X(SOUND_MIXER_PCM) X(SOUND_MIXER_SPEAKER) X(SOUND_MIXER_LINE) X(SOUND_MIXER_MIC) \
    X(SOUND_MIXER_CD) X(SOUND_MIXER_IMIX) X(SOUND_MIXER_ALTPCM) X(SOUND_MIXER_RECLEV) \
    X(SOUND_MIXER_IGAIN) X(SOUND_MIXER_OGAIN) X(SOUND_MIXER_LINE1) X(SOUND_MIXER_LINE2) \
    X(SOUND_MIXER_LINE3) X(SOUND_MIXER_DIGITAL1) X(SOUND_MIXER_DIGITAL2) X(SOUND_MIXER_DIGITAL3) \
    X(SOUND_MIXER_PHONEIN) X(SOUND_MIXER_PHONEOUT) X(SOUND_MIXER_VIDEO) X(SOUND_MIXER_RADIO) \
    X(SOUND_MIXER_MONITOR) X(SOUND_MIXER_NRDEVICES)

static Value str_list(const char *const *names, size_t n)
{
    Value list = rt_list_new(0);
    for (size_t i = 0; i < n; i++)
        rt_list_append(list, rt_str_from_cstr(names[i]));
    return list;
}

Value mod_ossaudiodev_init(void)
{
    if (rt_warn(&rt_DeprecationWarning,
                "'ossaudiodev' is deprecated and slated for removal in Python 3.13", 1) < 0)
        return VAL_NULL;
    if (oss_error.mro == VAL_NULL)
        rt_type_ready(&oss_error, NULL);
    Value m = mod_module_new("ossaudiodev", oss_functions);
    mod_module_set(m, "OSSAudioError", obj_val(&oss_error));
    mod_module_set(m, "error", obj_val(&oss_error));
#define OSS_SET(name) mod_module_set(m, #name, rt_int_from_u64((uint64_t)(unsigned)(name)));
    OSS_CONSTANTS(OSS_SET)
    OSS_MIXER_CHANNELS(OSS_SET)
#undef OSS_SET
    static const char *const labels[] = SOUND_DEVICE_LABELS, *const names[] = SOUND_DEVICE_NAMES;
    mod_module_set(m, "control_labels", str_list(labels, SOUND_MIXER_NRDEVICES));
    mod_module_set(m, "control_names", str_list(names, SOUND_MIXER_NRDEVICES));
    return m;
}
