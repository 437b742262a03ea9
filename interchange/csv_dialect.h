/*
 * csv_dialect.h: how the CSV table is spelled for the program that opens
 * it.  csv.c writes the table once, in the plain dialect (RFC 4180: comma,
 * decimal point, LF, no BOM); a dialect rewrites that text field by field,
 * so it stays right whatever columns csv.c grows.
 *
 *   CSV_PLAIN     as written: for scripts, R, Python, `utenfor` itself
 *   CSV_EXCEL_NO  what a Norwegian Excel or LibreOffice opens as a table
 *                 on double-click: ';' between fields, decimal comma,
 *                 UTF-8 with a byte-order mark (without it Excel reads
 *                 æøå as Windows-1252), CRLF line ends
 *
 * Must never: call ncurses, SQLite or setlocale().
 */
#ifndef UTENFOR_INTERCHANGE_CSV_DIALECT_H
#define UTENFOR_INTERCHANGE_CSV_DIALECT_H

#include <stddef.h>

enum csv_dialect { CSV_PLAIN, CSV_EXCEL_NO };

/*
 * Rewrite `plain` (len bytes of plain-dialect CSV) in `dialect`.  Unquoted
 * fields that are numbers get a decimal comma (CSV_EXCEL_NO: rounded to 15
 * significant digits, what a spreadsheet keeps); quoted fields are text and
 * keep their characters, re-quoted where the new separator requires it.
 * Returns a malloc'ed buffer the caller frees, its length in *out_len; NULL
 * when out of memory or when `plain` is not well-formed CSV (an unclosed
 * quote).
 */
char *csv_to_dialect(const char *plain, size_t len, enum csv_dialect dialect, size_t *out_len);

#endif
