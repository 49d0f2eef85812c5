// An optimizer that updates all its variables with one pass of element-wise kernels: the gradients and values are
// flattened and concatenated into one vector each, the update rule runs once on those, and the new values are split
// back and assigned. tfjs's own optimizers run the rule per variable (~10-15 tiny kernels each), which with hundreds
// of variables costs thousands of kernel dispatches per step. Per element the math is the same kernels in the same
// order, so the steps are the same as tfjs's (test: fused-optimizers.spec.ts).
import * as tf from '@tensorflow/tfjs';

type VariableGradients = Parameters<tf.Optimizer['applyGradients']>[0];
type NamedTensor = Awaited<ReturnType<tf.Optimizer['getWeights']>>[number];

/** Where one variable lies in the flat vectors. */
interface Segment {
  name: string;
  shape: number[];
  size: number;
}

/** The rule's view of one update: its slots (moments, accumulators), the gradient and the values, all flat. */
export interface FlatUpdate {
  slots: tf.Tensor[];
  value: tf.Tensor;
}

function flat(t: tf.Tensor): tf.Tensor {
  return t.rank === 1 ? t : tf.reshape(t, [-1]);
}

function concatFlat(tensors: readonly tf.Tensor[]): tf.Tensor {
  return tf.concat(tensors.map(flat));
}

function registeredVariable(name: string): tf.Variable {
  const variable = tf.engine().registeredVariables[name];
  tf.util.assert(variable !== undefined, () => `no variable named ${name}`);
  return variable!;
}

export abstract class FlatOptimizer extends tf.Optimizer {
  /** The slots' names, as tfjs's optimizer of the same rule calls them (`${variable}/${slot}` in getWeights). */
  protected abstract readonly slotNames: readonly string[];
  /** The rule on flat vectors, in the kernel order of tfjs's optimizer (runs inside a tidy). */
  protected abstract update(slots: readonly tf.Tensor[], gradient: tf.Tensor, value: tf.Tensor): FlatUpdate;
  /** Per-step state the rule keeps besides its slots (Adam's beta powers), advanced after each update. */
  protected afterUpdate(): void {}
  /** Sets that per-step state from the iteration count, after setWeights. */
  protected restoreStepState(): void {}

  private segments: Segment[] | undefined;
  private slots: tf.Variable[] = [];

  applyGradients(variableGradients: VariableGradients): void {
    const entries = Array.isArray(variableGradients)
      ? variableGradients.map(({ name, tensor }) => ({ name, gradient: tensor as tf.Tensor | null }))
      : Object.entries(variableGradients).map(([name, gradient]) => ({ name, gradient: gradient as tf.Tensor | null }));
    const variables = entries.map(({ name }) => registeredVariable(name));
    this.ensureSlots(variables);
    tf.tidy(() => {
      const gradients = entries.map((e) => e.gradient);
      if (gradients.every((g): g is tf.Tensor => g != null)) this.updateAll(variables, gradients);
      else this.updateSome(variables, gradients);
      this.afterUpdate();
    });
    this.incrementIterations();
  }

  /** The usual step: every variable has a gradient, so one rule pass over everything. */
  private updateAll(variables: tf.Variable[], gradients: tf.Tensor[]): void {
    const next = this.update(this.slots, concatFlat(gradients), concatFlat(variables));
    next.slots.forEach((slot, k) => this.slots[k]!.assign(slot));
    const values = this.unflatten(next.value);
    variables.forEach((v, i) => v.assign(values[i]!));
  }

  /** A flat vector cut back into one tensor per variable, of its shape. */
  private unflatten(t: tf.Tensor): tf.Tensor[] {
    const segments = this.segments!;
    const pieces = tf.split(
      t,
      segments.map((s) => s.size),
    );
    return pieces.map((piece, i) => (segments[i]!.shape.length === 1 ? piece : tf.reshape(piece, segments[i]!.shape)));
  }

  /** As tfjs: a variable without a gradient (not connected to the loss, or not trainable) keeps its value and slots. */
  private updateSome(variables: tf.Variable[], gradients: Array<tf.Tensor | null>): void {
    const sizes = this.segments!.map((s) => s.size);
    const pieces = this.slots.map((slot) => tf.split(slot, sizes));
    variables.forEach((v, i) => {
      const gradient = gradients[i];
      if (gradient == null) return;
      const next = this.update(
        pieces.map((p) => p[i]!),
        flat(gradient),
        flat(v),
      );
      next.slots.forEach((slot, k) => (pieces[k]![i] = slot));
      v.assign(tf.reshape(next.value, v.shape));
    });
    pieces.forEach((p, k) => this.slots[k]!.assign(concatFlat(p)));
  }

  private ensureSlots(variables: tf.Variable[]): void {
    if (this.segments === undefined) {
      this.setSegments(variables.map((v) => ({ name: v.name, shape: v.shape, size: v.size })));
      const total = variables.reduce((sum, v) => sum + v.size, 0);
      this.slots = this.slotNames.map(() => tf.tidy(() => tf.variable(tf.zeros([total]), false)));
      return;
    }
    const expected = this.segments.map((s) => s.name).join(',');
    tf.util.assert(variables.map((v) => v.name).join(',') === expected, () => `${this.getClassName()} updates the same variables in the same order every step`);
  }

  private setSegments(segments: Segment[]): void {
    for (const s of segments)
      tf.util.assert(registeredVariable(s.name).dtype === 'float32', () => `${this.getClassName()} updates float32 variables, ${s.name} is not`);
    this.segments = segments;
  }

  /** As tfjs's: the iteration count, then each slot per variable in update order. The tensors are the caller's. */
  override async getWeights(): Promise<NamedTensor[]> {
    const weights = [await this.saveIterations()];
    if (this.segments === undefined) return weights;
    this.slots.forEach((slot, k) => {
      const pieces = tf.tidy(() => this.unflatten(slot));
      pieces.forEach((tensor, i) => weights.push({ name: `${this.segments![i]!.name}/${this.slotNames[k]}`, tensor }));
    });
    return weights;
  }

  /** Takes tfjs's layout (what getWeights gives, or tfjs's optimizer of the same rule); copies the tensors. */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const slotWeights = await this.extractIterations(weightValues);
    this.restoreStepState();
    tf.dispose(this.slots);
    this.slots = [];
    this.segments = undefined;
    if (slotWeights.length === 0) return;
    const perSlot = slotWeights.length / this.slotNames.length;
    tf.util.assert(Number.isInteger(perSlot), () => `${slotWeights.length} weights do not split into ${this.slotNames.length} slots`);
    const bySlot = this.slotNames.map((_, k) => slotWeights.slice(k * perSlot, (k + 1) * perSlot));
    this.setSegments(bySlot[0]!.map(({ name, tensor }) => ({ name: name.slice(0, name.lastIndexOf('/')), shape: tensor.shape, size: tensor.size })));
    bySlot.forEach((weights, k) => {
      weights.forEach(({ name }, i) => {
        const expected = `${this.segments![i]!.name}/${this.slotNames[k]}`;
        tf.util.assert(name === expected && weights[i]!.tensor.size === this.segments![i]!.size, () => `slot weight ${name} where ${expected} was expected`);
      });
    });
    this.slots = bySlot.map((weights) => tf.tidy(() => tf.variable(concatFlat(weights.map((w) => w.tensor)), false)));
  }

  override dispose(): void {
    super.dispose();
    tf.dispose(this.slots);
    this.slots = [];
    this.segments = undefined;
  }
}
