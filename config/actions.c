/*
 * actions.c: the action names.  The table's order is the enum's.
 */
#include "config/actions.h"

#include <string.h>

static const char *const names[ACTION_COUNT] = {
	[ACTION_NONE] = "none",
	[ACTION_QUIT] = "quit",
	[ACTION_HELP] = "help",
	[ACTION_NEXT_VIEW] = "next_view",
	[ACTION_PREV_VIEW] = "prev_view",
	[ACTION_VIEW_OVERVIEW] = "view_overview",
	[ACTION_VIEW_MEASURES] = "view_measures",
	[ACTION_VIEW_GROUPS] = "view_groups",
	[ACTION_VIEW_PROJECTION] = "view_projection",
	[ACTION_VIEW_SETTINGS] = "view_settings",
	[ACTION_VIEW_PLAN] = "view_plan",
	[ACTION_VIEW_UNCERTAINTY] = "view_uncertainty",
	[ACTION_UP] = "up",
	[ACTION_DOWN] = "down",
	[ACTION_LEFT] = "left",
	[ACTION_RIGHT] = "right",
	[ACTION_PAGE_UP] = "page_up",
	[ACTION_PAGE_DOWN] = "page_down",
	[ACTION_HOME] = "home",
	[ACTION_END] = "end",
	[ACTION_NEXT_FIELD] = "next_field",
	[ACTION_PREV_FIELD] = "prev_field",
	[ACTION_EDIT] = "edit",
	[ACTION_CANCEL] = "cancel",
	[ACTION_SEARCH] = "search",
	[ACTION_SEARCH_NEXT] = "search_next",
	[ACTION_ADD] = "add",
	[ACTION_DELETE] = "delete",
	[ACTION_UNDO] = "undo",
	[ACTION_REDO] = "redo",
	[ACTION_TOGGLE_ENABLED] = "toggle_enabled",
	[ACTION_ESTIMATE] = "estimate",
	[ACTION_KEEP_ESTIMATE] = "keep_estimate",
	[ACTION_REPORT] = "report",
	[ACTION_NEXT_THEME] = "next_theme",
	[ACTION_TOGGLE_LANGUAGE] = "toggle_language",
	[ACTION_REFRESH] = "refresh",
	[ACTION_TOGGLE_SOCIETY] = "toggle_society",
	[ACTION_COPY_GROUP] = "copy_group",
};

const char *action_name(enum action a)
{
	return (unsigned)a < ACTION_COUNT ? names[a] : "none";
}

enum action action_from_name(const char *name)
{
	if (name == NULL)
		return ACTION_NONE;
	for (int a = 1; a < ACTION_COUNT; a++)
		if (strcmp(names[a], name) == 0)
			return (enum action)a;
	return ACTION_NONE;
}
