import { EDITOR_MODEL_OPTIONS, type LanguageModelApi, type ModelAvailability } from '../shared/language-model';

/**
 * The browser's built-in language model (Chrome's Prompt API, the `LanguageModel` global), or undefined where
 * there is none: Firefox, Chrome before 138, a page or worker where the global is absent. Read at each call, never
 * cached: the global is there or not for the life of the context, and a test or an older browser may lack it.
 */
export function builtInLanguageModel(): LanguageModelApi | undefined {
  const found = (globalThis as { LanguageModel?: unknown }).LanguageModel;
  if (typeof found !== 'function' && (typeof found !== 'object' || found === null)) return undefined;
  const api = found as Partial<LanguageModelApi>;
  return typeof api.availability === 'function' && typeof api.create === 'function' ? (found as LanguageModelApi) : undefined;
}

/**
 * What the options page says of the model: its availability for the editor's options, `unavailable` where the
 * browser has no such API or the question throws (an API that changed shape must not break the page).
 */
export async function languageModelAvailability(model: LanguageModelApi | undefined = builtInLanguageModel()): Promise<ModelAvailability> {
  if (!model) return 'unavailable';
  try {
    const answer = await model.availability(EDITOR_MODEL_OPTIONS);
    return answer === 'available' || answer === 'downloadable' || answer === 'downloading' ? answer : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
