# config/: settings, themes and key bindings (iniparser).  Curses-free:
# the TUI maps its KEY_* codes and init_pair() calls onto these types.
noinst_LIBRARIES += libconfig.a
libconfig_a_SOURCES = \
	config/actions.c config/actions.h \
	config/messages.c config/messages.h \
	config/ini.c config/ini.h \
	config/paths.c config/paths.h \
	config/settings.c config/settings.h \
	config/color.c config/color.h \
	config/theme.c config/theme_builtin.c config/theme.h \
	config/keys.c config/keys.h \
	config/keymap.c config/keymap.h \
	config/keymap_presets.c config/keymap_presets.h \
	config/ini_write.c config/ini_write.h \
	config/load.c config/load.h \
	config/terminal.c config/terminal.h
libconfig_a_CPPFLAGS = $(AM_CPPFLAGS) $(NCURSESW_CFLAGS)
# terminal.c reads terminfo (-ltinfo, part of NCURSESW_LIBS) but never
# starts curses.
utenfor_LDADD += libconfig.a $(INIPARSER_LIBS) $(NCURSESW_LIBS)

# Shipped themes ($(pkgdatadir)/themes, searched after the user's own
# $XDG_CONFIG_HOME/utenfor/themes) and the commented example config.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA = \
	themes/standard.ini \
	themes/lys.ini \
	themes/mork.ini \
	themes/mono.ini \
	themes/hoykontrast.ini
configexampledir = $(pkgdatadir)
dist_configexample_DATA = config/config.ini.example
