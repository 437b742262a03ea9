/*
 * cmd_import.c: `utenfor import --json FILE WORKBOOK` — replace a
 * workbook's contents with an interchange document, all or nothing.
 *
 * A document with any problem changes nothing and prints one line per
 * problem ("FILE: path: message").  A missing WORKBOOK is created (0600);
 * an existing one is replaced in one undoable edit.
 *
 * Must never: call exit(), write to WORKBOOK before the whole document
 * has been read and validated.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "engine/validate.h"
#include "interchange/json.h"
#include "store/store.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor import --json FIL ARBEIDSBOK\n"
	      "\n"
	      "Leser JSON-dokumentet FIL (utvekslingsformatet, se doc/interchange.md) og\n"
	      "erstatter innholdet i ARBEIDSBOK med det. Alt eller ingenting: har dokumentet\n"
	      "feil, skrives hver feil på en linje og ingenting endres. Finnes ikke\n"
	      "ARBEIDSBOK, lages den. Importen kan angres i arbeidsboken.\n"
	      "\n"
	      "  --json     FIL er et JSON-dokument (det eneste formatet som kan importeres)\n"
	      "  -h, --help vis denne hjelpen\n"
	      "\n"
	      "Avslutningskode: 0 ok, 1 avvist, 2 feil bruk.\n"),
	      out);
}

static void print_problems(const char *name, const struct problems *pr)
{
	char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
	for (size_t i = 0; i < pr->count; i++) {
		problem_format(&pr->list[i], line, sizeof line);
		fprintf(stderr, "%s: %s\n", name, line);
	}
	if (pr->dropped > 0)
		fprintf(stderr, _("%s: … og %zu problemer til\n"), name, pr->dropped);
}

/* Into an existing workbook: one undoable edit replacing everything. */
static enum store_status replace(const char *workbook, const char *source,
				 const struct workbook *wb, struct store_error *err)
{
	struct store *s = NULL;
	enum store_status st = store_open(workbook, 0, &s, err);
	if (st != STORE_OK)
		return st;
	if (store_is_read_only(s)) {
		st = STORE_READ_ONLY;
		snprintf(err->message, sizeof err->message, "%s: %s", workbook,
			 store_read_only_notice(s) ? store_read_only_notice(s)
						   : _("arbeidsboken kan ikke skrives"));
	} else {
		char label[512];
		snprintf(label, sizeof label, _("Importer %s"), source);
		st = store_replace_all(s, wb, label, err);
	}
	store_close(s);
	return st;
}

int cmd_import(int argc, char **argv)
{
	bool json = false;
	const char *args[2] = {NULL, NULL};
	int nargs = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, _("utenfor import: ukjent valg «%s»\n\n"), argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		} else if (nargs < 2) {
			args[nargs++] = argv[i];
		} else {
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!json || nargs != 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *source = args[0], *workbook = args[1];

	struct workbook wb;
	workbook_init(&wb);
	struct problems *pr = malloc(sizeof *pr);
	if (pr == NULL) {
		fprintf(stderr, _("%s: tomt for minne\n"), source);
		return EXIT_REFUSED;
	}
	problems_clear(pr);
	int rc = json_read_workbook_file(source, &wb, pr);
	if (rc != 0) {
		print_problems(source, pr);
		free(pr);
		workbook_free(&wb);
		return EXIT_REFUSED;
	}
	free(pr);

	struct store_error err = {0};
	struct stat st;
	enum store_status status;
	bool created = false;
	if (stat(workbook, &st) != 0 && errno == ENOENT) {
		status = store_create(workbook, &wb, &err);
		created = true;
	} else {
		status = replace(workbook, source, &wb, &err);
	}
	if (status == STORE_OK)
		printf(created ? _("Opprettet %s fra %s: %zu målgrupper, %zu tiltak.\n")
			       : _("Oppdaterte %s fra %s: %zu målgrupper, %zu tiltak.\n"),
		       workbook, source, wb.group_count, wb.measure_count);
	else
		fprintf(stderr, "%s\n", err.message);
	workbook_free(&wb);
	return status == STORE_OK ? 0 : EXIT_REFUSED;
}
