/*
 * report.h: the council report (kommunestyresak-style) of a workbook, as
 * self-contained HTML or as Markdown.
 *
 * The report says in plain Norwegian what is invested, by whom, what it
 * saves, for whom, and when it pays back; then the who-pays-who-gains
 * table, each measure's results, charts (inline SVG in HTML, text tables in
 * Markdown), the model's limits, and every assumption in an appendix.
 * Figures are the engine's, rounded the way the screen rounds them
 * (number_format: kroner with 0 decimals, percentages with 1).
 *
 * Must never: print, exit(), reach the network (the HTML references no
 * URL), or leave a partial output file.
 */
#ifndef UTENFOR_REPORT_REPORT_H
#define UTENFOR_REPORT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "engine/projection.h"
#include "engine/workbook.h"

enum report_format { REPORT_HTML, REPORT_MARKDOWN };

/* "html" / "md" (also "markdown"); false for anything else. */
bool report_format_from_name(const char *name, enum report_format *out);
/* The usual file extension without the dot ("html", "md"). */
const char *report_format_extension(enum report_format f);

/* What the report is told beyond the workbook itself. */
struct report_options {
	/* The example workbook that ships with utenfor
	 * (store_default_workbook()): the report then says plainly when its
	 * figures are that example data (report/example.h).  NULL: not
	 * checked. */
	const struct workbook *example;
};

/*
 * The report as text.  `p` must be projection_compute()d from `wb`.
 * Returns malloc'd NUL-terminated text the caller frees (its length in
 * *len when len is not NULL), or NULL when out of memory.
 */
char *report_render(const struct workbook *wb, const struct projection *p,
		    enum report_format format, size_t *len);
/* The same with options (`opt` may be NULL). */
char *report_render_opt(const struct workbook *wb, const struct projection *p,
			enum report_format format, const struct report_options *opt, size_t *len);

/*
 * Render and write to `path` atomically (temporary file, fsync, rename).
 * An existing file is refused unless `force`.  Returns 0, or -1 with a
 * Norwegian message in err naming the path; nothing is left behind then.
 */
int report_write(const struct workbook *wb, const struct projection *p,
		 enum report_format format, const char *path, bool force, char *err,
		 size_t err_size);
int report_write_opt(const struct workbook *wb, const struct projection *p,
		     enum report_format format, const struct report_options *opt,
		     const char *path, bool force, char *err, size_t err_size);

#endif
