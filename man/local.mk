# man/: utenfor(1) in English and, under $(mandir)/nb, in bokmål.  Checked
# by tests/e2e/eco_man.sh.
dist_man_MANS = man/utenfor.1
nbman1dir = $(mandir)/nb/man1
dist_nbman1_DATA = man/nb/utenfor.1
