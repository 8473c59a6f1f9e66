/**
 * The person's brand choice against answers that may be older than it. The background stores
 * a choice when `selectBrand` reaches it; an overview asked before then carries the choice
 * before, and showing it would quietly undo what the person just picked.
 */
export function brandChoiceKeeper() {
  let made = 0;
  let stored = 0;
  let latest: string | undefined;
  return {
    /** The person picked `igId`; call the answer once the background has stored it (or failed to). */
    choose(igId: string): () => void {
      latest = igId;
      const choice = ++made;
      return () => {
        stored = Math.max(stored, choice);
      };
    },
    /** Call when asking for an overview; hand its answer to what this returns. */
    asking() {
      const storedWhenAsked = stored;
      return <T extends { selectedBrandIgId: string }>(answer: T): T =>
        made > storedWhenAsked && latest !== undefined ? { ...answer, selectedBrandIgId: latest } : answer;
    },
  };
}
