/*
 * commands.h: the subcommands of `utenfor`.  Each takes the arguments after
 * its name (argv[0] is the command name), prints its own messages, and
 * returns the process exit status: 0 success, 1 the input was refused,
 * 2 usage error.  Commands never call exit().
 */
#ifndef UTENFOR_CLI_COMMANDS_H
#define UTENFOR_CLI_COMMANDS_H

#define EXIT_REFUSED 1
#define EXIT_USAGE 2

struct command {
	const char *name;
	const char *summary; /* one line of help, Norwegian */
	int (*run)(int argc, char **argv);
};



#endif
