#!/bin/sh
# The sentence analysis's own header (issue 14, session 47): the analysis
# cache keys each text's analysis by LU_SENSE_DIGEST, the digest of the
# Makefile's SENSE_SRCS, which lists helper/sense.h and not leadup.h, so a
# change to leadup.h (a store function's prototype, a comment) analyses no
# kept text again.  scripts/sense-guard fails on a name leadup.h itself
# defines (macro, enum constant, struct, typedef) that a SENSE_SRCS file
# uses, on a quoted include the list lacks, and (--calls) on a function
# the analysis takes from outside the list, but the known ones; it reads the
# list from make, as the digest does.  Shown on copies of the tree with
# names planted; the digest made by the Makefile's own rule; counted
# (LEADUP_DEBUG_COUNTS), a full scan by a leadup built after each change;
# and a call planted in an analysis object.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip_all "python3 is absent"
need_sqlite3
GUARD=$ROOT/scripts/sense-guard
[ -e "$ROOT/helper/analyser.o" ] || skip_all "no helper/analyser.o: make build first"

# tree DIR: what the guard and the digest read (the Makefile, helper's
# sources and headers, the two scripts), with their times (cp -p).
tree() {
	mkdir -p "$1/helper/gen" "$1/scripts" &&
		cp -p "$ROOT/Makefile" "$1/" &&
		cp -p "$ROOT"/helper/*.c "$ROOT"/helper/*.cc "$ROOT"/helper/*.h "$1/helper/" &&
		cp -p "$ROOT/helper/gen/cue-gen.c" "$1/helper/gen/" &&
		cp -p "$GUARD" "$ROOT/scripts/version-gen" "$1/scripts/"
}
# plant DIR FILE TEXT: TEXT as lines before FILE's last (#endif) or at its end.
plant() {
	case $2 in
	*.h) printf '%b\n' "$3" >"$1/plant" && sed -i -e "\$e cat $1/plant" "$1/helper/$2" ;;
	*) printf '%b\n' "$3" >>"$1/helper/$2" ;;
	esac
}
guard() { python3 "$1/scripts/sense-guard" -C "$1" >"$1.out" 2>&1; }
said() { cat "$1.out" && grep -qxF "$2" "$1.out"; }
digest() { # digest DIR NAME: make's LU_NAME_DIGEST of the tree DIR
	make -s --no-print-directory -C "$1" helper/analyser.h &&
		sed -n "s/^#define LU_$2_DIGEST *\"\([0-9a-f]*\)\"$/\1/p" "$1/helper/analyser.h"
}

t 'the tree: no name of leadup.h in the analysis, every include listed, no call out but the known' '
	python3 "$GUARD" --calls >out && cat out &&
	grep -qx "call: lu_sense_analyser (helper/analyser.o) from helper/msgcache.o: .*" out &&
	test "$(grep -vc "^call: " out)" = 0'
t 'SENSE_SRCS lists helper/sense.h, not leadup.h, and the digest is of the list make prints' '
	tree list && srcs=$(make -s --no-print-directory -C list print-SENSE_SRCS) &&
	echo "$srcs" | tr " " "\n" | grep -qx helper/sense.h &&
	! echo "$srcs" | tr " " "\n" | grep -qx helper/leadup.h &&
	want=$(cd list && { cat $srcs && pkg-config --modversion glib-2.0; } | sha1sum | cut -c1-16) &&
	test "$(digest list SENSE)" = "$want"'
t 'a macro of leadup.h that an analysis source uses fails, named with its user' '
	tree macro && plant macro leadup.h "#define LU_PLANTED 3" && guard macro &&
	plant macro dates.c "/* LU_PLANTED in a comment is no use */" && guard macro &&
	plant macro dates.c "static const int planted = LU_PLANTED;" && ! guard macro &&
	said macro "LU_PLANTED (macro, helper/leadup.h) is used by helper/dates.c"'
t 'so do an enum constant, a struct, typedefs, a function body, and a name sense.h itself uses' '
	tree kinds &&
	plant kinds leadup.h "enum { LU_PLANTED_K = 4 };\nstruct lu_planted { int a; };" &&
	plant kinds leadup.h "typedef int lu_planted_t;\nstruct lu_planted2 { int b; };" &&
	plant kinds leadup.h "typedef struct { int c; } lu_planted_s;" &&
	plant kinds leadup.h "static inline int lu_planted_f(int x) { return x + 1; }" &&
	plant kinds features.c "static int k = LU_PLANTED_K;\nstatic struct lu_planted p;" &&
	plant kinds features.c "static lu_planted_t q;\nstatic lu_planted_s r;" &&
	plant kinds cal.c "int lu_planted_g(void) { return lu_planted_f(1); }" &&
	plant kinds sense.h "struct lu_uses_planted { struct lu_planted2 *p; };" && ! guard kinds &&
	said kinds "LU_PLANTED_K (enum constant, helper/leadup.h) is used by helper/features.c" &&
	said kinds "lu_planted (struct, helper/leadup.h) is used by helper/features.c" &&
	said kinds "lu_planted_t (typedef, helper/leadup.h) is used by helper/features.c" &&
	said kinds "lu_planted2 (struct, helper/leadup.h) is used by helper/sense.h" &&
	said kinds "lu_planted_s (typedef, helper/leadup.h) is used by helper/features.c" &&
	said kinds "lu_planted_f (function body, helper/leadup.h) is used by helper/cal.c" &&
	test "$(grep -c " is used by " kinds.out)" = 6'
t 'a real name moved back to leadup.h fails with every file that uses it' '
	tree back && grep -q "^#define LU_N_LABELS 7$" back/helper/sense.h &&
	sed -i "/^#define LU_N_LABELS 7$/d" back/helper/sense.h &&
	plant back leadup.h "#define LU_N_LABELS 7" && ! guard back &&
	said back "LU_N_LABELS (macro, helper/leadup.h) is used by helper/classify.c helper/features.c"'
t 'a prototype in leadup.h is no hazard' '
	tree proto && plant proto leadup.h "int lu_planted_fn(const struct lu_cal *cal);" &&
	plant proto cal.c "int lu_planted_fn(const struct lu_cal *cal) { return cal != NULL; }" &&
	guard proto'
t 'an include the list lacks fails: sense.h left out of SENSE_SRCS, another header of the helper' '
	tree inc && sed -i "s#^SENSE_SRCS := helper/sense.h #SENSE_SRCS := #" inc/Makefile &&
	! guard inc &&
	said inc "helper/leadup.h includes helper/sense.h, which SENSE_SRCS lacks" &&
	tree inc2 && sed -i "1i #include \"said.h\"" inc2/helper/dates.c && ! guard inc2 &&
	said inc2 "helper/dates.c includes helper/said.h, which SENSE_SRCS lacks"'
t 'the digest: a change to leadup.h keeps it, one to sense.h changes it' '
	tree dig && d0=$(digest dig SENSE) && s0=$(digest dig SAID) && test -n "$d0" &&
	plant dig leadup.h "/* A store function of another session. */\nint lu_store_planted(void);" &&
	test "$(digest dig SENSE)" = "$d0" && test "$(digest dig SAID)" = "$s0" &&
	plant dig sense.h "/* A comment of the analysis. */" &&
	test "$(digest dig SENSE)" != "$d0" && test "$(digest dig SAID)" != "$s0"'

# Counted: a full scan, then the same by a leadup built after a change to
# leadup.h (none of its texts analysed again), then after one to sense.h
# (every text).  The copy is built with its headers taken as unchanged
# (make -o): such a change alters no object but helper/analyser.o (its
# digests), as a -g0 build of each object compared byte for byte shows
# (doc/benchmarks-log.md s47-sense).
ME='Me <me@example.com>' SAM='Sam <sam@supplier.example>'
NOW=2026-11-23T09:00:00+00:00
world
supplier_mail 1
index
full() { # full NAME [LEADUP]: a counted full scan into NAME.err
	LEADUP_DEBUG_COUNTS=1 "${2:-$LEADUP}" --now "$NOW" scan --full 2>"$1.err" && cat "$1.err" >&2
}
analysed() {
	echo $(($(sed -n 's/^leadup: analysed on the main thread: \([0-9]*\) texts$/\1/p' "$1.err") +
		$(sed -n 's/^leadup: analysed ahead: \([0-9]*\) texts.*/\1/p' "$1.err")))
}
rebuilt() { # rebuilt DIR: its helper/leadup, the headers taken as unchanged
	make -s --no-print-directory -C "$1" -o helper/leadup.h -o helper/sense.h \
		-o helper/.build-flags helper/leadup >/dev/null
}
t 'a scan after a change to leadup.h analyses no text again; after one to sense.h, every text' '
	tree built &&
	cp -p "$ROOT"/helper/*.o "$ROOT"/helper/cue-table.h "$ROOT"/helper/.build-flags built/helper/ &&
	cp -pR "$ROOT"/helper/gen/. built/helper/gen/ &&
	full first && test "$(analysed first)" -gt 0 && full warm && test "$(analysed warm)" = 0 &&
	plant built leadup.h "/* A store function of another session. */\nint lu_store_planted(void);" &&
	rebuilt built && full leadup "$TMP/built/helper/leadup" && test "$(analysed leadup)" = 0 &&
	plant built sense.h "/* A comment of the analysis. */" &&
	rebuilt built && full sense "$TMP/built/helper/leadup" &&
	test "$(analysed sense)" = "$(analysed first)"'
t 'a call out of SENSE_SRCS fails (--calls), named with its object and caller' '
	plant built cal.c "void *lu_planted_call(void);" &&
	plant built cal.c "void *lu_planted_call(void) { return lu_idset_new(); }" &&
	make -s --no-print-directory -C built -o helper/leadup.h -o helper/sense.h \
		-o helper/.build-flags helper/cal.o >/dev/null &&
	! python3 built/scripts/sense-guard -C built --calls >calls.out 2>&1 && cat calls.out &&
	grep -qx "call: lu_idset_new (helper/idset.o) from helper/cal.o: NOT KNOWN" calls.out &&
	test "$(grep -c "NOT KNOWN" calls.out)" = 1 && ! grep -q " is used by " calls.out'
done_testing
