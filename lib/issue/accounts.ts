/**
 * Who made an item (issue #11, item 3): a reviewed table of the accounts that
 * publish on Hugging Face and GitHub, each with its role and one line saying
 * why. Pure data and a lookup; an account not in the table has no role — the
 * issue says nothing rather than guess from a name ("meta-models" is not Meta,
 * whose accounts are meta-llama and facebook).
 *
 * Roles:
 * - `lab`: a company or research group that trains and releases its own models
 *   (or, on GitHub, the code of its own research);
 * - `quantiser`: an account whose models are mostly other people's weights
 *   converted or quantised for local use (GGUF, MLX, AWQ, GPTQ, FP8…);
 * - `community`: an individual or collective known for fine-tunes, merges or
 *   uncensored ("abliterated") remixes of others' models.
 *
 * Reviewing an entry: the `why` names what the account publishes, as its
 * profile and model cards show it. A test (tests/unit/issue/accounts.test.ts)
 * keeps the table sorted, without duplicates, every handle a valid handle of
 * its hub, and reports the owners of the recorded trending list that it leaves out.
 */

export type AccountRole = 'lab' | 'quantiser' | 'community';
/** Where the handle is an account: Hugging Face, GitHub, or both under the same name. */
export type Hub = 'huggingface' | 'github' | 'both';

export interface Account {
  handle: string;
  role: AccountRole;
  hub: Hub;
  why: string;
}

/** Sorted by handle, case-insensitively (the test checks). */
export const ACCOUNTS: readonly Account[] = [
  { handle: '01-ai', role: 'lab', hub: 'both', why: '01.AI, the company that trains and releases the Yi models' },
  { handle: 'ai21labs', role: 'lab', hub: 'huggingface', why: 'AI21 Labs, which trains and releases the Jamba models' },
  { handle: 'allenai', role: 'lab', hub: 'both', why: 'The Allen Institute for AI, which trains and releases OLMo, Molmo and Tülu' },
  { handle: 'apple', role: 'lab', hub: 'both', why: 'Apple, whose research teams release OpenELM, DCLM and FastVLM' },
  { handle: 'BAAI', role: 'lab', hub: 'huggingface', why: 'The Beijing Academy of Artificial Intelligence, which releases the BGE embedding models and Emu' },
  { handle: 'baidu', role: 'lab', hub: 'both', why: 'Baidu, which trains and releases the ERNIE models' },
  { handle: 'bartowski', role: 'quantiser', hub: 'huggingface', why: "Publishes llama.cpp imatrix GGUF quantisations of other accounts' models" },
  { handle: 'black-forest-labs', role: 'lab', hub: 'both', why: 'Black Forest Labs, which trains and releases the FLUX image models' },
  { handle: 'ByteDance-Seed', role: 'lab', hub: 'both', why: "ByteDance's Seed team, which releases the Seed models and their research code" },
  { handle: 'cognitivecomputations', role: 'community', hub: 'huggingface', why: "Eric Hartford's group, known for the Dolphin uncensored fine-tunes of others' base models" },
  { handle: 'CohereLabs', role: 'lab', hub: 'huggingface', why: "Cohere's research lab, which releases the Command R and Aya models" },
  { handle: 'DavidAU', role: 'community', hub: 'huggingface', why: "An individual publishing merges, fine-tunes and imatrix GGUF builds of others' models" },
  { handle: 'deepseek-ai', role: 'lab', hub: 'both', why: 'DeepSeek, which trains and releases the DeepSeek V and R models' },
  { handle: 'facebook', role: 'lab', hub: 'both', why: "Meta's research (FAIR) account: SAM, DINOv2, NLLB and other models" },
  { handle: 'google', role: 'lab', hub: 'both', why: 'Google, which releases the Gemma, T5 and SigLIP models' },
  { handle: 'google-deepmind', role: 'lab', hub: 'github', why: "Google DeepMind's GitHub organisation, the code of its research" },
  { handle: 'HuggingFaceTB', role: 'lab', hub: 'huggingface', why: "Hugging Face's own research team, which trains and releases SmolLM" },
  { handle: 'huihui-ai', role: 'community', hub: 'huggingface', why: "Publishes abliterated (refusal-removed) remixes of others' models" },
  { handle: 'ibm-granite', role: 'lab', hub: 'both', why: 'IBM, which trains and releases the Granite models' },
  { handle: 'internlm', role: 'lab', hub: 'both', why: 'Shanghai AI Laboratory, which trains and releases InternLM and InternVL' },
  { handle: 'Lightricks', role: 'lab', hub: 'both', why: 'Lightricks, the company that trains and releases the LTX video models' },
  { handle: 'LiquidAI', role: 'lab', hub: 'huggingface', why: 'Liquid AI, which trains and releases the LFM models' },
  { handle: 'lmstudio-community', role: 'quantiser', hub: 'huggingface', why: "LM Studio's account: GGUF and MLX builds of other accounts' models" },
  { handle: 'MaziyarPanahi', role: 'quantiser', hub: 'huggingface', why: "Publishes GGUF quantisations of other accounts' models" },
  { handle: 'meta-llama', role: 'lab', hub: 'both', why: 'Meta, which releases the Llama models under this account' },
  { handle: 'microsoft', role: 'lab', hub: 'both', why: 'Microsoft, which releases the Phi, Florence and VibeVoice models' },
  { handle: 'MiniMaxAI', role: 'lab', hub: 'both', why: 'MiniMax, which trains and releases the MiniMax text, speech and video models' },
  { handle: 'mistralai', role: 'lab', hub: 'both', why: 'Mistral AI, which trains and releases the Mistral, Mixtral and Magistral models' },
  { handle: 'mlabonne', role: 'community', hub: 'huggingface', why: "Maxime Labonne's account, known for merges and abliterated remixes of others' models" },
  { handle: 'mlx-community', role: 'quantiser', hub: 'huggingface', why: "The MLX community's account: other accounts' models converted to Apple's MLX format" },
  { handle: 'moonshotai', role: 'lab', hub: 'both', why: 'Moonshot AI, which trains and releases the Kimi models' },
  { handle: 'mradermacher', role: 'quantiser', hub: 'huggingface', why: "Publishes static and imatrix GGUF quantisations of other accounts' models" },
  { handle: 'NousResearch', role: 'community', hub: 'both', why: "An open research collective, known for the Hermes fine-tunes of others' base models" },
  { handle: 'nvidia', role: 'lab', hub: 'both', why: 'NVIDIA, which trains and releases the Nemotron, Parakeet and Cosmos models' },
  { handle: 'openai', role: 'lab', hub: 'both', why: 'OpenAI, which releases gpt-oss and Whisper under this account' },
  { handle: 'OpenGVLab', role: 'lab', hub: 'both', why: "Shanghai AI Laboratory's vision group, which releases InternVL and InternVideo" },
  { handle: 'Qwen', role: 'lab', hub: 'huggingface', why: "Alibaba Cloud's Qwen team, which trains and releases the Qwen models" },
  { handle: 'QwenLM', role: 'lab', hub: 'github', why: "The Qwen team's GitHub organisation, the code of the Qwen models" },
  { handle: 'RedHatAI', role: 'quantiser', hub: 'huggingface', why: "Red Hat AI (formerly Neural Magic): FP8 and INT4 compressed-tensors builds of other accounts' models" },
  { handle: 'stabilityai', role: 'lab', hub: 'huggingface', why: 'Stability AI, which trains and releases the Stable Diffusion models' },
  { handle: 'stepfun-ai', role: 'lab', hub: 'both', why: 'StepFun, which trains and releases the Step models' },
  { handle: 'tencent', role: 'lab', hub: 'both', why: 'Tencent, which releases the Hunyuan models' },
  { handle: 'TheBloke', role: 'quantiser', hub: 'huggingface', why: "Published GGUF, GPTQ and AWQ quantisations of other accounts' models (2023–24)" },
  { handle: 'TheDrummer', role: 'community', hub: 'huggingface', why: "An individual known for role-play and creative-writing fine-tunes of others' models" },
  { handle: 'tiiuae', role: 'lab', hub: 'huggingface', why: 'The Technology Innovation Institute, which trains and releases the Falcon models' },
  { handle: 'unsloth', role: 'quantiser', hub: 'both', why: "Unsloth AI: dynamic GGUF and 4-bit quantisations of other accounts' models (and a fine-tuning library on GitHub)" },
  { handle: 'Wan-AI', role: 'lab', hub: 'both', why: "Alibaba's Wan team, which trains and releases the Wan video models" },
  { handle: 'xai-org', role: 'lab', hub: 'both', why: 'The xAI company, which releases the Grok weights under this account' },
  { handle: 'XiaomiMiMo', role: 'lab', hub: 'both', why: 'Xiaomi, which trains and releases the MiMo models' },
  { handle: 'zai-org', role: 'lab', hub: 'both', why: 'Z.ai (Zhipu), which trains and releases the GLM models' },
];

const BY_HANDLE = new Map(ACCOUNTS.map((account) => [account.handle.toLowerCase(), account]));

/**
 * The account `owner` is, case-insensitively (handles are case-insensitive on
 * both hubs), when the table knows it on `hub`; undefined otherwise.
 */
export function accountOf(owner: string | undefined, hub: 'huggingface' | 'github' = 'huggingface'): Account | undefined {
  if (typeof owner !== 'string' || owner.length === 0 || owner.length > 96) return undefined;
  const account = BY_HANDLE.get(owner.toLowerCase());
  return account && (account.hub === 'both' || account.hub === hub) ? account : undefined;
}

/** How a role is said after the handle: "by unsloth, a quantiser". */
export const ROLE_WORDS: Record<AccountRole, string> = {
  lab: 'a lab',
  quantiser: 'a quantiser',
  community: 'a community fine-tuner',
};
