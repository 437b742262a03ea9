/*
 * summary.h: the plain-language summary and the number formatting that
 * every report format shares, so HTML and Markdown say the same thing with
 * the same figures.
 *
 * Text produced here contains no user-entered text, only numbers, years
 * and fixed Norwegian words, so writers may escape it or not as their
 * format requires.
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

#define SUMMARY_SENTENCE_SIZE 512
#define SUMMARY_SENTENCES_MAX 8

/* "Kommune", "Fylkeskommune", "Stat" (table headings). */
const char *bearer_label(enum bearer b);
/* "kommunen", "fylkeskommunen", "staten" (in sentences). */
const char *bearer_definite(enum bearer b);

/* Whole kroner: "1 234 567 kr" (value only, no unit, when unit is false). */
void fmt_kr(char *buf, size_t size, double value, bool unit);
/* Sentence style: "12,3 mill. kr" from a million up, else "600 000 kr". */
void fmt_kr_short(char *buf, size_t size, double value);
/* "12,5 %" with one decimal. */
void fmt_pct(char *buf, size_t size, double fraction);
/* A ratio with two decimals ("4,20"). */
void fmt_ratio(char *buf, size_t size, double value);

/* Number of enabled measures; 0 means there is nothing to report. */
size_t report_enabled_count(const struct workbook *wb);

/*
 * The summary, one sentence per entry.  Returns the number written
 * (≤ max).  For a workbook with no enabled measure it is one sentence that
 * says there is nothing to report and how to fix that.
 */
size_t report_summary(const struct workbook *wb, const struct projection *p,
		      char sentences[][SUMMARY_SENTENCE_SIZE], size_t max);

/* The model's limits, stated plainly, one paragraph each (static text). */
const char *const *report_limits(size_t *count);
/* What grade A–D means, for the appendix. */
const char *confidence_explanation(enum confidence c);

#endif
