#!/bin/sh
# A short monkey test for `make check`: 400 random keys (fixed seed) into
# the real TUI, then the workbook must be sound (scripts/monkey says what is
# sent and checked).  The long run is `scripts/monkey --keys 20000`.
set -u
srcroot=${top_srcdir:-$(dirname "$0")/../..}
exec sh "$srcroot/scripts/monkey" --keys 400 --seed 1
