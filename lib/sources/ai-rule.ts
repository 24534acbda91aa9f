/**
 * THE rule for "is this GitHub repository about AI/ML?" (product.md: GitHub
 * trending covers all of software; keep the AI/ML repositories by topic, name
 * and description, and say in the code what the rule is). Nothing else in the
 * extension decides this.
 *
 * The rule, in plain words:
 *
 *   A repository is AI/ML when its full name (`owner/repo`), its description
 *   or one of its topics contains one of the keywords below as a whole word or
 *   a whole run of words, ignoring case and punctuation; or when one of its
 *   topics is exactly one of `AI_TOPICS`; or when its text contains one of the
 *   Chinese/Japanese/Korean terms in `AI_CJK_TERMS` (those scripts have no
 *   spaces between words, so they are matched as substrings).
 *
 * "Whole word" means: the text is lower-cased and cut at every character that
 * is not a letter or digit (`open-ai` → `open ai`, `.claude` → `claude`), and
 * also at camel-case and letter/digit boundaries (`OpenAI` → `open ai`,
 * `AiToEarn` → `ai to earn`, `Qwen3` → `qwen 3`). So "ai" matches "AI agents",
 * "open-ai" and "VectifyAI", never "maintain", "email" or "Mail"; "llm" matches
 * "LLM-agnostic" and the plural is its own keyword ("llms").
 *
 * The owner counts as part of the name on purpose: `deepseek-ai/DeepSeek-V3`
 * has no description and `tile-ai/tilelang` says nothing about AI in its text.
 *
 * A keyword that lets an obvious non-AI repository in is worse than a missed
 * AI repository, so words that are ambiguous in software are left out (see
 * `LEFT_OUT` below for each one and why) and only kept inside a phrase.
 */

/**
 * Single words and phrases matched as whole words (see the rule above). A
 * phrase is written with single spaces and matches any punctuation between its
 * words: "machine learning" matches "machine-learning" and "Machine Learning".
 */
export const AI_KEYWORDS: readonly string[] = [
  // The field itself.
  'ai',
  'aigc',
  'genai',
  'artificial intelligence',
  'ml',
  'mlops',
  'llmops',
  'machine learning',
  'deep learning',
  'reinforcement learning',
  'rlhf',
  'neural',
  'nlp',
  'computer vision',
  'object detection',
  'vision language',
  'speech recognition',
  'speech to text',
  'text to speech',
  'tts',
  'text to image',
  'text to video',
  'image to video',
  // Models and how they are built and used.
  'llm',
  'llms',
  'vlm',
  'vlms',
  'language model',
  'language models',
  'foundation model',
  'foundation models',
  'diffusion model',
  'diffusion models',
  'stable diffusion',
  'gpt',
  'gpts',
  'chatgpt',
  'chatbot',
  'chatbots',
  'rag',
  'embeddings',
  'vector database',
  'finetune',
  'finetuned',
  'finetuning',
  'qlora',
  'prompt engineering',
  'system prompt',
  'system prompts',
  'agentic',
  'coding agent',
  'coding agents',
  'multi agent',
  'multi agents',
  'mcp',
  'model context protocol',
  // Labs, model families and assistants.
  'openai',
  'anthropic',
  'anthropics', // the GitHub organisation of Anthropic
  'claude',
  'codex',
  'llama',
  'mistral',
  'mixtral',
  'qwen',
  'deepseek',
  'gemma',
  'huggingface',
  'hugging face',
  // Frameworks and runtimes that exist only for ML.
  'pytorch',
  'tensorflow',
  'keras',
  'scikit',
  'onnx',
  'ollama',
  'vllm',
  'sglang',
  'llamaindex',
  'langchain',
  'langgraph',
  'crewai',
  'dspy',
  'diffusers',
  'comfyui',
  'sdxl',
  'gguf',
  'safetensors',
];

/**
 * Topics that mean AI/ML when a repository is tagged with exactly them, though
 * the same word in a description is too ambiguous to count (type inference,
 * AST transformers, reaction-diffusion shaders, multimodal transport).
 */
export const AI_TOPICS: readonly string[] = [
  'transformers',
  'jax',
  'diffusion',
  'multimodal',
  'inference',
  'embedding',
  'agents',
  'ai-agents',
];

/**
 * Chinese, Japanese and Korean terms, matched as substrings: AI, large model,
 * large language model, machine learning, deep learning, neural network,
 * reinforcement learning, (AI) agent. `智能` alone ("smart": smart home, smart
 * contract) is deliberately not one of them.
 */
export const AI_CJK_TERMS: readonly string[] = [
  '人工智能',
  '大模型',
  '大语言模型',
  '机器学习',
  '深度学习',
  '神经网络',
  '强化学习',
  '智能体',
  '人工知能',
  '機械学習',
  '深層学習',
  '大規模言語モデル',
  '인공지능',
  '머신러닝',
  '딥러닝',
];

/**
 * Words considered and left out, with the non-AI repositories they would let
 * in. Kept here so the next person does not add them back without a reason.
 * (Exported for the tests, which check that none of them is a keyword.)
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  agent: 'user agent, ssh-agent, gpg-agent, the Datadog/Elastic/OpenTelemetry agents',
  agents: 'the same, in the plural (kept as a topic and in "coding agents", "multi-agent")',
  transformer: 'TypeScript/Babel AST transformers, stream transformers, power transformers',
  transformers: 'the same (kept as a topic)',
  diffusion: 'reaction-diffusion shaders and physics simulations (kept in "diffusion model", "stable diffusion")',
  inference: 'type inference in compilers, statistical inference (kept as a topic)',
  embedding: 'embedding fonts, a web view or an interpreter (the plural "embeddings" is kept)',
  lora: 'LoRa long-range radio: Meshtastic, LoRaWAN gateways ("qlora" is kept)',
  jax: 'JAX-RS / JAX-WS, the Java web-service APIs (kept as a topic)',
  cuda: 'GPU computing in general (physics, graphics, crypto), not necessarily ML',
  multimodal: 'multimodal transport and trip planners (kept as a topic)',
  gemini: 'the Gemini protocol of the small web (gemini:// browsers and capsules)',
  copilot: 'AWS Copilot, the container CLI',
  grok: 'Logstash grok patterns; "grok" the verb',
  generative: 'generative art and procedural generation',
  prompt: 'shell prompts: starship, powerlevel10k, oh-my-posh',
  'fine tune': '"fine-tune your config/terminal/performance" (the ML spelling "finetune" is kept)',
  whisper: 'Graphite whisper, messaging apps; speech repositories also say "speech recognition" or "ai"',
  yolo: '"YOLO mode" and the slang; detection repositories also say "object detection"',
  agi: 'Sierra\'s Adventure Game Interpreter',
};

export interface RepositoryText {
  /** `owner/repo`. */
  name: string;
  description?: string;
  /** GitHub topics. */
  tags?: string[];
}

/**
 * True when the repository is AI/ML by the rule at the top of this file.
 * `extraKeywords` are the reader's own words, matched the same way as
 * `AI_KEYWORDS` (whole words; a phrase matches across punctuation).
 */
export function isAiRepository(repo: RepositoryText, extraKeywords: readonly string[] = []): boolean {
  return aiMatches(repo, extraKeywords).length > 0;
}

/**
 * The keywords, topics and terms that make the repository AI/ML, in list
 * order (empty when it is not). For tests, and for a "why is this here" hint.
 */
export function aiMatches(repo: RepositoryText, extraKeywords: readonly string[] = []): string[] {
  const tags = repo.tags ?? [];
  const raw = [repo.name, repo.description ?? '', ...tags];
  // Each text is matched on its own, so a phrase never spans name and description.
  const texts = raw.flatMap(wordForms);
  const matches = new Set<string>();
  for (const keyword of [...AI_KEYWORDS, ...extraKeywords]) {
    const needle = ` ${words(keyword).join(' ')} `;
    if (needle.trim() && texts.some((text) => text.includes(needle))) matches.add(keyword);
  }
  const topics = new Set(tags.map((tag) => tag.trim().toLowerCase()));
  for (const topic of AI_TOPICS) if (topics.has(topic)) matches.add(topic);
  const lowered = raw.join('\n').toLowerCase();
  for (const term of [...AI_CJK_TERMS, ...extraKeywords.filter(hasCjk)]) {
    if (lowered.includes(term.toLowerCase())) matches.add(term);
  }
  return [...matches];
}

/**
 * The two word forms of a text, each padded with spaces so that
 * `includes(" word ")` is a whole-word test: the words as written
 * (`chatgpt like`) and the words cut at camel-case and digit boundaries
 * (`chat gpt like`).
 */
function wordForms(text: string): string[] {
  const plain = words(text).join(' ');
  const split = words(splitCamel(text)).join(' ');
  return plain === split ? [` ${plain} `] : [` ${plain} `, ` ${split} `];
}

/** Lower-cased runs of letters and digits. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * `OpenAI` → `Open AI`, `AiToEarn` → `Ai To Earn`, `OpenAIFoo` → `Open AI Foo`,
 * `Qwen3` → `Qwen 3`, `gpt4o` → `gpt 4 o`. An acronym followed by one lower-case
 * letter stays whole (`LLMs`, `GPTs`) so the plural keywords still match.
 */
function splitCamel(text: string): string {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
}

function hasCjk(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
}
