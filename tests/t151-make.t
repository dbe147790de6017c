#!/bin/sh
# The Makefile's own targets: the compilation database, install and
# uninstall into a throwaway PREFIX, the version (git describe, a tarball's
# VERSION) and that a new version alone does not make the scan decide every
# thread again.  Nothing is rebuilt here (make -o keeps
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
t 'make install writes the binary, the man page, the snippets, templates and docs (not the benchmark log)' '
	mk install PREFIX="$P" DATADIR="$P/share" DOCDIR="$P/share/doc" >/dev/null &&
	test -x "$P/bin/leadup" && test -f "$P/share/man/man1/leadup.1" &&
	test -f "$P/share/leadup.neomuttrc" && test -f "$P/share/templates/awaiting-1" &&
	test -f "$P/share/doc/README.md" && test -f "$P/share/doc/mutt.md" &&
	test ! -e "$P/share/doc/benchmarks-log.md"'
t 'make uninstall removes exactly that: the planted files stay, nothing of leadup' '
	mk uninstall PREFIX="$P" DATADIR="$P/share" DOCDIR="$P/share/doc" >/dev/null &&
	(cd "$P" && find . -type f | sort) >left &&
	printf "./bin/other\n./share/doc/planted\n./share/planted\n" >want && diff want left &&
	! find "$P" -name "*leadup*" | grep . && test ! -e "$P/share/templates"'
t 'the default layout: uninstall leaves no leadup directory behind' '
	mk install PREFIX="$P" >/dev/null && test -d "$P/share/leadup/templates" &&
	mk uninstall PREFIX="$P" >/dev/null &&
	! find "$P" -name "*leadup*" | grep . && test -f "$P/share/planted" && test -f "$P/bin/other"'

# --- the version
V=$(sed -n 's/^#define LU_VERSION_STRING "\(.*\)"$/\1/p' "$ROOT/helper/version.h")
t 'leadup --version prints the version the build was made with' '
	test -n "$V" && test "$("$LEADUP" --version)" = "leadup $V"'
# A tarball (make dist) has no .git and may have no git: those tests skip.
if [ -e "$ROOT/.git" ] && command -v git >/dev/null 2>&1; then
	t 'in this checkout the version comes from git describe' '
		v=$("$ROOT/scripts/version-gen") && h=$(git -C "$ROOT" rev-parse --short HEAD) &&
		case $v in *-g$h | *-g$h-dirty) ;; *) test "$v" = "$(git -C "$ROOT" describe --match "v[0-9]*" --dirty | sed s/^v//)" ;; esac'
	# A repository of its own, so that tags and commits touch nothing else.
	G="git -c user.name=T -c user.email=t@example.com -c init.defaultBranch=main"
	mkdir -p repo/scripts && cp "$ROOT/scripts/version-gen" repo/scripts/ && echo a >repo/file
	t 'a release tag vX.Y.Z, commits after it, and local changes' '
		cd repo && $G init -q && $G add . && $G commit -qm one &&
		test "$(scripts/version-gen)" = "0.1.0-g$(git rev-parse --short HEAD)" &&
		$G tag -a -m "leadup 2.3.4" v2.3.4 && test "$(scripts/version-gen)" = 2.3.4 &&
		$G commit -q --allow-empty -m two && test "$(scripts/version-gen)" = "2.3.4-1-g$(git rev-parse --short HEAD)" &&
		echo b >file && test "$(scripts/version-gen)" = "2.3.4-1-g$(git rev-parse --short HEAD)-dirty"'
	t 'make dist writes a tarball whose VERSION is the version, read without git' '
		mkdir dist && mk dist DISTDIR="$TMP/dist" >/dev/null && v=$("$ROOT/scripts/version-gen" | sed "s/-dirty\$//") &&
		test -f "dist/leadup-$v.tar.gz" && tar -xzf "dist/leadup-$v.tar.gz" -C dist &&
		test "$(cat "dist/leadup-$v/VERSION")" = "$v" && test ! -e "dist/leadup-$v/.git" &&
		test "$("dist/leadup-$v/scripts/version-gen")" = "$v" &&
		make -s -C "dist/leadup-$v" helper/version.h &&
		grep -qx "#define LU_VERSION_STRING \"$v\"" "dist/leadup-$v/helper/version.h"'
else
	skip "not a git checkout: the version is the VERSION file's"
fi

# --- the rules digest: the same leadup with another version string (only
# lu_version differs), over the same database.
world
msg sent q1@example.com "Me <me@example.com>" "Ann <ann@a.example>" "Mon, 16 Nov 2026 10:00:00 +0000" Budget <<EOF
Could you confirm the budget?
EOF
index
NOW=2026-11-23T09:00:00+00:00
t 'a build with another version and the same LU_RULES_REV' '
	printf "const char lu_version[] = \"99.0-other\";\n" >v2.c && cc -c -o v2.o v2.c &&
	cc -o lu2 "$ROOT/helper/leadup.o" v2.o "$ROOT/helper/libleadup.a" \
		$(pkg-config --libs gmime-3.0 glib-2.0 sqlite3) -lnotmuch $(pkg-config --libs xapian-core) -lstdc++ -lm &&
	test "$(./lu2 --version)" = "leadup 99.0-other"'
t 'does not decide every thread again: nothing changed since the last scan' '
	lu scan && expect_tags q1@example.com "leadup/awaiting leadup/due" &&
	./lu2 --now "$NOW" scan 2>err && grep -q "nothing changed since the last scan" err'
t 'while a changed setting does (the digest still works)' '
	printf "[awaiting]\nfirst=2\n" >"$XDG_CONFIG_HOME/leadup/config" &&
	./lu2 --now "$NOW" scan 2>err && ! grep -q "nothing changed" err'
done_testing
