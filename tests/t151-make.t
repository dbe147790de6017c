#!/bin/sh
# The Makefile's own targets: the compilation database, install and
# uninstall into a throwaway PREFIX.  Nothing is rebuilt here (make -o keeps
# helper/leadup as it is), so the suite's binary is never replaced under
# the other tests.
. "$(dirname "$0")/lib.sh"
[ -x "$ROOT/helper/leadup" ] || skip_all "no $ROOT/helper/leadup (run make)"
mk() { make -C "$ROOT" --no-print-directory -s -o helper/leadup "$@"; }

t 'make compile_commands.json: every C file, as JSON' '
	mk compile_commands.json && cp "$ROOT/compile_commands.json" cc.json &&
	python3 -c "import json, sys; [print(e[\"file\"]) for e in json.load(open(sys.argv[1]))]" cc.json | sort >files &&
	(cd "$ROOT" && ls helper/*.c tests/unit/*.c tests/fuzz/*.c) | sort >want && diff want files'
t 'each entry compiles as given (the quoted -DLU_DATADIR too)' '
	python3 - cc.json <<-PY
	import json, subprocess, sys
	for e in json.load(open(sys.argv[1])):
	    if e["file"] not in ("helper/config.c", "tests/unit/cal-test.c"):
	        continue
	    a = [x for x in e["arguments"] if x != "-c"]
	    i = a.index("-o")
	    del a[i:i + 2]
	    sys.exit(subprocess.run(a + ["-fsyntax-only"], cwd=e["directory"]).returncode)
	PY'

# A PREFIX of my own, DATADIR and DOCDIR set to directories I share with
# other programs: uninstall removes what install wrote and nothing else.
P=$TMP/prefix
mkdir -p "$P/share/doc" "$P/bin"
echo mine >"$P/share/planted" && echo mine >"$P/share/doc/planted" && echo mine >"$P/bin/other"
t 'make install writes the binary, the man page, the snippets, templates and docs' '
	mk install PREFIX="$P" DATADIR="$P/share" DOCDIR="$P/share/doc" >/dev/null &&
	test -x "$P/bin/leadup" && test -f "$P/share/man/man1/leadup.1" &&
	test -f "$P/share/leadup.neomuttrc" && test -f "$P/share/templates/awaiting-1" &&
	test -f "$P/share/doc/README.md"'
t 'make uninstall removes exactly that: the planted files stay, nothing of leadup' '
	mk uninstall PREFIX="$P" DATADIR="$P/share" DOCDIR="$P/share/doc" >/dev/null &&
	(cd "$P" && find . -type f | sort) >left &&
	printf "./bin/other\n./share/doc/planted\n./share/planted\n" >want && diff want left &&
	! find "$P" -name "*leadup*" | grep . && test ! -e "$P/share/templates"'
t 'the default layout: uninstall leaves no leadup directory behind' '
	mk install PREFIX="$P" >/dev/null && test -d "$P/share/leadup/templates" &&
	mk uninstall PREFIX="$P" >/dev/null &&
	! find "$P" -name "*leadup*" | grep . && test -f "$P/share/planted" && test -f "$P/bin/other"'
done_testing
