// The grammar over every adopted resolution in data/corpus: the operative numbers and
// verbs, the preambular openings and the dates it should colour, it colours; and it
// tokenizes the whole corpus quickly (no runaway regular expression).
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const root = path.join(__dirname, '..', '..');
const corpus = process.env.UNRES_CORPUS ?? path.join(root, '..', '..', 'data', 'corpus');
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarPath = path.join(root, 'syntaxes', 'unres.tmLanguage.json');
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  return registry.loadGrammar('source.unres');
}

/** The scopes at character `index` of a tokenized line. */
function scopesAt(tokens, index) {
  const token = tokens.find((t) => t.startIndex <= index && index < t.endIndex);
  return token ? token.scopes.join(' ') : '';
}

test('every adopted resolution in the corpus is coloured where it should be', async () => {
  assert.ok(fs.existsSync(corpus), `no corpus at ${corpus} (set UNRES_CORPUS)`);
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 100, `only ${files.length} texts in ${corpus}`);
  const grammar = await loadGrammar();
  const counts = { operative: 0, preambular: 0, dates: 0 };
  const misses = [];
  const started = Date.now();
  for (const file of files) {
    let state = textmate.INITIAL;
    for (const line of fs.readFileSync(path.join(corpus, file), 'utf8').split(/\r?\n/)) {
      const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
      state = ruleStack;
      const miss = (what) => misses.length < 20 && misses.push(`${file}: ${what}: ${line.slice(0, 80)}`);
      // <TAB>12.<TAB>Requests / Also requests / Decides further …
      const operative = /^\t(\d{1,3})\.\t((?:Also |Further )?[A-Z]?[a-z]+s)\b/.exec(line);
      if (operative) {
        counts.operative++;
        if (!scopesAt(tokens, 1).includes('constant.numeric.operative.unres')) miss('operative number');
        const verbAt = line.indexOf(operative[2]) + operative[2].length - 1;
        if (!scopesAt(tokens, verbAt).includes('entity.name.function.operative.unres')) miss('operative verb');
      }
      // <TAB>Recalling / Reaffirming also / Deeply concerned …
      const preambular = /^\t((?:[A-Z][a-z]+ly )?[A-Z][a-z]+(?:ing|ed))\b/.exec(line);
      if (preambular && !preambular[1].startsWith('United')) {
        counts.preambular++;
        if (!scopesAt(tokens, 1).includes('entity.other.attribute-name.preambular.unres')) miss('preambular opening');
      }
      for (const date of line.matchAll(new RegExp(`\\b(?:[1-9]|[12]\\d|3[01]) (?:${MONTHS}) \\d{4}\\b`, 'g'))) {
        const scopes = scopesAt(tokens, date.index);
        if (scopes.includes('comment.line.export-trailer')) continue;
        counts.dates++;
        if (!scopes.includes('constant.numeric.date.unres')) miss(`date ${date[0]}`);
      }
    }
  }
  const seconds = (Date.now() - started) / 1000;
  assert.deepEqual(misses, []);
  assert.ok(counts.operative > 3000 && counts.preambular > 2000 && counts.dates > 2000, JSON.stringify(counts));
  assert.ok(seconds < 60, `tokenizing the corpus took ${seconds} s`);
});
