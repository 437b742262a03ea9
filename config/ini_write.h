/*
 * ini_write.h: change one value in config.ini the way a person would in an
 * editor: the line is edited in place (its indentation, its key's
 * spelling and a trailing comment are kept), or added at the end of its
 * section, or a new section is appended.  Every other byte of the file is
 * left as it was.  The new file is written next to the old one and renamed
 * over it, so a crash leaves either the old or the new file, never half.
 *
 * iniparser_dump_ini is deliberately not used: it drops comments and order.
 *
 * Must never: print, exit, or leave a temporary file behind.
 */
#ifndef UTENFOR_CONFIG_INI_WRITE_H
#define UTENFOR_CONFIG_INI_WRITE_H

#include "config/messages.h"

/*
 * Set `key` in `section` (ASCII, matched case-insensitively, as iniparser
 * does) to `value` in the file `path` (NULL = the XDG default config file,
 * created with its folder if missing).  The value is quoted when it must
 * be (blanks at the ends, #, ;, or empty).  Returns 0, or -1 with a message
 * (a value with a line break or with both kinds of quotes, a line too long
 * for iniparser, or an I/O error); the file is then unchanged.
 */
int config_set_value(const char *path, const char *section, const char *key, const char *value,
		     struct config_messages *msgs);

#endif
