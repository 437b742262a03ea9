/*
 * changes.c: the SC_* bits of a session (session.h "Changes"): recorded
 * for the caller and told at once to the analyses that depend on them.
 * Its own file so that the parts of session/ that change the workbook in
 * memory (draft.c, rows.c, estimate.c) and session.c can all report a
 * change without calling each other.
 */
#include "config.h"

#include "session/internal.h"

void session_changed(struct session *s, unsigned bits, struct row_key row)
{
	s->changes |= bits;
	for (size_t i = 0; i < s->analysis_count; i++) {
		unsigned mine = bits & s->analyses[i].c->depends;
		if (mine == 0)
			continue;
		s->analyses[i].c->invalidate(s->analyses[i].self, s, mine, row);
		s->analyses[i].current = false;
	}
}

unsigned session_take_changes(struct session *s)
{
	unsigned c = s->changes;
	s->changes = 0;
	return c;
}
