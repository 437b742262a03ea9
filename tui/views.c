/*
 * views.c: the views in tab order.  Adding a view is its file and one
 * line here.  Nothing else in the interface names a view, except where a
 * key means "go there" (Enter on the overview opens the measure).
 */
#include "config.h"

#include <stdlib.h>

#include "tui/app.h"
#include "tui/view.h"

const struct view *const views[] = {
	&view_overview,
	&view_measures,
	&view_groups,
	&view_projection,
	&view_settings,
	&view_plan,
	&view_uncertainty,
	&view_help,
	&view_estimate,
};

const size_t view_count = sizeof views / sizeof views[0];

_Static_assert(sizeof views / sizeof views[0] <= VIEW_MAX, "raise VIEW_MAX");

bool views_init(struct app *a)
{
	a->views = views;
	a->view_count = view_count;
	for (size_t i = 0; i < view_count; i++) {
		/* Every view gets a state, if only one byte, so st is never NULL. */
		size_t size = views[i]->state_size > 0 ? views[i]->state_size : 1;
		a->state[i] = calloc(1, size);
		if (a->state[i] == NULL)
			return false;
		if (views[i]->init != NULL)
			views[i]->init(a, a->state[i]);
	}
	return true;
}

void views_free(struct app *a)
{
	for (size_t i = 0; i < VIEW_MAX; i++) {
		if (i < view_count && a->state[i] != NULL && views[i]->fini != NULL)
			views[i]->fini(a, a->state[i]);
		free(a->state[i]);
		a->state[i] = NULL;
	}
}
