/*
 * xlsx_projection.c: the spreadsheet's Tiltak sheet (inputs and present
 * values), Framskriving (the year-by-year projection as live formulas) and
 * the chart sheet.  Every formula is doc/model.md's, written so that a
 * spreadsheet recomputes the engine's numbers; each is cached with the
 * engine's own value.
 *
 * Must never: print, exit(), compute a cached value any other way than the
 * engine does (cached values come from `struct projection`; the few helper
 * columns the engine does not expose, age, k and successes, follow the
 * model's formulas literally).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/buf.h"
#include "report/label.h"
#include "report/xlsx_internal.h"

int xlsx_port_col(const struct workbook *wb, int field)
{
	(void)wb;
	return XLSX_PROJ_FIXED_COLS + field;
}

/* The measure block starts one empty row after the portfolio's years:
 * a title row, then the t, År and DF rows, then one row per measure. */
static int block_top(const struct workbook *wb)
{
	return XLSX_PROJ_FIRST_ROW + wb->params.horizon + 1;
}

int xlsx_measure_t_row(const struct workbook *wb)
{
	return block_top(wb) + 1;
}

int xlsx_measure_year_row(const struct workbook *wb)
{
	return block_top(wb) + 2;
}

int xlsx_measure_df_row(const struct workbook *wb)
{
	return block_top(wb) + 3;
}

int xlsx_measure_row(const struct workbook *wb, size_t measure)
{
	return block_top(wb) + 4 + (int)measure;
}

int xlsx_measure_col(const struct workbook *wb, int field, int t)
{
	return XLSX_PROJ_FIXED_COLS + field * wb->params.horizon + t;
}

void xlsx_measure_range(const struct xctx *x, int row1, int field, char *buf, size_t size)
{
	char c0[16], c1[16];
	x_col(c0, xlsx_measure_col(x->wb, field, 0), true);
	x_col(c1, xlsx_measure_col(x->wb, field, x->wb->params.horizon - 1), true);
	snprintf(buf, size, "Framskriving!%s$%d:%s$%d", c0, row1, c1, row1);
}

void xlsx_measure_pv(const struct xctx *x, size_t measure, int field, char *buf, size_t size)
{
	char df[64], r[64];
	xlsx_measure_range(x, xlsx_measure_df_row(x->wb) + 1, field, df, sizeof df);
	xlsx_measure_range(x, xlsx_measure_row(x->wb, measure) + 1, field, r, sizeof r);
	snprintf(buf, size, "SUMPRODUCT(%s,%s)", df, r);
}

/* 1-based last row of Framskriving's year rows. */
static int last_row(const struct xctx *x)
{
	return XLSX_PROJ_FIRST_ROW + x->wb->params.horizon;
}

int xlsx_proj_row(int t)
{
	return XLSX_PROJ_FIRST_ROW + t + 1;
}

void xlsx_proj_range(const struct xctx *x, int col, char *buf, size_t size)
{
	char c[16];
	x_col(c, col, true);
	snprintf(buf, size, "Framskriving!%s$%d:%s$%d", c, XLSX_PROJ_FIRST_ROW + 1, c, last_row(x));
}

static void sumproduct_df(const struct xctx *x, struct buf *f, int col)
{
	char df[64], r[64];
	xlsx_proj_range(x, 2, df, sizeof df);
	xlsx_proj_range(x, col, r, sizeof r);
	buf_printf(f, "SUMPRODUCT(%s,%s)", df, r);
}

/*
 * Tiltak's first cost year, break-even year and break-even success rate
 * for measure i.  The first cost year is closed-form (the measure costs
 * N · c in each of its D years from its start, so its first cost inside
 * the horizon is max(start, Basisaar) when any cost year is inside); the
 * break-even year is the first year of «Lønnsom herfra» in the measure's
 * block, never before that first cost (MODEL.md v2); p* is p · PV(cost) /
 * PV(saving), since the savings are proportional to p.
 */
static void measure_break_even(struct xctx *x, lxw_worksheet *ws, size_t i, const struct result *res)
{
	const struct workbook *wb = x->wb;
	const struct measure *m = &wb->measures[i];
	int row = 1 + (int)i, R = row + 1;
	char f[1024], years[64], ok[64];
	xlsx_proj_range(x, 1, years, sizeof years);
	snprintf(f, sizeof f,
		 "=IF(AND(C%d*G%d>0,D%d+F%d-1>=Basisaar,D%d<=MAX(%s)),MAX(D%d,Basisaar),0)", R, R,
		 R, R, R, years, R);
	int s = m->start_year - wb->params.base_year;
	bool costs = (double)m->participants * m->cost_per_participant > 0 && s + m->duration > 0 &&
		     s < wb->params.horizon;
	x_formula(x, ws, row, TC_FIRST_COST, f, x->integer,
		  costs ? (s > 0 ? m->start_year : wb->params.base_year) : 0);
	xlsx_measure_range(x, xlsx_measure_row(wb, i) + 1, MF_OK, ok, sizeof ok);
	xlsx_measure_range(x, xlsx_measure_year_row(wb) + 1, MF_OK, years, sizeof years);
	char fc[16];
	x_col(fc, TC_FIRST_COST, false);
	snprintf(f, sizeof f, "=IF(%s%d=0,0,IFERROR(MAX(INDEX(%s,1,MATCH(1,%s,0)),%s%d),0))", fc, R,
		 years, ok, fc, R);
	x_formula(x, ws, row, TC_BREAK_EVEN, f, x->integer,
		  res && res->has_break_even_year ? res->break_even_year : 0);
	snprintf(f, sizeof f, "=IF(OR(K%d<=0,S%d<=0),\"\",K%d*R%d/S%d)", R, R, R, R, R);
	if (res && res->has_break_even_success_rate && m->success_rate > 0)
		x_formula(x, ws, row, TC_PSTAR, f, x->pct, res->break_even_success_rate);
	else
		x_note(x, worksheet_write_formula_str(ws, (lxw_row_t)row, TC_PSTAR, f, x->pct, ""));
}

void xlsx_sheet_measures(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_MEASURES);
	if (ws == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char group[64], cost[64], effect[64], enabled[64];
	const char *const h[TC_COUNT] = {
		"Tiltak", report_head(group, sizeof group, SCHEMA_MEASURE, "group", " (id)"),
		MEASURE_LABEL("participants"), MEASURE_LABEL("start_year"),
		MEASURE_LABEL("start_age"), MEASURE_LABEL("duration"),
		report_head(cost, sizeof cost, SCHEMA_MEASURE, "cost_per_participant", " per år"),
		MEASURE_LABEL("payer.kommune"), MEASURE_LABEL("payer.fylkeskommune"),
		MEASURE_LABEL("payer.stat"), MEASURE_LABEL("success_rate"),
		MEASURE_LABEL("deadweight"), MEASURE_LABEL("lag"),
		report_head(effect, sizeof effect, SCHEMA_MEASURE, "effect_years",
			    ", 0 = ut perioden"),
		MEASURE_LABEL("decay"),
		report_head(enabled, sizeof enabled, SCHEMA_MEASURE, "enabled", " (1/0)"),
		"Målgruppe nr. (formel)",
		"Nåverdi kostnad", "Nåverdi gevinst", "Netto nåverdi", "Nytte per krone",
		"Netto nåverdi per deltaker", "Første år med kostnad (0 = ingen)",
		"Lønnsomt fra år (0 = ikke innen perioden)",
		"Balanse-suksessrate (tom når suksessraten er 0)"};
	for (int c = 0; c < TC_COUNT; c++)
		x_string(x, ws, 0, c, h[c], x->header);
	worksheet_set_row(ws, 0, 45, NULL);
	worksheet_freeze_panes(ws, 1, 1);
	worksheet_set_column(ws, 0, 0, 30, NULL);
	worksheet_set_column(ws, 1, TC_COUNT - 1, 13, NULL);

	for (size_t i = 0; i < wb->measure_count; i++) {
		const struct measure *m = &wb->measures[i];
		const struct result *res = i < x->p->measure_count ? &x->p->measures[i] : NULL;
		int row = 1 + (int)i, R = row + 1;
		x_string(x, ws, row, TC_NAME, m->name, NULL);
		x_string(x, ws, row, TC_GROUP, m->group_id, NULL);
		x_number(x, ws, row, TC_N, (double)m->participants, x->kr);
		x_number(x, ws, row, TC_START_YEAR, m->start_year, x->integer);
		x_number(x, ws, row, TC_START_AGE, m->start_age, x->integer);
		x_number(x, ws, row, TC_DURATION, m->duration, x->integer);
		x_number(x, ws, row, TC_CPP, m->cost_per_participant, x->kr);
		for (int b = 0; b < BEARER_COUNT; b++)
			x_number(x, ws, row, TC_PAYER + b, measure_bearer_share(wb, m, (enum bearer)b), x->pct);
		x_number(x, ws, row, TC_P, m->success_rate, x->pct);
		x_number(x, ws, row, TC_DEADWEIGHT, m->deadweight, x->pct);
		x_number(x, ws, row, TC_LAG, m->lag, x->integer);
		x_number(x, ws, row, TC_EFFECT, m->effect_years, x->integer);
		x_number(x, ws, row, TC_DECAY, m->decay, x->pct);
		x_number(x, ws, row, TC_ON, m->enabled ? 1 : 0, x->integer);

		char f[512];
		long g = workbook_find_group(wb, m->group_id);
		snprintf(f, sizeof f, "=IFERROR(MATCH(B%d,'Målgrupper'!$A$%d:$A$%d,0),0)", R,
			 x->group_first, x->group_last);
		x_formula(x, ws, row, TC_GROUPNR, f, x->integer, (double)(g + 1));

		struct buf fb;
		char pv[160];
		buf_init(&fb);
		buf_put(&fb, "=");
		for (int b = 0; b < BEARER_COUNT; b++) {
			xlsx_measure_pv(x, i, MF_COST + b, pv, sizeof pv);
			buf_printf(&fb, "%s%s", b ? "+" : "", pv);
		}
		x_formula(x, ws, row, TC_PV_COST, fb.data ? fb.data : "=0", x->kr,
			  res ? res->pv_cost : 0);
		buf_free(&fb);
		buf_put(&fb, "=");
		for (int b = 0; b < BEARER_COUNT; b++) {
			xlsx_measure_pv(x, i, MF_SAVING + b, pv, sizeof pv);
			buf_printf(&fb, "%s%s", b ? "+" : "", pv);
		}
		x_formula(x, ws, row, TC_PV_SAVING, fb.data ? fb.data : "=0", x->kr,
			  res ? res->pv_saving : 0);
		if (buf_failed(&fb))
			x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		buf_free(&fb);
		snprintf(f, sizeof f, "=S%d-R%d", R, R);
		x_formula(x, ws, row, TC_NPV, f, x->kr, res ? res->npv : 0);
		snprintf(f, sizeof f, "=IF(R%d=0,0,S%d/R%d)", R, R, R);
		x_formula(x, ws, row, TC_BCR, f, x->g2, res && res->has_bcr ? res->bcr : 0);
		snprintf(f, sizeof f, "=T%d/C%d", R, R);
		x_formula(x, ws, row, TC_NPV_PER, f, x->kr, res ? res->npv_per_participant : 0);
		measure_break_even(x, ws, i, res);
	}

	/* The portfolio's present values per bearer, from Framskriving. */
	const struct result *pr = &x->p->portfolio;
	int top = (int)wb->measure_count + 2;
	x_string(x, ws, top, 0, "Porteføljen (tiltak med «Med» = 1), nåverdi", x->header);
	static const char *const ph[] = {"Budsjett", "Kostnad", "Gevinst", "Netto"};
	for (int c = 0; c < 4; c++)
		x_string(x, ws, top + 1, c, ph[c], x->header);
	for (int b = 0; b < BEARER_COUNT; b++) {
		int row = top + 2 + b, R = row + 1;
		struct buf fb;
		buf_init(&fb);
		x_string(x, ws, row, 0, bearer_key((enum bearer)b), NULL);
		buf_put(&fb, "=");
		sumproduct_df(x, &fb, xlsx_port_col(wb, PF_COST + b));
		x_formula(x, ws, row, 1, fb.data, x->kr, pr->by_bearer[b].pv_cost);
		buf_free(&fb);
		buf_put(&fb, "=");
		sumproduct_df(x, &fb, xlsx_port_col(wb, PF_SAVING + b));
		x_formula(x, ws, row, 2, fb.data, x->kr, pr->by_bearer[b].pv_saving);
		if (buf_failed(&fb))
			x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		buf_free(&fb);
		char f[64];
		snprintf(f, sizeof f, "=C%d-B%d", R, R);
		x_formula(x, ws, row, 3, f, x->kr, pr->by_bearer[b].npv);
	}
	int sum = top + 2 + BEARER_COUNT, S = sum + 1, first = top + 3;
	char f[512];
	x_string(x, ws, sum, 0, "Sum", x->header);
	snprintf(f, sizeof f, "=SUM(B%d:B%d)", first, S - 1);
	x_formula(x, ws, sum, 1, f, x->kr, pr->pv_cost);
	snprintf(f, sizeof f, "=SUM(C%d:C%d)", first, S - 1);
	x_formula(x, ws, sum, 2, f, x->kr, pr->pv_saving);
	snprintf(f, sizeof f, "=SUM(D%d:D%d)", first, S - 1);
	x_formula(x, ws, sum, 3, f, x->kr, pr->npv);
	x_string(x, ws, sum + 1, 0, "Nytte per krone", NULL);
	snprintf(f, sizeof f, "=IF(B%d=0,0,C%d/B%d)", S, S, S);
	x_formula(x, ws, sum + 1, 1, f, x->g2, pr->has_bcr ? pr->bcr : 0);
	x_string(x, ws, sum + 2, 0, "Lønnsomt fra år (0 = ikke innen perioden)", NULL);
	char years[64], ok[64];
	xlsx_proj_range(x, 1, years, sizeof years);
	xlsx_proj_range(x, xlsx_port_col(wb, PF_OK), ok, sizeof ok);
	char has_cost[64];
	xlsx_proj_range(x, xlsx_port_col(wb, PF_HAS_COST), has_cost, sizeof has_cost);
	/* Never before the first year with a cost (MODEL.md v2). */
	snprintf(f, sizeof f,
		 "=IFERROR(MAX(INDEX(%s,MATCH(1,%s,0)),INDEX(%s,MATCH(1,%s,0))),0)", years, ok,
		 years, has_cost);
	x_formula(x, ws, sum + 2, 1, f, x->integer,
		  pr->has_break_even_year ? pr->break_even_year : 0);
}

/* Successes in year t, exactly as doc/model.md defines them. */
static double successes(const struct measure *m, int base_year, int t, int *k_out)
{
	int s = m->start_year - base_year;
	int k = t - (s + m->lag);
	*k_out = k;
	if (k < 0 || (m->effect_years > 0 && k >= m->effect_years))
		return 0;
	return (double)m->participants * m->success_rate * (1 - m->deadweight) *
	       (k == 0 ? 1 : pow(1 - m->decay, k));
}

static const char *const field_title[XLSX_MEASURE_COLS] = {
	"Alder", "År siden effekt (k)", "Vellykkede", "Kostnad kommune", "Kostnad fylkeskommune",
	"Kostnad stat", "Gevinst kommune", "Gevinst fylkeskommune", "Gevinst stat",
	"Netto", "Kumulativt, nåverdi", "Lønnsom herfra (1/0)", "Sparte tjenester (samfunn)",
	"Økt produksjon (samfunn)", "Livskvalitet (samfunn)"};

/* The block's title row and each column's t, År and DF. */
static void measure_block_head(struct xctx *x, lxw_worksheet *ws)
{
	const struct workbook *wb = x->wb;
	int H = wb->params.horizon;
	int tr = xlsx_measure_t_row(wb);
	x_string(x, ws, block_top(wb), 0, "Tiltakene, én rad per tiltak (årene bortover)",
		 x->header);
	x_string(x, ws, tr, 0, "t", x->header);
	x_string(x, ws, tr + 1, 0, "År", x->header);
	x_string(x, ws, tr + 2, 0, "Diskonteringsfaktor", x->header);
	for (int field = 0; field < XLSX_MEASURE_COLS; field++) {
		x_string(x, ws, block_top(wb), xlsx_measure_col(wb, field, 0), field_title[field],
			 x->header);
		for (int t = 0; t < H; t++) {
			int col = xlsx_measure_col(wb, field, t);
			char c[16], f[64];
			x_col(c, col, false);
			x_number(x, ws, tr, col, t, x->integer);
			snprintf(f, sizeof f, "=Basisaar+%s$%d", c, tr + 1);
			x_formula(x, ws, tr + 1, col, f, x->integer, wb->params.base_year + t);
			snprintf(f, sizeof f, "=$C$%d", xlsx_proj_row(t));
			x_formula(x, ws, tr + 2, col, f, x->df, x->p->df[t]);
		}
	}
}

/* Measure i's row: every field over the years, the model's formulas. */
static void measure_block(struct xctx *x, lxw_worksheet *ws, size_t i)
{
	const struct workbook *wb = x->wb;
	const struct measure *m = &wb->measures[i];
	const struct result *res = i < x->p->measure_count ? &x->p->measures[i] : NULL;
	const int H = wb->params.horizon;
	int R = (int)i + 2; /* Tiltak row */
	int row = xlsx_measure_row(wb, i), r = row + 1;
	int TR = xlsx_measure_t_row(wb) + 1, DR = xlsx_measure_df_row(wb) + 1;
	x_string(x, ws, row, 0, m->name, NULL);
	char extra_last[16], kinds_last[16];
	int groups = (int)(wb->group_count ? wb->group_count : 1);
	x_col(extra_last, 3 * groups, true);
	x_col(kinds_last, 6 * groups, true);
	long g = i < x->p->measure_count ? x->p->measure_group[i] : -1;
	const struct group_profile *prof =
		g >= 0 && (size_t)g < x->p->profile_count ? &x->p->profiles[g] : NULL;
	static const enum item_kind kinds[XLSX_SOCIETY_KINDS] = {ITEM_SERVICE, ITEM_PRODUCTION,
								 ITEM_WELFARE};
	/* «Lønnsom herfra» is filled from the last year back, like the portfolio's. */
	double ok_cached[HORIZON_MAX];
	struct year_row years[HORIZON_MAX];
	if (res != NULL)
		result_years(res, years);
	bool ok_after = true;
	for (int t = H - 1; t >= 0; t--) {
		ok_after = ok_after && res != NULL && years[t].cum_net_discounted >= 0;
		ok_cached[t] = ok_after ? 1 : 0;
	}

	for (int t = 0; t < H; t++) {
		char c[MF_FIELDS][16], f[1024];
		for (int field = 0; field < MF_FIELDS; field++)
			x_col(c[field], xlsx_measure_col(wb, field, t), false);
		int k;
		double sv = successes(m, wb->params.base_year, t, &k);
		int s = m->start_year - wb->params.base_year;

		snprintf(f, sizeof f, "=Tiltak!$E$%d+%s$%d-(Tiltak!$D$%d-Basisaar)", R, c[MF_AGE], TR,
			 R);
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_AGE, t), f, x->integer,
			  m->start_age + (t - s));
		snprintf(f, sizeof f, "=%s$%d-(Tiltak!$D$%d-Basisaar)-Tiltak!$M$%d", c[MF_K], TR, R, R);
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_K, t), f, x->integer, k);
		const char *kk = c[MF_K], *age = c[MF_AGE], *succ = c[MF_SUCC];
		snprintf(f, sizeof f,
			 "=IF(AND(%s%d>=0,OR(Tiltak!$N$%d=0,%s%d<Tiltak!$N$%d)),Tiltak!$C$%d*Tiltak!$K$%d*"
			 "(1-Tiltak!$L$%d)*IF(%s%d=0,1,(1-Tiltak!$O$%d)^%s%d),0)",
			 kk, r, R, kk, r, R, R, R, R, kk, r, R, kk, r);
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_SUCC, t), f, x->g2, sv);
		for (int b = 0; b < BEARER_COUNT; b++) {
			char payer[16];
			const char *cc = c[MF_COST + b], *sc = c[MF_SAVING + b];
			x_col(payer, TC_PAYER + b, true);
			snprintf(f, sizeof f,
				 "=IF(AND(%s$%d>=(Tiltak!$D$%d-Basisaar),%s$%d<(Tiltak!$D$%d-Basisaar)+"
				 "Tiltak!$F$%d),Tiltak!%s$%d*Tiltak!$C$%d*Tiltak!$G$%d,0)",
				 cc, TR, R, cc, TR, R, R, payer, R, R, R);
			x_formula(x, ws, row, xlsx_measure_col(wb, MF_COST + b, t), f, x->kr,
				  res ? res->years[t].cost[b] : 0);
			snprintf(f, sizeof f,
				 "=IF(OR(%s%d=0,Tiltak!$Q$%d=0,%s%d<0,%s%d>120),0,%s%d*(1+Realvekst)^%s$%d*"
				 "INDEX(Merkostnad!$B$3:%s$123,%s%d+1,(Tiltak!$Q$%d-1)*3+%d))",
				 succ, r, R, age, r, age, r, succ, r, sc, TR, extra_last, age, r, R, b + 1);
			x_formula(x, ws, row, xlsx_measure_col(wb, MF_SAVING + b, t), f, x->kr,
				  res ? res->years[t].saving[b] : 0);
		}
		snprintf(f, sizeof f, "=%s%d+%s%d+%s%d-(%s%d+%s%d+%s%d)", c[MF_SAVING], r,
			 c[MF_SAVING + 1], r, c[MF_SAVING + 2], r, c[MF_COST], r, c[MF_COST + 1], r,
			 c[MF_COST + 2], r);
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_NET, t), f, x->kr,
			  res ? years[t].net : 0);

		if (t == 0)
			snprintf(f, sizeof f, "=%s$%d*%s%d", c[MF_DCUM], DR, c[MF_NET], r);
		else {
			char prev[16];
			x_col(prev, xlsx_measure_col(wb, MF_DCUM, t - 1), false);
			snprintf(f, sizeof f, "=%s%d+%s$%d*%s%d", prev, r, c[MF_DCUM], DR, c[MF_NET], r);
		}
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_DCUM, t), f, x->kr,
			  res ? years[t].cum_net_discounted : 0);
		if (t == H - 1)
			snprintf(f, sizeof f, "=IF(%s%d>=0,1,0)", c[MF_DCUM], r);
		else {
			char next[16];
			x_col(next, xlsx_measure_col(wb, MF_OK, t + 1), false);
			snprintf(f, sizeof f, "=IF(AND(%s%d>=0,%s%d=1),1,0)", c[MF_DCUM], r, next, r);
		}
		x_formula(x, ws, row, xlsx_measure_col(wb, MF_OK, t), f, x->integer, ok_cached[t]);

		/* The society kinds, as MODEL.md's saving_kind[q](t): successes ·
		 * growth · the group's items of kind q at this age. */
		int a = m->start_age + (t - s);
		for (int q = 0; q < XLSX_SOCIETY_KINDS; q++) {
			snprintf(f, sizeof f,
				 "=IF(OR(%s%d=0,Tiltak!$Q$%d=0,%s%d<0,%s%d>120),0,%s%d*(1+Realvekst)^%s$%d*"
				 "INDEX(Merkostnad!$B$3:%s$123,%s%d+1,%d+(Tiltak!$Q$%d-1)*%d+%d))",
				 succ, r, R, age, r, age, r, succ, r, c[MF_SERVICES + q], TR, kinds_last,
				 age, r, 3 * groups, R, XLSX_SOCIETY_KINDS, q + 1);
			double v = 0;
			if (prof != NULL && sv != 0 && a >= AGE_MIN && a <= AGE_MAX)
				v = sv * x->p->basis.growth[t] * prof->extra_kind[kinds[q]][a];
			x_formula(x, ws, row, xlsx_measure_col(wb, MF_SERVICES + q, t), f, x->kr, v);
		}
	}
}

static void portfolio_block(struct xctx *x, lxw_worksheet *ws)
{
	const struct workbook *wb = x->wb;
	const struct result *pr = &x->p->portfolio;
	static const char *const h[XLSX_PORT_COLS] = {
		"Kostnad kommune", "Kostnad fylkeskommune", "Kostnad stat", "Gevinst kommune",
		"Gevinst fylkeskommune", "Gevinst stat", "Netto", "Kumulativt netto",
		"Netto, nåverdi", "Kumulativt, nåverdi", "Lønnsom herfra (1/0)",
		"Har kostnad (1/0)"};
	x_string(x, ws, 0, xlsx_port_col(wb, 0), "Porteføljen (tiltak med «Med» = 1)", x->header);
	for (int c = 0; c < XLSX_PORT_COLS; c++)
		x_string(x, ws, 1, xlsx_port_col(wb, c), h[c], x->header);
	char col[XLSX_PORT_COLS][16];
	for (int c = 0; c < XLSX_PORT_COLS; c++)
		x_col(col[c], xlsx_port_col(wb, c), false);

	/* "Lønnsom herfra" is filled bottom-up: a year qualifies when its
	 * cumulative present value is ≥ 0 and every later year's is too. */
	bool ok_after = true;
	double ok_cached[HORIZON_MAX];
	struct year_row years[HORIZON_MAX];
	result_years(pr, years);
	for (int t = wb->params.horizon - 1; t >= 0; t--) {
		ok_after = ok_after && years[t].cum_net_discounted >= 0;
		ok_cached[t] = ok_after ? 1 : 0;
	}

	for (int t = 0; t < wb->params.horizon; t++) {
		int row = XLSX_PROJ_FIRST_ROW + t, r = row + 1;
		const struct year_row *y = &years[t];
		struct buf f;
		for (int field = PF_COST; field < PF_NET; field++) {
			bool cost = field < PF_SAVING;
			int b = cost ? field - PF_COST : field - PF_SAVING;
			buf_init(&f);
			/* Σ over the measures' rows of «Med» · the year's value. */
			if (wb->measure_count == 0) {
				buf_put(&f, "=0");
			} else {
				char mc[16];
				int first = xlsx_measure_row(wb, 0) + 1;
				int last = first + (int)wb->measure_count - 1;
				x_col(mc, xlsx_measure_col(wb, (cost ? MF_COST : MF_SAVING) + b, t),
				      true);
				buf_printf(&f, "=SUMPRODUCT(Tiltak!$P$2:$P$%d,%s$%d:%s$%d)",
					   (int)wb->measure_count + 1, mc, first, mc, last);
			}
			if (buf_failed(&f))
				x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
			else
				x_formula(x, ws, row, xlsx_port_col(wb, field), f.data, x->kr,
					  cost ? y->cost[b] : y->saving[b]);
			buf_free(&f);
		}
		char fs[512];
		snprintf(fs, sizeof fs, "=SUM(%s%d:%s%d)-SUM(%s%d:%s%d)", col[PF_SAVING], r,
			 col[PF_SAVING + 2], r, col[PF_COST], r, col[PF_COST + 2], r);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_NET), fs, x->kr, y->net);
		if (t == 0)
			snprintf(fs, sizeof fs, "=%s%d", col[PF_NET], r);
		else
			snprintf(fs, sizeof fs, "=%s%d+%s%d", col[PF_CUM], r - 1, col[PF_NET], r);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_CUM), fs, x->kr, y->cum_net);
		snprintf(fs, sizeof fs, "=$C%d*%s%d", r, col[PF_NET], r);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_DNET), fs, x->kr, y->df * y->net);
		if (t == 0)
			snprintf(fs, sizeof fs, "=%s%d", col[PF_DNET], r);
		else
			snprintf(fs, sizeof fs, "=%s%d+%s%d", col[PF_DCUM], r - 1, col[PF_DNET], r);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_DCUM), fs, x->kr, y->cum_net_discounted);
		if (t == wb->params.horizon - 1)
			snprintf(fs, sizeof fs, "=IF(%s%d>=0,1,0)", col[PF_DCUM], r);
		else
			snprintf(fs, sizeof fs, "=IF(AND(%s%d>=0,%s%d=1),1,0)", col[PF_DCUM], r,
				 col[PF_OK], r + 1);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_OK), fs, x->integer, ok_cached[t]);
		snprintf(fs, sizeof fs, "=IF(SUM(%s%d:%s%d)>0,1,0)", col[PF_COST], r,
			 col[PF_COST + 2], r);
		x_formula(x, ws, row, xlsx_port_col(wb, PF_HAS_COST), fs, x->integer,
			  y->cost[0] + y->cost[1] + y->cost[2] > 0 ? 1 : 0);
	}
}

void xlsx_sheet_projection(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_worksheet *ws = workbook_add_worksheet(x->book, XLSX_SHEET_PROJECTION);
	if (ws == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	static const char *const h[] = {"t", "År", "Diskonteringsfaktor"};
	for (int c = 0; c < XLSX_PROJ_FIXED_COLS; c++)
		x_string(x, ws, 1, c, h[c], x->header);
	worksheet_set_row(ws, 1, 45, NULL);
	worksheet_freeze_panes(ws, XLSX_PROJ_FIRST_ROW, XLSX_PROJ_FIXED_COLS);
	worksheet_set_column(ws, 0, 0, 5, NULL);
	worksheet_set_column(ws, 1, 1, 7, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)xlsx_measure_col(wb, XLSX_MEASURE_COLS - 1,
							       wb->params.horizon - 1),
			     13, NULL);

	for (int t = 0; t < wb->params.horizon; t++) {
		int row = XLSX_PROJ_FIRST_ROW + t, r = row + 1;
		char f[512];
		x_number(x, ws, row, 0, t, x->integer);
		snprintf(f, sizeof f, "=Basisaar+$A%d", r);
		x_formula(x, ws, row, 1, f, x->integer, wb->params.base_year + t);
		/* R-109 is a product of yearly steps, so each year divides the
		 * previous factor; flat is a closed form; t = 0 is always 1. */
		if (t == 0)
			snprintf(f, sizeof f, "=1");
		else
			snprintf(f, sizeof f,
				 "=IF(Diskontering=\"none\",1,IF(Diskontering=\"flat\",(1+Rente)^(-$A%d),"
				 "C%d/(1+IF($A%d<=40,0.04,IF($A%d<=75,0.03,0.02)))))",
				 r, r - 1, r, r);
		x_formula(x, ws, row, 2, f, x->df, x->p->df[t]);
	}
	portfolio_block(x, ws);
	measure_block_head(x, ws);
	for (size_t i = 0; i < wb->measure_count; i++)
		measure_block(x, ws, i);
}

void xlsx_sheet_chart(struct xctx *x)
{
	const struct workbook *wb = x->wb;
	lxw_chartsheet *cs = workbook_add_chartsheet(x->book, XLSX_SHEET_CHART);
	lxw_chart *chart = workbook_add_chart(x->book, LXW_CHART_LINE);
	if (cs == NULL || chart == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char years[64], cum[64], dcum[64];
	xlsx_proj_range(x, 1, years, sizeof years);
	xlsx_proj_range(x, xlsx_port_col(wb, PF_DCUM), dcum, sizeof dcum);
	xlsx_proj_range(x, xlsx_port_col(wb, PF_CUM), cum, sizeof cum);
	char cat[80], v1[80], v2[80];
	snprintf(cat, sizeof cat, "=%s", years);
	snprintf(v1, sizeof v1, "=%s", dcum);
	snprintf(v2, sizeof v2, "=%s", cum);
	lxw_chart_series *s1 = chart_add_series(chart, cat, v1);
	lxw_chart_series *s2 = chart_add_series(chart, cat, v2);
	if (s1 == NULL || s2 == NULL) {
		x_note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	chart_series_set_name(s1, "Kumulativt, nåverdi");
	chart_series_set_name(s2, "Kumulativt netto, uten diskontering");
	chart_title_set_name(chart, "Kumulativt netto for tiltakene som er med (kr)");
	chart_axis_set_name(chart->x_axis, "År");
	chart_axis_set_name(chart->y_axis, "Kroner");
	chart_axis_set_num_format(chart->y_axis, "#,##0");
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	x_note(x, chartsheet_set_chart(cs, chart));
}
