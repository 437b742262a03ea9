/*
 * line_edit.h: a one-line text editor over a fixed UTF-8 buffer, the part
 * of every field and the search prompt that knows about bytes, characters
 * and columns.  The cursor always sits on a character boundary; moving and
 * deleting treat a base character with its combining marks as one.
 *
 * Must never: call ncurses or allocate.
 */
#ifndef UTENFOR_TUI_LINE_EDIT_H
#define UTENFOR_TUI_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_EDIT_SIZE 1024 /* bytes including the NUL: the longest model text */

struct line_edit {
	char buf[LINE_EDIT_SIZE]; /* always NUL-terminated UTF-8 */
	size_t len;               /* bytes in buf */
	size_t cursor;            /* byte offset, on a character boundary */
	size_t limit;             /* max bytes accepted (< LINE_EDIT_SIZE) */
	int scroll;               /* first visible column, see line_edit_view() */
};

/* Start editing `text` with the cursor at its end.  `limit` is the longest
 * text (in bytes) the field can store; 0 means the buffer's. */
void line_edit_init(struct line_edit *e, const char *text, size_t limit);
/* Insert bytes (one or more whole characters).  false when they would not
 * fit the limit: nothing is inserted. */
bool line_edit_insert(struct line_edit *e, const char *bytes, size_t n);
bool line_edit_backspace(struct line_edit *e);
bool line_edit_delete(struct line_edit *e);
void line_edit_left(struct line_edit *e);
void line_edit_right(struct line_edit *e);
void line_edit_home(struct line_edit *e);
void line_edit_end(struct line_edit *e);
/* Ctrl-U: delete everything before the cursor; Ctrl-K: after it. */
void line_edit_kill_before(struct line_edit *e);
void line_edit_kill_after(struct line_edit *e);

/* Column of the cursor within the whole text. */
int line_edit_cursor_column(const struct line_edit *e);

/*
 * Fit the text into `width` columns with the cursor visible (keeping room
 * for the cursor cell at the end).  Updates e->scroll and gives the byte
 * range [*start, *end) to draw and the cursor's column inside the window.
 */
void line_edit_view(struct line_edit *e, int width, size_t *start, size_t *end, int *cursor_x);

#endif
