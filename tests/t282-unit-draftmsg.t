#!/bin/sh
# The draft written by hand (helper/draftmsg.c) against lu_mime_draft's
# bytes (a unit test: t282 is the number its session was given).
exec "${UNIT_DIR:-$(dirname "$0")/unit}/draftmsg-test"
