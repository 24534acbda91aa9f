import { dateline } from '@/lib/shared/format';

export function Masthead({ now, compact = false }: { now: number; compact?: boolean }) {
  return (
    <header class={compact ? 'masthead masthead--compact' : 'masthead'}>
      {compact ? null : <p class="masthead__rule">{dateline(now) ?? ''}</p>}
      <h1 class="masthead__title">The AI Morning Post</h1>
      {compact ? null : (
        <p class="masthead__tagline">Artificial Intelligence • Machine Learning • Future Tech</p>
      )}
    </header>
  );
}
