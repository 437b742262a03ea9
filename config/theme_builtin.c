/*
 * theme_builtin.c: the element names, their monochrome defaults, and the
 * built-in "standard" theme, so that the program has readable colours
 * even when no theme file is installed.
 *
 * Invariant: theme_builtin() equals themes/standard.ini (a test checks).
 * Must never: call curses.
 */
#include "config.h"

#include "config/theme.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define B THEME_ATTR_BOLD
#define R THEME_ATTR_REVERSE
#define U THEME_ATTR_UNDERLINE
#define D THEME_ATTR_DIM

static const char *const element_keys[UI_ELEMENT_COUNT] = {
	[UI_NORMAL] = "normal",
	[UI_TITLE] = "title",
	[UI_TAB] = "tabs",
	[UI_TAB_ACTIVE] = "tab_active",
	[UI_HEADER] = "header",
	[UI_SELECTED] = "selected",
	[UI_EDITING] = "editing",
	[UI_INVALID] = "invalid",
	[UI_POSITIVE] = "positive",
	[UI_NEGATIVE] = "negative",
	[UI_KOMMUNE] = "kommune",
	[UI_FYLKESKOMMUNE] = "fylkeskommune",
	[UI_STAT] = "stat",
	[UI_STATUS] = "status",
	[UI_HINTS] = "hints",
	[UI_BORDER] = "border",
	[UI_NOTICE] = "notice",
	[UI_ERROR] = "error",
};

/*
 * Without colour, what must stay visible is where you are (tab, row,
 * field), what is wrong (invalid, error) and the structure (title, header,
 * status).  The three bearers differ by attribute too; the TUI also draws
 * them with different glyphs, since attributes alone are weak on bars.
 */
static const unsigned mono_defaults[UI_ELEMENT_COUNT] = {
	[UI_NORMAL] = 0,
	[UI_TITLE] = B,
	[UI_TAB] = 0,
	[UI_TAB_ACTIVE] = R | B,
	[UI_HEADER] = B | U,
	[UI_SELECTED] = R,
	[UI_EDITING] = U | B,
	[UI_INVALID] = R | B,
	[UI_POSITIVE] = 0,
	[UI_NEGATIVE] = 0,
	[UI_KOMMUNE] = 0,
	[UI_FYLKESKOMMUNE] = B,
	[UI_STAT] = D,
	[UI_STATUS] = R,
	[UI_HINTS] = 0,
	[UI_BORDER] = 0,
	[UI_NOTICE] = B,
	[UI_ERROR] = B | R,
};

/* The 8 basic colours only, on the terminal's own background, so it reads
 * on light and dark terminals and survives every fallback unchanged. */
static const struct theme_style standard[UI_ELEMENT_COUNT] = {
	[UI_NORMAL] = {-1, -1, 0, 0},
	[UI_TITLE] = {7, 4, B, B},
	[UI_TAB] = {7, 4, 0, 0},
	[UI_TAB_ACTIVE] = {0, 6, B, R | B},
	[UI_HEADER] = {6, -1, B, B | U},
	[UI_SELECTED] = {0, 6, 0, R},
	[UI_EDITING] = {0, 3, 0, U | B},
	[UI_INVALID] = {7, 1, B, R | B},
	[UI_POSITIVE] = {2, -1, 0, 0},
	[UI_NEGATIVE] = {1, -1, 0, 0},
	[UI_KOMMUNE] = {6, -1, 0, 0},
	[UI_FYLKESKOMMUNE] = {5, -1, 0, B},
	[UI_STAT] = {3, -1, 0, D},
	[UI_STATUS] = {0, 7, 0, R},
	[UI_HINTS] = {6, -1, 0, 0},
	[UI_BORDER] = {-1, -1, D, 0}, /* not blue: unreadable on dark terminals */
	[UI_NOTICE] = {6, -1, B, B},
	[UI_ERROR] = {7, 1, B, B | R},
};

const char *ui_element_key(enum ui_element e)
{
	return (unsigned)e < UI_ELEMENT_COUNT ? element_keys[e] : "normal";
}

unsigned theme_default_mono(enum ui_element e)
{
	return (unsigned)e < UI_ELEMENT_COUNT ? mono_defaults[e] : 0;
}

void theme_builtin(struct theme *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "standard");
	snprintf(out->name, sizeof out->name, "standard");
	memcpy(out->style, standard, sizeof standard);
}

bool theme_no_color_env(void)
{
	const char *v = getenv("NO_COLOR");
	return v != NULL && v[0] != '\0';
}

void theme_resolve(const struct theme *t, int colors, bool no_color, struct resolved_theme *out)
{
	int depth = no_color || colors < 8 ? 0 : colors >= 256 ? 256 : colors >= 16 ? 16 : 8;
	out->colors = depth;
	out->color = depth > 0;
	for (int e = 0; e < UI_ELEMENT_COUNT; e++) {
		const struct theme_style *s = &t->style[e];
		struct resolved_style *r = &out->style[e];
		if (depth == 0) {
			*r = (struct resolved_style){-1, -1, s->mono_attrs};
			continue;
		}
		bool bright;
		r->fg = color_reduce(s->fg, depth, &bright);
		r->bg = color_reduce(s->bg, depth, NULL);
		r->attrs = s->attrs | (bright ? THEME_ATTR_BOLD : 0);
		/* Equal fg and bg after reduction would hide the text: keep the
		 * screen's colours and mark the element the monochrome way. */
		if (r->fg != -1 && r->fg == r->bg && s->fg != s->bg) {
			const struct resolved_style *n = &out->style[UI_NORMAL];
			bool normal_ok = e != UI_NORMAL && n->fg != n->bg;
			*r = (struct resolved_style){normal_ok ? n->fg : -1, normal_ok ? n->bg : -1,
						     s->mono_attrs};
		}
	}
}
