/**
 * Steps taken by the loops whose length comes from the input (chunk walk, samples read, resampling
 * kernel and taps), so tests can hold decoding to work proportional to the bytes present without
 * timing anything. Counting is one addition per loop, not per step; not exported from the library.
 */
export const audioWork = { chunks: 0, samplesRead: 0, kernelSteps: 0, resampleSteps: 0 };

export function resetAudioWork(): void {
  audioWork.chunks = audioWork.samplesRead = audioWork.kernelSteps = audioWork.resampleSteps = 0;
}

export const totalAudioWork = () => audioWork.chunks + audioWork.samplesRead + audioWork.kernelSteps + audioWork.resampleSteps;
