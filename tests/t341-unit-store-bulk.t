#!/bin/sh
exec "${UNIT_DIR:-$(dirname "$0")/unit}/store-bulk-test"
