/*
 * cmd_set.c: `utenfor set WORKBOOK KIND NAME FIELD VALUE` — one edit from
 * the command line, through the same session layer as the interface: the
 * same reading of VALUE (Norwegian numbers, percent, choices), the same
 * validation and messages, one transaction in the same undo history (so
 * `u` in the interface, or `utenfor set WORKBOOK --undo`, takes it back).
 *
 * Must never: call exit(), or change anything when the edit is refused.
 */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/commands.h"
#include "engine/numbers.h"
#include "i18n/i18n.h"
#include "session/session.h"
#include "session/text.h"

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor set ARBEIDSBOK SORT NAVN FELT VERDI\n"
		"      utenfor set ARBEIDSBOK workbook FELT VERDI\n"
		"      utenfor set ARBEIDSBOK SORT NAVN        (vis feltene og verdiene)\n"
		"      utenfor set ARBEIDSBOK --undo | --redo\n"
		"\n"
		"Endrer ett felt i arbeidsboka, lest og kontrollert som i skjermbildet,\n"
		"og lagret som én endring som kan angres (u i skjermbildet, eller --undo).\n"
		"\n"
		"  SORT   measure (tiltak), group (målgruppe), item (kostnadspost),\n"
		"         workbook (arbeidsbok: navn, basisår, horisont, diskontering …)\n"
		"  NAVN   tiltakets eller målgruppens navn (eller id), #RAD for rad-id;\n"
		"         en kostnadspost som MÅLGRUPPE/POST\n"
		"  FELT   nøkkelen (success_rate) eller ledeteksten (Suksessrate)\n"
		"  VERDI  som du ville skrevet den i skjermbildet: 35, «1 234,50», stat\n"
		"\n"
		"Eksempel: utenfor set bok.utenfor measure Oppfølgingslos success_rate 35\n"
		"  -h, --help  vis denne hjelpen\n"),
	      out);
}

static bool kind_named(const char *s, enum row_kind *out)
{
	static const struct {
		const char *name;
		enum row_kind kind;
	} kinds[] = {
		{"measure", ROW_MEASURE}, {"tiltak", ROW_MEASURE},
		{"group", ROW_GROUP},     {"målgruppe", ROW_GROUP},
		{"item", ROW_ITEM},       {"post", ROW_ITEM},
		{"kostnadspost", ROW_ITEM}, {"workbook", ROW_PARAMS},
		{"arbeidsbok", ROW_PARAMS},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcasecmp(s, kinds[i].name) == 0) {
			*out = kinds[i].kind;
			return true;
		}
	return false;
}

/* "#12" → 12; 0 when s is not a row id. */
static int64_t row_id_of(const char *s)
{
	if (s[0] != '#' || s[1] == '\0')
		return 0;
	char *end;
	long long v = strtoll(s + 1, &end, 10);
	return *end == '\0' && v > 0 ? (int64_t)v : 0;
}

/* The one group named `name` (id, name, or #row); prints why not. */
static long find_group(const struct workbook *wb, const char *name)
{
	int64_t id = row_id_of(name);
	long found = -1;
	int hits = 0;
	for (size_t i = 0; i < wb->group_count; i++) {
		const struct target_group *g = &wb->groups[i];
		if (id != 0 ? g->row.id == id
			    : strcmp(g->id, name) == 0 || strcasecmp(g->name, name) == 0) {
			found = (long)i;
			hits++;
		}
	}
	if (hits == 1)
		return found;
	if (hits == 0)
		fprintf(stderr, _("utenfor set: ingen målgruppe heter «%s»\n"), name);
	else
		fprintf(stderr, _("utenfor set: flere målgrupper heter «%s»: bruk #RAD\n"), name);
	return -1;
}

static bool find_row(const struct session *s, enum row_kind kind, const char *name,
		     struct row_key *out)
{
	const struct workbook *wb = session_workbook(s);
	out->kind = kind;
	out->id = 0;
	if (kind == ROW_PARAMS)
		return true;
	if (kind == ROW_GROUP) {
		long g = find_group(wb, name);
		if (g >= 0)
			*out = session_group_key(s, (size_t)g);
		return g >= 0;
	}
	if (kind == ROW_ITEM) {
		const char *slash = strrchr(name, '/');
		if (slash == NULL) {
			fprintf(stderr, "%s",
				_("utenfor set: en kostnadspost skrives MÅLGRUPPE/POST\n"));
			return false;
		}
		char group[TEXT_NAME_SIZE + TEXT_ID_SIZE];
		snprintf(group, sizeof group, "%.*s", (int)(slash - name), name);
		long g = find_group(wb, group);
		if (g < 0)
			return false;
		const struct target_group *tg = &wb->groups[g];
		int64_t id = row_id_of(slash + 1);
		int hits = 0;
		for (size_t i = 0; i < tg->item_count; i++)
			if (id != 0 ? tg->items[i].row.id == id
				    : strcasecmp(tg->items[i].name, slash + 1) == 0) {
				*out = session_item_key(s, (size_t)g, i);
				hits++;
			}
		if (hits == 1)
			return true;
		fprintf(stderr,
			hits == 0 ? _("utenfor set: ingen kostnadspost i «%s» heter «%s»\n")
				  : _("utenfor set: flere kostnadsposter i «%s» heter «%s»: bruk #RAD\n"),
			tg->name, slash + 1);
		return false;
	}
	int64_t id = row_id_of(name);
	int hits = 0;
	for (size_t i = 0; i < wb->measure_count; i++)
		if (id != 0 ? wb->measures[i].row.id == id
			    : strcasecmp(wb->measures[i].name, name) == 0) {
			*out = session_measure_key(s, i);
			hits++;
		}
	if (hits == 1)
		return true;
	fprintf(stderr,
		hits == 0 ? _("utenfor set: ingen tiltak heter «%s»\n")
			  : _("utenfor set: flere tiltak heter «%s»: bruk #RAD\n"),
		name);
	return false;
}

static const void *row_of(const struct session *s, struct row_key k)
{
	const struct workbook *wb = session_workbook(s);
	long g;
	long i = session_index(s, k, &g);
	switch (k.kind) {
	case ROW_MEASURE: return i >= 0 ? &wb->measures[i] : NULL;
	case ROW_GROUP: return i >= 0 ? &wb->groups[i] : NULL;
	case ROW_ITEM: return i >= 0 ? &wb->groups[g].items[i] : NULL;
	case ROW_SECTOR: return i >= 0 ? &wb->sectors[i] : NULL;
	case ROW_PARAMS: return &wb->params;
	case ROW_ESTIMATE: return NULL;
	}
	return NULL;
}

/* The schema's label, cut and padded to a column of 24. */
static void label_column(char *buf, size_t size, const struct field_desc *f)
{
	char label[200];
	text_truncate(label, sizeof label, _(f->label), 24, false);
	int pad = 24 - text_width(label);
	snprintf(buf, size, "%s%*s", label, pad > 0 ? pad : 0, "");
}

/* The row's fields as the schema describes them: key, label, value and
 * unit, one a line. */
static void list_fields(const struct session *s, struct row_key k)
{
	size_t n;
	const struct field_desc *fs = session_fields(k.kind, &n);
	const void *obj = row_of(s, k);
	for (size_t i = 0; i < n; i++) {
		char v[1100], label[256];
		field_format(&fs[i], obj, session_workbook(s), false, " ", v, sizeof v);
		label_column(label, sizeof label, &fs[i]);
		printf("%-20s %s  %s%s%s\n", fs[i].key, label, v, fs[i].unit ? " " : "",
		       fs[i].unit ? _(fs[i].unit) : "");
	}
}

/* "1–100", "0–100 %": what a field allows, from the schema's range. */
static void range_text(char *buf, size_t size, const struct field_desc *f)
{
	const struct field_range *r = f->vid >= 0 ? field_range((enum field_id)f->vid) : NULL;
	buf[0] = '\0';
	if (r == NULL)
		return;
	char lo[48], hi[48];
	bool percent = r->kind == FIELD_FRACTION || r->kind == FIELD_RATE;
	double scale = percent ? 100.0 : 1.0;
	number_format(lo, sizeof lo, r->min * scale, 0, " ");
	number_format(hi, sizeof hi, r->max * scale, 0, " ");
	snprintf(buf, size, "%s–%s%s", lo, hi, percent ? " %" : "");
}

/* The fields `utenfor set` takes for a kind, with what each allows. */
static void list_keys(enum row_kind kind)
{
	size_t count;
	const struct field_desc *fs = session_fields(kind, &count);
	for (size_t i = 0; i < count; i++) {
		char label[256], range[120];
		label_column(label, sizeof label, &fs[i]);
		range_text(range, sizeof range, &fs[i]);
		char line[512];
		snprintf(line, sizeof line, "  %-20s %s  %s", fs[i].key, label, range);
		for (size_t end = strlen(line); end > 0 && line[end - 1] == ' '; end--)
			line[end - 1] = '\0';
		fprintf(stderr, "%s\n", line);
	}
}

static int undo(const char *path, bool redo)
{
	struct session *s;
	struct diag d;
	if (session_open(path, 0, &s, NULL, &d) != DIAG_OK) {
		fprintf(stderr, "utenfor set: %s\n", d.message);
		return EXIT_REFUSED;
	}
	enum diag_code c = session_undo(s, redo, &d);
	session_close(s);
	if (c != DIAG_OK) {
		fprintf(stderr, "utenfor set: %s: %s\n", path, d.message);
		return EXIT_REFUSED;
	}
	printf("%s\n", d.message);
	return 0;
}

int cmd_set(int argc, char **argv)
{
	const char *args[5];
	int n = 0;
	int undo_flag = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--undo") == 0) {
			undo_flag = 1;
		} else if (strcmp(argv[i], "--redo") == 0) {
			undo_flag = 2;
		} else if (strcmp(argv[i], "--") == 0) {
			/* The rest are operands: a value may start with '-'. */
			for (i++; i < argc && n < 5; i++)
				args[n++] = argv[i];
			if (i < argc) {
				usage(stderr);
				return EXIT_USAGE;
			}
		} else if (n < 5) {
			args[n++] = argv[i];
		} else {
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (undo_flag != 0) {
		if (n != 1) {
			usage(stderr);
			return EXIT_USAGE;
		}
		return undo(args[0], undo_flag == 2);
	}
	enum row_kind kind;
	if (n < 2 || !kind_named(args[1], &kind)) {
		if (n >= 2)
			fprintf(stderr, _("utenfor set: ukjent sort «%s»\n\n"), args[1]);
		usage(stderr);
		return EXIT_USAGE;
	}
	/* workbook has no NAME: shift the rest one to the right. */
	const char *name = kind == ROW_PARAMS ? "" : (n > 2 ? args[2] : NULL);
	int first = kind == ROW_PARAMS ? 2 : 3;
	const char *fname = n > first ? args[first] : NULL;
	const char *value = n > first + 1 ? args[first + 1] : NULL;
	if (name == NULL || n > first + 2 || (fname != NULL && value == NULL)) {
		usage(stderr);
		return EXIT_USAGE;
	}

	struct session *s;
	struct diag d;
	if (session_open(args[0], fname == NULL ? SESSION_READ_ONLY : 0, &s, NULL, &d) != DIAG_OK) {
		fprintf(stderr, "utenfor set: %s\n", d.message);
		return EXIT_REFUSED;
	}
	int status = EXIT_REFUSED;
	struct row_key key;
	if (!find_row(s, kind, name, &key))
		goto out;
	if (fname == NULL) {
		list_fields(s, key);
		status = 0;
		goto out;
	}
	const struct field_desc *f = session_field_named(kind, fname);
	if (f == NULL) {
		fprintf(stderr, _("utenfor set: ukjent felt «%s»; feltene er:\n"), fname);
		list_keys(kind);
		goto out;
	}
	if (session_set_field(s, key, f, value, &d) != DIAG_OK) {
		fprintf(stderr, "utenfor set: %s: %s\n", args[0], d.message);
		goto out;
	}
	printf("%s\n", d.message);
	status = 0;
out:
	session_close(s);
	return status;
}
