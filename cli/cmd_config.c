/*
 * cmd_config.c: `utenfor config` — check config.ini and show what the
 * program will use (settings, themes, keys), or change one setting
 * without disturbing the rest of the file.  A thin wrapper over config/.
 *
 * Must never: call exit(), start curses, or write config.ini except for
 * `set` (and then only through config_set_value()).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "config/ini_write.h"
#include "config/load.h"
#include "config/paths.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor config [--config FIL] [check|path|themes|keys|set SEKSJON.NØKKEL VERDI]\n"
	      "\n"
	      "  check    les innstillingene og si fra om alt som er feil, med fil og\n"
	      "           linje (standard); avslutter med 1 når noe er feil\n"
	      "  path     vis hvor innstillingene og temaene leses fra\n"
	      "  themes   vis temaene som finnes (* = det som er valgt)\n"
	      "  keys     vis hvilke taster som gjør hva\n"
	      "  set      endre én innstilling, f.eks. `set ui.theme mork`; resten av\n"
	      "           filen (kommentarer, rekkefølge) blir som den var\n"
	      "\n"
	      "  --config FIL  bruk FIL i stedet for ~/.config/utenfor/config.ini\n"
	      "Se doc/config.md for alle innstillinger.\n"),
	      out);
}

static size_t print_messages(const struct config_messages *msgs)
{
	for (size_t i = 0; i < msgs->count; i++) {
		char line[1024];
		config_message_format(&msgs->items[i], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
	return msgs->count;
}

static int show_path(const char *path, const struct theme_dirs *dirs)
{
	char def[CONFIG_PATH_MAX];
	if (path == NULL && config_file(def, sizeof def))
		path = def;
	printf(_("innstillinger: %s\n"),
	       path ? path : _("(ingen: verken XDG_CONFIG_HOME eller HOME)"));
	for (size_t i = 0; dirs->list[i] != NULL; i++)
		/* TRANSLATORS: align the value with the line above. */
		printf(_("temaer:        %s\n"), dirs->list[i]);
	return 0;
}

/* Write `s` padded with blanks to `width` columns (theme names are
 * Norwegian: "høykontrast" is 12 bytes but 11 columns). */
static void print_padded(const char *s, int width)
{
	int cols = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		cols += (*p & 0xC0) != 0x80;
	fputs(s, stdout);
	for (; cols < width; cols++)
		putchar(' ');
}

static int show_themes(const struct config *cfg, const struct theme_dirs *dirs)
{
	struct theme_info *list;
	long n = theme_list(dirs->list, &list);
	if (n < 0) {
		fprintf(stderr, _("utenfor config: tomt for minne\n"));
		return EXIT_REFUSED;
	}
	for (long i = 0; i < n; i++) {
		printf("%c ", strcmp(list[i].id, cfg->theme.id) == 0 ? '*' : ' ');
		print_padded(list[i].id, 14);
		putchar(' ');
		print_padded(list[i].name, 14);
		printf(" %s\n", list[i].path[0] ? list[i].path : _("(innebygd)"));
	}
	free(list);
	return 0;
}

static int show_keys(const struct config *cfg)
{
	printf(_("# tastesett: %s\n"), key_scheme_key(cfg->settings.key_scheme));
	for (int a = 1; a < ACTION_COUNT; a++) {
		char keys[256];
		keymap_describe(&cfg->keys, (enum action)a, 0, keys, sizeof keys);
		printf("%-16s %s\n", action_name((enum action)a), keys[0] ? keys : _("(ingen)"));
	}
	return 0;
}

static int set_value(const char *path, const char *name, const char *value)
{
	char section[64], key[64];
	const char *dot = strchr(name, '.');
	if (dot == NULL || dot == name || dot[1] == '\0' ||
	    (size_t)(dot - name) >= sizeof section || strlen(dot + 1) >= sizeof key) {
		fprintf(stderr, _("utenfor config set: skriv SEKSJON.NØKKEL, f.eks. ui.theme\n"));
		return EXIT_USAGE;
	}
	snprintf(section, sizeof section, "%.*s", (int)(dot - name), name);
	snprintf(key, sizeof key, "%s", dot + 1);
	ini_lower(section);
	ini_lower(key);
	if (!settings_key_known(section, key)) {
		fprintf(stderr,
			_("utenfor config set: [%s] %s er ingen innstilling (se doc/config.md)\n"),
			section, key);
		return EXIT_REFUSED;
	}
	struct config_messages msgs;
	config_messages_init(&msgs);
	int rc = config_set_value(path, section, key, value, &msgs);
	print_messages(&msgs);
	config_messages_free(&msgs);
	return rc == 0 ? 0 : EXIT_REFUSED;
}

int cmd_config(int argc, char **argv)
{
	const char *path = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
			path = argv[++i];
			continue;
		}
		fprintf(stderr, _("utenfor config: ukjent valg «%s»\n\n"), argv[i]);
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *what = i < argc ? argv[i++] : "check";

	if (strcmp(what, "set") == 0) {
		if (argc - i != 2) {
			usage(stderr);
			return EXIT_USAGE;
		}
		int rc = set_value(path, argv[i], argv[i + 1]);
		if (rc != 0)
			return rc;
		what = "check"; /* show what the change did */
		i = argc;
	}
	if (i != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}

	struct theme_dirs dirs;
	theme_dirs_default(&dirs);
	struct config_messages msgs;
	config_messages_init(&msgs);
	struct config *cfg = malloc(sizeof *cfg);
	if (cfg == NULL) {
		fprintf(stderr, _("utenfor config: tomt for minne\n"));
		return EXIT_REFUSED;
	}
	config_load(path, dirs.list, cfg, &msgs);

	int rc;
	if (strcmp(what, "check") == 0) {
		size_t n = print_messages(&msgs);
		const char *src = cfg->settings.source[0] ? cfg->settings.source
							  : _("(ingen fil: standardverdier)");
		if (n == 0)
			printf(_("%s: i orden (tema %s, tastesett %s)\n"), src, cfg->theme.name,
			       key_scheme_key(cfg->settings.key_scheme));
		else
			printf(NG_("%s: %zu problem; standardverdien brukes for det\n",
				   "%s: %zu problemer; standardverdiene brukes for dem\n", n),
			       path ? path : src, n);
		rc = n == 0 ? 0 : EXIT_REFUSED;
	} else if (strcmp(what, "path") == 0) {
		rc = show_path(path, &dirs);
	} else if (strcmp(what, "themes") == 0) {
		print_messages(&msgs);
		rc = show_themes(cfg, &dirs);
	} else if (strcmp(what, "keys") == 0) {
		print_messages(&msgs);
		rc = show_keys(cfg);
	} else {
		fprintf(stderr, _("utenfor config: ukjent underkommando «%s»\n\n"), what);
		usage(stderr);
		rc = EXIT_USAGE;
	}
	free(cfg);
	config_messages_free(&msgs);
	return rc;
}
