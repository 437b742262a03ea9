/*
 * commands.h: the subcommands of `utenfor`.  Each takes the arguments after
 * its name (argv[0] is the command name), prints its own messages, and
 * returns the process exit status: 0 success, 1 the input was refused,
 * 2 usage error.  Commands never call exit().
 */
#ifndef UTENFOR_CLI_COMMANDS_H
#define UTENFOR_CLI_COMMANDS_H

#define EXIT_REFUSED 1
#define EXIT_USAGE 2

/* `utenfor --config FILE COMMAND`: FILE, or NULL for the XDG default
 * (cli/main.c sets it before running a command). */
extern const char *cli_config_path;

struct command {
	const char *name;
	const char *summary; /* one line of help, Norwegian */
	int (*run)(int argc, char **argv);
};


/* cli/cmd_calc.c: `utenfor calc [--json] FILE`. */
int cmd_calc(int argc, char **argv);
/* cli/cmd_report.c: `utenfor report WORKBOOK [--format html|md|xlsx] [-o FILE] [--force]`. */
int cmd_report(int argc, char **argv);
/* cli/cmd_new.c: `utenfor new [--default] [--shared|--private] FILE`. */
int cmd_new(int argc, char **argv);
/* cli/cmd_import.c: `utenfor import --json FILE WORKBOOK`. */
int cmd_import(int argc, char **argv);
/* cli/cmd_compact.c: `utenfor compact WORKBOOK`. */
int cmd_compact(int argc, char **argv);
/* cli/cmd_export.c: `utenfor export --json|--csv|--xlsx WORKBOOK [-o FILE] [--force]`. */
int cmd_export(int argc, char **argv);
/* cli/cmd_config.c: `utenfor config [--config FILE] [check|path|themes|keys|set S.K V]`. */
int cmd_config(int argc, char **argv);

/* cli/cmd_set.c: `utenfor set WORKBOOK KIND NAME FIELD VALUE` (and --undo/--redo). */
int cmd_set(int argc, char **argv);
/* cli/cmd_copy_group.c: `utenfor copy-group WORKBOOK [NAME]`. */
int cmd_copy_group(int argc, char **argv);

#endif
