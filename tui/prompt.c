/*
 * prompt.c: the prompt stack (prompt.h).
 */
#include "config.h"

#include <string.h>

#include "tui/app.h"
#include "tui/prompt.h"

struct prompt *prompt_push(struct app *a, const struct prompt_class *cls)
{
	if (a->prompt_depth >= PROMPT_MAX)
		return NULL;
	struct prompt *p = &a->prompts[a->prompt_depth++];
	memset(p, 0, sizeof *p);
	p->cls = cls;
	return p;
}

void prompt_pop(struct app *a)
{
	if (a->prompt_depth > 0)
		a->prompt_depth--;
}

struct prompt *prompt_top(const struct app *a)
{
	return a->prompt_depth > 0 ? (struct prompt *)&a->prompts[a->prompt_depth - 1] : NULL;
}

bool prompt_open(const struct app *a, const struct prompt_class *cls)
{
	for (int i = 0; i < a->prompt_depth; i++)
		if (a->prompts[i].cls == cls)
			return true;
	return false;
}

bool prompt_key(struct app *a, bool is_code, int key, bool *passed)
{
	struct prompt *p = prompt_top(a);
	*passed = false;
	if (p == NULL)
		return false;
	*passed = p->cls->key(a, p, is_code, key) == PROMPT_PASS;
	return true;
}
