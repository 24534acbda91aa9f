import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/paths';

/**
 * What the built extension asks for and allows, pinned for both builds (issue #9, "Manifest"): the
 * permissions, the hosts, the optional permissions and the content security policy, each written out by
 * hand here — a change to any of them is a change to this file, reviewed as such. `npm run test:e2e`
 * builds both targets first; these read what it built.
 */
type Manifest = Record<string, unknown>;

function manifestOf(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npx wxt build && npx wxt build -b firefox --mv3\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Only the keys that grant or restrict something. */
const grants = (manifest: Manifest) => ({
  permissions: manifest.permissions,
  host_permissions: manifest.host_permissions,
  optional_permissions: manifest.optional_permissions,
  optional_host_permissions: manifest.optional_host_permissions,
  content_security_policy: manifest.content_security_policy,
});

const CSP = {
  extension_pages: "script-src 'self'; object-src 'none'; connect-src https://huggingface.co https://github.com https://api.github.com",
};
const HOSTS = ['https://huggingface.co/*', 'https://github.com/*', 'https://api.github.com/*'];

describe.each([
  ['Chrome MV3', CHROME_BUILD, ['alarms', 'storage', 'sidePanel']],
  ['Firefox MV3', FIREFOX_BUILD, ['alarms', 'storage']],
])('the %s manifest', (_name, dir, permissions) => {
  const manifest = manifestOf(dir);

  it('asks for exactly these permissions, hosts and optional permissions, and states exactly this CSP', () => {
    const granted = grants(manifest);
    console.info(
      `${_name} manifest: permissions ${JSON.stringify(granted.permissions)}, hosts ${JSON.stringify(granted.host_permissions)}, optional ${JSON.stringify(granted.optional_permissions)}, CSP ${JSON.stringify(granted.content_security_policy)}`,
    );
    expect(granted).toEqual({
      permissions,
      host_permissions: HOSTS,
      optional_permissions: ['notifications'],
      optional_host_permissions: undefined,
      content_security_policy: CSP,
    });
  });

  it('allows no remote or inline code, no eval, no plugins, and no request beyond the three hosts', () => {
    const policy = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = Object.fromEntries(policy.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives).toEqual({
      'script-src': ["'self'"],
      'object-src': ["'none'"],
      'connect-src': ['https://huggingface.co', 'https://github.com', 'https://api.github.com'],
    });
    expect(policy).not.toMatch(/unsafe|wasm|\*|http:|data:|blob:/);
    expect(manifest).not.toHaveProperty('sandbox');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });
});
