#!/bin/sh
exec "$(dirname "$0")/unit/lint-test"
