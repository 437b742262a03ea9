# tests/report.mk: tests of report/ (none yet)
