/*
 * numbers.h: reading and writing numbers the Norwegian way, independent of
 * the C locale (LC_NUMERIC is never set by this program: under nb_NO,
 * strtod("1.5") would read 1).
 *
 * Accepted input (surrounding blanks ignored):
 *   1234567   1 234 567   1.234.567   1 234,50   1.234,50   -30 000
 *   −30 000 (U+2212)   +12   12,5   0,25
 * Thousands separators: space, U+00A0, U+202F, or '.', in groups of three.
 * The decimal mark is ',' — or a single '.' that cannot be a thousands
 * separator ("12.5", "0.25"); "1.234" reads as 1234, the Norwegian way.
 * An optional trailing "kr" or "NOK" is accepted on numbers; a trailing "%"
 * on percentages.
 *
 * Output rounds half away from zero (as spreadsheets' ROUND does), writes a
 * decimal comma, groups thousands with a caller-chosen separator, and never
 * writes "-0".
 *
 * Must never: do I/O, allocate, depend on the locale.
 */
#ifndef UTENFOR_ENGINE_NUMBERS_H
#define UTENFOR_ENGINE_NUMBERS_H

#include <stddef.h>

enum number_status {
	NUMBER_OK,
	NUMBER_EMPTY,  /* nothing but blanks */
	NUMBER_INVALID /* not a number in any accepted form */
};

/* Separators for number_format()'s `thousands` argument. */
#define THOUSANDS_SPACE " "
#define THOUSANDS_NBSP "\xc2\xa0"          /* U+00A0 */
#define THOUSANDS_NARROW_NBSP "\xe2\x80\xaf" /* U+202F, nb_NO's own */

enum number_status number_parse(const char *text, double *out);

/* "25", "25 %", "25,5" → 0.25, 0.25, 0.255: input is percent. */
enum number_status percent_parse(const char *text, double *fraction);

/* A short Norwegian hint of what is accepted, for error messages. */
const char *number_input_hint(void);

/*
 * Write `value` rounded to `decimals` (0–9) places.  Behaves like snprintf:
 * returns the length the full text needs, writes at most size-1 bytes and a
 * NUL.  Non-finite values are written as "–".
 */
int number_format(char *buf, size_t size, double value, int decimals, const char *thousands);

/* 0.125 → "12,5 %" with decimals = 1. */
int percent_format(char *buf, size_t size, double fraction, int decimals,
		   const char *thousands);

/* The rounding number_format() uses, for code that must agree with it. */
double number_round(double value, int decimals);

#endif
