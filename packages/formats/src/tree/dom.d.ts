// The formats package runs in browsers, workers and Node: its sources may use the web platform
// globals that all three share (TextDecoder, AbortSignal, Blob, File, fetch in tests). Until the
// package tsconfig lists "DOM" in `lib`, this reference provides those types.
/// <reference lib="dom" />
