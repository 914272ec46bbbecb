import iconv from 'iconv-lite';
import { VCardSyntaxError } from './codec-errors.js';
import { generatedEmail, generatedUid, generatedVCard, generateVCards } from './fixtures/generate-vcards.js';
import { readFixture, VCARD_FIXTURES } from './fixtures/fixture-files.js';
import { parseVCard } from './vcard-parse.js';
import { splitVCards } from './vcard-split.js';
import { cardsOf, contactOf } from './vcard-test-support.js';
import { writeVCard } from './vcard-write.js';

const thousand = Buffer.from([...generateVCards(1000)].join(''), 'utf8');

describe('splitVCards', () => {
  it('cuts a 1,000-card file into its cards, whatever the chunk boundaries', async () => {
    const whole = await cardsOf(thousand);
    expect(whole).toHaveLength(1000);
    expect(whole[0]).toBe(generatedVCard(0));
    expect(whole[999]).toBe(generatedVCard(999));
    for (const size of [7, 4096, 65_536]) expect(await cardsOf(thousand, size)).toEqual(whole);
    expect(await cardsOf(thousand.subarray(0, 20_000), 1)).toEqual(await cardsOf(thousand.subarray(0, 20_000)));
  });

  it('carries 1,000 generated cards through parse → write → split → parse unchanged', async () => {
    const first = (await cardsOf(thousand)).map(parseVCard);
    first.forEach((card, at) => {
      expect(card.uid).toBe(generatedUid(at));
      expect(card.fields.email).toBe(generatedEmail(at));
    });
    const exported = Buffer.from(first.map((card, at) => writeVCard(contactOf(card, at + 1), card.vcard_extra)).join(''), 'utf8');
    const second = (await cardsOf(exported, 1000)).map(parseVCard);
    expect(second.map((card) => card.fields)).toEqual(first.map((card) => card.fields));
    expect(second.map((card) => card.vcard_extra)).toEqual(first.map((card) => card.vcard_extra));
  });

  it('reads no further ahead than the card it gives, and holds no more than that card (100,000 cards)', async () => {
    const count = 100_000;
    let produced = 0;
    // Each card padded to about 1 KB: 100 MB in all, which memory would show if it were held.
    const padding = `NOTE:${'x'.repeat(600)}\r\nEND:VCARD\r\n`;
    async function* source(): AsyncGenerator<Buffer> {
      for (const card of generateVCards(count)) {
        produced += 1;
        yield Buffer.from(card.replace('END:VCARD\r\n', padding), 'utf8');
      }
    }
    const heapAtStart = process.memoryUsage().heapUsed;
    let heapPeak = heapAtStart;
    let cards = 0;
    let maxAhead = 0;
    for await (const card of splitVCards(source())) {
      cards += 1;
      maxAhead = Math.max(maxAhead, produced - cards);
      if (card.length > 2_500) throw new Error(`card ${cards} is ${card.length} characters`);
      if (cards % 5_000 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    expect(cards).toBe(count);
    // The card's END:VCARD line arrives with its chunk, so the splitter never waits for the next one.
    expect(maxAhead).toBe(0);
    // Garbage not yet collected is all that may show.
    expect(heapPeak - heapAtStart).toBeLessThan(48 * 1024 * 1024);
  });

  it('gives a card without END:VCARD on its own (parse refuses it) and goes on with the next', async () => {
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\n';
    const cards = await cardsOf(Buffer.from(generatedVCard(1) + broken + generatedVCard(2) + broken));
    expect(cards).toEqual([generatedVCard(1), broken, generatedVCard(2), broken]);
    expect(() => parseVCard(cards[1])).toThrow(VCardSyntaxError);
    expect(parseVCard(cards[2]).fields.email).toBe(generatedEmail(2));
  });

  it('gives text between cards as one unreadable card, and skips blank lines', async () => {
    const cards = await cardsOf(
      Buffer.from(`\r\n\r\n${generatedVCard(1)}\r\n  \r\nsome garbage\r\nmore garbage\r\n${generatedVCard(2)}\n\n`),
    );
    expect(cards).toEqual([generatedVCard(1), 'some garbage\r\nmore garbage\r\n', generatedVCard(2)]);
    expect(() => parseVCard(cards[1])).toThrow('Line 1: a card starts with BEGIN:VCARD, not "some garbage".');
  });

  it('gives binary garbage as unreadable cards, keeping only a little of it', async () => {
    const garbage = Buffer.alloc(200_000);
    for (let at = 0; at < garbage.length; at++) garbage[at] = (at * 7919) % 251;
    const cards = await cardsOf(Buffer.concat([garbage, Buffer.from(`\r\n${generatedVCard(3)}`)]), 4096);
    expect(cards).toHaveLength(2);
    expect(cards[0].length).toBeLessThan(4096);
    expect(() => parseVCard(cards[0])).toThrow(VCardSyntaxError);
    expect(cards[1]).toBe(generatedVCard(3));
  });

  it('keeps a card whose lines are longer than a chunk whole', async () => {
    const photo = 'A'.repeat(300_000);
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nPHOTO;ENCODING=b:${photo}\r\nEND:VCARD\r\n`;
    expect(await cardsOf(Buffer.from(card + generatedVCard(4)), 1000)).toEqual([card, generatedVCard(4)]);
  });

  it('reads a UTF-8 byte order mark, a UTF-16 file, lower-case markers and a last line without its line end', async () => {
    const card = 'begin:vcard\nversion:3.0\nfn:Zoë\nemail:z@example.com\nend:vcard';
    expect(await cardsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(card)]))).toEqual([card]);
    const utf16 = iconv.encode(card, 'utf-16le', { addBOM: true });
    expect(await cardsOf(utf16, 3)).toEqual([card]);
  });

  it('splits the real-world fixtures', async () => {
    expect(await cardsOf(readFixture(VCARD_FIXTURES.ios), 100)).toHaveLength(2);
    expect(await cardsOf(readFixture(VCARD_FIXTURES.nokia), 100)).toHaveLength(2);
    expect(await cardsOf(readFixture(VCARD_FIXTURES.nonAscii), 5)).toHaveLength(3);
  });
});
