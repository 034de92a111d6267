/** How much of a client's value an error message may quote back. */
export const MAX_ECHO = 100;

/** A client's text as an error may quote it: at most `max` characters, cut with an ellipsis. */
export function shortened(text: string, max = MAX_ECHO): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
