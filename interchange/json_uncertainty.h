/*
 * json_uncertainty.h: the "uncertainty" object of the calc --json results
 * document (doc/interchange.md): tornado, switching values (measures
 * only) and the Monte Carlo summary, from engine/uncertainty.h's results.
 *
 * Must never: print, call ncurses or SQLite, round a number.
 */
#ifndef UTENFOR_INTERCHANGE_JSON_UNCERTAINTY_H
#define UTENFOR_INTERCHANGE_JSON_UNCERTAINTY_H

#include <jansson.h>

#include "engine/uncertainty.h"

/* The object for measure `measure` of `wb`, or for the portfolio when
 * measure is −1.  A new reference the caller owns; NULL when out of
 * memory. */
json_t *json_uncertainty_object(const struct workbook *wb, const struct unc_results *u,
				long measure);

/* The same with "tornado" left an empty array, for a writer that streams
 * the entries one by one (json_uncertainty_tornado_entry()) in its place:
 * the portfolio's tornado has an entry per ranged input of every measure. */
json_t *json_uncertainty_object_untorn(const struct workbook *wb, const struct unc_results *u,
				       long measure);

/* One tornado entry's object; a new reference, NULL when out of memory. */
json_t *json_uncertainty_tornado_entry(const struct workbook *wb, const struct tornado_entry *e);

#endif
