/* Tests for tui/text.c and tui/line_edit.c: widths, truncation and cursor
 * movement by display column over æøå, wide CJK and combining marks. */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "tui/line_edit.h"
#include "session/text.h"

static void utf8(void)
{
	cr_assert_not_null(setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8 locale missing");
}

/* "e" + U+0301 COMBINING ACUTE: 3 bytes, 1 column. */
#define E_ACUTE "e\xcc\x81"
/* U+6F22 (漢): 3 bytes, 2 columns. */
#define HAN "\xe6\xbc\xa2"

TestSuite(text, .init = utf8);
TestSuite(line_edit, .init = utf8);

Test(text, width_counts_columns_not_bytes)
{
	cr_assert_eq(text_width("abc"), 3);
	cr_assert_eq(text_width("æøå"), 3);           /* 6 bytes */
	cr_assert_eq(text_width(HAN HAN), 4);         /* 6 bytes */
	cr_assert_eq(text_width("caf" E_ACUTE), 4);   /* 6 bytes */
	cr_assert_eq(text_width("1\xe2\x80\xaf" "234"), 5); /* U+202F is one column */
	cr_assert_eq(text_width(""), 0);
}

Test(text, invalid_bytes_count_one_column_each)
{
	cr_assert_eq(text_width("a\xff" "b"), 3);
	cr_assert_eq(text_width("\xc3"), 1); /* truncated sequence */
}

Test(text, fit_never_splits_a_character)
{
	int used;
	cr_assert_eq(text_fit("æøå", 2, &used), 4);
	cr_assert_eq(used, 2);
	/* A wide character that would straddle the edge is left out. */
	cr_assert_eq(text_fit("a" HAN, 2, &used), 1);
	cr_assert_eq(used, 1);
	/* The combining mark stays with its base. */
	cr_assert_eq(text_fit("caf" E_ACUTE "x", 4, &used), 6);
	cr_assert_eq(used, 4);
}

Test(text, truncate_marks_the_cut_with_an_ellipsis)
{
	char buf[64];
	cr_assert_eq(text_truncate(buf, sizeof buf, "Målgruppe", 5, false), 5);
	cr_assert_str_eq(buf, "Målg…");
	cr_assert_eq(text_truncate(buf, sizeof buf, "Målgruppe", 5, true), 5);
	cr_assert_str_eq(buf, "Målg~");
	cr_assert_eq(text_truncate(buf, sizeof buf, "kort", 10, false), 4);
	cr_assert_str_eq(buf, "kort");
	/* 漢漢漢 in 5 columns: two wide chars (4) + ellipsis (1). */
	cr_assert_eq(text_truncate(buf, sizeof buf, HAN HAN HAN, 5, false), 5);
	cr_assert_str_eq(buf, HAN HAN "…");
	/* 漢漢漢 in 4 columns: one wide char + ellipsis = 3, never 5. */
	cr_assert_eq(text_truncate(buf, sizeof buf, HAN HAN HAN, 4, false), 3);
}

Test(text, prev_next_step_over_whole_characters)
{
	const char *s = "a" E_ACUTE "ø" HAN;
	size_t len = strlen(s);
	size_t p = 0;
	p = text_next(s, len, p);
	cr_assert_eq(p, 1);
	p = text_next(s, len, p);
	cr_assert_eq(p, 4, "e + combining acute is one step");
	p = text_next(s, len, p);
	cr_assert_eq(p, 6);
	p = text_next(s, len, p);
	cr_assert_eq(p, 9);
	cr_assert_eq(text_next(s, len, p), 9);
	cr_assert_eq(text_prev(s, len, 9), 6);
	cr_assert_eq(text_prev(s, len, 6), 4);
	cr_assert_eq(text_prev(s, len, 4), 1);
	cr_assert_eq(text_prev(s, len, 1), 0);
	cr_assert_eq(text_prev(s, len, 0), 0);
}

Test(text, ascii_transliterates_norwegian_letters)
{
	char buf[64];
	text_ascii(buf, sizeof buf, "Målgrupper – Ærlig «Ø» 漢");
	cr_assert_str_eq(buf, "Malgrupper - AErlig \"O\" ?");
	text_ascii(buf, 6, "ææææ");
	cr_assert_str_eq(buf, "aeae");
}

Test(text, contains_fold_ignores_case_of_aeoa)
{
	cr_assert(text_contains_fold("Oppfølgingslos", "FØLG"));
	cr_assert(text_contains_fold("Økonomisk sosialhjelp", "øko"));
	cr_assert(text_contains_fold("abc", ""));
	cr_assert_not(text_contains_fold("abc", "abd"));
}

Test(text, cut_bytes_keeps_whole_characters)
{
	char s[] = "abæøå";
	text_cut_bytes(s, 4); /* a b (2 bytes) then æ (2 bytes) = 4 */
	cr_assert_str_eq(s, "abæ");
	char t[] = "abæøå";
	text_cut_bytes(t, 5); /* ø would need bytes 5-6 */
	cr_assert_str_eq(t, "abæ");
}

Test(line_edit, insert_and_backspace_by_character)
{
	struct line_edit e;
	line_edit_init(&e, "", 0);
	cr_assert(line_edit_insert(&e, "B", 1));
	cr_assert(line_edit_insert(&e, "ø", 2));
	cr_assert(line_edit_insert(&e, "r", 1));
	cr_assert_str_eq(e.buf, "Bør");
	cr_assert_eq(line_edit_cursor_column(&e), 3);
	line_edit_left(&e);
	cr_assert_eq(e.cursor, 3);
	cr_assert(line_edit_backspace(&e)); /* removes ø, both bytes */
	cr_assert_str_eq(e.buf, "Br");
	cr_assert_eq(e.cursor, 1);
	cr_assert_eq(e.len, 2);
}

Test(line_edit, combining_mark_is_deleted_with_its_base)
{
	struct line_edit e;
	line_edit_init(&e, "caf" E_ACUTE, 0);
	cr_assert_eq(line_edit_cursor_column(&e), 4);
	cr_assert(line_edit_backspace(&e));
	cr_assert_str_eq(e.buf, "caf");
	line_edit_init(&e, "x" E_ACUTE "y", 0);
	line_edit_home(&e);
	line_edit_right(&e);
	cr_assert(line_edit_delete(&e));
	cr_assert_str_eq(e.buf, "xy");
}

Test(line_edit, wide_characters_move_the_cursor_two_columns)
{
	struct line_edit e;
	line_edit_init(&e, HAN "a", 0);
	line_edit_home(&e);
	line_edit_right(&e);
	cr_assert_eq(line_edit_cursor_column(&e), 2);
	cr_assert_eq(e.cursor, 3);
}

Test(line_edit, limit_refuses_without_cutting_a_character)
{
	struct line_edit e;
	line_edit_init(&e, "abc", 4);
	cr_assert_not(line_edit_insert(&e, "ø", 2), "5 bytes > limit 4");
	cr_assert_str_eq(e.buf, "abc");
	cr_assert(line_edit_insert(&e, "d", 1));
	/* A long start text is cut on a character boundary. */
	line_edit_init(&e, "aøøø", 4);
	cr_assert_str_eq(e.buf, "aø");
}

Test(line_edit, kill_before_and_after)
{
	struct line_edit e;
	line_edit_init(&e, "1 234,50", 0);
	line_edit_home(&e);
	line_edit_right(&e);
	line_edit_right(&e);
	line_edit_kill_after(&e);
	cr_assert_str_eq(e.buf, "1 ");
	line_edit_init(&e, "1 234,50", 0);
	line_edit_left(&e);
	line_edit_left(&e);
	line_edit_kill_before(&e);
	cr_assert_str_eq(e.buf, "50");
	cr_assert_eq(e.cursor, 0);
}

Test(line_edit, view_scrolls_to_keep_the_cursor_visible)
{
	struct line_edit e;
	line_edit_init(&e, "abcdefghij", 0); /* cursor at column 10 */
	size_t start, end;
	int cx;
	line_edit_view(&e, 5, &start, &end, &cx);
	/* 4 columns of text before the cursor cell. */
	cr_assert_eq(start, 6);
	cr_assert_eq(end, 10);
	cr_assert_eq(cx, 4);
	line_edit_home(&e);
	line_edit_view(&e, 5, &start, &end, &cx);
	cr_assert_eq(start, 0);
	cr_assert_eq(end, 5);
	cr_assert_eq(cx, 0);
}

Test(line_edit, view_skips_a_wide_character_straddling_the_left_edge)
{
	struct line_edit e;
	line_edit_init(&e, HAN HAN HAN, 0); /* 6 columns, cursor at 6 */
	size_t start, end;
	int cx;
	line_edit_view(&e, 4, &start, &end, &cx);
	/* scroll 3 would split the second 漢: it starts at column 4 instead. */
	cr_assert_eq(start, 6);
	cr_assert_eq(end, 9);
	cr_assert_eq(cx, 2);
}
