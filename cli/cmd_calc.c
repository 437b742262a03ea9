/*
 * cmd_calc.c: `utenfor calc [--json] FILE` — compute a workbook's results
 * from outside the TUI.  FILE is an interchange JSON document, a workbook
 * file (recognised by the SQLite header, opened read-only), or `-` for a
 * JSON document on standard input.
 *
 * Any problem with the input is printed, one line each as
 * "FILE: path: message", on stderr, and nothing is computed (exit 1).
 * --json prints the results document of doc/interchange.md on stdout;
 * otherwise a readable Norwegian summary.
 *
 * Must never: call exit(), write to stdout before the input is accepted,
 * write to the workbook file.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/calc_summary.h"
#include "cli/commands.h"
#include "engine/limits.h"
#include "engine/projection.h"
#include "engine/uncertainty.h"
#include "engine/validate.h"
#include "i18n/i18n.h"
#include "interchange/input_file.h"
#include "interchange/json.h"
#include "store/store.h"

/* Every SQLite database file starts with these 16 bytes (NUL included). */
static const char sqlite_header[16] = "SQLite format 3";

#define STDIN_NAME _("(standard inn)")

static void usage(FILE *out)
{
	fputs(_("Bruk: utenfor calc [--json] [--draws N] [--seed S] FIL\n"
	      "\n"
	      "Beregner kostnader, gevinster og nåverdi for tiltakene i FIL og viser\n"
	      "hvem som betaler og hvem som får gevinsten (kommune, fylkeskommune, stat).\n"
	      "\n"
	      "FIL er en arbeidsbok (.utenfor), et JSON-dokument i utvekslingsformatet\n"
	      "(se doc/interchange.md), eller - for JSON på standard inn.\n"
	      "Arbeidsboken åpnes bare for lesing.\n"
	      "\n"
	      "  --json     skriv resultatene som JSON (feltnavn som i doc/interchange.md)\n"
	      "  --draws N  antall trekninger i usikkerhetssimuleringen (100–1 000 000;\n"
	      "             overstyrer arbeidsbokens innstilling)\n"
	      "  --seed S   startverdi for simuleringen (0–9007199254740992; samme\n"
	      "             startverdi gir samme resultat)\n"
	      "  -h, --help vis denne hjelpen\n"
	      "\n"
	      "Avslutningskode: 0 ok, 1 filen ble avvist (hvert problem på en linje\n"
	      "på standard feil), 2 feil bruk.\n"),
	      out);
}

static void print_problems(const char *name, const struct problems *problems)
{
	char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
	for (size_t i = 0; i < problems->count; i++) {
		problem_format(&problems->list[i], line, sizeof line);
		fprintf(stderr, "%s: %s\n", name, line);
	}
	if (problems->dropped > 0) {
		fprintf(stderr, "%s: ", name);
		fprintf(stderr,
			NG_("… og %zu problem til (rett opp disse først)",
			    "… og %zu problemer til (rett opp disse først)", problems->dropped),
			problems->dropped);
		fputc('\n', stderr);
	}
}

/* Load a workbook file read-only; prints its own messages.  0 or -1. */
static int load_store(const char *path, struct workbook *wb)
{
	struct store *s = NULL;
	struct store_error err;
	if (store_open(path, STORE_OPEN_READ_ONLY, &s, &err) != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	enum store_status st = store_load(s, wb, &err);
	store_close(s);
	if (st != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		return -1;
	}
	/* The store validates every edit; this guards hand-edited files. */
	struct problems *problems = malloc(sizeof *problems);
	if (problems == NULL) {
		fprintf(stderr, _("%s: tomt for minne\n"), path);
		return -1;
	}
	problems_clear(problems);
	int rc = validate_workbook(wb, problems) ? 0 : -1;
	print_problems(path, problems);
	free(problems);
	return rc;
}

/*
 * Fill `wb` from FILE (or stdin for "-").  Prints every problem on stderr.
 * Returns 0, or -1 when the input was refused.
 */
static int load_input(const char *arg, struct workbook *wb)
{
	bool is_stdin = strcmp(arg, "-") == 0;
	const char *name = is_stdin ? STDIN_NAME : arg;
	char why[256];
	/* Only a regular file (a FIFO would hang, /dev/zero never end); a
	 * workbook is recognised by its first bytes before anything else is
	 * read, so its size is not the JSON limit's business. */
	int fd = is_stdin ? STDIN_FILENO : input_open_regular(arg, why, sizeof why);
	if (fd < 0) {
		fprintf(stderr, _("%s: kan ikke åpne filen: %s\n"), name, why);
		return -1;
	}
	char head[sizeof sqlite_header];
	if (!is_stdin && pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head &&
	    memcmp(head, sqlite_header, sizeof head) == 0) {
		close(fd);
		return load_store(arg, wb);
	}
	char *text = NULL;
	size_t len = 0;
	int err = input_read_fd(fd, INPUT_DOCUMENT_MAX, &text, &len, why, sizeof why);
	if (!is_stdin)
		close(fd);
	if (err != 0) {
		fprintf(stderr, _("%s: kan ikke lese filen: %s\n"), name, why);
		return -1;
	}
	if (len >= sizeof sqlite_header && memcmp(text, sqlite_header, sizeof sqlite_header) == 0) {
		free(text);
		if (is_stdin) {
			fprintf(stderr,
				_("%s: en arbeidsbok kan ikke leses fra standard inn; "
				  "oppgi filnavnet\n"),
				name);
			return -1;
		}
		return load_store(arg, wb);
	}

	struct problems *problems = malloc(sizeof *problems);
	if (problems == NULL) {
		free(text);
		fprintf(stderr, _("%s: tomt for minne\n"), name);
		return -1;
	}
	int rc = json_read_workbook(text, len, wb, problems);
	if (rc != 0)
		print_problems(name, problems);
	free(problems);
	free(text);
	return rc;
}

/* The uncertainty results for --json; prints its own message.  0 or -1. */
static int compute_uncertainty(struct unc_results *u, const struct workbook *wb,
			       const struct projection *p)
{
	const struct uncertainty_settings *s = &wb->params.uncertainty;
	if (unc_results_compute(u, wb, p, s->draws, s->seed) != 0) {
		fprintf(stderr, _("utenfor calc: tomt for minne under usikkerhetsberegningen\n"));
		return -1;
	}
	return 0;
}

static int compute_and_print(const struct workbook *wb, bool json)
{
	struct projection *p = malloc(sizeof *p);
	int status = EXIT_REFUSED;
	if (p == NULL) {
		fprintf(stderr, _("utenfor calc: tomt for minne\n"));
		return EXIT_REFUSED;
	}
	projection_init(p);
	/* JSON is streamed: each measure is projected again as it is written,
	 * so 10 000 measures × 100 years need no result per measure in memory. */
	int computed = json ? projection_compute_streaming(p, wb) : projection_compute(p, wb);
	if (computed != 0) {
		fprintf(stderr, _("utenfor calc: tomt for minne under beregningen\n"));
		goto out;
	}
	if (json) {
		struct unc_results unc;
		unc_results_init(&unc);
		if (compute_uncertainty(&unc, wb, p) != 0)
			goto out;
		int written = json_write_results_file(stdout, wb, p, &unc);
		unc_results_free(&unc);
		if (written != 0) {
			fprintf(stderr, _("utenfor calc: tomt for minne under skriving av JSON\n"));
			goto out;
		}
		fputc('\n', stdout);
	} else {
		/* The example data, to say which figures are still its. */
		struct workbook example;
		workbook_init(&example);
		bool have_example = store_default_workbook(&example) == 0;
		calc_print_summary(stdout, wb, p, have_example ? &example : NULL);
		workbook_free(&example);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, _("utenfor calc: kunne ikke skrive resultatet: %s\n"), strerror(errno));
		goto out;
	}
	status = 0;
out:
	projection_free(p);
	free(p);
	return status;
}

/*
 * A whole number from an option's argument, within [lo, hi]; prints what
 * was wrong and what is allowed.  Returns 0 or -1.
 */
static int whole_option(const char *option, const char *arg, double lo, double hi, double *out)
{
	char *end = NULL;
	errno = 0;
	unsigned long long v = arg != NULL && arg[0] >= '0' && arg[0] <= '9'
				       ? strtoull(arg, &end, 10)
				       : 0;
	if (arg == NULL || end == NULL || *end != '\0' || errno != 0 || (double)v < lo ||
	    (double)v > hi) {
		fprintf(stderr, _("utenfor calc: %s må være et helt tall fra %.0f til %.0f (fikk «%s»)\n"),
			option, lo, hi, arg != NULL ? arg : "");
		return -1;
	}
	*out = (double)v;
	return 0;
}

int cmd_calc(int argc, char **argv)
{
	bool json = false;
	bool has_draws = false, has_seed = false;
	double draws = 0, seed = 0;
	const char *file = NULL;
	bool options_done = false;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options_done && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
			usage(stdout);
			return 0;
		} else if (!options_done && strcmp(a, "--json") == 0) {
			json = true;
		} else if (!options_done && strcmp(a, "--draws") == 0) {
			if (whole_option("--draws", i + 1 < argc ? argv[++i] : NULL, (double)DRAWS_MIN,
					 (double)DRAWS_MAX, &draws) != 0)
				return EXIT_USAGE;
			has_draws = true;
		} else if (!options_done && strcmp(a, "--seed") == 0) {
			if (whole_option("--seed", i + 1 < argc ? argv[++i] : NULL, 0.0, SEED_MAX,
					 &seed) != 0)
				return EXIT_USAGE;
			has_seed = true;
		} else if (!options_done && strcmp(a, "--") == 0) {
			options_done = true;
		} else if (!options_done && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, _("utenfor calc: ukjent valg «%s»\n\n"), a);
			usage(stderr);
			return EXIT_USAGE;
		} else if (file == NULL) {
			file = a;
		} else {
			fprintf(stderr, _("utenfor calc: bare én fil om gangen (fikk også «%s»)\n\n"), a);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (file == NULL) {
		fprintf(stderr, _("utenfor calc: mangler FIL\n\n"));
		usage(stderr);
		return EXIT_USAGE;
	}

	struct workbook wb;
	workbook_init(&wb);
	int status = EXIT_REFUSED;
	if (load_input(file, &wb) == 0) {
		/* The options override the workbook's settings for this run only. */
		if (has_draws)
			wb.params.uncertainty.draws = (long)draws;
		if (has_seed)
			wb.params.uncertainty.seed = (uint64_t)seed;
		status = compute_and_print(&wb, json);
	}
	workbook_free(&wb);
	return status;
}
