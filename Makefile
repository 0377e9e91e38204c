# pvm — a small virtual machine for CPython 3.11 bytecode.
#
#   make            build ./pvm (installs missing Debian packages first: make deps)
#   make pgo        the fastest ./pvm: a profile-guided build (gcc or clang; two
#                   builds and a ~20 s training run, in build/pgo-CC/); a plain
#                   `make` puts the plain build back, `make PGO=1 check` tests it
#   make demo       compile examples/hello.py with python3.11 and run its .pyc
#   make check      every test: Check unit tests, the golden programs vs python3.11
#                   under every dispatch strategy, dis vs python3.11's dis, the tracer
#                   and debugger suites, hostile and damaged .pyc files
#   make verify-stdlib  the bytecode verifier over python3.11's whole stdlib
#   make stdlib-imports which standard modules import under pvm, against python3.11
#   make fuzz FUZZ_SECONDS=N   a libFuzzer campaign (clang, ASan, UBSan)
#   make bench      benchmarks side by side with python3.11 (PYVER=3.12 or 3.13: that
#                   python; BENCH_FILTER=fib: only the programs named so)
#   make install PREFIX=/usr/local
#
# Options: CC=clang, OPT=-O0, CFLAGS=... (optimisation and debug flags only:
# -std=gnu11, the warnings and -I. are in PVM_CFLAGS/PVM_CPPFLAGS, which the
# command line cannot replace).  One ./pvm holds every dispatch strategy
# (pvm --list-dispatch; choose with pvm --dispatch=NAME, see vm/README.md).
# The `tailcall` strategy needs __attribute__((musttail)): its one file,
# vm/eval_tailcall.c, is compiled with $(CC) when it supports that, else
# with clang when installed (TAILCALL_CC=... to choose), else left out.

# make's built-in default for CC is `cc`; pvm's default is gcc.
ifeq ($(origin CC),default)
CC       := gcc
endif
PYTHON   ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || echo python3.11)
# CPython 3.12 (pvm also runs its bytecode): pyenv's newest 3.12, else a
# system python3.12; empty when there is none (the 3.12 tests then say so).
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null || echo $(HOME)/.pyenv)
PYTHON312  ?= $(or $(lastword $(sort $(wildcard $(PYENV_ROOT)/versions/3.12.*/bin/python3.12))),$(wildcard /usr/bin/python3.12))
# CPython 3.13 the same way.
PYTHON313  ?= $(or $(lastword $(sort $(wildcard $(PYENV_ROOT)/versions/3.13.*/bin/python3.13))),$(wildcard /usr/bin/python3.13))
# CPython 3.14: pyodide in node (tools/python314), installed by `make deps`;
# empty when it is not installed (the 3.14 tests then say so).
PYTHON314  ?= $(if $(wildcard tools/python314/node_modules/pyodide/package.json),tools/python314/python3.14)
PREFIX   ?= /usr/local
OPT      ?= -O2

# What pvm needs, whatever the command line says (`make CFLAGS=-O0` replaces
# CFLAGS only): gnu11 because the code uses GNU C — labels as values
# (`&&label`, `goto *p`) for the goto and threaded dispatch, range designators
# (`[0 ... 255] =`) for the 256-entry opcode tables, __attribute__((musttail))
# (docs/style.md); the warnings because the tree builds clean under them.
# -MMD -MP: each object also writes build/.../X.d, the headers it included,
# so that a header edit rebuilds exactly the objects that use it.
WARN     := -Wall -Wextra -Wshadow -Wno-unused-parameter -Wno-missing-field-initializers
override PVM_CFLAGS   := -std=gnu11 $(WARN)
override PVM_CPPFLAGS := -I. -MMD -MP
CFLAGS   ?= $(OPT) -g
# libgc's archive, $(GC_LIB) (below), is a prerequisite of every link, so a
# rebuilt libgc relinks: the linker gets it from $^; -lpthread is its own need.
GC_CFLAGS = -I$(GC_DIR)/include
GC_LIBS   = -lpthread
override PVM_LIBS := $(GC_LIBS) -lgmp -lutf8proc -ldl -lm
COMPILE   = $(PVM_CPPFLAGS) $(CPPFLAGS) $(GC_CFLAGS) $(PVM_CFLAGS) $(CFLAGS)

BUILD    := build/$(notdir $(firstword $(CC)))
# The profile-guided build's own directory (make pgo, below).
PGO_BUILD := build/pgo-$(notdir $(firstword $(CC)))

# The standard library pvm runs: the pure-Python Lib/ of the CPython whose
# bytecode it executes, asked of that python at build time — sysconfig's
# "stdlib" path and the prefixes behind sys.prefix/exec_prefix/platlibdir
# (/usr/lib/python3.11, /usr, /usr, lib on Debian) — and its micro
# version, which sys.version_info reports (2 for Debian 12's 3.11.2), so
# that a program printing it prints what that python3.11 prints.  Recorded
# in modules/sys.o; PYTHONHOME overrides the paths at run time (modules/sys.c).
PVM_PYPATHS := $(shell $(PYTHON) -c 'import sys, sysconfig; print(sysconfig.get_path("stdlib"), sys.base_prefix, sys.base_exec_prefix, sys.platlibdir, sys.version_info[2])' 2>/dev/null)
PVM_STDLIB      ?= $(word 1,$(PVM_PYPATHS))
PVM_PREFIX      ?= $(word 2,$(PVM_PYPATHS))
PVM_EXEC_PREFIX ?= $(word 3,$(PVM_PYPATHS))
PVM_PLATLIBDIR  ?= $(word 4,$(PVM_PYPATHS))
# The global site-packages directories of each python for one prefix
# (site.getsitepackages([sys.prefix]): the distribution's layout,
# {prefix}/local/lib/python3.11/dist-packages, {prefix}/lib/python3/dist-packages
# and {prefix}/lib/python3.11/dist-packages on Debian), ':'-separated, the
# prefix written {prefix}: pvm puts them on sys.path for sys.prefix and
# sys.exec_prefix (PYTHONHOME's too) as site.py does (modules/sitedirs.c).
SITEDIRS_OF = $(if $(1),$(shell $(1) -c 'import site, sys; p = sys.prefix; \
    print(":".join("{prefix}" + d[len(p):] if d.startswith(p + "/") else d for d in site.getsitepackages([p])))' 2>/dev/null))
# The same of python3.12 for a 3.12 process, and its micro version.
PVM_PY312PATHS := $(if $(PYTHON312),$(shell $(PYTHON312) -c 'import sys, sysconfig; print(sysconfig.get_path("stdlib"), sys.base_prefix, sys.base_exec_prefix, sys.version_info[2])' 2>/dev/null))
PVM_PY313PATHS := $(if $(PYTHON313),$(shell $(PYTHON313) -c 'import sys, sysconfig; print(sysconfig.get_path("stdlib"), sys.base_prefix, sys.base_exec_prefix, sys.version_info[2])' 2>/dev/null))
# A 3.14 process's standard library: pyodide's (it has no sysconfig to ask
# and runs in node), the pure-Python Lib/ of python_stdlib.zip unpacked into
# build/python314/lib/python3.14 and compiled there by python3.14 (one
# `-m compileall`, so that importing it needs no compiler at run time);
# its micro version from pyodide-lock.json.
PYODIDE_DIR  := tools/python314/node_modules/pyodide
PY314_HOME   := $(abspath build/python314)
PY314_STDLIB := $(PY314_HOME)/lib/python3.14
PY314_MICRO  := $(if $(PYTHON314),$(shell sed -n 's/.*"python": *"3\.14\.\([0-9]*\)".*/\1/p' $(PYODIDE_DIR)/pyodide-lock.json 2>/dev/null))
# 3.14's compiler is pyodide, seconds to load: pvm runs pvm-compile314, a
# relay to one compile server shared by every pvm process (see
# tools/python314/compile_relay.c).
COMPILE_RELAY := $(abspath $(BUILD))/pvm-compile314
LIB_SRCS := $(sort $(wildcard runtime/*.c loader/*.c vm/*.c modules/*.c modules/decimal/*.c tools/*.c))
LIB_SRCS := $(filter-out tools/main.c vm/eval_tailcall.c,$(LIB_SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)

# The tailcall strategy: the first of $(CC), clang, clang-14 that compiles a
# musttail return without a warning.
musttail_ok = printf 'int g(int);\nint f(int x) { __attribute__((musttail)) return g(x); }\n' | \
              $(1) -Werror -x c -c -o /dev/null - >/dev/null 2>&1
TAILCALL_CC ?= $(shell for c in $(CC) clang clang-14; do \
                 if command -v $$c >/dev/null 2>&1 && $(call musttail_ok,$$c); then \
                   echo $$c; break; fi; done)
ifneq ($(strip $(TAILCALL_CC)),)
override PVM_CPPFLAGS += -DPVM_HAVE_TAILCALL
LIB_OBJS += $(BUILD)/vm/eval_tailcall.o
endif

# Debian packages pvm needs to build and test.
DEB_PKGS := libgc-dev check libreadline-dev libgmp-dev libutf8proc-dev zlib1g-dev libbz2-dev liblzma-dev libssl-dev libb2-dev libexpat1-dev libsqlite3-dev uuid-dev libcrypt-dev libdb5.3-dev libgdbm-dev libnsl-dev libncurses-dev python3.11 python3-gdbm libpython3.11-testsuite pkg-config tmux patch

.PHONY: pgo py314-stdlib all deps deps-packages demo check unit golden gcstress decimal-check decimal-diff conformance conformance-floor bench docs install clean pvm fuzz verify-stdlib stdlib-imports

all: pvm $(if $(PYTHON314),py314-stdlib)

# ---- the collector --------------------------------------------------------
#
# pvm links Boehm's libgc built by itself from Debian's source of the version
# Debian 12 ships (8.2.2; Debian applies no patch to it), configured as
# Debian does but for --disable-parallel-mark.  Debian's libgc marks in
# parallel, and a parallel marker keeps a mark *byte* per 16-byte granule
# (no atomic read-modify-write to set one): a 328-byte block header, marks
# included, for every 4 KiB block of small objects.  A single marker keeps
# mark bits: a 104-byte header.
# Its black lists are hashed by 2^16 blocks instead of 2^18: GC_INIT zeroes
# four of them (pointers from the heap and from the stack, old and new), 32
# KiB each at 2^18, so every start-up wrote 32 pages for tables a small
# program barely reads.  At 8 KiB each, start-up writes 24 pages and 130 k
# instructions fewer (-35 page faults, -5% of `pvm hello.pyc`'s time);
# collisions (a block wrongly taken as black-listed, so not used for a big
# object) become likely only past ~256 MiB of heap, and no bench program's
# peak RSS or instructions rose (bench/README.md, "smaller black lists").
# pvm's threads run one at a time under the global lock (vm/thread.c), and
# the machines pvm is measured on have two cores; with one marker thread
# peak RSS drops by 3-4% on the programs whose heap is big (wordcount
# 110.4 -> 106.8 MiB, records 46.9 -> 45.0, json_io 43.3 -> 41.8) and the
# collector's instructions drop too (bench/README.md, "libgc built with
# mark bits (h-gcbuild)").  Thread support stays (pvm's threads are
# pthreads the collector must stop and scan).
#
# Changes of pvm's own are applied to the source first, each a patch in
# tools/libgc/ that says why: GC_allochblk passes over empty free lists
# without a call (-4.9% of bench/float.py's instructions), and the marker's
# cache of block headers has 64 entries instead of 8 (-1.9% of `pvm -m pip
# list`'s instructions).
# `make deps` fetches the tarball (tools/fetch.py: the SHA-256 checked;
# snapshot.debian.org keeps it for good) and builds build/libgc/lib/libgc.a.
# Offline, it falls back to Debian's own archive (libgc-dev), as before
# (unpatched: the patches change speed, not behaviour).
GC_VERSION   := 8.2.2
GC_TARBALL   := libgc_$(GC_VERSION).orig.tar.gz
GC_SHA256    := f30107bcb062e0920a790ffffa56d9512348546859364c23a14be264b38836a0
GC_URLS      := http://deb.debian.org/debian/pool/main/libg/libgc/$(GC_TARBALL) \
                https://snapshot.debian.org/file/77e2294086c8a3281958338f0c60e830c228a203
GC_DIR       := build/libgc
GC_LIB       := $(GC_DIR)/lib/libgc.a
GC_CONFIGURE := --disable-parallel-mark --enable-static --disable-shared \
                --with-libatomic-ops=none --disable-cplusplus --disable-docs \
                --disable-dependency-tracking CFLAGS_EXTRA=-DLOG_PHT_ENTRIES=16

GC_PATCHES   := $(sort $(wildcard tools/libgc/*.patch))

# The configuration and patches it was built with; a changed one rebuilds it.
GC_STAMP     := $(GC_DIR)/configured-with
GC_BUILT_AS  := $(GC_CONFIGURE) patches: $(shell cat $(GC_PATCHES) /dev/null | cksum)

$(GC_STAMP): FORCE
	@mkdir -p $(GC_DIR)
	@echo '$(GC_BUILT_AS)' | cmp -s - $@ || echo '$(GC_BUILT_AS)' > $@
FORCE:

$(GC_LIB): $(GC_STAMP) | deps-packages
	@mkdir -p $(GC_DIR)
	@if $(PYTHON) tools/fetch.py $(GC_SHA256) $(GC_DIR)/$(GC_TARBALL) $(GC_URLS); then \
	  rm -rf $(GC_DIR)/src && mkdir -p $(GC_DIR)/src && \
	  tar -xzf $(GC_DIR)/$(GC_TARBALL) -C $(GC_DIR)/src --strip-components=1 && \
	  for p in $(GC_PATCHES); do patch -s -p1 -d $(GC_DIR)/src < $$p || exit 1; done && \
	  cd $(GC_DIR)/src && ./configure --prefix=$(abspath $(GC_DIR)) $(GC_CONFIGURE) >configure.log && \
	  $(MAKE) --no-print-directory >make.log && $(MAKE) --no-print-directory install >install.log && \
	  echo "deps: libgc $(GC_VERSION) built in $(GC_DIR) ($(firstword $(GC_CONFIGURE)))"; \
	else lib=$$($(CC) -print-file-name=libgc.a); \
	  echo "deps: libgc's source could not be fetched: linking Debian's $$lib instead"; \
	  mkdir -p $(dir $(GC_LIB)) && cp "$$lib" $(GC_LIB); fi

# What building and testing pvm needs: the Debian packages, pyodide, and
# pvm's own libgc (above).
deps: deps-packages $(GC_LIB)

# Install what is missing: with apt-get when root, via sudo otherwise, or
# print the exact command when neither is possible.
deps-packages:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y $$missing; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    sudo apt-get update && sudo apt-get install -y $$missing; \
	  else echo "pvm needs:$$missing"; \
	    echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	fi
	@if [ -f tools/python314/node_modules/pyodide/package.json ]; then :; \
	elif command -v npm >/dev/null && \
	  npm ci --prefix tools/python314 --no-audit --no-fund --loglevel=error; then \
	  echo "deps: python3.14 (pyodide) installed in tools/python314"; \
	else echo "deps: no python3.14 (npm missing or failed): the 3.14 tests will be skipped"; fi
	@if [ -z "$(PYTHON312)" ]; then echo "deps: no python3.12 (none in $(PYENV_ROOT)/versions," \
	  "no /usr/bin/python3.12; Debian 12 packages none): the 3.12 tests will be skipped"; fi

$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(COMPILE) $(PGO_CFLAGS) -c $< -o $@

# The computed-goto loops without GCC's global common subexpression
# elimination, as GCC's manual advises for computed gotos: with it, once the
# loop grew the 3.12 and 3.13 forms, GCC merged the dispatch jumps of many
# bodies (tak: +9% instructions and +23% time under threaded, +16%
# instructions under goto).  clang has no such pass.
ifneq ($(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1)),clang)
$(BUILD)/vm/eval_threaded.o $(BUILD)/vm/eval_goto.o: override PVM_CFLAGS += -fno-gcse
endif

# -gdwarf-4: valgrind 3.19 cannot read clang 14's DWARF 5 (it gives up on
# the whole binary), and callgrind is how vm/README.md measures dispatch.
$(BUILD)/vm/eval_tailcall.o: vm/eval_tailcall.c | deps
	@mkdir -p $(dir $@)
	$(TAILCALL_CC) $(COMPILE) -gdwarf-4 -c $< -o $@

SYS_PATHS = -DPVM_STDLIB='"$(PVM_STDLIB)"' \
    -DPVM_PREFIX='"$(PVM_PREFIX)"' -DPVM_EXEC_PREFIX='"$(PVM_EXEC_PREFIX)"' \
    -DPVM_PLATLIBDIR='"$(PVM_PLATLIBDIR)"' -DPY311_MICRO=$(or $(word 5,$(PVM_PYPATHS)),2) \
    -DPVM_STDLIB312='"$(word 1,$(PVM_PY312PATHS))"' -DPVM_PREFIX312='"$(word 2,$(PVM_PY312PATHS))"' \
    -DPVM_EXEC_PREFIX312='"$(word 3,$(PVM_PY312PATHS))"' -DPY312_MICRO=$(or $(word 4,$(PVM_PY312PATHS)),1) \
    -DPVM_STDLIB313='"$(word 1,$(PVM_PY313PATHS))"' -DPVM_PREFIX313='"$(word 2,$(PVM_PY313PATHS))"' \
    -DPVM_EXEC_PREFIX313='"$(word 3,$(PVM_PY313PATHS))"' -DPY313_MICRO=$(or $(word 4,$(PVM_PY313PATHS)),0) \
    $(if $(PYTHON314),-DPVM_STDLIB314='"$(PY314_STDLIB)"' -DPVM_PREFIX314='"$(PY314_HOME)"' \
                      -DPY314_MICRO=$(or $(PY314_MICRO),0)) \
    -DPVM_SITEDIRS='"$(call SITEDIRS_OF,$(PYTHON))"' \
    -DPVM_SITEDIRS312='"$(call SITEDIRS_OF,$(PYTHON312))"' -DPVM_SITEDIRS313='"$(call SITEDIRS_OF,$(PYTHON313))"'
$(BUILD)/modules/sys.o: override PVM_CPPFLAGS += $(SYS_PATHS)

# The 3.14 standard library (see PY314_STDLIB above); .compiled marks it
# complete, so that an interrupted unpacking is done again.
py314-stdlib: $(PY314_STDLIB)/.compiled
$(PY314_STDLIB)/.compiled: $(PYODIDE_DIR)/python_stdlib.zip
	rm -rf $(PY314_STDLIB) && mkdir -p $(PY314_STDLIB)
	cd $(PY314_STDLIB) && unzip -q $(abspath $<)
	$(PYTHON314) -m compileall -q $(PY314_STDLIB) >/dev/null
	touch $@

# The compile service (loader/compile.c): its Python program becomes a C
# string literal (each line quoted, \ and " escaped), and the python3.11 it
# runs by default is $(PYTHON) (PVM_COMPILER overrides it at run time).
$(BUILD)/gen/compile_service.inc: loader/compile_service.py
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@

$(BUILD)/loader/compile.o: $(BUILD)/gen/compile_service.inc

# The CJK codecs' tables (modules/cjk_codecs.c), asked of $(PYTHON)'s own
# codecs by modules/cjk_gen.py at build time: about 4 MB of C, not committed.
$(BUILD)/gen/cjk_tables.inc: modules/cjk_gen.py
	@mkdir -p $(dir $@)
	$(PYTHON) $< > $@.tmp && mv $@.tmp $@
$(BUILD)/gen/cjk_iso2022.inc: modules/cjk_gen.py
	@mkdir -p $(dir $@)
	$(PYTHON) $< iso2022 > $@.tmp && mv $@.tmp $@
$(BUILD)/modules/cjk_codecs.o: $(BUILD)/gen/cjk_tables.inc
$(BUILD)/modules/iso2022.o: $(BUILD)/gen/cjk_iso2022.inc
$(BUILD)/modules/cjk_codecs.o $(BUILD)/modules/iso2022.o: CPPFLAGS += -I$(BUILD)/gen

# nis (modules/nis.c) reads libnsl's headers, which include libtirpc's <rpc/rpc.h>.
$(BUILD)/modules/nis.o: CPPFLAGS += $(shell pkg-config --cflags libtirpc 2>/dev/null || echo -I/usr/include/tirpc)

# 3.12's _typing, written in Python (modules/typing312.c), the same way.
$(BUILD)/gen/typing312.inc: modules/typing312.py
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@
$(BUILD)/modules/typing312.o: $(BUILD)/gen/typing312.inc
$(BUILD)/modules/typing312.o: CPPFLAGS += -I$(BUILD)/gen
COMPILER_PATHS = -DPVM_COMPILER_PATH='"$(PYTHON)"' \
    -DPVM_COMPILER312_PATH='"$(or $(PYTHON312),python3.12)"' \
    -DPVM_COMPILER313_PATH='"$(or $(PYTHON313),python3.13)"' \
    -DPVM_COMPILER314_PATH='"$(if $(PYTHON314),$(COMPILE_RELAY),python3.14)"'
$(BUILD)/loader/compile.o: CPPFLAGS += -I$(BUILD)/gen $(COMPILER_PATHS)

# pvm-compile314: see COMPILE_RELAY above.
$(COMPILE_RELAY): tools/python314/compile_relay.c
	$(CC) $(PVM_CFLAGS) $(CFLAGS) \
	    -DPVM_SERVER_SCRIPT='"$(abspath tools/python314/compile_server.mjs)"' -o $@ $<

$(BUILD)/libpvm.a: $(LIB_OBJS)
	rm -f $@ && $(AR) rcs $@ $^

# Linked as a fixed-address executable (-no-pie): a position-independent
# pvm carried ~19,000 relative relocations (every pointer in a static type,
# method table and name table), 460 KiB of them read and the pages they
# patch written at every start: 0.5 MiB of resident memory for each run,
# a sixth of `pvm hello.pyc`'s (bench/README.md, "i13-rss").
override PVM_LDFLAGS := -no-pie

# Start-up: pvm links the small libraries (gc, gmp, utf8proc) statically
# when their archives are installed (Debian's -dev packages have them;
# libgc's is always pvm's own, above): three shared objects fewer to map,
# relocate and bind at every start, -7% of `pvm hello.pyc`'s instructions
# (bench/README.md, "start-up, fourth round").  Else, or with STATIC_LIBS=,
# gmp and utf8proc shared as usual.  Only the pvm executable: the unit
# tests and the fuzzer link PVM_LIBS.
# (libreadline is not linked at all: modules/readline.h opens it on use.)
STATIC_LIBS ?= $(if $(filter-out /%,$(foreach l,gmp utf8proc,$(shell $(CC) -print-file-name=lib$(l).a))),,yes)
PVM_STATIC_LIBS := -Wl,-Bstatic -lgmp -lutf8proc -Wl,-Bdynamic -lpthread -ldl -lm
PVM_EXE_LIBS := $(if $(STATIC_LIBS),$(PVM_STATIC_LIBS),$(PVM_LIBS))

$(BUILD)/pvm: $(BUILD)/tools/main.o $(BUILD)/libpvm.a $(GC_LIB)
	$(CC) $(PVM_CFLAGS) $(CFLAGS) $(PGO_CFLAGS) $(PVM_LDFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(PVM_EXE_LIBS)

# ./pvm is a copy of the build (copied only when it changed): the plain
# build, or with PGO=1 the profile-guided one (make pgo, below).  mv, not cp:
# a ./pvm still running keeps its file.
PVM_BIN = $(if $(PGO),$(PGO_BUILD)/pvm,$(BUILD)/pvm)
pvm: $(PVM_BIN) $(if $(PYTHON314),$(COMPILE_RELAY))
	@cmp -s $< $@ || { cp $< $@.new && mv -f $@.new $@; }

# ---- the profile-guided build (make pgo; bench/README.md) -----------------
#
# `make pgo` = `make PGO=1 pvm`: ./pvm becomes $(PGO_BUILD)/pvm, built in
# three steps in its own directory — every file compiled with
# -fprofile-generate, that pvm run over tools/pgo_train.py's training set
# (small copies of bench/ and a few golden directories, ~20 s), every file
# compiled again with the profile.  Nothing of it touches $(BUILD): a plain
# `make` puts the plain build back as ./pvm; `make PGO=1 check` tests the
# profile-guided one.  It is redone whenever a source file changes.
# gcc keeps one .gcda beside each object; clang writes .profraw files that
# llvm-profdata (the one of clang's version) merges.  The tailcall file is
# compiled by $(TAILCALL_CC) without a profile (gcc's and clang's profiles
# are not interchangeable), so it keeps working but is not trained.
# -fprofile-correction: a vfork()ed child (posixsubprocess) counts into its
# parent's counters before it execs, which leaves edges gcc would otherwise
# reject as "corrupted profile info"; gcc smooths them out instead.
PGO_TRAIN := $(PGO_BUILD)/train
CC_IS_CLANG := $(findstring clang,$(shell $(CC) --version 2>/dev/null | head -n 1))
ifeq ($(CC_IS_CLANG),clang)
LLVM_PROFDATA ?= $(shell v=$$($(CC) -dumpversion 2>/dev/null | cut -d. -f1); \
                   command -v llvm-profdata-$$v 2>/dev/null || command -v llvm-profdata 2>/dev/null)
PGO_GEN := -fprofile-generate=$(abspath $(PGO_BUILD))/profraw
PGO_USE := -fprofile-use=$(abspath $(PGO_BUILD))/pvm.profdata -Wno-profile-instr-unprofiled
else
PGO_GEN := -fprofile-generate -fprofile-update=prefer-atomic
PGO_USE := -fprofile-use -fprofile-partial-training -fprofile-correction -Wno-missing-profile
endif
PGO_SRCS := $(LIB_SRCS) tools/main.c $(wildcard */*.h) tools/pgo_train.py
ifeq ($(PGO_STEP),)
pgo:
	@$(MAKE) --no-print-directory PGO=1 pvm

$(PGO_BUILD)/pvm: $(PGO_SRCS) | deps
ifeq ($(CC_IS_CLANG),clang)
	@test -n "$(LLVM_PROFDATA)" || { echo "pgo: $(CC) needs llvm-profdata (of its version) to merge" \
	  "its profile; none found (LLVM_PROFDATA=...)"; exit 1; }
endif
	rm -rf $(PGO_BUILD)
	$(MAKE) --no-print-directory BUILD=$(PGO_BUILD) PGO_STEP=generate PGO_CFLAGS="$(PGO_GEN)" $(PGO_BUILD)/pvm
	$(PYTHON) tools/pgo_train.py $(PGO_BUILD)/pvm $(PGO_TRAIN)
ifeq ($(CC_IS_CLANG),clang)
	$(LLVM_PROFDATA) merge -output=$(PGO_BUILD)/pvm.profdata $(PGO_BUILD)/profraw/*.profraw
endif
	find $(PGO_BUILD) \( -name '*.o' -o -name '*.a' \) -delete && rm -f $(PGO_BUILD)/pvm
	$(MAKE) --no-print-directory BUILD=$(PGO_BUILD) PGO_STEP=use PGO_CFLAGS="$(PGO_USE)" $(PGO_BUILD)/pvm \
	    $(if $(PYTHON314),$(abspath $(PGO_BUILD))/pvm-compile314)
endif

demo: pvm
	@$(PYTHON) -c 'import py_compile; py_compile.compile("examples/hello.py", cfile="examples/hello.pyc", doraise=True)'
	./pvm examples/hello.pyc

# ---- tests ---------------------------------------------------------------

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(BUILD)/%.o)
UNIT_BIN  := $(BUILD)/unit_tests
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lpthread)

$(UNIT_BIN): $(UNIT_OBJS) $(BUILD)/libpvm.a $(GC_LIB)
	$(CC) $(PVM_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(LDLIBS) $(PVM_LIBS)

unit: $(UNIT_BIN) pvm
	PYTHON=$(PYTHON) PYTHON312=$(PYTHON312) PYTHON313=$(PYTHON313) PYTHON314=$(PYTHON314) $(UNIT_BIN)

golden: pvm
	PYTHON=$(PYTHON) tests/run_golden.sh ./pvm

# Goldens under the collector's stress mode (runtime/gc.c, PVM_GC_STRESS: a
# full collection every GCSTRESS_EVERY allocations, freed memory handed out
# again at once): a C cursor into an object whose Value nobody holds shows
# up as wrong output or a crash.  193 programs, ~40 s under load; `make check`
# runs six of these folders (tests/check.sh).
GCSTRESS_EVERY ?= 200
GCSTRESS_DIRS  ?= apps/ strings/ types_str/ types_bytes/ types_list/ types_dict/ \
                  dicts/ lists/ generators/ finalizers/ sre/ lib_re/ lib_json/ \
                  lib_pickle/c_ lib_weakref/ lib_struct/ memoryview/ lib_sys/
gcstress: pvm
	@fail=0; for d in $(GCSTRESS_DIRS); do \
	    PVM_GC_STRESS=$(GCSTRESS_EVERY) GOLDEN_TIMEOUT=120 PYTHON=$(PYTHON) \
	        tests/run_golden.sh ./pvm $$d || fail=1; \
	done; exit $$fail

# The decimal library (modules/decimal/) against CPython's test vectors,
# the *.decTest files of libpython3.11-testsuite (tests/unit/dectest.c).
DECTEST_DIR ?= /usr/lib/python3.11/test/decimaltestdata
DEC_SRCS    := $(wildcard modules/decimal/*.c)
$(BUILD)/dectest: tests/unit/dectest.c $(DEC_SRCS) $(wildcard modules/decimal/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(PVM_CFLAGS) $(CFLAGS) -o $@ tests/unit/dectest.c $(DEC_SRCS) -lgmp -lm

decimal-check: $(BUILD)/dectest
	$(BUILD)/dectest $(DECTEST_DIR)/*.decTest tests/unit/dec_extra.decTest

# The same library against python3.11's C decimal on random operations
# (DEC_RANDOM operations, seed DEC_SEED; tests/unit/dec_random.py).
DEC_RANDOM ?= 30000
DEC_SEED   ?= 1
decimal-diff: $(BUILD)/dectest
	$(PYTHON) tests/unit/dec_random.py $(DEC_RANDOM) $(DEC_SEED) > $(BUILD)/dec_random.decTest
	$(BUILD)/dectest $(BUILD)/dec_random.decTest

# Runs every suite — the golden programs once per strategy in
# `./pvm --list-dispatch` — then prints one summary line "N passed, M failed".
check: $(UNIT_BIN) pvm $(if $(PYTHON314),py314-stdlib) decimal-check
	@PYTHON=$(PYTHON) PYTHON312=$(PYTHON312) PYTHON313=$(PYTHON313) PYTHON314=$(PYTHON314) tests/check.sh $(UNIT_BIN) ./pvm

# CPython's own test suite under pvm and python3.11 (tests/conformance/):
# writes tests/conformance/latest.md and latest.json.  CONF_JOBS modules run
# at once, each for at most CONF_TIMEOUT seconds per interpreter.
CONF_JOBS    ?= 2
CONF_TIMEOUT ?= 600
conformance: pvm
	$(PYTHON) tests/conformance/run.py --pvm ./pvm --python $(PYTHON) \
	    --jobs $(CONF_JOBS) --timeout $(CONF_TIMEOUT) --out tests/conformance

# Record the quick slice's passing counts as the floor `make check` holds.
conformance-floor: pvm
	$(PYTHON) tests/conformance/run.py --pvm ./pvm --python $(PYTHON) \
	    --modules tests/conformance/quick.txt --timeout 300 \
	    --write-floor tests/conformance/floor.txt

# Every benchmark under every dispatch strategy this build has, beside
# python3.11 (BENCH_RUNS=N, BENCH_CALLGRIND=1: see bench/README.md).
# PYVER=3.12 (3.13): the programs compiled by and compared with python3.12
# (pyenv's, $(PYTHON312); python3.13, $(PYTHON313)); results in
# bench/results/3.12/ (3.13/).  BENCH_FILTER=fib: only the programs whose
# names contain one of its words.
PYVER ?= 3.11
BENCH_PYTHON = $(if $(filter 3.11,$(PYVER)),$(PYTHON),$(or $(PYTHON$(subst .,,$(PYVER))),$(lastword $(sort $(wildcard $(PYENV_ROOT)/versions/$(PYVER).*/bin/python$(PYVER)))),python$(PYVER)))
bench: pvm
	@set --; for d in $$(./pvm --list-dispatch | cut -d' ' -f1); do \
	  set -- "$$@" "$$d=./pvm --dispatch=$$d"; done; \
	PYVER=$(PYVER) PYTHON=$(BENCH_PYTHON) bench/run.sh "$$@" $(BENCH_FILTER)

# Which of sys.stdlib_module_names import under pvm and under python3.11:
# the difference, each failure's reason, one summary line (tests/stdlib_imports.py).
stdlib-imports: pvm
	$(PYTHON) tests/stdlib_imports.py ./pvm $(PYTHON)

# The verifier over the whole standard library, test/ included, at every
# optimisation level (make check verifies the installed .pyc files only).
verify-stdlib: pvm
	PYTHON=$(PYTHON) tests/run_verify_stdlib.sh ./pvm full

# ---- fuzzing (tests/fuzz/README.md) -------------------------------------------

# `make fuzz FUZZ_SECONDS=N`: a libFuzzer campaign of N seconds over the
# loader, the verifier and a bounded run, with ASan and UBSan: every file
# built again with clang into build/fuzz/, with PVM_FUZZ (a step budget) and
# PVM_GC_REDZONES (ASan sees inside the GC heap).
FUZZ_CC      ?= $(shell command -v clang-14 >/dev/null 2>&1 && echo clang-14 || echo clang)
FUZZ_SECONDS ?= 60
# Not nonnull-attribute nor pointer-overflow: an empty argument vector is
# (NULL, 0) throughout, so memcpy(dst, NULL, 0) and NULL + 0 are everywhere,
# and harmless; a real overflow is ASan's to catch.
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-sanitize=nonnull-attribute,pointer-overflow \
                -fsanitize-address-use-after-return=never
FUZZ_CFLAGS  := -O1 -g -DPVM_FUZZ -DPVM_GC_REDZONES -DPVM_HAVE_TAILCALL $(FUZZ_SAN)
FUZZ_OBJS    := $(LIB_SRCS:%.c=build/fuzz/%.o) build/fuzz/vm/eval_tailcall.o
FUZZ_BIN     := build/fuzz/fuzz_pvm

build/fuzz/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(PVM_CPPFLAGS) $(GC_CFLAGS) $(PVM_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

# The compile service's program, as for the normal build (the fuzz target
# never starts the service: compile/exec/eval are gone from its builtins).
build/fuzz/loader/compile.o: $(BUILD)/gen/compile_service.inc
build/fuzz/loader/compile.o: override PVM_CPPFLAGS += -I$(BUILD)/gen $(COMPILER_PATHS)
build/fuzz/modules/sys.o: override PVM_CPPFLAGS += $(SYS_PATHS)
# The other files that include generated C, likewise.
build/fuzz/modules/cjk_codecs.o: $(BUILD)/gen/cjk_tables.inc
build/fuzz/modules/iso2022.o: $(BUILD)/gen/cjk_iso2022.inc
build/fuzz/modules/typing312.o: $(BUILD)/gen/typing312.inc
build/fuzz/modules/cjk_codecs.o build/fuzz/modules/iso2022.o build/fuzz/modules/typing312.o: \
    override PVM_CPPFLAGS += -I$(BUILD)/gen
build/fuzz/modules/nis.o: override PVM_CPPFLAGS += $(shell pkg-config --cflags libtirpc 2>/dev/null || echo -I/usr/include/tirpc)

$(FUZZ_BIN): build/fuzz/tests/fuzz/fuzz_pvm.o $(FUZZ_OBJS) $(GC_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PVM_LIBS)

# build/fuzz/pvm: the same objects as a pvm executable (no libFuzzer; the
# step budget is never set, so nothing bounds a run), to run the hostile and
# mutants suites under ASan and UBSan (tests/fuzz/README.md).
build/fuzz/pvm: build/fuzz/tools/main.o $(FUZZ_OBJS) $(GC_LIB)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $^ $(PVM_LIBS)

fuzz: $(FUZZ_BIN)
	PYTHON=$(PYTHON) PYTHON312=$(PYTHON312) PYTHON313=$(PYTHON313) \
	    PYTHON314=$(if $(PYTHON314),$(abspath $(PYTHON314))) \
	    tests/fuzz/run_fuzz.sh $(FUZZ_BIN) $(FUZZ_SECONDS)

# Regenerate docs/tools.md and the walkthroughs from pvm's own output.
docs: pvm
	docs/gen_tools_md.sh ./pvm
	docs/gen_walkthrough.sh ./pvm

install: pvm
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 pvm $(DESTDIR)$(PREFIX)/bin/pvm

# The header dependencies the compiler wrote (-MMD -MP); absent before the
# first build, which compiles everything anyway.
-include $(LIB_OBJS:.o=.d) $(BUILD)/tools/main.d $(UNIT_OBJS:.o=.d) $(FUZZ_OBJS:.o=.d)

clean:
	rm -rf build pvm examples/*.pyc tests/programs/**/__pycache__
