/*
 * text.h: UTF-8 text measured in terminal columns, not bytes.
 *
 * Everything that places text on the screen or moves a cursor through it
 * goes through these functions, so æøå (2 bytes, 1 column), CJK (3 bytes,
 * 2 columns) and combining marks (bytes, 0 columns) line up.  Decoding uses
 * mbrtowc()/wcwidth(), i.e. the LC_CTYPE locale; a byte that does not
 * decode (invalid UTF-8, or any non-ASCII byte under the C locale) counts
 * as one column so that nothing is ever lost or misplaced.  Non-printable
 * characters count as one column too: they are drawn as '?'.
 *
 * Must never: call ncurses, allocate, or read past the given length.
 */
#ifndef UTENFOR_SESSION_TEXT_H
#define UTENFOR_SESSION_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Length in bytes and display width of the character at s (len bytes
 * available, len ≥ 1).  Returns the byte length (≥ 1). */
size_t text_char(const char *s, size_t len, int *width);

/* Display width of the first `len` bytes of s. */
int text_width_n(const char *s, size_t len);
/* Display width of a NUL-terminated string. */
int text_width(const char *s);

/*
 * The longest prefix of s (NUL-terminated) whose width is ≤ max_width,
 * in bytes; never splits a character, and keeps a zero-width (combining)
 * character with the base it follows.  *used receives its width (may be
 * NULL).
 */
size_t text_fit(const char *s, int max_width, int *used);

/*
 * Copy s into dst (size bytes) cut to at most max_width columns; when it
 * had to be cut and the width allows, the last column is '…' (UTF-8) or
 * '~' (ascii).  Returns the width written.
 */
int text_truncate(char *dst, size_t size, const char *s, int max_width, bool ascii);

/* Byte offset of the character before/after byte offset `pos` in s
 * (len bytes).  A base character and the combining marks after it move as
 * one. */
size_t text_prev(const char *s, size_t len, size_t pos);
size_t text_next(const char *s, size_t len, size_t pos);

/*
 * ASCII rendering for terminals without UTF-8: æ→ae, ø→o, å→a (and
 * capitals), '–'→'-', '«»'→'"', any other non-ASCII character → '?'.
 * Always NUL-terminates within size.
 */
void text_ascii(char *dst, size_t size, const char *s);

/* Cut s in place to at most max_bytes bytes, never inside a character. */
void text_cut_bytes(char *s, size_t max_bytes);

/* Case-insensitive (ASCII letters and æøå/ÆØÅ) substring search. */
bool text_contains_fold(const char *haystack, const char *needle);

#endif
