/*
 * data_expr.c: a recursive-descent reader for the derivation notation of
 * doc/default-data.md (see data_expr.h).  Test support only.
 */
#include "tests/data_expr.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIMES "\xc3\x97" /* × */
#define MINUS "\xe2\x88\x92" /* − */

bool data_names_add(struct data_names *n, const char *name, double value)
{
	double unused;
	if (n->count >= DATA_NAMES_MAX || strlen(name) >= DATA_NAME_SIZE ||
	    data_names_get(n, name, &unused))
		return false;
	strcpy(n->name[n->count], name);
	n->value[n->count] = value;
	n->count++;
	return true;
}

bool data_names_get(const struct data_names *n, const char *name, double *out)
{
	for (size_t i = 0; i < n->count; i++)
		if (strcmp(n->name[i], name) == 0) {
			*out = n->value[i];
			return true;
		}
	return false;
}

struct reader {
	const char *start, *p;
	const struct data_names *names;
	char *err;
	size_t err_size;
	bool failed;
};

static void fail(struct reader *r, const char *what)
{
	if (!r->failed)
		snprintf(r->err, r->err_size, "at byte %td of \"%s\": %s", r->p - r->start,
			 r->start, what);
	r->failed = true;
}

static void skip_spaces(struct reader *r)
{
	while (*r->p == ' ')
		r->p++;
}

static bool take(struct reader *r, const char *token)
{
	skip_spaces(r);
	size_t n = strlen(token);
	if (strncmp(r->p, token, n) != 0)
		return false;
	r->p += n;
	return true;
}

static bool take_minus(struct reader *r)
{
	return take(r, MINUS) || take(r, "-");
}

/* Digits in groups: "9 700 000" is one number; a space is part of it only
 * when exactly three digits follow. */
static double read_number(const char **pp, int *decimals)
{
	const char *p = *pp;
	char buf[64];
	size_t n = 0;
	while (isdigit((unsigned char)*p) && n < sizeof buf - 2) {
		buf[n++] = *p++;
		if (*p == ' ' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
		    isdigit((unsigned char)p[3]) && !isdigit((unsigned char)p[4]))
			p++;
	}
	int dec = 0;
	if (*p == '.' && isdigit((unsigned char)p[1])) {
		buf[n++] = *p++;
		while (isdigit((unsigned char)*p) && n < sizeof buf - 1) {
			buf[n++] = *p++;
			dec++;
		}
	}
	buf[n] = '\0';
	*pp = p;
	if (decimals != NULL)
		*decimals = dec;
	return strtod(buf, NULL);
}

static double expr(struct reader *r);

static double primary(struct reader *r)
{
	skip_spaces(r);
	if (isdigit((unsigned char)*r->p))
		return read_number(&r->p, NULL);
	if (take(r, "(")) {
		double v = expr(r);
		if (!take(r, ")"))
			fail(r, "expected )");
		return v;
	}
	if (islower((unsigned char)*r->p) || *r->p == '_') {
		char name[DATA_NAME_SIZE];
		size_t n = 0;
		while ((islower((unsigned char)*r->p) || isdigit((unsigned char)*r->p) ||
			*r->p == '_') &&
		       n < sizeof name - 1)
			name[n++] = *r->p++;
		name[n] = '\0';
		bool is_min = strcmp(name, "min") == 0, is_max = strcmp(name, "max") == 0;
		if (is_min || is_max) {
			if (!take(r, "("))
				fail(r, "expected ( after min/max");
			double a = expr(r);
			if (!take(r, ","))
				fail(r, "expected , in min/max");
			double b = expr(r);
			if (!take(r, ")"))
				fail(r, "expected ) after min/max");
			return is_min ? fmin(a, b) : fmax(a, b);
		}
		double v = 0;
		if (!data_names_get(r->names, name, &v))
			fail(r, "unknown name");
		return v;
	}
	fail(r, "expected a number, a name or (");
	return 0;
}

static double unary(struct reader *r)
{
	if (take_minus(r))
		return -unary(r);
	return primary(r);
}

static double term(struct reader *r)
{
	double v = unary(r);
	for (;;) {
		if (take(r, TIMES) || take(r, "*"))
			v *= unary(r);
		else if (take(r, "/"))
			v /= unary(r);
		else
			return v;
	}
}

static double expr(struct reader *r)
{
	double v = term(r);
	for (;;) {
		if (take(r, "+"))
			v += term(r);
		else if (take_minus(r))
			v -= term(r);
		else
			return v;
	}
}

bool data_expr_eval(const char *text, const struct data_names *names, double *out, char *err,
		    size_t err_size)
{
	struct reader r = {text, text, names, err, err_size, false};
	double v = expr(&r);
	skip_spaces(&r);
	if (*r.p != '\0')
		fail(&r, "unexpected text");
	if (!r.failed && !isfinite(v))
		fail(&r, "not a finite number");
	*out = v;
	return !r.failed;
}

bool data_number_read(const char *text, double *out, int *decimals)
{
	const char *p = text;
	while (*p == ' ')
		p++;
	bool negative = false;
	if (strncmp(p, MINUS, strlen(MINUS)) == 0) {
		negative = true;
		p += strlen(MINUS);
	} else if (*p == '-') {
		negative = true;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return false;
	double v = read_number(&p, decimals);
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return false;
	*out = negative ? -v : v;
	return true;
}
