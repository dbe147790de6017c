#!/bin/sh
# The listings' time made by hand (helper/timefmt.c) against GLib's
# (a unit test: t272 is the number its session was given).
exec "${UNIT_DIR:-$(dirname "$0")/unit}/timefmt-test"
