# interchange/local.mk: build lines for interchange/ (none yet)
