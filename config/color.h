/*
 * color.h: colour values of themes and their reduction to what a terminal
 * can show.
 *
 * A colour is an int:
 *   COLOR_VALUE_DEFAULT (-1)   the terminal's own foreground/background
 *   0..255                     a palette index (0–7 normal, 8–15 bright,
 *                              16–231 the 6×6×6 cube, 232–255 greys)
 *   COLOR_VALUE_RGB(r, g, b)   a "#rrggbb" colour, flagged above 0xFFFFFF
 *
 * Reduction to 256 colours picks the nearest colour by a "redmean"
 * weighted RGB distance (closer to what eyes see than plain Euclidean),
 * among 16–255 only, because terminals and users redefine 0–15.
 *
 * Reduction to 16 colours keeps the hue instead (color_basic()): nearest
 * by distance would send every muted colour to grey, and a theme's pale
 * red and pale green must stay red and green.  Greys (low chroma) go by
 * lightness to black, bright-black, white or bright-white; other colours
 * to the nearest of the six hues (red, yellow, green, cyan, blue,
 * magenta), bright when light.  On 8 colours a bright colour (8–15)
 * becomes its normal colour, and for a foreground the caller adds bold,
 * which most terminals show bright.
 *
 * Must never: call curses (the TUI passes the results to init_pair).
 */
#ifndef UTENFOR_CONFIG_COLOR_H
#define UTENFOR_CONFIG_COLOR_H

#include <stdbool.h>
#include <stddef.h>

#define COLOR_VALUE_DEFAULT (-1)
#define COLOR_VALUE_RGB_FLAG 0x1000000
#define COLOR_VALUE_RGB(r, g, b) \
	(COLOR_VALUE_RGB_FLAG | ((int)(r) << 16) | ((int)(g) << 8) | (int)(b))

bool color_is_rgb(int c);

/*
 * "default", "black" … "white", "bright-black" (also "grey"/"gray") …
 * "bright-white" (also "bright_red", "brightred"), "0".."255", "#rrggbb"
 * (quoted in the file: an unquoted # starts a comment).  Case-insensitive.
 */
bool color_parse(const char *text, int *out);

/* The name color_parse() reads back: "red", "196", "#1e1e2e", "default". */
void color_format(int c, char *buf, size_t size);

/* The RGB of a palette index (xterm's defaults for 0–15), as 0xRRGGBB. */
int color_index_rgb(int index);

/* Nearest palette index in first..last (0 ≤ first ≤ last ≤ 255) to an RGB
 * value 0xRRGGBB. */
int color_nearest(int rgb, int first, int last);

/* The 16-colour index (0–15) with the hue and lightness of 0xRRGGBB. */
int color_basic(int rgb);

/*
 * `c` as a terminal with `colors` colours can show it: -1 stays -1;
 * colors ≥ 256: indexes as they are, RGB to 16–255; colors 16–255: to
 * 0–15; colors 8–15: to 0–7, and *bright is set when the 16-colour value
 * was bright (8–15).  `bright` may be NULL.  colors < 8 gives -1.
 */
int color_reduce(int c, int colors, bool *bright);

#endif
