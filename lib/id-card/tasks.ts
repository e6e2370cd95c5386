// The ID-card draft as a task list (issue 15): collection point · photo · signature sample · check and sign, each
// with its status. Pure: the page gives it the draft and the registration points open today.

export const draftTaskKeys = ['point', 'photo', 'signature', 'sign'] as const;
export type DraftTaskKey = (typeof draftTaskKeys)[number];
export type TaskStatus = 'not_started' | 'done' | 'attention';
/** Why a task needs attention (a message key), or why it cannot be started yet. */
export type TaskNote = 'point_closed' | 'phone_missing' | 'complete_others_first';
export type DraftTask = { key: DraftTaskKey; status: TaskStatus; note: TaskNote | null };

export type DraftFacts = {
  registrationPointId: number | null;
  phone: string | null;
  photoFileId: string | null;
  signatureFileId: string | null;
};

export function draftTasks(card: DraftFacts, openPointIds: readonly number[]): DraftTask[] {
  const pointOpen = card.registrationPointId !== null && openPointIds.includes(card.registrationPointId);
  // A new draft already has the phone BMG confirmed at the start: without a point the task is still not started.
  const point: DraftTask =
    card.registrationPointId === null
      ? { key: 'point', status: 'not_started', note: null }
      : !pointOpen
        ? { key: 'point', status: 'attention', note: 'point_closed' }
        : !card.phone
          ? { key: 'point', status: 'attention', note: 'phone_missing' }
          : { key: 'point', status: 'done', note: null };
  const photo: DraftTask = { key: 'photo', status: card.photoFileId ? 'done' : 'not_started', note: null };
  const signature: DraftTask = { key: 'signature', status: card.signatureFileId ? 'done' : 'not_started', note: null };
  const ready = [point, photo, signature].every((t) => t.status === 'done');
  // Signing is the last task: it is done when the application is sent, which ends the draft (and this list).
  const sign: DraftTask = { key: 'sign', status: 'not_started', note: ready ? null : 'complete_others_first' };
  return [point, photo, signature, sign];
}

/** How many of the tasks are done (for "2 of 4 done"). */
export const doneCount = (tasks: readonly DraftTask[]) => tasks.filter((t) => t.status === 'done').length;
