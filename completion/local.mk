# completion/: bash completion, installed where Debian's bash-completion
# looks for it (/usr/share/bash-completion/completions with prefix /usr).
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = completion/utenfor
