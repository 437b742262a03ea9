/*
 * data_page.h: reading the tables of doc/default-data.md for the data
 * tests.  A table is found by its header row, written exactly; its rows
 * come back as trimmed cells, with the group id of the "### N. `id` — …"
 * section they stand in.
 */
#ifndef UTENFOR_TESTS_DATA_PAGE_H
#define UTENFOR_TESTS_DATA_PAGE_H

#define DATA_CELLS_MAX 16

/* The page, $top_srcdir/doc/default-data.md; the caller frees.  Asserts. */
char *data_page_read(void);

/*
 * Call row() for every row (not the header, not the separator) of every
 * table of `page` whose header is `header`.  `page` is modified (cut into
 * lines and cells).  Returns the number of rows.
 */
int data_page_rows(char *page, const char *header,
		   void (*row)(void *ctx, const char *group, char **cells, int count),
		   void *ctx);

/* "`x`" -> "x", in place. */
char *data_page_unquote(char *s);

#endif
