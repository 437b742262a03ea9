/*
 * view_help.c: Hjelp.  Every key (read from the key table, so remapped
 * keys show as they are) and a short guide to the model in plain
 * Norwegian.  Scrolls with ↑↓/PgUp/PgDn.
 *
 * Must never: write to the store.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "tui/app.h"
#include "tui/i18n.h"

static const struct {
	enum action action;
	const char *what;
} key_help[] = {
	{ACTION_VIEW_OVERVIEW, N_("Oversikt: porteføljen, hvem betaler og hvem vinner")},
	{ACTION_VIEW_MEASURES, N_("Tiltak: tabell, skjema og framskriving for ett tiltak")},
	{ACTION_VIEW_GROUPS, N_("Målgrupper og deres kostnadsposter")},
	{ACTION_VIEW_PROJECTION, N_("Framskriving år for år")},
	{ACTION_VIEW_SETTINGS, N_("Innstillinger for arbeidsboka")},
	{ACTION_VIEW_PLAN, N_("Økonomiplan: planårene per sektor og budsjett")},
	{ACTION_VIEW_UNCERTAINTY, N_("Usikkerhet: sjansen for at det lønner seg, fordeling, tornado og brytningsverdier")},
	{ACTION_TOGGLE_SOCIETY, N_("Resultatene som Budsjett eller Samfunn (samfunnsøkonomisk)")},
	{ACTION_HELP, N_("Denne hjelpen (trykk igjen for å gå tilbake)")},
	{ACTION_ESTIMATE, N_("Raskt overslag: ett skjema, svar mens du skriver")},
	{ACTION_KEEP_ESTIMATE, N_("Behold overslaget som et tiltak (i overslaget)")},
	{ACTION_UP, N_("Opp")},
	{ACTION_DOWN, N_("Ned")},
	{ACTION_LEFT, N_("Venstre / tilbake til tabellen / forrige valg")},
	{ACTION_RIGHT, N_("Høyre / inn i skjemaet / neste valg")},
	{ACTION_PAGE_UP, N_("En side opp")},
	{ACTION_PAGE_DOWN, N_("En side ned")},
	{ACTION_HOME, N_("Første rad")},
	{ACTION_END, N_("Siste rad")},
	{ACTION_NEXT_FIELD, N_("Neste felt (lagrer feltet du skriver i)")},
	{ACTION_PREV_FIELD, N_("Forrige felt")},
	{ACTION_EDIT, N_("Rediger feltet / lagre det du har skrevet")},
	{ACTION_CANCEL, N_("Avbryt redigering: verdien blir som før")},
	{ACTION_SEARCH, N_("Søk i tabellen etter navn")},
	{ACTION_SEARCH_NEXT, N_("Neste treff")},
	{ACTION_ADD, N_("Legg til tiltak, målgruppe eller kostnadspost")},
	{ACTION_COPY_GROUP, N_("Målgrupper: kopier en målgruppe fra eksempeldataene")},
	{ACTION_DELETE, N_("Slett raden (spør først, med navnet)")},
	{ACTION_TOGGLE_ENABLED, N_("Tiltak med/ikke med i porteføljen; bytt valg i valgfelt; Oversikt: hvem vinner per sektor")},
	{ACTION_UNDO, N_("Angre siste endring (også etter omstart)")},
	{ACTION_REDO, N_("Gjør om igjen")},
	{ACTION_REPORT, N_("Skriv rapporten (HTML) ved siden av arbeidsboka")},
	{ACTION_NEXT_THEME, N_("Neste fargetema")},
	{ACTION_TOGGLE_LANGUAGE, N_("Bytt språk: bokmål / engelsk")},
	{ACTION_REFRESH, N_("Tegn skjermen på nytt")},
	{ACTION_QUIT, N_("Avslutt (endringer er allerede lagret)")},
};

static const char *const guide[] = {
	"",
	N_("SLIK REGNER UTENFOR"),
	"",
	N_("Et tiltak retter seg mot en målgruppe. Hver person i målgruppa koster det"),
	N_("offentlige mer enn gjennomsnittet hvert år (kostnadspostene i Målgrupper),"),
	N_("fordelt på kommune, fylkeskommune og stat, etter alder."),
	"",
	N_("Tiltaket koster: deltakere × kostnad per deltaker, hvert år i varigheten,"),
	N_("fordelt på betalerne. Det lykkes for deltakere × suksessrate × (1 − dødvekt)."),
	N_("Fra starten pluss forsinkelsen sparer hver som lykkes merkostnaden for sin"),
	N_("alder, hos det budsjettet som ellers ville båret den, i virkningsårene,"),
	N_("minus avtakningen per år."),
	"",
	N_("Nåverdi: framtidige kroner diskonteres etter R-109 (4 %, 3 %, 2 %) eller"),
	N_("fast rente. Netto nåverdi = gevinst − kostnad. Nytte per krone (NKF) ="),
	N_("gevinst ÷ kostnad, begge i nåverdi."),
	N_("Lønnsomt fra år: første år den kumulerte nåverdien er ≥ 0 og blir der."),
	N_("Balanse-suksessrate: suksessraten der netto nåverdi blir 0."),
	"",
	N_("«Hvem betaler, hvem vinner» viser hvor gevinsten av hver betalers kroner"),
	N_("havner: ofte betaler kommunen, mens staten får mest igjen."),
	"",
	N_("TALL"),
	"",
	N_("Skriv tall på norsk: 1 234 567, 1234567, 1 234,50 eller -30 000."),
	/* xgettext:no-c-format */
	N_("Prosent: 25, 25 % og 25,5 betyr prosent. Feltet viser hvordan det leste"),
	N_("tallet («leser: 25 %»); ugyldige verdier merkes og lagres aldri."),
	N_("Alt beregnes på nytt for hvert tastetrykk; Enter lagrer, Esc angrer."),
	"",
	N_("USIKKERHET"),
	"",
	N_("I Tiltak står «lav» og «høy» ved suksessrate, kostnad per deltaker, dødvekt"),
	N_("og avtaking: → går dit. Et spenn gjør feltet usikkert i simuleringen;"),
	N_("tom tekst fjerner det. Hver kostnadspost varierer med spennet for sin"),
	N_("sikkerhetsgrad (A–D, Innstillinger). Usikkerhet (7) viser sjansen for pluss"),
	N_("per budsjett, P10–P90, tornadoen og brytningsverdiene; samme frø gir"),
	N_("samme tall som «utenfor calc --json»."),
	"",
	N_("SEKTORER"),
	"",
	N_("Hvert budsjett har sektorer (Innstillinger, under feltene). En kostnadspost"),
	N_("hører til en sektor i sitt budsjett; en betaler kan være en sektor (→ ved"),
	N_("«Betaler …» i Tiltak, mellomrom bytter; skrevet som «Barnevern 60; Oppvekst"),
	N_("og skole 40» deles budsjettets andel på flere). Økonomiplan (6) viser"),
	N_("planårene per sektor."),
	"",
	N_("MÅLGRUPPER OG RAPPORT"),
	"",
	N_("I Målgrupper åpner Enter gruppens eget skjema: navn, id, beskrivelse og"),
	N_("vanlig startalder; → går til kostnadspostene. Tiltakene følger med når"),
	N_("id-en endres. En målgruppe som tiltak bruker, kan ikke slettes før"),
	N_("tiltakene er slettet eller flyttet til en annen gruppe."),
	N_("r skriver rapporten som HTML ved siden av arbeidsboka (NAVN-rapport.html)."),
	"",
	N_("DELT ARBEIDSBOK"),
	"",
	N_("Flere kan ha samme arbeidsbok åpen. Endringer fra andre lastes inn"),
	N_("automatisk; endrer noen raden du redigerer, lagres ikke ditt felt, og du"),
	N_("ser deres verdi i stedet."),
};

#define KEY_HELP_COUNT (sizeof key_help / sizeof key_help[0])
#define GUIDE_COUNT (sizeof guide / sizeof guide[0])
#define HELP_LINES (2 + KEY_HELP_COUNT + GUIDE_COUNT)

struct help_state {
	int top;
};

static void view_draw(struct app *a, void *state, const struct rect *body)
{
	struct help_state *st = state;
	int rows = body->h;
	if (st->top > (int)HELP_LINES - rows)
		st->top = (int)HELP_LINES - rows;
	if (st->top < 0)
		st->top = 0;
	for (int row = 0; row < rows; row++) {
		int i = st->top + row;
		int y = body->y + row;
		if (i == 0) {
			draw_text(a, y, body->x, body->w, a->attrs[ROLE_TITLE], _("TASTER"));
		} else if (i == 1) {
			continue;
		} else if (i < 2 + (int)KEY_HELP_COUNT) {
			char keys[96];
			tui_keys_for(&a->keys, key_help[i - 2].action, keys, sizeof keys);
			draw_text(a, y, body->x + 1, 22, a->attrs[ROLE_HINT_KEY] & ~A_REVERSE, keys);
			draw_text(a, y, body->x + 24, body->w - 24, a->attrs[ROLE_NORMAL],
				  _(key_help[i - 2].what));
		} else if (i < (int)HELP_LINES) {
			const char *t = guide[i - 2 - KEY_HELP_COUNT];
			t = t[0] != '\0' ? _(t) : t; /* "" would fetch the catalog header */
			bool heading = t[0] != '\0' && t[1] >= 'A' && t[1] <= 'Z';
			draw_text(a, y, body->x + (heading ? 0 : 1), body->w,
				  a->attrs[heading ? ROLE_TITLE : ROLE_NORMAL], t);
		}
	}
}

static bool view_key(struct app *a, void *state, enum action act)
{
	struct help_state *st = state;
	int page = a->layout.body.h - 1;
	switch (act) {
	case ACTION_UP: st->top--; return true;
	case ACTION_DOWN: st->top++; return true;
	case ACTION_PAGE_UP: st->top -= page; return true;
	case ACTION_PAGE_DOWN: st->top += page; return true;
	case ACTION_HOME: st->top = 0; return true;
	case ACTION_END: st->top = (int)HELP_LINES; return true;
	case ACTION_CANCEL: app_back(a); return true;
	default: return false;
	}
}

static const char *view_hints(const struct app *a, const void *state)
{
	(void)a;
	(void)state;
	return _("{up}{down}/{page_up}/{page_down}:bla  {cancel}/{quit}/{help}:tilbake");
}

const struct view view_help = {
	.title = N_("Hjelp"),
	.action = ACTION_NONE, /* a visited view: ? opens it, Esc goes back */
	.state_size = sizeof(struct help_state),
	.draw = view_draw,
	.key = view_key,
	.hints = view_hints,
};
