/*
 * cmd_export.c: `utenfor export --json|--csv|--csv-excel|--xlsx WORKBOOK [-o FILE]
 * [--force]` — a workbook as the interchange document, the yearly
 * portfolio table, or a spreadsheet with live formulas.
 *
 * The workbook is opened read-only.  Output goes to stdout (JSON, CSV) or
 * to FILE, written whole or not at all (report/atomic.h); an existing FILE
 * is refused without --force.  FILE never gets more permissions than the
 * workbook, and never is the workbook or its -wal/-shm.
 *
 * Must never: call exit(), write to the workbook, leave a half-written FILE.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "i18n/i18n.h"
#include "engine/projection.h"
#include "interchange/csv.h"
#include "interchange/csv_dialect.h"
#include "interchange/json.h"
#include "report/atomic.h"
#include "report/xlsx.h"
#include "store/store.h"

enum export_format { FORMAT_NONE, FORMAT_JSON, FORMAT_CSV, FORMAT_CSV_EXCEL, FORMAT_XLSX };

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor export --json|--csv|--csv-excel|--xlsx ARBEIDSBOK [-o FIL] [--force]\n"
	      "\n"
	      "  --json     hele arbeidsboken i utvekslingsformatet (kan importeres igjen)\n"
	      "  --csv      porteføljens år-for-år-tabell, for regneark og skript\n"
	      "             (komma mellom feltene, desimalpunktum)\n"
	      "  --csv-excel  samme tabell slik norsk Excel og LibreOffice åpner den i\n"
	      "             kolonner: semikolon, desimalkomma, UTF-8 med BOM, CRLF\n"
	      "  --xlsx     regneark med levende formler (krever -o FIL)\n"
	      "  -o FIL     skriv til FIL i stedet for standard ut\n"
	      "  --force    overskriv FIL om den finnes\n"
	      "  -h, --help vis denne hjelpen\n"
	      "\n"
	      "Arbeidsboken åpnes bare for lesing. Avslutningskode: 0 ok, 1 avvist,\n"
	      "2 feil bruk.\n"),
	      out);
}

static int load(const char *path, struct workbook *wb)
{
	struct store *s = NULL;
	struct store_error err = {0};
	enum store_status st = store_open(path, STORE_OPEN_READ_ONLY, &s, &err);
	if (st == STORE_OK) {
		st = store_load(s, wb, &err);
		store_close(s);
	}
	if (st != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	return 0;
}

/* `text` to stdout or atomically to `out`. */
static int emit(const char *text, size_t len, const char *out, bool force)
{
	if (out == NULL) {
		if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
			perror("utenfor export");
			return EXIT_REFUSED;
		}
		return 0;
	}
	char err[1024];
	if (atomic_write_file(out, text, len, force, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_REFUSED;
	}
	return 0;
}

static int export_csv(const struct workbook *wb, const struct projection *p,
		      enum csv_dialect dialect, const char *out, bool force)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (mem == NULL) {
		perror("utenfor export");
		return EXIT_REFUSED;
	}
	int rc = csv_write_portfolio(mem, wb, p);
	if (fclose(mem) != 0 || rc != 0) {
		fprintf(stderr, _("utenfor export: kunne ikke lage CSV\n"));
		free(text);
		return EXIT_REFUSED;
	}
	if (dialect != CSV_PLAIN) {
		size_t spelled_len = 0;
		char *spelled = csv_to_dialect(text, len, dialect, &spelled_len);
		free(text);
		if (spelled == NULL) {
			fprintf(stderr, _("utenfor export: kunne ikke lage CSV\n"));
			return EXIT_REFUSED;
		}
		text = spelled;
		len = spelled_len;
	}
	rc = emit(text, len, out, force);
	free(text);
	return rc;
}

static int run(enum export_format format, const char *path, const char *out, bool force)
{
	struct workbook wb;
	workbook_init(&wb);
	if (load(path, &wb) != 0)
		return EXIT_REFUSED;
	int rc = 0;
	if (format == FORMAT_JSON) {
		char *text = json_write_workbook(&wb);
		if (text == NULL) {
			fprintf(stderr, _("%s: tomt for minne\n"), path);
			rc = EXIT_REFUSED;
		} else {
			rc = emit(text, strlen(text), out, force);
			free(text);
		}
		workbook_free(&wb);
		return rc;
	}
	struct projection p;
	projection_init(&p);
	if (projection_compute(&p, &wb) != 0) {
		fprintf(stderr, _("%s: tomt for minne\n"), path);
		rc = EXIT_REFUSED;
	} else if (format == FORMAT_CSV || format == FORMAT_CSV_EXCEL) {
		rc = export_csv(&wb, &p, format == FORMAT_CSV ? CSV_PLAIN : CSV_EXCEL_NO, out,
				force);
	} else {
		char err[1024];
		if (export_xlsx(&wb, &p, out, force, err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			rc = EXIT_REFUSED;
		}
	}
	projection_free(&p);
	workbook_free(&wb);
	return rc;
}

int cmd_export(int argc, char **argv)
{
	enum export_format format = FORMAT_NONE;
	const char *path = NULL, *out = NULL;
	bool force = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		enum export_format f = FORMAT_NONE;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--json") == 0) {
			f = FORMAT_JSON;
		} else if (strcmp(a, "--csv") == 0) {
			f = FORMAT_CSV;
		} else if (strcmp(a, "--csv-excel") == 0) {
			f = FORMAT_CSV_EXCEL;
		} else if (strcmp(a, "--xlsx") == 0) {
			f = FORMAT_XLSX;
		} else if (strcmp(a, "--force") == 0) {
			force = true;
		} else if (strcmp(a, "-o") == 0 && i + 1 < argc) {
			out = argv[++i];
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, _("utenfor export: ukjent eller ufullstendig valg «%s»\n\n"), a);
			usage(stderr);
			return EXIT_USAGE;
		} else if (path == NULL) {
			path = a;
		} else {
			usage(stderr);
			return EXIT_USAGE;
		}
		if (f != FORMAT_NONE) {
			if (format != FORMAT_NONE && format != f) {
				fprintf(stderr, _("utenfor export: velg ett format\n\n"));
				usage(stderr);
				return EXIT_USAGE;
			}
			format = f;
		}
	}
	/* "-" is standard output, as everywhere else. */
	if (out != NULL && strcmp(out, "-") == 0) {
		if (format == FORMAT_XLSX) {
			fprintf(stderr, "%s\n",
				_("utenfor export: xlsx må skrives til en fil: bruk -o FIL.xlsx"));
			return EXIT_USAGE;
		}
		out = NULL;
	}
	if (format == FORMAT_NONE || path == NULL || (format == FORMAT_XLSX && out == NULL)) {
		usage(stderr);
		return EXIT_USAGE;
	}
	/* Outputs stay as private as the workbook, and never replace it. */
	atomic_guard_input(path);
	return run(format, path, out, force);
}
