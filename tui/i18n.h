/*
 * i18n.h: the TUI's way to the project's translation macros.  _() marks
 * and translates text now, N_() marks text in static tables that are
 * translated where they are used (_(table[i])).  See i18n/i18n.h.
 *
 * Must never: define the macros itself (one definition for the program).
 */
#ifndef UTENFOR_TUI_I18N_H
#define UTENFOR_TUI_I18N_H

#include "i18n/i18n.h"

#endif
