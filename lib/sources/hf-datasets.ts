import * as v from 'valibot';
import type { Source, TrendingItem } from './contract';
import { count, optionalText, parseJsonList, score, strings, tagList, present } from './json';
import { huggingFaceUrl, isHuggingFaceDatasetId } from '../shared/links';
import { SOURCE_INFO } from './info';

/**
 * Hugging Face's trending datasets.
 * `GET /api/datasets?sort=trendingScore` returns a bare JSON array in trending
 * order, like the models list. Items carry `id, likes, downloads (30 days), tags`
 * and, by the raw list shape, `trendingScore` and `createdAt` (absent from the
 * recorded fixture, which kept only the first 5 tags). Datasets have no
 * `pipeline_tag`: their task lives in `task_categories:` tags (api-facts.md).
 */
export const HF_DATASETS_LIMIT = 50;

const TASK_TAG = 'task_categories:';

const DatasetSchema = v.object({
  id: v.pipe(v.string(), v.check(isHuggingFaceDatasetId, 'not a Hugging Face dataset id')),
  likes: count,
  downloads: count,
  trendingScore: score,
  tags: tagList,
  createdAt: optionalText,
});

/** The first `task_categories:` tag, e.g. `task_categories:text-generation` → `text-generation`. */
function taskFromTags(tags: string[] | undefined): string | undefined {
  const tag = tags?.find((candidate) => candidate.startsWith(TASK_TAG) && candidate.length > TASK_TAG.length);
  return tag?.slice(TASK_TAG.length);
}

export const hfDatasets: Source = {
  id: 'hf-datasets',
  label: SOURCE_INFO['hf-datasets'].label,
  limit: HF_DATASETS_LIMIT,
  request: () => ({
    url: `https://huggingface.co/api/datasets?sort=trendingScore&limit=${HF_DATASETS_LIMIT}`,
    headers: { accept: 'application/json' },
  }),
  parse: (body) =>
    parseJsonList(body, DatasetSchema, (dataset): TrendingItem => {
      const tags = strings(dataset.tags);
      return {
        id: dataset.id,
        name: dataset.id,
        // `/datasets/{id}`: without the prefix the link opens a model page (api-facts.md, pitfall 3).
        url: huggingFaceUrl('dataset', dataset.id),
        metrics: present({ likes: dataset.likes, downloads: dataset.downloads, trendingScore: dataset.trendingScore }),
        ...present({ task: taskFromTags(tags), tags, createdAt: dataset.createdAt }),
      };
    }, { limit: HF_DATASETS_LIMIT }),
};
