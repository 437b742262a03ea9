/*
 * interchange_csv_dialect.c: plain CSV respelled for a Norwegian
 * spreadsheet (interchange/csv_dialect.h), on hand-written inputs.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "interchange/csv_dialect.h"

/* The respelled text of `in`, as a NUL-terminated string to free. */
static char *excel(const char *in)
{
	size_t len = 0;
	char *out = csv_to_dialect(in, strlen(in), CSV_EXCEL_NO, &len);
	cr_assert_not_null(out, "csv_to_dialect refused «%s»", in);
	cr_assert_eq(strlen(out), len, "embedded NUL or wrong length");
	return out;
}

Test(csv_dialect, numbers_get_a_decimal_comma_semicolons_bom_and_crlf)
{
	char *out = excel("year,df,net\n2027,1,-2070000\n2028,0.96153846153846145,91305.900000000009\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBFyear;df;net\r\n2027;1;-2070000\r\n"
			      "2028;0,961538461538461;91305,9\r\n");
	free(out);
}

Test(csv_dialect, exponents_and_signs_are_numbers)
{
	char *out = excel("1e-05,+2.5,-3.25E+20\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBF" "1e-05;2,5;-3,25e+20\r\n");
	free(out);
}

Test(csv_dialect, empty_fields_stay_empty)
{
	char *out = excel("a,,b\n,\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBF" "a;;b\r\n;\r\n");
	free(out);
}

Test(csv_dialect, text_keeps_its_characters_and_is_quoted_where_needed)
{
	/* A quoted "2.5" is a name, not a number: it must not become 2,5 nor
	 * lose its quotes (else the spreadsheet would read a number). */
	char *out = excel("\"Kari; Ola\",\"sa \"\"hei\"\"\",\"2.5\",\"a,b\",\"plain\"\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBF\"Kari; Ola\";\"sa \"\"hei\"\"\";\"2.5\";\"a,b\";plain\r\n");
	free(out);
}

Test(csv_dialect, a_line_break_inside_quotes_is_kept)
{
	char *out = excel("\"to\nlinjer\",1.5\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBF\"to\nlinjer\";1,5\r\n");
	free(out);
}

Test(csv_dialect, crlf_input_and_a_missing_last_newline)
{
	char *out = excel("a,1.5\r\nb,2");
	cr_assert_str_eq(out, "\xEF\xBB\xBF" "a;1,5\r\nb;2");
	free(out);
}

Test(csv_dialect, words_that_look_half_numeric_are_left_alone)
{
	char *out = excel("1.2.3,e5,-,.,12a\n");
	cr_assert_str_eq(out, "\xEF\xBB\xBF" "1.2.3;e5;-;.;12a\r\n");
	free(out);
}

Test(csv_dialect, malformed_input_is_refused)
{
	size_t len = 0;
	cr_assert_null(csv_to_dialect("\"open,1\n", 8, CSV_EXCEL_NO, &len));
	cr_assert_null(csv_to_dialect("\"x\"y,1\n", 7, CSV_EXCEL_NO, &len));
}

Test(csv_dialect, plain_is_the_identity)
{
	const char *in = "year,df\n2027,0.5\n\"a,b\",\"\"\"q\"\"\"\n";
	size_t len = 0;
	char *out = csv_to_dialect(in, strlen(in), CSV_PLAIN, &len);
	cr_assert_not_null(out);
	cr_assert_str_eq(out, in);
	free(out);
}

Test(csv_dialect, empty_input_gives_only_the_bom)
{
	char *out = excel("");
	cr_assert_str_eq(out, "\xEF\xBB\xBF");
	free(out);
}
