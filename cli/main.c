/*
 * main.c: `utenfor [COMMAND] [ARGS]`.  Finds the subcommand and hands over;
 * everything else lives in the layers below.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("utenfor %s\n", PACKAGE_VERSION);
	return 0;
}

static const struct command commands[] = {
	{"version", "vis versjonen", cmd_version},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "Bruk: utenfor [KOMMANDO] [ARGUMENTER]\n\nKommandoer:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\n  --help     vis denne hjelpen\n  --version  vis versjonen\n");
}

int main(int argc, char **argv)
{
	/* Only the character type: LC_NUMERIC would change how strtod reads
	 * "1.5", and numbers are parsed the Norwegian way by engine/numbers.c. */
	setlocale(LC_CTYPE, "");

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return argc < 2 ? EXIT_USAGE : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("utenfor %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "utenfor: ukjent kommando «%s»\n\n", argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
