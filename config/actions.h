/*
 * actions.h: the named actions a key can be bound to.  The names are what
 * users write in config.ini's [keys] section and what the TUI's headless
 * replay mode reads; the TUI dispatches on the enum.
 *
 * Must never: call ncurses (key codes are plain ints here).
 */
#ifndef UTENFOR_CONFIG_ACTIONS_H
#define UTENFOR_CONFIG_ACTIONS_H

#include <stdbool.h>

enum action {
	ACTION_NONE = 0,
	ACTION_QUIT,
	ACTION_HELP,
	ACTION_NEXT_VIEW,
	ACTION_PREV_VIEW,
	ACTION_VIEW_OVERVIEW,
	ACTION_VIEW_MEASURES,
	ACTION_VIEW_GROUPS,
	ACTION_VIEW_PROJECTION,
	ACTION_VIEW_SETTINGS,
	ACTION_VIEW_PLAN,
	ACTION_VIEW_UNCERTAINTY,
	ACTION_UP,
	ACTION_DOWN,
	ACTION_LEFT,
	ACTION_RIGHT,
	ACTION_PAGE_UP,
	ACTION_PAGE_DOWN,
	ACTION_HOME,
	ACTION_END,
	ACTION_NEXT_FIELD,
	ACTION_PREV_FIELD,
	ACTION_EDIT,    /* start editing the focused field / confirm (Enter) */
	ACTION_CANCEL,  /* Esc */
	ACTION_SEARCH,
	ACTION_SEARCH_NEXT,
	ACTION_ADD,
	ACTION_DELETE,
	ACTION_UNDO,
	ACTION_REDO,
	ACTION_TOGGLE_ENABLED,
	ACTION_ESTIMATE,
	ACTION_KEEP_ESTIMATE,
	ACTION_REPORT,
	ACTION_NEXT_THEME,
	ACTION_TOGGLE_LANGUAGE,
	ACTION_REFRESH,
	ACTION_TOGGLE_SOCIETY,
	ACTION_COPY_GROUP, /* Målgrupper: copy a group of the example data */
	ACTION_COUNT
};

/* "quit", "view_measures", ...: lower-case ASCII, stable across versions. */
const char *action_name(enum action a);
/* ACTION_NONE when `name` is not an action's name. */
enum action action_from_name(const char *name);

#endif
