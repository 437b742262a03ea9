/*
 * cmd_report.c: `utenfor report WORKBOOK [--format html|md|xlsx] [-o FILE]
 * [--force]`: the council report (or the live-formula spreadsheet) of a
 * workbook.  A thin wrapper: reading is store/ (or interchange/ for a
 * .json file), computing is engine/, writing is report/.
 *
 * Must never: exit(); write a partial output file.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "engine/projection.h"
#include "engine/validate.h"
#include "interchange/json.h"
#include "report/report.h"
#include "report/xlsx.h"
#include "store/store.h"

enum out_format { OUT_HTML, OUT_MARKDOWN, OUT_XLSX, OUT_UNSET };

static void report_usage(FILE *out)
{
	fprintf(out,
		_("Bruk: utenfor report ARBEIDSBOK [--format html|md|xlsx] [-o FIL] [--force]\n"
		"\n"
		"Lager en rapport for kommunestyret: sammendrag, hvem betaler og hvem sparer,\n"
		"hvert tiltak, diagrammer og alle forutsetninger i et vedlegg.\n"
		"\n"
		"  ARBEIDSBOK       en arbeidsbok (.utenfor) eller et JSON-dokument (.json)\n"
		"  --format FORMAT  html (standard), md (Markdown) eller xlsx (regneark med formler)\n"
		"  -o, --output FIL skriv til FIL (uten -o skrives html/md til standard ut)\n"
		"  --force          overskriv FIL om den finnes\n"));
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool parse_format(const char *name, enum out_format *out)
{
	enum report_format rf;
	if (strcmp(name, "xlsx") == 0) {
		*out = OUT_XLSX;
		return true;
	}
	if (!report_format_from_name(name, &rf))
		return false;
	*out = rf == REPORT_MARKDOWN ? OUT_MARKDOWN : OUT_HTML;
	return true;
}

/* Read a workbook from a .json document or a workbook file, read-only. */
static int load(const char *path, struct workbook *wb)
{
	if (ends_with(path, ".json")) {
		struct problems probs;
		problems_clear(&probs);
		if (json_read_workbook_file(path, wb, &probs) == 0)
			return 0;
		for (size_t i = 0; i < probs.count; i++) {
			char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
			problem_format(&probs.list[i], line, sizeof line);
			fprintf(stderr, _("utenfor report: %s: %s\n"), path, line);
		}
		return -1;
	}
	struct store *s = NULL;
	struct store_error err = {0};
	if (store_open(path, STORE_OPEN_READ_ONLY, &s, &err) != STORE_OK) {
		fprintf(stderr, "utenfor report: %s\n", err.message);
		return -1;
	}
	enum store_status st = store_load(s, wb, &err);
	store_close(s);
	if (st != STORE_OK) {
		fprintf(stderr, "utenfor report: %s\n", err.message);
		return -1;
	}
	struct problems probs;
	problems_clear(&probs);
	if (!validate_workbook(wb, &probs)) {
		for (size_t i = 0; i < probs.count; i++) {
			char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
			problem_format(&probs.list[i], line, sizeof line);
			fprintf(stderr, _("utenfor report: %s: %s\n"), path, line);
		}
		return -1;
	}
	return 0;
}

static int write_text(const struct workbook *wb, const struct projection *p,
		      enum report_format rf, const struct report_options *opt, const char *output,
		      bool force);

static int write_out(const struct workbook *wb, const struct projection *p, enum out_format f,
		     const char *output, bool force)
{
	char err[1024] = "";
	if (f == OUT_XLSX) {
		if (export_xlsx(wb, p, output, force, err, sizeof err) != 0) {
			fprintf(stderr, "utenfor report: %s\n", err);
			return EXIT_REFUSED;
		}
		return 0;
	}
	enum report_format rf = f == OUT_MARKDOWN ? REPORT_MARKDOWN : REPORT_HTML;
	/* The report says so when its figures are the shipped example data;
	 * without memory for the comparison it simply does not check. */
	struct workbook example;
	workbook_init(&example);
	struct report_options opt = {.example = NULL};
	if (store_default_workbook(&example) == 0)
		opt.example = &example;
	int rc = write_text(wb, p, rf, &opt, output, force);
	workbook_free(&example);
	return rc;
}

static int write_text(const struct workbook *wb, const struct projection *p,
		      enum report_format rf, const struct report_options *opt, const char *output,
		      bool force)
{
	char err[1024] = "";
	if (output == NULL || strcmp(output, "-") == 0) {
		size_t len = 0;
		char *text = report_render_opt(wb, p, rf, opt, &len);
		if (text == NULL) {
			fprintf(stderr, _("utenfor report: ikke nok minne til å lage rapporten\n"));
			return EXIT_REFUSED;
		}
		bool ok = fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0;
		free(text);
		if (!ok) {
			fprintf(stderr, _("utenfor report: kunne ikke skrive til standard ut\n"));
			return EXIT_REFUSED;
		}
		return 0;
	}
	if (report_write_opt(wb, p, rf, opt, output, force, err, sizeof err) != 0) {
		fprintf(stderr, "utenfor report: %s\n", err);
		return EXIT_REFUSED;
	}
	return 0;
}

int cmd_report(int argc, char **argv)
{
	const char *input = NULL, *output = NULL;
	enum out_format format = OUT_UNSET;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			report_usage(stdout);
			return 0;
		} else if (strcmp(a, "--force") == 0 || strcmp(a, "-f") == 0) {
			force = true;
		} else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
			const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
			if (v == NULL || !parse_format(v, &format)) {
				fprintf(stderr,
					_("utenfor report: ukjent format «%s»; bruk html, md eller xlsx\n"),
					v ? v : "");
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
			if (i + 1 >= argc) {
				fprintf(stderr, _("utenfor report: %s trenger et filnavn\n"), a);
				return EXIT_USAGE;
			}
			output = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, _("utenfor report: ukjent valg «%s»\n\n"), a);
			report_usage(stderr);
			return EXIT_USAGE;
		} else if (input == NULL) {
			input = a;
		} else {
			fprintf(stderr, _("utenfor report: for mange argumenter («%s»)\n\n"), a);
			report_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (input == NULL) {
		fprintf(stderr, _("utenfor report: mangler arbeidsbok\n\n"));
		report_usage(stderr);
		return EXIT_USAGE;
	}
	if (format == OUT_UNSET) {
		/* The output file's extension decides; HTML otherwise. */
		format = OUT_HTML;
		if (output != NULL && ends_with(output, ".md"))
			format = OUT_MARKDOWN;
		else if (output != NULL && ends_with(output, ".xlsx"))
			format = OUT_XLSX;
	}
	if (format == OUT_XLSX && (output == NULL || strcmp(output, "-") == 0)) {
		fprintf(stderr, _("utenfor report: xlsx må skrives til en fil: bruk -o FIL.xlsx\n"));
		return EXIT_USAGE;
	}

	struct workbook wb;
	workbook_init(&wb);
	if (load(input, &wb) != 0) {
		workbook_free(&wb);
		return EXIT_REFUSED;
	}
	struct projection p;
	projection_init(&p);
	int rc;
	if (projection_compute(&p, &wb) != 0) {
		fprintf(stderr, _("utenfor report: ikke nok minne til å regne ut arbeidsboka\n"));
		rc = EXIT_REFUSED;
	} else {
		rc = write_out(&wb, &p, format, output, force);
	}
	projection_free(&p);
	workbook_free(&wb);
	return rc;
}
