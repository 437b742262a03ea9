/* Tests for tui/field.c: reading typed text into model fields and showing
 * them, the Norwegian way, with the engine's validation. */
#include <criterion/criterion.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "engine/workbook.h"
#include "session/field.h"
#include "engine_helpers.h"

static const struct field_desc *find(const struct field_desc *t, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].label, label) == 0)
			return &t[i];
	cr_assert_fail("no field %s", label);
	return NULL;
}

#define MF(label) find(measure_fields, measure_field_count, label)
#define IF(label) find(item_fields, item_field_count, label)
#define PF(label) find(params_fields, params_field_count, label)

static struct measure sample(void)
{
	struct measure m;
	measure_defaults(&m);
	text_set(m.name, sizeof m.name, "Oppfølgingslos");
	text_set(m.group_id, sizeof m.group_id, "frafall-vgs");
	m.participants = 80;
	m.cost_per_participant = 7500;
	m.success_rate = 0.2;
	m.start_year = 2027;
	m.start_age = 16;
	m.duration = 1;
	m.payer[BEARER_FYLKESKOMMUNE].share = 1;
	return m;
}

TestSuite(field, .init = NULL);

Test(field, percent_reads_as_fraction_and_shows_reading)
{
	struct measure m = sample();
	char reading[64], error[400];
	cr_assert(field_parse(MF("Suksessrate"), "25", &m, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_float_eq(m.success_rate, 0.25, 1e-12);
	cr_assert_str_eq(reading, "25 %");
	cr_assert(field_parse(MF("Suksessrate"), "25,5 %", &m, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_float_eq(m.success_rate, 0.255, 1e-12);
	cr_assert_str_eq(reading, "25,5 %");
}

Test(field, out_of_range_percent_is_refused_with_range_and_value)
{
	struct measure m = sample();
	char reading[64], error[400];
	cr_assert_not(field_parse(MF("Suksessrate"), "150", &m, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert_float_eq(m.success_rate, 0.2, 1e-12, "value untouched");
	cr_assert_str_eq(error, "Suksessrate må være fra 0 % til 100 %, fikk 150 %");
}

Test(field, norwegian_numbers_are_read_with_grouping)
{
	struct measure m = sample();
	char reading[64], error[400];
	cr_assert(field_parse(MF("Kostnad per deltaker"), "1 234,50", &m, NULL, reading,
			      sizeof reading, error, sizeof error));
	cr_assert_float_eq(m.cost_per_participant, 1234.5, 1e-9);
	cr_assert_str_eq(reading, "1 234,5");
	cr_assert(field_parse(MF("Kostnad per deltaker"), "1.234.567", &m, NULL, reading,
			      sizeof reading, error, sizeof error));
	cr_assert_float_eq(m.cost_per_participant, 1234567, 1e-9);
	cr_assert_not(field_parse(MF("Kostnad per deltaker"), "12abc", &m, NULL, reading,
				  sizeof reading, error, sizeof error));
	cr_assert(strstr(error, "Kostnad per deltaker: skriv et tall") == error, "%s", error);
	cr_assert_float_eq(m.cost_per_participant, 1234567, 1e-9);
}

Test(field, participants_must_be_whole_and_positive)
{
	struct measure m = sample();
	char reading[64], error[400];
	cr_assert(field_parse(MF("Deltakere"), "1 200", &m, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_eq(m.participants, 1200);
	cr_assert_str_eq(reading, "1 200");
	cr_assert_not(field_parse(MF("Deltakere"), "0", &m, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert_not(field_parse(MF("Deltakere"), "2,5", &m, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert_eq(m.participants, 1200);
	cr_assert(strstr(error, "heltall") != NULL, "%s", error);
}

Test(field, negative_amounts_are_allowed_for_items)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	char reading[64], error[400];
	cr_assert(field_parse(IF("Beløp"), "-30 000", &it, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_float_eq(it.amount, -30000, 1e-9);
	cr_assert_str_eq(reading, "-30 000");
}

Test(field, effect_years_empty_means_to_the_horizon)
{
	struct measure m = sample();
	m.effect_years = 5;
	char reading[64], error[400], shown[64];
	cr_assert(field_parse(MF("Effektvarighet (år)"), "  ", &m, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_eq(m.effect_years, 0);
	field_format(MF("Effektvarighet (år)"), &m, NULL, false, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "til horisonten");
	field_format(MF("Effektvarighet (år)"), &m, NULL, true, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "");
}

Test(field, choices_match_prefixes_and_cycle)
{
	struct cost_item it;
	memset(&it, 0, sizeof it);
	char reading[64], error[400];
	cr_assert(field_parse(IF("Bærer"), "fylke", &it, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_eq(it.bearer, BEARER_FYLKESKOMMUNE);
	cr_assert_str_eq(reading, "fylkeskommune");
	cr_assert(field_parse(IF("Bærer"), "S", &it, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_eq(it.bearer, BEARER_STAT);
	cr_assert_not(field_parse(IF("Bærer"), "x", &it, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert_str_eq(error, "Bærer: skriv kommune, fylkeskommune eller stat");
	field_cycle(IF("Bærer"), &it, NULL, 1);
	cr_assert_eq(it.bearer, BEARER_KOMMUNE, "stat wraps to kommune");
	field_cycle(IF("Bærer"), &it, NULL, -1);
	cr_assert_eq(it.bearer, BEARER_STAT);
	cr_assert(field_parse(IF("Enhet"), "G", &it, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_eq(it.unit, UNIT_G);
}

Test(field, group_is_found_by_name_or_id)
{
	struct workbook wb;
	workbook_init(&wb);
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "frafall-vgs");
	text_set(g.name, sizeof g.name, "Unge som har falt ut av videregående");
	workbook_add_group(&wb, &g);
	text_set(g.id, sizeof g.id, "barnevern");
	text_set(g.name, sizeof g.name, "Barn med hjelpetiltak fra barnevernet");
	workbook_add_group(&wb, &g);
	struct measure m = sample();
	char reading[160], error[400], shown[160];
	cr_assert(field_parse(MF("Målgruppe"), "hjelpetiltak", &m, &wb, reading, sizeof reading,
			      error, sizeof error));
	cr_assert_str_eq(m.group_id, "barnevern");
	cr_assert_str_eq(reading, "Barn med hjelpetiltak fra barnevernet");
	field_format(MF("Målgruppe"), &m, &wb, false, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "Barn med hjelpetiltak fra barnevernet");
	field_format(MF("Målgruppe"), &m, &wb, true, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "barnevern");
	cr_assert_not(field_parse(MF("Målgruppe"), "finnes ikke", &m, &wb, reading,
				  sizeof reading, error, sizeof error));
	cr_assert_str_eq(m.group_id, "barnevern");
	workbook_free(&wb);
}

Test(field, editing_text_parses_back_to_the_same_value)
{
	struct measure m = sample();
	m.cost_per_participant = 1234567.25;
	m.success_rate = 0.125;
	m.payer[BEARER_KOMMUNE].share = 1.0 / 3.0;
	const char *labels[] = {"Kostnad per deltaker", "Suksessrate", "Deltakere", "Startår",
				"Betaler kommune"};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		const struct field_desc *f = MF(labels[i]);
		char text[64], reading[64], error[400];
		struct measure copy = m;
		field_format(f, &m, NULL, true, " ", text, sizeof text);
		cr_assert(field_parse(f, text, &copy, NULL, reading, sizeof reading, error,
				      sizeof error), "%s: %s", labels[i], error);
		cr_assert(memcmp(&copy, &m, sizeof m) == 0 ||
			  ((f->type == FT_PERCENT || f->type == FT_PAYER) &&
			   fabs(measure_bearer_share(NULL, &copy, BEARER_KOMMUNE) -
				measure_bearer_share(NULL, &m, BEARER_KOMMUNE)) < 1e-6),
			  "%s round trip via «%s»", labels[i], text);
	}
}

Test(field, display_uses_the_given_thousands_separator)
{
	struct measure m = sample();
	m.cost_per_participant = 1234567;
	char shown[64];
	field_format(MF("Kostnad per deltaker"), &m, NULL, false, "\xc2\xa0", shown, sizeof shown);
	cr_assert_str_eq(shown, "1\xc2\xa0" "234\xc2\xa0" "567");
	field_format(MF("Suksessrate"), &m, NULL, false, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "20 %");
	field_format(MF("Med i porteføljen"), &m, NULL, false, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "ja");
}

Test(field, text_too_long_is_refused_not_cut)
{
	struct workbook_params p;
	workbook_params_defaults(&p);
	char longname[300];
	memset(longname, 'x', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	char reading[64], error[400];
	cr_assert_not(field_parse(PF("Navn"), longname, &p, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert(strstr(error, "for lang") != NULL, "%s", error);
	cr_assert(field_parse(PF("Navn"), "Gausdal 2027", &p, NULL, reading, sizeof reading, error,
			      sizeof error));
	cr_assert_str_eq(p.name, "Gausdal 2027");
}

#define GF(label) find(group_fields, group_field_count, label)

Test(field, group_own_fields_read_and_show)
{
	struct target_group g;
	memset(&g, 0, sizeof g);
	text_set(g.id, sizeof g.id, "frafall-vgs");
	text_set(g.name, sizeof g.name, "Unge");
	g.entry_age = 16;
	char reading[160], error[400], shown[160];
	cr_assert_eq(GF("Id"), &group_fields[GROUP_FIELD_ID]);
	cr_assert(field_parse(GF("Navn"), "Unge utenfor skole æøå", &g, NULL, reading,
			      sizeof reading, error, sizeof error));
	cr_assert_str_eq(g.name, "Unge utenfor skole æøå");
	cr_assert(field_parse(GF("Vanlig startalder"), "17", &g, NULL, reading, sizeof reading,
			      error, sizeof error));
	cr_assert_eq(g.entry_age, 17);
	field_format(GF("Vanlig startalder"), &g, NULL, false, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "17");
	field_format(GF("Id"), &g, NULL, true, " ", shown, sizeof shown);
	cr_assert_str_eq(shown, "frafall-vgs");
	/* Out of the engine's age range: refused, the age stays. */
	cr_assert_not(field_parse(GF("Vanlig startalder"), "130", &g, NULL, reading,
				  sizeof reading, error, sizeof error));
	cr_assert_eq(g.entry_age, 17);
	cr_assert(strstr(error, "Vanlig startalder") != NULL, "message names the field: %s", error);
	cr_assert(strstr(error, "130") != NULL, "message names the value: %s", error);
	/* An id longer than the model's buffer is refused, not cut. */
	char long_id[TEXT_ID_SIZE + 8];
	memset(long_id, 'x', sizeof long_id - 1);
	long_id[sizeof long_id - 1] = '\0';
	cr_assert_not(field_parse(GF("Id"), long_id, &g, NULL, reading, sizeof reading, error,
				  sizeof error));
	cr_assert_str_eq(g.id, "frafall-vgs");
}

/* Version-2 parameters (issues 12–14) are edited like the others, and
 * refused with the validation's own words and range. */
Test(field, v2_parameters_read_and_refuse_with_their_range)
{
	struct workbook_params p;
	workbook_params_defaults(&p);
	char reading[64], error[256];
	cr_assert(field_parse(PF("Skattefinansieringskostnad"), "25", &p, NULL, reading,
			      sizeof reading, error, sizeof error));
	cr_assert_float_eq(p.tax_cost, 0.25, 1e-12);
	cr_assert(field_parse(PF("Realvekst i gevinstene per år"), "-1,5", &p, NULL, reading,
			      sizeof reading, error, sizeof error));
	cr_assert_float_eq(p.real_growth, -0.015, 1e-12);
	cr_assert(field_parse(PF("Usikkerhetsspenn D"), "40", &p, NULL, reading, sizeof reading,
			      error, sizeof error));
	cr_assert_float_eq(p.uncertainty.spread[CONFIDENCE_D], 0.40, 1e-12);
	cr_assert(field_parse(PF("Antall trekninger"), "5 000", &p, NULL, reading, sizeof reading,
			      error, sizeof error));
	cr_assert_eq(p.uncertainty.draws, 5000);
	cr_assert_not(field_parse(PF("Økonomiplanens antall år"), "0", &p, NULL, reading,
				  sizeof reading, error, sizeof error));
	cr_assert(strstr(error, "Økonomiplanens antall år") != NULL, "%s", error);
	cr_assert(strstr(error, "1 til 10") != NULL, "%s", error);
	cr_assert_eq(p.plan.years, 4, "a refused value leaves the field as it was");
	cr_assert_not(field_parse(PF("Skattefinansieringskostnad"), "150", &p, NULL, reading,
				  sizeof reading, error, sizeof error));
	cr_assert_float_eq(p.tax_cost, 0.25, 1e-12);
}

/*
 * The kommune's 50 % split over two of its sectors in the sector cell
 * (issue 12 item 4): "Barnevern 60; Oppvekst og skole" gives barnevern
 * 30 % and oppvekst the rest of the kommune's half, 20 %; the
 * fylkeskommune's 50 % is not touched.  The editing text lists the split
 * and parses back to it; bad splits are refused, the measure untouched.
 */
Test(field, payer_sector_cell_splits_a_bearers_share_over_its_sectors)
{
	struct workbook wb;
	workbook_init(&wb);
	/* Sector ids named as on screen (wb_sector gives the id as the name). */
	wb_sector(&wb, "Barnevern", BEARER_KOMMUNE);
	wb_sector(&wb, "Oppvekst og skole", BEARER_KOMMUNE);
	struct measure m = sample();
	m.payer[BEARER_KOMMUNE].share = 0.5;
	m.payer[BEARER_FYLKESKOMMUNE].share = 0.5;
	const struct field_desc *share = MF("Betaler kommune");
	const struct field_desc *cell = field_beside(share, 0);
	cr_assert_not_null(cell);
	char text[400], reading[400], error[400];
	cr_assert(field_parse(cell, "Barnevern 60; Oppvekst og skole", &m, &wb, reading,
			      sizeof reading, error, sizeof error), "%s", error);
	cr_assert_str_eq(reading, "Barnevern 60 %; Oppvekst og skole 40 %");
	cr_assert_float_eq(measure_payer_share(&m, "Barnevern"), 0.30, 1e-12);
	cr_assert_float_eq(measure_payer_share(&m, "Oppvekst og skole"), 0.20, 1e-12);
	cr_assert_float_eq(measure_payer_share(&m, "kommune"), 0.0, 1e-12);
	cr_assert_float_eq(measure_bearer_share(&wb, &m, BEARER_KOMMUNE), 0.5, 1e-15);
	cr_assert_float_eq(measure_bearer_share(&wb, &m, BEARER_FYLKESKOMMUNE), 0.5, 1e-15);

	field_format(cell, &m, &wb, false, " ", text, sizeof text);
	cr_assert_str_eq(text, "2 sektorer");
	field_format(cell, &m, &wb, true, " ", text, sizeof text);
	cr_assert_str_eq(text, "Barnevern 60 %; Oppvekst og skole 40 %");
	struct measure copy = m;
	cr_assert(field_parse(cell, text, &copy, &wb, reading, sizeof reading, error, sizeof error),
		  "%s", error);
	cr_assert_float_eq(measure_payer_share(&copy, "Barnevern"), 0.30, 1e-12);
	cr_assert_float_eq(measure_payer_share(&copy, "Oppvekst og skole"), 0.20, 1e-12);

	/* Typing the kommune's total later keeps the split's proportions. */
	cr_assert(field_parse(share, "100", &copy, &wb, reading, sizeof reading, error,
			      sizeof error), "%s", error);
	cr_assert_float_eq(measure_payer_share(&copy, "Barnevern"), 0.60, 1e-12);

	/* One name back moves the whole share to it. */
	cr_assert(field_parse(cell, "Barnevern", &m, &wb, reading, sizeof reading, error,
			      sizeof error), "%s", error);
	cr_assert_float_eq(measure_payer_share(&m, "Barnevern"), 0.5, 1e-15);
	cr_assert_float_eq(measure_payer_share(&m, "Oppvekst og skole"), 0.0, 1e-15);

	const char *bad[][2] = {
		{"Barnevern 60; Oppvekst og skole 30", "må til sammen være 100 %, fikk 90 %"},
		{"Barnevern 70; Oppvekst og skole 40", "fikk 110 %"},
		{"Barnevern; Oppvekst og skole", "bare én sektor kan stå uten prosent"},
		{"Barnevern 50; barnevern 50", "«Barnevern» står to ganger"},
		{"Barnevern 50; Kultur 50", "skriv en av budsjettets sektorer"},
		{"Barnevern %; Oppvekst og skole", "delt med semikolon"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct measure before = m;
		cr_assert_not(field_parse(cell, bad[i][0], &m, &wb, reading, sizeof reading, error,
					  sizeof error), "accepted «%s»", bad[i][0]);
		cr_assert(strstr(error, bad[i][1]) != NULL, "«%s»: %s", bad[i][0], error);
		cr_assert(memcmp(&before, &m, sizeof m) == 0, "«%s» changed the measure", bad[i][0]);
	}
	/* A bearer that pays nothing has no share to split. */
	const struct field_desc *stat_cell = field_beside(MF("Betaler stat"), 0);
	cr_assert_not(field_parse(stat_cell, "Stat 50; Stat 50", &m, &wb, reading, sizeof reading,
				  error, sizeof error));
	wb_sector(&wb, "NAV", BEARER_STAT);
	wb_sector(&wb, "Politi", BEARER_STAT);
	cr_assert_not(field_parse(stat_cell, "NAV 50; Politi 50", &m, &wb, reading, sizeof reading,
				  error, sizeof error));
	/* The row's label names the budget; no untranslated key in the text. */
	cr_assert(strstr(error, "budsjettet betaler ingenting ennå; skriv andelen først") != NULL,
		  "%s", error);
	workbook_free(&wb);
}
