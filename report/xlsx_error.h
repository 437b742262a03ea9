/*
 * xlsx_error.h: libxlsxwriter's failures as one line in the user's
 * language.
 *
 * The library prints its own errors to stderr (English, several lines,
 * naming our temporary file); while a spreadsheet is being written that
 * text is silenced, and the result code (with errno, e.g. a full disk) is
 * turned into a short Norwegian reason for the caller's message.
 *
 * Must never: print; the caller owns the message.
 */
#ifndef UTENFOR_REPORT_XLSX_ERROR_H
#define UTENFOR_REPORT_XLSX_ERROR_H

#include <stdio.h>

#include <xlsxwriter.h>

/* Silence stderr (the library's diagnostics) until xlsx_quiet_end();
 * returns what to restore, NULL when nothing was changed. */
FILE *xlsx_quiet_begin(void);
void xlsx_quiet_end(FILE *saved);

/* The reason for `e`, `saved_errno` its errno (0 when none); static text. */
const char *xlsx_error_text(lxw_error e, int saved_errno);

#endif
