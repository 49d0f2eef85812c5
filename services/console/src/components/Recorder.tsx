import { useEffect, useRef, useState } from 'react';

/**
 * Records from the microphone with MediaRecorder in whatever container the browser picks (WebM/Opus in Chromium
 * and Firefox, MP4/AAC in Safari); the gateway's inference service decodes it through ffmpeg.
 */
export function Recorder({ onRecorded }: { onRecorded: (file: File) => void }) {
  const [state, setState] = useState<'idle' | 'recording' | 'unsupported'>(typeof MediaRecorder === 'undefined' ? 'unsupported' : 'idle');
  const [problem, setProblem] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((t) => t.stop()), []);

  const start = async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const rec = new MediaRecorder(stream);
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const type = rec.mimeType || 'audio/webm';
        const extension = type.includes('mp4') ? 'm4a' : type.includes('ogg') ? 'ogg' : 'webm';
        onRecorded(new File(chunks, `recording.${extension}`, { type }));
        setState('idle');
      };
      recorder.current = rec;
      rec.start();
      setState('recording');
    } catch (err) {
      setProblem(`The microphone is not available: ${(err as Error).message}`);
    }
  };

  if (state === 'unsupported') return <p>This browser cannot record audio (no MediaRecorder); upload a file instead.</p>;
  return (
    <div>
      {state === 'recording' ? (
        <button type="button" className="danger" onClick={() => recorder.current?.stop()}>
          Stop recording
        </button>
      ) : (
        <button type="button" className="secondary" onClick={() => void start()}>
          Record from the microphone
        </button>
      )}
      <span aria-live="polite">{state === 'recording' ? ' Recording…' : ''}</span>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
