// TensorFlow kernels the platform's models need and TensorFlow lacks, written against TensorFlow's stable C API
// (tensorflow/c/kernels.h, ops.h: no C++ ABI to match) and registered into the process's TensorFlow when Node
// loads this file as an addon, after @tensorflow/tfjs-node has loaded the library (@ser/tfjs-backend does both).
//
// SerTapAttention / SerTapAttentionGrad: the TACN's self-attention over the k dilated taps of every step
// (libs/models/src/tacn.ts, eqs. 4-7 of the TACN paper), from the projected taps to the merged heads. In tfjs ops
// it is a 5-D transpose, batched products of 3x8 matrices (TensorFlow runs them below 1 GFLOP/s), a softmax and
// the transposes back, forwards and backwards: about half of a TACN training step. Here one pass over the rows.
//
// SerTimeTaps / SerTimeTapsGrad: the k time-shifted copies of a sequence that a 1-D convolution reads, side by side
// (libs/models/src/layers/time-taps.ts): out[b, t', j] = x[b, stride * t' + first + j * dilation], zero outside
// the sequence. In tfjs ops that is a split, and per tap a slice, a zero block and a concat, each with its gradient.
#include <math.h>
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

#include "tensorflow/c/kernels.h"
// ops.h declares these structs for C++ only; C needs the typedefs before it.
typedef struct TF_DimensionHandle TF_DimensionHandle;
typedef struct TF_OpDefinitionBuilder TF_OpDefinitionBuilder;
typedef struct TF_ShapeHandle TF_ShapeHandle;
typedef struct TF_ShapeInferenceContext TF_ShapeInferenceContext;
#include "tensorflow/c/ops.h"

#define MAX_TAPS 16

typedef struct {
  int64_t heads, time, dilation;
} TapAttentionAttrs;

static void* create_attrs(TF_OpKernelConstruction* ctx, int with_mask) {
  TapAttentionAttrs* attrs = calloc(1, sizeof(TapAttentionAttrs));
  TF_Status* status = TF_NewStatus();
  TF_OpKernelConstruction_GetAttrInt64(ctx, "heads", &attrs->heads, status);
  if (with_mask && TF_GetCode(status) == TF_OK) TF_OpKernelConstruction_GetAttrInt64(ctx, "time", &attrs->time, status);
  if (with_mask && TF_GetCode(status) == TF_OK) TF_OpKernelConstruction_GetAttrInt64(ctx, "dilation", &attrs->dilation, status);
  if (TF_GetCode(status) != TF_OK) TF_OpKernelConstruction_Failure(ctx, status);
  TF_DeleteStatus(status);
  return attrs;
}

static void* create_forward(TF_OpKernelConstruction* ctx) { return create_attrs(ctx, 1); }
static void* create_backward(TF_OpKernelConstruction* ctx) { return create_attrs(ctx, 0); }
static void delete_attrs(void* attrs) { free(attrs); }

typedef struct {
  int64_t rows, taps, units, head_units;
} TapShape;

// Checks qkv [rows, taps, 3 * units] against the heads; sets status and returns 0 when it does not fit.
static int tap_shape(const TF_Tensor* qkv, int64_t heads, TapShape* shape, TF_Status* status) {
  if (TF_TensorType(qkv) != TF_FLOAT || TF_NumDims(qkv) != 3) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "qkv must be a float32 [rows, taps, 3 * units] tensor");
    return 0;
  }
  shape->rows = TF_Dim(qkv, 0);
  shape->taps = TF_Dim(qkv, 1);
  shape->units = TF_Dim(qkv, 2) / 3;
  if (shape->taps < 1 || shape->taps > MAX_TAPS || shape->units * 3 != TF_Dim(qkv, 2) || heads < 1 || shape->units % heads != 0) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "qkv's last axis must be 3 * units with units divisible by heads, and 1-16 taps");
    return 0;
  }
  shape->head_units = shape->units / heads;
  return 1;
}

static TF_Tensor* allocate(TF_OpKernelContext* ctx, int index, const int64_t* dims, int rank, TF_Status* status) {
  size_t count = 1;
  for (int i = 0; i < rank; i++) count *= (size_t)dims[i];
  return TF_AllocateOutput(ctx, index, TF_FLOAT, dims, rank, count * sizeof(float), status);
}

// Ends a kernel: reports a failed status to TensorFlow, then frees the tensors it held and the status.
static void finish(TF_OpKernelContext* ctx, TF_Status* status, TF_Tensor** tensors, int count) {
  if (TF_GetCode(status) != TF_OK) TF_OpKernelContext_Failure(ctx, status);
  for (int i = 0; i < count; i++) TF_DeleteTensor(tensors[i]);
  TF_DeleteStatus(status);
}

// context[r, i, h*hu + d] = sum_j a[r, h, i, j] v[r, j, h*hu + d], a = softmax_j(q_i . k_j / sqrt(hu)) over the
// taps j that fall inside the sequence (step r mod time plus the tap's offset >= 0); weights keeps a for the gradient.
static void compute_forward(void* kernel, TF_OpKernelContext* ctx) {
  const TapAttentionAttrs* attrs = kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor *qkv = NULL, *context = NULL, *weights = NULL;
  TapShape s;
  TF_GetInput(ctx, 0, &qkv, status);
  if (TF_GetCode(status) != TF_OK || !tap_shape(qkv, attrs->heads, &s, status)) goto done;
  if (attrs->time < 1 || s.rows % attrs->time != 0) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "rows must be batch * time");
    goto done;
  }
  const int64_t context_dims[3] = {s.rows, s.taps, s.units};
  const int64_t weight_dims[4] = {s.rows, attrs->heads, s.taps, s.taps};
  context = allocate(ctx, 0, context_dims, 3, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  weights = allocate(ctx, 1, weight_dims, 4, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  const float* in = TF_TensorData(qkv);
  float* out = TF_TensorData(context);
  float* a = TF_TensorData(weights);
  const int64_t taps = s.taps, units = s.units, hu = s.head_units, width = 3 * units;
  const float scale = 1.0f / sqrtf((float)hu);
  for (int64_t r = 0; r < s.rows; r++) {
    const int64_t t = r % attrs->time;
    int real[MAX_TAPS];
    for (int64_t j = 0; j < taps; j++) real[j] = t + (j - (taps - 1)) * attrs->dilation >= 0;
    const float* row = in + r * taps * width;
    for (int64_t h = 0; h < attrs->heads; h++) {
      float* ah = a + (r * attrs->heads + h) * taps * taps;
      for (int64_t i = 0; i < taps; i++) {
        const float* q = row + i * width + h * hu;
        float top = -INFINITY, total = 0;
        for (int64_t j = 0; j < taps; j++) {
          if (!real[j]) continue;
          const float* k = row + j * width + units + h * hu;
          float dot = 0;
          for (int64_t d = 0; d < hu; d++) dot += q[d] * k[d];
          ah[i * taps + j] = dot * scale;
          if (dot * scale > top) top = dot * scale;
        }
        for (int64_t j = 0; j < taps; j++) {
          const float e = real[j] ? expf(ah[i * taps + j] - top) : 0.0f;
          ah[i * taps + j] = e;
          total += e;
        }
        float* c = out + (r * taps + i) * units + h * hu;
        for (int64_t d = 0; d < hu; d++) c[d] = 0;
        for (int64_t j = 0; j < taps; j++) {
          const float w = ah[i * taps + j] / total;
          ah[i * taps + j] = w;
          const float* v = row + j * width + 2 * units + h * hu;
          for (int64_t d = 0; d < hu; d++) c[d] += w * v[d];
        }
      }
    }
  }
done:
  finish(ctx, status, (TF_Tensor*[]){qkv, context, weights}, 3);
}

// The gradient of compute_forward: from d context [rows, taps, units], the saved qkv and weights, d qkv.
static void compute_backward(void* kernel, TF_OpKernelContext* ctx) {
  const TapAttentionAttrs* attrs = kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor *dcontext = NULL, *qkv = NULL, *weights = NULL, *dqkv = NULL;
  TapShape s;
  TF_GetInput(ctx, 0, &dcontext, status);
  if (TF_GetCode(status) == TF_OK) TF_GetInput(ctx, 1, &qkv, status);
  if (TF_GetCode(status) == TF_OK) TF_GetInput(ctx, 2, &weights, status);
  if (TF_GetCode(status) != TF_OK || !tap_shape(qkv, attrs->heads, &s, status)) goto done;
  if (TF_TensorElementCount(dcontext) != s.rows * s.taps * s.units || TF_TensorElementCount(weights) != s.rows * attrs->heads * s.taps * s.taps) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "dcontext must be [rows, taps, units] and weights [rows, heads, taps, taps]");
    goto done;
  }
  const int64_t dims[3] = {s.rows, s.taps, 3 * s.units};
  dqkv = allocate(ctx, 0, dims, 3, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  const float *dc_all = TF_TensorData(dcontext), *in = TF_TensorData(qkv), *a_all = TF_TensorData(weights);
  float* out = TF_TensorData(dqkv);
  const int64_t taps = s.taps, units = s.units, hu = s.head_units, width = 3 * units;
  const float scale = 1.0f / sqrtf((float)hu);
  for (int64_t i = 0; i < s.rows * taps * width; i++) out[i] = 0;
  for (int64_t r = 0; r < s.rows; r++) {
    const float* row = in + r * taps * width;
    float* drow = out + r * taps * width;
    for (int64_t h = 0; h < attrs->heads; h++) {
      const float* a = a_all + (r * attrs->heads + h) * taps * taps;
      float ds[MAX_TAPS * MAX_TAPS];
      for (int64_t i = 0; i < taps; i++) {
        const float* dc = dc_all + (r * taps + i) * units + h * hu;
        float weighted = 0;
        for (int64_t j = 0; j < taps; j++) {
          const float* v = row + j * width + 2 * units + h * hu;
          float* dv = drow + j * width + 2 * units + h * hu;
          float da = 0;
          for (int64_t d = 0; d < hu; d++) {
            da += dc[d] * v[d];
            dv[d] += a[i * taps + j] * dc[d];
          }
          ds[i * taps + j] = da;
          weighted += da * a[i * taps + j];
        }
        for (int64_t j = 0; j < taps; j++) ds[i * taps + j] = a[i * taps + j] * (ds[i * taps + j] - weighted) * scale;
      }
      for (int64_t i = 0; i < taps; i++) {
        const float* q = row + i * width + h * hu;
        float* dq = drow + i * width + h * hu;
        for (int64_t j = 0; j < taps; j++) {
          const float g = ds[i * taps + j];
          if (g == 0) continue;
          const float* k = row + j * width + units + h * hu;
          float* dk = drow + j * width + units + h * hu;
          for (int64_t d = 0; d < hu; d++) {
            dq[d] += g * k[d];
            dk[d] += g * q[d];
          }
        }
      }
    }
  }
done:
  finish(ctx, status, (TF_Tensor*[]){dcontext, qkv, weights, dqkv}, 4);
}

typedef struct {
  int64_t taps, first, dilation, stride, time;
} TimeTapsAttrs;

static void* create_time_taps(TF_OpKernelConstruction* ctx) {
  TimeTapsAttrs* attrs = calloc(1, sizeof(TimeTapsAttrs));
  TF_Status* status = TF_NewStatus();
  const char* names[] = {"taps", "first", "dilation", "stride"};
  int64_t* values[] = {&attrs->taps, &attrs->first, &attrs->dilation, &attrs->stride};
  for (int i = 0; i < 4 && TF_GetCode(status) == TF_OK; i++) TF_OpKernelConstruction_GetAttrInt64(ctx, names[i], values[i], status);
  if (TF_GetCode(status) == TF_OK && TF_OpKernelConstruction_HasAttr(ctx, "time", status))
    TF_OpKernelConstruction_GetAttrInt64(ctx, "time", &attrs->time, status);
  if (TF_GetCode(status) != TF_OK) TF_OpKernelConstruction_Failure(ctx, status);
  TF_DeleteStatus(status);
  return attrs;
}

// x [batch, time, channels] -> [batch, time / stride, taps, channels].
static void compute_time_taps(void* kernel, TF_OpKernelContext* ctx) {
  const TimeTapsAttrs* a = kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor *x = NULL, *out = NULL;
  TF_GetInput(ctx, 0, &x, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  if (TF_TensorType(x) != TF_FLOAT || TF_NumDims(x) != 3 || TF_Dim(x, 1) % a->stride != 0) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "x must be a float32 [batch, time, channels] tensor with time a multiple of the stride");
    goto done;
  }
  const int64_t batch = TF_Dim(x, 0), time = TF_Dim(x, 1), channels = TF_Dim(x, 2), steps = time / a->stride;
  const int64_t dims[4] = {batch, steps, a->taps, channels};
  out = allocate(ctx, 0, dims, 4, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  const float* in = TF_TensorData(x);
  float* o = TF_TensorData(out);
  for (int64_t b = 0; b < batch; b++)
    for (int64_t t = 0; t < steps; t++)
      for (int64_t j = 0; j < a->taps; j++) {
        const int64_t from = t * a->stride + a->first + j * a->dilation;
        float* dst = o + ((b * steps + t) * a->taps + j) * channels;
        if (from < 0 || from >= time) memset(dst, 0, channels * sizeof(float));
        else memcpy(dst, in + (b * time + from) * channels, channels * sizeof(float));
      }
done:
  finish(ctx, status, (TF_Tensor*[]){x, out}, 2);
}

// dy [batch, steps, taps, channels] -> dx [batch, time, channels]: every tap's gradient added back where it was read.
static void compute_time_taps_grad(void* kernel, TF_OpKernelContext* ctx) {
  const TimeTapsAttrs* a = kernel;
  TF_Status* status = TF_NewStatus();
  TF_Tensor *dy = NULL, *dx = NULL;
  TF_GetInput(ctx, 0, &dy, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  if (TF_TensorType(dy) != TF_FLOAT || TF_NumDims(dy) != 4 || TF_Dim(dy, 2) != a->taps || TF_Dim(dy, 1) * a->stride != a->time) {
    TF_SetStatus(status, TF_INVALID_ARGUMENT, "dy must be a float32 [batch, time / stride, taps, channels] tensor");
    goto done;
  }
  const int64_t batch = TF_Dim(dy, 0), steps = TF_Dim(dy, 1), channels = TF_Dim(dy, 3), time = a->time;
  const int64_t dims[3] = {batch, time, channels};
  dx = allocate(ctx, 0, dims, 3, status);
  if (TF_GetCode(status) != TF_OK) goto done;
  const float* g = TF_TensorData(dy);
  float* o = TF_TensorData(dx);
  memset(o, 0, batch * time * channels * sizeof(float));
  for (int64_t b = 0; b < batch; b++)
    for (int64_t t = 0; t < steps; t++)
      for (int64_t j = 0; j < a->taps; j++) {
        const int64_t to = t * a->stride + a->first + j * a->dilation;
        if (to < 0 || to >= time) continue;
        const float* src = g + ((b * steps + t) * a->taps + j) * channels;
        float* dst = o + (b * time + to) * channels;
        for (int64_t c = 0; c < channels; c++) dst[c] += src[c];
      }
done:
  finish(ctx, status, (TF_Tensor*[]){dy, dx}, 2);
}

static void unknown_shapes(TF_ShapeInferenceContext* ctx, TF_Status* status) { TF_ShapeInferenceContextSetUnknownShape(ctx, status); }

static int define_op(const char* name, const char** inputs, const char** outputs, const char** attrs, TF_Status* status) {
  TF_OpDefinitionBuilder* op = TF_NewOpDefinitionBuilder(name);
  for (; *inputs; inputs++) TF_OpDefinitionBuilderAddInput(op, *inputs);
  for (; *outputs; outputs++) TF_OpDefinitionBuilderAddOutput(op, *outputs);
  for (; *attrs; attrs++) TF_OpDefinitionBuilderAddAttr(op, *attrs);
  TF_OpDefinitionBuilderSetShapeInferenceFunction(op, unknown_shapes);
  TF_RegisterOpDefinition(op, status);
  return TF_GetCode(status) == TF_OK;
}

static int define_kernel(const char* op, void* (*create)(TF_OpKernelConstruction*), void (*compute)(void*, TF_OpKernelContext*), TF_Status* status) {
  TF_KernelBuilder* builder = TF_NewKernelBuilder(op, "CPU", create, compute, delete_attrs);
  TF_RegisterKernelBuilder(op, builder, status);
  return TF_GetCode(status) == TF_OK;
}

static int registered = 0;

static napi_value init(napi_env env, napi_value exports) {
  if (!registered) {
    TF_Status* status = TF_NewStatus();
    const char* forward_in[] = {"qkv: float", NULL};
    const char* forward_out[] = {"context: float", "weights: float", NULL};
    const char* forward_attrs[] = {"heads: int >= 1", "time: int >= 1", "dilation: int >= 1", NULL};
    const char* backward_in[] = {"dcontext: float", "qkv: float", "weights: float", NULL};
    const char* backward_out[] = {"dqkv: float", NULL};
    const char* backward_attrs[] = {"heads: int >= 1", NULL};
    const char* taps_in[] = {"x: float", NULL};
    const char* taps_out[] = {"out: float", NULL};
    const char* taps_attrs[] = {"taps: int >= 1", "first: int", "dilation: int >= 1", "stride: int >= 1", NULL};
    const char* taps_grad_in[] = {"dtaps: float", NULL};
    const char* taps_grad_out[] = {"dx: float", NULL};
    const char* taps_grad_attrs[] = {"taps: int >= 1", "first: int", "dilation: int >= 1", "stride: int >= 1", "time: int >= 1", NULL};
    const int ok = define_op("SerTapAttention", forward_in, forward_out, forward_attrs, status) &&
                   define_op("SerTapAttentionGrad", backward_in, backward_out, backward_attrs, status) &&
                   define_kernel("SerTapAttention", create_forward, compute_forward, status) &&
                   define_kernel("SerTapAttentionGrad", create_backward, compute_backward, status) &&
                   define_op("SerTimeTaps", taps_in, taps_out, taps_attrs, status) &&
                   define_op("SerTimeTapsGrad", taps_grad_in, taps_grad_out, taps_grad_attrs, status) &&
                   define_kernel("SerTimeTaps", create_time_taps, compute_time_taps, status) &&
                   define_kernel("SerTimeTapsGrad", create_time_taps, compute_time_taps_grad, status);
    if (!ok) {
      napi_throw_error(env, NULL, TF_Message(status));
      TF_DeleteStatus(status);
      return NULL;
    }
    TF_DeleteStatus(status);
    registered = 1;
  }
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
