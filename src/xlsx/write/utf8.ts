/**
 * Text to and from UTF-8 bytes with the platform's own encoders (fflate's helpers did the same, but
 * loading fflate for them cost every merge ~10 ms of start-up).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const strToU8 = (s: string): Uint8Array<ArrayBuffer> => encoder.encode(s);
export const strFromU8 = (b: Uint8Array): string => decoder.decode(b);
