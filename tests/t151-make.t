#!/bin/sh
# The Makefile's own targets: the compilation database.  Nothing is rebuilt here (make -o keeps
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

done_testing
