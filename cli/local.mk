# cli/: the program's entry point and its subcommands.
utenfor_SOURCES += cli/main.c cli/commands.h
utenfor_SOURCES += cli/cmd_calc.c cli/calc_summary.c cli/calc_summary.h \
	cli/calc_table.c cli/calc_table.h
utenfor_SOURCES += cli/cmd_report.c
utenfor_SOURCES += cli/cmd_new.c cli/cmd_import.c cli/cmd_export.c
utenfor_SOURCES += cli/cmd_config.c
utenfor_SOURCES += cli/cmd_set.c
