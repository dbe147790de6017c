#!/bin/sh
exec "$(dirname "$0")/unit/sentence-test"
