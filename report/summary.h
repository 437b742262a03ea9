/*
 * summary.h: the plain-language summary and the number formatting that
 * every report format shares, so HTML and Markdown say the same thing with
 * the same figures.
 *
 * Sentences may contain user text (measure and group names), so every
 * writer escapes them for its format.
 *
 * Must never: print, allocate, or format numbers any other way than
 * engine/numbers.h does.
 */
#ifndef UTENFOR_REPORT_SUMMARY_H
#define UTENFOR_REPORT_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"

/* Reports group thousands with a no-break space so "1 234 567" never
 * wraps inside a table cell or a sentence. */
#define REPORT_THOUSANDS "\xc2\xa0"

#define SUMMARY_SENTENCE_SIZE 1024
#define SUMMARY_SENTENCES_MAX 12

/* "Kommune", "Fylkeskommune", "Stat" (table headings). */
const char *bearer_label(enum bearer b);
/* "kommunen", "fylkeskommunen", "staten" (in sentences). */
const char *bearer_definite(enum bearer b);

/* "Tjeneste", "Overføring", "Skatt", "Produksjon", "Livskvalitet". */
const char *item_kind_label(enum item_kind k);

/*
 * A sector (index as in engine/workbook.h) for a table: a declared
 * sector's own name; an implicit one is "Kommune, øvrig" (the interface's
 * word) when its bearer has declared sectors, else just "Kommune".
 */
void report_sector_label(const struct workbook *wb, size_t x, char *buf, size_t size);
/* The same in a sentence: "barnevern"-style names as written, with the
 * bearer in parentheses outside the kommune ("NAV (stat)"); an implicit
 * sector is "kommunen" or, beside declared ones, "kommunen ellers". */
void report_sector_phrase(const struct workbook *wb, size_t x, char *buf, size_t size);

/* Whole kroner: "1 234 567 kr" (value only, no unit, when unit is false). */
void fmt_kr(char *buf, size_t size, double value, bool unit);
/* Sentence style: "12,3 mill. kr" from a million up, else "600 000 kr". */
void fmt_kr_short(char *buf, size_t size, double value);
/* "12,5 %" with one decimal. */
void fmt_pct(char *buf, size_t size, double fraction);
/* The same with `decimals` places ("34 %" with 0). */
void fmt_pct_dec(char *buf, size_t size, double fraction, int decimals);
/* A ratio with two decimals ("4,20"). */
void fmt_ratio(char *buf, size_t size, double value);

/*
 * Whether anything is discounted: false for mode none and for a flat rate
 * of 0, where a "present value" is a plain sum and the report must not
 * call it nåverdi.
 */
bool report_discounted(const struct workbook *wb);
/* "nåverdi" or "sum" for table headings ("Kostnad (nåverdi, kr)"). */
const char *report_pv_word(const struct workbook *wb);

/* First and last calendar year with a cost > 0 in `r`; false when none. */
bool result_cost_years(const struct result *r, int *first, int *last);
/* The engine's break-even year, discounted or not (never before the
 * first year with a cost, MODEL.md v2).  False when there is none. */
bool result_break_even(const struct result *r, bool discounted, int *year);
/*
 * The portfolio's who-pays-who-gains matrix [payer][bearer]: the engine's,
 * the sum of the enabled measures' matrices, so each measure's savings
 * follow its own payers.  *any is false when it is empty.
 */
void report_flows(const struct projection *p, double flows[BEARER_COUNT][BEARER_COUNT],
		  bool *any);
/*
 * Of the savings in `flows` (positive cells only: a budget whose costs
 * rise is not where savings land, and counting it could pass 100 %), the
 * share that lands in another budget than the payer's.  *has is false
 * when nothing is saved.
 */
double report_cross_share(const double flows[BEARER_COUNT][BEARER_COUNT], bool *has);

/* Number of enabled measures; 0 means there is nothing to report. */
size_t report_enabled_count(const struct workbook *wb);

/*
 * The summary, one sentence per entry.  Returns the number written
 * (≤ max).  For a workbook with no enabled measure it is one sentence that
 * says there is nothing to report and how to fix that.
 */
size_t report_summary(const struct workbook *wb, const struct projection *p,
		      char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);

/* The model's limits for this workbook, stated plainly, one paragraph
 * each; returns the number written (≤ max). */
size_t report_limits(const struct workbook *wb, char out[][SUMMARY_SENTENCE_SIZE], size_t max);
/* What grade A–D means, for the appendix. */
const char *confidence_explanation(enum confidence c);

#endif
