/**
 * The character set of the Zengin (全銀協) transfer file, and its bytes.
 *
 * Text fields ("C") hold half-width characters of JIS X 0201 only: digits, upper-case Latin
 * letters, the space, half-width katakana (large forms, with the voiced marks ﾞ ﾟ as separate
 * characters) and a few symbols: ( ) - . / , ｢ ｣ ¥. Banks refuse small kana (ｧ ｯ ｬ …) and lower
 * case in recipient names, so they are converted to the large forms and upper case, as banks
 * ask their customers to do; the long-vowel mark (ー) becomes "-" and the middle dot (・) ".".
 *
 * The file is Shift_JIS. Node has no Shift_JIS encoder, and none is needed for this set: ASCII
 * is its own byte, ¥ is 0x5C, and half-width katakana U+FF61–U+FF9F are the single bytes
 * 0xA1–0xDF. Anything else is refused.
 */

const FULL_KANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const HALF_KANA = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';

const MAP = new Map<string, string>();
for (let i = 0; i < FULL_KANA.length; i++) MAP.set(FULL_KANA.charAt(i), HALF_KANA.charAt(i));
// Small kana → the large form (full width and half width).
for (const [small, large] of [
  ['ァ', 'ｱ'],
  ['ィ', 'ｲ'],
  ['ゥ', 'ｳ'],
  ['ェ', 'ｴ'],
  ['ォ', 'ｵ'],
  ['ッ', 'ﾂ'],
  ['ャ', 'ﾔ'],
  ['ュ', 'ﾕ'],
  ['ョ', 'ﾖ'],
  ['ヮ', 'ﾜ'],
  ['ヵ', 'ｶ'],
  ['ヶ', 'ｹ'],
  ['ｧ', 'ｱ'],
  ['ｨ', 'ｲ'],
  ['ｩ', 'ｳ'],
  ['ｪ', 'ｴ'],
  ['ｫ', 'ｵ'],
  ['ｯ', 'ﾂ'],
  ['ｬ', 'ﾔ'],
  ['ｭ', 'ﾕ'],
  ['ｮ', 'ﾖ'],
] as const) {
  MAP.set(small, large);
}
for (const [from, to] of [
  ['\u3099', 'ﾞ'], // combining voiced mark (from NFD: ガ → カ + ゙)
  ['\u309A', 'ﾟ'], // combining semi-voiced mark
  ['゛', 'ﾞ'],
  ['゜', 'ﾟ'],
  ['ー', '-'],
  ['ｰ', '-'],
  ['‐', '-'],
  ['‑', '-'],
  ['–', '-'],
  ['—', '-'],
  ['−', '-'],
  ['・', '.'],
  ['･', '.'],
  ['｡', '.'],
  ['。', '.'],
  ['､', ','],
  ['、', ','],
  ['「', '｢'],
  ['」', '｣'],
  ['\u3000', ' '],
  ['\\', '¥'],
  ['￥', '¥'],
] as const) {
  MAP.set(from, to);
}

/** The characters a text field may hold. */
const ALLOWED = new Set<string>([
  ...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ()-./,¥｢｣ﾞﾟ',
  ...HALF_KANA,
]);

function mapOne(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  let c = ch;
  // Full-width ASCII (！…～) → ASCII.
  if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
  // Hiragana → katakana.
  else if (code >= 0x3041 && code <= 0x3096) c = String.fromCharCode(code + 0x60);
  c = MAP.get(c) ?? c;
  if (c >= 'a' && c <= 'z') c = c.toUpperCase();
  return c;
}

export type Conversion = { ok: true; text: string } | { ok: false; char: string; index: number };

/**
 * Converts text to the Zengin character set (full-width kana and hiragana to half-width
 * katakana, full-width ASCII to ASCII, lower to upper case); reports the first character that
 * cannot be represented, with its index in the input.
 */
export function toZenginText(value: string): Conversion {
  let out = '';
  let index = 0;
  for (const ch of value.normalize('NFC')) {
    // Voiced kana decompose into base + mark (ガ → カ ゙, ぱ → は ゚, ヴ → ウ ゙).
    let piece = '';
    for (const part of ch.normalize('NFD')) {
      const c = mapOne(part);
      for (const d of c) {
        if (!ALLOWED.has(d)) return { ok: false, char: ch, index };
      }
      piece += c;
    }
    out += piece;
    index += ch.length;
  }
  return { ok: true, text: out };
}

/** Bytes of text already in the Zengin set (toZenginText); throws on any other character. */
export function encodeZengin(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xa5) bytes[i] = 0x5c;
    else if (code >= 0x20 && code <= 0x7e && code !== 0x5c) bytes[i] = code;
    else if (code >= 0xff61 && code <= 0xff9f) bytes[i] = code - 0xfec0;
    else
      throw new RangeError(
        `no single Shift_JIS byte for U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
      );
  }
  return bytes;
}

/** Text of bytes in the same narrow set; throws on any other byte. */
export function decodeZengin(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '¥';
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else if (b >= 0xa1 && b <= 0xdf) out += String.fromCharCode(b + 0xfec0);
    else
      throw new RangeError(
        `byte 0x${b.toString(16).padStart(2, '0')} is outside the Zengin character set`,
      );
  }
  return out;
}
