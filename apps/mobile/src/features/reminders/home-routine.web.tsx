import { useEffect, useState, type ComponentType } from 'react';

let loaded: ComponentType | null = null;

/**
 * Web: the routine corner (reminder offer or banner, links to Progress and Settings) is
 * fetched once the home screen is up, so its code stays out of the first screen's download.
 * It appears a moment later, below the first session's card.
 */
export function HomeRoutine() {
  const [Routine, setRoutine] = useState<ComponentType | null>(() => loaded);

  useEffect(() => {
    if (Routine !== null) return;
    let current = true;
    import('./home-routine-view').then(
      (module) => {
        loaded = module.HomeRoutine;
        if (current) setRoutine(() => module.HomeRoutine);
      },
      (error: unknown) => console.warn('Could not load the reminder and progress links', error),
    );
    return () => {
      current = false;
    };
  }, [Routine]);

  return Routine === null ? null : <Routine />;
}
