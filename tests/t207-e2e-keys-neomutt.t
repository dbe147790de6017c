#!/bin/sh
# The real NeoMutt under tmux: a key that refuses shows the real reason
# and asks nothing first; ,o reverses a next step and a reminder
# (tests/e2e-keys.sh).
. "$(dirname "$0")/e2e-keys.sh"
e2e_need neomutt
neomutt -v 2>/dev/null | grep -q '+notmuch' || skip_all "this NeoMutt has no notmuch support"
keys_world
e2e_neomuttrc
e2e_start neomutt
keys_tests NeoMutt
done_testing
