/* Tests for tui/layout.c, tui/chart.c and tui/keys.c: screen bands, pane
 * splits, column fitting, chart geometry and the key table. */
#include <criterion/criterion.h>
#include <string.h>

#include "tui/chart.h"
#include "tui/curses.h" /* key code constants only: no curses call is made */
#include "tui/keys.h"
#include "tui/layout.h"

Test(layout, screen_bands)
{
	struct screen_layout l;
	layout_screen(30, 100, &l);
	cr_assert_not(l.too_small);
	cr_assert_eq(l.tabs.y, 0);
	cr_assert_eq(l.body.y, 1);
	cr_assert_eq(l.body.h, 27);
	cr_assert_eq(l.status.y, 28);
	cr_assert_eq(l.hints.y, 29);
	cr_assert_eq(l.body.w, 100);
	layout_screen(10, 40, &l);
	cr_assert(l.too_small);
	layout_screen(LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS, &l);
	cr_assert_not(l.too_small);
	layout_screen(LAYOUT_MIN_ROWS - 1, LAYOUT_MIN_COLS, &l);
	cr_assert(l.too_small);
}

Test(layout, column_split_respects_minimums)
{
	struct rect r = {1, 0, 20, 100}, left, right;
	layout_split_columns(&r, 40, 24, 36, &left, &right);
	cr_assert_eq(left.w, 40);
	cr_assert_eq(right.x, 41);
	cr_assert_eq(right.w, 59);
	/* Narrow: the right pane keeps its minimum, the left shrinks to fit. */
	r.w = 64;
	layout_split_columns(&r, 60, 10, 36, &left, &right);
	cr_assert_eq(right.w, 36);
	cr_assert_eq(left.w, 27);
}

Test(layout, row_split_keeps_the_bottom_minimum)
{
	struct rect r = {1, 0, 27, 100}, top, bottom;
	layout_split_rows(&r, 17, 7, &top, &bottom);
	cr_assert_eq(top.h, 17);
	cr_assert_eq(bottom.y, 18);
	cr_assert_eq(bottom.h, 10);
	r.h = 21;
	layout_split_rows(&r, 17, 7, &top, &bottom);
	cr_assert_eq(top.h, 14);
	cr_assert_eq(bottom.h, 7);
}

Test(layout, table_drops_low_priority_columns_and_grows_flex)
{
	const struct table_col cols[] = {
		{"Navn", 10, 9, false, true},
		{"Kilde", 10, 1, false, false},
		{"Beløp", 10, 5, true, false},
	};
	int w[3];
	cr_assert_eq(layout_table(cols, 3, 40, w), 3);
	/* 10+10+10 + 2 gaps = 32: flex gets the 8 left over. */
	cr_assert_eq(w[0], 18);
	cr_assert_eq(w[1], 10);
	cr_assert_eq(w[2], 10);
	cr_assert_eq(layout_table(cols, 3, 25, w), 2);
	cr_assert_eq(w[1], 0, "Kilde has the lowest priority");
	cr_assert_eq(w[0], 14);
	cr_assert_eq(w[2], 10);
	cr_assert_eq(layout_table(cols, 3, 12, w), 1);
	cr_assert_eq(w[0], 12);
	cr_assert_eq(w[2], 0);
}

/* The cursor's column stays however low its priority; the others make
 * room for it by the usual order. */
Test(layout, kept_column_is_shown_in_place_of_others)
{
	struct table_col cols[] = {
		{"Navn", 10, 9, false, true},
		{"Beløp", 10, 8, true, false},
		{"Fra", 5, 6, true, false},
		{"Sektor", 10, 1, false, false},
	};
	int w[4];
	/* 10 + 10 + 5 + 10 + 3 gaps = 38 > 32. */
	cr_assert_eq(layout_table_keep(cols, 4, 32, w, -1), 3);
	cr_assert_eq(w[3], 0, "unkept, Sektor goes first");
	cr_assert_eq(w[0], 15, "and the name takes what is left");
	cr_assert_eq(layout_table_keep(cols, 4, 32, w, 3), 3);
	cr_assert_eq(w[3], 10);
	cr_assert_eq(w[2], 0, "Fra makes room");
	cr_assert_eq(w[1], 10);
	cr_assert_eq(layout_table_keep(cols, 4, 12, w, 3), 1);
	cr_assert_eq(w[3], 10, "it stays, alone");
	cr_assert_eq(w[0], 0);
}

Test(layout, scroll_keeps_selection_visible)
{
	cr_assert_eq(layout_scroll(0, 5, 10, 50), 0);
	cr_assert_eq(layout_scroll(0, 12, 10, 50), 3);
	cr_assert_eq(layout_scroll(10, 4, 10, 50), 4);
	cr_assert_eq(layout_scroll(45, 49, 10, 50), 40);
	cr_assert_eq(layout_scroll(3, 2, 10, 5), 0, "short lists never scroll");
}

Test(chart, bars_split_range_between_positive_and_negative)
{
	const double v[4] = {-100, 0, 100, 300};
	struct chart_scale s;
	chart_scale_compute(v, 4, 4, 8, &s);
	cr_assert_eq(s.bar_width, 2);
	cr_assert_eq(s.per_column, 1);
	cr_assert_float_eq(s.max, 300, 1e-9);
	cr_assert_float_eq(s.min, -100, 1e-9);
	/* 4 rows over 400: 100 per row; zero line at 3 rows from the top. */
	int sign;
	cr_assert_str_eq(chart_glyph(&s, v, 0, 6, true, &sign), "#");
	cr_assert_eq(sign, 1);
	cr_assert_str_eq(chart_glyph(&s, v, 0, 4, true, &sign), "", "100 fills only row 2");
	cr_assert_str_eq(chart_glyph(&s, v, 2, 4, true, &sign), "#");
	cr_assert_str_eq(chart_glyph(&s, v, 3, 0, true, &sign), "#");
	cr_assert_eq(sign, -1);
	cr_assert_str_eq(chart_glyph(&s, v, 2, 0, true, &sign), "");
	cr_assert_str_eq(chart_glyph(&s, v, 3, 2, true, &sign), "", "zero has no bar");
	cr_assert_str_eq(chart_glyph(&s, v, 0, 8, true, &sign), "", "past the bars");
	/* UTF-8: a full cell is the full block. */
	cr_assert_str_eq(chart_glyph(&s, v, 1, 6, false, &sign), "\xe2\x96\x88");
}

Test(chart, partial_cells_use_eighth_blocks)
{
	const double v[1] = {150};
	struct chart_scale s;
	chart_scale_compute(v, 1, 2, 1, &s);
	/* 2 rows over 150: 75 per row; 150 fills both rows fully. */
	int sign;
	cr_assert_str_eq(chart_glyph(&s, v, 0, 0, false, &sign), "\xe2\x96\x88");
	const double w[2] = {200, 50};
	chart_scale_compute(w, 2, 2, 2, &s);
	/* 100 per row: 50 fills half the bottom row: ▄ (4/8). */
	cr_assert_str_eq(chart_glyph(&s, w, 1, 1, false, &sign), "\xe2\x96\x84");
	cr_assert_str_eq(chart_glyph(&s, w, 0, 1, false, &sign), "");
}

Test(chart, long_series_fold_into_columns)
{
	double v[100];
	for (int i = 0; i < 100; i++)
		v[i] = i;
	struct chart_scale s;
	chart_scale_compute(v, 100, 5, 40, &s);
	cr_assert_eq(s.per_column, 3);
	cr_assert_eq(chart_value_index(&s, 0), 2, "a folded column shows its last value");
	cr_assert_eq(chart_value_index(&s, 33), 99);
	cr_assert_eq(chart_value_index(&s, 34), -1);
}

Test(keys, curses_codes_map_to_config_codes)
{
	cr_assert_eq(tui_keycode(true, KEY_DOWN), KEYC_DOWN);
	cr_assert_eq(tui_keycode(true, KEY_NPAGE), KEYC_PAGE_DOWN);
	cr_assert_eq(tui_keycode(true, KEY_BTAB), KEYC_BACKTAB);
	cr_assert_eq(tui_keycode(true, KEY_F(1)), KEYC_F(1));
	cr_assert_eq(tui_keycode(true, KEY_ENTER), KEYC_ENTER);
	cr_assert_eq(tui_keycode(false, '\n'), KEYC_ENTER, "terminals send \\n or \\r for Enter");
	cr_assert_eq(tui_keycode(false, '\r'), KEYC_ENTER);
	cr_assert_eq(tui_keycode(false, 8), KEYC_BACKSPACE);
	cr_assert_eq(tui_keycode(true, KEY_BACKSPACE), KEYC_BACKSPACE);
	cr_assert_eq(tui_keycode(false, 0xe6), 0xe6, "æ is its code point");
	cr_assert_eq(tui_keycode(true, KEY_MOUSE), KEYC_NONE);
}

Test(keys, default_preset_through_the_mapping)
{
	struct keymap k;
	keymap_preset(&k, KEY_SCHEME_DEFAULT);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(true, KEY_DOWN)), ACTION_DOWN);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(false, 'j')), ACTION_DOWN);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(false, '\n')), ACTION_EDIT);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(false, KEY_CTRL('r'))), ACTION_REDO);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(false, KEY_ESCAPE)), ACTION_CANCEL);
	cr_assert_eq(keymap_lookup(&k, tui_keycode(true, KEY_F(1))), ACTION_HELP);
	char buf[64];
	tui_keys_for(&k, ACTION_UNDO, buf, sizeof buf);
	cr_assert(strstr(buf, "u") == buf, "%s", buf);
}
