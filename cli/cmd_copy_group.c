/*
 * cmd_copy_group.c: `utenfor copy-group WORKBOOK [NAME]` — a target group of
 * the example data that ships with utenfor, copied into any workbook with
 * its cost items, their sources and grades, and the sectors they need
 * (issue 15 item 4).  The copy is made by the session layer, as the `c`
 * key in Målgrupper makes it: one edit, undone by `utenfor set WORKBOOK
 * --undo` or `u`.  Without NAME: the example groups, and nothing opened.
 *
 * Must never: call exit(), or change the workbook when the copy is refused.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/calc_table.h"
#include "cli/commands.h"
#include "i18n/i18n.h"
#include "session/session.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor copy-group ARBEIDSBOK [NAVN]\n"
		"\n"
		"Kopierer en målgruppe fra eksempeldataene som følger med utenfor inn i\n"
		"arbeidsboka, med alle kostnadspostene, kildene, sikkerhetsgradene og\n"
		"sektorene de trenger.  Kopien er én endring som kan angres (u i\n"
		"skjermbildet, eller med utenfor set: se utenfor set --help).  Finnes\n"
		"navnet allerede i arbeidsboka, får kopien navnet «NAVN (kopi)».\n"
		"\n"
		"  NAVN   målgruppens navn eller id; uten NAVN vises målgruppene\n"
		"  -h, --help  vis denne hjelpen\n"
		"\n"
		"Avslutningskode: 0 ok, 1 avvist (ukjent målgruppe, filen), 2 feil bruk.\n"),
	      out);
}

/* `text` and spaces up to `width` display columns. */
static void padded(const char *text, size_t width)
{
	size_t w = table_text_width(text);
	printf("%s%*s", text, (int)(width > w ? width - w : 0), "");
}

/* One line per example group: id, items, ages, name. */
static int list_groups(void)
{
	struct workbook defaults;
	workbook_init(&defaults);
	if (session_example_workbook(&defaults) != 0) {
		workbook_free(&defaults);
		fprintf(stderr, "%s\n", _("utenfor copy-group: tomt for minne"));
		return EXIT_REFUSED;
	}
	const char *head[4] = {_("Id"), _("Poster"), _("Alder"), _("Navn")};
	size_t id_w = table_text_width(head[0]);
	size_t items_w = table_text_width(head[1]);
	size_t ages_w = table_text_width(head[2]);
	for (size_t i = 0; i < defaults.group_count; i++)
		if (strlen(defaults.groups[i].id) > id_w)
			id_w = strlen(defaults.groups[i].id);
	if (ages_w < 5)
		ages_w = 5; /* "16–66" */
	printf("%s\n", _("Målgruppene i eksempeldataene (utenfor copy-group ARBEIDSBOK NAVN "
			 "kopierer én; NAVN er navnet eller id-en):"));
	printf("  ");
	padded(head[0], id_w);
	printf("  %*s%s  ", (int)(items_w - table_text_width(head[1])), "", head[1]);
	padded(head[2], ages_w);
	printf("  %s\n", head[3]);
	for (size_t i = 0; i < defaults.group_count; i++) {
		const struct target_group *g = &defaults.groups[i];
		int from, to;
		session_group_ages(g, &from, &to);
		char ages[32];
		snprintf(ages, sizeof ages, "%d–%d", from, to);
		printf("  ");
		padded(g->id, id_w);
		printf("  %*zu  ", (int)items_w, g->item_count);
		padded(ages, ages_w);
		printf("  %s\n", g->name);
	}
	workbook_free(&defaults);
	return fflush(stdout) == 0 ? 0 : EXIT_REFUSED;
}

int cmd_copy_group(int argc, char **argv)
{
	const char *args[2];
	int n = 0;
	bool operands = false;
	for (int i = 1; i < argc; i++) {
		if (!operands && (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)) {
			usage(stdout);
			return 0;
		}
		if (!operands && strcmp(argv[i], "--") == 0) {
			operands = true;
			continue;
		}
		if ((!operands && argv[i][0] == '-' && argv[i][1] != '\0') || n == 2) {
			usage(stderr);
			return EXIT_USAGE;
		}
		args[n++] = argv[i];
	}
	if (n == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (n == 1)
		return list_groups();

	struct session *s;
	struct diag d;
	if (session_open(args[0], 0, &s, NULL, &d) != DIAG_OK) {
		fprintf(stderr, "utenfor copy-group: %s\n", d.message);
		return EXIT_REFUSED;
	}
	enum diag_code c = session_copy_default_group(s, args[1], NULL, &d);
	session_close(s);
	if (c != DIAG_OK) {
		fprintf(stderr, "utenfor copy-group: %s: %s\n", args[0], d.message);
		if (c == DIAG_NOT_FOUND)
			fprintf(stderr, _("«utenfor copy-group %s» viser dem med navn.\n"), args[0]);
		return EXIT_REFUSED;
	}
	printf("%s\n", d.message);
	printf(_("Angres med «utenfor set %s --undo» (eller u i skjermbildet).\n"), args[0]);
	return 0;
}
