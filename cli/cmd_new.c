/*
 * cmd_new.c: `utenfor new [--default] [--shared|--private] FILE` — create a
 * workbook file, empty or with the embedded example data.  Never
 * overwrites.  --shared (or [workbook] shared = yes in config.ini) makes it
 * 0660 for the file's group (doc/shared.md); --private overrides the file.
 *
 * Must never: call exit(), replace an existing file.
 */
#include "config.h"

#include <grp.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "config/messages.h"
#include "config/settings.h"
#include "i18n/i18n.h"
#include "store/share.h"
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
	fputs(_("  --shared   gruppen til fila kan også lese og skrive (0660, uansett umask);\n"
		"             i en setgid-mappe får fila mappens gruppe. Standard etter\n"
		"             [workbook] shared i config.ini\n"
		"  --private  bare du kan lese og skrive (0600), uansett config.ini\n"),
	      out);
}

/* [workbook] from config.ini (--config FILE or the default); problems
 * with the file are left to `utenfor config check`. */
static void configured(struct settings *set)
{
	struct config_messages msgs;
	config_messages_init(&msgs);
	settings_load(cli_config_path, set, &msgs);
	config_messages_free(&msgs);
}

/* The group a shared workbook got, and a warning when that is probably not
 * the colleagues' group: the folder is not setgid, so the file took the
 * creator's own primary group. */
static void report_group(const char *path)
{
	struct stat st, dst;
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	if (stat(path, &st) != 0 || stat(dir, &dst) != 0)
		return;
	const struct group *gr = getgrgid(st.st_gid);
	char gname[64];
	snprintf(gname, sizeof gname, "%s", gr ? gr->gr_name : "?");
	if (gr == NULL)
		snprintf(gname, sizeof gname, "%lu", (unsigned long)st.st_gid);
	printf(_("Gruppen «%s» kan lese og skrive den.\n"), gname);
	if (!(dst.st_mode & S_ISGID) && st.st_gid == getegid())
		fprintf(stderr,
			_("utenfor new: merk: mappen %s er ikke setgid, så fila fikk din egen "
			  "gruppe «%s»; gi den kollegenes gruppe med chgrp, eller se "
			  "doc/shared.md\n"),
			dir, gname);
}

int cmd_new(int argc, char **argv)
{
	bool with_default = false;
	int shared = -1; /* -1: as config.ini says */
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--default") == 0) {
			with_default = true;
		} else if (strcmp(argv[i], "--shared") == 0) {
			shared = 1;
		} else if (strcmp(argv[i], "--private") == 0) {
			shared = 0;
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
	struct settings set;
	configured(&set);
	if (shared < 0)
		shared = set.shared;
	/* A new workbook takes its horizon and discounting from [workbook]
	 * (the defaults when config.ini says nothing), the example data's
	 * too: those are the municipality's choices, not the example's. */
	if (!with_default)
		snprintf(wb.params.name, sizeof wb.params.name, "%s", "Ny arbeidsbok"); /* as the store names one */
	wb.params.horizon = set.horizon;
	wb.params.discount = set.discount;
	struct store_error err = {0};
	enum store_status st = store_create_with(path, &wb, shared ? STORE_CREATE_SHARED : 0, &err);
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
	if (shared)
		report_group(path);
	return 0;
}
