/**
 * A UI string with its placeholders filled in: "{n}" takes the value, "{n|file|files}" the word for
 * one or for several (English; Thai nouns do not change).
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, key: string, one, many) => {
    if (!(key in values)) return whole;
    if (one === undefined) return String(values[key]);
    return Number(values[key]) === 1 ? one : many;
  });
}
