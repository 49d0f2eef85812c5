/** The rate the models listen at; the inference service resamples anything else, so sending 16 kHz costs least. */
export const MODEL_RATE = 16_000;

/**
 * A file or recording decoded by the browser (Web Audio: whatever it can play, including what MediaRecorder makes),
 * resampled to `rate`, mixed to mono and written as 16-bit little-endian PCM in base64: what predictionTimeline
 * takes. An OfflineAudioContext decodes without an audio device and resamples to its own rate.
 */
export async function decodeToPcm16(audio: Blob, rate = MODEL_RATE): Promise<{ base64: string; seconds: number }> {
  const decoded = await new OfflineAudioContext(1, 1, rate).decodeAudioData(await audio.arrayBuffer());
  const pcm = new Int16Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) {
    let sum = 0;
    for (let c = 0; c < decoded.numberOfChannels; c++) sum += decoded.getChannelData(c)[i]!;
    const v = Math.max(-1, Math.min(1, sum / decoded.numberOfChannels));
    pcm[i] = Math.round(v * 32767);
  }
  // Int16Array is in the platform's byte order, little-endian on every platform browsers run on.
  const bytes = new Uint8Array(pcm.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { base64: btoa(binary), seconds: decoded.duration };
}
