/**
 * Content opened from disk for a model that already exists: handed from the repository page to
 * the model's editor, which shows it as unsaved changes on top of the latest version.
 */
const drafts = new Map<string, { content: string; fileName: string }>();

export function putDraft(id: string, content: string, fileName: string): void {
  drafts.set(id, { content, fileName });
}

export function takeDraft(id: string): { content: string; fileName: string } | undefined {
  const draft = drafts.get(id);
  drafts.delete(id);
  return draft;
}
