# cli/: the program's entry point and its subcommands.
utenfor_SOURCES += cli/main.c cli/commands.h
