#!/bin/sh
# A decision's WHEN durations read by hand (helper/when.c) against
# lu_when_parse (dates.c) (a unit test: t281 is the number its session
# was given).
exec "${UNIT_DIR:-$(dirname "$0")/unit}/when-test"
