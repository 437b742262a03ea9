/* Tests for engine/numbers.c: Norwegian number input and output. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "engine/numbers.h"

static void parses_to(const char *text, double expected)
{
	double v = -12345.678;
	enum number_status st = number_parse(text, &v);
	cr_assert_eq(st, NUMBER_OK, "«%s» should parse (status %d)", text, (int)st);
	cr_assert_eq(v, expected, "«%s» read as %.17g, expected %.17g", text, v, expected);
}

static void refused(const char *text)
{
	double v = 42.0;
	cr_assert_eq(number_parse(text, &v), NUMBER_INVALID, "«%s» should be refused", text);
	cr_assert_eq(v, 42.0, "a refused number must not write its output");
}

Test(number_parse, plain_and_grouped)
{
	parses_to("1234567", 1234567.0);
	parses_to("1 234 567", 1234567.0);
	parses_to("1.234.567", 1234567.0);
	parses_to("1\xc2\xa0" "234\xc2\xa0" "567", 1234567.0);     /* U+00A0 */
	parses_to("1\xe2\x80\xaf" "234\xe2\x80\xaf" "567", 1234567.0); /* U+202F */
	parses_to("0", 0.0);
	parses_to("7", 7.0);
	parses_to("999", 999.0);
	parses_to("12 345", 12345.0);
}

Test(number_parse, decimals)
{
	parses_to("1 234,50", 1234.5);
	parses_to("1.234,50", 1234.5);
	parses_to("12,5", 12.5);
	parses_to("0,25", 0.25);
	parses_to(",5", 0.5);
	/* A lone '.' that cannot be a thousands separator is a decimal point. */
	parses_to("12.5", 12.5);
	parses_to("0.25", 0.25);
	parses_to("1.5", 1.5);
	parses_to("1.2345", 1.2345);
	parses_to("0.250", 0.25); /* no thousands group starts with 0 */
	/* …but three digits after it make it a thousands separator. */
	parses_to("1.234", 1234.0);
	parses_to("123.456", 123456.0);
}

Test(number_parse, signs_units_and_blanks)
{
	parses_to("-30 000", -30000.0);
	parses_to("\xe2\x88\x92" "30 000", -30000.0); /* U+2212 MINUS SIGN */
	parses_to("+12", 12.0);
	parses_to("  42\t", 42.0);
	parses_to("\xc2\xa0" "42\xe2\x80\xaf", 42.0);
	parses_to("7 500 kr", 7500.0);
	parses_to("7500kr", 7500.0);
	parses_to("7 500 KR", 7500.0);
	parses_to("130 160 NOK", 130160.0);
	parses_to("130160nok", 130160.0);
	parses_to("-0", 0.0);
	double v;
	cr_assert_eq(number_parse("-0", &v), NUMBER_OK);
	cr_assert_not(signbit(v), "-0 must read as +0");
}

Test(number_parse, refuses_what_is_not_a_norwegian_number)
{
	refused("1 23");
	refused("12,3,4");
	refused("1..2");
	refused("abc");
	refused("--1");
	refused("1e5");
	refused("1E5");
	refused("- 1");
	refused("-");
	refused("12,");
	refused("1 234.567");   /* two kinds of thousands separator */
	refused("1.23.456");
	refused("1234 567");    /* first group longer than three */
	refused("0 123");
	refused("12.5,3");
	refused("1 2345");
	refused("kr");
	refused("12 kr kr");
	refused("12 %");        /* percent is for percent_parse */
	refused("0x10");
	refused("inf");
	refused("nan");
	refused("1,2,");
	refused("12 ,5");
	refused("1\xc2\xa0" "234.567");
	/* Over-long input: 65 digits. */
	char lng[80];
	memset(lng, '1', 65);
	lng[65] = '\0';
	refused(lng);
}

Test(number_parse, empty)
{
	double v = 3.0;
	cr_assert_eq(number_parse("", &v), NUMBER_EMPTY);
	cr_assert_eq(number_parse("   ", &v), NUMBER_EMPTY);
	cr_assert_eq(number_parse("\xc2\xa0", &v), NUMBER_EMPTY);
	cr_assert_eq(number_parse(NULL, &v), NUMBER_EMPTY);
	cr_assert_eq(v, 3.0);
}

Test(percent_parse, percent_to_fraction)
{
	double f;
	cr_assert_eq(percent_parse("25", &f), NUMBER_OK);
	cr_assert_float_eq(f, 0.25, 1e-15);
	cr_assert_eq(percent_parse("25 %", &f), NUMBER_OK);
	cr_assert_float_eq(f, 0.25, 1e-15);
	cr_assert_eq(percent_parse("25%", &f), NUMBER_OK);
	cr_assert_float_eq(f, 0.25, 1e-15);
	cr_assert_eq(percent_parse("25,5", &f), NUMBER_OK);
	cr_assert_float_eq(f, 0.255, 1e-15);
	cr_assert_eq(percent_parse("33,34\xc2\xa0%", &f), NUMBER_OK);
	cr_assert_float_eq(f, 0.3334, 1e-15);
	cr_assert_eq(percent_parse("\xe2\x88\x92" "5 %", &f), NUMBER_OK);
	cr_assert_float_eq(f, -0.05, 1e-15);
	cr_assert_eq(percent_parse("%", &f), NUMBER_INVALID);
	cr_assert_eq(percent_parse("25 kr", &f), NUMBER_INVALID);
	cr_assert_eq(percent_parse("25 %%", &f), NUMBER_INVALID);
	cr_assert_eq(percent_parse(" ", &f), NUMBER_EMPTY);
}

static void formats_to(double v, int decimals, const char *sep, const char *expected)
{
	char buf[512];
	int n = number_format(buf, sizeof buf, v, decimals, sep);
	cr_assert_str_eq(buf, expected, "%.17g with %d decimals", v, decimals);
	cr_assert_eq(n, (int)strlen(expected));
}

Test(number_format, rounding_half_away_from_zero)
{
	formats_to(2.5, 0, " ", "3");
	formats_to(-2.5, 0, " ", "-3");
	formats_to(3.5, 0, " ", "4");       /* not banker's rounding (would give 4 too) */
	formats_to(4.5, 0, " ", "5");       /* banker's rounding would give 4 */
	formats_to(0.125, 2, " ", "0,13"); /* 0.125 is exact in binary: a true half */
	formats_to(1.005, 2, " ", "1,01"); /* 1.005*100 = 100.4999… in binary */
	formats_to(-1.005, 2, " ", "-1,01");
	formats_to(2.675, 2, " ", "2,68");
	formats_to(1234.5, 2, " ", "1 234,50");
	formats_to(0.004, 2, " ", "0,00");
	formats_to(0.004, 0, " ", "0");
	cr_assert_eq(number_round(2.5, 0), 3.0);
	cr_assert_eq(number_round(-2.5, 0), -3.0);
	cr_assert_eq(number_round(0.004, 2), 0.0);
	cr_assert_eq(number_round(1.005, 2), 1.01);
}

Test(number_format, never_minus_zero)
{
	formats_to(-0.0, 0, " ", "0");
	formats_to(-0.004, 2, " ", "0,00");
	formats_to(-0.4, 0, " ", "0");
	cr_assert_not(signbit(number_round(-0.004, 2)));
	cr_assert_not(signbit(number_round(-0.0, 0)));
}

Test(number_format, thousands_separators)
{
	formats_to(1234567, 0, THOUSANDS_SPACE, "1 234 567");
	formats_to(1234567, 0, THOUSANDS_NBSP, "1\xc2\xa0" "234\xc2\xa0" "567");
	formats_to(1234567, 0, THOUSANDS_NARROW_NBSP, "1\xe2\x80\xaf" "234\xe2\x80\xaf" "567");
	formats_to(1234567, 0, "", "1234567");
	formats_to(1234567, 0, NULL, "1234567");
	formats_to(-30000, 0, " ", "-30 000");
	formats_to(999, 0, " ", "999");
	formats_to(1000, 0, " ", "1 000");
	formats_to(100000, 1, " ", "100 000,0");
	formats_to(999.999, 2, " ", "1 000,00");
}

Test(number_format, huge_and_non_finite)
{
	formats_to(1e15, 0, " ", "1 000 000 000 000 000");
	formats_to(-1e12, 2, " ", "-1 000 000 000 000,00");
	char buf[512];
	int n = number_format(buf, sizeof buf, 1e300, 2, " ");
	cr_assert_eq(n, (int)strlen(buf));
	cr_assert_eq(buf[0], '1');
	/* 301 digits, 100 separators, ",00" */
	cr_assert_eq(n, 301 + 100 + 3);
	formats_to(NAN, 0, " ", "\xe2\x80\x93");
	formats_to(INFINITY, 2, " ", "\xe2\x80\x93");
}

Test(number_format, small_buffers_behave_like_snprintf)
{
	char buf[6];
	memset(buf, 'x', sizeof buf);
	int n = number_format(buf, sizeof buf, 1234567.0, 0, " ");
	cr_assert_eq(n, 9); /* "1 234 567" */
	cr_assert_str_eq(buf, "1 234");
	n = number_format(buf, 1, 5.0, 0, " ");
	cr_assert_eq(n, 1);
	cr_assert_str_eq(buf, "");
	n = number_format(NULL, 0, -12.5, 1, " ");
	cr_assert_eq(n, 5); /* "-12,5" */
	char tiny[4];
	n = number_format(tiny, sizeof tiny, 1e6, 0, THOUSANDS_NARROW_NBSP);
	cr_assert_eq(n, 1 + 3 + 3 + 3 + 3); /* 1 + NNBSP + 000 + NNBSP + 000 */
	cr_assert_str_eq(tiny, "1", "a separator is written whole or not at all");
}

Test(percent_format, fraction_as_percent)
{
	char buf[32];
	percent_format(buf, sizeof buf, 0.125, 1, " ");
	cr_assert_str_eq(buf, "12,5 %");
	percent_format(buf, sizeof buf, 0.2, 0, " ");
	cr_assert_str_eq(buf, "20 %");
	percent_format(buf, sizeof buf, 12.5, 0, " ");
	cr_assert_str_eq(buf, "1 250 %");
	int n = percent_format(buf, 3, 0.5, 0, " ");
	cr_assert_eq(n, 4); /* "50 %" */
	cr_assert_str_eq(buf, "50");
	n = percent_format(buf, 4, 0.5, 0, " ");
	cr_assert_eq(n, 4);
	cr_assert_str_eq(buf, "50", "the unit is written whole or not at all");
	percent_format(buf, sizeof buf, NAN, 0, " ");
	cr_assert_str_eq(buf, "\xe2\x80\x93");
	char big[1024];
	/* 1e305 as percent (9,99…e306 in binary): 307 digits, 102 separators
	 * of 3 bytes and " %" = 615 bytes, more than any fixed scratch buffer
	 * inside the formatter would have held. */
	n = percent_format(big, sizeof big, 1e305, 0, THOUSANDS_NARROW_NBSP);
	cr_assert_eq(n, 307 + 102 * 3 + 2);
	cr_assert_eq((size_t)n, strlen(big));
	cr_assert_str_eq(big + n - 2, " %");
}

Test(number_input_hint, is_norwegian_and_non_empty)
{
	cr_assert(strstr(number_input_hint(), "tall") != NULL);
}
