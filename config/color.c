/*
 * color.c: parsing colour names and mapping colours to smaller palettes.
 *
 * Must never: call curses or depend on the terminal: the palette used for
 * distances is xterm's documented default, so results are reproducible.
 */
#include "config.h"

#include "config/color.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const base_names[8] = {"black", "red",     "green", "yellow",
					  "blue",  "magenta", "cyan",  "white"};

/* xterm's default colours 0–15 (its XTerm-col.ad / 256colres.h). */
static const int xterm16[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

static const int cube_levels[6] = {0, 95, 135, 175, 215, 255};

bool color_is_rgb(int c)
{
	return c >= 0 && (c & COLOR_VALUE_RGB_FLAG) != 0;
}

int color_index_rgb(int index)
{
	if (index < 0 || index > 255)
		return 0;
	if (index < 16)
		return xterm16[index];
	if (index < 232) {
		int i = index - 16;
		return (cube_levels[i / 36] << 16) | (cube_levels[(i / 6) % 6] << 8) |
		       cube_levels[i % 6];
	}
	int g = 8 + 10 * (index - 232);
	return (g << 16) | (g << 8) | g;
}

/* "Redmean" distance: a cheap approximation of perceived difference. */
static long distance(int a, int b)
{
	long r1 = (a >> 16) & 0xff, g1 = (a >> 8) & 0xff, b1 = a & 0xff;
	long r2 = (b >> 16) & 0xff, g2 = (b >> 8) & 0xff, b2 = b & 0xff;
	long rmean = (r1 + r2) / 2;
	long dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
	return (((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8);
}

int color_nearest(int rgb, int first, int last)
{
	int best = first;
	long best_d = -1;
	for (int i = first; i <= last; i++) {
		long d = distance(rgb, color_index_rgb(i));
		if (best_d < 0 || d < best_d) {
			best = i;
			best_d = d;
		}
	}
	return best;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

bool color_parse(const char *text, int *out)
{
	while (*text == ' ' || *text == '\t')
		text++;
	char buf[32];
	size_t n = strlen(text);
	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, text, n);
	buf[n] = '\0';

	if (buf[0] == '#') {
		if (n != 7)
			return false;
		int v = 0;
		for (int i = 1; i < 7; i++) {
			int d = hex_digit(buf[i]);
			if (d < 0)
				return false;
			v = v * 16 + d;
		}
		*out = COLOR_VALUE_RGB_FLAG | v;
		return true;
	}
	if (buf[0] >= '0' && buf[0] <= '9') {
		char *end;
		long v = strtol(buf, &end, 10);
		if (*end != '\0' || v > 255)
			return false;
		*out = (int)v;
		return true;
	}
	if (strcasecmp(buf, "default") == 0) {
		*out = COLOR_VALUE_DEFAULT;
		return true;
	}
	if (strcasecmp(buf, "grey") == 0 || strcasecmp(buf, "gray") == 0) {
		*out = 8;
		return true;
	}
	const char *name = buf;
	int offset = 0;
	if (strncasecmp(buf, "bright", 6) == 0) {
		name = buf + 6;
		if (*name == '-' || *name == '_')
			name++;
		offset = 8;
	}
	for (int i = 0; i < 8; i++)
		if (strcasecmp(name, base_names[i]) == 0) {
			*out = i + offset;
			return true;
		}
	return false;
}

void color_format(int c, char *buf, size_t size)
{
	if (c == COLOR_VALUE_DEFAULT)
		snprintf(buf, size, "default");
	else if (color_is_rgb(c))
		snprintf(buf, size, "#%06x", c & 0xffffff);
	else if (c >= 0 && c < 8)
		snprintf(buf, size, "%s", base_names[c]);
	else if (c >= 8 && c < 16)
		snprintf(buf, size, "bright-%s", base_names[c - 8]);
	else
		snprintf(buf, size, "%d", c);
}

int color_basic(int rgb)
{
	int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
	int max = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int min = r < g ? (r < b ? r : b) : (g < b ? g : b);
	int chroma = max - min;
	int light = (max + min) / 2;
	if (max < 48 || chroma < 32) {
		/* A grey: pick by lightness among black, grey, white, bright white. */
		return light < 64 ? 0 : light < 160 ? 8 : light < 224 ? 7 : 15;
	}
	/* Hue in degrees, then the nearest of the six 60° sectors. */
	int hue;
	if (max == r)
		hue = 60 * (g - b) / chroma;
	else if (max == g)
		hue = 120 + 60 * (b - r) / chroma;
	else
		hue = 240 + 60 * (r - g) / chroma;
	if (hue < 0)
		hue += 360;
	static const int sector_color[6] = {1, 3, 2, 6, 4, 5}; /* R Y G C B M */
	int base = sector_color[((hue + 30) / 60) % 6];
	bool bright = light > 150 || max > 238;
	return bright ? base + 8 : base;
}

int color_reduce(int c, int colors, bool *bright)
{
	if (bright != NULL)
		*bright = false;
	if (c == COLOR_VALUE_DEFAULT || colors < 8)
		return COLOR_VALUE_DEFAULT;
	if (colors >= 256)
		return color_is_rgb(c) ? color_nearest(c & 0xffffff, 16, 255) : c;
	int c16 = (!color_is_rgb(c) && c < 16)
			  ? c
			  : color_basic(color_is_rgb(c) ? (c & 0xffffff) : color_index_rgb(c));
	if (colors >= 16)
		return c16;
	if (c16 >= 8) {
		if (bright != NULL)
			*bright = true;
		return c16 - 8;
	}
	return c16;
}
