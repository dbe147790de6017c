#!/bin/sh
# A message file's identity (the analysis cache's key) written by hand
# (helper/fileid.c) is the text printf gives it (a unit test: t320 is the
# number its session was given).
exec "${UNIT_DIR:-$(dirname "$0")/unit}/fileid-test"
