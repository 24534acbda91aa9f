/**
 * What an item is, read from its id, name and tags: its owner, the model
 * family it builds on, how it is packaged. Pure; used by the facts.
 */

/** `Qwen/Qwen3.8-27B` → `Qwen3.8-27B`: what a headline calls a repository. */
export function shortName(name: string): string {
  const slash = name.indexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}

export function ownerOf(itemId: string): string | undefined {
  const slash = itemId.indexOf('/');
  return slash > 0 ? itemId.slice(0, slash) : undefined;
}

/**
 * The model family and size an item builds on: the `base_model:` tag when the
 * source sent one, else read from the name (`unsloth/Qwen3.8-27B-GGUF` →
 * `Qwen3.8-27B`). Families are the open-weight lines that dominate Hugging
 * Face's trending lists; an unknown name has no family.
 */
const FAMILY =
  /(?:^|[/_-])((?:qwen|llama|deepseek|gemma|mistral|mixtral|phi|glm|kimi|minimax|flux|wan|hunyuan|olmo|granite|smollm|gpt-oss|ernie|ltx|whisper|stable-diffusion)(?:[-_]?v?\d+(?:\.\d+)*(?![\d.]))?(?:[-_](?:\d+(?:\.\d+)?[bm]|a\d+(?:\.\d+)?b)(?![a-z]))?)(?![a-z])/i;

export function familyOf(item: { itemId: string; tags?: string[] }): string | undefined {
  const base = item.tags?.find((tag) => tag.startsWith('base_model:') && !tag.startsWith('base_model:quantized:') && !tag.startsWith('base_model:finetune:') && !tag.startsWith('base_model:adapter:') && !tag.startsWith('base_model:merge:'));
  const source = base ? base.slice('base_model:'.length) : item.itemId;
  const match = FAMILY.exec(shortName(source));
  return match?.[1];
}

/** How a repository is packaged for local use, read from its name or tags. */
const FORMATS = ['gguf', 'mlx', 'awq', 'gptq', 'fp8', 'exl2', 'onnx'] as const;

export function formatOf(item: { itemId: string; tags?: string[] }): string | undefined {
  const words = new Set([...item.itemId.toLowerCase().split(/[^a-z0-9]+/), ...(item.tags ?? []).map((tag) => tag.toLowerCase())]);
  return FORMATS.find((format) => words.has(format))?.toUpperCase();
}
