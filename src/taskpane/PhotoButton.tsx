import { Button } from "@fluentui/react-components";
import { ImageAddRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import { useT } from "./i18n";

/** Base64 of a file's bytes (what Office.js `shapes.addImage` takes). */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * "Insert photo" for an item: opens the file picker for a PNG or JPEG picture and hands its bytes on;
 * the picture goes into the item's evidence cell.
 */
export function PhotoButton({
  code,
  disabled,
  onPicture,
}: {
  code: string;
  disabled?: boolean;
  onPicture: (bytes: Uint8Array, base64: string) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      {/* A short word beside the icon (an icon alone said nothing to a new user); the full name, with
          the item, for screen readers. */}
      <Button
        size="small"
        appearance="subtle"
        icon={<ImageAddRegular />}
        disabled={disabled}
        aria-label={`${t("insertPhoto")} (${code})`}
        title={`${t("insertPhoto")} (${code})`}
        onClick={() => input.current?.click()}
      >
        {t("photoLabel")}
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        aria-label={`${t("insertPhoto")}: ${t("chooseFile")} (${code})`}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          const bytes = new Uint8Array(await file.arrayBuffer());
          onPicture(bytes, toBase64(bytes));
        }}
      />
    </>
  );
}
