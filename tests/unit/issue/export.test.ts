// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyText, downloadText } from '@/lib/browser/export';

describe('copyText', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes the text to the clipboard', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await copyText('# The AI Morning Post — No. 12\n');
    expect(writeText).toHaveBeenCalledExactlyOnceWith('# The AI Morning Post — No. 12\n');
  });

  it('passes on the browser refusing', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>().mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await expect(copyText('x')).rejects.toThrow('Document is not focused.');
  });

  it.each([
    ['no clipboard', {}],
    ['a clipboard without writeText', { clipboard: {} }],
  ])('rejects clearly with %s', async (_case, extra) => {
    vi.stubGlobal('navigator', { userAgent: navigator.userAgent, ...extra });
    await expect(copyText('x')).rejects.toThrow(/Copying is not available here.*navigator\.clipboard\.writeText/);
  });
});

describe('downloadText', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('clicks a temporary <a download> on an object URL of the Markdown, then revokes it', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:morning-post/1');
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { download: string; href: string; connected: boolean }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '', connected: this.isConnected });
      // Revoking before the browser has taken the URL would fail the download.
      expect(revokeObjectURL).not.toHaveBeenCalled();
    });

    downloadText('ai-morning-post-no-12-2026-11-27.md', '# The AI Morning Post — No. 12\n');

    expect(click).toHaveBeenCalledOnce();
    expect(clicked).toEqual([{ download: 'ai-morning-post-no-12-2026-11-27.md', href: 'blob:morning-post/1', connected: true }]);
    // The anchor is temporary.
    expect(document.querySelectorAll('a')).toHaveLength(0);

    expect(createObjectURL).toHaveBeenCalledOnce();
    const blob = createObjectURL.mock.calls[0]![0] as Blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe('text/markdown;charset=utf-8');
    expect(await blob.text()).toBe('# The AI Morning Post — No. 12\n');

    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledExactlyOnceWith('blob:morning-post/1');
  });

  it('still removes the anchor and revokes the URL when the click throws', () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:morning-post/2');
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
      throw new Error('blocked');
    });
    expect(() => downloadText('a.md', 'x')).toThrow('blocked');
    expect(document.querySelectorAll('a')).toHaveLength(0);
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledExactlyOnceWith('blob:morning-post/2');
  });
});
