export interface ExportBarProps {
  onCopy: () => void;
  onDownload: () => void;
  /** What the last export did ("Copied.", "Could not copy: …"); announced politely. */
  status?: string;
}

/** Share an issue as Markdown. The status region is always present so changes are announced. */
export function ExportBar({ onCopy, onDownload, status }: ExportBarProps) {
  return (
    <div class="export" role="group" aria-label="Export this issue">
      <button type="button" class="issue-button" onClick={() => onCopy()}>
        Copy as Markdown
      </button>
      <button type="button" class="issue-button" onClick={() => onDownload()}>
        Download .md
      </button>
      <span class="export__status" role="status">
        {status ?? ''}
      </span>
    </div>
  );
}
