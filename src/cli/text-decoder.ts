/**
 * Text decoders by encoding name: Node's own (TextDecoder), except Windows-1252, which Node 20 decodes as ISO-8859-1
 * (a byte 0x93 becomes the control character U+0093 instead of the quote “). A CSV saved by Excel on Windows, or an
 * XML part that declares it, is in Windows-1252.
 */

/** Bytes 0x80-0x9F in Windows-1252 (WHATWG Encoding, index-windows-1252); the other bytes are their code points. */
const HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export interface Decoder {
  /** Decodes bytes; with `stream`, a character cut at the end waits for the next bytes. */
  decode(bytes?: Uint8Array, options?: { stream?: boolean }): string;
}

class Windows1252 implements Decoder {
  decode(bytes?: Uint8Array): string {
    if (bytes === undefined) return "";
    const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
    return latin.replace(/[\u0080-\u009f]/g, (ch) => HIGH[ch.charCodeAt(0) - 0x80]!);
  }
}

/** A decoder for the encoding (`fatal`: bytes not in it throw a TypeError); throws a RangeError for a name Node does not know. */
export function textDecoder(encoding: string, fatal = false): Decoder {
  if (/^(windows-1252|cp1252|x-cp1252|latin1|iso-8859-1|us-ascii|ascii)$/i.test(encoding)) return new Windows1252();
  return new TextDecoder(encoding, { fatal });
}
