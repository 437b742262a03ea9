/*
 * main.c: `utenfor [COMMAND] [ARGS]`.  Finds the subcommand and hands over;
 * everything else lives in the layers below.
 */
#include "config.h"

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "tui/tui.h"

/* The terminal interface: no argument, a workbook, --read-only, estimate. */
static int run_tui(const char *path, bool read_only, bool estimate)
{
	struct tui_options opt = {path, read_only, estimate};
	char err[1024] = "";
	int status = tui_run(&opt, err, sizeof err);
	if (status != 0)
		fprintf(stderr, "%s\n", err);
	return status;
}

static int cmd_estimate(int argc, char **argv)
{
	if (argc > 2) {
		fprintf(stderr, "Bruk: utenfor estimate [ARBEIDSBOK]\n");
		return EXIT_USAGE;
	}
	return run_tui(argc == 2 ? argv[1] : NULL, false, true);
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("utenfor %s\n", PACKAGE_VERSION);
	return 0;
}

static const struct command commands[] = {
	{"version", "vis versjonen", cmd_version},
	{"estimate", "raskt overslag i skjermbildet ([ARBEIDSBOK])", cmd_estimate},
	{"calc", "beregn og vis resultatene (--json for maskinlesbart)", cmd_calc},
	{"report", "lag rapport for kommunestyret (--format html|md|xlsx, -o FIL)", cmd_report},
	{"new", "lag en ny arbeidsbok (--default med eksempeldata)", cmd_new},
	{"import", "les inn et JSON-dokument i en arbeidsbok (--json FIL ARBEIDSBOK)", cmd_import},
	{"export", "skriv ut arbeidsboken (--json, --csv eller --xlsx)", cmd_export},
	{"config", "sjekk innstillingene, vis temaer og taster, endre én verdi", cmd_config},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "Bruk: utenfor [KOMMANDO] [ARGUMENTER]\n\nKommandoer:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n  (ingen)            åpne standard-arbeidsboka i skjermbildet\n"
		     "  ARBEIDSBOK         åpne en arbeidsbok i skjermbildet\n"
		     "  --read-only [FIL]  åpne skrivebeskyttet\n");
	fprintf(out, "\n  --help     vis denne hjelpen\n  --version  vis versjonen\n");
}

int main(int argc, char **argv)
{
	/* Only the character type: LC_NUMERIC would change how strtod reads
	 * "1.5", and numbers are parsed the Norwegian way by engine/numbers.c. */
	setlocale(LC_CTYPE, "");
	/* UTENFOR_LANG=nb|en overrides the locale (doc/i18n.md). */
	char lang_err[256];
	if (!i18n_init(getenv("UTENFOR_LANG"), NULL, lang_err, sizeof lang_err))
		fprintf(stderr, "utenfor: %s\n", lang_err);

	/* No command: the interface on the default workbook. */
	if (argc < 2)
		return run_tui(NULL, false, false);
	if (strcmp(argv[1], "--read-only") == 0 && argc <= 3)
		return run_tui(argc == 3 ? argv[2] : NULL, true, false);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("utenfor %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	/* `utenfor WORKBOOK`: anything that names a file (has a '/' or a '.'). */
	if (argc == 2 && argv[1][0] != '-' &&
	    (strpbrk(argv[1], "/.") != NULL || access(argv[1], F_OK) == 0))
		return run_tui(argv[1], false, false);
	fprintf(stderr, "utenfor: ukjent kommando «%s»\n\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
