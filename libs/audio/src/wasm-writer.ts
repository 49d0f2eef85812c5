/**
 * Just enough of the WebAssembly binary format to emit one function over SIMD locals and linear memory
 * (straight-line code, plus simple counted loops): the log-mel frame kernel and the resampling kernel are
 * generated from TypeScript at run time, so their source is this repository's code and no wasm toolchain
 * is needed to build them.
 */

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

const utf8 = (s: string) => [...uleb(s.length), ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

const OP = {
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Const: 0x41,
  i32Add: 0x6a,
  i32Ne: 0x47,
  loop: 0x03,
  brIf: 0x0d,
  emptyType: 0x40,
  simd: 0xfd, // prefix of the opcodes below, each a LEB128 after it
  i8x16Shuffle: 0x0d, // (SIMD) followed by 16 lane bytes
  end: 0x0b,
} as const;

const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  v128Const: 0x0c,
  load32Lane: 0x56,
  store32Lane: 0x5a,
  store64Lane: 0x5b,
  load32Zero: 0x5c,
  f32x4DemoteF64x2Zero: 0x5e,
  f64x2PromoteLowF32x4: 0x5f,
  f64x2Gt: 0x4a,
  v128And: 0x4e,
  v128Or: 0x50,
  v128Bitselect: 0x52,
  i64x2ShrU: 0xcd,
  f64x2Sqrt: 0xef,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
} as const;

/** A growable byte buffer: instructions are emitted by the hundred thousand, so no per-op arrays. */
class Bytes {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  byte(b: number): void {
    if (this.length === this.buffer.length) {
      const grown = new Uint8Array(2 * this.buffer.length);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = b;
  }
  uleb(value: number): void {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.byte(v);
  }
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * A function body under construction, computing on f64x2 vectors (two float64 lanes, each lane
 * exactly the scalar IEEE operation; the log-mel kernel) or f32x4 ones (the resampling kernel), with
 * loops where unrolling would not pay: i32 parameters first, then `v128Locals` v128 locals.
 */
export class StraightLineCode {
  private readonly code = new Bytes();
  private readonly f64Bits = new Float64Array(1);
  private readonly f64Bytes = new Uint8Array(this.f64Bits.buffer);
  private readonly u64Bits = new BigUint64Array(this.f64Bits.buffer);

  constructor(
    readonly i32Params: number,
    readonly v128Locals: number,
  ) {}

  get(local: number): this {
    return this.withIndex(OP.localGet, local);
  }
  set(local: number): this {
    return this.withIndex(OP.localSet, local);
  }
  tee(local: number): this {
    return this.withIndex(OP.localTee, local);
  }
  /** Pushes [value, value]. */
  splat(value: number): this {
    this.simd(SIMD.v128Const);
    this.f64Bits[0] = value;
    for (let lane = 0; lane < 2; lane++) for (const b of this.f64Bytes) this.code.byte(b);
    return this;
  }
  /** Pushes a vector whose two 64-bit lanes both hold `bits`. */
  splatBits(bits: bigint): this {
    this.u64Bits[0] = bits;
    this.simd(SIMD.v128Const);
    for (let lane = 0; lane < 2; lane++) for (const b of this.f64Bytes) this.code.byte(b);
    return this;
  }
  /** Pushes the two f64 at base + offset (16-byte aligned), base an i32 local or (null) address 0. */
  load(base: number | null, offset: number): this {
    return this.address(base).memory(SIMD.v128Load, 4, offset);
  }
  /** Stores the vector `value` pushes at base + offset. */
  store(base: number | null, offset: number, value: () => void): this {
    this.address(base);
    value();
    return this.memory(SIMD.v128Store, 4, offset);
  }
  /** Stores one lane of a vector local as an f64 at base + offset. */
  storeLane(base: number, offset: number, local: number, lane: 0 | 1): this {
    this.get(base).get(local).memory(SIMD.store64Lane, 3, offset);
    this.code.byte(lane);
    return this;
  }
  /** Stores one lane of a vector local of float32s (after demote) as an f32 at base + offset. */
  storeLaneF32(base: number, offset: number, local: number, lane: 0 | 1): this {
    this.get(base).get(local).memory(SIMD.store32Lane, 2, offset);
    this.code.byte(lane);
    return this;
  }
  /** Pushes [f32 at base + offset, f32 at base + offset + stride] widened to f64. */
  loadF32Pair(base: number, offset: number, stride: number): this {
    this.get(base)
      .get(base)
      .memory(SIMD.load32Zero, 2, offset)
      .memory(SIMD.load32Lane, 2, offset + stride);
    this.code.byte(1);
    return this.simd(SIMD.f64x2PromoteLowF32x4);
  }
  /** Opens a loop (no result); brIf(0) inside it jumps back to its start. Close it with end(). */
  loop(): this {
    this.code.byte(OP.loop);
    this.code.byte(OP.emptyType);
    return this;
  }
  /** Pops an i32 and branches to the `depth`-th enclosing label when it is nonzero. */
  brIf(depth: number): this {
    return this.withIndex(OP.brIf, depth);
  }
  end(): this {
    this.code.byte(OP.end);
    return this;
  }
  /** Pushes an i32 constant (signed LEB128). */
  i32(value: number): this {
    this.code.byte(OP.i32Const);
    let v = value | 0;
    for (;;) {
      const byte = v & 0x7f;
      v >>= 7;
      const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
      this.code.byte(done ? byte : byte | 0x80);
      if (done) return this;
    }
  }
  i32Add(): this {
    this.code.byte(OP.i32Add);
    return this;
  }
  i32Ne(): this {
    this.code.byte(OP.i32Ne);
    return this;
  }
  /** Pushes the 16 bytes at base + offset, any alignment (float32 windows that start at any sample). */
  loadUnaligned(base: number | null, offset: number): this {
    return this.address(base).memory(SIMD.v128Load, 0, offset);
  }
  /** Four float32 lanes added, each the scalar IEEE operation (resampling kernel). */
  addF32(): this {
    return this.simd(SIMD.f32x4Add);
  }
  mulF32(): this {
    return this.simd(SIMD.f32x4Mul);
  }
  /** (a, b) -> the 32-bit lanes `lanes` picks from a's [0, 4) and b's [4, 8). */
  shuffle32(lanes: readonly [number, number, number, number]): this {
    this.simd(OP.i8x16Shuffle);
    for (const lane of lanes) for (let b = 0; b < 4; b++) this.code.byte(4 * lane + b);
    return this;
  }
  add(): this {
    return this.simd(SIMD.f64x2Add);
  }
  sub(): this {
    return this.simd(SIMD.f64x2Sub);
  }
  mul(): this {
    return this.simd(SIMD.f64x2Mul);
  }
  sqrt(): this {
    return this.simd(SIMD.f64x2Sqrt);
  }
  div(): this {
    return this.simd(SIMD.f64x2Div);
  }
  /** Lane masks: all ones where a > b. */
  gt(): this {
    return this.simd(SIMD.f64x2Gt);
  }
  and(): this {
    return this.simd(SIMD.v128And);
  }
  or(): this {
    return this.simd(SIMD.v128Or);
  }
  /** (a, b, mask) -> a where mask bits are set, b elsewhere. */
  bitselect(): this {
    return this.simd(SIMD.v128Bitselect);
  }
  /** Both 64-bit lanes shifted right (logical) by `count` bits. */
  shiftRightU64(count: number): this {
    this.code.byte(OP.i32Const);
    this.code.uleb(count); // count < 64: its signed and unsigned LEB128 are the same bytes
    return this.simd(SIMD.i64x2ShrU);
  }
  /** [a, b] (f64) -> [f32 a, f32 b, 0, 0]. */
  demote(): this {
    return this.simd(SIMD.f32x4DemoteF64x2Zero);
  }

  /** The code-section entry: size, local declarations, instructions, end. */
  body(): Uint8Array {
    const locals = this.v128Locals > 0 ? [1, ...uleb(this.v128Locals), 0x7b] : [0];
    const size = uleb(locals.length + this.code.length + 1);
    const out = new Uint8Array(size.length + locals.length + this.code.length + 1);
    out.set(size);
    out.set(locals, size.length);
    out.set(this.code.view(), size.length + locals.length);
    out[out.length - 1] = OP.end;
    return out;
  }

  private address(base: number | null): this {
    if (base !== null) return this.get(base);
    this.code.byte(OP.i32Const);
    this.code.byte(0);
    return this;
  }
  private memory(opcode: number, align: number, offset: number): this {
    this.simd(opcode);
    this.code.byte(align);
    this.code.uleb(offset);
    return this;
  }
  private withIndex(opcode: number, index: number): this {
    this.code.byte(opcode);
    this.code.uleb(index);
    return this;
  }
  private simd(opcode: number): this {
    this.code.byte(OP.simd);
    this.code.uleb(opcode);
    return this;
  }
}

/** A module exporting its memory as `memory` and `code` as the function `name` (i32 params, no results). */
export function buildModule(name: string, code: StraightLineCode, memoryPages: number): Uint8Array {
  const type = [0x60, ...uleb(code.i32Params), ...Array<number>(code.i32Params).fill(0x7f), 0];
  const body = code.body();
  const head = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector([type])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, ...uleb(memoryPages)]])),
    ...section(
      7,
      vector([
        [...utf8(name), 0x00, 0],
        [...utf8('memory'), 0x02, 0],
      ]),
    ),
    10, // code section: one body
    ...uleb(1 + body.length),
    1,
  ];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

// The project's TypeScript libs (no DOM) type WebAssembly only as a namespace, so the few members
// used here are declared locally.
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

/** Compiles and instantiates module bytes (no imports); synchronous, as the front end is. */
export function instantiate(bytes: Uint8Array): Record<string, unknown> {
  return new webAssembly.Instance(new webAssembly.Module(bytes), {}).exports;
}

export const validateModule = (bytes: Uint8Array): boolean => webAssembly.validate(bytes);
