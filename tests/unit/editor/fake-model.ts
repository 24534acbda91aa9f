import type { LanguageModelApi, LanguageModelSession, ModelAvailability } from '@/lib/shared/language-model';

/**
 * A stand-in for Chrome's built-in model (lib/shared/language-model.ts): it reports the availability it is given and
 * answers each prompt by the piece's headline (the editor's prompt starts "Headline: …").
 */
export type FakeAnswer =
  | string
  | { throws: string }
  /** Never answers; rejects when the editor aborts its signal (a model that heeds it). */
  | { hangs: 'until-aborted' }
  /** Never answers and ignores the signal (the editor must not wait for it). */
  | { hangs: 'for-ever' }
  /** Answers something that is not text. */
  | { returns: unknown }
  /** Answers this text once the promise settles (a slow model the test releases). */
  | { after: Promise<string> };

export class FakeModel implements LanguageModelApi {
  readonly calls = { availability: 0, create: 0, prompt: 0, destroyed: 0 };
  readonly prompts: string[] = [];
  constructor(
    private readonly state: ModelAvailability | { throws: string },
    private readonly answer: (headline: string, prompt: string) => FakeAnswer,
    private readonly createThrows?: string,
  ) {}

  async availability(): Promise<ModelAvailability> {
    this.calls.availability++;
    if (typeof this.state === 'object') throw new Error(this.state.throws);
    return this.state;
  }

  async create(): Promise<LanguageModelSession> {
    this.calls.create++;
    if (this.createThrows) throw new Error(this.createThrows);
    return {
      prompt: (input, options) => this.prompt(input, options?.signal),
      destroy: () => void this.calls.destroyed++,
    };
  }

  private prompt(input: string, signal: AbortSignal | undefined): Promise<string> {
    this.calls.prompt++;
    this.prompts.push(input);
    const headline = /^Headline: (.*)$/m.exec(input)?.[1] ?? '';
    const answer = this.answer(headline, input);
    if (typeof answer === 'string') return Promise.resolve(answer);
    if ('throws' in answer) return Promise.reject(new Error(answer.throws));
    if ('returns' in answer) return Promise.resolve(answer.returns as string);
    if ('after' in answer) return answer.after;
    return new Promise<string>((_resolve, reject) => {
      if (answer.hangs === 'until-aborted') signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}
