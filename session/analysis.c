/*
 * analysis.c: the registry of analyses of a session (see analysis.h).
 */
#include "config.h"

#include <time.h>

#include "i18n/i18n.h"
#include "session/internal.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

enum diag_code session_add_analysis(struct session *s, const struct analysis_class *c,
				    struct diag *d)
{
	diag_clear(d);
	for (size_t i = 0; i < s->analysis_count; i++)
		if (s->analyses[i].c == c)
			return DIAG_OK;
	if (s->analysis_count == SESSION_ANALYSES_MAX)
		return diag_set(d, DIAG_NOMEM, "%s", _("For mange beregninger registrert"));
	void *self = c->create(s);
	if (self == NULL)
		return diag_set(d, DIAG_NOMEM, "%s", _("Tomt for minne under omregning"));
	s->analyses[s->analysis_count].c = c;
	s->analyses[s->analysis_count].self = self;
	s->analyses[s->analysis_count].current = false;
	s->analysis_count++;
	return DIAG_OK;
}

const void *session_result(const struct session *s, const struct analysis_class *c,
			   bool *current)
{
	for (size_t i = 0; i < s->analysis_count; i++)
		if (s->analyses[i].c == c) {
			if (current != NULL)
				*current = s->analyses[i].current;
			return c->result(s->analyses[i].self);
		}
	if (current != NULL)
		*current = false;
	return NULL;
}

bool session_step(struct session *s, double budget_ms)
{
	double start = now_ms();
	bool all = true, stepped = false;
	for (size_t i = 0; i < s->analysis_count; i++) {
		if (s->analyses[i].current)
			continue;
		/* The first stale analysis always gets its step, so a slow
		 * clock (valgrind, a loaded machine) never starves it. */
		double left = budget_ms - (now_ms() - start);
		if (left <= 0 && stepped) {
			all = false;
			break;
		}
		if (left <= 0)
			left = budget_ms;
		stepped = true;
		if (s->analyses[i].c->step(s->analyses[i].self, s, left)) {
			s->analyses[i].current = true;
			s->changes |= SC_ANALYSIS;
		} else {
			all = false;
		}
	}
	return all;
}
