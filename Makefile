# leadup - lead up, don't chase.  See README.md.
#
#   make            build helper/leadup (installs missing Debian packages first)
#   make check      run every test (TAP, via prove)
#   make check-clock the suite again under a fake clock (libfaketime): over a year ahead, 23:30,
#                   another zone and locale; a test that reads the real clock fails here
#   make demo       index the sample mailbox in a throwaway notmuch database and show the queues
#   make bench      measure scan and draft speed (results go to BENCHMARKS.md and
#                   doc/benchmarks-log.md by hand)
#   make check-asan       the whole suite against an ASan+UBSan build in build-asan/
#   make check-valgrind   the scan, draft and decision tests under valgrind memcheck
#   make fuzz       every libFuzzer harness (tests/fuzz/) for FUZZ_SECONDS each (60)
#   make stress     SIGKILL a full scan at >= 100 points (t220), 200 concurrency rounds (t222)
#   make DEVELOPER=1  build with -Werror and a stricter warning set (as .ci/run does)
#   make SQLITE_STATIC=0  link the system's shared libsqlite3 (default: libsqlite3.a when present)
#   make install    PREFIX=/usr/local DESTDIR=  (make uninstall with the same)
#   make dist       leadup-VERSION.tar.gz (VERSION: git describe; scripts/version-gen)
#   make compile_commands.json  the compilation database (clangd, clang-tidy)
#   make format     clang-format the tree (make check-format: fail if a file is not formatted)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/leadup
DOCDIR  ?= $(PREFIX)/share/doc/leadup
CC      ?= cc
CFLAGS  ?= -O2 -g
# Three C++ files: helper/nm-guard.cc catches the exception libnotmuch lets
# out; helper/xapian-count.cc asks notmuch's Xapian database for a tag's
# term frequency; helper/cxx-new.cc is the program's operator new and
# delete (Xapian's small blocks kept for reuse).  Make's default CXX is g++.
CXXFLAGS ?= -O2 -g
PKGS    := gmime-3.0 glib-2.0 sqlite3

# Respect the user's CFLAGS; add what leadup needs.
override CFLAGS += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null) -DLU_DATADIR='"$(DATADIR)"' -DLU_DOCDIR='"$(DOCDIR)"'
# DEVELOPER=1 (git's config.mak.dev): warnings are errors, and a stricter set
# that the tree builds clean with (.ci/run builds this way).  The gcc-only
# options stay out of the clang builds (make fuzz).
ifneq ($(DEVELOPER),)
DEVELOPER_CFLAGS := -Werror -Wformat-security -Wold-style-definition -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wvla -Wshadow -Wundef -Wwrite-strings \
	-Wimplicit-fallthrough -Wredundant-decls -fno-common
ifeq ($(findstring clang,$(shell $(CC) --version 2>/dev/null)),)
DEVELOPER_GCC_CFLAGS := -Wduplicated-cond -Wduplicated-branches -Wlogical-op
endif
override CFLAGS += $(DEVELOPER_CFLAGS) $(DEVELOPER_GCC_CFLAGS)
override CXXFLAGS += -Werror
endif
override CXXFLAGS += -Wall -Wextra $(shell pkg-config --cflags xapian-core 2>/dev/null)
# Debian ships no notmuch.pc: link notmuch directly (and the C++ runtime
# nm-guard.cc catches with).  libxapian (xapian-count.cc) is the one
# libnotmuch loads anyway: no new library at run time.
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lnotmuch \
	$(or $(shell pkg-config --libs xapian-core 2>/dev/null),-lxapian) -lstdc++ -lm

SRCS    := $(sort $(wildcard helper/*.c))
# The internal header every object reads, and the sentence analysis's own,
# which it includes (helper/sense.h: SENSE_SRCS lists it, not leadup.h).
HEADERS := helper/leadup.h helper/sense.h
CXXSRCS := $(sort $(wildcard helper/*.cc))
OBJS    := $(SRCS:.c=.o) $(CXXSRCS:.cc=.o)
LIBOBJS := $(filter-out helper/leadup.o,$(OBJS))
LIBA    := helper/libleadup.a
UNITS   := $(patsubst %.c,%,$(wildcard tests/unit/*-test.c))
PROVE   ?= prove

.PHONY: FORCE all deps build check check-clock test unit demo bench install uninstall clean format \
	check-format dist \
	check-asan check-valgrind fuzz fuzz-build stress

all: deps
	@$(MAKE) --no-print-directory build

deps:
	@scripts/deps

build: helper/leadup helper/leadup-reply-model $(UNITS)

# Everything compiled is rebuilt when the compiler or its flags change (make
# DEVELOPER=1 after a plain make), as git's GIT-CFLAGS.
FLAGS_FILE := helper/.build-flags
$(FLAGS_FILE): FORCE
	@f='$(subst ','\'',$(CC) $(CFLAGS) $(CXX) $(CXXFLAGS) $(LDFLAGS) $(LEADUP_LDLIBS))'; \
	printf '%s\n' "$$f" | cmp -s - $@ || printf '%s\n' "$$f" >$@

FORCE:

# A list for scripts and tests, as make reads it: make -s print-SENSE_SRCS
# (scripts/sense-guard, t345).
print-%: FORCE
	@echo $($*)

# The version (scripts/version-gen: git describe, or a tarball's VERSION),
# rewritten only when it changes, so only helper/version.o is rebuilt.
helper/version.h: FORCE
	@v=$$(scripts/version-gen) && printf '#define LU_VERSION_STRING "%s"\n' "$$v" >$@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# The analyser's digest: the analysis cache (scan.c) keeps what these
# sources make of a message's file (its headers and own text), so a change
# to any of them, or another GMime, reads every message again.  A file the
# analyser comes to read joins the list (the language packs: mime.c's
# automatic-message subjects, body.c's attribution and forward lines).
ANALYSER_SRCS := helper/mime.c helper/addr.c helper/body.c helper/html.c helper/msgcache.c \
	helper/identity.c helper/util.c helper/lang.c $(sort $(wildcard helper/lang-*.c))
# The sentence analysis's digest: the cache keeps each text's analysis
# (lu_analyse_text: sentences, labels, dates) made by these sources (and
# GLib's zones and calendar), so a change to any of them analyses every
# text again.  helper/sense.h, not leadup.h, for the structs, enums and
# macros the analysis reads: scripts/sense-guard (t345) fails on a name of
# leadup.h's own that one of these files uses, and reads this list.
SENSE_SRCS := helper/sense.h helper/msgcache.c helper/classify.c helper/intent-model.c \
	helper/intent-model.h helper/sentence.c helper/dates.c helper/cal.c helper/cue.c \
	helper/gen/cue-gen.c helper/features.c helper/sentence-model.c helper/util.c helper/lang.c \
	$(sort $(wildcard helper/lang-*.c))
# The per-message model's digest: the analysis keeps the model's verdict
# (scan.c lu_msgm_decide; in helper/leadup-reply-model it decides
# expects_reply), so the analysis cache's key adds it (analyser.c).
REPLY_MODEL_SRCS := helper/msgmodel.c helper/message-model.c
# The folded sentences' digest: the cache keeps each text's sentences as
# said.c folds them (lu_said_record), split by the sentence analysis's
# sources and folded by said.c, so a change to any of them folds each text
# again when its thread is next compared (no file read, no text analysed).
SAID_SRCS := $(SENSE_SRCS) helper/said.c
helper/analyser.h: FORCE
	@d=$$({ cat $(ANALYSER_SRCS) && pkg-config --modversion gmime-3.0; } | sha1sum | cut -c1-16) && \
	e=$$({ cat $(SENSE_SRCS) && pkg-config --modversion glib-2.0; } | sha1sum | cut -c1-16) && \
	f=$$({ cat $(SAID_SRCS) && pkg-config --modversion glib-2.0; } | sha1sum | cut -c1-16) && \
	g=$$(cat $(REPLY_MODEL_SRCS) | sha1sum | cut -c1-16) && \
	printf '#define LU_ANALYSER_DIGEST "%s"\n#define LU_SENSE_DIGEST    "%s"\n#define LU_SAID_DIGEST     "%s"\n#define LU_MSGM_DIGEST     "%s"\n' \
		"$$d" "$$e" "$$f" "$$g" >$@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

helper/version.o $(ASAN)/helper/version.o $(FUZZ)/helper/version.o: helper/version.h
helper/analyser.o $(ASAN)/helper/analyser.o $(FUZZ)/helper/analyser.o: helper/analyser.h
helper/classify.o $(ASAN)/helper/classify.o $(FUZZ)/helper/classify.o: helper/intent-model.h
helper/intent-model.o $(ASAN)/helper/intent-model.o $(FUZZ)/helper/intent-model.o: helper/intent-model.h
helper/said.o helper/thread.o helper/scan.o helper/leadup.o $(ASAN)/helper/said.o $(ASAN)/helper/thread.o \
	$(ASAN)/helper/scan.o $(FUZZ)/helper/said.o $(FUZZ)/helper/thread.o $(FUZZ)/helper/scan.o: helper/said.h
helper/store.o helper/scan.o helper/leadup.o $(ASAN)/helper/store.o $(ASAN)/helper/scan.o \
	$(ASAN)/helper/leadup.o $(FUZZ)/helper/store.o $(FUZZ)/helper/scan.o $(FUZZ)/helper/leadup.o: \
	helper/senders.h

# The packs' cue patterns, compiled when leadup is built: helper/gen/cue-gen
# (cue.c built without a table, LU_CUE_NO_TABLE) writes them and the words
# they name as C data, which cue.c includes; written only when it changes.
CUE_TABLE := helper/cue-table.h
helper/gen/cue.o: helper/cue.c $(HEADERS) $(FLAGS_FILE)
	$(CC) $(CFLAGS) -DLU_CUE_NO_TABLE -c -o $@ $<

# What cue.c calls (the packs), from the library's other objects.
helper/gen/libgen.a: $(filter-out helper/cue.o,$(LIBOBJS))
	rm -f $@ && $(AR) rcs $@ $^

helper/gen/cue-gen: helper/gen/cue-gen.c helper/gen/cue.o helper/gen/libgen.a
	$(CC) $(CFLAGS) -Ihelper $(LDFLAGS) -o $@ $< helper/gen/cue.o helper/gen/libgen.a $(LDLIBS)

$(CUE_TABLE): helper/gen/cue-gen
	helper/gen/cue-gen >$@.tmp && if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

helper/cue.o $(ASAN)/helper/cue.o $(FUZZ)/helper/cue.o: $(CUE_TABLE)

# What helper/leadup links, for the dynamic linker's work at every start (a
# key's floor, notmuch show, is mostly its own; issue 14): the C and C++
# runtimes first, so that the symbols every library asks of them are found
# there, not after every other library's; sqlite linked in when the system
# has libsqlite3.a, as the shared one is linked BIND_NOW and binds some
# 1,500 of its own symbols at every start.  SQLITE_STATIC=0 links the
# shared one (sqlite's updates then come with the system's).
SQLITE_A := $(shell $(CC) -print-file-name=libsqlite3.a 2>/dev/null)
SQLITE_STATIC ?= $(if $(filter /%,$(SQLITE_A)),$(if $(wildcard $(SQLITE_A)),1,0),0)
SQLITE_LINKED_IN := $(filter-out -lsqlite3,$(LDLIBS)) -Wl,-Bstatic -lsqlite3 -Wl,-Bdynamic -lm
# Then the libraries libnotmuch loads, in the order of the symbols the
# others bind to them at start (glib 1,000, gmime 470, libunistring 460,
# ...): the dynamic linker looks a symbol up in each object of that order
# until one has it, and libunistring, libmount and the like came 20-25th
# (0.7 M of the one-new scan's 7.4 M start; issue 14).  Only those ldd
# finds libnotmuch loading are named (-l:SONAME, kept by --no-as-needed):
# the same objects load, earlier (make check-start-order compares every
# symbol's binding with the order before).  LU_START_ORDER= links as before.
comma := ,
LU_START_ORDER ?= libglib-2.0.so.0 libgmime-3.0.so.0 libunistring.so.2 -lnotmuch libxapian.so.30 \
	libmount.so.1 libgobject-2.0.so.0 libselinux.so.1 libgpgme.so.11 \
	libblkid.so.1 libtalloc.so.2 libassuan.so.0 libgpg-error.so.0 libpcre2-8.so.0 libz.so.1
LU_NOTMUCH_LOADS := $(if $(strip $(LU_START_ORDER)),$(shell ldd $(shell $(CC) \
	-print-file-name=libnotmuch.so 2>/dev/null) 2>/dev/null | sed -n 's/^[[:space:]]*\([^ ]*\) => \/.*/\1/p'))
LU_START_LIBS := $(foreach l,$(LU_START_ORDER),$(if $(filter -l%,$(l)),$(l),$(if \
	$(filter $(l),$(LU_NOTMUCH_LOADS)),-l:$(l))))
LU_START_LINK := $(if $(LU_START_LIBS),-Wl$(comma)--push-state$(comma)--no-as-needed $(LU_START_LIBS) \
	-Wl$(comma)--pop-state)
LEADUP_LDLIBS := -lc -lstdc++ $(LU_START_LINK) -lm $(if $(filter 1,$(SQLITE_STATIC)),$(SQLITE_LINKED_IN),$(LDLIBS))

helper/leadup: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(LEADUP_LDLIBS)

# helper/leadup with the learned per-message model deciding expects_reply
# (classify.c LU_REPLY_BY_MODEL; not shipped: doc/benchmarks-log.md,
# s43-scanmodel): what scripts/crossfit-scan measures and t338 checks.
REPLY_MODEL_OBJS := $(filter-out helper/classify.o helper/analyser.o,$(OBJS)) \
	helper/classify-rm.o helper/analyser-rm.o
helper/classify-rm.o: helper/classify.c $(HEADERS) helper/intent-model.h $(FLAGS_FILE)
	$(CC) $(CFLAGS) -DLU_REPLY_BY_MODEL=1 -c -o $@ $<
helper/analyser-rm.o: helper/analyser.c helper/analyser.h $(HEADERS) $(FLAGS_FILE)
	$(CC) $(CFLAGS) -DLU_REPLY_BY_MODEL=1 -c -o $@ $<
helper/leadup-reply-model: $(REPLY_MODEL_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(REPLY_MODEL_OBJS) $(LEADUP_LDLIBS)

helper/%.o: helper/%.c $(HEADERS) $(FLAGS_FILE)
	$(CC) $(CFLAGS) -c -o $@ $<

helper/%.o: helper/%.cc helper/%.h $(FLAGS_FILE)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJS)
	rm -f $@ && $(AR) rcs $@ $(LIBOBJS)

# What several unit tests share (messages and threads, tests/unit/mail.h).
UNIT_MAIL := tests/unit/mail.o
$(UNIT_MAIL): tests/unit/mail.c tests/unit/mail.h $(HEADERS) $(FLAGS_FILE)
	$(CC) $(CFLAGS) -Ihelper -c -o $@ $<

tests/unit/%-test: tests/unit/%-test.c tests/unit/tap.h tests/unit/mail.h tests/unit/sm-model.h \
		$(UNIT_MAIL) $(LIBA) \
		$(FLAGS_FILE)
	$(CC) $(CFLAGS) -Ihelper $(LDFLAGS) -o $@ $< $(UNIT_MAIL) $(LIBA) $(LDLIBS)

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
	$(PROVE) tests/t0*-unit-*.t

demo: deps
	@$(MAKE) --no-print-directory build
	scripts/demo

bench: deps
	@$(MAKE) --no-print-directory build
	scripts/bench

# doc/*.md but the benchmark log (every run's section: the project's record,
# 14,000 lines no user reads)
USER_DOCS := $(filter-out doc/benchmarks-log.md,$(wildcard doc/*.md))

install: helper/leadup
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DOCDIR)
	install -m 755 helper/leadup $(DESTDIR)$(BINDIR)/leadup
	install -m 644 doc/leadup.1 $(DESTDIR)$(MANDIR)/man1/leadup.1
	install -m 644 muttrc.d/leadup.neomuttrc muttrc.d/leadup.muttrc $(DESTDIR)$(DATADIR)/
	install -m 644 templates/* $(DESTDIR)$(DATADIR)/templates/
	install -m 644 README.md $(USER_DOCS) $(DESTDIR)$(DOCDIR)/

# Exactly the files install writes, then the directories only if empty:
# DATADIR and DOCDIR are the user's to set, and may be shared (no rm -r).
INSTALLED_DATA := leadup.neomuttrc leadup.muttrc $(addprefix templates/,$(notdir $(wildcard templates/*)))
INSTALLED_DOCS := README.md $(notdir $(USER_DOCS))

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/leadup $(DESTDIR)$(MANDIR)/man1/leadup.1 \
		$(addprefix $(DESTDIR)$(DATADIR)/,$(INSTALLED_DATA)) \
		$(addprefix $(DESTDIR)$(DOCDIR)/,$(INSTALLED_DOCS))
	rmdir $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR) 2>/dev/null || :

# ---- sanitizers: a tree of its own (build-asan/) laid out like this one, so
# that the normal build is untouched and the binary finds templates/ and
# muttrc.d/ next to it as helper/leadup does.
ASAN     := build-asan
ASANFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
ASAN_OBJS := $(patsubst helper/%.c,$(ASAN)/helper/%.o,$(SRCS)) \
	$(patsubst helper/%.cc,$(ASAN)/helper/%.o,$(CXXSRCS))
ASAN_LIBA := $(ASAN)/helper/libleadup.a
ASAN_UNITS := $(patsubst tests/unit/%,$(ASAN)/tests/unit/%,$(UNITS))
# GLib and GMime keep one-time allocations until exit: leaks are
# valgrind's job (check-valgrind), not ASan's.
# verify_asan_link_order=0: the e2e tests run leadup under libfaketime (LD_PRELOAD).
ASAN_ENV := ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:strict_string_checks=1:verify_asan_link_order=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(ASAN)/helper/%.o: helper/%.c $(HEADERS) $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASANFLAGS) -c -o $@ $<

$(ASAN)/helper/%.o: helper/%.cc helper/%.h $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS) $(ASANFLAGS) -c -o $@ $<

$(ASAN)/helper/leadup: $(ASAN_OBJS)
	$(CC) $(CFLAGS) $(ASANFLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(LDLIBS)
	ln -sfn ../templates $(ASAN)/templates
	ln -sfn ../muttrc.d $(ASAN)/muttrc.d
	ln -sfn ../doc $(ASAN)/doc

$(ASAN_LIBA): $(filter-out $(ASAN)/helper/leadup.o,$(ASAN_OBJS))
	rm -f $@ && $(AR) rcs $@ $^

$(ASAN)/$(UNIT_MAIL): tests/unit/mail.c tests/unit/mail.h $(HEADERS) $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASANFLAGS) -Ihelper -c -o $@ $<

$(ASAN)/tests/unit/%-test: tests/unit/%-test.c tests/unit/tap.h tests/unit/mail.h tests/unit/sm-model.h \
		$(ASAN)/$(UNIT_MAIL) $(ASAN_LIBA)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(ASANFLAGS) -Ihelper $(LDFLAGS) -o $@ $< $(ASAN)/$(UNIT_MAIL) $(ASAN_LIBA) \
		$(LDLIBS)
	ln -sfn ../../tests/data $(ASAN)/tests/data

check-asan: build $(ASAN)/helper/leadup $(ASAN_UNITS)
	$(ASAN_ENV) LEADUP=$(CURDIR)/$(ASAN)/helper/leadup UNIT_DIR=$(CURDIR)/$(ASAN)/tests/unit \
		DRAFT_TEST=$(CURDIR)/$(ASAN)/tests/unit/draft-test $(PROVE) -j2 tests/

# ---- valgrind: the normal build, every leadup call through tests/valgrind-leadup.
VALGRIND_TESTS := $(wildcard tests/t10[0-9]-*.t tests/t11[0-2]-*.t tests/t130-*.t tests/t131-*.t)

check-valgrind: build
	LEADUP_REAL=$(CURDIR)/helper/leadup LEADUP=$(CURDIR)/tests/valgrind-leadup \
		VALGRIND_SUPP=$(CURDIR)/tests/valgrind.supp \
		$(PROVE) -j2 $(VALGRIND_TESTS)

# ---- fuzzing: libFuzzer harnesses, built with clang into build-fuzz/.
FUZZ_CC   ?= clang
FUZZ_SECONDS ?= 60
FUZZ      := build-fuzz
# CFLAGS without what only gcc understands (DEVELOPER=1 with CC=gcc).
FUZZ_CFLAGS = $(filter-out $(DEVELOPER_GCC_CFLAGS),$(CFLAGS))
FUZZFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
FUZZ_SRCS := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_BINS := $(patsubst tests/fuzz/%.c,$(FUZZ)/%,$(FUZZ_SRCS))
FUZZ_CXX  ?= clang++
FUZZ_OBJS := $(patsubst helper/%.c,$(FUZZ)/helper/%.o,$(filter-out helper/leadup.c,$(SRCS))) \
	$(patsubst helper/%.cc,$(FUZZ)/helper/%.o,$(CXXSRCS))

$(FUZZ)/helper/%.o: helper/%.c $(HEADERS) $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZFLAGS) -c -o $@ $<

$(FUZZ)/helper/%.o: helper/%.cc helper/%.h $(FLAGS_FILE)
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(CXXFLAGS) $(FUZZFLAGS) -c -o $@ $<

helper/nm.o $(ASAN)/helper/nm.o $(FUZZ)/helper/nm.o: helper/nm-guard.h helper/xapian-count.h

$(FUZZ)/libleadup.a: $(FUZZ_OBJS)
	rm -f $@ && $(AR) rcs $@ $^

$(FUZZ)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(FUZZ)/libleadup.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZFLAGS) -fsanitize=fuzzer -Ihelper $(LDFLAGS) -o $@ $< \
		$(FUZZ)/libleadup.a $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

fuzz: fuzz-build
	tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_BINS)

# ---- kill tests: many SIGKILLs during scan --full; concurrency: scans, decisions and
# notmuch new in loops at once (make check runs a few of each).
STRESS_POINTS ?= 120
STRESS_DECISION_POINTS ?= 24
STRESS_ROUNDS ?= 200

stress: build
	STRESS_POINTS=$(STRESS_POINTS) STRESS_DECISION_POINTS=$(STRESS_DECISION_POINTS) \
		STRESS_ROUNDS=$(STRESS_ROUNDS) $(PROVE) -v tests/t220-kill.t tests/t222-concurrency.t

# make dist: leadup-VERSION.tar.gz of HEAD (committed files only) into
# DISTDIR, with the VERSION file that stands in for git describe there.
DISTDIR ?= .
dist:
	@v=$$(scripts/version-gen | sed 's/-dirty$$//') && d=leadup-$$v && \
	rm -rf "$(DISTDIR)/$$d" && mkdir -p "$(DISTDIR)/$$d" && \
	git archive --format=tar HEAD | tar -x -C "$(DISTDIR)/$$d" && \
	printf '%s\n' "$$v" >"$(DISTDIR)/$$d/VERSION" && \
	tar -C "$(DISTDIR)" -czf "$(DISTDIR)/$$d.tar.gz" "$$d" && rm -rf "$(DISTDIR)/$$d" && \
	echo "$(DISTDIR)/$$d.tar.gz"

# The compilation database for clangd and clang-tidy, written by a script
# (bear is not needed): every C file, as this Makefile compiles it.
compile_commands.json: FORCE
	scripts/compile-commands $(CC) $(CFLAGS) -- $(SRCS) $(wildcard tests/unit/*.c tests/fuzz/*.c) >$@.tmp
	mv $@.tmp $@

# The C files the project formats (.clang-format).
FORMAT_FILES = $(filter-out $(CUE_TABLE),$(wildcard helper/*.c helper/*.cc helper/*.h \
	helper/gen/*.c tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tests/fuzz/*.h))

format:
	clang-format -i $(FORMAT_FILES)

# Fails, naming each file and line, when a file is not as make format leaves it.
check-format: deps
	clang-format --dry-run --Werror $(FORMAT_FILES)

clean:
	rm -f helper/*.o helper/leadup helper/leadup-reply-model $(LIBA) $(UNITS) $(UNIT_MAIL) $(FLAGS_FILE) helper/version.h \
		helper/analyser.h compile_commands.json helper/gen/*.o helper/gen/libgen.a helper/gen/cue-gen \
		$(CUE_TABLE)
	rm -rf tests/out demo/run bench/run $(ASAN) $(FUZZ)
