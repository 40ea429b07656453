// Enter at the end of a numbered line continues the numbering.
'use strict';

const assert = require('node:assert/strict');
const path = require('node:path');
const { test } = require('node:test');

const { continueParagraph, isRomanLabel, nextLetterLabel, toRoman, fromRoman } = require(
  path.join(__dirname, '..', '..', 'out', 'continuation.js'),
);

const atEnd = (line, labelAbove) => continueParagraph(line, line.length, labelAbove);

test('an operative paragraph is followed by the next number, with the same separator', () => {
  assert.deepEqual(atEnd('\t12.\tCalls upon all States to cooperate;'), { kind: 'continue', text: '\t13.\t' });
  assert.deepEqual(atEnd('3. Requests the Secretary-General to report;'), { kind: 'continue', text: '4. ' });
});

test('a paragraph that ends with a colon opens a list at (a), a lettered one at (i)', () => {
  assert.deepEqual(atEnd('\t6.\tDecides that all States shall prevent:'), { kind: 'continue', text: '\t(a)\t' });
  assert.deepEqual(atEnd('\t(b)\tthe following measures:'), { kind: 'continue', text: '\t(i)\t' });
});

test('subparagraph labels continue: letters, double letters after (z), roman numerals', () => {
  assert.deepEqual(atEnd('\t(a)\tthe sale or supply of arms;'), { kind: 'continue', text: '\t(b)\t' });
  assert.deepEqual(atEnd('\t(z)\tto report;'), { kind: 'continue', text: '\t(aa)\t' });
  assert.deepEqual(atEnd('\t(bb)\tto report;'), { kind: 'continue', text: '\t(cc)\t' });
  assert.deepEqual(atEnd('\t(i)\tProviding early information;'), { kind: 'continue', text: '\t(ii)\t' });
  assert.deepEqual(atEnd('\t(iv)\tProtecting;'), { kind: 'continue', text: '\t(v)\t' });
  assert.deepEqual(atEnd('\t(i)\tthe ninth lettered item;', 'h'), { kind: 'continue', text: '\t(j)\t' });
  assert.deepEqual(atEnd('\t(v)\tthe next roman item;', 'iv'), { kind: 'continue', text: '\t(vi)\t' });
});

test('Enter on a label with no text ends the list', () => {
  assert.deepEqual(atEnd('\t13.\t'), { kind: 'endList', indentation: '\t' });
  assert.deepEqual(atEnd('\t(c)\t'), { kind: 'endList', indentation: '\t' });
});

test('footnote texts continue in both forms; closing dates do not', () => {
  assert.deepEqual(atEnd('1 Report of the Conference.'), { kind: 'continue', text: '2 ' });
  assert.deepEqual(atEnd('[^1]: See A/RES/74/209.'), { kind: 'continue', text: '[^2]: ' });
  assert.deepEqual(atEnd('20 December 2013'), { kind: 'default' });
});

test('plain lines and a cursor inside the text give a plain Enter', () => {
  assert.deepEqual(atEnd('\tRecalling its resolution 64/222,'), { kind: 'default' });
  assert.deepEqual(atEnd('71st plenary meeting'), { kind: 'default' });
  assert.deepEqual(continueParagraph('\t12.\tCalls upon all States;', 6), { kind: 'default' });
});

test('label helpers', () => {
  assert.equal(nextLetterLabel('a'), 'b');
  assert.equal(nextLetterLabel('z'), 'aa');
  assert.equal(nextLetterLabel('ab'), undefined);
  assert.equal(toRoman(9), 'ix');
  assert.equal(fromRoman('xiv'), 14);
  assert.equal(fromRoman('iiii'), undefined);
  assert.equal(isRomanLabel('i', undefined), true);
  assert.equal(isRomanLabel('i', 'h'), false);
  assert.equal(isRomanLabel('c', 'b'), false);
});
