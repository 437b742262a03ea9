/*
 * cmd_new.c: `utenfor new [--default] FILE` — create a workbook file,
 * empty or with the embedded example data.  Never overwrites.
 *
 * Must never: call exit(), replace an existing file.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "store/store.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor new [--default] FIL\n"
	      "\n"
	      "Lager en ny arbeidsbok FIL (lesbar og skrivbar bare for deg).\n"
	      "Finnes FIL fra før, gjøres ingenting.\n"
	      "\n"
	      "  --default  fyll inn eksempeldata: sju målgrupper med kostnadsprofiler\n"
	      "             og tre eksempeltiltak (bytt tallene ut med kommunens egne)\n"
	      "  -h, --help vis denne hjelpen\n"),
	      out);
}

int cmd_new(int argc, char **argv)
{
	bool with_default = false;
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--default") == 0) {
			with_default = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, _("utenfor new: ukjent valg «%s»\n\n"), argv[i]);
			usage(stderr);
			return EXIT_USAGE;
		} else if (path == NULL) {
			path = argv[i];
		} else {
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (path == NULL) {
		usage(stderr);
		return EXIT_USAGE;
	}

	struct workbook wb;
	workbook_init(&wb);
	if (with_default && store_default_workbook(&wb) != 0) {
		fprintf(stderr, _("%s: tomt for minne\n"), path);
		return EXIT_REFUSED;
	}
	struct store_error err = {0};
	enum store_status st = store_create(path, with_default ? &wb : NULL, &err);
	workbook_free(&wb);
	if (st != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		return EXIT_REFUSED;
	}
	if (with_default)
		printf(_("Opprettet %s med eksempeldata. Tallene er et utgangspunkt: "
		       "bytt dem ut med kommunens egne.\n"),
		       path);
	else
		printf(_("Opprettet %s (tom arbeidsbok).\n"), path);
	return 0;
}
