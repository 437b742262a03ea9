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

#include "cli/build_tree.h"
#include "cli/commands.h"
#include "cli/safe_stream.h"
#include "config/ini.h"
#include "config/paths.h"
#include "i18n/i18n.h"
#include "tui/tui.h"

/*
 * The terminal interface: no argument, a workbook, --read-only, estimate.
 * `config_path` is --config FILE, or NULL for the XDG default.
 */
static int run_tui(const char *path, bool read_only, bool estimate, const char *config_path)
{
	struct tui_options opt = {path, read_only, estimate, config_path};
	char err[1024] = "";
	int status = tui_run(&opt, err, sizeof err);
	if (status != 0)
		fprintf(stderr, "%s\n", err);
	return status;
}

/* `utenfor estimate [WORKBOOK]`: the TUI, so it needs --config too; main()
 * calls it directly rather than through the command table. */
/* True when the command's only argument asks for its help. */
static bool wants_help(int argc, char **argv)
{
	return argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
}

static int cmd_estimate(int argc, char **argv, const char *config_path)
{
	if (wants_help(argc, argv)) {
		printf("%s\n", _("Bruk: utenfor estimate [ARBEIDSBOK]"));
		fputs(_("\nEtt skjema for et raskt overslag over ett tiltak; «b» beholder det som\n"
			"et tiltak i arbeidsboken (standard-arbeidsboka om ingen er oppgitt).\n"),
		      stdout);
		return 0;
	}
	if (argc > 2) {
		fprintf(stderr, "%s\n", _("Bruk: utenfor estimate [ARBEIDSBOK]"));
		return EXIT_USAGE;
	}
	return run_tui(argc == 2 ? argv[1] : NULL, false, true, config_path);
}

const char *cli_config_path = NULL;

static int cmd_version(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		printf("%s\n", _("Bruk: utenfor version (skriver versjonsnummeret)"));
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "%s\n", _("Bruk: utenfor version (skriver versjonsnummeret)"));
		return EXIT_USAGE;
	}
	printf("utenfor %s\n", PACKAGE_VERSION);
	return 0;
}

static const struct command commands[] = {
	{"version", N_("vis versjonen"), cmd_version},
	/* run is NULL: main() starts the estimate itself (see cmd_estimate). */
	{"estimate", N_("raskt overslag i skjermbildet ([ARBEIDSBOK])"), NULL},
	{"calc", N_("beregn og vis resultatene (--json for maskinlesbart)"), cmd_calc},
	{"report", N_("lag rapport for kommunestyret (--format html|md|xlsx, -o FIL)"),
	 cmd_report},
	{"new", N_("lag en ny arbeidsbok (--default med eksempeldata, --shared for gruppen)"),
	 cmd_new},
	{"import", N_("les inn et JSON-dokument i en arbeidsbok (--json FIL ARBEIDSBOK)"),
	 cmd_import},
	{"export", N_("skriv ut arbeidsboken (--json, --csv, --csv-excel eller --xlsx)"),
	 cmd_export},
	{"compact", N_("gi plassen fra gamle angresteg tilbake til disken (ARBEIDSBOK)"),
	 cmd_compact},
	{"config", N_("sjekk innstillingene, vis temaer og taster, endre én verdi"), cmd_config},
	{"set", N_("endre ett felt i arbeidsboka (SORT NAVN FELT VERDI, --undo)"), cmd_set},
	{"copy-group", N_("kopier en målgruppe fra eksempeldataene (ARBEIDSBOK [NAVN])"),
	 cmd_copy_group},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
	fprintf(out, "%s", _("Bruk: utenfor [KOMMANDO] [ARGUMENTER]\n\nKommandoer:\n"));
	for (size_t i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
	/* TRANSLATORS: keep the option names and the column alignment. */
	fprintf(out, "%s", _("\n  (ingen)            åpne standard-arbeidsboka i skjermbildet\n"
			     "  ARBEIDSBOK         åpne en arbeidsbok i skjermbildet\n"
			     "  --read-only [FIL]  åpne skrivebeskyttet\n"));
	/* TRANSLATORS: keep the option names and the column alignment. */
	/* TRANSLATORS: keep the option names and the column alignment. */
	fprintf(out, "%s", _("  --config FIL       bruk denne innstillingsfila (før kommandoen)\n"));
	fprintf(out, "%s", _("\n  --help     vis denne hjelpen\n  --version  vis versjonen\n"));
}

/*
 * The [ui] language of the default config.ini, copied into buf; NULL when
 * the file, the key or a usable value is missing (then the locale decides).
 * Problems with the file are left to the TUI and `utenfor config check`,
 * which report them with file and line: here they only mean "no choice".
 */
static const char *configured_language(const char *given, char *buf, size_t size)
{
	char path[CONFIG_PATH_MAX];
	if (given != NULL)
		snprintf(path, sizeof path, "%s", given);
	else if (!config_file(path, sizeof path))
		return NULL;
	struct config_messages msgs;
	config_messages_init(&msgs);
	struct ini_doc doc = {0};
	const char *out = NULL;
	enum i18n_language parsed;
	if (ini_open(path, true, &doc, &msgs) == INI_OK) {
		const char *v = ini_get(&doc, "ui", "language");
		if (v != NULL && i18n_parse_language(v, &parsed)) {
			snprintf(buf, size, "%s", i18n_language_code(parsed));
			out = buf;
		}
	}
	ini_close(&doc);
	config_messages_free(&msgs);
	return out;
}

int main(int argc, char **argv)
{
	/* Only the character type: LC_NUMERIC would change how strtod reads
	 * "1.5", and numbers are parsed the Norwegian way by engine/numbers.c. */
	setlocale(LC_CTYPE, "");
	/* From the build folder: its own catalogs and themes (build_tree.h). */
	(void)build_tree_apply();
	/* `--config FILE` (or --config=FILE) before the command applies to the
	 * interface; `utenfor config` takes its own --config after its name. */
	const char *config_path = NULL;
	if (argc >= 2 && strncmp(argv[1], "--config=", 9) == 0) {
		config_path = argv[1] + 9;
		argv[1] = argv[0];
		argc--, argv++;
	} else if (argc >= 3 && strcmp(argv[1], "--config") == 0) {
		config_path = argv[2];
		argv[2] = argv[0];
		argc -= 2, argv += 2;
	}
	cli_config_path = config_path;
	/* UTENFOR_LANG=nb|en, then [ui] language in config.ini, then the
	 * locale (doc/i18n.md). */
	char lang_buf[32];
	const char *lang = getenv("UTENFOR_LANG");
	if (lang == NULL || *lang == '\0')
		lang = configured_language(config_path, lang_buf, sizeof lang_buf);
	char lang_err[256];
	if (!i18n_init(lang, NULL, lang_err, sizeof lang_err))
		fprintf(stderr, "utenfor: %s\n", lang_err);

	/* Messages quote file names, arguments and document values: none of
	 * their control characters may reach the terminal (safe_stream.h).
	 * stdout only for the commands, and only on a terminal: a pipe gets
	 * the exact bytes, and the TUI draws on stdout itself. */
	FILE *guarded = safe_stream_open(STDERR_FILENO);
	if (guarded != NULL)
		stderr = guarded;

	/* No command: the interface on the default workbook. */
	if (argc < 2)
		return run_tui(NULL, false, false, config_path);
	if (strcmp(argv[1], "--read-only") == 0 && argc <= 3)
		return run_tui(argc == 3 ? argv[2] : NULL, true, false, config_path);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("utenfor %s\n", PACKAGE_VERSION);
		return 0;
	}
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		if (strcmp(argv[1], commands[i].name) != 0)
			continue;
		if (commands[i].run == NULL)
			return cmd_estimate(argc - 1, argv + 1, config_path);
		if (isatty(STDOUT_FILENO) && (guarded = safe_stream_open(STDOUT_FILENO)) != NULL) {
			fflush(stdout);
			stdout = guarded;
		}
		return commands[i].run(argc - 1, argv + 1);
	}
	/* `utenfor WORKBOOK`: anything that names a file (has a '/' or a '.'). */
	if (argc == 2 && argv[1][0] != '-' &&
	    (strpbrk(argv[1], "/.") != NULL || access(argv[1], F_OK) == 0))
		return run_tui(argv[1], false, false, config_path);
	fprintf(stderr, _("utenfor: ukjent kommando «%s»\n\n"), argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
