// Event objects for calling a page or component handler the way an AXML binding would.

/** The description of an event that a test passes; every field is optional. */
export interface EventInit {
  type?: string;
  /** The dataset of both target and currentTarget, unless `targetDataset` differs. */
  dataset?: Record<string, unknown>;
  targetDataset?: Record<string, unknown>;
  id?: string;
  detail?: unknown;
}

/** The event object a handler receives. */
export interface MiniEvent {
  type: string;
  timeStamp: number;
  target: { id: string; dataset: Record<string, unknown> };
  currentTarget: { id: string; dataset: Record<string, unknown> };
  detail: unknown;
}

export function createEvent(init: EventInit = {}): MiniEvent {
  const dataset = init.dataset ?? {};
  const id = init.id ?? '';
  return {
    type: init.type ?? 'tap',
    timeStamp: Date.now(),
    target: { id, dataset: init.targetDataset ?? dataset },
    currentTarget: { id, dataset },
    detail: init.detail ?? {},
  };
}
