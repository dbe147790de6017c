#!/bin/sh
# The real Mutt under tmux: a key that refuses shows the real reason and
# asks nothing first; ,o reverses a next step and a reminder
# (tests/e2e-keys.sh).
. "$(dirname "$0")/e2e-keys.sh"
e2e_need mutt
keys_world
e2e_muttrc
e2e_start mutt
keys_tests Mutt
done_testing
