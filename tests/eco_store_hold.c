/*
 * eco_store_hold.c: `eco_store_hold WORKBOOK` opens the workbook for
 * writing the way the TUI does (store_open, store_load), prints "open",
 * and keeps it open until its standard input ends.  The shared-workbook
 * test uses it to be "the colleague who has the file open" while another
 * user opens it.  Test tool only.
 */
#include "config.h"

#include <stdio.h>

#include "engine/model.h"
#include "store/store.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: eco_store_hold WORKBOOK\n");
		return 2;
	}
	struct store *s = NULL;
	struct store_error err = {0};
	if (store_open(argv[1], 0, &s, &err) != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		return 1;
	}
	struct workbook wb;
	workbook_init(&wb);
	enum store_status st = store_load(s, &wb, &err);
	workbook_free(&wb);
	if (st != STORE_OK) {
		fprintf(stderr, "%s\n", err.message);
		store_close(s);
		return 1;
	}
	printf("open\n");
	fflush(stdout);
	while (getchar() != EOF)
		;
	store_close(s);
	return 0;
}
