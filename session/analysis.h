/*
 * analysis.h: everything computed from the workbook, registered with a
 * session.  An analysis says which changes make it stale (SC_* bits); the
 * session tells it of every change at once (invalidate: cheap — patch one
 * measure, or just mark stale) and steps it when the caller has time
 * (step: at most about budget_ms of work, then return).  A heavy analysis
 * (the Monte Carlo of the uncertainty issue) keeps its progress between
 * steps and runs in slices of draws between keystrokes; typing never
 * waits for it, and a change simply restarts it.
 *
 * Ownership: the session creates each instance when it is registered and
 * destroys it on session_close().  Results are borrowed: valid until the
 * next session call.
 *
 * Must never: call curses, print, or write to the store.
 */
#ifndef UTENFOR_SESSION_ANALYSIS_H
#define UTENFOR_SESSION_ANALYSIS_H

#include <stdbool.h>

#include "engine/projection.h"
#include "engine/uncertainty.h"
#include "session/session.h"

struct analysis_class {
	const char *name;  /* "portfolio", "estimate", "montecarlo", … */
	unsigned depends;  /* SC_* bits that make it stale */
	/* NULL when out of memory. */
	void *(*create)(const struct session *s);
	void (*destroy)(void *self);
	/* Told of `changes` (only bits in depends) to `row` (kind ROW_* and
	 * id; id 0 means many rows).  Must be cheap. */
	void (*invalidate)(void *self, const struct session *s, unsigned changes,
			   struct row_key row);
	/* At most ~budget_ms of work; true when the result is current. */
	bool (*step)(void *self, const struct session *s, double budget_ms);
	const void *(*result)(const void *self);
};

/* Register an analysis (idempotent per class).  DIAG_NOMEM when it cannot
 * be made. */
enum diag_code session_add_analysis(struct session *s, const struct analysis_class *c,
				    struct diag *d);
/* The result of a registered class (NULL when not registered or never
 * computed); *current (may be NULL) says whether it reflects the workbook. */
const void *session_result(const struct session *s, const struct analysis_class *c,
			   bool *current);
/* Step stale analyses, oldest registration first, within budget_ms in all.
 * True when every analysis is current.  Raises SC_ANALYSIS when a result
 * became current. */
bool session_step(struct session *s, double budget_ms);

/* The portfolio projection (engine/projection.h): result is a
 * const struct projection *, patched per measure/group as drafts change,
 * recomputed in a step after parameter changes and reloads.  When a
 * recompute fails (out of memory) the result is NULL until one succeeds. */
extern const struct analysis_class analysis_portfolio;

/* The quick estimate: result is a const struct estimate_result *. */
struct estimate_result {
	struct result result; /* its years: in `years`, its basis: `basis` */
	struct group_profile profile;
	struct projection_basis basis;
	struct year_flows years[HORIZON_MAX];
};
extern const struct analysis_class analysis_estimate;
/* The measure the estimate stands for (its inputs on the defaults: a
 * one-year measure from the base year at the group's usual age). */
void estimate_measure(const struct session *s, struct measure *out);
/* Reset the estimate's inputs (KS's example, the group of measure `near`). */
void session_estimate_reset(struct session *s, struct row_key near);

/* ---- uncertainty (analysis_uncertainty.c) ---------------------------- */

#define UNC_HIST_BINS 48

/* The distribution of one line of a finished simulation. */
struct unc_histogram {
	double min, max;           /* of the draws; bins are equal parts of [min, max] */
	long count[UNC_HIST_BINS];
};

/*
 * One simulated subject (the focus measure or the portfolio).  `ready`
 * says a simulation finished, `current` that it is of the workbook as it
 * is now; while a new one runs (done of draws) the last finished result
 * stays, so the screen never goes blank while someone types.
 */
struct unc_subject {
	bool ready, current;
	long done, draws;               /* progress of the run under way */
	struct mc_summary summary;      /* P10/P50/P90 and chances, every line */
	struct unc_histogram hist;      /* of the total */
	struct tornado_entry *tornado;  /* sorted by swing of the total, largest first */
	size_t tornado_count;
	struct switching_values switching; /* the measure only */
	int64_t measure_id;             /* the measure's row id; 0 for the portfolio */
};

struct uncertainty_result {
	struct unc_subject measure;     /* the focus measure (session_set_focus) */
	struct unc_subject portfolio;
	/* Each measure's chance that its total NPV is positive, from the last
	 * finished portfolio run, by row id (ids[i] is the measure it was of;
	 * a measure added since has none). */
	size_t chance_count;
	const int64_t *chance_ids;
	const double *chance;
};

/* The Monte Carlo of doc/model.md for the focus measure (first) and the
 * portfolio, in slices between keystrokes; result is a
 * const struct uncertainty_result *. */
extern const struct analysis_class analysis_uncertainty;
/* The measure whose simulation runs first (a zero key: none). */
void session_set_focus(struct session *s, struct row_key measure);
/* measures[i]'s chance from r, or -1 when it has none yet. */
double uncertainty_chance(const struct uncertainty_result *r, const struct workbook *wb, size_t i);

#endif
