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
 *   spaces between words, so they are matched as substrings); or when the
 *   caller passes the set of repositories that the Hugging Face sources
 *   themselves link (model cards, Spaces, papers) and it is one of them.
 *
 * The keywords are the field's own words, the names of ML tasks (image
 * inpainting, text-to-speech, speaker diarization, OCR, background removal,
 * source separation, machine translation, time-series forecasting,
 * recommender systems, similarity search over vectors…), model families,
 * labs, and frameworks that exist only for ML. A task word is added only when
 * it means ML in software generally, never a repository's or owner's name.
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
  // ML tasks named without a generic AI word: what a repository that does one
  // of them says instead of "AI" ("Image inpainting", "Source separation").
  'speech synthesis',
  'speaker diarization',
  'diarization',
  'voice cloning',
  'voice clone',
  'voice conversion',
  'source separation',
  'ocr',
  'optical character recognition',
  'machine translation',
  'named entity recognition',
  'sentiment analysis',
  'image classification',
  'text classification',
  'face recognition',
  'facial recognition',
  'face restoration',
  'face swap',
  'faceswap',
  'deepfake',
  'deepfakes',
  'deep fake',
  'pose estimation',
  'depth estimation',
  'image segmentation',
  'semantic segmentation',
  'instance segmentation',
  'segment anything',
  'background removal',
  'inpainting',
  'outpainting',
  'super resolution',
  'self driving',
  'autonomous driving',
  'time series forecasting',
  'gradient boosting',
  'recommender system',
  'recommender systems',
  'recommendation system',
  'recommendation systems',
  'recommendation algorithm',
  'similarity search',
  'vector search',
  'vector similarity',
  'nearest neighbor search',
  'approximate nearest neighbor',
  'approximate nearest neighbors',
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
  'prompting',
  'latents',
  'latent space',
  'latent diffusion',
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
  'hf co', // hf.co, Hugging Face's short domain: a description that is only a link to a model
  'black forest labs', // the FLUX models
  // Frameworks and runtimes that exist only for ML.
  'pytorch',
  'tensorflow',
  'keras',
  'scikit',
  'onnx',
  'paddlepaddle',
  'ncnn',
  'xgboost',
  'lightgbm',
  'catboost',
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
  'forecasting', // weather apps say "weather" or "forecast"; the topic is the statistics/ML one
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
  '音声合成', // speech synthesis (Japanese)
  '语音合成', // speech synthesis (Chinese)
  '語音合成',
  '音声認識', // speech recognition (Japanese)
  '语音识别', // speech recognition (Chinese)
  '语音克隆', // voice cloning (Chinese)
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
  prompt: 'shell prompts: starship, powerlevel10k, oh-my-posh ("prompting", the verb, is kept)',
  prompts: 'the same, and interactive CLI prompts (Inquirer, prompts, huh)',
  recommendation: '"makes recommendations" (MySQLTuner, linters); kept in "recommendation system(s)/algorithm"',
  recommender: 'the Kubernetes VPA recommender and the like; kept in "recommender system(s)"',
  forecasting: 'weather forecasting apps (kept as a topic and in "time series forecasting")',
  segmentation: 'network and memory segmentation, Segment the analytics company (kept in "image/semantic/instance segmentation")',
  detection: 'user-agent, secret, language and intrusion detection (kept in "object detection")',
  translation: 'i18n and translation files (kept in "machine translation")',
  'frame interpolation': 'classical motion-interpolation filters (ffmpeg minterpolate, SVP)',
  sora: 'the WebRTC SFU "Sora" and the name',
  flux: 'Flux CD, the Flux architecture, the FLUX model family is matched by its lab ("black forest labs")',
  mlx: 'Mellanox mlx4/mlx5 network drivers',
  deepmind: 'its owner name also marks google-deepmind/mujoco, a physics simulator',
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

/** What `aiMatches` returns for a repository found in `linkedRepositories`. */
export const LINKED_FROM_HUGGING_FACE = 'linked from Hugging Face';

/**
 * True when the repository is AI/ML by the rule at the top of this file.
 * `extraKeywords` are the reader's own words, matched the same way as
 * `AI_KEYWORDS` (whole words; a phrase matches across punctuation).
 * `linkedRepositories` are the repositories that the Hugging Face sources link
 * (lower-cased `owner/repo`): each of them counts, whatever its text says.
 */
export function isAiRepository(
  repo: RepositoryText,
  extraKeywords: readonly string[] = [],
  linkedRepositories?: ReadonlySet<string>,
): boolean {
  return aiMatches(repo, extraKeywords, linkedRepositories).length > 0;
}

/**
 * The keywords, topics and terms that make the repository AI/ML, in list
 * order (empty when it is not), preceded by `LINKED_FROM_HUGGING_FACE` when the
 * repository is in `linkedRepositories`. For tests, and for a "why is this
 * here" hint.
 */
export function aiMatches(
  repo: RepositoryText,
  extraKeywords: readonly string[] = [],
  linkedRepositories?: ReadonlySet<string>,
): string[] {
  const matches = new Set<string>();
  if (linkedRepositories?.has(repo.name.trim().toLowerCase())) matches.add(LINKED_FROM_HUGGING_FACE);
  const tags = repo.tags ?? [];
  const raw = [repo.name, repo.description ?? '', ...tags];
  // Each text is matched on its own, so a phrase never spans name and description.
  const texts = raw.flatMap(wordForms);
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
