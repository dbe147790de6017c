# leadup - lead up, don't chase.  See README.md.
#
#   make            build helper/leadup (installs missing Debian packages first)
#   make check      run every test (TAP, via prove)
#   make check-clock the suite again under a fake clock (libfaketime): over a year ahead, 23:30,
#                   another zone and locale; a test that reads the real clock fails here
#   make demo       index the sample mailbox in a throwaway notmuch database and show the queues
#   make bench      measure scan and draft speed (results go to BENCHMARKS.md by hand)
#   make install    PREFIX=/usr/local DESTDIR=
#   make format     clang-format the tree

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/leadup
DOCDIR  ?= $(PREFIX)/share/doc/leadup
CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS    := gmime-3.0 glib-2.0 sqlite3

# Respect the user's CFLAGS; add what leadup needs.
override CFLAGS += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -DLU_DATADIR='"$(DATADIR)"' -DLU_DOCDIR='"$(DOCDIR)"'
# Debian ships no notmuch.pc: link notmuch directly.
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lnotmuch -lm

SRCS    := $(sort $(wildcard helper/*.c))
OBJS    := $(SRCS:.c=.o)
LIBOBJS := $(filter-out helper/leadup.o,$(OBJS))
LIBA    := helper/libleadup.a
UNITS   := $(patsubst %.c,%,$(wildcard tests/unit/*-test.c))
PROVE   ?= prove

.PHONY: all deps build check check-clock test unit demo bench install uninstall clean format

all: deps
	@$(MAKE) --no-print-directory build

deps:
	@scripts/deps

build: helper/leadup $(UNITS)

helper/leadup: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

helper/%.o: helper/%.c helper/leadup.h
	$(CC) $(CFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJS)
	rm -f $@ && $(AR) rcs $@ $(LIBOBJS)

tests/unit/%-test: tests/unit/%-test.c tests/unit/tap.h $(LIBA)
	$(CC) $(CFLAGS) -Ihelper $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

check: deps
	@$(MAKE) --no-print-directory test

test: build
	$(PROVE) -j2 tests/

# More than a year ahead of any date a test writes, late in the evening, in
# a zone far from the tests' own: lib.sh pins TZ and the locale, so only a
# test that reads the real clock (or escapes lib.sh) can tell the difference.
FAKE_CLOCK ?= @2028-02-29 23:30:00
check-clock: deps
	@$(MAKE) --no-print-directory build
	TZ=Pacific/Auckland LANG=C LC_ALL= faketime -f '$(FAKE_CLOCK)' $(PROVE) -j2 tests/

unit: build
	$(PROVE) tests/t0*-unit.t

demo: deps
	@$(MAKE) --no-print-directory build
	scripts/demo

bench: deps
	@$(MAKE) --no-print-directory build
	scripts/bench

install: helper/leadup
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DOCDIR)
	install -m 755 helper/leadup $(DESTDIR)$(BINDIR)/leadup
	install -m 644 doc/leadup.1 $(DESTDIR)$(MANDIR)/man1/leadup.1
	install -m 644 muttrc.d/leadup.neomuttrc muttrc.d/leadup.muttrc $(DESTDIR)$(DATADIR)/
	install -m 644 templates/* $(DESTDIR)$(DATADIR)/templates/
	install -m 644 README.md doc/*.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/leadup $(DESTDIR)$(MANDIR)/man1/leadup.1
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)

format:
	clang-format -i helper/*.c helper/*.h tests/unit/*.c tests/unit/*.h

clean:
	rm -f helper/*.o helper/leadup $(LIBA) $(UNITS)
	rm -rf tests/out demo/run bench/run
