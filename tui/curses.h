/*
 * curses.h: the one way tui/ includes ncursesw, with the wide-character
 * API switched on (it stays hidden without _XOPEN_SOURCE_EXTENDED).
 *
 * Must never: be included below tui/ (engine, store and interchange never
 * see curses).
 */
#ifndef UTENFOR_TUI_CURSES_H
#define UTENFOR_TUI_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncurses.h>

#endif
