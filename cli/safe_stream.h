/*
 * safe_stream.h: a terminal-safe stdio stream for the commands' messages.
 *
 * Messages quote input (file names, arguments, values from a document);
 * whatever a message builder forgot, nothing written through this stream
 * reaches the terminal as a control sequence: every byte that
 * text_escape() (engine/escape.h) would escape is written as its escape,
 * except newline and tab, which end and align lines.
 *
 * Must never: change the bytes of valid UTF-8 text, or lose output at exit.
 */
#ifndef UTENFOR_CLI_SAFE_STREAM_H
#define UTENFOR_CLI_SAFE_STREAM_H

#include <stdio.h>

/*
 * A line-buffered stream writing escaped text to file descriptor `fd`.
 * Returns NULL when it cannot be made (the caller keeps its stream).
 * Closed (and flushed) by exit() like any stream.
 */
FILE *safe_stream_open(int fd);

#endif
