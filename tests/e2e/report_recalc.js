// tests/e2e/report_recalc.js: recompute an xlsx written by `utenfor` with
// HyperFormula (a spreadsheet engine in JavaScript) and compare every
// formula's result with the value the engine cached in the file.  Then edit
// a success rate and print the recomputed net present value, so the caller
// can compare it with the engine's for the edited workbook.
//   node report_recalc.js FILE.xlsx SUCCESS_RATE
// Reads the zip with `unzip -p`.  Exit 1 on any mismatch.  Test tool only.
'use strict';
const { execFileSync } = require('child_process');
const { HyperFormula } = require('hyperformula');

const file = process.argv[2];
const unz = (n) => execFileSync('unzip', ['-p', file, n], { maxBuffer: 1 << 28 }).toString('utf8');
const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
	.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const strings = [...unz('xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)]
	.map((m) => unesc(m[1]));
const wbx = unz('xl/workbook.xml');
const names = [...wbx.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)].map((m) => unesc(m[1]));
const defined = [...wbx.matchAll(/<definedName name="([^"]+)">([^<]+)<\/definedName>/g)]
	.map((m) => ({ name: m[1], expression: '=' + unesc(m[2]) }));
const colnum = (s) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

const sheets = {};
const cached = {};
// Every worksheet: the sheets before the one chart sheet, which comes last.
for (let i = 0; i < names.length - 1; i++) {
	const xml = unz(`xl/worksheets/sheet${i + 1}.xml`);
	const grid = [];
	const cache = [];
	for (const m of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
		const c = colnum(m[1]);
		const r = +m[2] - 1;
		const body = m[4] || '';
		grid[r] = grid[r] || [];
		const f = body.match(/<f>([\s\S]*?)<\/f>/);
		const v = body.match(/<v>([\s\S]*?)<\/v>/);
		if (f) {
			grid[r][c] = '=' + unesc(f[1]);
			// A formula with a text result (t="str") caches that text.
			cache.push([r, c, /t="str"/.test(m[3]) ? (v ? unesc(v[1]) : '') : v ? +v[1] : 0]);
		} else if (/t="s"/.test(m[3])) {
			grid[r][c] = strings[+v[1]];
		} else if (v) {
			grid[r][c] = +v[1];
		}
	}
	for (let r = 0; r < grid.length; r++) {
		grid[r] = grid[r] || [];
		for (let c = 0; c < grid[r].length; c++) if (grid[r][c] === undefined) grid[r][c] = null;
	}
	sheets[names[i]] = grid;
	cached[names[i]] = cache;
}

const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' }, defined);
let bad = 0;
let count = 0;
for (const name of Object.keys(cached)) {
	const sheet = hf.getSheetId(name);
	for (const [r, c, want] of cached[name]) {
		const got = hf.getCellValue({ sheet, row: r, col: c });
		count++;
		const ok = typeof want === 'string'
			? got === want || (want === '' && got === null)
			: typeof got === 'number' && Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));
		if (!ok && bad++ < 20)
			console.log(`AVVIK ${name}!R${r + 1}C${c + 1}: regneark ${got}, motor ${want}: ${sheets[name][r][c]}`);
	}
}
console.log(`${count} formler, ${bad} avvik`);
const npvCell = (cached.Tiltak || []).find(([r, c]) => r === 1 && c === 19);
if (npvCell) console.log(`cached_npv ${npvCell[2]}`);
if (process.argv[3] !== undefined) {
	const sheet = hf.getSheetId('Tiltak');
	hf.setCellContents({ sheet, row: 1, col: 10 }, [[Number(process.argv[3])]]);
	console.log(`npv ${hf.getCellValue({ sheet, row: 1, col: 19 })}`);
}
process.exit(bad ? 1 : 0);
