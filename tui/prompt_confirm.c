/*
 * prompt_confirm.c: a yes/no question on the status line.  Deletion and
 * overwriting wait for 'j' (ja) or 'y'; any other key says no, so a
 * stray key never destroys anything.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/prompt.h"

static enum prompt_result confirm_key(struct app *a, struct prompt *p, bool is_code, int key)
{
	bool yes = !is_code && (key == 'j' || key == 'J' || key == 'y' || key == 'Y');
	/* Copy out first: the answer may open another prompt in this slot. */
	prompt_answer_fn answer = p->answer;
	struct row_key row = p->row;
	char arg[sizeof p->arg];
	memcpy(arg, p->arg, sizeof arg);
	prompt_pop(a);
	answer(a, yes, row, arg);
	return PROMPT_TAKEN;
}

static void confirm_draw(struct app *a, const struct prompt *p, const struct rect *r)
{
	draw_text(a, r->y, 0, r->w, a->attrs[ROLE_ERROR], p->question);
}

static const char *confirm_hints(const struct app *a, const struct prompt *p)
{
	(void)a;
	return p->yes_hint;
}

const struct prompt_class prompt_confirm_class = {
	"confirm", confirm_key, NULL, confirm_draw, confirm_hints,
};

void prompt_confirm(struct app *a, const char *question, const char *yes_hint, bool is_delete,
		    prompt_answer_fn answer, struct row_key row, const char *arg)
{
	if (is_delete && !a->confirm_delete) {
		answer(a, true, row, arg != NULL ? arg : "");
		return;
	}
	struct prompt *p = prompt_push(a, &prompt_confirm_class);
	if (p == NULL)
		return;
	snprintf(p->question, sizeof p->question, "%s", question);
	p->yes_hint = yes_hint;
	p->answer = answer;
	p->row = row;
	snprintf(p->arg, sizeof p->arg, "%s", arg != NULL ? arg : "");
}
