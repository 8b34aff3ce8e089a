import { useEffect, useRef } from 'react';

/** A parameter of the current hash route's query (`#/cases/<id>?section=checks&open=check`). */
export function routeParam(name: string): string | null {
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get(name);
}

/**
 * Runs `open` once for a route whose query says `name=value`, as soon as `ready`: how a work queue row does its
 * action in one click (opens the register check dialog, a document's next step) on the case page.
 */
export function useOpenFromRoute(name: string, value: string, ready: boolean, open: () => void): void {
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!ready) return;
    const hash = window.location.hash;
    if (done.current === hash || routeParam(name) !== value) return;
    done.current = hash;
    open();
    // `open` is a new function each render; `done` keeps it to once per route.
  }, [name, value, ready, open]);
}
