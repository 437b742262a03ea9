/*
 * label.c: the report's field words from the schema (see label.h).
 */
#include "report/label.h"

#include <stdio.h>

const char *report_label(enum schema_row row, const char *key)
{
	const struct field_desc *f = schema_find(row, key);
	return f != NULL ? f->label : key;
}

const char *report_head(char *buf, size_t size, enum schema_row row, const char *key,
			const char *rest)
{
	snprintf(buf, size, "%s%s", report_label(row, key), rest);
	return buf;
}
