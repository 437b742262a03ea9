/*
 * report.c: report_render() and report_write(), the entry points the CLI
 * and the TUI call.
 *
 * Must never: print, exit(), or leave a partial file (atomic.c sees to
 * that).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "report/atomic.h"
#include "report/buf.h"
#include "report/render.h"
#include "report/report.h"

bool report_format_from_name(const char *name, enum report_format *out)
{
	if (strcmp(name, "html") == 0 || strcmp(name, "htm") == 0) {
		*out = REPORT_HTML;
		return true;
	}
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0) {
		*out = REPORT_MARKDOWN;
		return true;
	}
	return false;
}

const char *report_format_extension(enum report_format f)
{
	return f == REPORT_MARKDOWN ? "md" : "html";
}

char *report_render_opt(const struct workbook *wb, const struct projection *p,
			enum report_format format, const struct report_options *opt, size_t *len)
{
	static const struct report_options none = {.example = NULL};
	struct buf b;
	buf_init(&b);
	if (opt == NULL)
		opt = &none;
	if (format == REPORT_MARKDOWN)
		render_markdown(wb, p, opt, &b);
	else
		render_html(wb, p, opt, &b);
	if (buf_failed(&b) || b.data == NULL) {
		buf_free(&b);
		return NULL;
	}
	if (len != NULL)
		*len = b.len;
	return b.data; /* ownership passes to the caller */
}

char *report_render(const struct workbook *wb, const struct projection *p,
		    enum report_format format, size_t *len)
{
	return report_render_opt(wb, p, format, NULL, len);
}

int report_write(const struct workbook *wb, const struct projection *p,
		 enum report_format format, const char *path, bool force, char *err,
		 size_t err_size)
{
	return report_write_opt(wb, p, format, NULL, path, force, err, err_size);
}

int report_write_opt(const struct workbook *wb, const struct projection *p,
		     enum report_format format, const struct report_options *opt,
		     const char *path, bool force, char *err, size_t err_size)
{
	size_t len = 0;
	char *text = report_render_opt(wb, p, format, opt, &len);
	if (text == NULL) {
		snprintf(err, err_size, _("Ikke nok minne til å lage rapporten %s."), path ? path : "");
		return -1;
	}
	int rc = atomic_write_file(path, text, len, force, err, err_size);
	free(text);
	return rc;
}
