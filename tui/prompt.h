/*
 * prompt.h: what takes the keys before the view does — the field editor,
 * the search line, a yes/no question — as a small stack, as tmux's
 * status_prompt and window modes do.  The top prompt sees every key first;
 * a question asked while typing (none today) would stack on the editor.
 *
 * A prompt answers each key with PROMPT_TAKEN, or PROMPT_PASS when it
 * closed and the key should go on to the view (↑ ↓ Tab save a field and
 * then move, as in a spreadsheet).  While any prompt is open the store
 * is not polled: a commit detects a conflict instead.
 *
 * Must never: outlive the row it acts on without checking it still exists
 * (a question keeps the row's key, not its index).
 */
#ifndef UTENFOR_TUI_PROMPT_H
#define UTENFOR_TUI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "session/session.h"
#include "tui/layout.h"
#include "tui/line_edit.h"

struct app;
struct prompt;

enum prompt_result { PROMPT_TAKEN, PROMPT_PASS };

struct prompt_class {
	const char *name;
	/* One key: a wide character, or a curses key code when is_code. */
	enum prompt_result (*key)(struct app *a, struct prompt *p, bool is_code, int key);
	/* Pasted text (never run as keys); NULL: the paste is refused. */
	void (*paste)(struct app *a, struct prompt *p, const char *text, size_t len);
	/* The status line while open; NULL: the usual status line. */
	void (*draw)(struct app *a, const struct prompt *p, const struct rect *line);
	/* The keys for the bottom line. */
	const char *(*hints)(const struct app *a, const struct prompt *p);
};

/* A yes/no question's answer; `row` is what the question was about. */
typedef void (*prompt_answer_fn)(struct app *a, bool yes, struct row_key row, const char *arg);

struct prompt {
	const struct prompt_class *cls;
	struct line_edit line;  /* the search text */
	char question[300];
	const char *yes_hint;   /* "j:ja, slett" */
	prompt_answer_fn answer;
	struct row_key row;
	char arg[4096];         /* e.g. the report path being asked about */
};

#define PROMPT_MAX 4

/* Open a prompt of `cls` on top; NULL when the stack is full. */
struct prompt *prompt_push(struct app *a, const struct prompt_class *cls);
/* Close the top prompt. */
void prompt_pop(struct app *a);
/* The top prompt, or NULL. */
struct prompt *prompt_top(const struct app *a);
/* Is a prompt of `cls` open anywhere in the stack? */
bool prompt_open(const struct app *a, const struct prompt_class *cls);
/* Hand a key to the top prompt; false when no prompt is open. *passed
 * is set when the prompt closed and the key goes on to the view. */
bool prompt_key(struct app *a, bool is_code, int key, bool *passed);

/* prompt_confirm.c: ask a yes/no question (j/y = yes, anything else no).
 * A deletion asked when [ui] confirm_delete is false is answered yes at
 * once. */
extern const struct prompt_class prompt_confirm_class;
void prompt_confirm(struct app *a, const char *question, const char *yes_hint, bool is_delete,
		    prompt_answer_fn answer, struct row_key row, const char *arg);

/* prompt_search.c: the search line (/ and n). */
extern const struct prompt_class prompt_search_class;
void prompt_search_open(struct app *a);
/* Search the current view for `needle` (n: from the next row). */
void prompt_search_run(struct app *a, const char *needle, bool next);

/* draft.c: the field editor over the session's draft. */
extern const struct prompt_class prompt_editor_class;

#endif
