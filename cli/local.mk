# cli/: the program's entry point and its subcommands.
utenfor_SOURCES += cli/main.c cli/commands.h cli/safe_stream.c cli/safe_stream.h
utenfor_SOURCES += cli/cmd_calc.c cli/calc_summary.c cli/calc_summary.h \
	cli/calc_table.c cli/calc_table.h
utenfor_SOURCES += cli/cmd_report.c
utenfor_SOURCES += cli/cmd_new.c cli/cmd_import.c cli/cmd_export.c cli/cmd_compact.c
utenfor_SOURCES += cli/cmd_config.c
utenfor_SOURCES += cli/build_tree.c cli/build_tree.h

# Running from the build folder (cli/build_tree.h): `make` leaves this
# marker next to the binary, naming the source folder whose themes/ to
# read; `make install` never installs it.  The uninstalled catalogs
# (i18n/local.mk, locale/) are built by `make` too, not only by
# `make check`, so scripts/run and ./utenfor speak English after `L`.
noinst_DATA = utenfor-build-tree i18n-locale.stamp
utenfor-build-tree: Makefile
	$(AM_V_GEN){ echo "# Written by make: ./utenfor here runs as if installed (cli/build_tree.h)."; \
	  echo "srcdir=$(abs_top_srcdir)"; } >$@
CLEANFILES += utenfor-build-tree
utenfor_SOURCES += cli/cmd_set.c cli/cmd_copy_group.c
