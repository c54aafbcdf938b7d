import { useCallback, useState } from "react";
import { ReasonError } from "../domain/errors";
import { Msg, msg } from "../domain/text";

/** Runs one user action at a time, keeping its busy state and a bilingual error to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Msg | null>(null);
  const run = useCallback(async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError(
        e instanceof ReasonError
          ? e.reason
          : msg(
              `เกิดข้อผิดพลาด: ${(e as Error).message}`,
              `Something went wrong: ${(e as Error).message}`
            )
      );
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
