/*
 * data_expr.h: the arithmetic notation of doc/default-data.md's derivation
 * tables, read back so that tests/data_defaults.c can recompute every
 * documented figure.
 *
 * Numbers are written with a space between groups of three digits
 * ("9 700 000 000") and a decimal point ("1.031"); operators are + − × /
 * (ASCII - and * too), brackets, and min(a, b), max(a, b).  Names are
 * constants defined earlier in the page.
 */
#ifndef UTENFOR_TESTS_DATA_EXPR_H
#define UTENFOR_TESTS_DATA_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#define DATA_NAMES_MAX 128
#define DATA_NAME_SIZE 32

struct data_names {
	size_t count;
	char name[DATA_NAMES_MAX][DATA_NAME_SIZE];
	double value[DATA_NAMES_MAX];
};

/* Add or refuse (false: full, too long, or already defined). */
bool data_names_add(struct data_names *n, const char *name, double value);
/* The value of `name`, or false when it is not defined. */
bool data_names_get(const struct data_names *n, const char *name, double *out);

/*
 * Evaluate the whole of `text`.  On failure returns false and writes why
 * (position and problem) into err.
 */
bool data_expr_eval(const char *text, const struct data_names *names, double *out, char *err,
		    size_t err_size);

/*
 * A number as the tables' value columns write it: "130 160", "-110 464",
 * "−0.5", "0.5250".  *decimals gets the count of digits after the point.
 * The whole text must be the number (surrounding spaces allowed).
 */
bool data_number_read(const char *text, double *out, int *decimals);

#endif
