#!/bin/sh
# helper/leadup names the libraries libnotmuch loads in the order the
# dynamic linker finds their symbols fastest (the Makefile's LU_START_ORDER:
# 0.7 M of the 7.8 M instructions every start paid).  The same objects
# load, and each symbol a library asks for binds where it did: to the
# definition the libraries' own order gives, as in `notmuch --version`
# (libnotmuch's copies of Xapian's exception types before libxapian's),
# all bound at start (LD_BIND_NOW); but those the program gives every
# library, operator new and delete (helper/cxx-new.cc), and its copies.
# Issue 14, session 35 (doc/benchmarks-log.md, "The one-new-message scan").
. "$(dirname "$0")/lib.sh"
# The build's own program, whatever $LEADUP is: the start order is its
# link's (check-asan's program links ASan's runtime first, which binds
# malloc and operator new to itself, and names no start order).
LEADUP=$ROOT/helper/leadup
LD_DEBUG=bindings "$LEADUP" --version 2>"$TMP/probe" >/dev/null
grep -q 'binding file' "$TMP/probe" || skip_all "no LD_DEBUG=bindings (not glibc's dynamic linker)"
command -v notmuch >/dev/null || skip_all "no notmuch"
# Each binding a shared library makes, as "FROM to TO: symbol" ("PROGRAM
# ..." when TO is the program); the program's own are left out.
bindings() {
	LD_BIND_NOW=1 LD_DEBUG=bindings "$@" --version 2>&1 >/dev/null | sed -n 's/^ *[0-9]*:[[:space:]]*binding file \([^ ]*\) \[[0-9]*\] to \([^ ]*\) \[[0-9]*\]: \(.*\)/\1 to \2: \3/p' |
		awk -v prog="$1" '$1 != prog { if ($3 == prog":") print "PROGRAM", $0; else print }' | sort -u
}
# The bindings of FILE (bindings' lines) but those of a symbol either
# program keeps its own copy of (copy relocations: stdout, g_utf8_skip).
shared() { grep -h "^PROGRAM" lu.b nm.b | sed "s/.*: //" | sort -u >copied; grep -v "^PROGRAM" "$1" | grep -vFf copied; }
loaded() { LD_TRACE_LOADED_OBJECTS=1 "$1" | sed -n 's/^[[:space:]]*\([^ ]*\) => .*/\1/p' | sort; }
t 'the program names the libraries it links in the start order, with libnotmuch before libxapian' '
	LD_TRACE_LOADED_OBJECTS=1 "$LEADUP" | sed -n "s/^[[:space:]]*\([^ ]*\) => .*/\1/p" >order &&
	nm=$(grep -n "^libnotmuch" order | cut -d: -f1) && xa=$(grep -n "^libxapian" order | cut -d: -f1) &&
	[ -n "$nm" ] && [ -n "$xa" ] && [ "$nm" -lt "$xa" ]'
t 'every library notmuch loads, leadup loads (and sqlite is its own)' '
	loaded "$(command -v notmuch)" >nm.libs && loaded "$LEADUP" >lu.libs &&
	comm -23 nm.libs lu.libs >missing && [ ! -s missing ] || { cat missing; false; }'
t 'each symbol a library binds, it binds to the object notmuch has it bound to' '
	bindings "$LEADUP" >lu.b && bindings "$(command -v notmuch)" >nm.b &&
	shared lu.b >lu.s && shared nm.b >nm.s && [ "$(wc -l <lu.s)" -gt 1000 ] &&
	comm -23 lu.s nm.s >differ && comm -13 lu.s nm.s >>differ &&
	[ ! -s differ ] || { head -20 differ; false; }'
done_testing
