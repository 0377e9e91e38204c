/*
 * termios.c — the `termios` module: a terminal's attributes (POSIX
 * tcgetattr/tcsetattr), its line control (tcdrain, tcflush, tcflow,
 * tcsendbreak) and window size, CPython's Modules/termios.c for Linux.
 * `tty` and `getpass` stand on it.
 *
 * The attributes travel as CPython's seven-item list
 *
 *     [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]
 *
 * where cc holds one item per control character (NCCS of them): a
 * one-byte bytes object, except that in non-canonical mode (ICANON off)
 * cc[VMIN] and cc[VTIME] are ints — the minimum byte count and the
 * timeout, which on some systems share their slots with VEOF and VEOL.
 * Failures raise termios.error(errno, strerror).
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>          /* _POSIX_VDISABLE */
#include "runtime/version.h"
#include "modules/modutil.h"
#include "modules/posix.h"

/* Linux names the switch character VSWTC; termios offers both names. */
#if defined(VSWTC) && !defined(VSWTCH)
#define VSWTCH VSWTC
#endif

static ObjType termios_error = {
    .ob.type = &rt_type_type, .name = "termios.error", .base = &rt_Exception,
    .flags = TF_EXCEPTION | TF_BASETYPE,
};

/* termios.error(errno, strerror) for the errno of the failed call. */
static Value raise_errno(void)
{
    int err = errno;
    Value args[2] = { small_new(err), rt_str_from_cstr(strerror(err)) };
    Value exc = rt_call(obj_val(&termios_error), args, 2, VAL_NULL);
    return exc == VAL_NULL ? VAL_NULL : rt_raise(exc);
}

static bool long_arg(Value v, long *out)
{
    Value i = rt_index(v);
    int64_t n;
    if (i == VAL_NULL || !rt_int_as_i64(i, &n))
        return false;
    *out = (long)n;
    return true;
}

static bool int_arg(Value v, int *out)
{
    Value i = rt_index(v);
    return i != VAL_NULL && rt_int_as_int(i, out);
}

/* f(fd) and f(fd, n): the arguments of the functions below. */
static bool fd_args(const char *fname, Value *args, size_t nargs, Value kw, size_t want,
                    int *fd, int *n)
{
    return rt_arg_nokw(fname, kw) && rt_arg_count(fname, nargs, want, want) &&
           mod_posix_fileno(args[0], fd) && (want < 2 || int_arg(args[1], n));
}

static Value tc_getattr(Value *args, size_t nargs, Value kw)
{
    int fd;
    struct termios mode;
    if (!fd_args("tcgetattr", args, nargs, kw, 1, &fd, NULL))
        return VAL_NULL;
    if (tcgetattr(fd, &mode) == -1)
        return raise_errno();
    Value cc = rt_list_new(NCCS);
    for (int i = 0; i < NCCS; i++) {
        unsigned char ch = mode.c_cc[i];
        rt_list_append(cc, rt_bytes_new(&ch, 1));
    }
    if ((mode.c_lflag & ICANON) == 0) {
        AS_LIST(cc)->items[VMIN] = small_new(mode.c_cc[VMIN]);
        AS_LIST(cc)->items[VTIME] = small_new(mode.c_cc[VTIME]);
    }
    Value items[7] = {
        rt_int_from_i64(mode.c_iflag), rt_int_from_i64(mode.c_oflag),
        rt_int_from_i64(mode.c_cflag), rt_int_from_i64(mode.c_lflag),
        rt_int_from_i64(cfgetispeed(&mode)), rt_int_from_i64(cfgetospeed(&mode)), cc,
    };
    Value list = rt_list_new(7);
    for (int i = 0; i < 7; i++)
        rt_list_append(list, items[i]);
    return list;
}

/* tcsetattr(fd, when, attributes): the fields a Python list cannot carry
 * keep the terminal's current values (the call starts from tcgetattr). */
static Value tc_setattr(Value *args, size_t nargs, Value kw)
{
    int fd, when;
    struct termios mode;
    if (!fd_args("tcsetattr", args, nargs, kw, 3, &fd, &when))
        return VAL_NULL;
    Value term = args[2];
    if (!rt_isinstance_of(term, &rt_list_type) || AS_LIST(term)->length != 7)
        return rt_raisef(&rt_TypeError, "tcsetattr, arg 3: must be 7 element list");
    if (tcgetattr(fd, &mode) == -1)
        return raise_errno();
    Value *item = AS_LIST(term)->items;
    long flags[4], ispeed, ospeed;
    for (int i = 0; i < 4; i++)
        if (!long_arg(item[i], &flags[i]))
            return VAL_NULL;
    if (!long_arg(item[4], &ispeed) || !long_arg(item[5], &ospeed))
        return VAL_NULL;
    mode.c_iflag = (tcflag_t)flags[0];
    mode.c_oflag = (tcflag_t)flags[1];
    mode.c_cflag = (tcflag_t)flags[2];
    mode.c_lflag = (tcflag_t)flags[3];
    Value cc = item[6];
    if (!rt_isinstance_of(cc, &rt_list_type) || AS_LIST(cc)->length != NCCS)
        return rt_raisef(&rt_TypeError, "tcsetattr: attributes[6] must be %d element list",
                         NCCS);
    for (int i = 0; i < NCCS; i++) {
        Value v = AS_LIST(cc)->items[i];
        long n;
        if (rt_isinstance_of(v, &rt_bytes_type) && AS_BYTES(v)->length == 1)
            mode.c_cc[i] = AS_BYTES(v)->data[0];
        else if (is_int(v) && long_arg(v, &n))
            mode.c_cc[i] = (cc_t)n;
        else
            return rt_err_occurred() ? VAL_NULL
                : rt_raisef(&rt_TypeError, "tcsetattr: elements of attributes must be "
                            "characters or integers");
    }
    if (cfsetispeed(&mode, (speed_t)ispeed) == -1 || cfsetospeed(&mode, (speed_t)ospeed) == -1 ||
        tcsetattr(fd, when, &mode) == -1)
        return raise_errno();
    return rt_None;
}

/* tcsendbreak(fd, duration), tcflush(fd, queue), tcflow(fd, action). */
static Value fd_int_call(const char *fname, int (*fn)(int, int), Value *args, size_t nargs,
                         Value kw)
{
    int fd, n;
    if (!fd_args(fname, args, nargs, kw, 2, &fd, &n))
        return VAL_NULL;
    return fn(fd, n) == -1 ? raise_errno() : rt_None;
}

static Value tc_sendbreak(Value *args, size_t nargs, Value kw)
{
    return fd_int_call("tcsendbreak", tcsendbreak, args, nargs, kw);
}

static Value tc_flush(Value *args, size_t nargs, Value kw)
{
    return fd_int_call("tcflush", tcflush, args, nargs, kw);
}

static Value tc_flow(Value *args, size_t nargs, Value kw)
{
    return fd_int_call("tcflow", tcflow, args, nargs, kw);
}

static Value tc_drain(Value *args, size_t nargs, Value kw)
{
    int fd;
    if (!fd_args("tcdrain", args, nargs, kw, 1, &fd, NULL))
        return VAL_NULL;
    return tcdrain(fd) == -1 ? raise_errno() : rt_None;
}

static Value tc_getwinsize(Value *args, size_t nargs, Value kw)
{
    int fd;
    struct winsize w;
    if (!fd_args("tcgetwinsize", args, nargs, kw, 1, &fd, NULL))
        return VAL_NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return raise_errno();
    return rt_tuple_pack(2, small_new(w.ws_row), small_new(w.ws_col));
}

/* tcsetwinsize(fd, (rows, columns)); the pixel sizes are kept. */
static Value tc_setwinsize(Value *args, size_t nargs, Value kw)
{
    int fd;
    struct winsize w;
    if (!rt_arg_nokw("tcsetwinsize", kw) || !rt_arg_count("tcsetwinsize", nargs, 2, 2) ||
        !mod_posix_fileno(args[0], &fd))
        return VAL_NULL;
    /* PySequence_Check: __getitem__ on the type, and not a mapping. */
    Value size = args[1];
    bool pair = !rt_isinstance_of(size, &rt_dict_type) &&
                rt_type_lookup(val_type(size), RT_NAME("__getitem__")) != VAL_NULL &&
                rt_len(size) == 2;
    if (!pair) {
        rt_err_clear();
        return rt_raisef(&rt_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
    }
    long rows, cols;
    Value r = rt_getitem(size, small_new(0)), c;
    if (r == VAL_NULL || !long_arg(r, &rows) ||
        (c = rt_getitem(size, small_new(1))) == VAL_NULL || !long_arg(c, &cols))
        return VAL_NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return raise_errno();
    w.ws_row = (unsigned short)rows;
    w.ws_col = (unsigned short)cols;
    if (w.ws_row != rows || w.ws_col != cols)
        return rt_raisef(&rt_OverflowError, "winsize value(s) out of range.");
    return ioctl(fd, TIOCSWINSZ, &w) == -1 ? raise_errno() : rt_None;
}

static const MethodDef termios_functions[] = {
    {"tcgetattr", tc_getattr}, {"tcsetattr", tc_setattr}, {"tcsendbreak", tc_sendbreak},
    {"tcdrain", tc_drain}, {"tcflush", tc_flush}, {"tcflow", tc_flow},
    {"tcgetwinsize", tc_getwinsize}, {"tcsetwinsize", tc_setwinsize},
    {NULL, NULL}
};

/* The names python3.11's termios has on Linux (speeds, flags, control
 * character indexes, the tc* actions, ioctl requests). */
#define TERMIOS_CONSTANTS(X) \
    X(B0) X(B1000000) X(B110) X(B115200) X(B1152000) X(B1200) X(B134) X(B150) \
    X(B1500000) X(B1800) X(B19200) X(B200) X(B2000000) X(B230400) X(B2400) \
    X(B2500000) X(B300) X(B3000000) X(B3500000) X(B38400) X(B4000000) X(B460800) \
    X(B4800) X(B50) X(B500000) X(B57600) X(B576000) X(B600) X(B75) X(B921600) \
    X(B9600) X(BRKINT) X(BS0) X(BS1) X(BSDLY) X(CBAUD) X(CBAUDEX) X(CDSUSP) X(CEOF) \
    X(CEOL) X(CEOT) X(CERASE) X(CFLUSH) X(CIBAUD) X(CINTR) X(CKILL) X(CLNEXT) \
    X(CLOCAL) X(CQUIT) X(CR0) X(CR1) X(CR2) X(CR3) X(CRDLY) X(CREAD) X(CRPRNT) \
    X(CRTSCTS) X(CS5) X(CS6) X(CS7) X(CS8) X(CSIZE) X(CSTART) X(CSTOP) X(CSTOPB) \
    X(CSUSP) X(CWERASE) X(ECHO) X(ECHOCTL) X(ECHOE) X(ECHOK) X(ECHOKE) X(ECHONL) \
    X(ECHOPRT) X(EXTA) X(EXTB) X(FF0) X(FF1) X(FFDLY) X(FIOASYNC) X(FIOCLEX) \
    X(FIONBIO) X(FIONCLEX) X(FIONREAD) X(FLUSHO) X(HUPCL) X(ICANON) X(ICRNL) \
    X(IEXTEN) X(IGNBRK) X(IGNCR) X(IGNPAR) X(IMAXBEL) X(INLCR) X(INPCK) \
    X(IOCSIZE_MASK) X(IOCSIZE_SHIFT) X(ISIG) X(ISTRIP) X(IUCLC) X(IXANY) X(IXOFF) \
    X(IXON) X(NCC) X(NCCS) X(NL0) X(NL1) X(NLDLY) X(NOFLSH) X(N_MOUSE) X(N_PPP) \
    X(N_SLIP) X(N_STRIP) X(N_TTY) X(OCRNL) X(OFDEL) X(OFILL) X(OLCUC) X(ONLCR) \
    X(ONLRET) X(ONOCR) X(OPOST) X(PARENB) X(PARMRK) X(PARODD) X(PENDIN) X(TAB0) \
    X(TAB1) X(TAB2) X(TAB3) X(TABDLY) X(TCFLSH) X(TCGETA) X(TCGETS) X(TCIFLUSH) \
    X(TCIOFF) X(TCIOFLUSH) X(TCION) X(TCOFLUSH) X(TCOOFF) X(TCOON) X(TCSADRAIN) \
    X(TCSAFLUSH) X(TCSANOW) X(TCSBRK) X(TCSBRKP) X(TCSETA) X(TCSETAF) X(TCSETAW) \
    X(TCSETS) X(TCSETSF) X(TCSETSW) X(TCXONC) X(TIOCCONS) X(TIOCEXCL) X(TIOCGETD) \
    X(TIOCGICOUNT) X(TIOCGLCKTRMIOS) X(TIOCGPGRP) X(TIOCGSERIAL) X(TIOCGSOFTCAR) \
    X(TIOCGWINSZ) X(TIOCINQ) X(TIOCLINUX) X(TIOCMBIC) X(TIOCMBIS) X(TIOCMGET) \
    X(TIOCMIWAIT) X(TIOCMSET) X(TIOCM_CAR) X(TIOCM_CD) X(TIOCM_CTS) X(TIOCM_DSR) \
    X(TIOCM_DTR) X(TIOCM_LE) X(TIOCM_RI) X(TIOCM_RNG) X(TIOCM_RTS) X(TIOCM_SR) \
    X(TIOCM_ST) X(TIOCNOTTY) X(TIOCNXCL) X(TIOCOUTQ) X(TIOCPKT) X(TIOCPKT_DATA) \
    X(TIOCPKT_DOSTOP) X(TIOCPKT_FLUSHREAD) X(TIOCPKT_FLUSHWRITE) X(TIOCPKT_NOSTOP) \
    X(TIOCPKT_START) X(TIOCPKT_STOP) X(TIOCSCTTY) X(TIOCSERCONFIG) X(TIOCSERGETLSR) \
    X(TIOCSERGETMULTI) X(TIOCSERGSTRUCT) X(TIOCSERGWILD) X(TIOCSERSETMULTI) \
    X(TIOCSERSWILD) X(TIOCSER_TEMT) X(TIOCSETD) X(TIOCSLCKTRMIOS) X(TIOCSPGRP) \
    X(TIOCSSERIAL) X(TIOCSSOFTCAR) X(TIOCSTI) X(TIOCSWINSZ) X(TOSTOP) X(VDISCARD) \
    X(VEOF) X(VEOL) X(VEOL2) X(VERASE) X(VINTR) X(VKILL) X(VLNEXT) X(VMIN) X(VQUIT) \
    X(VREPRINT) X(VSTART) X(VSTOP) X(VSUSP) X(VSWTC) X(VSWTCH) X(VT0) X(VT1) \
    X(VTDLY) X(VTIME) X(VWERASE) X(XCASE) X(XTABS)

Value mod_termios_init(void)
{
    Value m = mod_module_new("termios", termios_functions);
#define SET_CONSTANT(name) mod_module_set(m, #name, rt_int_from_i64((int64_t)(name)));
    TERMIOS_CONSTANTS(SET_CONSTANT)
    if (rt_py_minor >= 13) {                /* 3.13 added these */
        SET_CONSTANT(EXTPROC)
        SET_CONSTANT(IUTF8)
        SET_CONSTANT(_POSIX_VDISABLE)
    }
#undef SET_CONSTANT
    if (termios_error.mro == VAL_NULL)
        rt_type_ready(&termios_error, NULL);
    mod_module_set(m, "error", obj_val(&termios_error));
    return m;
}
