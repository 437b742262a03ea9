# i18n/: gettext set-up — which language the interface speaks, chosen at
# start-up (UTENFOR_LANG, the locale) and switchable at run time.  Uses only
# the C library's gettext; every layer may use its _() macros.
noinst_LIBRARIES += libi18n.a
libi18n_a_SOURCES = i18n/i18n.c i18n/i18n.h
noinst_HEADERS += i18n/i18n.h
utenfor_LDADD += libi18n.a $(LIBINTL)

# The translations live in po/ (gettext's own Makefile, see po/Makevars).
# `make update-po` re-extracts po/utenfor.pot from po/POTFILES.in and
# merges it into every po/LANG.po; see doc/i18n.md.
update-po:
	cd po && $(MAKE) $(AM_MAKEFLAGS) update-po
.PHONY: update-po

# An uninstalled catalog tree for the tests and for running from the build
# directory: UTENFOR_LOCALEDIR=$(abs_top_builddir)/locale.  Built from the
# .po files directly, so it never depends on po/ having run first.  Empty
# under --disable-nls (or without msgfmt): the English tests then skip.
I18N_PO_FILES = $(top_srcdir)/po/en.po
i18n-locale.stamp: $(top_srcdir)/po/LINGUAS $(I18N_PO_FILES)
	$(AM_V_GEN)set -e; \
	test "$(USE_NLS)" = yes || { echo timestamp > $@; exit 0; }; \
	for lang in `sed -e 's/#.*//' $(top_srcdir)/po/LINGUAS`; do \
	  $(MKDIR_P) locale/$$lang/LC_MESSAGES; \
	  $(GMSGFMT) -c -o locale/$$lang/LC_MESSAGES/$(PACKAGE).mo \
	    $(top_srcdir)/po/$$lang.po; \
	done; \
	echo timestamp > $@
check_DATA += i18n-locale.stamp
CLEANFILES += i18n-locale.stamp
clean-local: i18n-clean-locale
i18n-clean-locale:
	-rm -rf locale
.PHONY: i18n-clean-locale
