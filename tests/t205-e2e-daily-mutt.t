#!/bin/sh
# The real Mutt under tmux: the keys answer at once whatever $sleep_time
# is; the sidebar and the queue show the same fresh thread counts
# (tests/e2e-daily.sh, issue 11.10, 11.11).
. "$(dirname "$0")/e2e-daily.sh"
e2e_need mutt
daily_world
e2e_muttrc "$DAILY_MUTT_RC"
e2e_start mutt
daily_tests Mutt
done_testing
