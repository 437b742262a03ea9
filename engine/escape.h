/*
 * escape.h: showing text from input safely in a message.
 *
 * A message that quotes input (a JSON key, an enum value, a file name, a
 * command-line argument) must not carry the input's control characters to
 * the terminal: ESC, BEL, CR and friends could retitle, clear or rewrite
 * the screen.  Every message builder passes its result through
 * text_escape(), which shows them as text instead:
 *
 *   C0 controls and DEL   \x1b  \x07  \x7f   (tab, newline included)
 *   C1 controls (U+0080–U+009F, which some terminals obey)  \u009b
 *   bytes that are not UTF-8                                  \xff
 *
 * Printable text, UTF-8 included (æøå, €), passes unchanged, and so does a
 * backslash: the escapes are for reading, not for reversing.
 *
 * Must never: allocate, do I/O.
 */
#ifndef UTENFOR_ENGINE_ESCAPE_H
#define UTENFOR_ENGINE_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

/* The longest text text_escape_inplace() handles (longer is cut). */
#define TEXT_ESCAPE_MAX 2048

/*
 * Copy `in` (NUL-terminated) to `out` (`size` bytes) with the characters
 * above escaped; the result is cut at a character or escape boundary to
 * fit and always NUL-terminated.  Returns the number of input bytes
 * consumed (strlen(in) when everything fitted).
 */
size_t text_escape(char *out, size_t size, const char *in);

/* Escape `s` in place; `size` is its buffer's size. */
void text_escape_inplace(char *s, size_t size);

/*
 * The length of the UTF-8 sequence at `p` (1–4), or 0 when the bytes there
 * (at most `avail`) are not a complete, valid one.
 */
size_t text_utf8_length(const unsigned char *p, size_t avail);

/* Does `s` hold anything text_escape() would change? */
bool text_needs_escape(const char *s);

#endif
