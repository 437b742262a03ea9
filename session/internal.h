/*
 * internal.h: struct session, shared by the files of session/ only.
 */
#ifndef UTENFOR_SESSION_INTERNAL_H
#define UTENFOR_SESSION_INTERNAL_H

#include "engine/validate.h"
#include "session/analysis.h"
#include "session/session.h"
#include "store/store.h"

#define SESSION_ANALYSES_MAX 8

struct session_draft {
	bool active;
	struct row_key row;
	const struct field_desc *field;
	unsigned flags;
	bool valid;
	char initial[1100];
	char reading[200];
	char error[PROBLEM_MESSAGE_SIZE];
	/* The row as it was before the first keystroke: set_text starts from
	 * it, cancel and refused commits restore it. */
	union {
		struct measure measure;
		struct cost_item item;
		struct workbook_params params;
		struct estimate_inputs est;
		struct target_group group; /* own fields only; items stay put */
		struct sector sector;
	} backup;
};

struct session {
	struct store *store;
	bool read_only;
	bool check_told; /* the store's whole-file check's verdict was taken */
	struct workbook wb;
	struct estimate_inputs est;
	unsigned changes;
	unsigned generation;
	struct session_draft draft;
	/* The payer share saved last, and of which measure: the next one
	 * typed in that measure leaves it alone (see rebalance_payers). */
	int64_t payer_row;
	int payer_last;
	/* The measure the interface looks at: the uncertainty analysis
	 * simulates it first (session_set_focus). */
	struct row_key focus;
	struct {
		const struct analysis_class *c;
		void *self;
		bool current;
	} analyses[SESSION_ANALYSES_MAX];
	size_t analysis_count;
};

/* Record `bits` for the caller and tell the analyses that depend on them. */
void session_changed(struct session *s, unsigned bits, struct row_key row);
/* The row in memory, or NULL when it is gone. */
void *session_row(struct session *s, struct row_key key);
/* A store error as a diag: code from the status, message without the path. */
enum diag_code session_store_diag(const struct session *s, enum store_status st,
				  const struct store_error *err, const char *prefix,
				  struct diag *d);
enum diag_code session_refuse_read_only(const struct session *s, struct diag *d);
/* Before an edit that is not the draft's: DIAG_OK (and d cleared), or the
 * refusal while read-only or while a field is being typed. */
enum diag_code session_may_write(const struct session *s, struct diag *d);

#endif
