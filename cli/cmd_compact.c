/*
 * cmd_compact.c: `utenfor compact WORKBOOK` — give the space that pruned
 * undo steps and deleted rows left back to the file system
 * (store_compact(): VACUUM in place under the write lock; doc/store.md).
 * Prints the file's size before and after.
 *
 * Must never: call exit(), open a missing WORKBOOK as a new one.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "store/store.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor compact ARBEIDSBOK\n"
	      "\n"
	      "Gir plassen som gamle angresteg og slettede rader etterlot, tilbake til\n"
	      "disken (VACUUM). Alle rader og angrehistorikken som er igjen, beholdes.\n"
	      "Venter på (og gir opp etter 5 s) en annen som skriver i boka samtidig.\n"
	      "\n"
	      "  -h, --help vis denne hjelpen\n"),
	      out);
}

static long long size_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

int cmd_compact(int argc, char **argv)
{
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, _("utenfor compact: ukjent valg «%s»\n\n"), argv[i]);
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
	long long before = size_of(path);
	struct store_error err = {0};
	struct store *s = NULL;
	enum store_status st = store_open(path, 0, &s, &err);
	if (st == STORE_OK)
		st = store_compact(s, &err); /* a read-only store says why not */
	store_close(s);
	if (st != STORE_OK) {
		fprintf(stderr, "utenfor compact: %s\n", err.message);
		return EXIT_REFUSED;
	}
	printf(_("%s: %lld byte før, %lld byte etter\n"), path, before, size_of(path));
	return 0;
}
