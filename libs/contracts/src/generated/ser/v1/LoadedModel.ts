// Original file: proto/ser/v1/inference_service.proto

import type { ModelRef as _ser_v1_ModelRef, ModelRef__Output as _ser_v1_ModelRef__Output } from '../../ser/v1/ModelRef';
import type { Long } from '@grpc/proto-loader';

/**
 * A model version held by the inference service.
 */
export interface LoadedModel {
  /**
   * The version.
   */
  'model'?: (_ser_v1_ModelRef | null);
  /**
   * Aliases that currently resolve to it.
   */
  'aliases'?: (string)[];
  /**
   * True once it has run a warm-up prediction, so the next one is fast.
   */
  'warm'?: (boolean);
  /**
   * When it was loaded.
   */
  'loadedAtMs'?: (number | string | Long);
  /**
   * TensorFlow.js backend it runs on (e.g. "tensorflow", "wasm", "cpu").
   */
  'backend'?: (string);
  /**
   * Predictions served since it was loaded.
   */
  'predictionsServed'?: (number | string | Long);
  /**
   * Forward passes run since it was loaded, by batch size: dynamic batching puts concurrent requests
   * into one forward pass, so sizes above 1 show it at work.
   */
  'batchesBySize'?: ({[key: number]: number | string | Long});
}

/**
 * A model version held by the inference service.
 */
export interface LoadedModel__Output {
  /**
   * The version.
   */
  'model': (_ser_v1_ModelRef__Output | null);
  /**
   * Aliases that currently resolve to it.
   */
  'aliases': (string)[];
  /**
   * True once it has run a warm-up prediction, so the next one is fast.
   */
  'warm': (boolean);
  /**
   * When it was loaded.
   */
  'loadedAtMs': (number);
  /**
   * TensorFlow.js backend it runs on (e.g. "tensorflow", "wasm", "cpu").
   */
  'backend': (string);
  /**
   * Predictions served since it was loaded.
   */
  'predictionsServed': (number);
  /**
   * Forward passes run since it was loaded, by batch size: dynamic batching puts concurrent requests
   * into one forward pass, so sizes above 1 show it at work.
   */
  'batchesBySize': ({[key: number]: number});
}
