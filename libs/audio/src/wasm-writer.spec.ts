import { describe, expect, it } from 'vitest';
import { buildModule, instantiate, StraightLineCode, validateModule, type WasmMemory } from './wasm-writer';

function compile(code: StraightLineCode) {
  const exports = instantiate(buildModule('run', code, 1));
  return { run: exports.run as (...args: number[]) => void, memory: exports.memory as WasmMemory };
}

describe('wasm-writer (straight-line f64x2 functions)', () => {
  it('emits loads, stores, constants and lane-wise arithmetic that WebAssembly runs as written', () => {
    // Lanes: x = [in32[50], in32[50 + 3]], y = [in64[125], in64[126]] (offsets past 127 bytes take
    // two LEB128 bytes); out = sqrt(x * 2.5 + y) - 0.125 and (y - x) / y, reusing a local via tee.
    const c = new StraightLineCode(2, 2);
    const [IN, OUT, x, y] = [0, 1, 2, 3];
    c.loadF32Pair(IN, 200, 12).set(x).load(null, 1000).set(y);
    c.store(OUT, 0, () => c.get(x).splat(2.5).mul().get(y).add().sqrt().splat(0.125).sub());
    c.store(OUT, 16, () => c.get(y).get(x).sub().tee(x).get(y).div());
    const { run, memory } = compile(c);
    const f32 = new Float32Array(memory.buffer);
    [f32[50], f32[53]] = [3, -1.5];
    new Float64Array(memory.buffer, 1000, 2).set([8.5, 4]);
    run(0, 4096);
    expect(Array.from(new Float64Array(memory.buffer, 4096, 4))).toEqual([
      Math.sqrt(3 * 2.5 + 8.5) - 0.125,
      Math.sqrt(-1.5 * 2.5 + 4) - 0.125,
      (8.5 - 3) / 8.5,
      (4 + 1.5) / 4,
    ]);
  });

  it('selects, masks and shifts bits, demotes to float32 and stores single lanes', () => {
    // [a, b] = [6, 0.75]: where a lane > 1 take its half, else the lane itself; the exponent field
    // (bits >> 52) of each lane; then lane stores of the float32 and float64 results.
    const c = new StraightLineCode(1, 3);
    const [OUT, v, w, mask] = [0, 1, 2, 3];
    c.load(null, 0).set(v);
    c.get(v).splat(1).gt().set(mask);
    c.get(v).splat(0.5).mul().get(v).get(mask).bitselect().set(w);
    c.get(w).demote().set(w).storeLaneF32(OUT, 0, w, 0).storeLaneF32(OUT, 4, w, 1);
    c.get(v)
      .shiftRightU64(52)
      .splatBits(0x4330000000000000n)
      .or()
      .splat(2 ** 52)
      .sub()
      .set(v);
    c.storeLane(OUT, 8, v, 0).storeLane(OUT, 16, v, 1);
    c.get(mask).splatBits(0x3ff0000000000000n).and().set(mask).storeLane(OUT, 24, mask, 0).storeLane(OUT, 32, mask, 1);
    const { run, memory } = compile(c);
    new Float64Array(memory.buffer, 0, 2).set([6, 0.75]);
    run(64);
    expect(Array.from(new Float32Array(memory.buffer, 64, 2))).toEqual([3, 0.75]);
    expect(Array.from(new Float64Array(memory.buffer, 72, 4))).toEqual([1023 + 2, 1023 - 1, 1, 0]);
  });

  it('declares the i32 parameters and v128 locals the body uses (the module validates)', () => {
    const c = new StraightLineCode(3, 130); // 130 locals: a two-byte LEB128 count
    c.store(2, 16, () => c.splat(-0.5).tee(131).get(131).add());
    expect(validateModule(buildModule('run', c, 1))).toBe(true);
    const { run, memory } = compile(c);
    run(0, 0, 64);
    expect(Array.from(new Float64Array(memory.buffer, 80, 2))).toEqual([-1, -1]);
  });
});
