/*
 * label.h: the report's word for a field wherever it names one (a column
 * head, a row head): the field's label in engine/schema.c, so the report
 * says what the form, `utenfor set` and the messages say (doc/glossary.md).
 * The report is bokmål throughout, so the label is used as written, not
 * translated.  A head may add the report's own qualifier after the label
 * ("Beløp per år", "Kroneår (alle beløp …)"), never change the label;
 * tests/report_labels.c holds every head that names a field to that.
 *
 * Must never: print, allocate.
 */
#ifndef UTENFOR_REPORT_LABEL_H
#define UTENFOR_REPORT_LABEL_H

#include <stddef.h>

#include "engine/schema.h"

/* The label of field `key` of `row`; the key itself when the schema has
 * no such field (a test then fails: the head is not the label). */
const char *report_label(enum schema_row row, const char *key);
/* "<label><rest>" into buf (truncated to size); returns buf. */
const char *report_head(char *buf, size_t size, enum schema_row row, const char *key,
			const char *rest);

/* The label of a field of each row kind: MEASURE_LABEL("success_rate"). */
#define PARAM_LABEL(key) report_label(SCHEMA_WORKBOOK, key)
#define SECTOR_LABEL(key) report_label(SCHEMA_SECTOR, key)
#define GROUP_LABEL(key) report_label(SCHEMA_GROUP, key)
#define ITEM_LABEL(key) report_label(SCHEMA_ITEM, key)
#define MEASURE_LABEL(key) report_label(SCHEMA_MEASURE, key)

#endif
