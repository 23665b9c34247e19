import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { downloadEwpXml } from './api.ts';

export type EwpFileLink = {
  /** Translation key of the button (`ewp.download.*`). */
  labelKey: string;
  /** API path of the file, e.g. `/agreements/<id>/ewp.xml`. */
  path: string;
  fileName: string;
};

/**
 * Buttons that download records as EWP XML. The file is fetched first: when the server refuses
 * it (a field the specifications require is missing), the refusals are shown, naming the field.
 */
export function EwpDownloads({ files }: { files: EwpFileLink[] }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (f: EwpFileLink) => {
    setBusy(f.path);
    setError(null);
    try {
      await downloadEwpXml(f.path, f.fileName);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="ewp-downloads" data-testid="ewp-downloads">
      <p className="actions">
        {files.map((f) => (
          <button
            key={f.path}
            type="button"
            className="button"
            disabled={busy !== null}
            aria-busy={busy === f.path}
            onClick={() => void download(f)}
          >
            {t(f.labelKey)}
          </button>
        ))}
      </p>
      <p className="hint">{t('ewp.download.hint')}</p>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
