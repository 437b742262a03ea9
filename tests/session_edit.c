/*
 * session_edit.c: the session layer driven without a terminal — typing a
 * field, a conflict with a second session on the same file, undo after
 * someone else changed the row, reloading others' commits keeping the
 * selection by row id, taking back a new row on Esc, the analyses.
 */
#include "config.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "session/analysis.h"
#include "session/session.h"
#include "store/internal.h"
#include "store/store.h"
#include "tests/store_util.h"

STORE_SCRATCH("sesjon.utenfor")

static void setup(void)
{
	scratch_setup();
	struct workbook wb;
	store_create_sample(path, &wb);
	workbook_free(&wb);
}

TestSuite(session, .init = setup, .fini = scratch_teardown, .timeout = 30);

static struct session *open_ok(unsigned flags)
{
	struct session *s = NULL;
	struct diag d;
	cr_assert_eq(session_open(path, flags, &s, NULL, &d), DIAG_OK, "%s", d.message);
	cr_assert_eq(session_add_analysis(s, &analysis_portfolio, &d), DIAG_OK);
	cr_assert_eq(session_add_analysis(s, &analysis_estimate, &d), DIAG_OK);
	cr_assert(session_step(s, 100));
	return s;
}

static const struct field_desc *field(enum row_kind k, const char *key)
{
	const struct field_desc *f = session_field_named(k, key);
	cr_assert_not_null(f, "no field %s", key);
	return f;
}

static const struct projection *portfolio(struct session *s)
{
	session_step(s, 100);
	const struct projection *p = session_result(s, &analysis_portfolio, NULL);
	cr_assert_not_null(p);
	return p;
}

/* A fresh look at the file, as another program would have it. */
static double file_success_rate(size_t i)
{
	struct session *o = open_ok(SESSION_READ_ONLY);
	double v = session_workbook(o)->measures[i].success_rate;
	session_close(o);
	return v;
}

Test(session, typing_changes_memory_and_results_and_only_commit_writes)
{
	struct session *s = open_ok(0);
	struct diag d;
	struct row_key m0 = session_measure_key(s, 0);
	const struct field_desc *f = field(ROW_MEASURE, "success_rate");
	double npv_before = portfolio(s)->measures[0].npv;
	session_take_changes(s);

	cr_assert_eq(session_draft_begin(s, m0, f, 0, &d), DIAG_OK);
	cr_assert_str_eq(session_draft_initial(s), "20");
	cr_assert_eq(session_draft_set_text(s, "35", &d), DIAG_OK);
	cr_assert_float_eq(session_workbook(s)->measures[0].success_rate, 0.35, 1e-12);
	cr_assert_str_eq(session_draft_reading(s), "35 %");
	unsigned ch = session_take_changes(s);
	cr_assert(ch & SC_MEASURES);
	cr_assert(ch & SC_DRAFT);
	/* The projection is patched at once, before any step. */
	bool current;
	const struct projection *p = session_result(s, &analysis_portfolio, &current);
	cr_assert_gt(p->measures[0].npv, npv_before);
	cr_assert_float_eq(file_success_rate(0), 0.2, 1e-12, "typing must not write");

	cr_assert_eq(session_draft_commit(s, &d), DIAG_OK, "%s", d.message);
	cr_assert_str_eq(d.message, "Lagret: Suksessrate = 35 %");
	cr_assert_not(session_draft_active(s));
	cr_assert_float_eq(file_success_rate(0), 0.35, 1e-12);
	session_close(s);
}

Test(session, an_invalid_text_leaves_the_row_and_names_the_field)
{
	struct session *s = open_ok(0);
	struct diag d;
	struct row_key m0 = session_measure_key(s, 0);
	cr_assert_eq(session_draft_begin(s, m0, field(ROW_MEASURE, "success_rate"), 0, &d), DIAG_OK);
	cr_assert_eq(session_draft_set_text(s, "150", &d), DIAG_INVALID);
	cr_assert_str_eq(d.field, "success_rate");
	cr_assert(strstr(d.message, "Suksessrate") != NULL, "%s", d.message);
	cr_assert_float_eq(session_workbook(s)->measures[0].success_rate, 0.2, 1e-12);
	cr_assert_eq(session_draft_commit(s, &d), DIAG_INVALID);
	cr_assert(session_draft_active(s), "a refused commit keeps the draft");
	session_draft_cancel(s, &d);
	cr_assert_str_eq(d.message, "Avbrutt: Suksessrate er som før");
	cr_assert_float_eq(session_workbook(s)->measures[0].success_rate, 0.2, 1e-12);
	session_close(s);
}

Test(session, a_split_between_two_payers_takes_two_edits_at_most)
{
	struct session *s = open_ok(0);
	struct diag d;
	/* The sample measure pays 25/75/0; 50 % for the municipality leaves
	 * the county the other half. */
	cr_assert_eq(session_set_field(s, session_measure_key(s, 0), field(ROW_MEASURE, "payer.kommune"),
				       "50", &d), DIAG_OK, "%s", d.message);
	const struct measure *m = &session_workbook(s)->measures[0];
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_KOMMUNE), 0.5, 1e-12);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_FYLKESKOMMUNE), 0.5, 1e-12);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_STAT), 0.0, 1e-12);

	/* 0/100/0 to 50/0/50: the municipality's half, then the state's; the
	 * share typed just before stays. */
	struct row_key k = session_measure_key(s, 0);
	cr_assert_eq(session_set_field(s, k, field(ROW_MEASURE, "payer.fylkeskommune"), "100", &d),
		     DIAG_OK);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_KOMMUNE), 0.0, 1e-12);
	cr_assert_eq(session_set_field(s, k, field(ROW_MEASURE, "payer.kommune"), "50", &d), DIAG_OK);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_FYLKESKOMMUNE), 0.5, 1e-12);
	cr_assert_eq(session_set_field(s, k, field(ROW_MEASURE, "payer.stat"), "50", &d), DIAG_OK,
		     "%s", d.message);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_KOMMUNE), 0.5, 1e-12);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_FYLKESKOMMUNE), 0.0, 1e-12);
	cr_assert_float_eq(measure_bearer_share(session_workbook(s), m, BEARER_STAT), 0.5, 1e-12);
	session_close(s);
}

Test(session, a_second_session_wins_a_conflict_and_is_shown)
{
	struct session *a = open_ok(0), *b = open_ok(0);
	struct diag d;
	const struct field_desc *f = field(ROW_MEASURE, "participants");
	struct row_key key = session_measure_key(a, 0);
	cr_assert_eq(session_draft_begin(a, key, f, 0, &d), DIAG_OK);
	cr_assert_eq(session_draft_set_text(a, "90", &d), DIAG_OK);
	cr_assert_eq(session_set_field(b, key, f, "100", &d), DIAG_OK, "%s", d.message);

	cr_assert_eq(session_draft_commit(a, &d), DIAG_CONFLICT);
	cr_assert(strstr(d.message, "endret av noen andre") != NULL, "%s", d.message);
	cr_assert(strstr(d.message, path) == NULL, "no path in the status line: %s", d.message);
	cr_assert_not(session_draft_active(a));
	/* a shows b's value, the file has it. */
	cr_assert_eq(session_workbook(a)->measures[0].participants, 100);
	cr_assert_eq(portfolio(a)->measures[0].npv, portfolio(b)->measures[0].npv);
	session_close(a);
	session_close(b);
}

Test(session, undo_after_someone_else_changed_the_row_is_refused_and_keeps_theirs)
{
	struct session *s = open_ok(0);
	struct diag d;
	struct row_key key = session_measure_key(s, 0);
	cr_assert_eq(session_set_field(s, key, field(ROW_MEASURE, "success_rate"), "35", &d), DIAG_OK);

	/* Someone else (another login) changes the same row. */
	struct store *other = store_open_ok(path, 0);
	store_set_user(other, "kollega");
	struct workbook wb;
	workbook_init(&wb);
	cr_assert_eq(store_load(other, &wb, NULL), STORE_OK);
	wb.measures[0].participants = 123;
	cr_assert_eq(store_update_measure(other, &wb.measures[0], "kollega", NULL), STORE_OK);
	workbook_free(&wb);
	store_close(other);

	cr_assert_eq(session_undo(s, false, &d), DIAG_CONFLICT, "%s", d.message);
	cr_assert(d.message[0] != '\0');
	cr_assert(strncmp(d.message, path, strlen(path)) != 0, "%s", d.message);
	/* Memory is the file's truth: their participants, my success rate. */
	long i = session_index(s, key, NULL);
	cr_assert_geq(i, 0);
	cr_assert_eq(session_workbook(s)->measures[i].participants, 123);
	cr_assert_float_eq(session_workbook(s)->measures[i].success_rate, 0.35, 1e-12);
	session_close(s);
}

Test(session, a_reload_of_others_commits_keeps_rows_by_id)
{
	struct session *s = open_ok(0), *other = open_ok(0);
	struct diag d;
	struct row_key second = session_measure_key(s, 1);
	cr_assert_str_eq(session_row_name(s, second), "Familieveiledning");
	unsigned gen = session_generation(s);

	bool reloaded = true;
	cr_assert_eq(session_poll(s, &reloaded, &d), DIAG_OK);
	cr_assert_not(reloaded, "nothing changed yet");

	cr_assert_eq(session_delete(other, session_measure_key(other, 0), &d), DIAG_OK, "%s", d.message);
	session_take_changes(s);
	cr_assert_eq(session_poll(s, &reloaded, &d), DIAG_OK);
	cr_assert(reloaded);
	cr_assert(session_take_changes(s) & SC_RELOADED);
	cr_assert_neq(session_generation(s), gen);
	/* The row moved from index 1 to 0; its key still finds it. */
	cr_assert_eq(session_index(s, second, NULL), 0);
	cr_assert_str_eq(session_row_name(s, second), "Familieveiledning");
	cr_assert_eq(portfolio(s)->measure_count, 1);
	session_close(s);
	session_close(other);
}

Test(session, no_reload_while_a_field_is_being_typed)
{
	struct session *s = open_ok(0), *other = open_ok(0);
	struct diag d;
	cr_assert_eq(session_draft_begin(s, session_measure_key(s, 0), field(ROW_MEASURE, "name"), 0,
					 &d), DIAG_OK);
	cr_assert_eq(session_set_field(other, session_measure_key(other, 1),
				       field(ROW_MEASURE, "participants"), "7", &d), DIAG_OK);
	bool reloaded = true;
	cr_assert_eq(session_poll(s, &reloaded, &d), DIAG_OK);
	cr_assert_not(reloaded);
	session_draft_cancel(s, &d);
	cr_assert_eq(session_poll(s, &reloaded, &d), DIAG_OK);
	cr_assert(reloaded);
	cr_assert_eq(session_workbook(s)->measures[1].participants, 7);
	session_close(s);
	session_close(other);
}

Test(session, cancelling_the_name_of_a_new_row_takes_it_back)
{
	struct session *s = open_ok(0);
	struct diag d;
	struct row_key made;
	cr_assert_eq(session_insert(s, ROW_MEASURE, session_measure_key(s, 0), &made, &d), DIAG_OK);
	cr_assert_eq(session_workbook(s)->measure_count, 3);
	cr_assert_eq(session_draft_begin(s, made, field(ROW_MEASURE, "name"), DRAFT_NEW_ROW, &d),
		     DIAG_OK);
	session_draft_cancel(s, &d);
	cr_assert_eq(d.code, DIAG_OK, "%s", d.message);
	cr_assert_eq(session_workbook(s)->measure_count, 2);
	cr_assert_lt(session_index(s, made, NULL), 0);
	cr_assert_eq(portfolio(s)->measure_count, 2, "no invented measure left in the totals");
	struct session *o = open_ok(SESSION_READ_ONLY);
	cr_assert_eq(session_workbook(o)->measure_count, 2, "nor in the file");
	session_close(o);
	session_close(s);
}

Test(session, parameters_make_the_portfolio_stale_until_a_step)
{
	struct session *s = open_ok(0);
	struct diag d;
	double npv = portfolio(s)->portfolio.npv;
	cr_assert_eq(session_set_field(s, (struct row_key){ROW_PARAMS, 0},
				       field(ROW_PARAMS, "discount.rate"), "7", &d), DIAG_OK, "%s", d.message);
	bool current = true;
	session_result(s, &analysis_portfolio, &current);
	cr_assert_not(current);
	cr_assert(session_step(s, 100));
	session_result(s, &analysis_portfolio, &current);
	cr_assert(current);
	cr_assert_lt(portfolio(s)->portfolio.npv, npv, "a higher rate lowers a positive NPV");
	session_close(s);
}

Test(session, the_estimate_follows_its_inputs)
{
	struct session *s = open_ok(0);
	struct diag d;
	const struct estimate_result *e = session_result(s, &analysis_estimate, NULL);
	cr_assert_not_null(e);
	double npv = e->result.npv;
	cr_assert_eq(session_draft_begin(s, (struct row_key){ROW_ESTIMATE, 0},
					 field(ROW_ESTIMATE, "success_rate"), 0, &d), DIAG_OK);
	cr_assert_eq(session_draft_set_text(s, "40", &d), DIAG_OK);
	e = session_result(s, &analysis_estimate, NULL);
	cr_assert_gt(e->result.npv, npv);
	cr_assert_eq(session_draft_commit(s, &d), DIAG_OK);
	session_close(s);
}

Test(session, read_only_refuses_edits_and_a_missing_file_is_not_created)
{
	struct session *s = open_ok(SESSION_READ_ONLY);
	struct diag d;
	cr_assert_eq(session_draft_begin(s, session_measure_key(s, 0), field(ROW_MEASURE, "name"), 0,
					 &d), DIAG_READ_ONLY);
	cr_assert_eq(session_delete(s, session_measure_key(s, 0), &d), DIAG_READ_ONLY);
	session_close(s);

	char missing[4200];
	path_in(missing, sizeof missing, dir, "feilskrevet");
	struct session *m = NULL;
	cr_assert_eq(session_open(missing, 0, &m, NULL, &d), DIAG_NOT_FOUND);
	cr_assert_null(m);
	struct stat st;
	cr_assert_neq(stat(missing, &st), 0, "nothing created");
	cr_assert(session_names_workbook("ny.utenfor"));
	cr_assert_not(session_names_workbook("ny.utenfr"));
	cr_assert_not(session_names_workbook("/tmp/.utenfor"));
}

/* Damage in the undo history is found after the open (store/check.c):
 * the poll tells it once, and saving is refused with the same words. */
Test(session, damage_found_after_the_open_is_told_once_and_refuses_saving)
{
	struct session *s = open_ok(0);
	struct diag d;
	for (int i = 0; i < 3; i++)
		cr_assert_eq(session_set_field(s, session_measure_key(s, 0),
					       field(ROW_MEASURE, "participants"), i ? "31" : "32", &d),
			     DIAG_OK, "%s", d.message);
	session_close(s);
	scribble_root_page(path, "edit_rows");

	check_set_split_min(0); /* the split is for big files; this one is small */
	s = open_ok(0);
	enum diag_code c = DIAG_OK;
	for (int i = 0; i < 10000 && c == DIAG_OK; i++) {
		c = session_poll(s, NULL, &d);
		if (c == DIAG_OK)
			nanosleep(&(struct timespec){0, 1000000}, NULL);
	}
	cr_assert_eq(c, DIAG_IO);
	cr_assert(strstr(d.message, "skadet") != NULL, "%s", d.message);
	cr_assert_eq(session_poll(s, NULL, &d), DIAG_OK, "told once");
	c = session_set_field(s, session_measure_key(s, 0), field(ROW_MEASURE, "participants"),
			      "40", &d);
	cr_assert_eq(c, DIAG_IO);
	cr_assert(strstr(d.message, "skadet") != NULL, "%s", d.message);
	cr_assert(strstr(d.message, path) == NULL, "the caller shows the file: %s", d.message);
	cr_assert_eq(session_workbook(s)->measures[0].participants, 31, "the row as the file has it");
	session_close(s);
}
