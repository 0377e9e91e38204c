# pvm — a small virtual machine for CPython 3.11 bytecode.
#
#   make            build ./pvm (installs missing Debian packages first: make deps)
#   make demo       compile examples/hello.py with python3.11 and run its .pyc
#   make check      every test: Check unit tests + golden programs vs python3.11
#   make bench      benchmarks side by side with python3.11
#   make install PREFIX=/usr/local
#
# Options: CC=clang, DISPATCH=switch (default: goto, computed-goto dispatch).

CC       ?= gcc
PYTHON   ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || echo python3.11)
PREFIX   ?= /usr/local
DISPATCH ?= goto
OPT      ?= -O2

WARN     := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS   ?= $(OPT) -g
CFLAGS   += -std=gnu11 $(WARN)
CPPFLAGS += -I. -DPVM_DISPATCH_$(shell echo $(DISPATCH) | tr a-z A-Z)
GC_CFLAGS = $(shell pkg-config --cflags bdw-gc 2>/dev/null)
GC_LIBS   = $(shell pkg-config --libs bdw-gc 2>/dev/null || echo -lgc)
LDLIBS   += $(GC_LIBS) -lgmp -lutf8proc -lpcre2-8 -lreadline -lm

BUILD    := build/$(DISPATCH)
LIB_SRCS := $(sort $(wildcard runtime/*.c loader/*.c vm/*.c stdlib_stubs/*.c))
LIB_SRCS := $(filter-out vm/main.c,$(LIB_SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/%.o)
HEADERS  := $(wildcard runtime/*.h loader/*.h vm/*.h stdlib_stubs/*.h)

# Debian packages pvm needs to build and test.
DEB_PKGS := libgc-dev check libreadline-dev libgmp-dev libutf8proc-dev libpcre2-dev python3.11 pkg-config

.PHONY: all deps demo check unit golden bench install clean pvm pvm-switch

all: pvm

# Install what is missing: with apt-get when root, via sudo otherwise, or
# print the exact command when neither is possible.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y $$missing; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    sudo apt-get update && sudo apt-get install -y $$missing; \
	  else echo "pvm needs:$$missing"; \
	    echo "run: sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	fi

$(BUILD)/%.o: %.c $(HEADERS) | deps
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(GC_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libpvm.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/pvm: $(BUILD)/vm/main.o $(BUILD)/libpvm.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# ./pvm is a copy of the build for the selected DISPATCH (re-copied whenever
# a different strategy was built last).
pvm: $(BUILD)/pvm
	@cmp -s $< $@ || cp $< $@

demo: pvm
	@$(PYTHON) -c 'import py_compile; py_compile.compile("examples/hello.py", cfile="examples/hello.pyc", doraise=True)'
	./pvm examples/hello.pyc

# ---- tests ---------------------------------------------------------------

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(BUILD)/unit_tests
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lpthread)

$(UNIT_BIN): $(UNIT_SRCS) tests/unit/unit.h $(BUILD)/libpvm.a | deps
	$(CC) $(CPPFLAGS) $(GC_CFLAGS) $(CFLAGS) -o $@ $(UNIT_SRCS) $(BUILD)/libpvm.a $(CHECK_LIBS) $(LDLIBS)

unit: $(UNIT_BIN) pvm
	PYTHON=$(PYTHON) $(UNIT_BIN)

golden: pvm
	PYTHON=$(PYTHON) tests/run_golden.sh ./pvm

# The switch-dispatch build, so that `make check` runs the golden programs
# under both strategies (the opcode bodies are shared; dispatch differs).
pvm-switch:
	@$(MAKE) --no-print-directory DISPATCH=switch build/switch/pvm

# Runs both suites, then prints one summary line "N passed, M failed".
check: $(UNIT_BIN) pvm pvm-switch
	@PYTHON=$(PYTHON) tests/check.sh $(UNIT_BIN) ./pvm build/switch/pvm

bench: pvm
	PYTHON=$(PYTHON) bench/run.sh ./pvm

install: pvm
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 pvm $(DESTDIR)$(PREFIX)/bin/pvm

clean:
	rm -rf build pvm examples/*.pyc tests/programs/**/__pycache__
