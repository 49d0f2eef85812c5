export { DEMO_EMOTIONS, EMOTION_PROSODY, type DemoEmotion, type EmotionProsody } from './emotions';
export { demoSpeakers, type DemoGender, type DemoSpeaker } from './speakers';
export { CORPUS_INFO_FILE, MANIFEST_FILE, generateDemoCorpus, type DemoCorpusOptions, type DemoCorpusResult, type DemoVoiceEngine } from './generate';
export { DEMO_SENTENCES, espeakAvailable } from './espeak';
export { MANIFEST_COLUMNS, type DemoManifestRow } from './manifest';
export { measureProsody, type ProsodyMeasures } from './prosody-measure';
