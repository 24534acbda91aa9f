import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.tmp/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Remote text renders as text (engineering.md): no raw HTML insertion anywhere.
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render remote text as text.' },
        { selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render remote text as text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render remote text as text.' },
      ],
      'no-restricted-properties': ['error', { object: 'document', property: 'write' }],
    },
  },
  {
    // Views read models; they never fetch or open the database (architecture.md, floor 3).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Components do not fetch; read a model.' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Components read models, not the database.' }],
          patterns: [{ group: ['**/history/*', '**/fetch-source', '**/refresh'], allowTypeImports: true, message: 'Components read models.' }],
        },
      ],
    },
  },
);
