#!/bin/sh
exec "$(dirname "$0")/unit/dates-test"
