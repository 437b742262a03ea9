/*
 * Control characters quoted from input are shown escaped (issue 18 item
 * 5): engine/escape.h itself, and the message builders that use it
 * (problems_add for validation and the JSON reader, store_fail).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "engine/escape.h"
#include "engine/validate.h"
#include "interchange/json.h"
#include "store/store.h"

static void expect(const char *in, const char *want)
{
	char out[256];
	size_t used = text_escape(out, sizeof out, in);
	cr_assert_str_eq(out, want, "escape of %zu bytes", strlen(in));
	cr_assert_eq(used, strlen(in));
	cr_assert_eq(text_needs_escape(in), strcmp(in, want) != 0);
}

Test(escape, c0_del_c1_and_bad_bytes)
{
	expect("\x1b]0;PWNED\x07\x1b[2J", "\\x1b]0;PWNED\\x07\\x1b[2J");
	expect("a\r\nb\tc", "a\\x0d\\x0ab\\x09c");
	expect("del\x7f", "del\\x7f");
	expect("c1 \xc2\x9b" "2J", "c1 \\u009b2J"); /* U+009B, CSI as one character */
	expect("\xc2\x80\xc2\x9f", "\\u0080\\u009f");
	expect("lone \x9b byte", "lone \\x9b byte");
	expect("cut \xc3", "cut \\xc3");
	expect("overlong \xc0\xaf", "overlong \\xc0\\xaf");
	expect("surrogate \xed\xa0\x80", "surrogate \\xed\\xa0\\x80");
}

Test(escape, printable_text_unchanged)
{
	expect("Blåbærsyltetøy € — 漢字 \\u0000", "Blåbærsyltetøy € — 漢字 \\u0000");
	expect("\xc2\xa0nbsp and \xc2\xa9", "\xc2\xa0nbsp and \xc2\xa9");
	expect("", "");
}

Test(escape, cut_at_an_escape_boundary)
{
	char out[8];
	size_t used = text_escape(out, sizeof out, "ab\x1b" "cd");
	/* "ab\x1b" is 6 bytes; "c" fits as the 7th. */
	cr_assert_str_eq(out, "ab\\x1bc");
	cr_assert_eq(used, 4);
	used = text_escape(out, 5, "ab\x1b");
	cr_assert_str_eq(out, "ab", "an escape is never cut in half");
	cr_assert_eq(used, 2);
	char s[16] = "æ\x1bø";
	text_escape_inplace(s, sizeof s);
	cr_assert_str_eq(s, "æ\\x1bø");
}

Test(escape, problems_quote_escaped)
{
	struct problems pr;
	problems_clear(&pr);
	problems_add(&pr, "measures[0].\x1b[2J", "ukjent verdi «%s»", "\x1b]0;X\x07");
	cr_assert_str_eq(pr.list[0].path, "measures[0].\\x1b[2J");
	cr_assert_str_eq(pr.list[0].message, "ukjent verdi «\\x1b]0;X\\x07»");
}

static void assert_clean(const char *text)
{
	for (const char *p = text; *p; p++)
		cr_assert((unsigned char)*p >= 0x20 && *p != 0x7f, "raw control 0x%02x in «%s»",
			  (unsigned char)*p, text);
}

Test(escape, json_reader_keys_values_and_groups)
{
	static const char doc[] =
		"{\"format\":\"utenfor-workbook\",\"version\":1,"
		"\"\\u001b]0;PWNED\\u0007\\u001b[2J\":1,"
		"\"workbook\":{\"name\":\"x\",\"base_year\":2025,"
		"\"discount\":{\"mode\":\"\\u001b[31mred\"}},"
		"\"groups\":[],"
		"\"measures\":[{\"name\":\"m\",\"group\":\"g\\u001b[2J\",\"participants\":1,"
		"\"start_year\":2025,\"duration\":1,\"cost_per_participant\":1,"
		"\"payer\":{\"kommune\":1},\"success_rate\":0.5}]}";
	struct workbook wb;
	workbook_init(&wb);
	struct problems pr;
	cr_assert_neq(json_read_workbook(doc, strlen(doc), &wb, &pr), 0);
	cr_assert_geq(pr.count, 3);
	int seen = 0;
	for (size_t i = 0; i < pr.count; i++) {
		char line[PROBLEM_PATH_SIZE + PROBLEM_MESSAGE_SIZE + 4];
		problem_format(&pr.list[i], line, sizeof line);
		assert_clean(line);
		seen += strstr(line, "\\x1b") != NULL;
	}
	cr_assert_geq(seen, 3, "the key, the mode and the group are each quoted escaped");
	workbook_free(&wb);
}

Test(escape, store_messages_escape_file_names)
{
	struct store *s = NULL;
	struct store_error err = {0};
	cr_assert_neq(store_open("/nonexistent/\x1b[2J\x07.utenfor", 0, &s, &err), STORE_OK);
	assert_clean(err.message);
	cr_assert(strstr(err.message, "/nonexistent/\\x1b[2J\\x07.utenfor") != NULL, "%s",
		  err.message);
}
