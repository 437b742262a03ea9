# config/: settings, themes and key bindings (iniparser).
noinst_LIBRARIES += libconfig.a
libconfig_a_SOURCES = config/actions.c config/actions.h
libconfig_a_CPPFLAGS = $(AM_CPPFLAGS)
utenfor_LDADD += libconfig.a
