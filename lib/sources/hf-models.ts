import * as v from 'valibot';
import type { Source, TrendingItem } from './contract';
import { count, optionalText, parseJsonList, score, strings, tagList, present } from './json';
import { huggingFaceUrl, isHuggingFaceModelId } from '../shared/links';
import { SOURCE_INFO } from './info';

/**
 * Hugging Face's trending models.
 * `GET /api/models?sort=trendingScore` returns a bare JSON array, already in
 * trending order; `direction` is gone ("Sorting is always descending",
 * huggingface_hub #3630). Default items carry `id, likes, downloads (30 days),
 * trendingScore, pipeline_tag?, library_name?, tags, createdAt` (api-facts.md).
 */
export const HF_MODELS_LIMIT = 50;

const ModelSchema = v.object({
  id: v.pipe(v.string(), v.check(isHuggingFaceModelId, 'not a Hugging Face model id')),
  likes: count,
  downloads: count,
  trendingScore: score,
  // Absent on GGUF and LoRA repos (api-facts.md, pitfall 2).
  pipeline_tag: optionalText,
  library_name: optionalText,
  tags: tagList,
  createdAt: optionalText,
});

/**
 * The model list of a response. Besides the bare array of `/api/models`, this
 * also reads the `{recentlyTrending: [{repoType, repoData}]}` envelope of
 * `GET /api/trending`: the same model repositories (`id, likes, downloads,
 * pipeline_tag?`, no `trendingScore`, api-facts.md pitfall 5) in another
 * wrapper, so a list endpoint that drifts to that shape, or a switch to the
 * trending endpoint, keeps working instead of failing every refresh. Entries of
 * another `repoType` (the endpoint mixes them unless `type=model`) are not
 * models and are skipped, not counted as dropped; a malformed entry is dropped.
 */
function modelList(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('recentlyTrending' in json)) return json;
  const entries = json.recentlyTrending;
  if (!Array.isArray(entries)) return entries;
  return entries
    .filter((entry: unknown) => !isOtherRepoType(entry))
    .map((entry: unknown) => (typeof entry === 'object' && entry !== null && 'repoData' in entry ? entry.repoData : undefined));
}

function isOtherRepoType(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && 'repoType' in entry && typeof entry.repoType === 'string' && entry.repoType !== 'model';
}

export const hfModels: Source = {
  id: 'hf-models',
  label: SOURCE_INFO['hf-models'].label,
  limit: HF_MODELS_LIMIT,
  request: () => ({
    url: `https://huggingface.co/api/models?sort=trendingScore&limit=${HF_MODELS_LIMIT}`,
    headers: { accept: 'application/json' },
  }),
  parse: (body) =>
    parseJsonList(
      body,
      ModelSchema,
      (model): TrendingItem => ({
        id: model.id,
        name: model.id,
        url: huggingFaceUrl('model', model.id),
        metrics: present({ likes: model.likes, downloads: model.downloads, trendingScore: model.trendingScore }),
        ...present({ task: model.pipeline_tag, library: model.library_name, tags: strings(model.tags), createdAt: model.createdAt }),
      }),
      { pick: modelList, limit: HF_MODELS_LIMIT },
    ),
};
