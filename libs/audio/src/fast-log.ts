/**
 * Natural log for the front ends' hot loops: V8's Math.log measured ~25 ns a call on the project
 * machines, a fifth of the whole log-mel time. Splitting x = m * 2^e through the IEEE-754 bits and
 * summing the atanh series of m costs a fraction of that and is within 2e-9 absolute of
 * Math.log for every normal positive double (far below float32 resolution of the outputs).
 */
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer); // little-endian: words[1] holds sign, exponent, top of mantissa
const LN2 = Math.LN2;

export function fastLog(x: number): number {
  bits[0] = x;
  const hi = words[1]!;
  const biased = (hi >>> 20) & 0x7ff;
  // Zero, subnormals, negatives, infinities and NaN are rare here: leave them to Math.log.
  if (biased === 0 || biased === 0x7ff || hi < 0) return Math.log(x);
  let exponent = biased - 1023;
  let mantissaHi = hi & 0x000fffff;
  // Centre the mantissa on 1: m in [sqrt(1/2), sqrt(2)) keeps the series argument |f| <= 0.172.
  if (mantissaHi > 0x6a09e) {
    mantissaHi |= 0x3fe00000; // m / 2
    exponent += 1;
  } else {
    mantissaHi |= 0x3ff00000;
  }
  words[1] = mantissaHi;
  const m = bits[0]!;
  const f = (m - 1) / (m + 1);
  const f2 = f * f;
  // log m = 2 atanh f = 2 (f + f^3/3 + f^5/5 + ...), truncated after f^13 (error < 1e-12 at |f| = 0.172).
  const series = 2 * f * (1 + f2 * (1 / 3 + f2 * (1 / 5 + f2 * (1 / 7 + f2 * (1 / 9 + f2 * (1 / 11 + f2 / 13))))));
  return exponent * LN2 + series;
}
