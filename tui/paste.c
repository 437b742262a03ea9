/*
 * paste.c: bracketed paste.  Between the terminal's paste markers the
 * text is gathered, never run as keys (a pasted "q" must not quit, a
 * pasted line break must not press Enter), and handed whole to the open
 * prompt — the field editor or the search line — at the end.
 */
#include "config.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "tui/app.h"
#include "tui/i18n.h"
#include "tui/prompt.h"

/* The end of a paste: into the editor or the search, never as keys. */
static void paste_done(struct app *a)
{
	a->pasting = false;
	struct prompt *p = prompt_top(a);
	if (p != NULL && p->cls->paste != NULL) {
		p->cls->paste(a, p, a->paste, a->paste_len);
	} else if (a->paste_len > 0) {
		app_status(a, true, "%s",
			   _("Innlimt tekst er ikke brukt: velg et felt og trykk Enter før du limer inn"));
	}
	a->paste_len = 0;
}

static void gather(struct app *a, bool is_code, int key)
{
	if (is_code && key == KEY_PASTE_END) {
		paste_done(a);
		return;
	}
	char mb[MB_LEN_MAX];
	size_t n;
	if (is_code) {
		if (key != KEY_ENTER)
			return;
		mb[0] = '\n';
		n = 1;
	} else {
		mbstate_t st;
		memset(&st, 0, sizeof st);
		n = wcrtomb(mb, (wchar_t)key, &st);
		if (n == (size_t)-1)
			return;
	}
	if (a->paste_len + n <= sizeof a->paste) {
		memcpy(a->paste + a->paste_len, mb, n);
		a->paste_len += n;
	}
}


bool paste_key(struct app *a, bool is_code, int key)
{
	if (is_code && key == KEY_PASTE_BEGIN) {
		a->pasting = true;
		a->paste_len = 0;
		return true;
	}
	if (!a->pasting)
		return false;
	gather(a, is_code, key);
	return true;
}
