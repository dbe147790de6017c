#!/bin/sh
# The real NeoMutt under tmux: the keys answer at once whatever
# $sleep_time is; the sidebar and the queue show the same fresh thread
# counts (tests/e2e-daily.sh, issue 11.10, 11.11).
. "$(dirname "$0")/e2e-daily.sh"
e2e_need neomutt
neomutt -v 2>/dev/null | grep -q '+notmuch' || skip_all "this NeoMutt has no notmuch support"
daily_world
e2e_neomuttrc "$DAILY_NEOMUTT_RC"
e2e_start neomutt
daily_tests NeoMutt
done_testing
