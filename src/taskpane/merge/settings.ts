/**
 * Settings the merge view remembers on this computer (localStorage of the add-in's origin; a pane
 * with no storage, such as a locked-down browser, simply does not remember).
 */
export interface Setting {
  get(): string | null;
  set(value: string): void;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage !== "undefined" ? localStorage : undefined;
  } catch {
    return undefined; // storage refused (privacy settings)
  }
}

export function localSetting(key: string, store: Storage | undefined = storage()): Setting {
  return {
    get: () => {
      try {
        return store?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set: (value) => {
      try {
        if (value.trim()) store?.setItem(key, value);
        else store?.removeItem(key);
      } catch {
        // full or refused: the setting is kept for this session only
      }
    },
  };
}

/** The compiling office printed in the central report (the CLI's `--office`). */
export const OFFICE_SETTING = "ita.office";
