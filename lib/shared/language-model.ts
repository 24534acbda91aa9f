/**
 * The part of Chrome's Prompt API (the `LanguageModel` global; for extensions since Chrome 138, in every extension
 * context including the service worker, with no manifest permission) that the on-device editor uses (issue #12).
 * Written here, by hand and minimal, so that lib/editor takes a model as a parameter and the tests pass a fake one;
 * lib/browser/language-model.ts hands over the browser's own, where there is one. Types only.
 *
 * https://developer.chrome.com/docs/extensions/ai/prompt-api: `availability()` answers one of the four states
 * below; only `available` is used (`downloadable` and `downloading` leave the template: the editor never starts a
 * download). The same options go to `availability()` and `create()`, as the docs ask.
 */
export type ModelAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface ModelOptions {
  expectedInputs?: { type: 'text'; languages?: string[] }[];
  expectedOutputs?: { type: 'text'; languages?: string[] }[];
}

export interface ModelPrompt {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LanguageModelSession {
  prompt(input: string, options?: { signal?: AbortSignal }): Promise<string>;
  destroy(): void;
}

export interface LanguageModelApi {
  availability(options?: ModelOptions): Promise<ModelAvailability>;
  create(options: ModelOptions & { initialPrompts?: ModelPrompt[]; signal?: AbortSignal }): Promise<LanguageModelSession>;
}

/** Text in English, out in English: what the editor asks of the model, for `availability()` and `create()` alike. */
export const EDITOR_MODEL_OPTIONS: ModelOptions = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};
