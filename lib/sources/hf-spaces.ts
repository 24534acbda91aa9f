import * as v from 'valibot';
import type { Source, TrendingItem } from './contract';
import { count, optionalText, parseJsonList, score, strings, tagList, present } from './json';
import { huggingFaceUrl, isHuggingFaceSpaceId } from '../shared/links';
import { SOURCE_INFO } from './info';
import { modelIdsOf } from './bound';

/**
 * Hugging Face's trending Spaces (demo apps).
 * `GET /api/spaces?sort=trendingScore` returns a bare JSON array in trending
 * order; default items are `{_id, id, likes, trendingScore, private, sdk, tags,
 * createdAt}` (raw fixture). Spaces have no download count; `sort=downloads` is
 * not even offered for them (api-facts.md).
 */
export const HF_SPACES_LIMIT = 50;

const SpaceSchema = v.object({
  id: v.pipe(v.string(), v.check(isHuggingFaceSpaceId, 'not a Hugging Face space id')),
  likes: count,
  trendingScore: score,
  // `gradio`, `docker`, `static`, `streamlit`; shown as a label, so any drift reads as absent.
  sdk: optionalText,
  tags: tagList,
  // Not in the default list shape (api-facts.md): read only when a response lists it (issue #12), as model ids.
  models: tagList,
  createdAt: optionalText,
});

export const hfSpaces: Source = {
  id: 'hf-spaces',
  label: SOURCE_INFO['hf-spaces'].label,
  limit: HF_SPACES_LIMIT,
  request: () => ({
    url: `https://huggingface.co/api/spaces?sort=trendingScore&limit=${HF_SPACES_LIMIT}`,
    headers: { accept: 'application/json' },
  }),
  parse: (body) =>
    parseJsonList(
      body,
      SpaceSchema,
      (space): TrendingItem => {
        const models = modelIdsOf(space.models);
        return {
          id: space.id,
          name: space.id,
          // `/spaces/{id}`: without the prefix the link opens a model page (api-facts.md, pitfall 3).
          url: huggingFaceUrl('space', space.id),
          metrics: present({ likes: space.likes, trendingScore: space.trendingScore }),
          ...present({ sdk: space.sdk, tags: strings(space.tags), createdAt: space.createdAt }),
          ...(models.length ? { models } : {}),
        };
      },
      { limit: HF_SPACES_LIMIT },
    ),
};
