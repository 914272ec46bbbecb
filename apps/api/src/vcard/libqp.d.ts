/** The part of libqp (quoted-printable, no types of its own) that the vCard codec uses. */
declare module 'libqp' {
  interface LibQp {
    /** Quoted-printable text → the bytes it encodes (soft line breaks removed). */
    decode(input: string | Buffer): Buffer;
    encode(input: string | Buffer): string;
  }
  const libqp: LibQp;
  export default libqp;
}
